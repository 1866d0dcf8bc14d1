"""Which reports the reviewer may pair a report with as last year's, and in what order
(``pairing.pairing_candidates`` over ``pairing.pairing_pool``). The rule lived in the window's 往年 tab;
pinned here on the real seeds and copies of them under other years and names."""

from __future__ import annotations

from dataclasses import replace

from reviewer.analyze import analyze_document
from reviewer.load import load
from reviewer.model import Analysis
from reviewer.pairing import pairing_candidates, pairing_pool
from tests.conftest import seed_path

# 津南区 2021, 泰州市 2021, 庐阳区 2020, 塘沽街道 2024, 大盛镇 2023
S000, S001, S002, S003, S004 = (analyze_document(load(seed_path(p))) for p in ("000", "001", "002", "003", "004"))


def _as(a: Analysis, tag: str, year: int | None, issuer: str | None = None) -> Analysis:
    meta = replace(a.meta, report_year=year, issuer=issuer if issuer is not None else a.meta.issuer)
    return replace(a, sha256=tag * 64, meta=meta)


def _names(found: list[Analysis]) -> list[str]:
    names = {S000.sha256: "000", S001.sha256: "001", S002.sha256: "002", S003.sha256: "003", S004.sha256: "004"}
    return [names.get(a.sha256, a.sha256[:1]) for a in found]


def test_among_the_seeds_the_year_before_comes_first_then_earlier_years_in_pool_order() -> None:
    pool = [S000, S001, S002, S003, S004]
    assert _names(pairing_candidates(S003, pool)) == ["004", "000", "001", "002"]
    assert _names(pairing_candidates(S000, pool)) == ["002"]  # 泰州 2021: same year, another unit
    assert pairing_candidates(S002, pool) == []  # the earliest seed: nothing earlier


def test_the_same_unit_comes_before_other_units_and_a_later_year_of_it_comes_last() -> None:
    pool = [
        _as(S003, "a", 2024),  # the same unit, the same year: perhaps a misread year
        S000,
        _as(S003, "b", 2022, "塘沽街道办事处"),  # the unit under its longer name, two years before
        _as(S004, "c", 2025),  # another unit, later: never offered
        _as(S003, "d", 2023),  # the same unit, the year before
        S004,
        _as(S000, "e", None),  # no year read: may be any year
    ]
    assert _names(pairing_candidates(S003, pool)) == ["d", "004", "b", "000", "e", "a"]


def test_the_pool_is_the_project_then_the_library_reports_not_in_it() -> None:
    library = [_as(S001, "x", 2020), S001, S003]
    assert _names(pairing_pool([S000, S001], library)) == ["000", "001", "x", "003"]
