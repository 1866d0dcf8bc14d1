"""The review project: one SQLite file holding reports and their texts, cached analyses, the
checklists used, decisions and history.

Every write is its own committed transaction, so a crash or a kill loses nothing that a call
has returned from; any failure inside a write rolls it back, so no lock is ever left held. WAL
is used where it works; on network drives (where WAL's shared memory does not work) the rollback
journal is used instead, and ``journal_mode`` says which.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, overload

from reviewer.location import is_server
from reviewer.messages import msg, os_reason
from reviewer.model import (
    DECISIONS,
    VERDICTS,
    Decision,
    Document,
    ItemDecision,
    ReportVerdict,
    Verdict,
    not_earlier,
)
from reviewer.packing import pack_json, unpack_json
from reviewer.project_copy import ProjectDump
from reviewer.review_store import HistoryEntry, ReportRecord, ReviewStore, in_first_places, same_unit_and_year
from reviewer.serialize import document_from_json, document_to_json
from reviewer.store_backup import CorruptProjectError, backup_path, check_and_back_up
from reviewer.store_cache import SqliteCache
from reviewer.store_lastyear import SqliteLastYear
from reviewer.store_schema import (
    READ_ONLY,
    SCHEMA_VERSION,
    StoreError,
    check_header,
    disk_full,
    enter_journal_mode,
    is_network_path,
    migrate,
)

__all__ = ["READ_ONLY", "SCHEMA_VERSION", "CorruptProjectError", "SqliteReviewStore", "StoreError", "is_network_path",
           "open_store"]

BUSY_TIMEOUT_MS = 10_000
_SQLITE_READONLY = 8
_REPORT_COLUMNS = "sha256, path, issuer, year, level, changed_from, name, format, size, mtime"


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def path_value(path: str) -> str | bytes:
    """A path as stored: text, or its raw bytes when it holds undecodable file-name bytes (Linux
    names in GBK arrive as surrogate escapes, which SQLite's UTF-8 cannot take)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path)
    return path


def path_from(value: str | bytes) -> str:
    return os.fsdecode(value) if isinstance(value, bytes) else value


def _record(r: tuple[Any, ...]) -> ReportRecord:
    return ReportRecord(r[0], path_from(r[1]), r[2], r[3], r[4], r[5], path_from(r[6]), r[7], r[8], r[9])


def _decision(r: tuple[Any, ...]) -> ItemDecision:
    return ItemDecision(r[0], r[1], r[2], r[3], r[4], r[5], stale=bool(r[6]))


class SqliteReviewStore(SqliteCache, SqliteLastYear):
    """``ReviewStore`` on one SQLite file. Open with ``open_store``."""

    def __init__(self, conn: sqlite3.Connection, path: Path, journal_mode: str) -> None:
        self._conn = conn
        self.path = path
        self._journal_mode = journal_mode

    @property
    def journal_mode(self) -> str:
        return self._journal_mode

    @property
    def location(self) -> str:
        return str(self.path)

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One committed transaction; BEGIN IMMEDIATE takes the write lock up front so two
        processes serialise instead of failing half-way. Whatever goes wrong inside, the
        transaction is rolled back, so the lock is never left held."""
        if self._journal_mode == READ_ONLY:  # reviewer.store_readonly
            raise StoreError(msg("store.read_only_write", name=self.path.name))
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            yield self._conn
            self._conn.execute("COMMIT")
        except BaseException as exc:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(disk_full(self.path, exc) or msg("store.save_failed", name=self.path.name,
                                                                  error=str(exc))) from exc
            raise

    # reports -------------------------------------------------------------------------------
    def add_report(
        self, doc: Document, issuer: str | None, year: int | None, level: str | None, mtime: float | None = None
    ) -> ReportRecord:
        name = Path(doc.path).name
        with self._write() as db:
            row = db.execute("SELECT changed_from FROM reports WHERE sha256=?", (doc.sha256,)).fetchone()
            changed_from = row[0] if row else self._supersede(db, doc.sha256, doc.path, issuer, year)
            db.execute(
                f"INSERT INTO reports({_REPORT_COLUMNS}, added) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
                " ON CONFLICT(sha256) DO UPDATE SET path=excluded.path, issuer=excluded.issuer,"
                " year=excluded.year, level=excluded.level, name=excluded.name, format=excluded.format,"
                " size=excluded.size, mtime=excluded.mtime, removed=NULL",
                (doc.sha256, path_value(doc.path), issuer, year, level, changed_from, path_value(name), doc.format,
                 doc.size, mtime, _now()),
            )
            db.execute("INSERT OR REPLACE INTO texts(sha256, data) VALUES (?,?)",
                       (doc.sha256, pack_json(document_to_json(doc))))
        return ReportRecord(doc.sha256, doc.path, issuer, year, level, changed_from, name, doc.format, doc.size,
                            mtime)

    @staticmethod
    def _supersede(db: sqlite3.Connection, sha256: str, path: str, issuer: str | None, year: int | None
                   ) -> str | None:
        """New content at a known path replaces the report there: its decisions are carried over,
        marked stale, with its overall comment (not its verdict), and the old version leaves the project
        (its history stays). So does a report the reviewer removed (not one a newer version replaced): the
        removal said that opening the file again brings its review back, and a corrected file sent by the
        unit came back as a new report with nothing of it (found by a helper session); when it is of the
        same unit and year (``same_unit_and_year``)."""
        old = db.execute(
            "SELECT sha256, removed, issuer, year FROM reports r WHERE path=? AND sha256<>? AND (removed IS NULL"
            " OR NOT EXISTS (SELECT 1 FROM reports n WHERE n.changed_from = r.sha256))"
            " ORDER BY removed IS NOT NULL, added DESC LIMIT 1", (path_value(path), sha256),
        ).fetchone()
        if old is None or (old[1] is not None and not same_unit_and_year(old[2], old[3], issuer, year)):
            return None
        db.execute(
            "INSERT OR IGNORE INTO decisions(report, item, decision, comment, reviewer, time, stale)"
            " SELECT ?, item, decision, comment, reviewer, time, 1 FROM decisions WHERE report=?",
            (sha256, old[0]),
        )
        # The overall comment follows; the verdict does not: the report is to be judged again as it is.
        db.execute(
            "INSERT OR IGNORE INTO verdicts(report, verdict, comment, reviewer, time)"
            " SELECT ?, '未审', comment, reviewer, time FROM verdicts WHERE report=? AND comment<>''",
            (sha256, old[0]),
        )
        db.execute("UPDATE reports SET removed=? WHERE sha256=? AND removed IS NULL", (_now(), old[0]))
        return str(old[0])

    def reports(self) -> list[ReportRecord]:
        rows = self._conn.execute(
            f"SELECT {_REPORT_COLUMNS}, removed IS NULL FROM reports ORDER BY added, rowid").fetchall()
        return in_first_places([_record(r[:-1]) for r in rows if r[-1]], [(r[0], r[5]) for r in rows])

    def documents(self, shas: Iterable[str] | None = None) -> list[Document]:
        """Texts of the project's reports; a report of a version-1 project has none until re-imported."""
        wanted = None if shas is None else set(shas)
        out: list[Document] = []
        rows = self._conn.execute(
            "SELECT r.sha256, r.path, t.data FROM reports r JOIN texts t ON t.sha256 = r.sha256"
            " WHERE r.removed IS NULL ORDER BY r.added, r.rowid"
        )
        for sha, path, blob in rows:
            if wanted is None or sha in wanted:
                out.append(document_from_json(unpack_json(blob), path_from(path)))
        return out

    def remove_reports(self, shas: Iterable[str], reviewer: str) -> None:
        now = _now()
        with self._write() as db:
            for sha in shas:
                if db.execute("UPDATE reports SET removed=? WHERE sha256=? AND removed IS NULL", (now, sha)).rowcount:
                    self._log(db, now, reviewer, sha, None, "removed", None, "移出项目")

    # decisions and verdicts ----------------------------------------------------------------
    def set_decision(self, report: str, item: str, decision: Decision, comment: str, reviewer: str,
                     at: str | None = None) -> ItemDecision:
        if decision not in DECISIONS:
            raise StoreError(f"{self.path.name}：无效的核查项判断“{decision}”")
        now = at or _now()
        with self._write() as db:
            old = db.execute(
                "SELECT decision, comment, time FROM decisions WHERE report=? AND item=?", (report, item)
            ).fetchone()
            if old is None or not_earlier(now, old[2]):  # a change made earlier, arriving late, is history only
                db.execute(
                    "INSERT OR REPLACE INTO decisions(report, item, decision, comment, reviewer, time, stale)"
                    " VALUES (?,?,?,?,?,?,0)",
                    (report, item, decision, comment, reviewer, now),
                )
            old_d, old_c = (old[0], old[1]) if old else (None, None)
            self._log(db, now, reviewer, report, item, "decision", old_d, decision)
            self._log(db, now, reviewer, report, item, "comment", old_c, comment)
        return ItemDecision(report, item, decision, comment, reviewer, now)

    @staticmethod
    def _log(db: sqlite3.Connection, now: str, reviewer: str, report: str, item: str | None,
             field: str, old: str | None, new: str | None) -> None:
        if old != new:
            db.execute(
                "INSERT INTO history(time, reviewer, report, item, field, old, new) VALUES (?,?,?,?,?,?,?)",
                (now, reviewer, report, item, field, old, new),
            )

    def decisions(self, report: str) -> dict[str, ItemDecision]:
        rows = self._conn.execute(
            "SELECT report, item, decision, comment, reviewer, time, stale FROM decisions WHERE report=?", (report,)
        ).fetchall()
        return {r[1]: _decision(r) for r in rows}

    def all_decisions(self) -> dict[str, dict[str, ItemDecision]]:
        out: dict[str, dict[str, ItemDecision]] = {}
        for r in self._conn.execute("SELECT report, item, decision, comment, reviewer, time, stale FROM decisions"):
            out.setdefault(r[0], {})[r[1]] = _decision(r)
        return out

    def set_verdict(self, report: str, verdict: Verdict, comment: str, reviewer: str,
                    at: str | None = None) -> ReportVerdict:
        if verdict not in VERDICTS:
            raise StoreError(f"{self.path.name}：无效的审阅结论“{verdict}”")
        now = at or _now()
        with self._write() as db:
            old = db.execute("SELECT verdict, comment, time FROM verdicts WHERE report=?", (report,)).fetchone()
            if old is None or not_earlier(now, old[2]):
                db.execute(
                    "INSERT OR REPLACE INTO verdicts(report, verdict, comment, reviewer, time) VALUES (?,?,?,?,?)",
                    (report, verdict, comment, reviewer, now),
                )
            old_v, old_c = (old[0], old[1]) if old else (None, None)
            self._log(db, now, reviewer, report, None, "verdict", old_v, verdict)
            self._log(db, now, reviewer, report, None, "verdict_comment", old_c, comment)
        return ReportVerdict(report, verdict, comment, reviewer, now)

    def verdict(self, report: str) -> ReportVerdict | None:
        row = self._conn.execute(
            "SELECT report, verdict, comment, reviewer, time FROM verdicts WHERE report=?", (report,)
        ).fetchone()
        return ReportVerdict(*row) if row else None

    def all_verdicts(self) -> dict[str, ReportVerdict]:
        rows = self._conn.execute("SELECT report, verdict, comment, reviewer, time FROM verdicts").fetchall()
        return {r[0]: ReportVerdict(*r) for r in rows}

    def history(self, report: str | None = None) -> list[HistoryEntry]:
        sql = "SELECT time, reviewer, report, item, field, old, new FROM history"
        args: tuple[str, ...] = ()
        if report is not None:
            sql, args = sql + " WHERE report=?", (report,)
        return [HistoryEntry(*r) for r in self._conn.execute(sql + " ORDER BY id", args)]

    def dump(self) -> ProjectDump:
        from reviewer.store_dump import dump_file

        return dump_file(self._conn)

    def restore(self, dump: ProjectDump) -> None:
        from reviewer.store_dump import restore_file

        try:
            restore_file(self._conn, dump)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path.name}：复制失败（{exc}）") from exc

    @contextmanager
    def in_bulk(self) -> Iterator[None]:
        """Writes of an import: copied into the project file once at the end, not after each commit
        (``store_schema.enter_journal_mode``), which made a 300-report folder load 0.3 s slower."""
        if self._journal_mode != "wal":
            yield
            return
        self._conn.execute("PRAGMA wal_autocheckpoint=1000")
        try:
            yield
        finally:
            self._conn.execute("PRAGMA wal_autocheckpoint=1")
            self.checkpoint()

    def checkpoint(self) -> None:
        if self._journal_mode == "wal":  # PASSIVE: never waits for a reader, copies what it can
            self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()

    def close(self) -> None:
        self._conn.close()


@overload
def open_store(path: os.PathLike[str], *, connect: Callable[..., sqlite3.Connection] = ...,
               busy_timeout_ms: int = ..., check: bool = ..., password: str | None = ...) -> SqliteReviewStore: ...


@overload
def open_store(path: str, *, connect: Callable[..., sqlite3.Connection] = ...,
               busy_timeout_ms: int = ..., check: bool = ..., password: str | None = ...) -> ReviewStore: ...


def open_store(path: str | os.PathLike[str], *, connect: Callable[..., sqlite3.Connection] = sqlite3.connect,
               busy_timeout_ms: int = BUSY_TIMEOUT_MS, check: bool = False,
               password: str | None = None) -> ReviewStore:
    """Open a project: a ``postgresql://`` URL connects to the team's server (``password``, when
    given, wins over the URL's); anything else is a project file, created when missing.

    For a project file: raises ``StoreError`` (nothing overwritten) when it cannot be opened.

    ``busy_timeout_ms``: how long a write waits for another program's lock before failing.
    ``check``: verify the file and renew its automatic backup (when the program opens a project;
    the extra connections of workers leave this out). A damaged file raises ``CorruptProjectError``.
    A file this call created is removed again if opening fails, so a failure changes nothing.
    """
    if is_server(path):
        from reviewer.server_store import open_server_store

        return open_server_store(str(path), password=password, timeout_s=busy_timeout_ms / 1000)
    p = Path(path)
    if p.is_dir():
        raise StoreError(msg("store.folder", name=p.name))
    if p.is_file() and p.stat().st_size and not os.access(p, os.W_OK):  # checked as it is read
        from reviewer.store_readonly import open_read_only

        return open_read_only(p)
    check_header(p)
    if p.is_file() and p.stat().st_size == 0 and backup_path(p).is_file():
        # SQLite would take an empty file for a new project, and opening it renew the backup from it:
        # a project emptied by a failed copy or a full disk would lose its last sound copy too.
        raise CorruptProjectError(p, "the file is empty (0 bytes)")
    if p.exists() and not os.access(p, os.W_OK):
        raise StoreError(msg("store.read_only_empty", name=p.name))
    return _open_file(p, connect, busy_timeout_ms, check)


def _open_file(p: Path, connect: Callable[..., sqlite3.Connection], busy_timeout_ms: int,
               check: bool) -> ReviewStore:
    """``open_store`` of a project file that passed the checks made before SQLite opens it."""
    created = not p.exists()
    conn: sqlite3.Connection | None = None
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        conn = connect(str(p), timeout=busy_timeout_ms / 1000, isolation_level=None, check_same_thread=False)
        if not created and _refuses_writing(conn):
            conn.close()
            from reviewer.store_readonly import open_read_only

            return open_read_only(p)
        conn.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        migrate(conn, p)
        mode = enter_journal_mode(conn, p)
        if check and not created:
            check_and_back_up(conn, p)
    except CorruptProjectError:
        _close(conn)
        raise
    except sqlite3.DatabaseError as exc:
        _close(conn)
        _forget(p, created)
        if "malformed" in str(exc) or "not a database" in str(exc):
            raise CorruptProjectError(p, str(exc)) from exc
        if not created and getattr(exc, "sqlite_errorcode", 0) & 0xFF == _SQLITE_READONLY:
            from reviewer.store_readonly import open_read_only

            return open_read_only(p)  # a file in a folder that cannot be written (its journal cannot be made)
        raise StoreError(disk_full(p, exc) or msg("store.cannot_open", name=p.name, error=str(exc))) from exc
    except OSError as exc:
        _close(conn)
        _forget(p, created)
        raise StoreError(msg("store.cannot_create", name=p.name, reason=os_reason(exc))) from exc
    return SqliteReviewStore(conn, p, mode)


def _refuses_writing(conn: sqlite3.Connection) -> bool:
    """Whether SQLite could open the file for reading only: the system refuses writing it in a way
    ``os.access`` does not see (a Windows share's permissions, an ACL). Asked without waiting: a
    project another program is writing just now is writable. A statement that would write is
    needed: in WAL mode BEGIN IMMEDIATE alone succeeds on a file opened for reading; one that
    deletes nothing changes nothing in a file that can be written."""
    conn.execute("PRAGMA busy_timeout=0")
    try:
        conn.execute("BEGIN")
        conn.execute("DELETE FROM settings WHERE 0")
    except sqlite3.OperationalError as exc:  # a file of no project has no settings: migrate says so
        return getattr(exc, "sqlite_errorcode", 0) & 0xFF == _SQLITE_READONLY
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    return False


def _close(conn: sqlite3.Connection | None) -> None:
    if conn is not None:
        conn.close()


def _forget(p: Path, created: bool) -> None:
    """Remove what a failed first open left behind (an empty file is not a project)."""
    if created:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(str(p) + suffix).unlink(missing_ok=True)
