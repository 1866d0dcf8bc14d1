"""SIGTERM (a logout, ``kill``) closes the window as 文件 → 退出 does.

Left to its default, SIGTERM ended the process at once: settings and the report on show were not
kept, and the project's ``-wal`` and ``.lock`` files stayed beside it (found by a tester). Python runs
a signal's handler only when Python code runs, and Qt's event loop may not run any for a long time,
so the signal's number is written to a socket that wakes the loop (``signal.set_wakeup_fd``).
"""

from __future__ import annotations

import os
import signal
import socket
import sys

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QWidget


class TerminateWatch(QObject):
    """Closes ``window`` when the process is sent SIGTERM; ``stop()`` puts the old handling back."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._read, self._write = socket.socketpair()
        for s in (self._read, self._write):
            s.setblocking(False)
        self._old_fd = signal.set_wakeup_fd(self._write.fileno(), warn_on_full_buffer=False)
        self._asked = 0
        self._old_handler = signal.signal(signal.SIGTERM, self._handler)
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)

    def _handler(self, signum: int, _frame: object) -> None:
        """The first SIGTERM: the wakeup byte closes the window. A second one, while the window is
        still there (its thread busy, or the close held up), ends the process as SIGTERM always did
        (a code review: a busy window could no longer be ended)."""
        self._asked += 1
        if self._asked > 1:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            os.kill(os.getpid(), signum)

    def _woken(self) -> None:
        try:
            got = self._read.recv(64)
        except BlockingIOError:
            return
        if signal.SIGTERM in got:
            self._window.close()

    def stop(self) -> None:
        try:
            self._notifier.setEnabled(False)
        except RuntimeError:  # gone with the window
            pass
        signal.signal(signal.SIGTERM, self._old_handler)
        signal.set_wakeup_fd(self._old_fd)
        self._read.close()
        self._write.close()


def close_on_terminate(window: QWidget) -> TerminateWatch | None:
    """Watch for SIGTERM on this process (POSIX only: Windows ends a process otherwise)."""
    if sys.platform == "win32":
        return None
    return TerminateWatch(window)
