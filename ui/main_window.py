"""The main window: builds the panes, menus and status bar and wires their signals. No workflow here."""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from ui import settings as keys
from ui.annotate_dialog import Annotator
from ui.checklist.view import ChecklistPanel
from ui.collector import MainThreadCollector
from ui.commands import Commands, checklist_or_default
from ui.compare.view import ComparePanel
from ui.controller import Controller
from ui.dialogs import ask_note_goes_out
from ui.help import GuideDialog, ShortcutsDialog
from ui.icons import app_icon
from ui.labels import decision_name
from ui.layout import REPORTS_MIN_WIDTH, SHARES, fit_to_screen
from ui.loading import Loader
from ui.menus import all_actions, build_actions, build_menus, build_toolbar
from ui.metrics.findings import FindingsPanel
from ui.metrics.view import MetricsPanel
from ui.project import default_project, make_writer, open_project
from ui.reports.model import ReportsModel
from ui.reports.view import ReportsPanel
from ui.savebar import SaveBar, SaveWatch
from ui.session import Session
from ui.settings import SettingsStore
from ui.shortcuts import GlobalShortcuts
from ui.statusbar import StatusBar
from ui.team import TeamLink
from ui.text.highlighter import HEADING_GROWTH
from ui.text.view import ReportView
from ui.warmup import fonts_to_warm, warm_later


class MainWindow(QMainWindow):
    """Reports tree | text over bottom tabs | checklist."""

    def __init__(self, settings_store: SettingsStore, project: str | Path | None = None) -> None:
        super().__init__()
        self._fonts_warmed = False
        app = QApplication.instance()
        if app is not None:
            MainThreadCollector.install(app)  # before any worker thread runs
        self.settings_store = settings_store
        self.settings = settings_store.load()
        path = project or self.settings.last_project or default_project()
        store, warning = open_project(path, self)
        checklist = checklist_or_default(self.settings.checklist_path, self)
        self.session = Session(store, self.settings.reviewer, self, checklist, make_writer(path, store, self))
        self.session.ask_note = lambda item, note, old, new: ask_note_goes_out(
            self, item, note, decision_name(old), decision_name(new))
        self.loader = Loader(self)
        self._build()
        self.team = TeamLink(self.session, self.status, self)
        self.controller = Controller(self, path, warning, checklist)
        self.commands = Commands(self, self.controller)
        self.annotator = Annotator(self, self.commands)
        self._wire()
        from ui.lastyear.wiring import install  # the 往年对比 tab, its menu entry and its signals

        self.lastyear = install(self)
        self.controller.come_back()  # every pane and tab is built by now
        self._restore_layout()
        self.setAcceptDrops(True)
        self.setWindowIcon(app_icon())

    def _build(self) -> None:
        self.reports = ReportsPanel(ReportsModel(self.session))
        self.text = ReportView()
        self.text.set_text_size(self.settings.text_size)
        self.checklist = ChecklistPanel(self.session)
        self.metrics = MetricsPanel()
        self.findings = FindingsPanel()
        self.compare = ComparePanel(self.session)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.metrics, self.tr("数据指标"))
        self.tabs.addTab(self.findings, self.tr("问题"))
        # The text is what a reviewer reads most: it keeps most of the height, the tables fold away.
        self.vsplit = QSplitter(Qt.Orientation.Vertical)
        self.vsplit.addWidget(self.text)
        self.vsplit.addWidget(self.tabs)
        self.vsplit.setStretchFactor(0, 3)
        self.vsplit.setStretchFactor(1, 1)
        self.vsplit.setCollapsible(0, False)
        # Never so narrow that a unit's name is "津…" (a window opened small, then maximised, gives
        # all the new width to the text).
        self.reports.setMinimumWidth(REPORTS_MIN_WIDTH)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        for w in (self.reports, self.vsplit, self.checklist):
            self.split.addWidget(w)
        for i, share in enumerate(SHARES):  # a window made larger shares the new width as at the start
            self.split.setStretchFactor(i, round(100 * share))
        self.split.setChildrenCollapsible(False)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.split)
        self.pages.addWidget(self.compare)
        self.savebar = SaveBar()
        central = QWidget()
        lay = QVBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.savebar)
        lay.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.actions_ = build_actions(self)
        build_menus(self, self.actions_)
        self.toolbar = build_toolbar(self, self.actions_)
        self.status = StatusBar()
        self.setStatusBar(self.status)
        self._tab_order()

    def _tab_order(self) -> None:
        chain = [self.reports.filter_edit, self.reports.status_box, self.reports.tree, self.text.editor,
                 self.checklist.header.verdict_box, self.checklist.header.comment, self.checklist.tree,
                 *self.checklist.detail.buttons.buttons(), self.checklist.detail.comment, self.tabs]
        for first, second in itertools.pairwise(chain):
            self.setTabOrder(first, second)

    def show_page(self, compare: bool) -> None:
        """The review panes, or the 对比 page over the whole window."""
        self.pages.setCurrentIndex(1 if compare else 0)
        (self.actions_.view_compare if compare else self.actions_.view_review).setChecked(True)

    def _wire(self) -> None:
        c, a = self.controller, self.actions_
        self.reports.report_selected.connect(self.show_report)
        self.reports.position_requested.connect(self._show_position)
        self.checklist.evidence_requested.connect(self.text.select_span)
        self.checklist.evidence_cleared.connect(self.text.clear_highlight)
        self.metrics.span_activated.connect(self.text.select_span)
        self.findings.span_activated.connect(self.text.select_span)
        self.compare.cell_activated.connect(self._show_item)
        a.open_files.triggered.connect(c.open_files_dialog)
        a.open_folder.triggered.connect(c.open_folder_dialog)
        a.new_project.triggered.connect(c.new_project)
        a.open_project.triggered.connect(c.open_project_dialog)
        a.connect_server.triggered.connect(c.connect_server)
        a.export.triggered.connect(self.commands.export)
        a.annotate.triggered.connect(self.annotator.start)
        a.reanalyze.triggered.connect(c.reanalyze)
        a.remove_reports.triggered.connect(lambda: c.remove_reports(self.reports.selected_reports()))
        a.reimport.triggered.connect(c.reimport_changed)
        a.samples.triggered.connect(c.open_samples)
        a.settings.triggered.connect(self.commands.edit_settings)
        a.about.triggered.connect(self.commands.about)
        self.reports.remove_requested.connect(c.remove_reports)
        self.session.team_changed.connect(self._team_rights)
        self.team.reports_removed.connect(c.removed_elsewhere)
        self.team.reports_added.connect(c.added_elsewhere)
        self.team.library_changed.connect(c.elsewhere.library_changed)
        self.loader.loaded.connect(lambda _result: self.team.refresh_lastyear())  # changes made meanwhile
        a.shortcuts.triggered.connect(lambda: ShortcutsDialog(all_actions(a), self).exec())
        a.guide.triggered.connect(lambda: GuideDialog(self).exec())
        self.shortcuts = GlobalShortcuts(self, all_actions(a))
        self.session.project_changed.connect(lambda: self.show_report(None))
        self.session.reports_changed.connect(self._drop_gone_report)
        a.next_report.triggered.connect(lambda: self.reports.step_report(1))
        a.previous_report.triggered.connect(lambda: self.reports.step_report(-1))
        a.find.triggered.connect(self.text.show_find)
        a.zoom_in.triggered.connect(lambda: self.text.zoom(1))
        a.zoom_out.triggered.connect(lambda: self.text.zoom(-1))
        a.quit.triggered.connect(self.close)
        a.view_review.triggered.connect(lambda: self.show_page(False))
        a.view_compare.triggered.connect(lambda: self.show_page(True))
        self.status.cancel_requested.connect(self.loader.cancel)
        self.saving = SaveWatch(self, self.session, self.savebar, self.status)

    def show_report(self, sha256: str | None) -> None:
        a = self.session.analysis(sha256) if sha256 is not None else None
        self.text.show_analysis(a)
        self.checklist.set_report(sha256 if a is not None else None)
        self.metrics.metrics_model.set_metrics(a.metrics if a else (), a.sections if a else ())
        self.findings.set_analysis(a)
        self.tabs.setTabText(0, self.tr("数据指标 ({n})").format(n=len(a.metrics) if a else 0))
        self.tabs.setTabText(1, self.tr("问题 ({n})").format(n=len(a.findings) if a else 0))

    def _drop_gone_report(self) -> None:
        """The report on show left the project (removed, or a scan whose reading was cancelled)."""
        shown = self.text.analysis
        if shown is not None and self.session.analysis(shown.sha256) is None:
            self.show_report(None)

    def _show_position(self, sha256: str, offset: int) -> None:
        self.show_report(sha256)
        self.text.scroll_to(offset)

    def _show_item(self, sha256: str, item: str) -> None:
        self.show_page(False)
        self.reports.select_report(sha256)
        if item:
            self.checklist.select_item(item)

    def _restore_layout(self) -> None:
        st = self.settings_store
        geometry, state = st.blob(keys.GEOMETRY), st.blob(keys.STATE)
        if geometry is None or not self.restoreGeometry(geometry):
            fit_to_screen(self, self.split, self.vsplit)
        if state is not None:
            self.restoreState(state)
        for key, splitter in ((keys.SPLITTER, self.split), (keys.VSPLITTER, self.vsplit)):
            blob = st.blob(key)
            if blob is not None:
                splitter.restoreState(blob)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.controller.open_paths(paths)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fonts_warmed:  # while the window waits for the reviewer's first folder
            self._fonts_warmed = True
            warm_later(fonts_to_warm(self.font(), self.text.editor.font(), HEADING_GROWTH.values()))

    def _team_rights(self) -> None:
        """What this reviewer may do on a shared project: removing reports and 往年报告库 are the lead's."""
        may = self.session.team.may_remove()
        self.actions_.remove_reports.setEnabled(may)
        self.reports.remove_action.setEnabled(may)
        self.lastyear.set_library_allowed(self.session.team.may_set_library())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.checklist.flush()
        if not self.saving.changes_written_or_kept():
            event.ignore()
            return
        self.loader.abandon()
        self.controller.pools.shutdown()
        st = self.settings_store
        st.set_blob(keys.GEOMETRY, self.saveGeometry())
        st.set_blob(keys.STATE, self.saveState())
        st.set_blob(keys.SPLITTER, self.split.saveState())
        st.set_blob(keys.VSPLITTER, self.vsplit.saveState())
        self.settings.text_size = self.text.text_size()
        self.controller.keep_place()
        st.save(self.settings)
        if self.session.writer is not None:
            self.session.writer.close(timeout=0.5)  # what still waits stays in the journal
        self.controller.release()
        self.session.store.close()
        super().closeEvent(event)
