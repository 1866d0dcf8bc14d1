"""Characters OCR was unsure of are underlined (dotted) in the text view, confidence in the tooltip."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QApplication

from ui.spans import Utf16Index
from ui.text.spans import MarkIndex, build_marks
from ui.text.view import ReportView

from .sample import TEXT, at, make_analysis


def _with_doubt() -> tuple[object, int]:
    start = at("59件")
    return replace(make_analysis(), format="pdf+ocr", uncertain=((start, start + 2, 0.42),)), start + 1  # after 𠮷


def test_uncertain_characters_get_a_mark_with_their_confidence() -> None:
    a, qt = _with_doubt()
    index = MarkIndex(build_marks(a, Utf16Index(TEXT)))  # type: ignore[arg-type]
    doubts = [m for m in index.overlapping(qt, qt + 2) if m.kind == "uncertain"]
    assert [(m.start, m.end) for m in doubts] == [(qt, qt + 2)]
    assert "置信度 42%" in index.tip_at(qt) and "59 件" in index.tip_at(qt)


def test_the_view_underlines_them_dotted(qapp: QApplication) -> None:
    a, qt = _with_doubt()
    view = ReportView()
    view.show_analysis(a)  # type: ignore[arg-type]
    block = view.editor.document().findBlock(qt)
    offset = qt - block.position()
    dotted = [
        r for r in block.layout().formats()
        if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    ]
    assert [(r.start, r.length) for r in dotted] == [(offset, 2)]
    assert dotted[0].format.background().color().name() != "#000000"  # the metric's colour is kept
