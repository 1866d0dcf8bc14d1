"""Pairing reports with last year's by issuing unit; jumps in figures worth a finding."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reviewer.figure_pairs import jump_kind
from reviewer.model import Metric
from reviewer.pairing import pair_reports, unit_key
from tests.ui.sample import make_analysis


@pytest.mark.parametrize(("issuer", "key"), [
    ("中共泰州市委 泰州市人民政府", "泰州市"),
    ("泰州市人民政府", "泰州市"),
    ("泰州市政府", "泰州市"),
    ("中共泰州市委", "泰州市"),
    ("中共某某区委 某某区人民政府", "某某区"),
    ("某某区人民政府", "某某区"),
    ("某某区政府", "某某区"),
    ("塘沽街道", "塘沽街道"),
    ("塘沽街道办事处", "塘沽街道"),
    ("重庆市渝北区大盛镇人民政府", "重庆市渝北区大盛镇"),
    ("大盛镇镇人民政府", "大盛镇"),  # a doubled 镇 is a slip, not another town
    ("南京市江宁区市场监督管理局", "南京市江宁区市场监督管理局"),  # a department keeps its name
    ("某某区卫健委", "某某区卫健委"),  # 委 of a department is not a party committee
    ("泰州市（海陵区）人民政府", "泰州市(海陵区)"),
    ("", None),
    (None, None),
])
def test_unit_key(issuer: str | None, key: str | None) -> None:
    assert unit_key(issuer) == key


def _report(sha: str, issuer: str, year: int):  # type: ignore[no-untyped-def]
    return make_analysis(sha * 64, issuer, year)


def test_the_same_unit_a_year_earlier_whatever_its_name() -> None:
    now = _report("a", "中共某某区委 某某区人民政府", 2024)
    last = _report("b", "某某区政府", 2023)
    older = _report("c", "某某区人民政府", 2022)
    other = _report("d", "另一区人民政府", 2023)
    pairs = pair_reports([now, last, older, other], [now, last, older, other])
    assert {k[0]: (v.previous[0], v.paired_by, v.candidates) for k, v in pairs.items()} == {
        "a": ("b", "auto", 1), "b": ("c", "auto", 1)}


def test_a_city_left_out_one_year_still_pairs_but_not_when_two_fit() -> None:
    now = _report("a", "重庆市渝北区大盛镇人民政府", 2024)
    last = _report("b", "大盛镇人民政府", 2023)
    assert pair_reports([now], [now, last])["a" * 64].previous == "b" * 64
    twin = _report("c", "重庆市綦江区大盛镇人民政府", 2024)
    # 大盛镇 of 2023 ends both names of 2024: each still finds it (it is the only 大盛镇 of 2023) ...
    assert set(pair_reports([now, twin], [now, twin, last])) == {"a" * 64, "c" * 64}
    # ... but a 大盛镇 of 2024 with two towns of that name in 2023 is left to the reviewer
    assert pair_reports([a_year_later(last)], [now, twin]) == {}


def a_year_later(a):  # type: ignore[no-untyped-def]
    return replace(a, sha256="e" * 64, meta=replace(a.meta, report_year=2025))


def test_several_of_last_year_the_first_is_taken_and_counted() -> None:
    now = _report("a", "某某区人民政府", 2024)
    first, second = _report("b", "某某区人民政府", 2023), _report("c", "某某区政府", 2023)
    p = pair_reports([now], [now, first, second])["a" * 64]
    assert (p.previous, p.candidates) == ("b" * 64, 2)


def test_the_reviewers_correction_wins() -> None:
    now, last = _report("a", "某某区人民政府", 2024), _report("b", "某某区政府", 2023)
    other = _report("c", "别区", 2019)
    pool = [now, last, other]
    assert pair_reports([now], pool, {"a" * 64: "c" * 64})["a" * 64].paired_by == "reviewer"
    assert pair_reports([now], pool, {"a" * 64: "c" * 64})["a" * 64].previous == "c" * 64
    assert pair_reports([now], pool, {"a" * 64: ""}) == {}  # not to be compared
    gone = pair_reports([now], pool, {"a" * 64: "f" * 64})["a" * 64]  # no longer there: paired as usual
    assert (gone.previous, gone.paired_by) == ("b" * 64, "auto")


def test_no_year_or_no_unit_no_pairing() -> None:
    a = _report("a", "某某区人民政府", 2024)
    no_year = replace(a, meta=replace(a.meta, report_year=None))
    assert pair_reports([no_year], [no_year, _report("b", "某某区人民政府", 2023)]) == {}


def _metric(value: float, measure: str = "件", context: str = "全年办理案件") -> Metric:
    return Metric(f"{value:g}{measure}", value, measure, None, "行政复议", None, 0, 1, context)


@pytest.mark.parametrize(("cur", "prev", "lead", "context", "kind"), [
    (2725, 272, "累计办理", "累计办理2725件。", "up"),
    (27, 272, "累计办理", "累计办理27件。", "down"),
    (28, 272, "累计办理", "累计办理28件。", None),  # not quite a tenth
    (2725, 272, "累计办理", "累计办理2725件，同比增长10倍。", None),  # the report says so itself
    (2725, 0, "累计办理", "累计办理2725件。", None),  # nothing last year: no ratio
    (27, 272, "累计办理", "累计办理27件，较上年减少245件。", None),  # said in the next clause
    (27, 272, "累计办理", "累计办理27件，下降90%。", None),
    (27, 272, "办理", "宣传力度不断提高，办理27件。", "down"),  # a word of change about something else …
    (27, 272, "累计办理", "累计办理27件，增加了“安全阀”。", "down"),  # … before or after the figure
    (27, 272, "累计办理", "累计办理下降到27件。", None),  # in the figure's own clause
    (27, 272, "累计办理", "累计办理27件，与上年相比大幅减少。", None),  # a comparison, in other words
    (27, 272, "累计办理", "累计办理27件，较2022年明显下降。", None),
    (27, 272, "累计办理", "累计办理27件，执法人员增加2名。", None),  # a quantity of change in the next clause
    (27, 272, "累计办理", "累计办理27件，增加一线执法力量。", "down"),  # 一线 is no quantity
    (27, 272, "累计办理", "累计办理27件，安全隐患整改率达100%，执法人员增加2名。", "down"),  # two clauses on
])
def test_jumps(cur: float, prev: float, lead: str, context: str, kind: str | None) -> None:
    assert jump_kind(_metric(cur, context=context), lead, _metric(prev)) == kind


def test_a_rate_over_100_percent_is_a_jump_whatever_last_year() -> None:
    assert jump_kind(_metric(120, "%"), "出庭应诉率达到", _metric(98, "%")) == "over_100"
    assert jump_kind(_metric(120, "%"), "收案量增长率", _metric(98, "%")) is None  # growth may exceed 100 %
