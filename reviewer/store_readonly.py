"""A project file this program may not write, opened to be read and exported."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reviewer.store import READ_ONLY, CorruptProjectError, SqliteReviewStore
from reviewer.store_schema import APPLICATION_ID, SCHEMA_VERSION, SQLITE_NOTADB, StoreError, sqlite_uri


def open_read_only(p: Path) -> SqliteReviewStore:
    """A project file this program may not write (a read-only file or folder, a colleague's copy on a
    read-only share): opened to be read and exported. Every change to it raises ``StoreError``
    saying so; nothing is written, no backup made."""
    conn = read_only_connection(p, "项目文件是只读的，")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id != APPLICATION_ID or version != SCHEMA_VERSION:
        conn.close()
        if app_id != APPLICATION_ID:
            raise StoreError(f"{p.name}：不是审阅项目文件（是其他程序的数据库），未做任何修改")
        if version > SCHEMA_VERSION:
            raise StoreError(f"{p.name}：此项目由更新版本的审阅器创建（格式版本 {version}），请升级程序后再打开")
        raise StoreError(f"{p.name}：项目文件是只读的，而它的格式需要先升级（版本 {version}）；"
                         "请复制到可写的位置后再打开")
    return SqliteReviewStore(conn, p, READ_ONLY)


def read_only_connection(p: Path, why: str = "") -> sqlite3.Connection:
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
                raise StoreError(f"{p.name}：不是审阅项目文件（文件内容不是审阅项目数据库），未做任何修改") from exc
            if "malformed" in str(exc):
                raise CorruptProjectError(p, str(exc)) from exc
            error = exc
    if pending is not None:
        raise StoreError(f"{p.name}：{why}它最近的修改还在旁边的 {pending} 中，只读时无法读出；"
                         f"请把 {p.name} 和 {pending} 一起复制到可写的位置后再打开")
    raise StoreError(f"{p.name}：{why}无法读取（{error}）；请复制到可写的位置后再打开")


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
