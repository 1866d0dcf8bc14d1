"""The checklist pane: header (progress, verdict), the grouped items, the selected item's detail."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QTreeView, QVBoxLayout, QWidget

from reviewer.model import DECISIONS, Analysis
from ui.checklist.detail import ItemDetail
from ui.checklist.header import ReviewHeader
from ui.checklist.model import ChecklistModel
from ui.checklist.wrap import WrapDelegate
from ui.columns import fit_columns
from ui.labels import decision_name
from ui.session import Session

DIGIT_KEYS = (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4)


class ChecklistTree(QTreeView):
    """Space ticks or unticks the current item; 1–4 set 符合/不符合/不适用/未定."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        model = self.model()
        current = self.currentIndex()
        if isinstance(model, ChecklistModel) and current.isValid() and model.result(current) is not None:
            if event.key() == Qt.Key.Key_Space:
                model.toggle(current)
                event.accept()
                return
            if event.key() in DIGIT_KEYS:
                model.decide(current, DECISIONS[DIGIT_KEYS.index(Qt.Key(event.key()))])
                event.accept()
                return
        super().keyPressEvent(event)


class ChecklistPanel(QWidget):
    """Signals: evidence_requested(start, end) in core offsets; evidence_cleared()."""

    evidence_requested = Signal(int, int)
    evidence_cleared = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._analysis: Analysis | None = None
        self.model = ChecklistModel(session)
        self.header = ReviewHeader(session)
        self.tree = ChecklistTree()
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)  # item names are read whole, on two lines where needed
        self.tree.setItemDelegate(WrapDelegate(self.tree))
        # A report's checklist always outgrows the pane: a scroll bar appearing with the first report
        # narrowed the rows, which were measured and the window painted a second time.
        self.tree.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.tree.setAlternatingRowColors(True)
        hdr = self.tree.header()
        hdr.setStretchLastSection(False)
        decisions = [decision_name(d) + " ✎" for d in DECISIONS]
        fit_columns(hdr, self.tree.fontMetrics(), 0, {1: [""], 2: decisions}, icons=(1, 2))
        # rows are as tall as their names need at the width the pane has now
        hdr.sectionResized.connect(self._name_column_resized)
        self.detail = ItemDetail(session)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 4, 0)
        lay.setSpacing(2)
        lay.addWidget(self.header)
        lay.addWidget(self.tree, 1)
        lay.addWidget(self.detail)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.clicked.connect(self._clicked)

    def _name_column_resized(self, column: int, _old: int, _new: int) -> None:
        if column == 0:
            self.tree.doItemsLayout()

    def set_report(self, sha256: str | None) -> None:
        analysis = self._session.analysis(sha256) if sha256 else None
        if sha256 == self.model.report and (analysis is self._analysis or _same_items(analysis, self._analysis)):
            self._analysis = analysis  # the report analysed again with the same results: the reviewer keeps the place
            self.header.set_report(sha256)  # a scan read to its end may be judged now
            return
        self._analysis = analysis
        self.detail.set_item(None, None)
        self.header.set_report(sha256)
        self.model.set_report(sha256)
        self.tree.expandAll()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.detail.set_item(self.model.report, self.model.result(current))
        self._clicked(current)

    def _clicked(self, index: QModelIndex) -> None:
        r = self.model.result(index)
        if r is not None and r.evidence:
            ev = r.evidence[0]
            self.evidence_requested.emit(ev.start, ev.end)
        else:
            self.evidence_cleared.emit()  # an item without evidence must not leave another's highlight

    def select_item(self, item_id: str) -> None:
        idx = self.model.item_index(item_id)
        if idx.isValid():
            self.tree.setCurrentIndex(idx)
            self.tree.scrollTo(idx)

    def flush(self) -> None:
        self.header.flush()
        self.detail.flush()


def _same_items(a: Analysis | None, b: Analysis | None) -> bool:
    return a is not None and b is not None and a.checklist == b.checklist
