"""Outline: section trees of the seeds and the heading forms real reports use."""

from __future__ import annotations

from collections import Counter

import pytest

from reviewer.model import Document, LineHint, Outline, walk_sections
from reviewer.outline import build_outline
from tests.conftest import seed_path


def _seed(prefix: str) -> tuple[str, Outline]:
    text = seed_path(prefix).read_text(encoding="utf-8")
    return text, build_outline(text)


def _kind_of(text: str, outline: Outline, line: str) -> str:
    (kind,) = [ln.kind for ln in outline.lines if text[ln.start : ln.end] == line]
    return kind


@pytest.mark.parametrize(
    ("prefix", "counts"),
    [
        ("000", {1: 4, 2: 8, 3: 18}),
        ("001", {1: 3, 2: 14, 3: 14}),
        ("002", {1: 6}),
        ("003", {1: 4, 2: 11}),
        ("004", {1: 4, 2: 19}),
    ],
)
def test_seed_section_counts_per_level(prefix: str, counts: dict[int, int]) -> None:
    _, outline = _seed(prefix)
    assert dict(Counter(s.level for s in walk_sections(outline.sections))) == counts


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_headings_round_trip_and_nest(prefix: str) -> None:
    text, outline = _seed(prefix)
    for s in walk_sections(outline.sections):
        assert text[s.start : s.start + len(s.heading)] == s.heading
        assert "\n" not in s.heading
        assert s.start < s.end <= len(text)
        assert s.title and s.title in s.heading
        for child in s.children:
            assert s.start < child.start and child.end <= s.end and child.level > s.level


def test_seed_000_lost_numeral_is_inferred_with_a_finding() -> None:
    text, outline = _seed("000")
    last = outline.sections[3]
    assert (last.id, last.level, last.number, last.start, last.end) == ("s4", 1, "四", 5637, 6623)
    assert last.heading == "、下一年度推进法治政府建设的主要安排"
    assert last.title == "下一年度推进法治政府建设的主要安排"
    (finding,) = outline.findings
    assert (finding.kind, finding.severity, finding.start) == ("heading_numbering", "warning", 5637)
    assert "四、" in finding.message.render()
    # the section stops before the garbled date and the page footer
    assert text[last.end - 10 : last.end].endswith("同步提升。")


def test_seed_000_level3_numbered_across_parents() -> None:
    _, outline = _seed("000")
    first_of_second = outline.sections[0].children[1].children[0]
    assert (first_of_second.id, first_of_second.number, first_of_second.start) == ("s1.2.1", "3", 1042)
    assert first_of_second.title == "依法全面履行政府职能"


def test_seed_001_heading_with_body_on_the_same_line() -> None:
    _, outline = _seed("001")
    s = outline.sections[0].children[0].children[0]
    assert (s.id, s.level, s.number, s.start, s.end) == ("s1.1.1", 3, "1", 264, 667)
    assert s.title == "继续深化“放管服”改革"
    assert s.heading.startswith("1.继续深化“放管服”改革。加大简政放权力度")
    assert [(x.start, x.end) for x in outline.sections] == [(223, 5021), (5021, 5487), (5487, 6294)]
    assert outline.sections[1].title == "2021年度法治政府建设存在的不足"


def test_seed_002_enumerations_are_not_headings() -> None:
    text, outline = _seed("002")
    titles = [s.title for s in outline.sections]
    assert titles[:2] == ["紧盯重点环节,强化组织领导核心作用", "优化政务服务,依法全面履行政府职能"]
    assert all(not s.children for s in outline.sections)
    assert _kind_of(text, outline, "2021210") == "signature"


def test_seed_003_and_004_trees() -> None:
    _, o3 = _seed("003")
    assert [s.title for s in o3.sections] == [
        "主要举措和成效",
        "履行推进法治建设第一责任人职责情况",
        "存在的不足和原因",
        "2025年度主要工作安排",
    ]
    _, o4 = _seed("004")
    s = o4.sections[2].children[0]
    assert (s.id, s.level, s.number, s.title) == ("s3.1", 2, "一", "法治培训教育开展不足")


@pytest.mark.parametrize(
    ("prefix", "line", "kind"),
    [
        ("000", "适老版 关爱版", "clutter"),
        ("000", "来源:津南区政府办公室 发布时间:2022-03-11 18:18", "metadata"),
        ("000", "返回顶部", "clutter"),
        ("000", "津南区2021年法治政府建设情况报告", "title"),
        ("001", ">新闻中心>通知公告", "clutter"),
        ("001", "Produced By 大汉网络 大汉版通发布系统", "clutter"),
        ("001", "2022年2月13日", "signature"),
        ("001", "省委、省政府:", "body"),
        ("003", "网站标识码:1201160001", "clutter"),
        ("004", "重庆市渝北区大盛镇镇人民政府", "signature"),
    ],
)
def test_seed_line_kinds(prefix: str, line: str, kind: str) -> None:
    text, outline = _seed(prefix)
    assert _kind_of(text, outline, line) == kind


def _tree(text: str) -> list[tuple[str, int, str | None, str]]:
    return [(s.id, s.level, s.number, s.title) for s in walk_sections(build_outline(text).sections)]


def test_full_and_half_width_markers_and_spaces() -> None:
    text = "一、 总体情况\n（一） 学法\n1． 常务会议学法\n(1)专题讲座\n②第二场\n二、存在问题\n"
    outline = build_outline(text)
    assert outline.findings == ()
    assert _tree(text) == [
        ("s1", 1, "一", "总体情况"),
        ("s1.1", 2, "一", "学法"),
        ("s1.1.1", 3, "1", "常务会议学法"),
        ("s1.1.1.1", 4, "1", "专题讲座"),
        ("s1.1.1.2", 4, "②", "第二场"),
        ("s2", 1, "二", "存在问题"),
    ]


def test_false_markers_are_body_text() -> None:
    text = "一、工作情况\n2021.3月起开展专项行动。\n1.5万人次参加。\n一是加强领导。二是完善制度。\n1.健全制度\n"
    assert _tree(text) == [("s1", 1, "一", "工作情况"), ("s1.1", 3, "1", "健全制度")]


def test_restarted_list_deep_in_body_is_not_a_heading() -> None:
    text = "一、甲\n二、乙\n三、丙\n正文如下：\n一、引用的第一点\n四、丁\n"
    assert [s.title for s in build_outline(text).sections] == ["甲", "乙", "丙", "丁"]


def test_level2_without_level1_is_top_level() -> None:
    text = "（一）第一项\n1.细项\n（二）第二项\n"
    assert _tree(text) == [("s1", 2, "一", "第一项"), ("s1.1", 3, "1", "细项"), ("s2", 2, "二", "第二项")]


def test_two_spaces_instead_of_comma_and_chapter_forms() -> None:
    text = "第一部分  加强组织领导  构建工作新格局\n第二部分 下一步安排\n"
    assert _tree(text) == [("s1", 1, "一", "加强组织领导  构建工作新格局"), ("s2", 1, "二", "下一步安排")]


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("1.继续深化“放管服”改革。加大简政放权力度。", "继续深化“放管服”改革"),
        ("（一）加强统筹协调,筑牢法治政府保障一是强化工作力。", "加强统筹协调,筑牢法治政府保障"),
        ("（一）加强法治政府建设组织领导。", "加强法治政府建设组织领导"),
        ("（一）主要做法：坚持学法用法", "主要做法"),
    ],
)
def test_title_is_the_heading_part_of_the_line(line: str, title: str) -> None:
    (section,) = build_outline(line).sections
    assert section.title == title and section.heading == line


def test_restarted_list_in_the_first_section_is_not_a_repeat() -> None:
    text = "一、总体情况\n一、二季度全区开展专项检查,共检查企业120家,发现问题15个。\n二、存在问题\n"
    assert [s.title for s in build_outline(text).sections] == ["总体情况", "存在问题"]


def test_repeated_and_skipped_numbers_give_findings() -> None:
    outline = build_outline("一、甲\n一、乙\n二、丙\n四、丁\n")
    assert [s.number for s in outline.sections] == ["一", "一", "二", "四"]
    messages = [f.message.render() for f in outline.findings]
    assert len(messages) == 2 and "重复" in messages[0] and "三、" in messages[1]


def test_clutter_and_metadata_never_become_sections() -> None:
    text = (
        "首页 > 政务公开 > 法治政府建设\n您当前的位置:首页 >通知公告\n发布日期:2023-02-10 来源:本网\n"
        "  • 2020-05-07\n打印 关闭\n分享到:\n主办单位:某某区人民政府办公室\n网站标识码:1201160001\n"
    )
    outline = build_outline(text)
    assert outline.sections == ()
    assert [ln.kind for ln in outline.lines] == [
        "clutter", "clutter", "metadata", "metadata", "clutter", "clutter", "clutter", "clutter",
    ]


def test_long_bullet_line_is_body_text() -> None:
    text = "  • 2022年,省政府坚持以习近平新时代中国特色社会主义思想为指导,"
    text += "深入学习贯彻党的二十大精神,全面推进法治政府建设工作。"
    assert len(text) > 40
    assert [ln.kind for ln in build_outline(text).lines] == ["body"]


def test_docx_hints_make_unmarked_lines_headings() -> None:
    text = "总体情况\n正文。\n存在问题\n正文。\n"
    doc = Document("x.docx", text, "", "docx", None, 0, (LineHint(0, 1, "一、"), LineHint(2, 1, "二、")))
    assert _tree(text) == []
    outline = build_outline(text, doc)
    assert [(s.number, s.title, s.start) for s in outline.sections] == [("一", "总体情况", 0), ("二", "存在问题", 9)]
    assert outline.findings == ()


def test_docx_hint_keeps_an_out_of_sequence_marked_heading() -> None:
    text = "一、甲\n正文。\n五、戊\n"
    assert [s.title for s in build_outline(text).sections] == ["甲"]
    doc = Document("x.docx", text, "", "docx", None, 0, (LineHint(2, 1, None),))
    outline = build_outline(text, doc)
    assert [s.number for s in outline.sections] == ["一", "五"]
    (finding,) = outline.findings
    assert finding.message.render() == "标题序号不连续：缺少“二、”、“三、”、“四、”"
