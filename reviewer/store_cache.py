"""What a project keeps for the program rather than for the review: each report's analysis, cached by
analyser version, and the checklists used (the current one a setting). Mixed into the SQLite store.
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any

from reviewer.checklist import Checklist, ChecklistError, parse_checklist
from reviewer.packing import pack_json, unpack_json
from reviewer.store_schema import READ_ONLY


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


class SqliteCache:
    """The methods over the ``analyses`` and ``checklists`` tables (mixed into the SQLite store)."""

    _conn: sqlite3.Connection
    _journal_mode: str

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError  # the store's own committed transaction

    def cached_analysis(self, sha256: str, version: str) -> dict[str, Any] | None:
        row = self._conn.execute(
            "SELECT data FROM analyses WHERE sha256=? AND version=?", (sha256, version)
        ).fetchone()
        return None if row is None else dict(unpack_json(row[0]))

    def save_analysis(self, sha256: str, version: str, analysis: dict[str, Any]) -> None:
        self.save_packed(sha256, version, pack_json(analysis))

    def save_packed(self, sha256: str, version: str, blob: bytes) -> None:
        """``save_analysis`` of an analysis already packed (``packing.pack_json``), e.g. by its worker."""
        if self._journal_mode == READ_ONLY:
            return  # the program's cache, not the review: a read-only project is analysed again next time
        with self._write() as db:
            db.execute("DELETE FROM analyses WHERE sha256=? AND version<>?", (sha256, version))
            db.execute("INSERT OR REPLACE INTO analyses(sha256, version, data) VALUES (?,?,?)", (sha256, version, blob))

    def cached_analyses(self, version: str) -> dict[str, dict[str, Any]]:
        """All cached analyses of one version at once (reopening a large project)."""
        rows = self._conn.execute("SELECT sha256, data FROM analyses WHERE version=?", (version,)).fetchall()
        return {sha: unpack_json(blob) for sha, blob in rows}

    def save_checklist(self, checklist: Checklist) -> None:
        with self._write() as db:
            db.execute("INSERT OR IGNORE INTO checklists(version, name, data, added) VALUES (?,?,?,?)",
                       (checklist.version, checklist.name, checklist.data, _now()))
            db.execute("INSERT OR REPLACE INTO settings(key, value) VALUES ('checklist', ?)", (checklist.version,))

    def checklist(self) -> Checklist | None:
        row = self._conn.execute(
            "SELECT c.name, c.data FROM settings s JOIN checklists c ON c.version = s.value WHERE s.key='checklist'"
        ).fetchone()
        if row is None:
            return None
        try:
            return parse_checklist(bytes(row[1]), str(row[0]))
        except ChecklistError:
            return None  # a checklist this version of the program no longer accepts
