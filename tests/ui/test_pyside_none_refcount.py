"""Regression pin: PySide6 6.12.0 on Python 3.11 leaks references to None and crashes.

These are exactly the calls that end in ``Fatal Python error: none_dealloc`` on the bad build.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication


def test_set_position_does_not_leak_none(qapp: QApplication) -> None:
    doc = QTextDocument()
    doc.setPlainText("x" * 2000)
    cur = QTextCursor(doc)
    before = sys.getrefcount(None)
    for i in range(1000):
        cur.setPosition(i, QTextCursor.MoveMode.MoveAnchor)
    assert abs(sys.getrefcount(None) - before) < 50


_ROOT = QModelIndex()


class _NoneModel(QAbstractListModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 10

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> None:
        return None


def test_proxy_reading_none_does_not_leak(qapp: QApplication) -> None:
    model = _NoneModel()
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    before = sys.getrefcount(None)
    for k in range(5000):
        proxy.data(proxy.index(k % 10, 0), Qt.ItemDataRole.ToolTipRole)
    assert abs(sys.getrefcount(None) - before) < 50
