"""The reports tree's filter: a name fragment, a status, the reviewer's own reports."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer

from reviewer.paths import readable_name
from ui.reports.model import ROLE_FILE, ROLE_MINE, ROLE_SHA, ROLE_STATUS, Index


class ReportsFilter(QSortFilterProxyModel):
    """Filters report rows by a name fragment, a status and (on a shared project) the reviewer's own
    reports; sections follow their report. Sorted, the reviewer's own reports come first."""

    def __init__(self) -> None:
        super().__init__()
        self._text = ""
        self._status = ""
        self._mine_only = False
        self._pinned = ""

    def pin(self, sha256: str) -> None:
        """The report being read stays listed, until another is opened or the filter is changed. Deciding an
        item changes a report's status: under a status filter it left the list, and the window went on
        to another report, where the reviewer's next keys landed (found by a helper session)."""
        if sha256 != self._pinned:
            self._pinned = sha256
            QTimer.singleShot(0, self._refilter)  # the one pinned before may leave now; not mid-selection

    def _refilter(self) -> None:
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_mine_only(self, mine: bool) -> None:
        self.beginFilterChange()
        self._pinned = ""  # the reviewer's own filter applies to every report
        self._mine_only = mine
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def lessThan(self, left: Index, right: Index) -> bool:
        if left.parent().isValid():  # sections keep the report's order
            return left.row() < right.row()
        key = (not left.data(ROLE_MINE), left.row())
        return key < (not right.data(ROLE_MINE), right.row())

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._pinned = ""
        self._text = text.strip()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_status(self, status: str) -> None:
        """``""`` for all statuses."""
        self.beginFilterChange()
        self._pinned = ""
        self._status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if source_parent.isValid():
            return True
        model = self.sourceModel()
        idx = model.index(source_row, 0, source_parent)
        if self._pinned and model.data(idx, ROLE_SHA) == self._pinned:
            return True
        if self._status and model.data(idx, ROLE_STATUS) != self._status:
            return False
        if self._mine_only and not model.data(idx, ROLE_MINE):
            return False
        if not self._text:
            return True
        label = str(model.data(idx, Qt.ItemDataRole.DisplayRole) or "")
        file = readable_name(str(model.data(idx, ROLE_FILE) or ""))
        needle = self._text.lower()
        return needle in label.lower() or needle in file.lower()
