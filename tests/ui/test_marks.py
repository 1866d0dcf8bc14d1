"""Marks: tooltips for metrics and findings, dimmed clutter, and the painted comparison chart."""

from __future__ import annotations

from PySide6.QtGui import QImage

from reviewer.memory_store import MemoryReviewStore
from ui.compare.view import ComparePanel
from ui.session import Session
from ui.spans import Utf16Index
from ui.text.spans import MarkIndex, build_marks

from .sample import TEXT, at, make_analysis


def test_marks_carry_tooltips_at_utf16_positions() -> None:
    a = make_analysis()
    index = MarkIndex(build_marks(a, Utf16Index(TEXT)))
    qt_pos = at("3200余人次") + 1  # after 𠮷
    assert index.tip_at(qt_pos) == "3200 人次（余）\n主题：普法"
    assert index.tip_at(at("59件") + 1) == "59 件\n主题：行政复议"
    assert index.tip_at(at("继续推进") + 1) == "警告：本段与第 9 行的段落“继续推进”重复"
    assert index.tip_at(at("某区人民政府")) == ""
    kinds = {m.kind for m in index.overlapping(0, 3)}
    assert kinds == {"dim"}


def test_compare_chart_paints_one_bar_per_report() -> None:
    session = Session(MemoryReviewStore())
    shown = [make_analysis("a" * 64), make_analysis("b" * 64, issuer="某县司法局", year=2022)]
    session.set_reports(shown, shown)
    panel = ComparePanel(session)
    panel.resize(900, 300)
    panel.show()
    assert panel.topic_box.count() == 4
    names = [panel.topic_box.itemText(i) for i in range(4)]
    assert names == ["行政复议案件（件）", "普法（人次）", "行政复议（%）", "行政执法（%）"]  # the workbook's first
    panel.topic_box.setCurrentIndex(panel.topic_box.findText("普法（人次）"))
    bars = [(b.label, b.value) for b in panel.chart.bars()]
    assert bars == [("某区人民政府 · 2023", 3200), ("某县司法局 · 2022", 3200)]
    assert panel.chart.title() == "普法（人次）　每份报告取其中最大的一个数"
    image = panel.chart.grab().toImage()
    assert image.format() != QImage.Format.Format_Invalid
    assert image.pixelColor(image.width() // 2, image.height() // 2).isValid()


def test_the_compare_page_is_rebuilt_only_on_screen_and_catches_up_when_shown() -> None:
    """A folder opening rebuilt the hidden 对比 grid and chart over every report, a stall each time."""
    session = Session(MemoryReviewStore())
    panel = ComparePanel(session)
    one = [make_analysis("a" * 64)]
    session.set_reports(one, one)
    assert panel.model.rowCount() == 0 and panel.topic_box.count() == 0  # not on screen: only noted
    panel.show()
    assert panel.model.rowCount() == 1 and panel.topic_box.count() == 4
    two = [*one, make_analysis("b" * 64, issuer="某县司法局", year=2022)]
    session.set_reports(two, two)
    assert panel.model.rowCount() == 2  # on screen: at once
    panel.hide()
    session.set_reports(one, one)
    assert panel.model.rowCount() == 2
    panel.show()
    assert panel.model.rowCount() == 1


def test_report_text_that_looks_like_html_is_shown_verbatim() -> None:
    from dataclasses import replace

    from PySide6.QtCore import Qt

    from ui.checklist.header import ReviewHeader
    from ui.plain import tip

    assert tip("普通文字") == "普通文字"
    assert tip("<b>粗体</b>") == "<p style='white-space:pre-wrap'>&lt;b&gt;粗体&lt;/b&gt;</p>"
    a = make_analysis()
    a = replace(a, meta=replace(a.meta, issuer="<b>某区</b>"))
    session = Session(MemoryReviewStore())
    session.set_reports([a], [a])
    header = ReviewHeader(session)
    header.set_report(a.sha256)
    assert header.title.textFormat() == Qt.TextFormat.PlainText
    assert header.title.text() == "<b>某区</b> · 2023"
