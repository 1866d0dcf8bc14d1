"""Values as a reviewer reads them: local times, rates as percentages, the reviewers' names."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from reviewer.analyze import analyze_document
from reviewer.checklist import load_checklist
from reviewer.export import ExportInfo, export
from reviewer.export_rows import as_percent, local_time
from reviewer.load import load
from reviewer.model import Analysis, ItemDecision, ReportVerdict
from reviewer.xlsx import Formatted
from tests.conftest import SEED_FILES


@pytest.fixture(scope="module")
def seed_analyses() -> list[Analysis]:
    checklist = load_checklist()
    return [analyze_document(load(p), checklist) for p in SEED_FILES]


@pytest.fixture
def in_shanghai(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("in_shanghai")
def test_local_time() -> None:
    assert local_time("2026-11-30T01:12:05+00:00") == datetime(2026, 11, 30, 9, 12, 5)
    assert local_time("2026-11-30T09:12:00+08:00") == datetime(2026, 11, 30, 9, 12)
    assert local_time("2026-11-30T09:12:00") == datetime(2026, 11, 30, 9, 12)  # no zone: local already
    assert local_time("") is None and local_time("昨天") == "昨天"


def test_rates_are_fractions_with_the_written_decimals() -> None:
    assert as_percent(100) == Formatted(1.0, "0%")
    assert as_percent(98.5) == Formatted(0.985, "0.0%")
    assert as_percent(99.19) == Formatted(0.9919, "0.00%")
    assert as_percent(12.34567) == Formatted(0.123457, "0.0000%")


@pytest.mark.usefixtures("in_shanghai")
def test_times_and_reviewers_in_the_workbook(seed_analyses: list[Analysis], tmp_path: Path) -> None:
    a = seed_analyses[1]  # 泰州
    decisions = {a.sha256: {
        "measures": ItemDecision(a.sha256, "measures", "符合", "", "王审", "2026-11-30T01:12:05+00:00"),
        "first_responsible": ItemDecision(a.sha256, "first_responsible", "不符合", "未单列", "李审",
                                          "2026-11-30T03:40:00+00:00"),
        "not_in_checklist": ItemDecision(a.sha256, "not_in_checklist", "符合", "", "赵审", "2026-12-01T00:00:00+00:00"),
    }}
    # The verdict is the last change, made before a name was set: the names still show.
    verdicts = {a.sha256: ReportVerdict(a.sha256, "需修改", "请补充", "", "2026-11-30T04:00:00+00:00")}
    wb = openpyxl.load_workbook(export(seed_analyses, tmp_path / "r.xlsx", decisions=decisions, verdicts=verdicts))
    summary = wb["汇总"]
    assert [summary.cell(row=4, column=c).value for c in (2, 12, 13, 14)] == [
        "中共泰州市委 泰州市人民政府", "需修改", "请补充", "李审、王审"]
    reviewed = summary["O4"]
    assert reviewed.value == datetime(2026, 11, 30, 12, 0) and reviewed.number_format == "yyyy-mm-dd hh:mm"
    assert summary["O3"].value is None  # 津南: nobody has touched it
    detail = wb["核查明细"]
    head = [c.value for c in detail[1]]
    mine = [r for r in detail.iter_rows(min_row=2) if r[1].value == "001_793e806449148c2a.txt"
            and r[3].value == "主要举措和成效"]
    assert len(mine) == 1
    when = mine[0][head.index("审阅时间")]
    assert mine[0][head.index("审阅人")].value == "王审"
    assert when.value == datetime(2026, 11, 30, 9, 12, 5) and when.number_format == "yyyy-mm-dd hh:mm"


def test_percentages_are_numbers_not_text(seed_analyses: list[Analysis], tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(export(seed_analyses, tmp_path / "r.xlsx"))
    figures = [r for r in wb["数据指标"].iter_rows(min_row=2) if r[1].value == "001_793e806449148c2a.txt"]
    rate = next(r for r in figures if r[4].value == "99.99%")
    assert (rate[5].value, rate[5].number_format, rate[6].value) == (0.9999, "0.00%", "%")
    whole = next(r for r in figures if r[4].value == "80%")
    assert (whole[5].value, whole[5].number_format) == (0.8, "0%")
    compare = wb["指标对比"]
    head = [c.value for c in compare[1]]
    col = head.index("出庭应诉率（%）")
    taizhou, jinnan = compare[3][col], compare[2][col]
    assert (taizhou.value, taizhou.number_format) == (0.9919, "0.00%")
    assert (jinnan.value, jinnan.number_format) == (1, "0%")
    score = wb["汇总"]["G3"]
    assert isinstance(score.value, float) and score.number_format == "0%"


def test_a_figures_qualifier_is_said_in_the_workbooks_language(seed_analyses: list[Analysis], tmp_path: Path) -> None:
    """近6000件 is “nearly” 6000 in an English workbook, not 近 (found by a tester)."""
    def qualifiers(path: Path, sheet: str) -> dict[str, str]:
        rows = openpyxl.load_workbook(path)[sheet].iter_rows(min_row=2, values_only=True)
        return {str(r[4]): str(r[7]) for r in rows if r[1] == "001_793e806449148c2a.txt"}

    zh = qualifiers(export(seed_analyses, tmp_path / "zh.xlsx"), "数据指标")
    en = qualifiers(export(seed_analyses, tmp_path / "en.xlsx", info=ExportInfo(lang="en")), "Figures")
    assert [zh[t] for t in ("超过3.5万人", "近6000件", "2000余路", "40多家")] == ["超", "近", "余", "多"]
    assert [en[t] for t in ("超过3.5万人", "近6000件", "2000余路", "40多家")] == ["over", "nearly", "more than",
                                                                              "more than"]
