"""The Excel export: read the workbook back and check exact cells."""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from reviewer import export as export_mod
from reviewer.export import ExportError, export, review_from_store, text_width
from reviewer.export_sheets import (
    DETAIL_HEADERS,
    FINDING_HEADERS,
    METRIC_HEADERS,
    SUMMARY_HEADERS,
    ReviewData,
)
from reviewer.model import Analysis, CheckResult, Evidence, Finding, Metric, PartResult, ReportMeta, Section
from reviewer.safe_cell import clean_text
from reviewer.store import open_store

HOSTILE = ['=HYPERLINK("http://x","点我")', "+1", "-1", "@SUM(A1:A9)", "\t=1+1", "\r=1+1", "＝1+1", "=1+1"]


def make_analysis(sha: str = "a" * 64, unit: str | None = "某县人民政府", text: str = "", n_metrics: int = 2,
                  hostile: str = "") -> Analysis:
    body = text or ("一、主要举措和成效\n全年办理行政复议案件59件，出庭应诉率100%。\n" + hostile + "\n")
    sec = Section("s1", 1, "一", "一、主要举措和成效", "主要举措和成效", 0, len(body))
    metrics = tuple(
        Metric(hostile or "59件", 59.0 + i, hostile or "件", hostile or None, hostile or "行政复议", "s1", 0, 3,
               hostile or "全年办理行政复议案件59件") for i in range(n_metrics))
    parts = {p: PartResult("found", "heading", "s1", 0, 5, "") for p in ("measures", "next_year")}
    parts["shortcomings"] = PartResult("partial", "text", None, 0, 5, "")
    parts["first_responsible"] = PartResult("missing", None, None, None, None, "")
    checklist = (
        CheckResult("measures", "required_part", "主要举措和成效", "found", (Evidence("s1", 0, 9),), hostile),
        CheckResult("first_responsible", "required_part", "第一责任人职责", "missing", (), "未找到"),
        CheckResult("form_title", "form", "标题", "partial", (), ""),
    )
    findings = (Finding("duplicate_paragraph", "warning", hostile or "重复", 0, 9),)
    meta = ReportMeta("某县2021年法治政府建设情况报告", unit, "county", 2021, None, None)
    return Analysis(f"/r/{sha[:4]}.txt", sha, "utf-8", "txt", meta, (sec,), (), parts, metrics, checklist, findings,
                    body)


def test_hostile_text_never_becomes_a_formula(tmp_path: Path) -> None:
    analyses = [make_analysis(sha=str(i) * 64, unit=h, hostile=h) for i, h in enumerate(HOSTILE)]
    out = export(analyses, None, tmp_path / "r.xlsx")
    wb = load_workbook(out)
    seen = 0
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value in HOSTILE or (isinstance(cell.value, str) and cell.value.startswith(("=", "+", "@"))):
                    assert cell.data_type == "s", (ws.title, cell.coordinate, cell.value)
                    seen += 1
    assert seen > 50
    summary = wb["汇总"]
    assert [summary.cell(r, 2).value for r in range(2, 10)] == HOSTILE
    assert all(summary.cell(r, 2).data_type == "s" for r in range(2, 10))
    assert summary.cell(2, 2).quotePrefix is True
    metrics = wb["数据指标"]
    assert metrics.cell(2, 6).value == HOSTILE[0] and metrics.cell(2, 6).data_type == "s"
    issues = wb["问题清单"]
    assert [issues.cell(r, 6).value for r in range(2, 10)] == HOSTILE


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=5))
def test_any_text_reads_back_as_the_same_string(tmp_path: Path, texts: list[str]) -> None:
    analyses = [make_analysis(sha=f"{i:064d}", unit=t) for i, t in enumerate(texts)]
    ws = load_workbook(export(analyses, None, tmp_path / "p.xlsx"))["汇总"]
    for r, t in enumerate(texts, start=2):
        cell = ws.cell(r, 2)
        expected = clean_text(t)
        assert cell.data_type == "s" or (cell.value is None and expected == "")
        assert (cell.value or "").replace("\r\n", "\n").replace("\r", "\n") == expected.replace("\r\n", "\n").replace(
            "\r", "\n")


def test_sheets_headers_and_layout(tmp_path: Path) -> None:
    wb = load_workbook(export([make_analysis()], None, tmp_path / "r.xlsx"))
    assert wb.sheetnames == ["汇总", "核查矩阵", "核查明细", "数据指标", "指标对比", "问题清单"]
    for name, headers in (("汇总", SUMMARY_HEADERS), ("核查明细", DETAIL_HEADERS), ("数据指标", METRIC_HEADERS),
                          ("问题清单", FINDING_HEADERS)):
        ws = wb[name]
        assert tuple(c.value for c in ws[1]) == headers
        assert ws.freeze_panes == "C2"
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, len(headers)).column_letter}{ws.max_row}"
        assert ws.print_title_rows == "$1:$1"
        assert ws["A1"].font.b and ws["A1"].font.name == "等线"
    summary = wb["汇总"]
    assert [c.value for c in summary[2]] == [
        1, "某县人民政府", "县级", 2021, "aaaa.txt", "2/4（不足和原因 部分具备）", 0.5, "0/3",
        "第一责任人职责", 1, "未审", None, None, None]
    assert summary["G2"].number_format == "0.0%"
    # a column of long Chinese text is as wide as its text counted two per character, capped
    assert summary.column_dimensions["B"].width == text_width("某县人民政府") + 2


def test_matrix_shows_status_decision_colour_and_comment(tmp_path: Path) -> None:
    store = open_store(tmp_path / "p.review")
    a = make_analysis()
    store.add_report(a.sha256, a.file, None, None, None)
    store.set_decision(a.sha256, "measures", "符合", "数据齐全", "张三")
    store.set_decision(a.sha256, "first_responsible", "不适用", "", "张三")
    store.set_verdict(a.sha256, "需修改", "补充第一责任人", "张三")
    review = review_from_store(store)
    wb = load_workbook(export([a], review, tmp_path / "r.xlsx"))
    m = wb["核查矩阵"]
    assert [c.value for c in m[1]] == ["序号", "报告单位", "文件", "主要举措和成效", "第一责任人职责", "标题"]
    assert [c.value for c in m[2]][3:] == ["✓ 已核", "✗ 不适用", "◐"]
    assert m["D2"].fill.fgColor.rgb == "00C6EFCE" and m["F2"].fill.fgColor.rgb == "00FFEB9C"
    assert m["D2"].comment is not None and m["D2"].comment.text == "张三：数据齐全"
    assert m.freeze_panes == "D2"
    s = wb["汇总"]
    assert [c.value for c in s[2]][7:13] == ["2/3", None, 1, "需修改", "补充第一责任人", "张三"]
    d = wb["核查明细"]
    assert [c.value for c in d[2]][4:10] == ["主要举措和成效", "✓ 已具备", None, "符合", "数据齐全", "张三"]
    assert d["L2"].value == "【一、主要举措和成效】一、主要举措和成效"


def test_stale_decisions_are_marked_and_do_not_count_as_checked(tmp_path: Path) -> None:
    store = open_store(tmp_path / "p.review")
    store.add_report("a" * 64, "/r/x.txt", None, None, None)
    store.set_decision("a" * 64, "measures", "符合", "", "张三")
    store.add_report("b" * 64, "/r/x.txt", None, None, None)
    wb = load_workbook(export([make_analysis(sha="b" * 64)], review_from_store(store), tmp_path / "r.xlsx"))
    assert wb["核查矩阵"]["D2"].value == "✓ 已核（旧版）"
    assert wb["汇总"]["H2"].value == "0/3"
    assert wb["核查明细"]["H2"].value == "符合（旧版）"


def test_comparison_pivot_and_chart(tmp_path: Path) -> None:
    analyses = [make_analysis(sha="a" * 64, unit="甲县"), make_analysis(sha="b" * 64, unit="乙县", n_metrics=0)]
    out = export(analyses, None, tmp_path / "r.xlsx")
    ws = load_workbook(out)["指标对比"]
    assert [c.value for c in ws[1]] == ["指标", "1. 甲县", "2. 乙县"]
    assert [c.value for c in ws[2]] == ["行政复议（件）", 59, None]  # the first figure, not a sum
    with zipfile.ZipFile(out) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 1
        xml = z.read(charts[0]).decode("utf-8")
    assert "<barChart>" in xml
    refs = re.findall(r"<f>([^<]*)</f>", xml)
    assert refs == ["'指标对比'!A2", "'指标对比'!$B$1:$C$1", "'指标对比'!$B$2:$C$2"]


def test_failed_export_leaves_the_old_file_and_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "r.xlsx"
    target.write_bytes(b"old workbook")

    def boom(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(export_mod.os, "replace", boom)
    with pytest.raises(ExportError, match="Excel 中打开"):
        export([make_analysis()], None, target)
    assert target.read_bytes() == b"old workbook"
    assert os.listdir(tmp_path) == ["r.xlsx"]


def test_unwritable_or_missing_folder_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ExportError, match="文件夹不存在"):
        export([make_analysis()], None, tmp_path / "nope" / "r.xlsx")

    def denied(**kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(export_mod.tempfile, "mkstemp", denied)
    with pytest.raises(ExportError, match="不可写"):
        export([make_analysis()], None, tmp_path / "r.xlsx")


def test_review_data_defaults_to_unreviewed(tmp_path: Path) -> None:
    wb = load_workbook(export([make_analysis()], ReviewData(), tmp_path / "r.xlsx"))
    assert wb["汇总"]["K2"].value == "未审"


def test_control_characters_are_dropped_and_long_text_cut() -> None:
    assert clean_text("a\x00b\x0bc\td") == "abc\td"
    long = clean_text("字" * 40_000)
    assert len(long) == 32_767 and long.endswith("…")
