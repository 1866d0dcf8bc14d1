"""Workflows behind the menus: open reports, switch project, export, settings.

The main window builds widgets; this object decides what happens when the reviewer asks for
something, talking to the session, the loader and dialogs.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reviewer.formats.registry import report_filter
from ui.dialogs import LoadErrorsDialog, SettingsDialog, show_about, show_message
from ui.exporting import ExportOutcome, export_work
from ui.loading import LoadResult
from ui.project import PROJECT_SUFFIX, data_dir, open_project
from ui.tasks import Task

if TYPE_CHECKING:
    from ui.main_window import MainWindow

REPORT_FILTER = report_filter()


class Controller(QObject):
    """Signals: exported(path) when a workbook was written, export_failed(message)."""

    exported = Signal(str)
    export_failed = Signal(str)

    def __init__(self, window: MainWindow, project: Path, warning: str | None) -> None:
        super().__init__(window)
        self.w = window
        self.project = project
        loader = window.loader
        loader.progressed.connect(window.status.loading)
        loader.loaded.connect(self._loaded)
        loader.failed.connect(self._failed)
        window.session.review_changed.connect(lambda _sha: self._review_progress())
        window.session.reports_changed.connect(self._review_progress)
        window.actions_.recent.aboutToShow.connect(self._fill_recent)
        self._project_opened(project, warning)

    # -- opening reports -------------------------------------------------
    def open_paths(self, paths: Sequence[str]) -> bool:
        cache = self.project if self.w.session.store.journal_mode != "memory" else None
        if not self.w.loader.load(list(paths), self.w.settings.checklist_path or None, cache):
            self.w.status.showMessage(self.w.tr("正在打开其他文件，请稍候或先取消"), 4000)
            return False
        self.w.status.loading(0, 2)
        return True

    def open_files_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self.w, self.w.tr("打开报告"), "", self.w.tr(REPORT_FILTER))
        if paths:
            self.open_paths(paths)

    def open_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.w, self.w.tr("打开报告文件夹"))
        if folder:
            self.open_paths([folder])

    def reanalyze(self) -> None:
        files = [a.file for a in self.w.session.analyses()]
        if files:
            self.open_paths(files)

    def _loaded(self, result: object) -> None:
        assert isinstance(result, LoadResult)
        self.w.status.loading_done()
        if result.analyses:
            had = self.w.reports.current_report()
            self.w.session.add(result.analyses)
            self.w.reports.select_report(had if had and self.w.session.analysis(had) else result.analyses[0].sha256)
        note = self.w.tr("已打开 {n} 份报告").format(n=len(result.analyses))
        if result.cancelled:
            note += self.w.tr("（已取消其余文件）")
        self.w.status.showMessage(note, 6000)
        if result.errors:
            LoadErrorsDialog(result.errors, len(result.analyses), self.w).exec()

    def _failed(self, message: str) -> None:
        self.w.status.loading_done()
        text = self.w.tr("打开报告时出错：\n{m}").format(m=message)
        show_message(self.w, QMessageBox.Icon.Critical, self.w.tr("打开失败"), text)

    # -- projects --------------------------------------------------------
    def new_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.w, self.w.tr("新建审阅项目"), str(data_dir()), self.w.tr("审阅项目 (*{s})").format(s=PROJECT_SUFFIX)
        )
        if path:
            self.switch_project(Path(path if path.endswith(PROJECT_SUFFIX) else path + PROJECT_SUFFIX))

    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.w, self.w.tr("打开审阅项目"), str(data_dir()), self.w.tr("审阅项目 (*{s})").format(s=PROJECT_SUFFIX)
        )
        if path:
            self.switch_project(Path(path))

    def switch_project(self, path: Path) -> None:
        self.w.checklist.flush()
        store, warning = open_project(path)
        self.w.session.set_store(store)
        self.project = path
        self._project_opened(path, warning)

    def _project_opened(self, path: Path, warning: str | None) -> None:
        s = self.w.settings
        s.remember_project(str(path))
        self.w.settings_store.save(s)
        self.w.setWindowTitle(self.w.tr("法治年报审阅器 — {p}").format(p=path.stem))
        self.w.status.set_project(path.stem, self.w.session.store.journal_mode)
        if warning:
            self.w.status.showMessage(warning, 15000)
        self._review_progress()

    def _fill_recent(self) -> None:
        menu = self.w.actions_.recent
        menu.clear()
        for p in self.w.settings.recent_projects:
            act = menu.addAction(Path(p).stem)
            act.setToolTip(p)
            act.triggered.connect(lambda _c=False, path=p: self.switch_project(Path(path)))
        if not self.w.settings.recent_projects:
            menu.addAction(self.w.tr("（无）")).setEnabled(False)

    def _review_progress(self) -> None:
        shas = [a.sha256 for a in self.w.session.analyses()]
        done = sum(1 for sha in shas if self.w.session.status(sha) in ("通过", "需修改"))
        self.w.status.set_review_progress(done, len(shas))

    # -- export, settings, about ----------------------------------------
    def export(self) -> None:
        self.w.checklist.flush()
        path, _ = QFileDialog.getSaveFileName(
            self.w, self.w.tr("导出Excel"), str(Path.home() / "审阅结果.xlsx"), self.w.tr("Excel 工作簿 (*.xlsx)")
        )
        if not path:
            return
        work = export_work(self.w.session, Path(path), self.w.settings.checklist_path or None)
        task = Task(work, self)
        task.finished.connect(self._exported)
        task.failed.connect(lambda m: self._exported(ExportOutcome(None, m)))
        self.w.actions_.export.setEnabled(False)
        self.w.status.showMessage(self.w.tr("正在导出…"))
        task.start()

    def _exported(self, outcome: object) -> None:
        assert isinstance(outcome, ExportOutcome)
        self.w.actions_.export.setEnabled(True)
        if outcome.path is not None:
            self.w.status.showMessage(self.w.tr("已导出到 {p}").format(p=outcome.path), 10000)
            self.exported.emit(str(outcome.path))
            return
        self.w.status.clearMessage()
        show_message(self.w, QMessageBox.Icon.Warning, self.w.tr("导出失败"), outcome.error or "")
        self.export_failed.emit(outcome.error or "")

    def edit_settings(self) -> None:
        dlg = SettingsDialog(self.w.settings, self.w)
        old_language = self.w.settings.language
        if dlg.exec() != SettingsDialog.DialogCode.Accepted:
            return
        dlg.apply(self.w.settings)
        self.w.settings_store.save(self.w.settings)
        self.w.session.reviewer = self.w.settings.reviewer
        if self.w.settings.language != old_language:
            self.w.status.showMessage(self.w.tr("界面语言将在重新启动后生效"), 8000)

    def about(self) -> None:
        show_about(self.w)
