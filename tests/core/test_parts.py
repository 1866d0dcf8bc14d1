"""Required parts: the expected table of issue 3 on the seeds, and the shapes other reports take."""

from __future__ import annotations

import pytest

from reviewer.meta import extract_meta
from reviewer.model import PART_IDS, PartResult
from reviewer.outline import build_outline
from reviewer.parts import find_parts
from tests.conftest import seed_path


def _parts(text: str) -> dict[str, PartResult]:
    outline = build_outline(text)
    return find_parts(text, outline, extract_meta(text, outline))


def _seed(prefix: str) -> tuple[str, dict[str, PartResult]]:
    text = seed_path(prefix).read_text(encoding="utf-8")
    return text, _parts(text)


def _row(parts: dict[str, PartResult]) -> dict[str, tuple[str, str | None, str | None]]:
    return {p: (r.status, r.how, r.section) for p, r in parts.items() if p != "other"}


# (status, how, section) per part, from the table in issue 3.
EXPECTED = {
    "000": {
        "measures": ("found", "heading", "s1"),
        "shortcomings": ("found", "heading", "s2"),
        "first_responsible": ("found", "heading", "s3"),
        "next_year": ("found", "heading", "s4"),  # the heading that lost its numeral
    },
    "001": {
        "measures": ("found", "heading", "s1"),
        "shortcomings": ("partial", "heading", "s2"),  # no causes in heading or text
        "first_responsible": ("partial", "nested", "s1.8"),  # （八）落实法治政府建设推进机制
        "next_year": ("found", "heading", "s3"),  # 主要思路
    },
    "002": {
        "measures": ("found", "text", None),  # sections 一–六 are all measures, none says so
        "shortcomings": ("partial", "text", "s6"),  # unheaded closing paragraph
        "first_responsible": ("missing", None, None),  # only a passing mention of a 督察
        "next_year": ("partial", "text", "s6"),  # 下一步,我区将…
    },
    "003": {
        "measures": ("found", "heading", "s1"),
        "shortcomings": ("found", "heading", "s3"),
        "first_responsible": ("found", "heading", "s2"),
        "next_year": ("found", "heading", "s4"),  # 2025年度
    },
    "004": {
        "measures": ("found", "heading", "s1"),
        "shortcomings": ("found", "heading", "s3"),
        "first_responsible": ("found", "heading", "s2"),
        "next_year": ("found", "heading", "s4"),  # 2024年…工作思路
    },
}


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_parts_match_the_issue_table(prefix: str) -> None:
    _, parts = _seed(prefix)
    assert list(parts) == list(PART_IDS)
    assert _row(parts) == EXPECTED[prefix]
    assert parts["other"].status == "missing" and "可选" in parts["other"].note.render()


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_part_spans_and_notes(prefix: str) -> None:
    text, parts = _seed(prefix)
    for r in parts.values():
        assert r.note.render()
        if r.status != "missing":
            assert r.start is not None and r.end is not None and 0 <= r.start < r.end <= len(text)


def test_seed_002_closing_paragraph_is_split_between_shortcomings_and_next_year() -> None:
    text, parts = _seed("002")
    short, nxt, measures = parts["shortcomings"], parts["next_year"], parts["measures"]
    assert text[short.start : short.end].startswith("2020年我区法治政府建设工作取得了一定成绩,但还存在一些薄弱环节")
    assert text[short.start : short.end].endswith("创新工作思路。")
    assert text[nxt.start : nxt.end].startswith("下一步,我区将坚持以习近平法治思想为指导")
    assert measures.end == short.start and text[measures.start :].startswith("一、紧盯重点环节")


def test_seed_001_shortcomings_note_says_causes_are_missing() -> None:
    _, parts = _seed("001")
    assert "原因" in parts["shortcomings"].note.render()


def _report(*sections: str) -> str:
    return "某某县人民政府关于2023年度法治政府建设情况的报告\n" + "\n".join(sections) + "\n"


def test_order_and_wording_vary() -> None:
    text = _report(
        "一、党政主要负责人履行推进法治建设第一责任人职责情况",
        "县长带头学法。",
        "二、工作开展情况",
        "全年办理行政复议案件12件。",
        "三、短板和原因分析",
        "由于人员不足,执法能力有待提升。",
        "四、2024年工作打算",
        "继续推进。",
        "五、其他需要报告的情况",
        "无。",
    )
    assert _row(_parts(text)) == {
        "measures": ("found", "heading", "s2"),
        "shortcomings": ("found", "heading", "s3"),
        "first_responsible": ("found", "heading", "s1"),
        "next_year": ("found", "heading", "s4"),
    }
    assert _parts(text)["other"].status == "found"


def test_shortcomings_without_causes_is_partial_and_with_causes_in_text_found() -> None:
    no_cause = _report("一、主要举措和成效", "做了很多工作。", "二、存在的问题", "执法能力有待提升。")
    assert _parts(no_cause)["shortcomings"].status == "partial"
    cause = _report("一、主要举措和成效", "做了很多工作。", "二、存在的问题", "究其根源,在于培训不足。")
    assert _parts(cause)["shortcomings"].status == "found"


def test_next_year_that_never_names_the_year_is_partial() -> None:
    vague = _report("一、主要举措和成效", "做了很多工作。", "二、工作思路", "继续加强法治建设。")
    named = _report("一、主要举措和成效", "做了很多工作。", "二、工作思路", "2024年,我县将继续加强法治建设。")
    assert (_parts(vague)["next_year"].status, _parts(named)["next_year"].status) == ("partial", "found")


def test_passing_mention_does_not_make_a_part() -> None:
    text = _report(
        "一、主要举措和成效",
        "开展党政主要负责人履行推进法治建设第一责任人职责专项督察,针对存在的问题及时整改。",
        "二、加强执法监督",
        "全年开展执法检查15次。",
        "三、深化普法",
        "组织普法活动30场。",
        "四、推进政务公开",
        "主动公开信息120条。",
    )
    parts = _parts(text)
    assert parts["first_responsible"].status == "missing"
    assert parts["shortcomings"].status == "missing"
    assert parts["next_year"].status == "missing"


def test_first_responsible_under_a_sub_heading_is_nested() -> None:
    text = _report(
        "一、主要工作情况",
        "（一）加强组织领导,严格履行推进法治建设第一责任人职责",
        "书记带头学法。",
        "（二）依法决策",
        "决策合法性审查全覆盖。",
    )
    r = _parts(text)["first_responsible"]
    assert (r.status, r.how, r.section) == ("partial", "nested", "s1.1")


def test_plans_in_next_year_section_are_no_first_responsible_evidence() -> None:
    text = _report(
        "一、主要举措和成效",
        "全年办理行政复议案件12件。",
        "二、下一年度工作安排",
        "（一）以落实第一责任人职责为抓手",
        "2024年将落实述法制度,常务会议定期学法,主要负责人带头述职。",
    )
    assert _parts(text)["first_responsible"].status == "missing"


def test_one_heading_naming_two_parts_serves_both() -> None:
    text = _report("一、主要举措和成效", "做了很多工作。", "二、存在的问题及下一步打算")
    text += "由于培训不足。2024年将加强培训。\n"
    parts = _parts(text)
    assert (parts["shortcomings"].status, parts["shortcomings"].section) == ("found", "s2")
    assert (parts["next_year"].status, parts["next_year"].section) == ("found", "s2")


def test_topic_sections_after_the_measures_heading_extend_it() -> None:
    text = _report("一、2023年法治政府建设主要措施", "一、强化领导责任", "做了工作。", "二、深化普法")
    text += "三、存在的不足和原因\n由于人员不足,执法能力不强。\n"
    outline = build_outline(text)
    r = _parts(text)["measures"]
    assert (r.section, r.start, r.end) == ("s1", outline.sections[0].start, outline.sections[3].start)


def test_problem_words_in_a_headed_plan_are_not_unheaded_shortcomings() -> None:
    text = _report("一、主要举措和成效", "做了很多工作。", "二、2024年工作安排")
    text += "针对工作中仍有不足的问题,2024年将加强培训。\n"
    assert _parts(text)["shortcomings"].status == "missing"


def test_merged_closing_paragraph_under_the_only_heading() -> None:
    text = _report(
        "一、主要举措和成效",
        "全年办理行政复议案件12件,开展执法检查30次。",
        "一年来工作取得了成效,但也存在一些问题,主要是执法力量不足。下一步,我县将加强执法队伍建设。",
    )
    parts = _parts(text)
    assert (parts["shortcomings"].status, parts["shortcomings"].how) == ("partial", "text")
    assert (parts["next_year"].status, parts["next_year"].how) == ("partial", "text")
    short, nxt = parts["shortcomings"], parts["next_year"]
    assert text[short.start : short.end] == "一年来工作取得了成效,但也存在一些问题,主要是执法力量不足。"
    assert text[nxt.start : nxt.end] == "下一步,我县将加强执法队伍建设。"


def test_parts_as_sub_headings_of_a_generic_wrapper_are_headed() -> None:
    text = _report(
        "一、2023年法治政府建设情况",
        "（一）主要举措和成效",
        "全年办理行政复议案件12件。",
        "（二）存在的不足和原因",
        "由于人员不足,执法能力不强。",
        "（三）主要负责人履行推进法治建设第一责任人职责情况",
        "县长带头学法。",
        "二、2024年工作安排",
        "继续推进。",
    )
    assert _row(_parts(text)) == {
        "measures": ("found", "heading", "s1.1"),
        "shortcomings": ("found", "heading", "s1.2"),
        "first_responsible": ("found", "heading", "s1.3"),
        "next_year": ("found", "heading", "s2"),
    }


def test_a_topic_sub_heading_with_a_part_word_is_not_a_headed_part() -> None:
    text = _report("一、严格规范执法", "（一）补齐执法短板", "开展培训。", "（二）规范执法程序", "全年检查30次。")
    assert _parts(text)["shortcomings"].status == "missing"
    text = _report("一、严格规范执法", "（一）执法中存在的问题", "人员不足。", "（二）规范执法程序", "检查30次。")
    r = _parts(text)["shortcomings"]
    assert (r.status, r.how, r.section) == ("partial", "nested", "s1.1")
