"""Per-block formats for headings, metrics, findings, OCR doubts and dimmed lines; the document is never edited.

Formats written into the document would make it "modified" and undoable, so all marks are
applied by this highlighter as each block is laid out.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from ui.text.spans import COPIED_INK, Mark, MarkIndex

HEADING_COLOURS = {1: "#8c1c13", 2: "#1a3f73", 3: "#2f4f4f", 4: "#333333"}


HEADING_GROWTH = {1: 3, 2: 1}  # points added to the text size for the top heading levels
# Drawn in this order: what others are merged onto first (a copied sentence keeps a metric's colour).
_ORDER = {"dim": 0, "heading": 0, "copied": 1}
_MERGED = ("metric", "finding", "uncertain", "copied")


def _format(mark: Mark, base_size: int) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if mark.kind == "heading":
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setForeground(QColor(HEADING_COLOURS.get(mark.level, "#333333")))
        if mark.level in HEADING_GROWTH:
            fmt.setFontPointSize(base_size + HEADING_GROWTH[mark.level])
    elif mark.kind == "metric":
        fmt.setBackground(QColor(mark.colour))
    elif mark.kind == "finding":
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor("#d32f2f"))
    elif mark.kind == "copied":
        fmt.setForeground(QColor(COPIED_INK))
    elif mark.kind == "uncertain":  # dotted, so it never reads as a finding's wave
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(QColor("#ef6c00"))
    else:
        fmt.setForeground(QColor("#9aa0a6"))
    return fmt


class ReportHighlighter(QSyntaxHighlighter):
    """Applies ``Mark``s (UTF-16 positions) to the blocks they overlap."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._index = MarkIndex([])
        self._base_size = 12

    def set_base_size(self, size: int) -> None:
        """The editor's text size, so headings stay proportionally larger when zooming."""
        if size != self._base_size:
            self._base_size = size
            self.rehighlight()

    def set_marks(self, index: MarkIndex, *, rehighlight: bool = True) -> None:
        self._index = index
        if rehighlight:
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        start = block.position()
        end = start + block.length()
        # Dim and heading formats first, then copied text, metrics and findings on top.
        marks = sorted(self._index.overlapping(start, end), key=lambda m: _ORDER.get(m.kind, 2))
        for mark in marks:
            lo = max(mark.start, start) - start
            hi = min(mark.end, end) - start
            if hi > lo:
                self._apply(lo, hi - lo, mark)

    def _apply(self, pos: int, length: int, mark: Mark) -> None:
        fmt = _format(mark, self._base_size)
        if mark.kind not in _MERGED:
            self.setFormat(pos, length, fmt)
            return
        # Merged run by run, so a metric inside a heading stays bold, an underline keeps the metric's
        # colour, and a mark covering only part of another does not spread its look to the rest.
        start, current = pos, self.format(pos)
        for i in range(pos + 1, pos + length + 1):
            if i == pos + length or self.format(i) != current:
                merged = QTextCharFormat(current)
                merged.merge(fmt)
                self.setFormat(start, i - start, merged)
                if i < pos + length:
                    start, current = i, self.format(i)
