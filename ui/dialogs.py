"""Dialogs: settings, the load-errors list and about."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.failures import said_of
from reviewer.model import LoadError
from ui import plain
from ui.labels import lang
from ui.settings import Settings


class SettingsDialog(QDialog):
    """Edits reviewer name, checklist file and interface language."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("设置"))
        self.reviewer = QLineEdit(settings.reviewer)
        self.reviewer.setPlaceholderText(self.tr("写入每条审阅记录"))
        self.checklist = QLineEdit(settings.checklist_path)
        self.checklist.setPlaceholderText(self.tr("留空使用内置核查清单"))
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.checklist, 1)
        row.addWidget(browse)
        self.template = QLineEdit(settings.letter_template)
        self.template.setPlaceholderText(self.tr("留空使用内置模板"))
        browse_template = QPushButton(self.tr("浏览…"))
        browse_template.clicked.connect(self._browse_template)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template, 1)
        template_row.addWidget(browse_template)
        self.language = QComboBox()
        self.language.addItem("中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))
        form = QFormLayout()
        form.addRow(self.tr("审阅人："), self.reviewer)
        form.addRow(self.tr("核查清单："), row)
        form.addRow(self.tr("审阅意见书模板："), template_row)
        form.addRow(self.tr("界面语言："), self.language)
        note = QLabel(self.tr("更改语言或核查清单后，重新启动或“重新分析”生效。"))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(note)
        lay.addWidget(buttons)
        self.resize(480, 0)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择核查清单"), "", self.tr("核查清单 (*.toml)"))
        if path:
            self.checklist.setText(path)

    def _browse_template(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择审阅意见书模板"), "", self.tr("Word 文档 (*.docx)"))
        if path:
            self.template.setText(path)

    def apply(self, settings: Settings) -> None:
        settings.reviewer = self.reviewer.text().strip()
        settings.checklist_path = self.checklist.text().strip()
        settings.letter_template = self.template.text().strip()
        settings.language = str(self.language.currentData())


class LoadErrorsDialog(QDialog):
    """Every file that could not be opened, with its message, in one list."""

    def __init__(self, errors: list[LoadError], loaded: int, parent: QWidget | None = None,
                 among: Sequence[str] = ()) -> None:
        """``among``: the reports' files, whose names the errors' names must be told apart from."""
        super().__init__(parent)
        # The files missing from the review first, counted; then those that do not matter to it (a copy
        # of a report opened, a spreadsheet sent with one), never counted among the unopenable.
        lost = [e for e in errors if e.lost]
        errors = lost + [e for e in errors if not e.lost]
        self.errors = errors
        aside = len(errors) - len(lost)
        if all(e.copy for e in errors):  # copies of reports opened
            self.setWindowTitle(self.tr("文件未重复打开"))
            said = self.tr("以下文件与已打开的报告相同，未重复打开：")
        elif not any(e.lost for e in errors):  # nothing is missing from the review
            self.setWindowTitle(self.tr("部分文件未打开"))
            said = self.tr("以下文件未打开（不影响审阅）：")
        elif loaded:
            self.setWindowTitle(self.tr("部分文件未能打开"))
            said = (self.tr("已打开 {ok} 份报告，", "", loaded).format(ok=loaded)  # counted apart: 1 report, 2 files
                    + self.tr("以下 {bad} 个文件未能打开：", "", len(lost)).format(bad=len(lost)))
        else:  # none opened: not "some"
            self.setWindowTitle(self.tr("文件未能打开"))
            said = (self.tr("以下文件未能打开：") if len(lost) == 1
                    else self.tr("以下 {bad} 个文件都未能打开：").format(bad=len(lost)))
        if aside and lost:
            also = self.tr("另有 {n} 个文件未打开，不影响审阅（已打开报告的副本，或不是报告），列在最后。", "", aside)
            said += "\n" + also.format(n=aside)
        head = QLabel(said)
        self.head = head
        self.list = QListWidget()
        # A reason is a sentence or two (what is wrong, what to do): wrapped, never cut at the edge.
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        shown_in = lang()
        for e, said in zip(errors, said_of(errors, shown_in, among), strict=True):  # as the workbook words it
            self.list.addItem(said)
            tip = e.path if shown_in == "zh" else f"{e.path}\n{e.message}"
            self.list.item(self.list.count() - 1).setToolTip(plain.tip(tip))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addWidget(self.list, 1)
        lay.addWidget(buttons)
        self.resize(640, 360)


def show_message(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> None:
    """A message box that shows ``text`` verbatim (it may quote file names or report text)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # a comment to copy, a path
    box.exec()


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        parent.tr("关于法治年报审阅器"),
        parent.tr(
            "法治年报审阅器 0.1\n\n帮助审阅法治政府建设年度报告：检查必备部分、关键数据和形式规范，"
            "记录审阅意见并导出 Excel。\n\n报告内容只作为数据处理，不会执行或联网。"
        ),
    )


def confirm_removal(window: QWidget, names: Sequence[str], on_server: bool = False) -> bool:
    """Whether the reviewer confirms taking these reports out of the project (the window's words)."""
    def tr(text: str) -> str:
        return QCoreApplication.translate("MainWindow", text)

    shown = "\n".join(names[:10]) + ("\n…" if len(names) > 10 else "")
    text = (tr("从共享项目中移除 {n} 份报告？\n{names}\n\n审阅记录仍保存在审阅服务器上；组长重新打开这些文件即可恢复。")
            if on_server else  # a shared project has no file (found by a helper session)
            tr("从项目中移除 {n} 份报告？\n{names}\n\n审阅记录仍保存在项目文件中；重新打开这些文件即可恢复。"))
    box = QMessageBox(QMessageBox.Icon.Question, tr("移除报告"), text.format(n=len(names), names=shown),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, window)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Yes).setText(tr("移除"))  # says what it does (not "是(Y)")
    box.button(QMessageBox.StandardButton.Cancel).setText(tr("取消"))
    return box.exec() == QMessageBox.StandardButton.Yes


def ask_note_goes_out(window: QWidget, item: str, note: str, old: str, new: str) -> str | None:
    """A note written under 符合 or 不适用 would go to the unit with the new decision: the comment to keep
    (the note, or none), or None to leave the decision as it was."""
    def tr(text: str) -> str:
        return QCoreApplication.translate("MainWindow", text)

    text = tr("“{item}”的意见是在“{old}”时写的备注，只记在项目中：\n\n{note}\n\n改为“{new}”后，"
              "这条意见会写入批注版和审阅意见书，发给单位。")
    box = QMessageBox(QMessageBox.Icon.Question, tr("意见将发给单位"),
                      text.format(item=item, old=old, note=note, new=new), QMessageBox.StandardButton.NoButton, window)
    box.setTextFormat(Qt.TextFormat.PlainText)  # the note and the item's name are the reviewer's and the report's
    send = box.addButton(tr("发给单位"), QMessageBox.ButtonRole.AcceptRole)
    drop = box.addButton(tr("清空意见"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(tr("取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return note if clicked is send else "" if clicked is drop else None
