"""The 往年对比 tab: a report beside last year's, a corrected pairing and a ticked plan item, kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reviewer.store_lastyear import AUTO
from tests.core import lastyear_fixtures as fx
from ui.lastyear.library import LibraryDialog
from ui.lastyear.panel import LastYearPanel
from ui.main_window import MainWindow
from ui.metrics.model import ROLE_SPAN

from .conftest import WindowFactory

pytestmark = pytest.mark.gui


def _open(w: MainWindow, qtbot: QtBot, paths: list[str]) -> None:
    with qtbot.waitSignal(w.loader.loaded, timeout=60000):
        w.controller.open_paths(paths)


def _select(w: MainWindow, year: int) -> str:
    a = next(a for a in w.session.analyses() if a.meta.report_year == year)
    w.reports.select_report(a.sha256)
    return a.sha256


def _tab(w: MainWindow) -> LastYearPanel:
    panel = w.lastyear
    w.tabs.setCurrentWidget(panel)
    return panel


def _flush(w: MainWindow) -> None:
    assert w.session.writer is not None and w.session.writer.flush(5.0)


def test_the_tab_shows_last_year_beside_this_year(make_window: WindowFactory, qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(tmp_path / "p.review")
    _open(w, qtbot, [str(p) for p in fx.write_pair(tmp_path / "files")])
    sha = _select(w, 2024)
    panel = _tab(w)
    assert w.tabs.tabText(w.tabs.indexOf(panel)) == "往年对比 (22%)"
    assert panel.pairing.currentText() == "自动配对：塘沽街道 · 2023 — 塘沽街道2023.txt"
    # one line: the counts stand in the tabs' titles (a second line left two rows of the tables at 1366×768)
    assert panel.summary.text() == ("与上年重复 22%（主要举措 24% · 存在的不足 100% · 第一责任人 4% · "
                                    "下一年度安排 2%）")
    assert panel.figures.rowCount() == 10 and panel.plan.rowCount() == 6
    statuses = [panel.plan.index(r, 2).data() for r in range(6)]
    assert statuses == ["● 已报告", "● 已报告", "○ 未提及", "● 已报告", "○ 未提及", "● 已报告"]
    assert panel.inner.tabText(0) == "上年安排 (4/6 已报告)"
    assert panel.inner.tabText(1) == "数据变化 (10，异常 1)"
    # clicking a reported item shows this year's passage in the text
    idx = panel.plan_view.model().index(0, 1)
    panel.plan_view.clicked.emit(idx)
    start, end = idx.data(ROLE_SPAN)
    assert w.text.highlighted_span() is not None
    assert w.text.editor.toPlainText()[start:end].startswith("一是街道党工委理论学习中心组")
    # the copied passages have their own colour in the text
    copied = [m for m in w.text.editor.marks.marks if m.kind == "copied"]
    assert len(copied) == 10
    assert w.findings.model.total() == len(w.session.analysis(sha).findings)  # type: ignore[union-attr]


def test_tick_and_correct_a_pairing_and_find_both_again(make_window: WindowFactory, qtbot: QtBot,
                                                        tmp_path: Path) -> None:
    project = tmp_path / "p.review"
    w = make_window(project)
    _open(w, qtbot, [str(p) for p in fx.write_pair(tmp_path / "files")])
    sha = _select(w, 2024)
    panel = _tab(w)
    key = panel.plan.item(0).key
    assert panel.plan.setData(panel.plan.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert panel.plan.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    # the reviewer says this report is not to be compared with last year's
    with qtbot.waitSignal(w.session.analysis_changed, timeout=5000):
        panel.pairing.setCurrentIndex(panel.pairing.findData(""))
        panel.pairing.activated.emit(panel.pairing.currentIndex())
    a = w.session.analysis(sha)
    assert a is not None and a.previous_year is None
    assert not [f for f in a.findings if f.kind in ("figure_jump", "copied_from_last_year")]
    # unpaired, both reports say their 3 shared paragraphs again (paired, neither did)
    older = next(b for b in w.session.analyses() if b.meta.report_year == 2023)
    assert [[f.kind for f in b.findings].count("duplicate_across_reports") for b in (older, a)] == [3, 3]
    assert panel.plan.rowCount() == 0 and panel.pairing.currentText() == "不与往年对比"
    assert not [m for m in w.text.editor.marks.marks if m.kind == "copied"]
    assert w.tabs.tabText(w.tabs.indexOf(panel)) == "往年对比"
    _flush(w)
    store = w.session.store
    assert store.pairing_fixes()[sha].previous == ""
    assert store.promise_ticks()[(sha, key)].kept is True
    w.close()

    again = make_window(project)  # the project keeps both
    with qtbot.waitSignal(again.controller.project_loaded, timeout=60000):
        again.controller.load_project()
    _select(again, 2024)
    panel = _tab(again)
    assert again.session.analysis(sha).previous_year is None  # type: ignore[union-attr]
    assert panel.pairing.currentText() == "不与往年对比"
    # back to the automatic pairing: the tick on the first item is there
    with qtbot.waitSignal(again.session.analysis_changed, timeout=5000):
        panel.pairing.setCurrentIndex(panel.pairing.findData(AUTO))
        panel.pairing.activated.emit(panel.pairing.currentIndex())
    assert again.session.analysis(sha).previous_year is not None  # type: ignore[union-attr]
    assert panel.plan.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert [[f.kind for f in b.findings].count("duplicate_across_reports") for b in again.session.analyses()] == [0, 0]


def test_a_library_project_gives_last_year(make_window: WindowFactory, qtbot: QtBot, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    previous, current = fx.write_pair(tmp_path / "files")
    last_spring = make_window(tmp_path / "2023.review")
    _open(last_spring, qtbot, [str(previous)])
    last_spring.close()
    w = make_window(tmp_path / "2024.review")
    _open(w, qtbot, [str(current)])
    sha = _select(w, 2024)
    panel = _tab(w)
    assert w.session.analysis(sha).previous_year is None  # type: ignore[union-attr]
    assert panel.summary.text().startswith("未与往年报告对比：没有找到同一单位 2023 年度的报告")

    def choose(dialog: LibraryDialog) -> int:
        dialog.path.setText(str(tmp_path / "2023.review"))
        return LibraryDialog.DialogCode.Accepted

    monkeypatch.setattr(LibraryDialog, "exec", choose)
    with qtbot.waitSignal(w.controller.project_loaded, timeout=60000):
        assert panel.library_action is not None
        panel.library_action.trigger()
    _select(w, 2024)
    a = w.session.analysis(sha)
    assert a is not None and a.previous_year is not None and a.previous_year.year == 2023
    assert panel.pairing.currentText().endswith("塘沽街道2023.txt")
    assert w.session.store.setting("lastyear.library") == str(tmp_path / "2023.review")
    # the library's report is offered as a candidate, marked as coming from the library
    assert any(panel.pairing.itemText(i).endswith("（往年报告库）") for i in range(panel.pairing.count()))


def test_a_pairing_chosen_by_hand_keeps_the_automatic_one_in_view_and_warns_of_another_unit(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path
) -> None:
    """The reviewer pairs 塘沽街道 2024 with another unit's 2023 report: the window says it is another
    unit's, the 自动配对 entry still names what choosing it again gives (not 未找到), and another unit's
    report of the same year or later is never offered as last year's (the unit's own is, last)."""
    from tests.conftest import seed_path

    w = make_window(tmp_path / "p.review")
    _open(w, qtbot, [*(str(p) for p in fx.write_pair(tmp_path / "files")), str(seed_path("004"))])
    other = next(a for a in w.session.analyses() if a.meta.issuer == "重庆市渝北区大盛镇人民政府")
    sha = _select(w, 2024)
    panel = _tab(w)
    offered = [panel.pairing.itemData(i) for i in range(panel.pairing.count())]
    assert other.sha256 in offered
    with qtbot.waitSignal(w.session.analysis_changed, timeout=5000):
        panel.pairing.setCurrentIndex(panel.pairing.findData(other.sha256))
        panel.pairing.activated.emit(panel.pairing.currentIndex())
    assert w.session.analysis(sha).previous_year.sha256 == other.sha256  # type: ignore[union-attr]
    assert panel.pairing.itemText(panel.pairing.findData(AUTO)) == "自动配对：塘沽街道 · 2023 — 塘沽街道2023.txt"
    warning = "注意：所选的上一年度报告是另一单位的（重庆市渝北区大盛镇人民政府）"
    assert panel.summary.text().startswith(warning + "\n与上年重复 ")
    older = next(a for a in w.session.analyses() if a.meta.issuer and a.meta.report_year == 2023
                 and a.sha256 != other.sha256)
    w.reports.select_report(older.sha256)
    offered = [panel.pairing.itemData(i) for i in range(panel.pairing.count())]
    assert other.sha256 not in offered  # another unit's report of the same year is never last year's
    assert offered[-1] == sha  # the unit's 2024 report, last: a year may be misread


def test_another_reviewers_report_is_shown_not_offered_and_a_refused_tick_goes_back(
        make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found by a helper session on the team's server: 李四 could tick 张三's report's plan items and
    change its pairing; the server refused and the window said the server's record was back, but the
    tick stayed. Not offered now, and a refused tick or pairing shows the project's record again."""
    from reviewer.journal import Change, now
    from reviewer.sync import Team
    from ui.session_sync import show_refused

    w = make_window(tmp_path / "p.review")
    _open(w, qtbot, [str(p) for p in fx.write_pair(tmp_path / "files")])
    sha = _select(w, 2024)
    panel = _tab(w)
    key = panel.plan.item(0).key
    assert panel.plan.setData(panel.plan.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    _flush(w)  # the project's record: item 1 ticked
    w.session.set_team(Team(me="李四", lead=False, shared=True, assigned={sha: ("张三",)}))
    assert not panel.plan.flags(panel.plan.index(0, 0)) & Qt.ItemFlag.ItemIsUserCheckable
    assert not panel.pairing.isEnabled()
    assert panel.pairing.toolTip() == "该报告已分配给 张三，您不能改变它的往年配对和上年安排的落实情况"
    # a change made before the window knew (offline), refused by the server: never written, and the
    # project's record comes back
    monkeypatch.setattr(w.session, "submit", lambda _change: None)
    w.session.lastyear.set_tick(sha, key, None)  # as if 李四 had unticked it
    assert panel.plan.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    show_refused(w.session, Change("promise", sha, key, "", "", "李四", now()), None, "该报告已分配给 张三")
    assert panel.plan.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    w.session.lastyear.set_pairing(sha, "")
    assert w.session.analysis(sha).previous_year is None  # type: ignore[union-attr]
    show_refused(w.session, Change("pairing", sha, None, "", "", "李四", now()), None, "该报告已分配给 张三")
    assert w.session.analysis(sha).previous_year is not None  # type: ignore[union-attr]
    assert panel.pairing.currentText() == "自动配对：塘沽街道 · 2023 — 塘沽街道2023.txt"


def test_a_library_changed_by_the_lead_is_read_after_the_load_under_way(qapp: object) -> None:
    """Found by a code review: the lead's new 往年报告库 made every other window read the project at once,
    cancelling the load under way and dropping its reports without a word."""
    from reviewer.memory_store import MemoryReviewStore
    from ui.elsewhere import Elsewhere
    from ui.session import Session

    reads: list[int] = []
    loading = [True]
    elsewhere = Elsewhere(Session(MemoryReviewStore()), lambda: reads.append(1), lambda: loading[0])
    elsewhere.library_changed()
    assert reads == [] and elsewhere.told == "组长更换了往年报告库，已与新的往年报告库重新对比"
    loading[0] = False
    elsewhere.load_ended()
    assert reads == [1]


def test_a_reviewers_rights_leave_with_the_shared_project(make_window: WindowFactory, tmp_path: Path) -> None:
    """Found by a code review: from a shared project (as a reviewer) to the reviewer's own project file,
    往年报告库 and 移除报告 stayed off."""
    from reviewer.sync import Team

    w = make_window(tmp_path / "p.review")
    w.session.set_team(Team(me="李四", lead=False, shared=True))
    assert not w.lastyear.library_button.isEnabled() and not w.actions_.remove_reports.isEnabled()
    w.controller.switch_project(tmp_path / "mine.review")
    assert w.lastyear.library_button.isEnabled() and w.actions_.remove_reports.isEnabled()
    assert w.lastyear.library_action is not None and w.lastyear.library_action.isEnabled()


def test_a_report_chosen_by_hand_that_is_gone_is_said_not_shown_as_automatic(
        make_window: WindowFactory, qtbot: QtBot, tmp_path: Path) -> None:
    """Found by a helper session: a pairing chosen by hand with a library report vanished without a word
    when the library changed: the tab showed 自动配对：未找到 as if the reviewer had chosen nothing."""
    w = make_window(tmp_path / "p.review")
    _open(w, qtbot, [str(p) for p in fx.write_pair(tmp_path / "files")])
    sha = _select(w, 2024)
    panel = _tab(w)
    w.session.lastyear.set_pairing(sha, "f" * 64)  # a library report, the library since changed
    assert panel.pairing.currentText() == ("所选的报告已不在项目或往年报告库中，"
                                           "按自动配对：塘沽街道 · 2023 — 塘沽街道2023.txt")
    assert w.session.analysis(sha).previous_year is not None  # compared with the automatic pairing's report
