"""What a project keeps about last year's reports: the reviewer's pairings and ticks, and settings.

A pairing correction says which report of last year goes with a report of this year ("" for none:
the report is not to be compared); without one the pairing is automatic. A promise tick is the
reviewer's word on one item of last year's plan: carried out (kept) or not. Both are review work,
so they live in the project beside the decisions, with their history; the reference library chosen
in 往年报告库 is a project setting (``LIBRARY_SETTING``), since it belongs to this review and travels
with the project file to a colleague.

The SQLite tables are made by schema version 3 (``store_schema``); the methods are mixed into both
stores, so the contract tests hold them to the same behaviour.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime

LIBRARY_SETTING = "lastyear.library"
AUTO = "auto"  # a pairing change back to the automatic pairing (no sha256 reads "auto")


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class PairingFix:
    report: str
    previous: str  # last year's report (sha256), or "" when the report is not to be compared
    reviewer: str
    time: str


@dataclass(frozen=True, slots=True)
class PromiseTick:
    report: str  # this year's report
    item: str  # the plan item's key (reviewer.promises.item_key)
    kept: bool  # the reviewer's word: carried out, or not
    reviewer: str
    time: str


class SqliteLastYear:
    """The methods over the ``pairings``, ``promises`` and ``settings`` tables (mixed into the SQLite store)."""

    _conn: sqlite3.Connection

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError  # the store's own committed transaction

    def setting(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM settings WHERE key=?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_setting(self, key: str, value: str | None) -> None:
        with self._write() as db:
            _write_setting(db, key, value)

    def update_setting(self, key: str, change: Callable[[str | None], str | None]) -> None:
        with self._write() as db:  # BEGIN IMMEDIATE: another process's write waits for this one
            row = db.execute("SELECT value FROM settings WHERE key=?", (key,)).fetchone()
            old = None if row is None else str(row[0])
            if (new := change(old)) != old:
                _write_setting(db, key, new)

    def pairing_fixes(self) -> dict[str, PairingFix]:
        rows = self._conn.execute("SELECT report, previous, reviewer, time FROM pairings").fetchall()
        return {r[0]: PairingFix(*r) for r in rows}

    def set_pairing(self, report: str, previous: str | None, reviewer: str, at: str | None = None) -> None:
        """Pair ``report`` with ``previous`` ("" for none); None goes back to the automatic pairing."""
        now = at or _now()
        with self._write() as db:
            old = db.execute("SELECT previous FROM pairings WHERE report=?", (report,)).fetchone()
            if previous is None:
                db.execute("DELETE FROM pairings WHERE report=?", (report,))
            else:
                db.execute("INSERT OR REPLACE INTO pairings(report, previous, reviewer, time) VALUES (?,?,?,?)",
                           (report, previous, reviewer, now))
            before, after = (old[0] if old else AUTO), (AUTO if previous is None else previous)
            if before != after:
                db.execute("INSERT INTO history(time, reviewer, report, item, field, old, new) VALUES (?,?,?,?,?,?,?)",
                           (now, reviewer, report, None, "pairing", before, after))

    def promise_ticks(self) -> dict[tuple[str, str], PromiseTick]:
        rows = self._conn.execute("SELECT report, item, kept, reviewer, time FROM promises").fetchall()
        return {(r[0], r[1]): PromiseTick(r[0], r[1], bool(r[2]), r[3], r[4]) for r in rows}

    def set_promise(self, report: str, item: str, kept: bool | None, reviewer: str, at: str | None = None) -> None:
        """The reviewer's word on one plan item; None takes it back."""
        now = at or _now()
        with self._write() as db:
            old = db.execute("SELECT kept FROM promises WHERE report=? AND item=?", (report, item)).fetchone()
            if kept is None:
                db.execute("DELETE FROM promises WHERE report=? AND item=?", (report, item))
            else:
                db.execute("INSERT OR REPLACE INTO promises(report, item, kept, reviewer, time) VALUES (?,?,?,?,?)",
                           (report, item, int(kept), reviewer, now))
            before = None if old is None else str(bool(old[0])).lower()
            after = None if kept is None else str(kept).lower()
            if before != after:
                db.execute("INSERT INTO history(time, reviewer, report, item, field, old, new) VALUES (?,?,?,?,?,?,?)",
                           (now, reviewer, report, item, "promise", before, after))


class MemoryLastYear:
    """The same in memory (mixed into the in-memory store)."""

    def __init__(self) -> None:
        self._settings: dict[str, str] = {}
        self._pairings: dict[str, PairingFix] = {}
        self._promises: dict[tuple[str, str], PromiseTick] = {}

    def _log(self, now: str, reviewer: str, report: str, item: str | None, field: str, old: str | None,
             new: str | None) -> None:
        raise NotImplementedError  # the store's history

    def setting(self, key: str) -> str | None:
        return self._settings.get(key)

    def set_setting(self, key: str, value: str | None) -> None:
        if value is None:
            self._settings.pop(key, None)
        else:
            self._settings[key] = value

    def update_setting(self, key: str, change: Callable[[str | None], str | None]) -> None:
        self.set_setting(key, change(self._settings.get(key)))

    def pairing_fixes(self) -> dict[str, PairingFix]:
        return dict(self._pairings)

    def set_pairing(self, report: str, previous: str | None, reviewer: str, at: str | None = None) -> None:
        now = at or _now()
        old = self._pairings.pop(report, None)
        if previous is not None:
            self._pairings[report] = PairingFix(report, previous, reviewer, now)
        self._log(now, reviewer, report, None, "pairing", old.previous if old else AUTO,
                  AUTO if previous is None else previous)

    def promise_ticks(self) -> dict[tuple[str, str], PromiseTick]:
        return dict(self._promises)

    def set_promise(self, report: str, item: str, kept: bool | None, reviewer: str, at: str | None = None) -> None:
        now = at or _now()
        old = self._promises.pop((report, item), None)
        if kept is not None:
            self._promises[(report, item)] = PromiseTick(report, item, kept, reviewer, now)
        self._log(now, reviewer, report, item, "promise", None if old is None else str(old.kept).lower(),
                  None if kept is None else str(kept).lower())


def _write_setting(db: sqlite3.Connection, key: str, value: str | None) -> None:
    if value is None:
        db.execute("DELETE FROM settings WHERE key=?", (key,))
    else:
        db.execute("INSERT OR REPLACE INTO settings(key, value) VALUES (?,?)", (key, value))
