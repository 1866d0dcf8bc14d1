"""The menu commands that are not about the project's reports: export, settings, help."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reviewer.checklist import Checklist, ChecklistError, load_checklist
from reviewer.location import display_name
from reviewer.outfiles import safe_stem
from ui.annotate_dialog import usable_template
from ui.dialogs import SettingsDialog, show_about, show_message
from ui.export_dialog import ExportScopeDialog, offer_to_open
from ui.exporting import ExportOutcome, export_work
from ui.labels import lang
from ui.session_sync import report_label
from ui.tasks import Task

if TYPE_CHECKING:
    from ui.controller import Controller
    from ui.main_window import MainWindow


def checklist_or_default(path: str, parent: MainWindow | None = None) -> Checklist:
    """The checklist file chosen in 设置, or the built-in one (with a dialog) when it cannot be used."""
    if path:
        try:
            return load_checklist(path)
        except ChecklistError as exc:
            if parent is not None:
                show_message(parent, QMessageBox.Icon.Warning, parent.tr("核查清单无法使用"),
                             parent.tr("{e}\n\n本次使用内置核查清单。").format(e=exc.message.render(lang())))
    return load_checklist()


class Commands(QObject):
    """Signals: exported(path) when a workbook was written, export_failed(message)."""

    exported = Signal(str)
    export_failed = Signal(str)

    def __init__(self, window: MainWindow, controller: Controller) -> None:
        super().__init__(window)
        self.w = window
        self.c = controller

    def export(self) -> None:
        """Ask which reports, then where; the workbook is written off the GUI thread."""
        self.w.checklist.flush()
        shas = self.choose_reports()
        if not shas:
            return
        path, _ = QFileDialog.getSaveFileName(
            self.w, self.w.tr("导出Excel"), str(Path.home() / self._workbook_name()), self.w.tr("Excel 工作簿 (*.xlsx)")
        )
        if not path:
            return
        work = export_work(self.w.session, Path(path), self.c.checklist, display_name(self.c.project), lang(), shas)
        task = Task(work, self)
        task.finished.connect(self._exported)
        task.failed.connect(lambda m: self._exported(ExportOutcome(None, m)))
        self.w.actions_.export.setEnabled(False)
        self.w.status.showMessage(self.w.tr("正在导出…"))
        task.start()

    def _workbook_name(self) -> str:
        """The name first proposed: the project's, in the window's language (2024年度审阅_审阅结果.xlsx)."""
        project = display_name(self.c.project) if self.c.project else ""
        if not project:
            return self.w.tr("审阅结果.xlsx")
        return self.w.tr("{project}_审阅结果.xlsx").format(project=safe_stem(project, "审阅"))

    def choose_reports(self, title: str = "", question: str = "", extra: QWidget | None = None,
                       accepted: Callable[[], None] | None = None) -> list[str]:
        """The reports to export, as the reviewer chooses: all, the filtered ones, or the current one.
        ``title``, ``question`` and ``extra`` dress the dialog for another command (退回单位);
        ``accepted`` reads ``extra`` on 确定, while it still exists: the dialog and ``extra`` with
        it are deleted once this returns (PySide deletes a dialog that ran ``exec`` when its last
        reference goes)."""
        everything = [a.sha256 for a in self.w.session.analyses()]
        filtered = self.w.reports.visible_reports()
        current = self.w.reports.current_report()
        a = self.w.session.analysis(current) if current else None
        choices: dict[str, list[str]] = {"all": everything, "filtered": filtered,
                                         "current": [current] if current and a is not None else []}
        if not everything:
            return []
        dialog = ExportScopeDialog({k: len(v) for k, v in choices.items()}, report_label(a) if a else "", self.w,
                                   title=title, question=question, extra=extra)
        if dialog.exec() != ExportScopeDialog.DialogCode.Accepted:
            return []
        if accepted is not None:
            accepted()
        return choices[dialog.scope()]

    def _exported(self, outcome: object) -> None:
        assert isinstance(outcome, ExportOutcome)
        self.w.actions_.export.setEnabled(True)
        if outcome.path is not None:
            self.w.status.showMessage(self.w.tr("已导出到 {p}").format(p=outcome.path), 10000)
            self.last_offer = offer_to_open(self.w, outcome.path)
            self.exported.emit(str(outcome.path))
            return
        self.w.status.clearMessage()
        show_message(self.w, QMessageBox.Icon.Warning, self.w.tr("导出失败"), outcome.error or "")
        self.export_failed.emit(outcome.error or "")

    def edit_settings(self) -> None:
        s = self.w.settings
        dlg = SettingsDialog(s, self.w)
        old_language, old_checklist, old_template = s.language, s.checklist_path, s.letter_template
        if dlg.exec() != SettingsDialog.DialogCode.Accepted:
            return
        dlg.apply(s)
        if s.checklist_path != old_checklist and not self._use_checklist(s.checklist_path):
            s.checklist_path = old_checklist
        if s.letter_template != old_template and not usable_template(self.w, s.letter_template):
            s.letter_template = old_template
        self.w.settings_store.save(s)
        self.w.session.reviewer = s.reviewer
        if s.language != old_language:
            self.w.status.showMessage(self.w.tr("界面语言将在重新启动后生效"), 8000)

    def _use_checklist(self, path: str) -> bool:
        """Switch to the checklist at ``path`` and re-evaluate; False (previous one kept) when it is unusable."""
        try:
            checklist = load_checklist(path or None)
        except ChecklistError as exc:
            show_message(self.w, QMessageBox.Icon.Warning, self.w.tr("核查清单无法使用"),
                         self.w.tr("{e}\n\n仍使用原来的核查清单。").format(e=exc.message.render(lang())))
            return False
        self.c.checklist = checklist
        self.w.session.checklist = checklist
        self.c.reanalyze()
        return True

    def about(self) -> None:
        show_about(self.w)
