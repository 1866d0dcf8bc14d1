"""The 问题 tab: one report's findings grouped by kind, with counts; a click shows one in the text.

The grouping is the core's (``reviewer.review.finding_groups``): paragraphs copied in a row from
the same other reports are one row, so a copied section reads as one finding, not fourteen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QLineEdit, QTreeView, QVBoxLayout, QWidget

from reviewer.model import Analysis
from reviewer.review import FindingGroup, FindingRow, finding_groups
from reviewer.vocab import SEVERITY
from ui import plain
from ui.labels import finding_name, severity_name, text

Index = QModelIndex | QPersistentModelIndex
ROLE_SPAN = Qt.ItemDataRole.UserRole + 2  # (start, end) in core offsets
_ROOT = QModelIndex()
COLUMNS = ("问题", "级别")


@dataclass(eq=False)
class _Group:
    group: FindingGroup


@dataclass(eq=False)
class _Row:
    parent: _Group
    row: int
    finding: FindingRow


class FindingsTreeModel(QAbstractItemModel):
    """Kinds (with their counts) → rows; the first column says it, the second gives the severity."""

    def __init__(self) -> None:
        super().__init__()
        self._groups: list[_Group] = []
        self._rows: dict[int, list[_Row]] = {}

    def set_analysis(self, a: Analysis | None) -> None:
        self.beginResetModel()
        self._groups = [_Group(g) for g in finding_groups(a)] if a is not None else []
        self._rows = {id(g): [_Row(g, i, r) for i, r in enumerate(g.group.rows)] for g in self._groups}
        self.endResetModel()

    def total(self) -> int:
        return sum(g.group.count for g in self._groups)

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if row < 0 or not 0 <= column < len(COLUMNS):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, self._groups[row]) if row < len(self._groups) else QModelIndex()
        node = parent.internalPointer()
        rows = self._rows.get(id(node), []) if isinstance(node, _Group) and parent.column() == 0 else []
        return self.createIndex(row, column, rows[row]) if row < len(rows) else QModelIndex()

    def parent(self, index: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        node = index.internalPointer() if index.isValid() else None
        if isinstance(node, _Row):
            return self.createIndex(self._groups.index(node.parent), 0, node.parent)
        return QModelIndex()

    def rowCount(self, parent: Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self._groups)
        node = parent.internalPointer()
        return len(self._rows.get(id(node), [])) if isinstance(node, _Group) and parent.column() == 0 else 0

    def columnCount(self, parent: Index = _ROOT) -> int:
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section < len(COLUMNS):
            return self.tr(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = index.internalPointer() if index.isValid() else None
        if isinstance(node, _Group):
            return self._group_data(node.group, index.column(), role)
        if isinstance(node, _Row):
            return self._row_data(node.finding, index.column(), role)
        return None

    def _group_data(self, g: FindingGroup, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            return self.tr("{kind}（{n}）").format(kind=finding_name(g.kind), n=g.count)
        if role == Qt.ItemDataRole.FontRole and column == 0:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _row_data(self, f: FindingRow, column: int, role: int) -> Any:
        if role == ROLE_SPAN:
            return (f.start, f.end)
        if role == Qt.ItemDataRole.DisplayRole:
            return text(f.message) if column == 0 else severity_name(f.severity)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain.tip(text(f.message))
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            return QBrush(QColor(SEVERITY.tone(f.severity).ink))
        return None


class FindingsPanel(QWidget):
    """A filter box over the grouped findings. Signals: span_activated(start, end)."""

    span_activated = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FindingsTreeModel()
        self._shown: Analysis | None = None
        self.proxy = QSortFilterProxyModel()
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("按问题描述筛选"))
        self.filter_edit.setClearButtonEnabled(True)
        self.tree = QTreeView()
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, self.tree.header().ResizeMode.Stretch)
        self.tree.setColumnWidth(1, self.fontMetrics().horizontalAdvance("警告") + 24)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.filter_edit)
        lay.addWidget(self.tree, 1)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.tree.clicked.connect(self._activated)
        self.tree.activated.connect(self._activated)
        self.tree.selectionModel().currentChanged.connect(lambda current, _prev: self._activated(current))

    def set_analysis(self, a: Analysis | None) -> None:
        shown = self._shown
        if a is not None and shown is not None and a.sha256 == shown.sha256 and a.findings == shown.findings:
            self._shown = a
            return  # the same report analysed again: the reviewer keeps the row selected
        self._shown = a
        self.model.set_analysis(a)
        self.tree.expandAll()

    def _activated(self, index: QModelIndex) -> None:
        span = index.data(ROLE_SPAN)
        if isinstance(span, tuple):
            self.span_activated.emit(int(span[0]), int(span[1]))
