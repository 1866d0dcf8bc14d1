"""The review project: one SQLite file holding reports, cached analyses, decisions and history.

Every write is its own committed transaction, so a crash or a kill loses nothing that a call
has returned from. WAL is used where it works; on network drives (where WAL's shared memory
does not work) the rollback journal is used instead, and ``journal_mode`` says which.
"""

from __future__ import annotations

import json
import os
import sqlite3
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from reviewer.model import DECISIONS, VERDICTS, Decision, ItemDecision, ReportVerdict, Verdict
from reviewer.review_store import HistoryEntry, ReportRecord

APPLICATION_ID = 0x465A5256  # "FZRV": marks a file as one of our projects
BUSY_TIMEOUT_MS = 10_000
NETWORK_FS = {"cifs", "smb", "smb2", "smbfs", "nfs", "nfs4", "afs", "9p", "fuse.sshfs", "davfs", "ncpfs"}

_V1 = """
CREATE TABLE reports (
    sha256 TEXT PRIMARY KEY, path TEXT NOT NULL, unit TEXT, year INTEGER, level TEXT,
    changed_from TEXT, added TEXT NOT NULL);
CREATE TABLE analyses (
    sha256 TEXT NOT NULL, version TEXT NOT NULL, data BLOB NOT NULL, PRIMARY KEY (sha256, version));
CREATE TABLE decisions (
    report TEXT NOT NULL, item TEXT NOT NULL, decision TEXT NOT NULL, comment TEXT NOT NULL,
    reviewer TEXT NOT NULL, time TEXT NOT NULL, stale INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (report, item));
CREATE TABLE verdicts (
    report TEXT PRIMARY KEY, verdict TEXT NOT NULL, comment TEXT NOT NULL,
    reviewer TEXT NOT NULL, time TEXT NOT NULL);
CREATE TABLE history (
    id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, reviewer TEXT NOT NULL,
    report TEXT NOT NULL, item TEXT, field TEXT NOT NULL, old TEXT, new TEXT);
CREATE INDEX history_report ON history (report);
"""

#: Migrations from version N-1 to N, applied in order; version 0 is an empty file.
MIGRATIONS: tuple[str, ...] = (_V1,)
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(Exception):
    """A project file that cannot be opened or written; the message is Chinese and names the file."""


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def is_network_path(path: Path) -> bool:
    """True for UNC paths and for files on a network mount (WAL does not work there)."""
    raw = str(path)
    if raw.startswith(("\\\\", "//")):
        return True
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return False
    resolved = str(path.resolve())
    best, fstype = "", ""
    for line in mounts:
        fields = line.split()
        if len(fields) >= 3 and resolved.startswith(fields[1]) and len(fields[1]) > len(best):
            best, fstype = fields[1], fields[2]
    return fstype in NETWORK_FS


def _decision(r: tuple[Any, ...]) -> ItemDecision:
    return ItemDecision(r[0], r[1], r[2], r[3], r[4], r[5], stale=bool(r[6]))


class SqliteReviewStore:
    """``ReviewStore`` on one SQLite file. Open with ``open_store``."""

    def __init__(self, conn: sqlite3.Connection, path: Path, journal_mode: str) -> None:
        self._conn = conn
        self.path = path
        self._journal_mode = journal_mode

    @property
    def journal_mode(self) -> str:
        return self._journal_mode

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One committed transaction; BEGIN IMMEDIATE takes the write lock up front so two
        processes serialise instead of failing half-way."""
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            yield self._conn
            self._conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise StoreError(f"{self.path.name}：保存失败（{exc}）") from exc

    # reports -------------------------------------------------------------------------------
    def add_report(self, sha256: str, path: str, unit: str | None, year: int | None, level: str | None) -> ReportRecord:
        with self._write() as db:
            row = db.execute("SELECT changed_from FROM reports WHERE sha256=?", (sha256,)).fetchone()
            changed_from = row[0] if row else self._previous_content(db, sha256, path)
            db.execute(
                "INSERT INTO reports(sha256, path, unit, year, level, changed_from, added) VALUES (?,?,?,?,?,?,?)"
                " ON CONFLICT(sha256) DO UPDATE SET path=excluded.path, unit=excluded.unit,"
                " year=excluded.year, level=excluded.level",
                (sha256, path, unit, year, level, changed_from, _now()),
            )
        return ReportRecord(sha256, path, unit, year, level, changed_from)

    @staticmethod
    def _previous_content(db: sqlite3.Connection, sha256: str, path: str) -> str | None:
        """A new hash at a known path is changed content: carry the old decisions over, marked stale."""
        old = db.execute(
            "SELECT sha256 FROM reports WHERE path=? AND sha256<>? ORDER BY added DESC LIMIT 1", (path, sha256)
        ).fetchone()
        if old is None:
            return None
        db.execute(
            "INSERT OR IGNORE INTO decisions(report, item, decision, comment, reviewer, time, stale)"
            " SELECT ?, item, decision, comment, reviewer, time, 1 FROM decisions WHERE report=?",
            (sha256, old[0]),
        )
        return str(old[0])

    def reports(self) -> list[ReportRecord]:
        rows = self._conn.execute(
            "SELECT sha256, path, unit, year, level, changed_from FROM reports ORDER BY added, path"
        ).fetchall()
        return [ReportRecord(*r) for r in rows]

    # analysis cache ------------------------------------------------------------------------
    def cached_analysis(self, sha256: str, version: str) -> dict[str, Any] | None:
        row = self._conn.execute(
            "SELECT data FROM analyses WHERE sha256=? AND version=?", (sha256, version)
        ).fetchone()
        if row is None:
            return None
        data: dict[str, Any] = json.loads(zlib.decompress(row[0]).decode("utf-8"))
        return data

    def save_analysis(self, sha256: str, version: str, analysis: dict[str, Any]) -> None:
        blob = zlib.compress(json.dumps(analysis, ensure_ascii=False).encode("utf-8"), 3)
        with self._write() as db:
            db.execute("DELETE FROM analyses WHERE sha256=? AND version<>?", (sha256, version))
            db.execute("INSERT OR REPLACE INTO analyses(sha256, version, data) VALUES (?,?,?)", (sha256, version, blob))

    def cached_analyses(self, version: str) -> dict[str, dict[str, Any]]:
        """All cached analyses of one version at once (reopening a large project)."""
        rows = self._conn.execute("SELECT sha256, data FROM analyses WHERE version=?", (version,)).fetchall()
        return {sha: json.loads(zlib.decompress(blob).decode("utf-8")) for sha, blob in rows}

    # decisions and verdicts ----------------------------------------------------------------
    def set_decision(self, report: str, item: str, decision: Decision, comment: str, reviewer: str) -> ItemDecision:
        if decision not in DECISIONS:
            raise StoreError(f"{self.path.name}：无效的审阅结论“{decision}”")
        now = _now()
        with self._write() as db:
            old = db.execute(
                "SELECT decision, comment FROM decisions WHERE report=? AND item=?", (report, item)
            ).fetchone()
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

    def set_verdict(self, report: str, verdict: Verdict, comment: str, reviewer: str) -> ReportVerdict:
        if verdict not in VERDICTS:
            raise StoreError(f"{self.path.name}：无效的审阅结论“{verdict}”")
        now = _now()
        with self._write() as db:
            old = db.execute("SELECT verdict, comment FROM verdicts WHERE report=?", (report,)).fetchone()
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

    def close(self) -> None:
        self._conn.close()


def _check_header(path: Path) -> None:
    """Refuse files that are not SQLite at all before sqlite3 touches them."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise StoreError(f"{path.name}：不是审阅项目文件（文件内容不是审阅项目数据库），未做任何修改")


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    if app_id != APPLICATION_ID and (has_tables or version):
        raise StoreError(f"{path.name}：不是审阅项目文件（是其他程序的数据库），未做任何修改")
    if version > SCHEMA_VERSION:
        raise StoreError(f"{path.name}：此项目由更新版本的审阅器创建（格式版本 {version}），请升级程序后再打开")
    for target in range(version + 1, SCHEMA_VERSION + 1):
        conn.execute("BEGIN IMMEDIATE")
        for statement in filter(str.strip, MIGRATIONS[target - 1].split(";")):
            conn.execute(statement)
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version={target}")
        conn.execute("COMMIT")


def _enter_journal_mode(conn: sqlite3.Connection, path: Path) -> str:
    if not is_network_path(path):
        mode = str(conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]).lower()
        if mode == "wal":
            # NORMAL in WAL mode syncs at checkpoints, not at each commit: a committed write
            # survives a crash or kill of the process (what reviewers need); only a power cut
            # may roll back the last moments. It keeps a tick well under 20 ms.
            conn.execute("PRAGMA synchronous=NORMAL")
            return "wal"
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("PRAGMA synchronous=FULL")
    return "delete"


def open_store(path: str | os.PathLike[str], *, connect: Callable[..., sqlite3.Connection] = sqlite3.connect
               ) -> SqliteReviewStore:
    """Open or create a project file. Raises ``StoreError`` (nothing overwritten) when it cannot."""
    p = Path(path)
    _check_header(p)
    if p.exists() and not os.access(p, os.W_OK):
        raise StoreError(f"{p.name}：项目文件是只读的，无法保存审阅结果；请复制到可写的位置后再打开")
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        conn = connect(str(p), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        _migrate(conn, p)
        mode = _enter_journal_mode(conn, p)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{p.name}：无法打开审阅项目（{exc}），未做任何修改") from exc
    except OSError as exc:
        raise StoreError(f"{p.name}：无法创建审阅项目（{exc.strerror or exc}）") from exc
    return SqliteReviewStore(conn, p, mode)
