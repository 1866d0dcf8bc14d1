"""A horizontal bar chart painted with QPainter (QtCharts is not in PySide6-Essentials)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.compare.model import Bar
from ui.labels import elided_report_label

BAR_COLOUR = "#4a7ab7"
ROW_PAD = 6


def _fmt(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


class BarChart(QWidget):
    """One labelled bar per unit; units without the figure say so instead of drawing zero."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[Bar] = []
        self._title = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(120)

    def set_bars(self, title: str, bars: list[Bar]) -> None:
        self._title, self._bars = title, bars
        # As tall as its rows need: inside a scroll area, hundreds of units scroll instead of squeezing.
        self.setMinimumHeight(max(120, self.sizeHint().height()))
        self.update()

    def bars(self) -> list[Bar]:
        return list(self._bars)

    def title(self) -> str:
        return self._title

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(420, (fm.height() + ROW_PAD) * (len(self._bars) + 2))

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        fm = QFontMetrics(self.font())
        if not self._bars:
            p.setPen(QColor("#777"))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("选择一个指标主题进行比较"))
            return
        p.setPen(QColor("#222"))
        p.drawText(QRectF(8, 4, self.width() - 16, fm.height()), Qt.AlignmentFlag.AlignLeft, self._title)
        self._paint_bars(p, fm)
        p.end()

    def _paint_bars(self, p: QPainter, fm: QFontMetrics) -> None:
        label_w = min(max(fm.horizontalAdvance(b.label) for b in self._bars) + 12, self.width() // 3)
        top = fm.height() + 12
        row_h = max(min((self.height() - top - 4) / len(self._bars), fm.height() * 2.2), fm.height() + 2)
        values = [b.value for b in self._bars if b.value is not None]
        peak = max(values, default=0.0) or 1.0
        value_w = fm.horizontalAdvance(_fmt(peak) + " " + self._bars[0].unit) + 12
        span = max(self.width() - label_w - value_w - 16, 10)
        for i, bar in enumerate(self._bars):
            y = top + i * row_h
            label = elided_report_label(fm, bar.label, label_w - 8)
            p.setPen(QColor("#333"))
            align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
            p.drawText(QRectF(8, y, label_w - 8, row_h), align, label)
            x0 = 8 + label_w
            if bar.value is None:
                p.setPen(QColor("#999"))
                p.drawText(QRectF(x0, y, span, row_h), Qt.AlignmentFlag.AlignVCenter, self.tr("未报告"))
                continue
            w = max(span * bar.value / peak, 2.0)
            h = min(row_h * 0.62, fm.height() * 1.2)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(BAR_COLOUR))
            p.drawRoundedRect(QRectF(x0, y + (row_h - h) / 2, w, h), 3, 3)
            p.setPen(QColor("#222"))
            text = f"{_fmt(bar.value)} {bar.unit}"
            p.drawText(QRectF(x0 + w + 6, y, value_w, row_h), Qt.AlignmentFlag.AlignVCenter, text)
