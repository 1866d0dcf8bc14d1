"""The project file's schema, its migrations and how a file is opened safely.

Version 1 held decisions and cached analyses; version 2 makes the project the one record of the
review: it keeps every report's text (compressed) and source details, the checklists used, and
marks reports removed instead of deleting them, so their history stays.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path, PurePath

from reviewer.messages import Message, msg
from reviewer.vocab import Lang

APPLICATION_ID = 0x465A5256  # "FZRV": marks a file as one of our projects
READ_ONLY = "read-only"  # the journal_mode of a project opened by ``store_readonly.open_read_only``
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

_V2 = """
ALTER TABLE reports RENAME COLUMN unit TO issuer;
ALTER TABLE reports ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN format TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN size INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reports ADD COLUMN mtime REAL;
ALTER TABLE reports ADD COLUMN removed TEXT;
CREATE TABLE texts (sha256 TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE checklists (version TEXT PRIMARY KEY, name TEXT NOT NULL, data BLOB NOT NULL, added TEXT NOT NULL);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
DELETE FROM analyses;
"""

# Version 3 (reviewer.store_lastyear): the reviewer's pairings with last year's reports and ticks on
# last year's plan items; nothing earlier changes.
_V3 = """
CREATE TABLE pairings (report TEXT PRIMARY KEY, previous TEXT NOT NULL, reviewer TEXT NOT NULL, time TEXT NOT NULL);
CREATE TABLE promises (
    report TEXT NOT NULL, item TEXT NOT NULL, kept INTEGER NOT NULL, reviewer TEXT NOT NULL, time TEXT NOT NULL,
    PRIMARY KEY (report, item));
"""

#: Migrations from version N-1 to N, applied in order; version 0 is an empty file. Cached analyses
#: are dropped by version 2: they were made with cross-report findings mixed in.
MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3)
SCHEMA_VERSION = len(MIGRATIONS)


SQLITE_NOTADB = 26  # "file is not a database"


class StoreError(Exception):
    """A project file that cannot be opened or written; the message names the file.

    ``summary`` is the Chinese explanation alone and ``detail`` the technical cause (a driver's own,
    often English, words) when there is one: ``str()`` gives both, a dialog may show the detail apart.
    A message of the catalogue (a project file's problems) is kept in ``words``, for ``said(lang)``;
    the team's server's are Chinese text.
    """

    def __init__(self, message: str | Message = "", detail: str = "") -> None:
        self.words = message if isinstance(message, Message) else None
        summary = message.render() if isinstance(message, Message) else message
        super().__init__(f"{summary}（{detail}）" if detail else summary)
        self.summary = summary
        self.detail = detail

    def said(self, lang: Lang = "zh") -> str:
        """The error in ``lang`` where the catalogue words it (else as it is: Chinese)."""
        if self.words is None or lang == "zh":
            return str(self)
        text = self.words.render(lang)
        return f"{text} ({self.detail})" if self.detail else text


_SQLITE_FULL, _SQLITE_IOERR = 13, 10
_NEARLY_FULL = 1024 * 1024  # bytes left: SQLite needs room for its journal as well as the change


def disk_full(path: Path, exc: sqlite3.Error) -> Message | None:
    """The reviewer's words for a write that failed because the disk is full, else None. SQLite says
    "database or disk is full", or (in WAL mode) only "disk I/O error"; the free space decides."""
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    if code not in (_SQLITE_FULL, _SQLITE_IOERR):
        return None
    try:
        free = shutil.disk_usage(path.parent).free
    except OSError:
        return None
    if free >= _NEARLY_FULL:  # full for another reason: a share's quota, FAT32's 4 GB a file
        return None
    return msg("store.disk_full", name=path.name, kb=free // 1024)


def sqlite_uri(path: PurePath, query: str) -> str:
    """``path`` as an SQLite URI with ``query``: no authority, so that a Windows share's path
    (\\\\server\\share\\x.review, whose ``as_uri`` names the server as the authority, which SQLite
    refuses) stays a path; ``?``, ``#`` and ``%`` in a name are escaped."""
    from urllib.parse import quote

    posix = (path.resolve() if isinstance(path, Path) else path).as_posix()
    if posix.startswith("//"):  # a UNC path: SQLite reads file:////server/share/… as //server/share/…
        return f"file://{quote(posix, safe='/:')}?{query}"
    if not posix.startswith("/"):  # a drive letter: file:///C:/…
        return f"file:///{quote(posix, safe='/:')}?{query}"
    return f"file:{quote(posix, safe='/:')}?{query}"


_PAGE_MIN = 512  # bytes: the smallest SQLite database (one page); anything shorter is no project


def check_header(path: Path) -> None:
    """Refuse files that are not SQLite at all before anything is written to them (an empty file is a
    new project)."""
    if path.is_file() and path.stat().st_size and not is_sqlite(path):
        raise not_a_project(path)


def is_sqlite(path: Path) -> bool:
    """Whether ``path`` is an SQLite file (what it holds aside), read by SQLite, never by ``open()``:
    closing any descriptor of a file drops every POSIX lock this process holds on it, so a window
    checking a project it already had open (its writer's connection) lost its locks, and the next
    program to close the project deleted the window's WAL under it: decisions shown as saved never
    reached the file. SQLite's descriptors are shared per file within a process and not closed while
    one of its connections holds a lock. Anything shorter than one page is no SQLite file (SQLite
    would take it for an empty database)."""
    try:
        if path.stat().st_size < _PAGE_MIN:
            return False
        conn = sqlite3.connect(sqlite_uri(path, "mode=ro"), uri=True)
        try:
            conn.execute("PRAGMA schema_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return getattr(exc, "sqlite_errorcode", None) != SQLITE_NOTADB  # locked, unreadable: said later
    except (OSError, ValueError):  # gone, or a path SQLite cannot be given (a NUL in it)
        return False
    return True


def not_a_project(path: Path) -> StoreError:
    return StoreError(msg("store.not_a_project", name=path.name))


def project_version(conn: sqlite3.Connection, path: Path) -> int:
    """The project's format version; refuses another program's database and a newer format."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    if app_id != APPLICATION_ID and (has_tables or version):
        raise StoreError(msg("store.other_database", name=path.name))
    if version > SCHEMA_VERSION:
        raise StoreError(msg("store.newer", name=path.name, version=version))
    return version


def migrate(conn: sqlite3.Connection, path: Path) -> None:
    version = project_version(conn, path)
    for target in range(version + 1, SCHEMA_VERSION + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in filter(str.strip, MIGRATIONS[target - 1].split(";")):
                conn.execute(statement)
            conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version={target}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


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


def enter_journal_mode(conn: sqlite3.Connection, path: Path) -> str:
    if not is_network_path(path):
        mode = str(conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]).lower()
        if mode == "wal":
            # NORMAL in WAL mode syncs at checkpoints, not at each commit: a committed write
            # survives a crash or kill of the process (what reviewers need); only a power cut
            # may roll back the last moments. It keeps a tick well under 20 ms.
            conn.execute("PRAGMA synchronous=NORMAL")
            # Each commit is copied into the project file at once (a passive checkpoint): the file is
            # handed to colleagues and copied by hand, and a copy taken while the window was open, or
            # after a crash, lacked everything still in the -wal file beside it (found by a tester).
            # About half a millisecond a tick.
            conn.execute("PRAGMA wal_autocheckpoint=1")
            return "wal"
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("PRAGMA synchronous=FULL")
    return "delete"
