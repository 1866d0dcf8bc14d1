"""The 对比 page: the whole window for every report side by side, usable with hundreds of reports.

Left, the reports × checklist grid, filterable by name and status and sortable by any column;
right, one figure across units as a chart sorted largest first that scrolls, or shows only the
top and bottom units. A double-click (or Enter) on a cell opens that report and item for review.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.keyfigures import ENDS, KeyFigure, ends, figures_to_compare
from ui.coalesce import Coalesced
from ui.compare.chart import BarChart
from ui.compare.header import StackedHeader
from ui.compare.model import FIXED, ROLE_ITEM, ROLE_SHA, GridFilter, GridModel, topic_bars
from ui.compare.model import legend as compare_legend
from ui.labels import REPORT_STATUSES, lang, status_name
from ui.session import Session


class ComparePanel(QWidget):
    """Signals: cell_activated(sha256, item_id) on double-click or Enter in the grid."""

    cell_activated = Signal(str, str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.model = GridModel(session)
        self.model.set_live(False)  # until the page is shown
        self._topics_stale = True
        self._figures: dict[str, KeyFigure] = {}  # the 指标 box's entries, by their Chinese name
        self.proxy = GridFilter()
        self.proxy.setSourceModel(self.model)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("按单位或文件名筛选"))
        self.filter_edit.setClearButtonEnabled(True)
        self.status_box = QComboBox()
        self.status_box.addItem(self.tr("全部状态"), "")
        for status in REPORT_STATUSES:
            self.status_box.addItem(status_name(status), status)
        self.grid = self._make_grid()
        self.topic_box = QComboBox()
        self.topic_box.setMinimumContentsLength(14)
        self.ends_only = QCheckBox(self.tr("只看最多和最少的 {n} 个").format(n=ENDS))
        self.chart = BarChart()
        self.chart_area = QScrollArea()
        self.chart_area.setWidget(self.chart)
        self.chart_area.setWidgetResizable(True)
        self._layout()
        self._wire()
        self._reload_topics()

    def _make_grid(self) -> QTableView:
        grid = QTableView()
        grid.setModel(self.proxy)
        grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        grid.setHorizontalHeader(StackedHeader(grid))
        grid.setSortingEnabled(True)
        grid.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        grid.verticalHeader().hide()
        grid.verticalHeader().setDefaultSectionSize(24)
        grid.setTabKeyNavigation(False)
        return grid

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.status_box)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addLayout(top)
        ll.addWidget(self.grid, 1)
        legend = QLabel(compare_legend() + self.tr("（双击查看）"))
        legend.setObjectName("legend")
        legend.setWordWrap(True)
        ll.addWidget(legend)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(4, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("指标：")))
        row.addWidget(self.topic_box, 1)
        rl.addLayout(row)
        rl.addWidget(self.ends_only)
        rl.addWidget(self.chart_area, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([640, 360])  # in proportion: the grid gets the larger share
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(split)

    def _wire(self) -> None:
        self.grid.doubleClicked.connect(self._cell_activated)
        self.grid.activated.connect(self._cell_activated)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.status_box.currentIndexChanged.connect(lambda _i: self.proxy.set_status(self.status_box.currentData()))
        self.topic_box.currentIndexChanged.connect(lambda _i: self._update_chart())
        self.ends_only.toggled.connect(lambda _on: self._update_chart())
        self._topics_later = Coalesced(self._reload_topics, self)  # once per burst of arriving reports
        self._session.reports_changed.connect(self._reload_topics)
        self._session.reports_added.connect(lambda _n: self._topics_later.request())
        self.model.modelReset.connect(self._fit_columns)

    def _fit_columns(self) -> None:
        header = self.grid.horizontalHeader()
        fm = self.grid.fontMetrics()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, fm.horizontalAdvance("重庆市渝北区大盛镇人民政府 · 2023") + 16)
        header.resizeSection(1, max(fm.horizontalAdvance(status_name(v)) for v in REPORT_STATUSES) + 16)
        header.resizeSection(2, fm.horizontalAdvance("99") + 16)
        for c in range(len(FIXED), self.model.columnCount()):
            header.resizeSection(c, fm.height() + 12)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.model.set_live(True)
        if self._topics_stale:
            self._reload_topics()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.model.set_live(False)

    def _reload_topics(self) -> None:
        self._topics_later.cancel()
        self._topics_stale = not self.isVisible()  # a page not on screen catches up when shown
        if self._topics_stale:
            return
        current = self.topic_box.currentData()
        self.topic_box.blockSignals(True)
        self.topic_box.clear()
        self._figures = {f.zh: f for f in figures_to_compare(self._session.analyses())}
        for figure in self._figures.values():
            self.topic_box.addItem(figure.label(lang()), figure.zh)
        found = self.topic_box.findData(current) if current else -1
        self.topic_box.setCurrentIndex(max(found, 0))
        self.topic_box.blockSignals(False)
        self._update_chart()

    def _update_chart(self) -> None:
        figure = self._figures.get(str(self.topic_box.currentData()))
        if figure is None:
            self.chart.set_bars("", [])
            return
        bars = topic_bars(self._session.analyses(), figure)
        first, last = ends([b for b in bars if b.value is not None])
        if self.ends_only.isChecked():  # the reports that state it: with few, it left every 未报告 bar in
            bars = first + last          # (5 of 51 stating, 51 bars: found by a helper session)
        # Said on the chart: a report states several figures of a topic, the largest is the one shown.
        title = self.tr("{figure}　每份报告取其中最大的一个数").format(figure=self.topic_box.currentText())
        self.chart.set_bars(title, bars)

    def _cell_activated(self, index: QModelIndex) -> None:
        sha, item = index.data(ROLE_SHA), index.data(ROLE_ITEM)
        if sha:
            self.cell_activated.emit(str(sha), str(item or ""))
