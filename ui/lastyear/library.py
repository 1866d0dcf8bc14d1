"""设置 → 往年报告库: the reference library of last year's reports (a project file or a folder).

Kept in the project, not in this computer's settings: the library belongs to a review (this
spring's project is compared with last spring's) and a colleague opening the project file gets the
same comparison. Changing it analyses the project again (what is cached is not analysed again).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.journal import data_dir
from ui.project import PROJECT_SUFFIX


class LibraryDialog(QDialog):
    """Edits the path of the library: browse for a project file or a folder, or clear it."""

    def __init__(self, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("往年报告库"))
        note = QLabel(self.tr(
            "同一单位上一年度的报告从这里找：可以是去年的审阅项目文件，也可以是存放去年报告的文件夹。"
            "本项目中的报告也会自动与项目内上一年度的报告配对。\n往年报告库只读取，不会被修改。"))
        note.setWordWrap(True)
        note.setTextFormat(Qt.TextFormat.PlainText)
        self.path = QLineEdit(path)
        self.path.setPlaceholderText(self.tr("未指定（只在本项目内配对）"))
        self.path.setClearButtonEnabled(True)
        project = QPushButton(self.tr("选择项目文件…"))
        project.clicked.connect(self._browse_project)
        folder = QPushButton(self.tr("选择文件夹…"))
        folder.clicked.connect(self._browse_folder)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(project)
        row.addWidget(folder)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.note = note
        lay = QVBoxLayout(self)
        lay.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        lay.addWidget(note)
        lay.addLayout(row)
        lay.addWidget(buttons)
        # Wrapped text needs the height it takes at the dialog's width (a height of 0 cut it at both ends).
        lay.activate()
        self.resize(560, max(lay.totalHeightForWidth(560), lay.totalMinimumSize().height()))

    def _browse_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择去年的审阅项目"), str(data_dir()),
                                              self.tr("审阅项目 (*{s})").format(s=PROJECT_SUFFIX))
        if path:
            self.path.setText(path)

    def _browse_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择存放去年报告的文件夹"))
        if folder:
            self.path.setText(folder)

    def chosen(self) -> str:
        return self.path.text().strip()
