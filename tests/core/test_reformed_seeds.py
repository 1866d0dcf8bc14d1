"""Issue 17 development cases: the seeds re-formed the way other reports are written.

Each test rewrites one real seed (reworded headings without the usual keywords, a merged closing
paragraph, reordered parts, other page metadata) and states the exact result. The held-out
counterparts are in test_unseen_heldout.py.
"""

from __future__ import annotations

import re

from reviewer.meta import extract_meta
from reviewer.model import PART_IDS, PartResult, ReportMeta
from reviewer.outline import build_outline
from reviewer.parts import find_parts
from tests.conftest import seed_path


def _seed(prefix: str) -> str:
    return seed_path(prefix).read_text(encoding="utf-8")


def _analyse(text: str) -> tuple[ReportMeta, dict[str, PartResult]]:
    outline = build_outline(text)
    meta = extract_meta(text, outline)
    return meta, find_parts(text, outline, meta)


def _row(parts: dict[str, PartResult]) -> dict[str, tuple[str, str | None, str | None]]:
    return {p: (parts[p].status, parts[p].how, parts[p].section) for p in PART_IDS if p != "other"}


def _replace_line(text: str, start: str, new: str) -> str:
    """``text`` with the one line that starts with ``start`` replaced by ``new``."""
    pattern = re.compile("^" + re.escape(start) + ".*$", re.M)
    assert len(pattern.findall(text)) == 1, start
    return pattern.sub(new, text)


def test_first_responsible_heading_without_its_keyword() -> None:
    new = "三、主要领导履行法治建设职责、带头尊法学法守法用法情况"
    text = _replace_line(_seed("000"), "三、履行推进法治建设第一责任人", new)
    _, parts = _analyse(text)
    assert _row(parts)["first_responsible"] == ("found", "heading", "s3")


def test_first_responsible_named_by_the_leaders() -> None:
    new = "二、街道党工委书记、办事处主任抓法治建设情况"
    text = _replace_line(_seed("003"), "二、履行推进法治建设第一责任人职责情况", new)
    _, parts = _analyse(text)
    assert _row(parts)["first_responsible"] == ("found", "heading", "s2")


def test_reworded_shortcomings_and_plan_headings() -> None:
    text = _replace_line(_seed("003"), "三、存在的不足和原因", "三、需要改进的地方")
    text = _replace_line(text, "四、2025年度主要工作安排", "四、下步打算")
    _, parts = _analyse(text)
    assert _row(parts) == {
        "measures": ("found", "heading", "s1"),
        "shortcomings": ("partial", "heading", "s3"),  # 原因 was only in the old heading
        "first_responsible": ("found", "heading", "s2"),
        "next_year": ("found", "heading", "s4"),  # 下步 names the coming year as 下一步 does
    }


def test_reordered_parts_keep_their_sections() -> None:
    text = _seed("004")
    lines = text.split("\n")
    heads = [i for i, ln in enumerate(lines) if re.match(r"^\s*[一二三四]、", ln)]
    blocks = [lines[a:b] for a, b in zip(heads, [*heads[1:], len(lines)], strict=True)]
    # 一 measures, 二 first_responsible, 三 shortcomings, 四 next_year → plan before problems
    order = [blocks[0], blocks[3], blocks[1], blocks[2]]
    for numeral, block in zip("一二三四", order, strict=True):
        block[0] = numeral + block[0].lstrip()[1:]
    reordered = lines[: heads[0]] + [ln for b in order for ln in b]
    _, parts = _analyse("\n".join(reordered))
    assert _row(parts) == {
        "measures": ("found", "heading", "s1"),
        "shortcomings": ("found", "heading", "s4"),
        "first_responsible": ("found", "heading", "s3"),
        "next_year": ("found", "heading", "s2"),
    }


def _merged_003() -> str:
    """Seed 003 with its 不足 and 安排 sections merged into one unheaded paragraph after section 二."""
    text = _seed("003")
    short = re.search(r"^三、存在的不足和原因\n(.*)$", text, re.M)
    assert short is not None
    cut = text.index("三、存在的不足和原因")
    plan = "2025年，我们将持续强化法治思维建设，深化法治宣传教育，提升行政执法水平。"
    return text[:cut] + short.group(1) + plan + "\n"


def test_shortcomings_and_plan_in_one_closing_paragraph_of_the_last_section() -> None:
    text = _merged_003()
    _, parts = _analyse(text)
    assert _row(parts) == {
        "measures": ("found", "heading", "s1"),
        "shortcomings": ("partial", "text", "s2"),
        "first_responsible": ("found", "heading", "s2"),
        "next_year": ("partial", "text", "s2"),
    }
    short, plan = parts["shortcomings"], parts["next_year"]
    assert text[short.start : short.end].startswith("2024年,塘沽街道在推进法治政府建设方面取得了一定的成效")
    assert text[plan.start : plan.end] == "2025年，我们将持续强化法治思维建设，深化法治宣传教育，提升行政执法水平。"
    assert short.end == plan.start


def test_plan_opening_with_the_future_tense_and_no_year() -> None:
    text = _seed("002").replace("下一步,我区将坚持", "我们将坚持")
    _, parts = _analyse(text)
    plan = parts["next_year"]
    assert (plan.status, plan.how) == ("partial", "text")
    assert text[plan.start : plan.end].startswith("我们将坚持以习近平法治思想为指导")


def test_seed_with_the_disclosure_template_header() -> None:
    text = _seed("001")
    header = "信息来源:市司法局 发布日期:2022-02-15 15:49 浏览次数:"
    template = (
        "- [ 索引号 ] 014107549/2022-00031\n- [ 发布机构 ] 泰州市司法局\n"
        "- [ 成文日期 ] 2022-02-13\n- [ 发布日期 ] 2022-02-15"
    )
    meta, _ = _analyse(text.replace(header, template))
    assert (meta.issuer, meta.level, meta.report_year) == ("中共泰州市委 泰州市人民政府", "city", 2021)
    assert (meta.signed_date, meta.published_date) == ("2022-02-13", "2022-02-15")


def test_seed_without_title_takes_the_unit_from_its_signature() -> None:
    text = _seed("004").split("\n", 3)[3]  # without the page title and the two-line document title
    assert text.startswith("按照有关规定,现将我镇2023年")
    meta, _ = _analyse(text)
    got = (meta.title, meta.issuer, meta.level, meta.report_year)
    assert got == (None, "重庆市渝北区大盛镇镇人民政府", "town", 2023)


def test_one_weak_word_names_no_part() -> None:
    text = _replace_line(_seed("000"), "三、履行推进法治建设第一责任人", "三、推动领导干部带头尊法学法守法用法")
    _, parts = _analyse(text)
    assert parts["first_responsible"].status != "found" or parts["first_responsible"].section != "s3"
    text = _seed("002").replace("六、强化权力监督,健全完善权力制约机制", "六、补齐监督短板,健全制约机制")
    _, parts = _analyse(text)
    assert _row(parts)["shortcomings"] == ("partial", "text", "s6")  # still the closing paragraph
    assert _row(parts)["next_year"] == ("partial", "text", "s6")
