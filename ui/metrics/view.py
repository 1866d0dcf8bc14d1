"""Bottom tabs 数据指标 and 问题: filterable, sortable tables; double-click jumps to the text."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from ui.metrics.model import ROLE_SPAN, FindingsModel, MetricsModel, TableFilter


class TablePanel(QWidget):
    """A filter box over a sortable table. Signals: span_activated(start, end)."""

    span_activated = Signal(int, int)

    def __init__(self, model: MetricsModel | FindingsModel, placeholder: str, parent: QWidget | None = None) -> None:
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
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setHighlightSections(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.filter_edit)
        lay.addWidget(self.table, 1)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.table.doubleClicked.connect(self._activated)
        self.table.activated.connect(self._activated)

    def _activated(self, index: QModelIndex) -> None:
        span = index.data(ROLE_SPAN)
        if isinstance(span, tuple):
            self.span_activated.emit(int(span[0]), int(span[1]))

    def stretch(self, column: int) -> None:
        hdr = self.table.horizontalHeader()
        for c in range(self.model.columnCount()):
            mode = QHeaderView.ResizeMode.Stretch if c == column else QHeaderView.ResizeMode.ResizeToContents
            hdr.setSectionResizeMode(c, mode)


class MetricsPanel(TablePanel):
    def __init__(self, parent: QWidget | None = None) -> None:
        model = MetricsModel()
        super().__init__(model, "", parent)
        self.metrics_model = model
        self.filter_edit.setPlaceholderText(self.tr("按主题、单位或原文筛选"))
        self.stretch(3)


class FindingsPanel(TablePanel):
    def __init__(self, parent: QWidget | None = None) -> None:
        model = FindingsModel()
        super().__init__(model, "", parent)
        self.findings_model = model
        self.filter_edit.setPlaceholderText(self.tr("按问题描述筛选"))
        self.stretch(1)
