"""The project is the one record of truth: it reopens as it was, switching shows only its reports."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from reviewer.store import open_store
from tests.conftest import ROOT, SEED_FILES
from tests.ui.conftest import answer_with
from ui.app import open_window
from ui.main_window import MainWindow
from ui.settings import SettingsStore

LOAD_MS = 60_000


def _start(qtbot: QtBot, settings: Path, project: Path | None = None, paths: list[str] | None = None) -> MainWindow:
    """Start the program as ``reviewer-gui [PATHS] [--project P]`` would, and wait until its reports show."""
    store = SettingsStore(QSettings(str(settings), QSettings.Format.IniFormat))
    window, _ = open_window(store, project, paths or [])
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.controller.project_loaded, timeout=LOAD_MS):
        pass
    return window


def _names(w: MainWindow) -> list[str]:
    return [Path(a.file).name for a in w.session.analyses()]


def _folder(tmp_path: Path, name: str, seeds: list[Path]) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for s in seeds:
        shutil.copy(s, folder / s.name)
    return folder


def test_the_first_start_opens_the_samples_in_their_own_project_and_the_next_reopens_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = _start(qtbot, tmp_path / "s.ini")
    assert Path(w.controller.project).name == "示例审阅项目.review"
    assert len(w.session.analyses()) == 5 and w.reports.proxy.rowCount() == 5
    w.close()
    w = _start(qtbot, tmp_path / "s.ini")
    assert Path(w.controller.project).name == "示例审阅项目.review"
    assert len(w.session.analyses()) == 5  # reopened, not opened again on top
    w.close()


def test_no_argument_reopens_the_last_project_with_exactly_its_reports(qtbot: QtBot, tmp_path: Path) -> None:
    folder = _folder(tmp_path, "三份", SEED_FILES[:3])
    project = tmp_path / "A.review"
    w = _start(qtbot, tmp_path / "s.ini", project, [str(folder)])
    assert _names(w) == [p.name for p in SEED_FILES[:3]]
    w.close()
    shutil.rmtree(folder)  # the share is offline now: the project holds the texts
    w = _start(qtbot, tmp_path / "s.ini")
    assert w.controller.project == str(project)
    assert _names(w) == [p.name for p in SEED_FILES[:3]]  # no samples added
    assert w.status.review.text() == "已审结 0/3 份"
    assert w.windowTitle() == "A — 法治年报审阅器"
    w.close()
    assert len(open_store(project).reports()) == 3


def _tick(w: MainWindow, sha: str, item: str) -> None:
    w.reports.select_report(sha)
    idx = w.checklist.model.item_index(item)
    w.checklist.model.setData(idx, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)


def _ticked(w: MainWindow) -> set[str]:
    m = w.checklist.model
    out = set()
    for g in range(m.rowCount()):
        parent = m.index(g, 0)
        for r in range(m.rowCount(parent)):
            idx = m.index(r, 0, parent)
            if idx.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked:
                out.add(m.result(idx).id)  # type: ignore[union-attr]
    return out


def test_switching_projects_shows_each_projects_own_ticks_at_once(qtbot: QtBot, tmp_path: Path) -> None:
    folder = _folder(tmp_path, "r", SEED_FILES[:2])
    a_path, b_path = tmp_path / "A.review", tmp_path / "B.review"
    w = _start(qtbot, tmp_path / "s.ini", b_path, [str(folder / SEED_FILES[0].name)])
    sha = w.session.analyses()[0].sha256
    _tick(w, sha, "shortcomings")
    with qtbot.waitSignal(w.controller.project_loaded, timeout=LOAD_MS):
        w.controller.switch_project(a_path)
    assert w.session.analyses() == [] and w.checklist.model.report is None  # nothing of B is left
    with qtbot.waitSignal(w.controller.project_loaded, timeout=LOAD_MS):
        w.controller.open_paths([str(folder)])
    _tick(w, sha, "measures")
    assert _ticked(w) == {"measures"}
    w.actions_.recent.aboutToShow.emit()
    to_b = next(a for a in w.actions_.recent.actions() if a.text() == "B")
    with qtbot.waitSignal(w.controller.project_loaded, timeout=LOAD_MS):
        to_b.trigger()
    assert len(w.session.analyses()) == 1
    w.reports.select_report(sha)
    assert w.checklist.model.report == sha and _ticked(w) == {"shortcomings"}  # B's tick, no click needed
    w.actions_.recent.aboutToShow.emit()
    to_a = next(a for a in w.actions_.recent.actions() if a.text() == "A")
    with qtbot.waitSignal(w.controller.project_loaded, timeout=LOAD_MS):
        to_a.trigger()
    assert len(w.session.analyses()) == 2
    w.reports.select_report(sha)
    assert _ticked(w) == {"measures"}
    w.close()


def test_removing_a_report_asks_first_and_keeps_its_history(qtbot: QtBot, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder(tmp_path, "r", SEED_FILES[:3])
    w = _start(qtbot, tmp_path / "s.ini", tmp_path / "P.review", [str(folder)])
    second = w.session.analyses()[1].sha256
    w.session.set_decision(second, "measures", "符合", "看过")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes]
    asked: list[str] = []
    buttons: list[list[str]] = []

    def answer(box: QMessageBox) -> QMessageBox.StandardButton:
        asked.append(box.text())
        buttons.append([b.text() for b in box.buttons()])
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "exec", answer)
    w.reports.select_report(second)
    third = w.reports.visible_reports()[2]
    w.reports.tree.setFocus()
    qtbot.keyClick(w.reports.tree, Qt.Key.Key_Delete)
    assert len(w.session.analyses()) == 3 and "从项目中移除 1 份报告？" in asked[0]
    assert sorted(buttons[0]) == ["取消", "移除"]  # not "是(Y)"
    with qtbot.waitSignal(w.loader.loaded, timeout=LOAD_MS):
        qtbot.keyClick(w.reports.tree, Qt.Key.Key_Delete)
    assert [a.sha256 for a in w.session.analyses()] == [w.session.analyses()[0].sha256,
                                                         w.session.analyses()[1].sha256]
    assert second not in {a.sha256 for a in w.session.analyses()} and w.reports.proxy.rowCount() == 2
    # the list goes on with the report after it, as a list does after Delete (not back to the first)
    assert w.reports.current_report() == third and w.checklist.model.report == third
    w.close()
    store = open_store(tmp_path / "P.review")
    assert len(store.reports()) == 2 and store.decisions(second)["measures"].comment == "看过"
    assert store.history(second)[-1].field == "removed"


def test_a_changed_source_file_is_shown_and_can_be_reimported(qtbot: QtBot, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder(tmp_path, "r", SEED_FILES[:2])
    w = _start(qtbot, tmp_path / "s.ini", tmp_path / "P.review", [str(folder)])
    first = w.session.analyses()[0]
    w.session.set_decision(first.sha256, "measures", "符合", "看过")
    w.session.set_decision(first.sha256, "shortcomings", "未定", "待核实数据")  # a remark for the unit
    w.session.set_verdict(first.sha256, "通过", "基本符合要求")
    w.close()
    path = folder / SEED_FILES[0].name
    path.write_text(path.read_text(encoding="utf-8") + "\n补充：全年培训执法人员120人次。\n", encoding="utf-8")
    w = _start(qtbot, tmp_path / "s.ini")
    assert w.session.changed_on_disk == {first.sha256}
    assert w.reports.proxy.index(0, 0).data().endswith("（已更改）")
    with qtbot.waitSignal(w.controller.project_loaded, timeout=LOAD_MS):
        w.actions_.reimport.trigger()
    shas = [a.sha256 for a in w.session.analyses()]
    assert len(shas) == 2 and first.sha256 not in shas and not w.session.changed_on_disk
    assert w.status.currentMessage() == "已重新读入 1 份报告，原有判断标为待复核"  # not 已打开 1 份报告
    new = next(a for a in w.session.analyses() if a.file == str(path))
    carried = w.session.decision(new.sha256, "measures")
    assert carried is not None and (carried.comment, carried.stale) == ("看过", True)  # marked for re-check
    # To re-check, as the workbook and the letter hold it: not counted 已核; the overall comment kept.
    w.reports.select_report(new.sha256)
    header = w.checklist.header
    qtbot.waitUntil(lambda: header.progress_label.text().startswith("0/"))
    assert header.progress_label.text() == f"0/{len(new.checklist)} 已核，2 项待复核"
    assert header.comment.text() == "基本符合要求" and header.verdict_box.currentData() == "未审"
    # the verdict's empty choice is not the status 未审: this report is 审阅中 (found by a reviewer session)
    assert [header.verdict_box.itemText(i) for i in range(3)] == ["通过", "需修改", "未下结论"]
    # its comment cannot be edited before the decision is confirmed: typing used to leave the item 未定,
    # the carried decision gone without a word (found by a helper session)
    w.checklist.tree.setCurrentIndex(w.checklist.model.item_index("measures"))
    detail = w.checklist.detail
    assert detail.comment.toPlainText() == "看过" and detail.comment.isReadOnly()
    assert detail.comment.toolTip() == "此项的判断来自报告的旧版本，待复核：请先确认或改判，再修改意见"
    assert detail.sent.text() == "待复核：确认或改判之前，此项不写入批注版和审阅意见书"
    # a carried 符合 is half ticked, and ticking confirms it (it used to read ticked, and Space undid it)
    model = w.checklist.model
    idx = model.item_index("measures")
    assert Qt.CheckState(idx.data(Qt.ItemDataRole.CheckStateRole)) == Qt.CheckState.PartiallyChecked
    model.toggle(idx)
    confirmed = w.session.decision(new.sha256, "measures")
    assert confirmed is not None and (confirmed.decision, confirmed.stale) == ("符合", False)
    assert header.progress_label.text() == f"1/{len(new.checklist)} 已核，1 项待复核"  # and the remark
    assert not detail.comment.isReadOnly()  # confirmed: its comment is the reviewer's to edit again
    # where the comment goes is said beside it, as review.comment_sent decides (found by a helper session)
    assert detail.sent.text() == "符合、不适用项的意见只记在项目和工作簿中，不发给单位"
    answer_with(monkeypatch, "发给单位")  # asked first: the note written under 符合 goes to the unit now
    detail.buttons.button(3).click()  # 未定: a remark for the unit
    assert detail.sent.text() == "意见写入批注版和审阅意见书，发给单位"
    detail.buttons.button(0).click()  # 符合 again
    # the remark on the earlier version is to re-check too (it went to the unit unmarked: found by a helper
    # session); pressing 未定 confirms it, and it goes to the unit
    w.checklist.tree.setCurrentIndex(w.checklist.model.item_index("shortcomings"))
    assert detail.comment.toPlainText() == "待核实数据" and detail.comment.isReadOnly()
    assert detail.sent.text() == "待复核：确认或改判之前，此项不写入批注版和审阅意见书"
    detail.buttons.button(3).click()
    remark = w.session.decision(new.sha256, "shortcomings")
    assert remark is not None and (remark.decision, remark.comment, remark.stale) == ("未定", "待核实数据", False)
    assert detail.sent.text() == "意见写入批注版和审阅意见书，发给单位" and not detail.comment.isReadOnly()
    from ui.compare.model import legend

    assert legend().endswith("蓝底：待复核（对旧版本的判断）")  # the 对比 grid's mark of one still to re-check
    assert w.session.status(new.sha256) == "审阅中"
    w.close()


KILL_CHILD = """
import os, signal, sys, time
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ui.app import open_window
from ui.settings import SettingsStore
store = SettingsStore(QSettings(sys.argv[1], QSettings.Format.IniFormat))
w, _ = open_window(store, Path(sys.argv[2]), [sys.argv[3]])
def typed():
    w.checklist.select_item("measures")
    w.checklist.detail.comment.setFocus()
    for ch in "缺少数据支撑":  # as a Chinese input method commits each character
        event = QInputMethodEvent()
        event.setCommitString(ch)
        QApplication.sendEvent(w.checklist.detail.comment, event)
    end = time.monotonic() + 0.3
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
    os.kill(os.getpid(), signal.SIGKILL)
w.controller.project_loaded.connect(typed)
app.exec()
"""


def test_a_comment_typed_0_3_s_before_a_kill_is_there_after_restart(tmp_path: Path) -> None:
    project = tmp_path / "P.review"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FAZHI_REVIEWER_DATA": str(tmp_path / "data")}
    child = subprocess.run([sys.executable, "-c", textwrap.dedent(KILL_CHILD), str(tmp_path / "s.ini"),
                            str(project), str(SEED_FILES[0])], cwd=ROOT, env=env, capture_output=True, text=True,
                           timeout=120, check=False)
    assert child.returncode == -signal.SIGKILL, child.stderr
    store = open_store(project)
    (rec,) = store.reports()
    assert store.decisions(rec.sha256)["measures"].comment == "缺少数据支撑"


TERM_CHILD = """
import os, signal, sys
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ui.app import open_window
from ui.settings import SettingsStore
from ui.terminate import close_on_terminate
store = SettingsStore(QSettings(sys.argv[1], QSettings.Format.IniFormat))
w, _ = open_window(store, Path(sys.argv[2]), [sys.argv[3]])
close_on_terminate(w)
def loaded():
    sha = w.session.analyses()[0].sha256
    w.session.set_decision(sha, "measures", "不符合", "缺少数据支撑")
    os.kill(os.getpid(), signal.SIGTERM)  # as a logout does
w.controller.project_loaded.connect(loaded)
sys.exit(app.exec())
"""


def test_sigterm_closes_the_window_as_quitting_does(tmp_path: Path) -> None:
    """A logout sends SIGTERM: the window closes as 文件 → 退出 does, so the project file is whole and
    unlocked and the settings are kept (the report on show among them)."""
    project = tmp_path / "P.review"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FAZHI_REVIEWER_DATA": str(tmp_path / "data")}
    child = subprocess.run([sys.executable, "-c", textwrap.dedent(TERM_CHILD), str(tmp_path / "s.ini"),
                            str(project), str(SEED_FILES[0])], cwd=ROOT, env=env, capture_output=True, text=True,
                           timeout=120, check=False)
    assert child.returncode == 0, child.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("P.review")) == ["P.review"]
    store = open_store(project)
    (rec,) = store.reports()
    assert store.decisions(rec.sha256)["measures"].comment == "缺少数据支撑"
    assert rec.sha256 in (tmp_path / "s.ini").read_text(encoding="utf-8")  # the report on show, kept


BUSY_CHILD = """
import os, signal, sys, time
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
from ui.terminate import close_on_terminate
w = QWidget()
w.show()
close_on_terminate(w)
os.kill(os.getpid(), signal.SIGTERM)  # the window's thread is busy: no close yet
os.kill(os.getpid(), signal.SIGTERM)  # asked again: the process ends as SIGTERM always did
time.sleep(30)
"""


def test_a_second_sigterm_ends_a_busy_window() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.run([sys.executable, "-c", textwrap.dedent(BUSY_CHILD)], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=20, check=False)
    assert child.returncode == -signal.SIGTERM, child.stderr


def test_the_first_start_asks_the_reviewers_name_once(qtbot: QtBot, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    asked: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (asked.append(a[2]), ("张审阅", True))[1])
    for _ in range(2):
        store = SettingsStore(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        window, _ = open_window(store, tmp_path / "P.review", [str(SEED_FILES[0])], ask_name=True)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.controller.project_loaded, timeout=LOAD_MS):
            pass
        sha = window.session.analyses()[0].sha256
        assert window.session.set_decision(sha, "measures", "符合").reviewer == "张审阅"
        window.close()
    assert len(asked) == 1 and "姓名" in asked[0]


def _shared(w: MainWindow) -> dict[str, list[tuple[int, int, str]]]:
    return {Path(a.file).name: [(f.start, f.end, f.message.render()) for f in a.findings
                                if f.kind == "duplicate_across_reports"] for a in w.session.analyses()}


def test_findings_between_reports_do_not_depend_on_the_order_they_were_opened(qtbot: QtBot,
                                                                              tmp_path: Path) -> None:
    folder = _folder(tmp_path, "r", SEED_FILES[1:2])
    a = folder / SEED_FILES[1].name
    b = folder / "乙.txt"
    b.write_text(a.read_text(encoding="utf-8").replace("泰州市", "某某市"), encoding="utf-8")
    w = _start(qtbot, tmp_path / "s.ini", tmp_path / "one.review", [str(a)])
    with qtbot.waitSignal(w.controller.project_loaded, timeout=LOAD_MS):
        w.controller.open_paths([str(a), str(b)])
    one_by_one = _shared(w)
    w.close()
    w = _start(qtbot, tmp_path / "s2.ini", tmp_path / "two.review", [str(a), str(b)])
    together = _shared(w)
    w.close()
    assert one_by_one == together and one_by_one[a.name] and one_by_one["乙.txt"]


def test_a_misspelled_checklist_is_refused_with_a_dialog_and_the_previous_one_kept(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.dialogs import SettingsDialog

    w = _start(qtbot, tmp_path / "s.ini", tmp_path / "P.review", [str(SEED_FILES[0])])
    before = w.controller.checklist
    bad = tmp_path / "某省.toml"
    bad.write_text('[[item]]\nid = "x"\ngroup = "form"\nname = "x"\nrule = "findings_absent"\n'
                   'kinds = ["duplicate_paragraf"]\n', encoding="utf-8")

    def accept(self: SettingsDialog) -> int:
        self.checklist.setText(str(bad))
        return SettingsDialog.DialogCode.Accepted

    shown: list[str] = []
    monkeypatch.setattr(SettingsDialog, "exec", accept)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    w.actions_.settings.trigger()
    assert len(shown) == 1 and shown[0].startswith("核查清单 某省.toml 第 6 行，第 1 项（x） 字段 “kinds” 中的问题类型")
    assert "仍使用原来的核查清单" in shown[0]
    assert w.controller.checklist is before and w.settings.checklist_path == ""
    w.close()


def test_the_report_shown_on_reopening_shows_its_review_and_typing_there_keeps_it(
        qtbot: QtBot, tmp_path: Path) -> None:
    folder = _folder(tmp_path, "r", SEED_FILES[:2])
    project = tmp_path / "A.review"
    w = _start(qtbot, tmp_path / "s.ini", project, [str(folder)])
    sha = w.session.analyses()[0].sha256
    _tick(w, sha, "measures")
    w.session.set_verdict(sha, "需修改", "请补充数据")
    w.close()
    w = _start(qtbot, tmp_path / "s.ini")
    assert w.reports.current_report() == sha and w.checklist.model.report == sha  # no click on it
    header = w.checklist.header
    assert header.verdict_box.currentData() == "需修改" and header.comment.text() == "请补充数据"
    assert header.progress_label.text().startswith("1/") and _ticked(w) == {"measures"}
    header.comment.setFocus()
    header.comment.end(False)
    header.comment.insert("和依据")
    header.flush()
    w.close()
    v = open_store(project).verdict(sha)
    assert v is not None and (v.verdict, v.comment) == ("需修改", "请补充数据和依据")


def _answer_messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    seen: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: seen.append((self.windowTitle(), self.text())) or 0)
    return seen


def test_a_project_that_cannot_be_opened_at_start_says_so_in_a_dialog_and_is_not_remembered(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "不是项目.review"
    bad.write_bytes(b"this is not a review project" * 100)
    seen = _answer_messages(monkeypatch)
    w = _start(qtbot, tmp_path / "s.ini", bad)
    qtbot.waitUntil(lambda: bool(seen))
    title, text = seen[0]
    assert title == "无法打开审阅项目" and "不是项目.review" in text and "本次审阅只保存在内存中" in text
    assert w.status.project.text().endswith("（仅内存，未保存）")
    assert str(bad) not in w.settings.recent_projects and w.settings.last_project != str(bad)
    w.close()


def test_switching_to_a_project_that_cannot_be_opened_stays_in_the_current_one(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "A.review"
    w = _start(qtbot, tmp_path / "s.ini", project, [str(SEED_FILES[0])])
    bad = tmp_path / "坏.review"
    bad.write_bytes(b"\x00garbage" * 500)
    seen = _answer_messages(monkeypatch)
    w.controller.switch_project(bad)
    assert seen and seen[0][0] == "无法打开审阅项目" and "仍在审阅当前项目“A”" in seen[0][1]
    assert w.controller.project == str(project) and len(w.session.analyses()) == 1
    assert w.session.store.journal_mode == "wal" and str(bad) not in w.settings.recent_projects
    w.close()


def test_a_server_url_given_as_project_stays_a_url() -> None:
    from ui.app import parse_args

    url = "postgresql://张三@127.0.0.1:55439/法治年报2026"
    assert parse_args(["--project", url]).project == url
    assert parse_args(["--project", "a/b.review"]).project == Path("a/b.review")


def test_a_project_open_in_another_window_is_said_so_and_free_again_once_closed(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "A.review"
    first = _start(qtbot, tmp_path / "s.ini", project, [str(SEED_FILES[0])])
    seen = _answer_messages(monkeypatch)
    second = _start(qtbot, tmp_path / "s2.ini", project)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0][0] == "项目已在别处打开" and f"上的进程 {os.getpid()}）" in seen[0][1] and "“A”" in seen[0][1]
    second.close()
    first.close()
    third = _start(qtbot, tmp_path / "s3.ini", project)
    qtbot.wait(50)
    assert len(seen) == 1 and len(third.session.analyses()) == 1  # no warning once the others closed
    third.close()


def test_reopening_shows_the_report_the_reviewer_left_it_on(qtbot: QtBot, tmp_path: Path) -> None:
    folder = _folder(tmp_path, "r", SEED_FILES[:3])
    w = _start(qtbot, tmp_path / "s.ini", tmp_path / "A.review", [str(folder)])
    second = w.session.analyses()[1].sha256
    w.reports.select_report(second)
    w.close()
    w = _start(qtbot, tmp_path / "s.ini")
    assert w.reports.current_report() == second and w.checklist.model.report == second
    w.close()


def _expanded(w: MainWindow) -> list[str]:
    tree, proxy = w.reports.tree, w.reports.proxy
    return [str(proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1)) for r in range(proxy.rowCount())
            if tree.isExpanded(proxy.index(r, 0))]


def test_after_reimporting_the_report_shown_is_the_one_selected_and_open_in_the_tree(
        qtbot: QtBot, tmp_path: Path) -> None:
    folder = _folder(tmp_path, "r", SEED_FILES[:3])
    w = _start(qtbot, tmp_path / "s.ini", tmp_path / "P.review", [str(folder)])
    w.close()
    path = folder / SEED_FILES[2].name
    path.write_text(path.read_text(encoding="utf-8") + "\n补充：全年培训执法人员120人次。\n", encoding="utf-8")
    w = _start(qtbot, tmp_path / "s.ini")
    second = w.session.analyses()[1].sha256
    w.reports.select_report(second)
    with qtbot.waitSignal(w.controller.project_loaded, timeout=LOAD_MS):
        w.actions_.reimport.trigger()
    shown = w.text.analysis
    assert shown is not None and shown.sha256 == second == w.reports.current_report()
    assert _expanded(w) == [second]
    w.close()


def test_opening_the_folder_again_with_the_shown_reports_file_changed_stays_on_its_new_version(
        qtbot: QtBot, tmp_path: Path) -> None:
    """Found by a helper session: the folder opened again (rather than 重新导入) jumped to the folder's
    first report, another unit's, while the one read had been read again and marked 待复核."""
    folder = _folder(tmp_path, "r", SEED_FILES[:3])
    w = _start(qtbot, tmp_path / "s.ini", tmp_path / "P.review", [str(folder)])
    third = next(a for a in w.session.analyses() if Path(a.file).name == SEED_FILES[2].name)
    w.reports.select_report(third.sha256)
    w.session.set_decision(third.sha256, "measures", "符合", "看过")
    path = Path(third.file)
    path.write_text(path.read_text(encoding="utf-8") + "\n补充：全年培训执法人员120人次。\n", encoding="utf-8")
    with qtbot.waitSignal(w.controller.project_loaded, timeout=LOAD_MS):
        w.controller.open_paths([str(folder)])
    assert w.status.currentMessage() == "已重新读入 1 份报告，原有判断标为待复核"
    new = next(a for a in w.session.analyses() if a.file == third.file)
    assert new.sha256 != third.sha256
    assert w.reports.current_report() == new.sha256 and w.text.analysis is not None
    assert w.text.analysis.sha256 == new.sha256 and w.checklist.model.report == new.sha256
    w.close()


def test_switching_back_to_a_project_shows_the_report_left_there(qtbot: QtBot, tmp_path: Path) -> None:
    folder = _folder(tmp_path, "r", SEED_FILES[:3])
    a_path, b_path = tmp_path / "A.review", tmp_path / "B.review"
    w = _start(qtbot, tmp_path / "s.ini", a_path, [str(folder)])
    third = w.session.analyses()[2].sha256
    w.reports.select_report(third)
    with qtbot.waitSignal(w.controller.project_loaded, timeout=LOAD_MS):
        w.controller.switch_project(b_path)
    with qtbot.waitSignal(w.controller.project_loaded, timeout=LOAD_MS):
        w.controller.switch_project(a_path)
    assert w.reports.current_report() == third and w.checklist.model.report == third
    w.close()
