"""Bottom tab 对比: the reports × checklist grid beside a chart of one metric topic across units."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.compare.chart import BarChart
from ui.compare.header import StackedHeader
from ui.compare.model import ROLE_ITEM, ROLE_SHA, GridModel, topic_bars, topic_keys
from ui.compare.model import legend as compare_legend
from ui.session import Session


class ComparePanel(QWidget):
    """Signals: cell_activated(sha256, item_id) on double-click in the grid."""

    cell_activated = Signal(str, str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.model = GridModel(session)
        self.grid = QTableView()
        self.grid.setModel(self.model)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setHorizontalHeader(StackedHeader(self.grid))
        self.grid.verticalHeader().setDefaultSectionSize(24)
        self.topic_box = QComboBox()
        self.topic_box.setMinimumContentsLength(12)
        self.chart = BarChart()
        self._layout()
        self.grid.doubleClicked.connect(self._cell_activated)
        self.grid.activated.connect(self._cell_activated)
        self.topic_box.currentIndexChanged.connect(lambda _i: self._update_chart())
        session.reports_changed.connect(self._reload_topics)
        self._reload_topics()

    def _layout(self) -> None:
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(4, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("指标：")))
        row.addWidget(self.topic_box, 1)
        rl.addLayout(row)
        rl.addWidget(self.chart, 1)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.grid, 1)
        legend = QLabel(compare_legend() + self.tr("（双击查看）"))
        legend.setObjectName("legend")
        ll.addWidget(legend)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(split)

    def _reload_topics(self) -> None:
        current = self.topic_box.currentData()
        self.topic_box.blockSignals(True)
        self.topic_box.clear()
        for topic, unit in topic_keys(self._session.analyses()):
            self.topic_box.addItem(f"{topic}（{unit}）", (topic, unit))
        found = self.topic_box.findData(current) if current else -1
        self.topic_box.setCurrentIndex(max(found, 0))
        self.topic_box.blockSignals(False)
        self._update_chart()

    def _update_chart(self) -> None:
        key = self.topic_box.currentData()
        if not key:
            self.chart.set_bars("", [])
            return
        topic, unit = key
        self.chart.set_bars(self.topic_box.currentText(), topic_bars(self._session.analyses(), topic, unit))

    def _cell_activated(self, index: QModelIndex) -> None:
        sha, item = index.data(ROLE_SHA), index.data(ROLE_ITEM)
        if sha and item:
            self.cell_activated.emit(str(sha), str(item))
