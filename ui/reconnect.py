"""Coming back to a team project whose server could not be reached when the window opened.

The window then stands in with an empty project that keeps nothing; the changes not yet sent wait
in this computer's outbox. Every ``RETRY_MS`` a background task tries the server again (with the
password kept in the keychain) and, once it answers, hands the opened store over, so the reviewer
is back on the shared project without doing anything.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from ui.tasks import Cancelled, Progress, Task

RETRY_MS = 10_000
CONNECT_TIMEOUT_S = 3.0


class Reconnector(QObject):
    """Signals: connected(location, store) when the server answers again; refused(message) when it
    answers but will not let this reviewer in (trying again would not help: the tries stop)."""

    connected = Signal(str, object)
    refused = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.location = ""
        self._task: Task | None = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._try)

    def watch(self, location: str) -> None:
        """Try ``location`` again every ``RETRY_MS`` until it answers or ``stop``."""
        self.location = location
        self._timer.start(RETRY_MS)

    def stop(self) -> None:
        self.location = ""
        self._timer.stop()

    def watching(self) -> bool:
        return self._timer.isActive()

    def _try(self) -> None:
        if self._task is not None or not self.location:
            return  # the last try has not given up yet
        location = self.location

        def work(_progress: Progress, _cancelled: Cancelled) -> object:
            from reviewer.credentials import saved_password
            from reviewer.location import parse_server
            from reviewer.server_errors import LoginError, RefusedError, ServerOfflineError
            from reviewer.server_store import open_server_store

            try:
                return open_server_store(location, password=saved_password(parse_server(location).key),
                                         timeout_s=CONNECT_TIMEOUT_S)
            except (LoginError, RefusedError) as exc:  # the server is back but says no: said, not retried
                return exc
            except ServerOfflineError:  # still away: tried again later, with no traceback on the terminal
                return None

        task = Task(work, self)
        task.finished.connect(lambda store: self._answered(location, store))
        task.failed.connect(lambda _message: self._done())
        self._task = task
        task.start()

    def _answered(self, location: str, store: object) -> None:
        self._done()
        if store is None:
            return
        if isinstance(store, Exception):
            if location == self.location:
                self.stop()
                self.refused.emit(str(store))
            return
        if location != self.location:  # the reviewer went to another project meanwhile
            close = getattr(store, "close", None)
            if close is not None:
                close()
            return
        self.stop()
        self.connected.emit(location, store)

    def _done(self) -> None:
        self._task = None
