"""A column header that writes Chinese names top to bottom (English ones turned a quarter), so many
narrow columns stay legible."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QHeaderView, QWidget

MAX_CHARS = 6


def stacked(text: str) -> list[str]:
    """The characters drawn in a column header, elided to ``MAX_CHARS`` with a final ⋮."""
    chars = list(text.strip())
    return chars if len(chars) <= MAX_CHARS else [*chars[: MAX_CHARS - 1], "⋮"]


class StackedHeader(QHeaderView):
    """Horizontal header; each section's text is one character per line, upright."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.setHighlightSections(False)

    def sizeHint(self) -> QSize:
        base = super().sizeHint()
        return QSize(base.width(), self.fontMetrics().height() * MAX_CHARS + 12)

    def paintSection(self, painter: QPainter, rect: QRect, logical_index: int) -> None:
        painter.save()
        painter.fillRect(rect, QColor("#f0f2f5"))
        painter.setPen(QColor("#dfe3e8"))
        painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        model = self.model()
        text = str(model.headerData(logical_index, Qt.Orientation.Horizontal) or "") if model else ""
        fm = self.fontMetrics()
        painter.setPen(QColor("#333333"))
        if fm.horizontalAdvance(text) + 12 <= rect.width():  # a wide column (the report) reads across
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
            painter.restore()
            return
        if not any("\u3400" <= ch <= "\u9fff" for ch in text):  # Latin words read turned, not letter by letter
            painter.translate(rect.left(), rect.bottom())
            painter.rotate(-90)
            room = QRect(6, 0, rect.height() - 12, rect.width())
            shown = fm.elidedText(text, Qt.TextElideMode.ElideRight, room.width())
            painter.drawText(room, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
            painter.restore()
            return
        y = rect.top() + 6
        for ch in stacked(text):
            painter.drawText(QRect(rect.left(), y, rect.width(), fm.height()), Qt.AlignmentFlag.AlignCenter, ch)
            y += fm.height()
        painter.restore()
