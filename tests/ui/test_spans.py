"""The one UTF-16 helper: Python offsets ↔ Qt positions, around characters outside the BMP."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication

from ui.spans import Utf16Index


def _utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def test_astral_character_before_a_metric_shifts_qt_positions_by_one(qapp: QApplication) -> None:
    text = "𠮷全年办理行政复议案件59件"
    idx = Utf16Index(text)
    start = text.index("59件")
    assert start == 11
    assert idx.to_qt(start) == 12
    assert idx.to_py(12) == 11
    doc = QTextDocument()
    doc.setPlainText(text)
    cur = QTextCursor(doc)
    cur.setPosition(idx.to_qt(start))
    cur.setPosition(idx.to_qt(start + 3), QTextCursor.MoveMode.KeepAnchor)
    assert cur.selectedText() == "59件"


def test_position_inside_a_surrogate_pair_rounds_down() -> None:
    idx = Utf16Index("a𠮷b")
    assert [idx.to_qt(i) for i in range(4)] == [0, 1, 3, 4]
    assert [idx.to_py(p) for p in range(5)] == [0, 1, 1, 2, 3]


def test_bmp_text_is_unchanged() -> None:
    idx = Utf16Index("法治政府建设")
    assert all(idx.to_qt(i) == i and idx.to_py(i) == i for i in range(7))


@given(st.text(alphabet=st.sampled_from("a法𠮷😀\n、1")), st.data())
def test_round_trip_matches_utf16_length(text: str, data: st.DataObject) -> None:
    idx = Utf16Index(text)
    offset = data.draw(st.integers(0, len(text)))
    assert idx.to_qt(offset) == _utf16_len(text[:offset])
    assert idx.to_py(idx.to_qt(offset)) == offset
