"""One refresh for a burst of changes: while a folder opens, reports arrive group by group."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

REFRESH_MS = 200  # how stale a view that is not the reports tree may be while reports arrive


class Coalesced:
    """Calls ``fn`` once, ``ms`` after the first of any number of ``request()`` calls.

    A folder of 300 reports arrives in some 40 groups; a view rebuilt over every report for each
    group did quadratic work on the GUI thread (the grid, the chart's topics, the review count),
    and each rebuild was a stall of the window. ``cancel()`` drops a pending call (the caller has
    just refreshed anyway).
    """

    def __init__(self, fn: Callable[[], None], parent: QObject, ms: int = REFRESH_MS) -> None:
        self._timer = QTimer(parent)
        self._timer.setSingleShot(True)
        self._timer.setInterval(ms)
        self._timer.timeout.connect(fn)

    def request(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def cancel(self) -> None:
        self._timer.stop()

    def pending(self) -> bool:
        return self._timer.isActive()
