"""A project's automatic backup: one copy, renewed each time the project is opened and found sound.

A project file can be damaged (a share dropped mid-write, a disk fault). When that happens the
reviewer is told in plain words what to do, and the program can put the last sound copy back,
keeping the damaged file aside rather than deleting it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from reviewer.messages import msg
from reviewer.store_schema import StoreError

BACKUP_SUFFIX = ".bak"


class CorruptProjectError(StoreError):
    """The project file is damaged; ``backup`` is the last sound copy, when there is one."""

    def __init__(self, path: Path, detail: str) -> None:
        self.path = path
        bak = backup_path(path)
        self.backup = bak if bak.is_file() else None
        if self.backup is not None:
            when = datetime.fromtimestamp(self.backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
            advice = msg("store.corrupt_backup", backup=self.backup.name, when=when, name=path.name)
        else:
            advice = msg("store.corrupt_no_backup")
        # SQLite's own words (English, technical) last and labelled, for whoever supports the reviewer.
        super().__init__(msg("store.corrupt", name=path.name, advice=advice, detail=detail))


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + BACKUP_SUFFIX)


def check_and_back_up(conn: sqlite3.Connection, path: Path) -> None:
    """Raise ``CorruptProjectError`` for a damaged file; otherwise renew its backup (atomically)."""
    try:
        result = str(conn.execute("PRAGMA quick_check(1)").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise CorruptProjectError(path, str(exc)) from exc
    if result != "ok":
        raise CorruptProjectError(path, result)
    target = backup_path(path)
    tmp = target.with_name(target.name + ".tmp")
    try:
        copy = sqlite3.connect(tmp)
        try:
            conn.backup(copy)
        finally:
            copy.close()
        os.replace(tmp, target)
    except (OSError, sqlite3.Error):
        tmp.unlink(missing_ok=True)  # no room for a backup: the project itself is still sound


def restore_backup(path: Path) -> Path:
    """Put the backup in place of a damaged project; returns where the damaged file was kept."""
    backup = backup_path(path)
    if not backup.is_file():
        raise StoreError(f"{path.name}：没有自动备份可以恢复")
    kept = path.with_name(f"{path.name}.损坏-{datetime.now():%Y%m%d-%H%M%S}")
    for suffix in ("", "-wal", "-shm"):
        side = Path(str(path) + suffix)
        if side.exists():
            os.replace(side, Path(str(kept) + suffix))
    shutil.copy2(backup, path)
    return kept
