"""Python's cyclic garbage collector runs on the GUI thread only.

The collector runs in whatever thread happens to allocate when its threshold is crossed. If it
then frees a cycle holding a Qt object, the object's C++ destructor runs on that thread — a
loader's or a writer's — and Qt crashes the program (seen here: a segmentation fault while a
worker thread imported a module). So automatic collection is switched off for the life of the
application and a timer collects on the GUI thread instead (as Anki does). Reference counting,
which frees almost everything, is untouched.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

# Often enough that a young pass stays short: a folder opening allocates some 100 000 objects a
# second on this thread (analyses arriving), and one pass over half a second's worth took 12 ms.
INTERVAL_MS = 100
YOUNG = 10_000  # new container objects since the last pass that make a pass worth it


class MainThreadCollector(QObject):
    """One per application (``install`` finds it again); lives as long as the application."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.setObjectName("mainThreadCollector")
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect)
        self._timer.start()
        self._passes = 0

    @classmethod
    def install(cls, app: QCoreApplication) -> MainThreadCollector:
        found = app.findChild(MainThreadCollector, "mainThreadCollector")
        return found if found is not None else cls(app)

    def collect(self) -> None:
        """A young-generation pass when enough was allocated, a full one every 300th time (as before, about
        every half minute of allocation)."""
        if gc.get_count()[0] < YOUNG:
            return
        self._passes += 1
        gc.collect(2 if self._passes % 300 == 0 else 0)
