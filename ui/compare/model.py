"""All open reports side by side: a reports × checklist grid and one metric topic across units."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from reviewer.model import Analysis, CheckResult
from reviewer.review import ItemColumn, cell_state, item_columns
from reviewer.vocab import CHECK_STATUS, DECISION
from ui import plain
from ui.labels import check_status_name, decision_name, lang
from ui.session import Session, report_label

Index = QModelIndex | QPersistentModelIndex
ROLE_SHA = Qt.ItemDataRole.UserRole + 1
ROLE_ITEM = Qt.ItemDataRole.UserRole + 2
_ROOT = QModelIndex()


def legend() -> str:
    """What the grid's glyphs mean, from the vocabulary (the workbook's 核查矩阵 uses the same)."""
    auto = "　".join(f"{CHECK_STATUS.glyph(c)} {check_status_name(c)}" for c in CHECK_STATUS)
    decided = "　".join(f"{DECISION.glyph(c)} {decision_name(c)}" for c in DECISION if DECISION.glyph(c))
    return QCoreApplication.translate("compare", "程序判断：{auto}　　审阅决定：{decided}").format(
        auto=auto, decided=decided)


class GridModel(QAbstractTableModel):
    """Rows are reports, columns checklist items; a cell shows the decision, else the automatic status."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session
        self._reports: list[Analysis] = []
        self._columns: list[ItemColumn] = []
        self._results: list[dict[str, CheckResult]] = []
        session.reports_changed.connect(self.reload)
        session.review_changed.connect(self._review_changed)
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._reports = self._session.analyses()
        self._columns = item_columns(self._reports)
        self._results = [{c.id: c for c in a.checklist} for a in self._reports]
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
            name = self._columns[section].label(lang())
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
        result = self._results[index.row()].get(col.id)
        state = cell_state(result, self._session.decision(a.sha256, col.id))
        if role == Qt.ItemDataRole.DisplayRole:
            return state.glyph
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(state.tone.fill)) if state.tone.fill else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            what = state.label(lang()) if result is not None else self.tr("无此项")
            return plain.tip(f"{report_label(a)}\n{col.label(lang())}：{what}")
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
