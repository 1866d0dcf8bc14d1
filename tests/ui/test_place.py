"""A project opens again as the reviewer left it: the report list's filters, the page and the tab,
with the report on show."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow

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
