"""导出 → 退回单位（批注版）…: the review written into each report as Word comments, and a letter.

The reviewer chooses the reports (the export's scope dialog: all, filtered, current) and whether
to write the review letters too, then a folder; the files are written off the GUI thread by
``reviewer.annotate`` from the review as the window shows it (changes still on their way to the
project included), signed with the reviewer's name from 设置.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFileDialog, QInputDialog, QMessageBox, QVBoxLayout, QWidget

from reviewer.annotate import UNREVIEWED, AnnotateError, AnnotateOptions, annotate_reports
from reviewer.checklist import Checklist
from reviewer.letter import LetterError, load_template
from ui.dialogs import show_message
from ui.export_dialog import open_or_say
from ui.labels import lang
from ui.session import Session
from ui.tasks import Cancelled, Progress, Task, Work

if TYPE_CHECKING:
    from ui.commands import Commands
    from ui.main_window import MainWindow


def usable_template(parent: QWidget, path: str) -> bool:
    """True when ``path`` is empty (the built-in template) or a usable letter template; else says why."""
    if not path:
        return True
    try:
        load_template(path)
    except LetterError as exc:
        show_message(parent, QMessageBox.Icon.Warning, parent.tr("审阅意见书模板无法使用"),
                     parent.tr("{e}\n\n仍使用原来的模板。").format(e=exc.message.render(lang())))
        return False
    return True


@dataclass(frozen=True)
class AnnotateOutcome:
    folder: Path | None
    reports: int
    files: int
    error: str | None = None  # Chinese message from the writer
    skipped: str = ""  # why some chosen reports were not written (AnnotateResult.skipped_note), or ""


def annotate_work(session: Session, folder: Path, checklist: Checklist | None, options: AnnotateOptions,
                  shas: Sequence[str]) -> Work:
    """A background job writing the files of the reports ``shas`` into ``folder``."""
    wanted = set(shas)
    analyses = [a for a in session.analyses() if a.sha256 in wanted]
    decisions = session.all_decisions()  # what the window shows
    verdicts = session.all_verdicts()

    shown_in = lang()  # the window's words; the files themselves are in ``options.lang``

    def work(progress: Progress, cancelled: Cancelled) -> AnnotateOutcome:
        try:
            result = annotate_reports(analyses, folder, decisions=decisions, verdicts=verdicts, checklist=checklist,
                                      options=options, progress=progress, cancelled=cancelled)
        except AnnotateError as exc:
            return AnnotateOutcome(None, 0, 0, exc.message.render(shown_in))
        return AnnotateOutcome(folder, len(result.written), len(result.files),
                               skipped=result.skipped_note(shown_in))

    return work


class Annotator(QObject):
    """Signals: annotated(folder) when the files are written, annotate_failed(message)."""

    annotated = Signal(str)
    annotate_failed = Signal(str)

    def __init__(self, window: MainWindow, commands: Commands) -> None:
        super().__init__(window)
        self.w = window
        self.commands = commands
        self.task: Task | None = None
        self.last_box: QMessageBox | None = None

    def start(self) -> None:
        """Ask which reports and whether with letters, then where; write off the GUI thread."""
        w = self.w
        w.checklist.flush()
        if not self._reviewer_name():
            return
        extra = QWidget()
        letters = QCheckBox(w.tr("同时生成审阅意见书（模板可在“设置”中更换）"), extra)
        letters.setObjectName("letters")
        letters.setChecked(True)
        unreviewed = QCheckBox(w.tr("也为尚未审阅（未审）的报告生成（只含程序的核查结果，意见书注明尚未审阅）"), extra)
        unreviewed.setObjectName("unreviewed")
        lay = QVBoxLayout(extra)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(letters)
        lay.addWidget(unreviewed)
        chosen: dict[str, bool] = {}

        def read() -> None:  # on 确定, while the dialog (and the boxes in it) still exists
            chosen.update(letters=letters.isChecked(), unreviewed=unreviewed.isChecked())

        question = w.tr("为哪些报告生成退回单位的批注版？")
        shas = self.commands.choose_reports(w.tr("退回单位（批注版）"), question, extra, read)
        if not shas:
            return
        if not chosen["unreviewed"] and all(w.session.status(s) == UNREVIEWED for s in shas):
            if not self._unreviewed_too(len(shas)):
                return
            chosen["unreviewed"] = True
        with_letters = chosen["letters"]
        if with_letters and not usable_template(w, w.settings.letter_template):
            return
        folder = QFileDialog.getExistingDirectory(w, w.tr("保存批注版到文件夹"), str(Path.home()))
        if not folder:
            return
        options = AnnotateOptions(reviewer=w.session.reviewer, letter=with_letters,
                                  # what goes back to a unit is in Chinese whatever language this window speaks
                                  template=w.settings.letter_template or None, lang="zh",
                                  include_unreviewed=chosen["unreviewed"])
        task = Task(annotate_work(w.session, Path(folder), w.session.checklist, options, shas), self)
        task.progressed.connect(self._progress)
        task.finished.connect(self._done)
        task.failed.connect(lambda m: self._done(AnnotateOutcome(None, 0, 0, m)))
        self.task = task
        w.actions_.annotate.setEnabled(False)
        w.status.showMessage(w.tr("正在生成批注版…"))
        task.start()

    def _unreviewed_too(self, n: int) -> bool:
        """Every report chosen is 未审 and the box for them is not ticked: asked before the folder, which
        was chosen for nothing (0 files written; found by a tester)."""
        w = self.w
        box = QMessageBox(QMessageBox.Icon.Question, w.tr("退回单位（批注版）"),
                          w.tr("所选的 {n} 份报告都尚未审阅（未审）。仍为它们生成批注版吗？"
                               "（只含程序的核查结果，意见书注明尚未审阅）", "", n).format(n=n),
                          QMessageBox.StandardButton.NoButton, w)
        box.setTextFormat(Qt.TextFormat.PlainText)
        make = box.addButton(w.tr("仍然生成"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(w.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is make

    def _reviewer_name(self) -> bool:
        """The comments and letters are signed with the reviewer's name: ask for it when 设置 has
        none (kept there for next time); False when the reviewer gives none."""
        w = self.w
        if w.session.reviewer.strip():
            return True
        name, ok = QInputDialog.getText(w, w.tr("审阅人"),
                                        w.tr("批注和审阅意见书要署审阅人的姓名。请输入您的姓名（会保存到“设置”中）："))
        if not ok or not name.strip():
            return False
        w.settings.reviewer = w.session.reviewer = name.strip()
        w.settings_store.save(w.settings)
        return True

    def _progress(self, done: int, total: int) -> None:
        self.w.status.showMessage(self.w.tr("正在生成批注版 {done}/{total}").format(done=done, total=total))

    def _done(self, outcome: object) -> None:
        assert isinstance(outcome, AnnotateOutcome)
        w = self.w
        w.actions_.annotate.setEnabled(True)
        self.task = None
        if outcome.folder is None:
            w.status.clearMessage()
            show_message(w, QMessageBox.Icon.Warning, w.tr("生成批注版失败"), outcome.error or "")
            self.annotate_failed.emit(outcome.error or "")
            return
        note = w.tr("已为 {n} 份报告生成 {files} 个文件：\n{p}").format(n=outcome.reports, files=outcome.files,
                                                               p=outcome.folder)
        if outcome.skipped:
            note += "\n\n" + w.tr("{why}。如需生成，请在对话框中勾选“也为尚未审阅（未审）的报告生成”。").format(
                why=outcome.skipped)
        w.status.showMessage(note.split("\n\n")[0].replace("\n", " "), 10000)
        self.last_box = _offer_folder(w, outcome.folder, note)
        self.annotated.emit(str(outcome.folder))


def _offer_folder(parent: QWidget, folder: Path, text: str) -> QMessageBox:
    """A non-blocking note that the files are written, with a button to open their folder."""
    box = QMessageBox(QMessageBox.Icon.Information, parent.tr("退回单位（批注版）"), text,
                      QMessageBox.StandardButton.Close, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    open_folder = box.addButton(parent.tr("打开所在文件夹"), QMessageBox.ButtonRole.ActionRole)
    open_folder.clicked.connect(lambda: open_or_say(parent, folder))
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()
    return box
