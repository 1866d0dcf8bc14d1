"""Puts the 往年对比 tab into the main window: one call from ``MainWindow``, the rest here.

The tab goes beside 数据指标 and 问题; 工具 gets 往年报告库… after 设置…; a load's last-year inputs
reach the session's ``LastYearState``; a report compared anew is drawn again (text marks, findings,
badges) without losing the reviewer's place in the text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox

from reviewer.store_schema import StoreError
from ui.dialogs import show_message
from ui.lastyear.library import LibraryDialog
from ui.lastyear.panel import LastYearPanel
from ui.loading import LoadResult

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def install(w: MainWindow) -> LastYearPanel:
    panel = LastYearPanel(w.session)
    index = w.tabs.addTab(panel, panel.tab_title())
    panel.refreshed.connect(lambda: w.tabs.setTabText(index, panel.tab_title()))
    panel.span_activated.connect(w.text.select_span)
    panel.library_requested.connect(lambda: choose_library(w))
    w.reports.report_selected.connect(panel.set_report)
    w.reports.position_requested.connect(lambda sha, _offset: panel.set_report(sha))
    w.session.project_changed.connect(lambda: panel.set_report(None))
    w.session.analysis_changed.connect(lambda sha: _redraw(w, panel, sha))
    w.loader.loaded.connect(lambda result: _loaded(w, result))
    act = QAction(w.tr("往年报告库…"), w)
    act.setStatusTip(w.tr("指定去年的审阅项目或报告文件夹，与同一单位上一年度的报告对比"))
    act.triggered.connect(lambda: choose_library(w))
    _after_settings(w, act)
    panel.library_action = act
    return panel


def _after_settings(w: MainWindow, act: QAction) -> None:
    """Into the menu that holds 设置…, right after it."""
    for top in w.menuBar().actions():
        menu = top.menu()
        if not isinstance(menu, QMenu):
            continue
        actions = menu.actions()
        if w.actions_.settings in actions:
            after = actions.index(w.actions_.settings) + 1
            if after < len(actions):
                menu.insertAction(actions[after], act)
            else:
                menu.addAction(act)
            return


def _loaded(w: MainWindow, result: object) -> None:
    """The load's library, pairings and ticks (after the controller has shown its reports)."""
    if isinstance(result, LoadResult) and result.complete and not result.cancelled and result.lastyear is not None:
        w.session.lastyear.take(result.lastyear)


def _redraw(w: MainWindow, panel: LastYearPanel, sha256: str) -> None:
    """A report compared with another report of last year: its marks, findings and badge anew."""
    model = w.reports.model
    idx = model.report_index(sha256)
    if idx.isValid():
        model.dataChanged.emit(idx, idx)
    if w.reports.current_report() != sha256:
        return
    top = w.text.first_visible_offset()
    w.show_report(sha256)
    w.text.scroll_to(top)
    panel.set_report(sha256)


def choose_library(w: MainWindow) -> None:
    """Ask for the library; keep it in the project and analyse the project again with it."""
    state = w.session.lastyear
    dialog = LibraryDialog(state.library_path, w)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() == state.library_path:
        return
    try:
        state.set_library(dialog.chosen())
    except StoreError as exc:
        show_message(w, QMessageBox.Icon.Warning, w.tr("往年报告库"), str(exc))
        return
    w.controller.reanalyze()


def pose(w: MainWindow) -> None:
    """The 往年对比 tab of the first report compared with last year's, as a reviewer would have it
    (for ``python -m ui.screenshot --page lastyear``): its plan open, the first item ticked and shown."""
    a = next((a for a in w.session.analyses() if a.previous_year is not None), None)
    if a is None or a.previous_year is None:
        return
    w.reports.select_report(a.sha256)
    panel = w.findChild(LastYearPanel)
    if panel is None:
        return
    w.tabs.setCurrentWidget(panel)
    panel.inner.setCurrentIndex(0)
    w.vsplit.setSizes([3, 2])  # the tables get room enough to read (before the passage is centred)
    if a.previous_year.plan:
        w.session.lastyear.set_tick(a.sha256, a.previous_year.plan[0].key, True)
        panel.plan_view.selectRow(0)
