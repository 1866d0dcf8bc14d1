"""Table models for one report's metrics and findings; sortable through ``ROLE_SORT``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from reviewer.model import Metric, Section, walk_sections
from reviewer.topics import topic_label
from reviewer.vocab import BRACKETS, QUALIFIER
from ui import plain
from ui.labels import lang
from ui.text.spans import section_label, topic_colour

Index = QModelIndex | QPersistentModelIndex
ROLE_SORT = Qt.ItemDataRole.UserRole + 1
ROLE_SPAN = Qt.ItemDataRole.UserRole + 2  # (start, end) in core offsets
_ROOT = QModelIndex()


def number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


class HeaderTable(QAbstractTableModel):
    """A table whose column names are translated ``headers``; subclasses give ``_count`` and ``data``."""

    headers: tuple[str, ...] = ()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else self._count()

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and section < len(self.headers):
            return self.tr(self.headers[section])
        return section + 1 if orientation == Qt.Orientation.Vertical else None

    def _count(self) -> int:
        return 0


class MetricsModel(HeaderTable):
    headers = ("主题", "数值", "计量单位", "原文", "所在章节")

    def __init__(self) -> None:
        super().__init__()
        self._rows: tuple[Metric, ...] = ()
        self._shown_sections: tuple[Section, ...] = ()
        self._sections: dict[str, str] = {}

    def set_metrics(self, metrics: tuple[Metric, ...], sections: tuple[Section, ...] = ()) -> None:
        """``sections`` name the 所在章节 column (the id stays for the core; jumps use offsets)."""
        if metrics == self._rows and sections == self._shown_sections:
            return  # the same report analysed again: the reviewer keeps the row selected
        self._shown_sections = sections
        self.beginResetModel()
        self._rows = metrics
        self._sections = {s.id: section_label(s) for s in walk_sections(sections)}
        self.endResetModel()

    def _count(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        m = self._rows[index.row()]
        col = index.column()
        if role == ROLE_SPAN:
            return (m.start, m.end)
        section = self._sections.get(m.section or "", m.section or "")
        if role == ROLE_SORT:
            return (m.topic, m.value, m.measure, m.text, m.start)[col]
        if role == Qt.ItemDataRole.DisplayRole:
            unit = m.measure + (BRACKETS[lang()].format(QUALIFIER.label(m.qualifier, lang())) if m.qualifier else "")
            return (topic_label(m.topic, lang()), number(m.value), unit, m.text, section)[col]
        if role == Qt.ItemDataRole.BackgroundRole and col == 0:
            return QBrush(QColor(topic_colour(m.topic)))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain.tip(section if col == 4 else m.context)
        return None


class TableFilter(QSortFilterProxyModel):
    """Case-insensitive text filter over every column, sorting by ``ROLE_SORT``."""

    def __init__(self) -> None:
        super().__init__()
        self.setSortRole(ROLE_SORT)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
