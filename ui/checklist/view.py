"""The checklist pane: header (progress, verdict), the grouped items, the selected item's detail."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHeaderView, QTreeView, QVBoxLayout, QWidget

from ui.checklist.detail import ItemDetail
from ui.checklist.header import ReviewHeader
from ui.checklist.model import ChecklistModel
from ui.session import Session


class ChecklistTree(QTreeView):
    """Space ticks or unticks the current item, whatever column has focus."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        model = self.model()
        if event.key() == Qt.Key.Key_Space and isinstance(model, ChecklistModel) and self.currentIndex().isValid():
            model.toggle(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


class ChecklistPanel(QWidget):
    """Signals: evidence_requested(start, end) in core offsets."""

    evidence_requested = Signal(int, int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ChecklistModel(session)
        self.header = ReviewHeader(session)
        self.tree = ChecklistTree()
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        hdr = self.tree.header()
        hdr.setStretchLastSection(False)
        hdr.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        hdr.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        hdr.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.detail = ItemDetail(session)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 4, 0)
        lay.setSpacing(2)
        lay.addWidget(self.header)
        lay.addWidget(self.tree, 1)
        lay.addWidget(self.detail)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.clicked.connect(self._clicked)

    def set_report(self, sha256: str | None) -> None:
        if sha256 == self.model.report:
            return
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

    def select_item(self, item_id: str) -> None:
        idx = self.model.item_index(item_id)
        if idx.isValid():
            self.tree.setCurrentIndex(idx)
            self.tree.scrollTo(idx)

    def flush(self) -> None:
        self.header.flush()
        self.detail.flush()
