"""``ReviewStore`` on the team's PostgreSQL server: the same interface as the project file.

Every write is one transaction through a small connection pool (safe to share between the
window, its writer and its loader threads). Decisions and verdicts are appended, never updated:
the current one of an item is the latest by the time it was made, and the server writes the
history itself (``server_schema``). A lost connection raises ``ServerOfflineError`` — the writer
keeps the change in its local outbox and sends it when the server is back — and a write the
server's rights refuse raises ``RefusedError`` with the reason in Chinese.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout

from reviewer.checklist import Checklist, ChecklistError, parse_checklist
from reviewer.location import AddressError, ServerAddress, parse_server
from reviewer.messages import msg
from reviewer.model import DECISIONS, VERDICTS, Decision, Document, ItemDecision, ReportVerdict, Verdict
from reviewer.packing import pack_json, unpack_json
from reviewer.project_copy import ProjectDump
from reviewer.review_store import HistoryEntry, ReportRecord, in_first_places, same_unit_and_year
from reviewer.serialize import document_from_json, document_to_json
from reviewer.server_errors import (
    RefusedError,
    ServerOfflineError,
    connect_kwargs,
    explain_parts,
    failure,
    refusal,
    refused_in_words,
)
from reviewer.server_lastyear import ServerLastYear
from reviewer.store_schema import StoreError

log = logging.getLogger(__name__)
_REPORT_COLUMNS = "sha256, path, path_raw, issuer, year, level, changed_from, name, name_raw, format, size, mtime"
DECISION_COLUMNS = "report, item, decision, comment, reviewer, time, stale"
VERDICT_COLUMNS = "report, verdict, comment, reviewer, time"


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def path_text(value: str) -> tuple[str, bytes | None]:
    """A path as the server keeps it: readable text, and its raw bytes when it is not valid Unicode."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raw = os.fsencode(value)
        return raw.decode("utf-8", "replace"), raw
    return value, None


def _clean(value: str | None) -> str | None:
    return None if value is None else value.replace("\x00", "")  # PostgreSQL text holds no NUL


def report_row(r: tuple[Any, ...]) -> ReportRecord:
    path = os.fsdecode(bytes(r[2])) if r[2] is not None else r[1]
    name = os.fsdecode(bytes(r[8])) if r[8] is not None else r[7]
    return ReportRecord(r[0], path, r[3], r[4], r[5], r[6], name, r[9], int(r[10]), r[11])


def decision_row(r: tuple[Any, ...]) -> ItemDecision:
    return ItemDecision(r[0], r[1], r[2], r[3], r[4], r[5], stale=bool(r[6]))


class ServerReviewStore(ServerLastYear):
    """Open with ``open_server_store`` (or ``reviewer.store.open_store`` with a URL)."""

    def __init__(self, pool: ConnectionPool, address: ServerAddress, identity: tuple[str, bool] | None) -> None:
        self._pool = pool
        self.address = address
        self.identity = identity  # (the reviewer's name, is lead), None for the project's owner

    @property
    def journal_mode(self) -> str:
        return "server"

    @property
    def location(self) -> str:
        return self.address.url(with_password=False)

    @property
    def is_lead(self) -> bool:
        return self.identity is None or self.identity[1]

    def _who(self, reviewer: str) -> str:
        """A reviewer writes under their own name; a lead (or the owner copying a project) may write
        under the names of those who made the decisions."""
        return self.identity[0] if self.identity is not None and not self.identity[1] else reviewer

    @contextmanager
    def _tx(self) -> Iterator[psycopg.Connection[Any]]:
        try:
            with self._pool.connection() as conn, conn.transaction():
                yield conn
        except (psycopg.OperationalError, PoolTimeout) as exc:
            raise ServerOfflineError(*explain_parts(self.address, exc)) from exc
        except psycopg.errors.InsufficientPrivilege as exc:
            raise RefusedError(refused_in_words(self.address.database, exc.diag.message_primary or "")) from exc
        except psycopg.Error as exc:
            raise StoreError(msg("server.save_failed", database=self.address.database,
                                 error=exc.diag.message_primary or str(exc))) from exc

    def _rows(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._tx() as conn:
            return conn.execute(sql, args).fetchall()

    # reports -------------------------------------------------------------------------------
    def add_report(
        self, doc: Document, issuer: str | None, year: int | None, level: str | None, mtime: float | None = None
    ) -> ReportRecord:
        path, path_raw = path_text(doc.path)
        name, name_raw = path_text(Path(doc.path).name)
        with self._tx() as db:
            row = db.execute("SELECT changed_from, removed FROM reports WHERE sha256=%s", (doc.sha256,)).fetchone()
            if row is not None and row[1] is not None and not self.is_lead:  # said, not "opened" for nothing
                raise RefusedError(msg("sync.removed_report"))
            old = None
            if row is None:
                # a report the lead removed (not one a newer version replaced) comes back with its review,
                # as in a project file; a reviewer decides nothing on a removed report (schema 6)
                removed = (" OR NOT EXISTS (SELECT 1 FROM reports n WHERE n.changed_from = r.sha256)"
                           if self.is_lead else "")
                found = db.execute(
                    "SELECT sha256, removed, issuer, year FROM reports r WHERE path=%s"
                    " AND path_raw IS NOT DISTINCT FROM %s AND sha256<>%s"
                    f" AND (removed IS NULL{removed}) ORDER BY removed IS NOT NULL, seq DESC LIMIT 1",
                    (path, path_raw, doc.sha256)).fetchone()
                carried = found is not None and (found[1] is None or same_unit_and_year(found[2], found[3],
                                                                                      _clean(issuer), year))
                old = found[0] if found is not None and carried else None
            changed_from = row[0] if row else old
            # A report already there is the lead's to change (schema 4): a reviewer's copy adds nothing.
            again = (" ON CONFLICT (sha256) DO UPDATE SET path=excluded.path, path_raw=excluded.path_raw,"
                     " issuer=excluded.issuer, year=excluded.year, level=excluded.level, name=excluded.name,"
                     " name_raw=excluded.name_raw, format=excluded.format, size=excluded.size,"
                     " mtime=excluded.mtime, removed=NULL") if self.is_lead else " ON CONFLICT (sha256) DO NOTHING"
            db.execute(
                f"INSERT INTO reports({_REPORT_COLUMNS}) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s){again}",
                (doc.sha256, path, path_raw, _clean(issuer), year, _clean(level), changed_from, name, name_raw,
                 doc.format, doc.size, mtime))
            replace = " DO UPDATE SET data=excluded.data" if self.is_lead else " DO NOTHING"
            db.execute(f"INSERT INTO texts(sha256, data) VALUES (%s,%s) ON CONFLICT (sha256){replace}",
                       (doc.sha256, pack_json(document_to_json(doc))))
            if old is not None:
                db.execute("SELECT carry_decisions(%s, %s)", (doc.sha256, old))
                # a server not yet upgraded (schema 2) has no carry_verdict: its decisions still follow
                if db.execute("SELECT to_regproc('fazhi.carry_verdict')").fetchone() != (None,):
                    db.execute("SELECT carry_verdict(%s, %s)", (doc.sha256, old))
                if db.execute("SELECT to_regproc('fazhi.carry_assignments')").fetchone() != (None,):
                    db.execute("SELECT carry_assignments(%s, %s)", (doc.sha256, old))
                db.execute("UPDATE reports SET removed=now() WHERE sha256=%s AND removed IS NULL", (old,))
        return ReportRecord(doc.sha256, doc.path, issuer, year, level, changed_from, Path(doc.path).name, doc.format,
                            doc.size, mtime)

    def reports(self) -> list[ReportRecord]:
        rows = self._rows(f"SELECT {_REPORT_COLUMNS}, removed IS NULL FROM reports ORDER BY seq")
        return in_first_places([report_row(r[:-1]) for r in rows if r[-1]], [(r[0], r[6]) for r in rows])

    def documents(self, shas: Iterable[str] | None = None) -> list[Document]:
        sql = ("SELECT r.sha256, r.path, r.path_raw, t.data FROM reports r JOIN texts t ON t.sha256 = r.sha256"
               " WHERE r.removed IS NULL")
        args: tuple[Any, ...] = ()
        if shas is not None:
            sql, args = sql + " AND r.sha256 = ANY(%s)", (list(shas),)
        out = []
        for sha, path, raw, blob in self._rows(sql + " ORDER BY r.seq", args):
            doc = document_from_json(unpack_json(blob), os.fsdecode(bytes(raw)) if raw is not None else path)
            if doc.sha256 == sha:  # a text planted under another report's name is none of this one's (it
                out.append(doc)   # took that report's place in every window: found by a helper session)
            else:
                log.warning("the text stored for %s is another report's (%s): left out", sha, doc.sha256)
        return out

    def remove_reports(self, shas: Iterable[str], reviewer: str) -> None:
        now = _now()
        with self._tx() as db:
            for sha in shas:
                if db.execute("UPDATE reports SET removed=now() WHERE sha256=%s AND removed IS NULL",
                              (sha,)).rowcount:
                    db.execute("INSERT INTO history(time, reviewer, report, item, field, old, new)"
                               " VALUES (%s,%s,%s,NULL,'removed',NULL,'移出项目')", (now, self._who(reviewer), sha))

    # analysis cache and checklists ---------------------------------------------------------
    def cached_analysis(self, sha256: str, version: str) -> dict[str, Any] | None:
        rows = self._rows("SELECT data FROM analyses WHERE sha256=%s AND version=%s", (sha256, version))
        return dict(unpack_json(rows[0][0])) if rows else None

    def cached_analyses(self, version: str) -> dict[str, dict[str, Any]]:
        rows = self._rows("SELECT sha256, data FROM analyses WHERE version=%s", (version,))
        return {sha: unpack_json(blob) for sha, blob in rows}

    def save_analysis(self, sha256: str, version: str, analysis: dict[str, Any]) -> None:
        self.save_packed(sha256, version, pack_json(analysis))

    def save_packed(self, sha256: str, version: str, blob: bytes) -> None:
        if not self.is_lead:
            return  # the shared cache is the lead's (schema 4): a reviewer's window analyses for itself
        with self._tx() as db:
            db.execute("DELETE FROM analyses WHERE sha256=%s AND version<>%s", (sha256, version))
            db.execute("INSERT INTO analyses(sha256, version, data) VALUES (%s,%s,%s) ON CONFLICT (sha256, version)"
                       " DO UPDATE SET data=excluded.data", (sha256, version, blob))

    def save_checklist(self, checklist: Checklist) -> None:
        if not self.is_lead:
            return  # the project's checklist is the lead's to set (schema 4)
        with self._tx() as db:
            db.execute("INSERT INTO checklists(version, name, data) VALUES (%s,%s,%s) ON CONFLICT DO NOTHING",
                       (checklist.version, checklist.name, checklist.data))
            db.execute("INSERT INTO settings(key, value) VALUES ('checklist', %s) ON CONFLICT (key)"
                       " DO UPDATE SET value=excluded.value", (checklist.version,))

    def checklist(self) -> Checklist | None:
        rows = self._rows("SELECT c.name, c.data FROM settings s JOIN checklists c ON c.version = s.value"
                          " WHERE s.key='checklist'")
        if not rows:
            return None
        try:
            return parse_checklist(bytes(rows[0][1]), str(rows[0][0]))
        except ChecklistError:
            return None

    # decisions and verdicts ----------------------------------------------------------------
    def set_decision(self, report: str, item: str, decision: Decision, comment: str, reviewer: str,
                     at: str | None = None) -> ItemDecision:
        if decision not in DECISIONS:
            raise StoreError(f"{self.address.database}：无效的核查项判断“{decision}”")
        now, who, text = at or _now(), self._who(reviewer), _clean(comment) or ""
        try:
            with self._tx() as db:
                db.execute("INSERT INTO decision_log(report, item, decision, comment, reviewer, time, at)"
                           " VALUES (%s,%s,%s,%s,%s,%s,%s::timestamptz)", (report, item, decision, text, who, now, now))
        except RefusedError:
            if self._rows("SELECT 1 FROM reports WHERE sha256=%s AND removed IS NOT NULL", (report,)):
                raise RefusedError("组长已把这份报告移出项目，不能再修改它的核查项判断") from None
            raise RefusedError(refusal(self._assignees(report))) from None
        return ItemDecision(report, item, decision, text, who, now)

    def _assignees(self, report: str) -> list[str]:
        rows = self._rows("SELECT m.display FROM assignments a JOIN members m ON m.login = a.login"
                          " WHERE a.report=%s ORDER BY a.time, m.display", (report,))
        return [r[0] for r in rows]

    def decisions(self, report: str) -> dict[str, ItemDecision]:
        rows = self._rows(f"SELECT DISTINCT ON (item) {DECISION_COLUMNS} FROM decision_log WHERE report=%s"
                          " ORDER BY item, at DESC, id DESC", (report,))
        return {r[1]: decision_row(r) for r in rows}

    def all_decisions(self) -> dict[str, dict[str, ItemDecision]]:
        out: dict[str, dict[str, ItemDecision]] = {}
        for r in self._rows(f"SELECT DISTINCT ON (report, item) {DECISION_COLUMNS} FROM decision_log"
                            " ORDER BY report, item, at DESC, id DESC"):
            out.setdefault(r[0], {})[r[1]] = decision_row(r)
        return out

    def set_verdict(self, report: str, verdict: Verdict, comment: str, reviewer: str,
                    at: str | None = None) -> ReportVerdict:
        if verdict not in VERDICTS:
            raise StoreError(f"{self.address.database}：无效的审阅结论“{verdict}”")
        now, text = at or _now(), _clean(comment) or ""
        try:
            with self._tx() as db:
                db.execute("INSERT INTO verdict_log(report, verdict, comment, reviewer, time, at)"
                           " VALUES (%s,%s,%s,%s,%s,%s::timestamptz)", (report, verdict, text, reviewer, now, now))
        except RefusedError:
            raise RefusedError(msg("sync.lead_only")) from None
        return ReportVerdict(report, verdict, text, reviewer, now)

    def verdict(self, report: str) -> ReportVerdict | None:
        rows = self._rows(f"SELECT {VERDICT_COLUMNS} FROM verdict_log WHERE report=%s"
                          " ORDER BY at DESC, id DESC LIMIT 1", (report,))
        return ReportVerdict(*rows[0]) if rows else None

    def all_verdicts(self) -> dict[str, ReportVerdict]:
        rows = self._rows(f"SELECT DISTINCT ON (report) {VERDICT_COLUMNS} FROM verdict_log"
                          " ORDER BY report, at DESC, id DESC")
        return {r[0]: ReportVerdict(*r) for r in rows}

    def history(self, report: str | None = None) -> list[HistoryEntry]:
        sql = "SELECT time, reviewer, report, item, field, old, new FROM history"
        args: tuple[str, ...] = ()
        if report is not None:
            sql, args = sql + " WHERE report=%s", (report,)
        return [HistoryEntry(*r) for r in self._rows(sql + " ORDER BY id", args)]

    # the team ------------------------------------------------------------------------------
    def assignments(self) -> dict[str, list[str]]:
        """Report → the names of the reviewers it is assigned to."""
        out: dict[str, list[str]] = {}
        for report, name in self._rows("SELECT a.report, m.display FROM assignments a JOIN members m"
                                       " ON m.login = a.login ORDER BY a.time, m.display"):
            out.setdefault(report, []).append(name)
        return out

    def assign(self, reports: Iterable[str], reviewer: str) -> int:
        """Assign reports to a reviewer of the project (a lead's right); returns how many were new."""
        try:
            with self._tx() as db:
                row = db.execute("SELECT login FROM members WHERE display=%s OR login=%s", (reviewer, reviewer))
                found = row.fetchone()
                if found is None:
                    raise StoreError(msg("project.no_reviewer", database=self.address.database, reviewer=reviewer))
                n = 0
                for sha in reports:
                    n += db.execute("INSERT INTO assignments(report, login) VALUES (%s,%s) ON CONFLICT DO NOTHING",
                                    (sha, found[0])).rowcount
                return n
        except RefusedError:
            raise RefusedError(msg("sync.lead_only_assign")) from None

    def unassign(self, reports: Iterable[str], reviewer: str) -> int:
        """Take reports back from a reviewer (a lead's right: a wrong assignment is undone); returns how many."""
        with self._tx() as db:
            found = db.execute("SELECT login FROM members WHERE display=%s OR login=%s",
                               (reviewer, reviewer)).fetchone()
            if found is None:
                raise StoreError(msg("project.no_reviewer", database=self.address.database, reviewer=reviewer))
            if db.execute("SELECT is_lead() OR is_owner()").fetchone() != (True,):
                raise RefusedError(msg("sync.lead_only_unassign"))
            return sum(db.execute("DELETE FROM assignments WHERE report=%s AND login=%s", (sha, found[0])).rowcount
                       for sha in reports)

    def dump(self) -> ProjectDump:
        from reviewer.server_dump import dump_server

        with self._tx() as db:
            db.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")  # one consistent snapshot
            return dump_server(db)

    def restore(self, dump: ProjectDump) -> None:
        """Write a copied project in (the owner's or a lead's right; see ``project_copy``)."""
        from reviewer.server_dump import restore_server

        try:
            with self._tx() as db:
                restore_server(db, dump)
        except RefusedError:
            raise RefusedError(msg("server.lead_only_copy")) from None

    def checkpoint(self) -> None:
        pass  # no journal beside a file to copy in

    def close(self) -> None:
        self._pool.close()


def open_server_store(url: str, *, password: str | None = None, user: str | None = None,
                      timeout_s: float = 5.0, pool_size: int = 4,
                      connect: Callable[..., ConnectionPool] = ConnectionPool) -> ServerReviewStore:
    """Connect to a project on the team's server. Raises ``StoreError`` (``ServerOfflineError`` when
    the server cannot be reached) with a Chinese message naming the server and the cause."""
    try:
        address = parse_server(url, user=user, password=password)
    except AddressError as exc:
        raise StoreError(exc.message) from exc
    kwargs = connect_kwargs(address, timeout_s)
    try:  # one plain connection first: a wrong password or a missing project is said at once
        with psycopg.connect(address.url(with_password=False), **kwargs) as conn:
            identity = _check_project(conn, address)
    except psycopg.Error as exc:
        raise failure(address, exc) from exc
    # The pool's own retries are said in English on stderr, one line each ("error connecting in 'fazhi'":
    # 28 in a 20 s outage, found by a helper session); the program says an outage in its own words.
    logging.getLogger("psycopg.pool").setLevel(logging.ERROR)
    pool = connect(address.url(with_password=False), kwargs=kwargs, min_size=1, max_size=pool_size,
                   timeout=timeout_s, open=False, check=ConnectionPool.check_connection, name="fazhi",
                   reconnect_timeout=10 * 365 * 86400.0)  # a server down for a day is waited for
    try:
        pool.open(wait=True, timeout=timeout_s)
    except PoolTimeout as exc:
        pool.close()
        raise ServerOfflineError(*explain_parts(address, exc)) from exc
    return ServerReviewStore(pool, address, identity)


def _check_project(conn: psycopg.Connection[Any], address: ServerAddress) -> tuple[str, bool] | None:
    """The project's schema version and who is connecting (None for the owner)."""
    from reviewer.server_schema import SCHEMA_VERSION

    db = address.database
    if conn.execute("SELECT to_regclass('fazhi.meta')").fetchone() == (None,):
        raise StoreError(msg("server.not_initialised_connect", database=db))
    try:
        version = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        me = conn.execute("SELECT display, lead FROM members WHERE login = session_user").fetchone()
        owner = conn.execute("SELECT pg_has_role(session_user, (SELECT relowner FROM pg_class"
                             " WHERE oid = 'fazhi.reports'::regclass), 'MEMBER')").fetchone()
    except psycopg.errors.InsufficientPrivilege:
        raise RefusedError(msg("server.not_member", user=address.user, database=db)) from None
    finally:
        conn.rollback()
    if version is not None and int(version[0]) > SCHEMA_VERSION:
        raise StoreError(msg("server.newer_connect", database=db, version=str(version[0])))
    if me is None and not (owner and owner[0]):
        raise RefusedError(msg("server.not_member", user=address.user, database=db))
    return (str(me[0]), bool(me[1])) if me is not None else None
