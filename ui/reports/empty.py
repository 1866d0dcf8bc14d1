"""The line over the reports list that says its filters hide every report, with a button to clear them."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class FilteredOut(QWidget):
    """Shown while the project holds reports and the filters let none through: an empty list with
    nothing said looked like a project with no reports (a filter kept from the last time the project
    was open may match nothing any more). ``clear`` is the button that clears the filters."""

    def __init__(self, source: QAbstractItemModel, shown: QAbstractItemModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filteredOut")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.clear = QPushButton(self.tr("清除筛选"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 2, 0, 2)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.clear, 0, Qt.AlignmentFlag.AlignVCenter)
        self._source, self._shown = source, shown
        for model in (source, shown):
            for changed in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.layoutChanged):
                changed.connect(self.refresh)
        self.hide()

    def refresh(self) -> None:
        total = self._source.rowCount()
        hidden = total > 0 and self._shown.rowCount() == 0
        if hidden:
            self.label.setText(self.tr("没有符合筛选条件的报告（项目中共 {n} 份）", "", total).format(n=total))
        self.setVisible(hidden)
