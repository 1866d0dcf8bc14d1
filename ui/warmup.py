"""Font look-ups done while a new window waits for the reviewer, so the first report shows without a stall.

The first Chinese text measured in a font makes Qt find the CJK fallback font and shape with it:
8 ms for the first font here, 1-2 ms for each other size or weight. The first report shown used
to pay that for its text, headings, checklist and tree all at once, in one turn of the event
loop. Each font is warmed in a turn of its own, so none of this is a stall either.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontMetrics

SAMPLE = "法治政府建设情况报告：全年共办理行政复议案件，依法行政制度体系（规范性文件）。"


def fonts_to_warm(window_font: QFont, text_font: QFont, growth: Iterable[int]) -> list[QFont]:
    """The window's and the report text's fonts, plain and bold, and the text's heading sizes."""
    out: list[QFont] = []
    for base in (window_font, text_font):
        bold = QFont(base)
        bold.setBold(True)
        out += [QFont(base), bold]
    for points in growth:
        heading = QFont(text_font)
        heading.setBold(True)
        heading.setPointSize(text_font.pointSize() + points)
        out.append(heading)
    return out


def warm(font: QFont) -> int:
    """Measure the sample in ``font`` (its width, so the work cannot be skipped)."""
    return QFontMetrics(font).horizontalAdvance(SAMPLE)


def warm_later(fonts: Iterable[QFont]) -> None:
    for font in fonts:
        QTimer.singleShot(0, lambda f=font: warm(f))
