"""Bottom tabs 数据指标 and 问题: filterable, sortable tables; double-click jumps to the text."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTableView, QVBoxLayout, QWidget

from ui.columns import fit_columns
from ui.metrics.model import ROLE_SPAN, MetricsModel, TableFilter


class TablePanel(QWidget):
    """A filter box over a sortable table. Signals: span_activated(start, end)."""

    span_activated = Signal(int, int)

    def __init__(self, model: MetricsModel, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = TableFilter()
        self.proxy.setSourceModel(model)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(placeholder)
        self.filter_edit.setClearButtonEnabled(True)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        # As the checklist's: a scroll bar appearing with the first report's figures repainted the window.
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table instead of walking every cell
        self.table.horizontalHeader().setHighlightSections(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.filter_edit)
        lay.addWidget(self.table, 1)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        # One click (or moving with the arrow keys) shows the figure or finding in the text.
        self.table.clicked.connect(self._activated)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().currentChanged.connect(lambda current, _prev: self._activated(current))

    def _activated(self, index: QModelIndex) -> None:
        span = index.data(ROLE_SPAN)
        if isinstance(span, tuple):
            self.span_activated.emit(int(span[0]), int(span[1]))

    def fit(self, stretch: int, samples: dict[int, list[str]]) -> None:
        fit_columns(self.table.horizontalHeader(), self.table.fontMetrics(), stretch, samples)


class MetricsPanel(TablePanel):
    def __init__(self, parent: QWidget | None = None) -> None:
        model = MetricsModel()
        super().__init__(model, "", parent)
        self.metrics_model = model
        self.filter_edit.setPlaceholderText(self.tr("按主题、单位或原文筛选"))
        # 主题 fits the longer topic names; 所在章节 starts at a short heading and can be widened
        self.fit(3, {0: ["矛盾纠纷/人民调解"], 1: ["1,234,567"], 2: ["个百分点"], 4: ["（十二）" + "章" * 5]})
