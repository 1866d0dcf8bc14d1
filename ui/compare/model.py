"""All the project's reports side by side: a reports × checklist grid and one figure across units.

The grid's first columns name the report, its review status and its gaps; then one column per
checklist item, whose cell shows the reviewer's decision or else what the program found, with the
glyph and colour the workbook's 核查矩阵 uses (``reviewer.review.cell_state``). Every column sorts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from reviewer.keyfigures import KeyFigure, key_figure, largest_first
from reviewer.messages import msg
from reviewer.model import Analysis, CheckResult
from reviewer.paths import readable_name, report_names
from reviewer.review import ItemColumn, cell_rank, cell_state, item_columns
from reviewer.vocab import CHECK_STATUS, DECISION
from ui import plain
from ui.coalesce import Coalesced
from ui.labels import check_status_name, decision_name, lang, status_name, text
from ui.session import Session

Index = QModelIndex | QPersistentModelIndex
ROLE_SHA = Qt.ItemDataRole.UserRole + 1
ROLE_ITEM = Qt.ItemDataRole.UserRole + 2
ROLE_SORT = Qt.ItemDataRole.UserRole + 3
ROLE_STATUS = Qt.ItemDataRole.UserRole + 4
_ROOT = QModelIndex()
FIXED = ("报告", "状态", "缺")  # the columns before the checklist items


def legend() -> str:
    """What the grid's glyphs mean, from the vocabulary (the workbook's 核查矩阵 uses the same)."""
    auto = "　".join(f"{CHECK_STATUS.glyph(c)} {check_status_name(c)}" for c in CHECK_STATUS)
    decided = "　".join(f"{DECISION.glyph(c)} {decision_name(c)}" for c in DECISION if DECISION.glyph(c))
    recheck = text(msg("review.recheck_legend"))
    return QCoreApplication.translate("compare", "程序判断：{auto}　　审阅决定：{decided}　{recheck}").format(
        auto=auto, decided=decided, recheck=recheck)


class GridModel(QAbstractTableModel):
    """Rows are reports; columns the report, its status, its gaps, then the checklist items."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session
        self._reports: list[Analysis] = []
        self._columns: list[ItemColumn] = []
        self._results: list[dict[str, CheckResult]] = []
        self._names: list[str] = []  # reports.report_names: as the workbook names them, told apart
        self._reload_later = Coalesced(self.reload, self)  # once per burst of arriving reports
        self._live = True  # rebuilt as reports change; off while the 对比 page is not on screen
        self._stale = False
        session.reports_changed.connect(self.reload)
        session.reports_added.connect(lambda _n: self._reload_later.request())
        session.review_changed.connect(self._review_changed)
        self.reload()

    def set_live(self, live: bool) -> None:
        """Off: changes are only noted (a folder opening rebuilt the hidden grid over every report,
        a stall each time); on again: rebuilt once if anything changed meanwhile."""
        self._live = live
        if live and self._stale:
            self.reload()

    def reload(self) -> None:
        self._reload_later.cancel()
        self._stale = not self._live
        if self._stale:
            return
        self.beginResetModel()
        self._reports = self._session.analyses()
        self._columns = item_columns(self._reports, self._session.checklist)
        self._results = [{c.id: c for c in a.checklist} for a in self._reports]
        self._names = report_names(self._reports)
        self.endResetModel()

    def _review_changed(self, sha256: str) -> None:
        for row, a in enumerate(self._reports):
            if a.sha256 == sha256:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._reports)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(FIXED) + len(self._columns)

    def item_column(self, column: int) -> ItemColumn | None:
        i = column - len(FIXED)
        return self._columns[i] if 0 <= i < len(self._columns) else None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role not in (Qt.ItemDataRole.DisplayRole,
                                                                     Qt.ItemDataRole.ToolTipRole):
            return None
        col = self.item_column(section)
        if col is not None:
            return plain.tip(col.label(lang())) if role == Qt.ItemDataRole.ToolTipRole else col.label(lang())
        if section < len(FIXED):
            tips = (self.tr("报告"), self.tr("审阅状态"), self.tr("缺失或部分具备的核查项数"))
            return tips[section] if role == Qt.ItemDataRole.ToolTipRole else self.tr(FIXED[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._reports):
            return None
        a = self._reports[index.row()]
        if role == ROLE_SHA:
            return a.sha256
        col = self.item_column(index.column())
        if col is None:
            return self._fixed_data(a, self._names[index.row()], index.column(), role)
        if role == ROLE_ITEM:
            return col.id
        result = self._results[index.row()].get(col.id)
        state = cell_state(result, self._session.decision(a.sha256, col.id))
        if role == Qt.ItemDataRole.DisplayRole:
            return state.glyph
        if role == ROLE_SORT:
            return cell_rank(state)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(state.tone.fill)) if state.tone.fill else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            what = state.label(lang()) if result is not None else self.tr("无此项")
            return plain.tip(f"{self._names[index.row()]}\n{col.label(lang())}：{what}")
        return None

    def _fixed_data(self, a: Analysis, name: str, column: int, role: int) -> Any:
        rv = self._session.review(a.sha256)
        if rv is None:
            return None
        if role == ROLE_STATUS:
            return rv.status
        values = (name, status_name(rv.status), rv.gaps)
        if role == Qt.ItemDataRole.DisplayRole:
            return values[column]
        if role == ROLE_SORT:
            return (name, rv.status, rv.gaps)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return plain.tip(f"{name}\n{readable_name(a.file)}")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class GridFilter(QSortFilterProxyModel):
    """Rows whose report name or file holds the text, of the chosen review status; sorts by ``ROLE_SORT``."""

    def __init__(self) -> None:
        super().__init__()
        self.setSortRole(ROLE_SORT)
        self.setFilterKeyColumn(0)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._status = ""

    def set_status(self, status: str) -> None:
        self.beginFilterChange()
        self._status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        idx = model.index(source_row, 0, source_parent)
        if self._status and model.data(idx, ROLE_STATUS) != self._status:
            return False
        return super().filterAcceptsRow(source_row, source_parent)


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float | None  # None: the report states no such figure
    unit: str


def topic_bars(analyses: list[Analysis], figure: KeyFigure) -> list[Bar]:
    """One bar per report, largest first: its value of ``figure`` (``keyfigures.key_figure``: the largest
    of its figures that count what ``figure`` counts, as the workbook takes it); reports without it last.
    Named as the grid and the workbook name them (``report_names``): two reports of one unit and year
    were two bars of the same name."""
    bars = [Bar(name, key_figure(a, figure), figure.measures[0])
            for a, name in zip(analyses, report_names(analyses), strict=True)]
    return [bars[i] for i in largest_first([b.value for b in bars])]
