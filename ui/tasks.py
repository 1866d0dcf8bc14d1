"""Run one core callable off the GUI thread; progress, result and failure come back as signals.

The core callable takes plain ``progress(done, total)`` and ``cancelled()`` callables and
knows nothing of Qt; signals emitted from the worker are queued to the GUI thread.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, SignalInstance

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Work = Callable[[Progress, Cancelled], Any]
PROGRESS_INTERVAL_S = 0.05


class _Runner(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task
        self.setAutoDelete(True)

    def run(self) -> None:
        task = self._task
        try:
            result = task.work(task.report_progress, task.is_cancelled)
        except Exception as exc:  # the worker boundary: any failure must reach the GUI, not kill the thread
            log.error("background task failed:\n%s", traceback.format_exc())
            _emit(task.failed, f"{type(exc).__name__}: {exc}")
        else:
            _emit(task.finished, result)


def _emit(signal: SignalInstance, *args: object) -> None:
    # The window may have been closed (and the task deleted) while the worker ran.
    try:
        signal.emit(*args)
    except RuntimeError:
        log.info("task result dropped: its receiver is gone")


class Task(QObject):
    """One background job.

    Signals:
        progressed(done, total): the work moved on (throttled to changed values).
        finished(result): the callable returned (also after a cancel, with what it had).
        failed(message): the callable raised.
    """

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.work = work
        self._cancel = threading.Event()
        self._last_emit = 0.0

    def start(self, pool: QThreadPool | None = None) -> None:
        (pool or QThreadPool.globalInstance()).start(_Runner(self))

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def report_progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        # At most one signal per PROGRESS_INTERVAL_S (and always the last): a queued signal per
        # file floods the GUI thread's event queue and starves its timers and painting.
        if done != total and now - self._last_emit < PROGRESS_INTERVAL_S:
            return
        self._last_emit = now
        _emit(self.progressed, done, total)
