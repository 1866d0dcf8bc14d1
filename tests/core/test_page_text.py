"""Printed pages back to the report as written: layout spaces, running lines, wrapped paragraphs."""

from __future__ import annotations

from pathlib import Path

from reviewer.formats.layout import PageLine, assemble, drop_running_lines, gaps_are_layout, tidy_spaces
from reviewer.load import load
from tests.core import format_fixtures as ff


def test_word_autospace_is_removed_but_spaces_between_latin_words_stay(tmp_path: Path) -> None:
    pages = [
        ["一、2021年度工作情况", "全年办理行政复议案件59件，纠错率44%。", "依据 Administrative Procedure Law 开展工作"],
        ["（二）2022年度安排", "发布日期:2022-02-15"],
    ]
    doc = load(ff.make_autospaced_pdf(tmp_path / "r.pdf", pages, header="某区2021年法治政府建设报告"))
    assert doc.text.split("\n") == [
        "某区2021年法治政府建设报告",  # the first page's top line stays: a header may repeat the title
        "一、2021年度工作情况", "全年办理行政复议案件59件，纠错率44%。", "依据Administrative Procedure Law开展工作",
        "（二）2022年度安排", "发布日期:2022-02-15", "",
    ]


def test_a_writers_own_spaces_stay_when_few_boundaries_have_one() -> None:
    texts = ["发布日期：2022-02-15 15:49 浏览次数：", "全年办理案件59件，2021年度纠错率44%。"]
    assert not gaps_are_layout(texts)
    assert gaps_are_layout(["2021 年度", "办理 59 件"])
    assert tidy_spaces(PageLine("办理 59 件 of the year")).text == "办理59件of the year"


def test_page_numbers_and_running_headers_and_footers_go() -> None:
    pages = [
        [PageLine("关于2021年法治政府建设情况的报告"), PageLine("正文第一页"), PageLine("- 1 -")],
        [PageLine("某区人民政府文件"), PageLine("正文第二页"), PageLine("第 2 页 共 3 页")],
        [PageLine("某区人民政府文件"), PageLine("正文第三页"), PageLine("3")],
    ]
    text, _ = assemble(drop_running_lines(pages))
    assert text == "关于2021年法治政府建设情况的报告\n正文第一页\n正文第二页\n正文第三页\n"


def test_ocr_confidences_become_spans_of_the_text() -> None:
    line = PageLine("办理 59 件，12.5%", conf=(0.99, 0.99, 1.0, 0.4, 0.6, 1.0, 0.99, 0.3, 1.0, 1.0, 0.5, 1.0, 0.7))
    text, spans = assemble([[PageLine("标题")], [tidy_spaces(line)]])
    assert text == "标题\n办理59件，12.5%\n"
    # The doubtful comma is not worth a reviewer's time; a doubtful decimal point or % is.
    assert spans == ((5, 7, 0.4), (11, 12, 0.5), (13, 14, 0.7))
    assert [text[s:e] for s, e, _ in spans] == ["59", ".", "%"]


def test_hard_wrapped_paragraph_running_onto_the_next_page_is_rejoined(tmp_path: Path) -> None:
    lines = [f"第{i}段" + "法治政府建设持续推进，依法行政水平不断提高" * 3 for i in range(1, 30)]
    doc = load(ff.make_ofd(tmp_path / "r.ofd", lines, header="某区人民政府"))
    assert doc.text.split("\n")[1:-1] == lines


def test_a_line_short_of_the_edge_by_a_piece_that_cannot_be_broken_runs_on() -> None:
    """Found by a helper session: "超过3.5万" at the end of a line short of the edge, and "人。" on the next,
    were kept apart, and the figure 超过3.5万人 was lost; so was 99.99% after a line ending in 为."""
    from reviewer.formats.layout import unwrap

    def row(text: str, short_by: float = 0.0) -> PageLine:  # ten points a character, the edge at 200
        return PageLine(text, 0.0, 200.0 - 10 * short_by)

    rows = [row("全区全年开展法治宣传活动一百二十场覆盖"), row("群众超过3.5万", short_by=3.3),
            row("人。2021年参加的还有各街道社区工作"),
            row("人员，群众满意率为", short_by=2.5), row("99.99%，较上年有所提高。", short_by=6.0),
            row("下一年度将继续推进法治宣传工", short_by=2.2), row("作开展，完善普法责任制的落实。")]
    assert [ln.text for ln in unwrap(rows, 400.0)] == [
        "全区全年开展法治宣传活动一百二十场覆盖群众超过3.5万人。2021年参加的还有各街道社区工作人员，群众满意率为"
        "99.99%，较上年有所提高。",
        "下一年度将继续推进法治宣传工",  # short by more than "作" needs: a paragraph's end, as written
        "作开展，完善普法责任制的落实。",
    ]


def test_an_enumerated_paragraph_under_a_heading_that_reached_the_edge_is_not_run_into_it() -> None:
    """Seed 4 printed to PDF: "（五）…重塑变革情况" ended 1.2 characters short of the edge, and the
    paragraph "一是…" under it became part of the heading in the outline. A heading that wraps, and
    一是 run on inside a paragraph, are still joined."""
    from reviewer.formats.layout import unwrap

    def row(text: str, short_by: float = 0.0) -> PageLine:  # ten points a character, the edge at 200
        return PageLine(text, 0.0, 200.0 - 10 * short_by)

    rows = [row("（五）以综合行政执法改革为突破加快推进", short_by=1.2), row("一是各党委委员根据分工任务负责抓好分管"),
            row("工作范围内的法律法规政策知识学习；二是", short_by=0.5), row("进一步加强业务培训工作。", short_by=8),
            row("（六）健全监督制约体系确保行政权力运行"), row("规范透明高效情况", short_by=12),
            row("二是完善重大行政处罚备案制度。", short_by=5)]
    assert [ln.text for ln in unwrap(rows, 380.0)] == [
        "（五）以综合行政执法改革为突破加快推进",
        "一是各党委委员根据分工任务负责抓好分管工作范围内的法律法规政策知识学习；二是进一步加强业务培训工作。",
        "（六）健全监督制约体系确保行政权力运行规范透明高效情况",
        "二是完善重大行政处罚备案制度。",
    ]
    from reviewer.formats.layout import join_pages, unwrap_pages

    # the same at a page's foot (a code review): the paragraph on the next page is not run into the heading
    first = [row("前文一行文字填满整行用于确定右边界位置啊啊"), row("前文二行文字填满整行用于确定右边界位置啊啊"),
             row("（五）以综合行政执法改革为突破加快推进", short_by=1.2)]
    second = [row("一是各党委委员根据分工任务负责抓好分管"), row("工作。", short_by=15)]
    assert [[ln.text for ln in page] for page in join_pages(unwrap_pages([first, second], 380.0))] == [
        ["前文一行文字填满整行用于确定右边界位置啊啊前文二行文字填满整行用于确定右边界位置啊啊",
         "（五）以综合行政执法改革为突破加快推进"],
        ["一是各党委委员根据分工任务负责抓好分管工作。"],
    ]
