"""A project opens again as the reviewer left it: the report list's filters, the page and the tab,
with the report on show; a filter that hides every report says so."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow
from ui.settings import Place, SettingsStore

from .conftest import WindowFactory

LOAD_MS = 60_000


def _opened(make_window: WindowFactory, qtbot: QtBot, project: Path, folder: Path | None = None) -> MainWindow:
    """A window on ``project``, its reports all listed (``folder``'s brought in first)."""
    w = make_window(project)
    w.show()
    qtbot.waitExposed(w)
    with qtbot.waitSignal(w.controller.project_loaded, timeout=LOAD_MS):
        w.controller.load_project(then_import=[str(folder)] if folder else [])
    return w


def _unit(w: MainWindow, sha: str) -> str:
    a = w.session.analysis(sha)
    assert a is not None and a.meta.issuer
    return a.meta.issuer


def test_a_restarted_window_comes_back_with_its_filters_page_and_tab(
        make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path) -> None:
    project = tmp_path / "p.review"
    w = _opened(make_window, qtbot, project, seeds_dir)
    first = w.session.analyses()[0].sha256
    w.reports.select_report(first)
    w.session.set_decision(first, "measures", "符合")  # 审阅中: the other four stay 未审
    w.reports.filter_edit.insert(_unit(w, first)[:2])  # Chinese comes through an input method
    w.reports.status_box.setCurrentIndex(w.reports.status_box.findData("审阅中"))
    w.tabs.setCurrentIndex(1)  # 问题
    w.actions_.view_compare.trigger()  # Ctrl+2
    listed = w.reports.visible_reports()
    assert listed == [first]
    w.close()
    again = _opened(make_window, qtbot, project)
    assert again.reports.filter_edit.text() == _unit(w, first)[:2]
    assert again.reports.status_box.currentData() == "审阅中"
    assert again.reports.visible_reports() == listed and again.reports.current_report() == first
    assert again.pages.currentIndex() == 1 and again.actions_.view_compare.isChecked()
    assert again.tabs.currentIndex() == 1


def test_a_project_opened_again_in_the_same_window_comes_back_as_it_was_left(
        make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path) -> None:
    project = tmp_path / "p.review"
    w = _opened(make_window, qtbot, project, seeds_dir)
    second = w.session.analyses()[1].sha256
    w.reports.select_report(second)
    w.reports.filter_edit.insert(_unit(w, second))  # Chinese comes through an input method
    w.tabs.setCurrentIndex(1)
    with qtbot.waitSignal(w.controller.project_loaded, timeout=LOAD_MS):
        w.controller.switch_project(tmp_path / "other.review")  # a project of its own: nothing carried over
    assert w.reports.filter_edit.text() == "" and w.tabs.currentIndex() == 0
    w.actions_.view_compare.trigger()
    with qtbot.waitSignal(w.controller.project_loaded, timeout=LOAD_MS):
        w.controller.switch_project(project)
    assert w.reports.filter_edit.text() == _unit(w, second)
    assert w.reports.current_report() == second and w.reports.visible_reports() == [second]
    assert w.pages.currentIndex() == 0 and w.tabs.currentIndex() == 1  # the review page, as it was left


def test_the_report_left_on_shows_though_it_has_left_the_status_filter(
        make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path) -> None:
    """Filtered to 未审, the reviewer decided an item of the report on show: it stayed listed while they
    read it, and it is the report they come back to."""
    project = tmp_path / "p.review"
    w = _opened(make_window, qtbot, project, seeds_dir)
    w.reports.status_box.setCurrentIndex(w.reports.status_box.findData("未审"))
    third = w.session.analyses()[2].sha256
    w.reports.select_report(third)
    w.session.set_decision(third, "measures", "符合")
    assert w.session.writer is not None and w.session.writer.flush(5.0)
    w.close()
    again = _opened(make_window, qtbot, project)
    assert again.reports.status_box.currentData() == "未审"
    assert again.reports.current_report() == third and again.text.analysis is not None
    assert again.text.analysis.sha256 == third


def test_a_filter_that_matches_no_report_any_more_says_so_and_clears_with_a_click(
        make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path, settings_path: Path) -> None:
    project = tmp_path / "p.review"
    w = _opened(make_window, qtbot, project, seeds_dir)
    w.close()
    stored = SettingsStore(QSettings(str(settings_path), QSettings.Format.IniFormat))
    settings = stored.load()
    settings.places[str(project)] = Place(text="某某镇", status="已审结")  # a unit since removed
    stored.save(settings)
    again = _opened(make_window, qtbot, project)
    note = again.reports.filtered_out
    assert again.reports.visible_reports() == []
    assert note.isVisible() and note.label.text() == "没有符合筛选条件的报告（项目中共 5 份）"
    qtbot.mouseClick(note.clear, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(again.reports.visible_reports()) == 5)
    assert again.reports.filter_edit.text() == "" and again.reports.status_box.currentData() == ""
    assert not note.isVisible()


def test_a_filter_typed_that_matches_nothing_says_so(make_window: WindowFactory, qtbot: QtBot,
                                                      tmp_path: Path, seeds_dir: Path) -> None:
    w = _opened(make_window, qtbot, tmp_path / "p.review", seeds_dir)
    assert not w.reports.filtered_out.isVisible()
    w.reports.filter_edit.insert("没有这个单位")  # Chinese comes through an input method
    qtbot.waitUntil(lambda: not w.reports.visible_reports())
    assert w.reports.filtered_out.isVisible()
    w.reports.filter_edit.clear()
    assert not w.reports.filtered_out.isVisible()
