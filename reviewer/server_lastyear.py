"""Last year's pairings, plan-item ticks and project settings on the team's server (mixed into
``ServerReviewStore``); the same behaviour as the project file's (``store_lastyear``)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import psycopg

from reviewer.store_lastyear import AUTO, PairingFix, PromiseTick, _now


class ServerLastYear:
    def _tx(self) -> AbstractContextManager[psycopg.Connection[Any]]:
        raise NotImplementedError  # the store's own committed transaction

    def _rows(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def _who(self, reviewer: str) -> str:
        raise NotImplementedError

    def setting(self, key: str) -> str | None:
        rows = self._rows("SELECT value FROM settings WHERE key=%s", (key,))
        return None if not rows else str(rows[0][0])

    def set_setting(self, key: str, value: str | None) -> None:
        with self._tx() as db:
            _write_setting(db, key, value)

    def update_setting(self, key: str, change: Callable[[str | None], str | None]) -> None:
        with self._tx() as db:  # the lock, not the row's: the first writer of a key has no row to lock
            db.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 2))", (key,))
            row = db.execute("SELECT value FROM settings WHERE key=%s", (key,)).fetchone()
            old = None if row is None else str(row[0])
            if (new := change(old)) != old:
                _write_setting(db, key, new)

    def pairing_fixes(self) -> dict[str, PairingFix]:
        return {r[0]: PairingFix(*r) for r in self._rows("SELECT report, previous, reviewer, time FROM pairings")}

    def set_pairing(self, report: str, previous: str | None, reviewer: str, at: str | None = None) -> None:
        now, who = at or _now(), self._who(reviewer)
        with self._tx() as db:
            db.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 1))", (report,))
            old = db.execute("SELECT previous FROM pairings WHERE report=%s", (report,)).fetchone()
            if previous is None:
                db.execute("DELETE FROM pairings WHERE report=%s", (report,))
            else:
                db.execute("INSERT INTO pairings(report, previous, reviewer, time) VALUES (%s,%s,%s,%s)"
                           " ON CONFLICT (report) DO UPDATE SET previous=excluded.previous,"
                           " reviewer=excluded.reviewer, time=excluded.time", (report, previous, who, now))
            before, after = (old[0] if old else AUTO), (AUTO if previous is None else previous)
            if before != after:
                db.execute("INSERT INTO history(time, reviewer, report, item, field, old, new)"
                           " VALUES (%s,%s,%s,NULL,'pairing',%s,%s)", (now, who, report, before, after))

    def promise_ticks(self) -> dict[tuple[str, str], PromiseTick]:
        rows = self._rows("SELECT report, item, kept, reviewer, time FROM promises")
        return {(r[0], r[1]): PromiseTick(r[0], r[1], bool(r[2]), r[3], r[4]) for r in rows}

    def set_promise(self, report: str, item: str, kept: bool | None, reviewer: str, at: str | None = None) -> None:
        now, who = at or _now(), self._who(reviewer)
        with self._tx() as db:
            db.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 2))", (report + "\x1f" + item,))
            old = db.execute("SELECT kept FROM promises WHERE report=%s AND item=%s", (report, item)).fetchone()
            if kept is None:
                db.execute("DELETE FROM promises WHERE report=%s AND item=%s", (report, item))
            else:
                db.execute("INSERT INTO promises(report, item, kept, reviewer, time) VALUES (%s,%s,%s,%s,%s)"
                           " ON CONFLICT (report, item) DO UPDATE SET kept=excluded.kept,"
                           " reviewer=excluded.reviewer, time=excluded.time", (report, item, kept, who, now))
            before = None if old is None else str(bool(old[0])).lower()
            after = None if kept is None else str(kept).lower()
            if before != after:
                db.execute("INSERT INTO history(time, reviewer, report, item, field, old, new)"
                           " VALUES (%s,%s,%s,%s,'promise',%s,%s)", (now, who, report, item, before, after))


def _write_setting(db: psycopg.Connection[Any], key: str, value: str | None) -> None:
    if value is None:
        db.execute("DELETE FROM settings WHERE key=%s", (key,))
    else:
        db.execute("INSERT INTO settings(key, value) VALUES (%s,%s) ON CONFLICT (key)"
                   " DO UPDATE SET value=excluded.value", (key, value))
