"""Small status icons painted with QPainter, so they share one look and scale on HiDPI."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from reviewer.vocab import CHECK_STATUS, DECISION, REVIEW_STATUS, TONES

AMBER = TONES["partial"].ink
RED = TONES["bad"].ink
GREY = TONES["muted"].ink

# One colour per code, taken from the vocabulary's tones (the workbook uses the same ones).
STATUS_COLOURS = {
    **{c: CHECK_STATUS.tone(c).ink for c in CHECK_STATUS},
    **{c: REVIEW_STATUS.tone(c).ink for c in REVIEW_STATUS},
    **{c: DECISION.tone(c).ink for c in DECISION},
}
STATUS_COLOURS["未定"] = GREY
# Shapes mirror the vocabulary's glyphs: ● ◐ ○ — for what the program found, ✓ ✗ ⊘ for decisions.
_GLYPHS = {
    "found": "dot",
    "partial": "half",
    "missing": "ring",
    "not_applicable": "dash",
    "通过": "check",
    "符合": "check",
    "审阅中": "half",
    "需修改": "bang",
    "不符合": "cross",
    "不适用": "dash",
    "未审": "ring",
    "未定": "ring",
}


def _glyph(p: QPainter, kind: str, s: float) -> None:
    pen = QPen(QColor("white"), s * 0.12, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    if kind == "check":
        path = QPainterPath(QPointF(s * 0.3, s * 0.52))
        path.lineTo(s * 0.44, s * 0.66)
        path.lineTo(s * 0.71, s * 0.36)
        p.drawPath(path)
    elif kind == "cross":
        p.drawLine(QPointF(s * 0.35, s * 0.35), QPointF(s * 0.65, s * 0.65))
        p.drawLine(QPointF(s * 0.65, s * 0.35), QPointF(s * 0.35, s * 0.65))
    elif kind == "bang":
        p.drawLine(QPointF(s * 0.5, s * 0.28), QPointF(s * 0.5, s * 0.56))
        p.drawPoint(QPointF(s * 0.5, s * 0.72))
    elif kind == "dash":
        p.drawLine(QPointF(s * 0.32, s * 0.5), QPointF(s * 0.68, s * 0.5))


def _paint(status: str, size: int) -> QPixmap:
    colour = QColor(STATUS_COLOURS.get(status, GREY))
    kind = _GLYPHS.get(status, "ring")
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = float(size)
    circle = QRectF(s * 0.1, s * 0.1, s * 0.8, s * 0.8)
    if kind == "ring":
        p.setPen(QPen(colour, s * 0.1))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(circle.adjusted(s * 0.04, s * 0.04, -s * 0.04, -s * 0.04))
    elif kind == "half":
        p.setPen(QPen(colour, s * 0.1))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(circle.adjusted(s * 0.04, s * 0.04, -s * 0.04, -s * 0.04))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawPie(circle, 90 * 16, 180 * 16)
    else:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawEllipse(circle)
        _glyph(p, kind, s)
    p.end()
    return pm


@lru_cache(maxsize=64)
def status_icon(status: str) -> QIcon:
    """An icon for a check status, a report status or a decision (unknown values: grey ring)."""
    icon = QIcon()
    for size in (16, 32, 48):
        icon.addPixmap(_paint(status, size))
    return icon


@lru_cache(maxsize=1)
def app_icon() -> QIcon:
    """A document with a green check: the window and taskbar icon."""
    icon = QIcon()
    for size in (16, 32, 64, 128):
        icon.addPixmap(_app_pixmap(size))
    return icon


def _app_pixmap(size: int) -> QPixmap:
    s = float(size)
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(QColor("#8c1c13"), s * 0.05))
    p.setBrush(QColor("#fff8f0"))
    p.drawRoundedRect(QRectF(s * 0.16, s * 0.06, s * 0.58, s * 0.78), s * 0.06, s * 0.06)
    p.setPen(QPen(QColor("#b0b6c0"), s * 0.05))
    for i in range(4):
        y = s * (0.24 + 0.12 * i)
        p.drawLine(QPointF(s * 0.27, y), QPointF(s * 0.62, y))
    p.drawPixmap(int(s * 0.44), int(s * 0.5), _paint("符合", int(s * 0.5)))
    p.end()
    return pm
