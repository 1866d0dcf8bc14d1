"""All open reports side by side: a reports × checklist grid and one metric topic across units."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from reviewer.model import Analysis
from ui import plain
from ui.labels import check_status_name, decision_name
from ui.session import Session, report_label

Index = QModelIndex | QPersistentModelIndex
ROLE_SHA = Qt.ItemDataRole.UserRole + 1
ROLE_ITEM = Qt.ItemDataRole.UserRole + 2
_ROOT = QModelIndex()
CELL_COLOURS = {
    "found": "#c8e6c9",
    "partial": "#ffe0a3",
    "missing": "#ffcdd2",
    "not_applicable": "#eceff1",
}
DECIDED_COLOURS = {"符合": "#81c784", "不符合": "#e57373", "不适用": "#cfd8dc"}
CELL_GLYPHS = {"found": "●", "partial": "◐", "missing": "○", "not_applicable": "—"}


@dataclass(frozen=True, slots=True)
class Column:
    id: str
    name: str


def _columns(analyses: list[Analysis]) -> list[Column]:
    seen: dict[str, Column] = {}
    for a in analyses:
        for c in a.checklist:
            seen.setdefault(c.id, Column(c.id, c.name))
    return list(seen.values())


class GridModel(QAbstractTableModel):
    """Rows are reports, columns checklist items; a cell shows the decision, else the automatic status."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session
        self._reports: list[Analysis] = []
        self._columns: list[Column] = []
        self._status: list[dict[str, str]] = []
        session.reports_changed.connect(self.reload)
        session.review_changed.connect(self._review_changed)
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._reports = self._session.analyses()
        self._columns = _columns(self._reports)
        self._status = [{c.id: c.status for c in a.checklist} for a in self._reports]
        self.endResetModel()

    def _review_changed(self, sha256: str) -> None:
        for row, a in enumerate(self._reports):
            if a.sha256 == sha256 and self._columns:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._reports)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        text_roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns) and role in text_roles:
            name = self._columns[section].name
            return plain.tip(name) if role == Qt.ItemDataRole.ToolTipRole else name
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._reports):
            if role == Qt.ItemDataRole.DisplayRole:
                return report_label(self._reports[section])
            if role == Qt.ItemDataRole.ToolTipRole:
                return plain.tip(self._reports[section].file)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._reports) or index.column() >= len(self._columns):
            return None
        a = self._reports[index.row()]
        col = self._columns[index.column()]
        if role == ROLE_SHA:
            return a.sha256
        if role == ROLE_ITEM:
            return col.id
        status = self._status[index.row()].get(col.id)
        dec = self._session.decision(a.sha256, col.id)
        decided = dec.decision if dec is not None and dec.decision != "未定" else None
        if role == Qt.ItemDataRole.DisplayRole:
            return "✓" if decided == "符合" else "✗" if decided == "不符合" else CELL_GLYPHS.get(status or "", "")
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = DECIDED_COLOURS.get(decided or "") or CELL_COLOURS.get(status or "")
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            auto = check_status_name(status) if status else self.tr("无此项")
            extra = self.tr("\n审阅：{d}").format(d=decision_name(decided)) if decided else ""
            return plain.tip(f"{report_label(a)}\n{col.name}：{auto}{extra}")
        return None


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float | None  # None: the report states no such figure
    unit: str


def topic_keys(analyses: list[Analysis]) -> list[tuple[str, str]]:
    """(topic, unit) pairs present in any report, most widespread first."""
    counts: dict[tuple[str, str], int] = {}
    for a in analyses:
        for key in {(m.topic, m.measure) for m in a.metrics}:
            counts[key] = counts.get(key, 0) + 1
    return sorted(counts, key=lambda k: (-counts[k], k))


def topic_bars(analyses: list[Analysis], topic: str, unit: str) -> list[Bar]:
    """One bar per report: its largest figure for ``topic`` in ``unit`` (the headline number)."""
    bars = []
    for a in analyses:
        values = [m.value for m in a.metrics if m.topic == topic and m.measure == unit]
        bars.append(Bar(report_label(a), max(values) if values else None, unit))
    return bars
