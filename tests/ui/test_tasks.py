"""The background helper: results, failures and cancel come back on the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from ui.tasks import Cancelled, Progress, Task


def test_result_and_progress_arrive_on_the_gui_thread(qtbot: QtBot) -> None:
    seen: list[tuple[int, int, bool]] = []
    gui = QThread.currentThread()

    def work(progress: Progress, cancelled: Cancelled) -> str:
        assert threading.current_thread() is not threading.main_thread()
        for i in range(3):
            progress(i + 1, 3)
        return "完成"

    task = Task(work)
    task.progressed.connect(lambda d, t: seen.append((d, t, QThread.currentThread() is gui)))
    with qtbot.waitSignal(task.finished, timeout=5000) as blocker:
        task.start()
    assert blocker.args == ["完成"]
    # Throttled: the first step at once, steps within 50 ms dropped, the last always sent.
    assert seen == [(1, 3, True), (3, 3, True)]


def test_failure_is_reported_as_a_message(qtbot: QtBot) -> None:
    def work(progress: Progress, cancelled: Cancelled) -> None:
        raise ValueError("坏数据")

    task = Task(work)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        task.start()
    assert blocker.args == ["ValueError: 坏数据"]


def test_cancel_is_visible_to_the_work(qtbot: QtBot) -> None:
    started = threading.Event()

    def work(progress: Progress, cancelled: Cancelled) -> bool:
        started.set()
        while not cancelled():
            threading.Event().wait(0.005)
        return True

    task = Task(work)
    with qtbot.waitSignal(task.finished, timeout=5000) as blocker:
        task.start()
        started.wait(2)
        task.cancel()
    assert blocker.args == [True]
