"""Quality findings: exact hits on the seeds, and silence where the seeds' text is fine."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from reviewer.dedup import similarity
from reviewer.findings import (
    duplicate_paragraphs,
    find_findings,
    issuer_mismatch,
    signature_findings,
    year_mismatch,
)
from reviewer.findings_text import (
    closest_canonical,
    garbled_dates,
    misquoted_regulations,
    normalise_title,
    rate_changes_in_percent,
)
from reviewer.model import Finding, Outline, PartResult, ReportMeta
from tests.conftest import seed_path


def _text(prefix: str) -> str:
    return seed_path(prefix).read_text(encoding="utf-8")


def _meta(**kw: object) -> ReportMeta:
    base: dict[str, object] = {
        "title": None,
        "issuer": None,
        "level": "other",
        "report_year": None,
        "signed_date": None,
        "published_date": None,
    }
    base.update(kw)
    return ReportMeta(**base)  # type: ignore[arg-type]


def _spans(fs: list[Finding], kind: str) -> list[tuple[int, int]]:
    return [(f.start, f.end) for f in fs if f.kind == kind]


# ---- garbled dates ----


def test_seed000_garbled_ranges_and_lost_month() -> None:
    fs = garbled_dates(_text("000"))
    assert [(f.start, f.end) for f in fs] == [
        (218, 226),
        (5606, 5609),
        (5687, 5695),
        (5714, 5722),
        (6065, 6073),
        (6092, 6100),
    ]
    assert "2021—2025" in fs[0].message.render()
    assert "4月1日" in fs[1].message.render()


def test_seed002_document_number_without_closing_bracket() -> None:
    (f,) = garbled_dates(_text("002"))
    assert (f.start, f.end) == (311, 319)
    assert "〔2020〕18号" in f.message.render()


@pytest.mark.parametrize("prefix", ["001", "003", "004"])
def test_no_garbled_dates_where_dates_are_fine(prefix: str) -> None:
    assert garbled_dates(_text(prefix)) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [("津政发2021〕5号", "2021〕5号"), ("于2021年2月30日召开", "2021年2月30日"), ("2021年13月1日", "2021年13月1日")],
)
def test_other_broken_numbers(text: str, found: str) -> None:
    (f,) = garbled_dates(text)
    assert text[f.start : f.end] == found


def test_signature_span_is_left_to_meta() -> None:
    text = "正文（20212025年）。\n2022228\n"
    assert len(garbled_dates(text)) == 1
    assert garbled_dates(text, skip=[(0, len(text))]) == []


@pytest.mark.parametrize(
    "text",
    [
        "2021年12月31日",
        "（2021—2025年）",
        "近3年30日内",
        "2021年度",
        "《纲要(2021-2025年)》",
        "〔2020〕9号",
        "电话20212025",
        "2019年至2021年",
        "编号120212025年",  # eight digits inside a longer number
        "案号〔2021〕5号",
        "12021年2月30日",  # part of a longer number, not a date
        "近3年41日",  # 年 ends a duration, not a year
    ],
)
def test_well_formed_dates_are_not_garbled(text: str) -> None:
    assert garbled_dates(text) == []


@pytest.mark.parametrize(("text", "found"), [("每年41日前", "41日"), ("报告2022年31日", "31日"), ("41日", None)])
def test_lost_month_after_a_year_or_a_year_word(text: str, found: str | None) -> None:
    fs = garbled_dates(text)
    assert [text[f.start : f.end] for f in fs] == ([found] if found else [])


# ---- regulation titles ----


def test_seed004_misquotes_the_first_responsible_rule_once() -> None:
    (f,) = misquoted_regulations(_text("004"))
    assert (f.start, f.end) == (515, 543)
    assert "《党政主要负责人履行推进法治建设第一责任人职责规定》" in f.message.render()


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_no_misquotes_on_seeds_quoting_correctly(prefix: str) -> None:
    assert misquoted_regulations(_text(prefix)) == []


@pytest.mark.parametrize(
    ("cited", "expected"),
    [
        ("法治政府建设实施纲要(2021-2025年)", None),  # dash and bracket variants
        ("法治政府建设实施纲要（2021—2025）", None),  # 年 dropped in the range
        ("法治政府建设实施纲要", None),  # short form
        ("行政复议法", None),  # 中华人民共和国 omitted
        ("天津市法治政府建设实施纲要(2021-2025年)", None),  # a local document
        ("党政主要负责人履行推进法治建设第一责任人职责实施办法", None),  # another document type
        ("法治政府建设实施纲要（2020—2025年）", "法治政府建设实施纲要（2021—2025年）"),
        ("重大行政决策程序暂定条例", "重大行政决策程序暂行条例"),
    ],
)
def test_closest_canonical(cited: str, expected: str | None) -> None:
    canon = [
        "法治政府建设实施纲要（2021—2025年）",
        "党政主要负责人履行推进法治建设第一责任人职责规定",
        "中华人民共和国行政复议法",
        "重大行政决策程序暂行条例",
    ]
    assert closest_canonical(cited, canon) == expected


def test_normalise_title_folds_brackets_and_dashes() -> None:
    assert normalise_title("法治政府建设实施纲要（2021—2025年）") == normalise_title(
        "法治政府建设实施纲要(2021-2025年)"
    )


# ---- rates ----


def test_seed001_rate_change_in_percent_is_info() -> None:
    (f,) = rate_changes_in_percent(_text("001"))
    assert f.severity == "info"
    assert f.end == 4150 + len("出庭应诉率99.19%,同比上升0.55%")
    # quoted from its clause's start: the quote began inside a word, 责人出庭应诉率 (found by a helper session)
    assert _text("001")[f.start : f.end] == "2021年度全市行政诉讼案件行政机关负责人出庭应诉率99.19%,同比上升0.55%"


@pytest.mark.parametrize(
    "text", ["收案120件，同比上升5.5%。", "出庭应诉率上升0.5个百分点", "纠错率为10%，同比上升2个百分点"]
)
def test_counts_and_points_are_fine(text: str) -> None:
    assert rate_changes_in_percent(text) == []


@pytest.mark.parametrize("prefix", ["000", "002", "003", "004"])
def test_no_rate_findings_on_other_seeds(prefix: str) -> None:
    assert rate_changes_in_percent(_text(prefix)) == []


# ---- duplicates ----


def test_seed004_repeated_paragraph_under_two_headings() -> None:
    (f,) = duplicate_paragraphs(_text("004"))
    assert f.kind == "duplicate_paragraph"
    assert f.start == 1667
    assert "第 10 行" in f.message.render()
    assert "积极配合区政府创新" in f.message.render()


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_no_duplicate_paragraphs_on_other_seeds(prefix: str) -> None:
    assert duplicate_paragraphs(_text(prefix)) == []


def test_signature_lines_that_are_not_units_are_ignored() -> None:
    sig = "特此报告。\n某区人民政府（盖章）\n某区人民政府\n2022年3月1日"
    text = "某区人民政府关于2021年度法治政府建设情况的报告\n正文。\n" + sig
    s = text.index(sig)
    meta = _meta(title=text.split("\n")[0], issuer="某区人民政府", signature_span=(s, len(text)))
    assert issuer_mismatch(text, meta) == []


def test_short_repeats_are_not_duplicates() -> None:
    assert duplicate_paragraphs("一、主要举措和成效\n正文。\n一、主要举措和成效\n") == []


# ---- unit, year, signature, publication ----

SEED004_SIG = "重庆市渝北区大盛镇镇人民政府\n2024年1月17日"


def test_seed004_doubled_town_in_signature_is_a_issuer_mismatch() -> None:
    text = _text("004")
    s = text.index(SEED004_SIG)
    meta = _meta(
        title="重庆市渝北区大盛镇人民政府关于2023年度法治政府建设情况的报告",
        issuer="重庆市渝北区大盛镇人民政府",
        signature_span=(s, s + len(SEED004_SIG)),
    )
    (f,) = issuer_mismatch(text, meta)
    assert (f.start, f.end) == (6925, 6925 + len("重庆市渝北区大盛镇镇人民政府"))
    assert "重庆市渝北区大盛镇镇人民政府" in f.message.render()


def test_seed001_joint_signature_matches_its_title() -> None:
    text = _text("001")
    sig = "中共泰州市委\xa0\xa0\xa0\xa0\xa0\xa0 泰州市人民政府\n\n2022年2月13日"
    s = text.index(sig)
    meta = _meta(
        title="中共泰州市委 泰州市人民政府关于2021年度法治政府建设工作的报告",
        issuer="中共泰州市委 泰州市人民政府",
        signature_span=(s, s + len(sig)),
    )
    assert issuer_mismatch(text, meta) == []


@pytest.mark.parametrize(
    ("unit", "signature"),
    [
        ("津南区人民政府", "天津市津南区人民政府"),
        ("泰州市司法局", "泰州市司法局"),
        ("大盛镇人民政府", "重庆市渝北区大盛镇人民政府"),
    ],
)
def test_longer_or_shorter_forms_of_the_same_unit_match(unit: str, signature: str) -> None:
    text = f"{unit}关于2023年度法治政府建设情况的报告\n正文。\n{signature}\n2024年1月1日"
    s = text.index(signature, len(unit))
    meta = _meta(title=text.split("\n")[0], issuer=unit, signature_span=(s, len(text)))
    assert issuer_mismatch(text, meta) == []


def _part(text: str, needle: str) -> PartResult:
    s = text.index(needle)
    return PartResult("found", "heading", "s3", s, len(text), "")


def test_plan_for_the_wrong_year() -> None:
    text = "2021年工作很多。2021年又做了。\n三、2021年工作打算\n继续努力。"
    fs = year_mismatch(text, _meta(report_year=2021), {"next_year": _part(text, "三、")})
    assert [f.kind for f in fs] == ["year_mismatch"]
    assert "应为 2022 年" in fs[0].message.render()
    assert (
        year_mismatch(text.replace("三、2021", "三、2022"), _meta(report_year=2021), {"next_year": _part(text, "三、")})
        == []
    )


def test_title_year_never_in_body() -> None:
    text = "2022年开展。2022年推进。2022年完成。"
    (f,) = year_mismatch(text, _meta(report_year=2021, title_span=(0, 5)), {})
    assert (f.start, f.end) == (0, 5)
    assert year_mismatch(text, _meta(report_year=2022), {}) == []


def test_signature_and_publication() -> None:
    text = "标题\n发布时间：2022-04-15\n正文"
    fs = signature_findings(text, _meta(report_year=2021, published_date="2022-04-15"))
    assert sorted(f.kind for f in fs) == ["late_publication", "missing_date", "missing_signature"]
    late = next(f for f in fs if f.kind == "late_publication")
    assert text[late.start : late.end] == "2022-04-15"
    text = "某区人民政府\n发布时间：2022-04-15\n正文\n某区人民政府\n2022年3月1日"
    sig = (text.rindex("某区"), len(text))
    ok = _meta(report_year=2021, published_date="2022-04-01", signed_date="2022-03-01", signature_span=sig)
    assert signature_findings(text, ok) == []


def test_missing_date_not_repeated_when_meta_flagged_a_garbled_one() -> None:
    garbled = Finding("garbled_date", "warning", "落款日期缺损", 0, 7)
    meta = _meta(signature_span=(0, 7), findings=(garbled,))
    assert [f.kind for f in signature_findings("2022228", meta)] == ["missing_signature"]
    text = "某区人民政府\n2022228"
    meta = _meta(signature_span=(0, len(text)), findings=(garbled,))
    assert signature_findings(text, meta) == []


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="年月日〔〕《》（）()—-0123456789法治政府建设率同比上升%。\n重复段落一二三四五", max_size=300))
def test_findings_spans_lie_in_the_text(text: str) -> None:
    parts = {"next_year": PartResult("found", "heading", None, 0, len(text), "")}
    meta = _meta(report_year=2021, title="x", signature_span=(0, len(text)) if text else None)
    for f in find_findings(text, Outline((), ()), meta, parts, ()):
        assert 0 <= f.start <= f.end <= len(text)
        assert f.message.render()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("依照《法治政府建设与责任落实督查工作规定》要求", "法治政府建设与责任落实督察工作规定"),
        ("落实《党政主要负责人推进法治建设第一责任人职责规定》", "党政主要负责人履行推进法治建设第一责任人职责规定"),
        ("贯彻《信访条例》和《信访工作条例》", None),
        ("学习《中华人民共和国行政复议法》《行政复议法实施条例》", None),
        ("《法治中国建设规划(2020-2025年)》", None),
    ],
)
def test_misquotes_against_the_bundled_list(text: str, expected: str | None) -> None:
    fs = misquoted_regulations(text)
    named = [m.group(1) for f in fs if (m := re.search(r"规范名称《(.+)》不一致", f.message.render()))]
    assert named == ([expected] if expected else [])


_HANZI = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=40, max_size=80)


@settings(max_examples=40, deadline=None)
@given(
    paras=st.lists(_HANZI, min_size=2, max_size=8, unique=True),
    pick=st.integers(0, 7),
    tail=st.text("。，", max_size=3),
)
def test_a_copied_paragraph_is_found_exactly_once(paras: list[str], pick: int, tail: str) -> None:
    assume(all(similarity(a, b) < 0.3 for i, a in enumerate(paras) for b in paras[i + 1 :]))
    copy = paras[pick % len(paras)]
    text = "\n".join([*paras, copy + tail])
    fs = duplicate_paragraphs(text)
    assert [(f.start, f.end) for f in fs] == [(len(text) - len(copy + tail), len(text))]
