"""Checklist item names (and the review column's notes) on as many lines as they need, at whatever
width the pane has.

A tree view asks its delegate for a row's height without telling it the column's width, so word
wrap alone never makes a row taller; this delegate measures the name against the width the first
column really has (less the indentation and the tick box).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTreeView

CHECKBOX = 26  # the tick box and its gap
ICON = 24  # the decision's icon and its gap, in the review column
REVIEW = 2  # the review column: "符合 ✎" and, on a second line, （待复核）or（未保存）


class WrapDelegate(QStyledItemDelegate):
    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view
        # Every report has the same item names: each is measured once at a width.
        self._sizes: dict[tuple[str, int, int, int, str], QSize] = {}

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        column = index.column()
        if column not in (0, REVIEW):
            return super().sizeHint(option, index)
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        if column == REVIEW:
            width = self._view.columnWidth(REVIEW) - ICON - 8
        else:
            width = self._view.columnWidth(0) - self._view.indentation() * (depth + 1) - CHECKBOX - 8
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        key = (option.font.key(), column, depth, width, text)
        if (size := self._sizes.get(key)) is None:
            if len(self._sizes) > 4000:  # widths change as the pane is dragged: keep the cache small
                self._sizes.clear()
            base = super().sizeHint(option, index)
            rect = option.fontMetrics.boundingRect(QRect(0, 0, max(width, 40), 10_000),
                                                   int(Qt.TextFlag.TextWordWrap), text)
            size = self._sizes[key] = QSize(base.width(), max(base.height(), rect.height() + 6))
        return QSize(size)

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        if index.column() in (0, REVIEW):
            option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
            option.textElideMode = Qt.TextElideMode.ElideNone
