"""A failed save is impossible to miss and loses nothing: the window never waits on a locked project."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from reviewer.store import open_store
from tests.conftest import ROOT, SEED_FILES
from ui.app import open_window
from ui.main_window import MainWindow
from ui.settings import SettingsStore

LOAD_MS = 60_000


def _start(qtbot: QtBot, tmp_path: Path, project: Path, paths: list[str]) -> MainWindow:
    store = SettingsStore(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window, _ = open_window(store, project, paths)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.controller.project_loaded, timeout=LOAD_MS):
        pass
    return window


def _lock(project: Path) -> sqlite3.Connection:
    """Another program holding the project's write lock (as Excel or a sync tool might)."""
    conn = sqlite3.connect(project, isolation_level=None)
    conn.execute("BEGIN EXCLUSIVE")
    return conn


def _tick(qtbot: QtBot, w: MainWindow, item: str) -> None:
    tree = w.checklist.tree
    tree.setCurrentIndex(w.checklist.model.item_index(item))
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Space)


def test_a_locked_project_shows_the_bar_keeps_the_tick_and_saves_it_when_released(
    qtbot: QtBot, tmp_path: Path
) -> None:
    project = tmp_path / "P.review"
    w = _start(qtbot, tmp_path, project, [str(SEED_FILES[0])])
    sha = w.session.analyses()[0].sha256
    lock = _lock(project)
    t0 = time.perf_counter()
    _tick(qtbot, w, "measures")
    assert time.perf_counter() - t0 < 0.5  # the window did not wait for the lock
    assert w.session.decision(sha, "measures").decision == "符合"  # type: ignore[union-attr]
    qtbot.waitUntil(w.savebar.isVisible, timeout=10_000)
    assert "无法保存到审阅项目" in w.savebar.label.text() and "1 项修改尚未写入项目" in w.savebar.label.text()
    idx = w.checklist.model.item_index("measures")
    assert w.checklist.model.index(idx.row(), 2, idx.parent()).data().endswith("（未保存）")
    # Not 随时保存 beside the bar saying it cannot save (found by a reviewer session)
    assert w.status.project.text() == f"项目：{project.stem}（有修改尚未写入）"
    lock.execute("ROLLBACK")
    lock.close()
    w.savebar.retry.click()
    qtbot.waitUntil(lambda: not w.savebar.isVisible(), timeout=15_000)
    assert w.status.currentMessage() == "全部修改已写入审阅项目"
    assert w.status.project.text() == f"项目：{project.stem}（随时保存）"
    assert not w.checklist.model.index(idx.row(), 2, idx.parent()).data().endswith("（未保存）")
    assert open_store(project).decisions(sha)["measures"].decision == "符合"
    w.close()


KILLED_WHILE_LOCKED = """
import os, signal, sys, time
from pathlib import Path
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ui.app import open_window
from ui.settings import SettingsStore
store = SettingsStore(QSettings(sys.argv[1], QSettings.Format.IniFormat))
w, _ = open_window(store, Path(sys.argv[2]), [])
def loaded():
    print("ready", flush=True)
    sys.stdin.readline()  # the parent has locked the project
    sha = w.session.analyses()[0].sha256
    w.session.set_decision(sha, "measures", "不符合", "锁定时写的")
    w.session.save_failed.connect(lambda *_: os.kill(os.getpid(), signal.SIGKILL))
w.controller.project_loaded.connect(loaded)
app.exec()
"""


def test_killed_while_the_project_is_locked_the_change_is_written_at_the_next_start(
    qtbot: QtBot, tmp_path: Path
) -> None:
    project = tmp_path / "P.review"
    w = _start(qtbot, tmp_path, project, [str(SEED_FILES[1])])
    sha = w.session.analyses()[0].sha256
    w.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FAZHI_REVIEWER_DATA": os.environ["FAZHI_REVIEWER_DATA"]}
    child = subprocess.Popen([sys.executable, "-c", textwrap.dedent(KILLED_WHILE_LOCKED), str(tmp_path / "s.ini"),
                              str(project)], cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdin is not None
    assert child.stdout.readline().strip() == "ready"
    lock = _lock(project)
    child.stdin.write("go\n")
    child.stdin.flush()
    assert child.wait(timeout=60) == -signal.SIGKILL
    lock.execute("ROLLBACK")
    lock.close()
    assert "measures" not in open_store(project).decisions(sha)  # the kill came before any write
    w = _start(qtbot, tmp_path, project, [])
    qtbot.waitUntil(lambda: "measures" in open_store(project).decisions(sha), timeout=10_000)
    d = open_store(project).decisions(sha)["measures"]
    assert (d.decision, d.comment) == ("不符合", "锁定时写的")
    assert w.session.decision(sha, "measures").comment == "锁定时写的"  # type: ignore[union-attr]
    w.close()


def test_closing_while_saves_fail_does_not_wait_for_them_first(qtbot: QtBot, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Found by a helper session: closed while offline, the window froze 3 s before saying the changes
    were kept on this computer (it waited for writes the bar already said were failing)."""
    from PySide6.QtWidgets import QMessageBox

    project = tmp_path / "P.review"
    w = _start(qtbot, tmp_path, project, [str(SEED_FILES[0])])
    lock = _lock(project)
    _tick(qtbot, w, "measures")
    qtbot.waitUntil(w.savebar.isVisible, timeout=10_000)
    writer = w.session.writer
    assert writer is not None and writer.failing
    waits: list[float] = []
    real = writer.flush
    monkeypatch.setattr(writer, "flush", lambda timeout: waits.append(timeout) or real(timeout))
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: said.append(box.text()) or QMessageBox.StandardButton.Ok)
    w.close()
    assert waits[0] <= 0.3 and said == ["1 项修改还没能写入审阅项目，已暂存在本机；下次打开这个项目时会自动写入。"]
    lock.execute("ROLLBACK")
    lock.close()


def test_a_decision_still_on_its_way_is_not_taken_over_by_one_made_the_same_second(qtbot: QtBot,
                                                                                      tmp_path: Path) -> None:
    """Found by a helper session: 李四's 不符合 and 张三's 符合 made in the same second; 李四's, written
    after, stood on the server, but his window took 张三's and said 张三 had changed it."""
    from reviewer.model import ItemDecision

    project = tmp_path / "P.review"
    w = _start(qtbot, tmp_path, project, [str(SEED_FILES[0])])
    w.session.reviewer = "李四"
    sha = w.session.analyses()[0].sha256
    lock = _lock(project)  # his decision cannot be written yet: it is on its way
    mine = w.session.set_decision(sha, "measures", "不符合", "")
    assert mine is not None and w.session.unsaved(sha, "measures")
    notes: list[str] = []
    w.session.notice.connect(notes.append)
    w.session.apply_remote([ItemDecision(sha, "measures", "符合", "", "张三", mine.time)], [])
    current = w.session.decision(sha, "measures")
    assert current is not None and (current.decision, current.reviewer) == ("不符合", "李四") and notes == []
    lock.execute("ROLLBACK")
    lock.close()


def test_two_windows_on_one_project_keep_each_others_waiting_changes(qtbot: QtBot, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Found by a code review: two windows on one project shared one journal. The window that wrote
    all its changes emptied it, and the other's changes waiting in it (its project file locked for it)
    were lost when it closed. Each window keeps its own; one closed with changes waiting leaves them
    for the next window, which writes them first."""
    from reviewer.journal import Change, data_dir, journal_files
    from ui import project as project_module

    monkeypatch.setenv("FAZHI_REVIEWER_DATA", str(tmp_path / "data"))
    path = tmp_path / "P.review"
    open_store(path).close()
    store = open_store(path)

    def cannot_write(*_args: object) -> object:
        def opener() -> object:
            raise OSError("共享盘已断开")
        return opener

    with monkeypatch.context() as patched:
        patched.setattr(project_module, "store_opener", cannot_write)
        a = project_module.make_writer(path, store)
    b = project_module.make_writer(path, store)
    a.submit(Change("decision", "a" * 64, "measures", "不符合", "A 的意见", "张三", "2024-03-01T09:00:00+08:00"))
    b.submit(Change("decision", "b" * 64, "measures", "符合", "", "李四", "2024-03-01T09:00:01+08:00"))
    assert b.flush(5)
    assert [[c.report for c in project_module.Journal(p).pending()] for p in journal_files(data_dir(), str(path))
            ] == [["a" * 64]]
    assert not a.close(0.2)  # A's change could not be written: it waits in A's journal
    c = project_module.make_writer(path, store)  # the next window on the project
    assert c.flush(5) and c.close()
    assert store.decisions("a" * 64)["measures"].comment == "A 的意见"
    assert journal_files(data_dir(), str(path)) == []
    b.close()
    store.close()


def test_the_same_project_opened_again_keeps_its_waiting_changes(qtbot: QtBot, tmp_path: Path) -> None:
    """Found by a code review: opening the project already open (最近的项目) while its file was locked made
    the new writer before the old one stopped; it left the old journal as in use, and the waiting change
    vanished from the window, to be written only at the next start."""
    project = tmp_path / "P.review"
    w = _start(qtbot, tmp_path, project, [str(SEED_FILES[0])])
    sha = w.session.analyses()[0].sha256
    lock = _lock(project)
    w.session.set_decision(sha, "measures", "不符合", "锁定时写的")
    qtbot.waitUntil(lambda: w.session.writer is not None and w.session.writer.failing, timeout=10_000)
    with qtbot.waitSignal(w.controller.project_loaded, timeout=LOAD_MS):
        w.controller.switch_project(project)
    shown = w.session.decision(sha, "measures")
    assert shown is not None and shown.comment == "锁定时写的" and w.session.unsaved(sha, "measures")
    lock.execute("ROLLBACK")
    lock.close()
    assert w.session.writer is not None and w.session.writer.flush(10)
    kept = open_store(project).decisions(sha)["measures"]
    assert (kept.decision, kept.comment) == ("不符合", "锁定时写的")
    w.close()


def test_journals_left_by_windows_gone_are_taken_in_the_order_of_their_changes(tmp_path: Path,
                                                                               monkeypatch: pytest.MonkeyPatch
                                                                               ) -> None:
    """Found by a code review: journals of windows no longer open were taken file by file, so a pairing
    made later in one could be overridden by an earlier one of another; and a window that crashed with
    nothing waiting left its lock file for ever."""
    from reviewer.journal import Change, Journal, data_dir, journal_files, orphan_locks, own_journal_path
    from ui import project as project_module

    monkeypatch.setenv("FAZHI_REVIEWER_DATA", str(tmp_path / "data"))
    path = tmp_path / "P.review"
    open_store(path).close()
    base = own_journal_path(data_dir(), str(path))
    stem = base.name.split(".")[0]
    later, earlier = base.with_name(f"{stem}.1-aaaa.jsonl"), base.with_name(f"{stem}.2-bbbb.jsonl")  # files in order
    Journal(later).append(Change("pairing", "a" * 64, None, "b" * 64, "", "李四", "2024-03-01T10:00:00+08:00"))
    Journal(earlier).append(Change("pairing", "a" * 64, None, "auto", "", "张三", "2024-03-01T09:00:00+08:00"))
    crashed = own_journal_path(data_dir(), str(path))
    subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        import os
        from PySide6.QtCore import QLockFile
        lock = QLockFile({str(crashed) + ".lock"!r})
        lock.lock()
        os._exit(0)  # a crash: never unlocked
        """)], check=True, timeout=60)
    assert orphan_locks(data_dir(), str(path)) == [crashed]
    store = open_store(path)
    writer = project_module.make_writer(path, store)
    assert [c.reviewer for c in writer.pending()] == ["张三", "李四"]  # as they were made
    assert writer.flush(5) and writer.close()
    assert store.pairing_fixes()["a" * 64].previous == "b" * 64  # the later one stands
    assert journal_files(data_dir(), str(path)) == [] and orphan_locks(data_dir(), str(path)) == []
    store.close()
