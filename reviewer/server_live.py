"""Live decisions: what another reviewer writes reaches every open window within a second or two.

The server notifies (``pg_notify`` in ``server_schema``'s triggers) each decision and verdict it
takes; a ``ChangeListener`` holds one connection that LISTENs, fetches the rows named and hands
them to a callback on its own thread. When the connection drops (server restarted, network down)
it says so, reconnects with growing waits, and asks for a full re-read, since notifications sent
while it was away are gone.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import psycopg

from reviewer.model import ItemDecision, ReportVerdict
from reviewer.server_errors import connect_kwargs
from reviewer.server_store import ServerReviewStore

log = logging.getLogger(__name__)
CHANNEL = "fazhi_changes"
WAITS_S = (0.5, 1.0, 2.0, 4.0)  # between reconnection attempts, the last one repeated

OnChanges = Callable[[list[ItemDecision], list[ReportVerdict]], None]


class ChangeListener:
    """Calls, on the listener's thread:
        on_changes(decisions, verdicts): rows another client just wrote (this one's own too);
        on_online(online): the connection was lost (False) or is back (True);
        on_resync(): listening has (re)started and notifications may have been missed: read everything
            (False when it could not: tried again after a wait);
        on_assignments(): the lead changed who reviews what;
        on_reports(added, removed): reports another window added to the project (a reviewer's import:
            this window's own too), and those the lead took out of it;
        on_lastyear(library): a pairing or a tick on last year's plan changed (this window's own too), or
            the library itself (``library`` True).
    """

    def __init__(self, store: ServerReviewStore, on_changes: OnChanges, on_online: Callable[[bool], None],
                 on_resync: Callable[[], bool | None], on_assignments: Callable[[], None] | None = None,
                 on_reports: Callable[[list[str], list[str]], None] | None = None,
                 on_lastyear: Callable[[bool], None] | None = None) -> None:
        self._store = store
        self._on_changes = on_changes
        self._on_online = on_online
        self._on_resync = on_resync
        self._on_assignments = on_assignments
        self._on_reports = on_reports
        self._on_lastyear = on_lastyear
        self._stop = threading.Event()
        self._refresh = threading.Event()  # last year's work to be read again (asked by the window)
        self.connected = threading.Event()
        self._thread = threading.Thread(target=self._run, name="server-listener", daemon=True)

    def start(self) -> ChangeListener:
        self._thread.start()
        return self

    def refresh_lastyear(self) -> None:
        """Have ``on_lastyear(False)`` called soon, as if a pairing had changed: the window's load read
        them before changes it then heard of (and dropped them when it ended: found by a code review)."""
        self._refresh.set()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=0.5)  # a daemon: one stuck connecting to an absent server is not waited for

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                with self._connect() as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    # Listening now: whatever was written before (while the project loaded, or while
                    # this listener was away) is read once, so nothing falls between the two. When it
                    # cannot be read yet (the server just back, the store's connections not yet), it is
                    # tried again as a lost connection is: what another reviewer sent meanwhile was
                    # never shown (found by a helper session).
                    if self._on_resync() is False:
                        raise psycopg.OperationalError("the project could not be read again")
                    if failures:
                        self._on_online(True)
                    failures = 0
                    self.connected.set()
                    self._listen(conn)
            except psycopg.Error as exc:
                self.connected.clear()
                if self._stop.is_set():
                    break
                if failures == 0:
                    log.info("server connection lost: %s", exc)  # the window says it (离线); not on stderr
                    self._on_online(False)
                failures += 1
                self._stop.wait(WAITS_S[min(failures - 1, len(WAITS_S) - 1)])

    def _connect(self) -> psycopg.Connection[Any]:
        address = self._store.address
        return psycopg.connect(address.url(with_password=False), autocommit=True, **connect_kwargs(address, 5))

    def _listen(self, conn: psycopg.Connection[Any]) -> None:
        while not self._stop.is_set():
            decisions: list[int] = []
            verdicts: list[int] = []
            assignments = False
            added: list[str] = []
            removed: list[str] = []
            lastyear: set[bool] = set()  # True: the library changed; False: a pairing or a tick
            for note in conn.notifies(timeout=0.3):
                kind, _, ident = note.payload.partition(":")
                if kind == "d" and ident.isdigit():
                    decisions.append(int(ident))
                elif kind == "v" and ident.isdigit():
                    verdicts.append(int(ident))
                elif kind == "a":
                    assignments = True
                elif kind == "r":
                    removed.append(ident)
                elif kind == "n":
                    added.append(ident)
                elif kind == "l":
                    lastyear.add(not ident)
            if decisions or verdicts:
                self._deliver(conn, decisions, verdicts)
            if assignments and self._on_assignments is not None:
                self._on_assignments()
            if (added or removed) and self._on_reports is not None:
                self._on_reports(added, removed)
            if self._refresh.is_set():
                self._refresh.clear()
                lastyear.add(False)
            if lastyear and self._on_lastyear is not None:
                self._on_lastyear(True in lastyear)

    def _deliver(self, conn: psycopg.Connection[Any], decision_ids: list[int], verdict_ids: list[int]) -> None:
        from reviewer.server_store import DECISION_COLUMNS, VERDICT_COLUMNS, decision_row

        ds = conn.execute(f"SELECT {DECISION_COLUMNS} FROM decision_log WHERE id = ANY(%s) ORDER BY id",
                          (decision_ids,)).fetchall()
        vs = conn.execute(f"SELECT {VERDICT_COLUMNS} FROM verdict_log WHERE id = ANY(%s) ORDER BY id",
                          (verdict_ids,)).fetchall()
        self._on_changes([decision_row(r) for r in ds], [ReportVerdict(*r) for r in vs])
