"""What to export (all reports, the filtered ones, the current one), and what to do with the file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs import show_message

SCOPES = ("all", "filtered", "current")


class ExportScopeDialog(QDialog):
    """Three choices with their counts; a choice with no report is disabled."""

    def __init__(self, counts: dict[str, int], current: str, parent: QWidget | None = None, *, title: str = "",
                 question: str = "", extra: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("导出Excel"))
        labels = {
            "all": self.tr("项目中的全部报告（{n} 份）").format(n=counts["all"]),
            "filtered": self.tr("报告列表中筛选出的报告（{n} 份）").format(n=counts["filtered"]),
            "current": self.tr("当前报告：{name}").format(name=current or self.tr("（未选择）")),
        }
        self.group = QButtonGroup(self)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(question or self.tr("导出哪些报告的审阅结果？")))
        for i, scope in enumerate(SCOPES):
            button = QRadioButton(labels[scope])
            button.setEnabled(counts[scope] > 0)
            self.group.addButton(button, i)
            lay.addWidget(button)
        self.group.button(0).setChecked(True)
        if extra is not None:  # an option of the command that asks (e.g. 同时生成审阅意见书)
            lay.addWidget(extra)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def scope(self) -> str:
        return SCOPES[max(self.group.checkedId(), 0)]


def offer_to_open(parent: QWidget, path: Path) -> QMessageBox:
    """A non-blocking note that the workbook is written, with buttons to open it or its folder."""
    box = QMessageBox(QMessageBox.Icon.Information, parent.tr("导出完成"),
                      parent.tr("审阅结果已导出到：\n{p}").format(p=path), QMessageBox.StandardButton.Close, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    open_file = box.addButton(parent.tr("打开文件"), QMessageBox.ButtonRole.AcceptRole)
    open_folder = box.addButton(parent.tr("打开所在文件夹"), QMessageBox.ButtonRole.ActionRole)
    open_file.clicked.connect(lambda: open_or_say(parent, path))
    open_folder.clicked.connect(lambda: open_or_say(parent, path.parent))
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()
    return box


def open_or_say(parent: QWidget, path: Path) -> bool:
    """Open ``path`` (a file or folder) with the system's program for it; when none opens it, say
    so and where it is, rather than nothing happening."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    what = parent.tr("文件夹") if path.is_dir() else parent.tr("文件")
    text = parent.tr("无法打开{what}：\n{p}\n\n本机没有可以打开它的程序，或系统拒绝打开。"
                     "请在文件管理器中找到它，用合适的程序打开。").format(what=what, p=path)
    show_message(parent, QMessageBox.Icon.Warning, parent.tr("无法打开"), text)
    return False
