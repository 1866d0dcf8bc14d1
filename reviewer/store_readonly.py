"""A project file this program may not write, opened to be read and exported."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reviewer.messages import Message, msg
from reviewer.store import READ_ONLY, CorruptProjectError, SqliteReviewStore
from reviewer.store_schema import (
    SCHEMA_VERSION,
    SQLITE_NOTADB,
    StoreError,
    not_a_project,
    project_version,
    sqlite_uri,
)


def open_read_only(p: Path) -> SqliteReviewStore:
    """A project file this program may not write (a read-only file or folder, a colleague's copy on a
    read-only share): opened to be read and exported. Every change to it raises ``StoreError``
    saying so; nothing is written, no backup made."""
    conn = read_only_connection(p, msg("store.why_read_only"))
    try:
        version = project_version(conn, p)
    except StoreError:
        conn.close()
        raise
    if version != SCHEMA_VERSION:  # it cannot be brought up to date here
        conn.close()
        raise StoreError(msg("store.read_only_old", name=p.name, version=version))
    return SqliteReviewStore(conn, p, READ_ONLY)


def read_only_connection(p: Path, why: Message | None = None) -> sqlite3.Connection:
    """A connection that only reads the project file ``p`` (this one, or last year's library);
    ``why`` begins what is said when it cannot be read (e.g. 项目文件是只读的，).

    SQLite reads a project in WAL mode through files it makes beside it (its shared memory and
    journal). A file nobody may write (no write bit at all) whose journal holds nothing is read as
    unchangeable (``immutable``): nothing is made beside it. Otherwise it is read with those files:
    its owner may still be writing it, or its last changes (a crash before they were copied into
    the file) stand in the journal beside it, which an unchangeable reading would leave out. Where
    those files cannot be made (a read-only folder), it is read as unchangeable only when nothing
    waits in its journal."""
    pending = _journal_beside(p)
    if pending is not None:
        queries: tuple[str, ...] = ("mode=ro",)
    elif not p.stat().st_mode & 0o222:
        queries = ("mode=ro&immutable=1",)
    else:
        queries = ("mode=ro", "mode=ro&immutable=1")
    error: sqlite3.Error | None = None
    for query in queries:
        conn: sqlite3.Connection | None = None
        try:
            conn = sqlite3.connect(sqlite_uri(p, query), uri=True, isolation_level=None, check_same_thread=False)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.DatabaseError as exc:
            if conn is not None:
                conn.close()
            if getattr(exc, "sqlite_errorcode", None) == SQLITE_NOTADB:
                raise not_a_project(p) from exc
            if "malformed" in str(exc):
                raise CorruptProjectError(p, str(exc)) from exc
            error = exc
    said = why or msg("store.why_none")
    if pending is not None:
        raise StoreError(msg("store.pending", name=p.name, why=said, pending=pending))
    raise StoreError(msg("store.unreadable", name=p.name, why=said, error=str(error)))


def _journal_beside(p: Path) -> str | None:
    """The name of the journal beside the file when changes wait in it (a WAL with frames, or a hot
    rollback journal), else None."""
    for suffix in ("-wal", "-journal"):
        try:
            if Path(f"{p}{suffix}").stat().st_size > 0:
                return f"{p.name}{suffix}"
        except OSError:
            continue
    return None
