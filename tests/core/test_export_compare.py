"""指标对比 with 300 reports: one row per report, one sorted chart per key figure, none overlapping."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import openpyxl
import pytest

from reviewer.analyze import analyze_document
from reviewer.checklist import load_checklist
from reviewer.export import export
from reviewer.export_compare import Ranked, ranked
from reviewer.keyfigures import KEY_FIGURES
from reviewer.load import load
from tests.conftest import SEED_FILES
from tests.core.many_reports import many_analyses

EMU_PER_PT = 12700
REVIEW = 300


@pytest.fixture(scope="module")
def sheet(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.worksheet.worksheet.Worksheet:
    checklist = load_checklist()
    seeds = [analyze_document(load(p), checklist) for p in SEED_FILES]
    out = export(many_analyses(seeds, REVIEW), tmp_path_factory.mktemp("cmp") / "r.xlsx", checklist=checklist)
    return openpyxl.load_workbook(out)["指标对比"]


def _row(ws: openpyxl.worksheet.worksheet.Worksheet, r: int, cols: int = 5) -> tuple[object, ...]:
    return tuple(ws.cell(row=r, column=c).value for c in range(1, cols + 1))


def test_ranked_keeps_the_first_and_last_and_marks_the_gap() -> None:
    assert ranked([3, None, 5, 3]) == [Ranked(1, 2, 5), Ranked(2, 0, 3), Ranked(3, 3, 3)]  # ties: report order
    entries = ranked([float(v) for v in range(40)], top=15)
    assert len(entries) == 31 and entries[15] is None
    assert [e.rank for e in entries if e is not None] == [*range(1, 16), *range(26, 41)]
    assert (entries[0], entries[-1]) == (Ranked(1, 39, 39.0), Ranked(40, 0, 0.0))
    assert ranked([1.0] * 30) == [Ranked(k, k - 1, 1.0) for k in range(1, 31)]  # 30: all of them


def test_reports_are_rows_not_columns(sheet: openpyxl.worksheet.worksheet.Worksheet) -> None:
    head = [c.value for c in sheet[1]]
    assert head[:3] == ["序号", "报告单位", "层级"]
    assert head[3:10] == [f.zh for f in KEY_FIGURES] and head[10] == "指标总数"
    assert len(head) == 11 + 18  # and the 18 topics the seeds have figures in, the most common first
    assert head[11:14] == ["行政执法（指标数）", "其他（指标数）", "行政复议（指标数）"]  # counts, not cases
    assert _row(sheet, 2, 11) == (1, "津南区人民政府001 · 2021", "县级", 59, 27, 224, 4, 869, 4245, 1, 50)
    assert _row(sheet, 301, 4) == (300, "重庆市渝北区大盛镇人民政府300 · 2023", "乡镇", None)
    assert sheet.auto_filter.ref == "A1:AC301"
    assert sheet.page_setup.orientation == "landscape" and sheet.sheet_properties.pageSetUpPr.fitToPage


def test_each_key_figure_lists_its_first_and_last_15_units(sheet: openpyxl.worksheet.worksheet.Worksheet) -> None:
    # 行政复议: seeds 59, 625, 27, 13 and none, times (i + 1): 240 units have it.
    assert sheet["A303"].value == "行政复议案件（件）：240 份报告写明此数（共 300 份），列出前 15 名和后 15 名"
    assert _row(sheet, 304) == (1, "中共泰州市委 泰州市人民政府297 · 2021", "市级", 625 * 297, None)
    assert _row(sheet, 305, 4) == (2, "中共泰州市委 泰州市人民政府292 · 2021", "市级", 625 * 292)
    assert _row(sheet, 319, 4) == ("⋯", "⋯", None, None)
    assert _row(sheet, 333, 4) == (239, "津南区人民政府001 · 2021", "县级", 59)
    assert _row(sheet, 334, 4) == (240, "塘沽街道004 · 2024", "街道", 52)


def test_one_chart_per_figure_sorted_and_not_overlapping(sheet: openpyxl.worksheet.worksheet.Worksheet) -> None:
    charts = sheet._charts
    assert [c.title.tx.rich.p[0].r[0].t for c in charts] == [f.zh for f in KEY_FIGURES]
    first = charts[0]
    assert first.series[0].val.numRef.f == "'指标对比'!$D$304:$D$334"
    assert first.series[0].cat.strRef.f == "'指标对比'!$B$304:$B$334"
    assert (first.anchor._from.row, first.anchor._from.col) == (302, 11)  # beside its list, right of 指标总数
    assert first.x_axis.scaling.orientation == "maxMin" and first.dataLabels.showVal
    assert first.anchor.ext.height == round((2.0 + 0.5 * 31) * 360000)  # 31 bars: 17.5 cm
    rate = charts[-1]
    assert (rate.y_axis.scaling.min, rate.y_axis.scaling.max, rate.y_axis.numFmt.formatCode) == (0, 1, "0%")

    def top_pt(row0: int) -> float:  # top of a 0-based row, in points
        return sum(sheet.row_dimensions[r].height or 15.0 for r in range(1, row0 + 1))

    spans = [(top_pt(c.anchor._from.row), top_pt(c.anchor._from.row) + c.anchor.ext.height / EMU_PER_PT)
             for c in charts]
    assert all(prev[1] <= nxt[0] for prev, nxt in pairwise(spans)), spans
    starts = {c.anchor._from.row for c in charts}  # page breaks fall only just above a list
    assert sheet.row_breaks.brk and all(b.id in starts for b in sheet.row_breaks.brk)


def test_the_comparison_keeps_every_name_safe(tmp_path: Path) -> None:
    checklist = load_checklist()
    seed = analyze_document(load(SEED_FILES[0]), checklist)
    evil = replace(seed, meta=replace(seed.meta, issuer="=HYPERLINK(\"http://x\")"))
    ws = openpyxl.load_workbook(export([evil, seed], tmp_path / "r.xlsx"))["指标对比"]
    names = [c for row in ws.iter_rows() for c in row if str(c.value).startswith("=HYPERLINK")]
    assert len(names) >= 2 and all(c.data_type == "s" for c in names)  # table row and chart lists


def test_the_english_workbook_names_the_topics_in_english(tmp_path: Path) -> None:
    from reviewer.export import ExportInfo

    checklist = load_checklist()
    seeds = [analyze_document(load(p), checklist) for p in SEED_FILES]
    wb = openpyxl.load_workbook(export(seeds, tmp_path / "en.xlsx", checklist=checklist, info=ExportInfo(lang="en")))
    assert [c.value for c in wb["Comparison"][1]][11:14] == ["Administrative law enforcement (figures)",
                                                    "Other (figures)", "Administrative reconsideration (figures)"]
    topics = {r[3] for r in wb["Figures"].iter_rows(min_row=2, values_only=True)}
    assert "行政执法" not in topics and "Administrative law enforcement" in topics


def test_the_window_lines_reports_up_by_the_workbooks_key_figures_first() -> None:
    """One reckoning for both: the key figures, synonymous measure words together (泰州's 19864起 of
    人民调解 counts as 件, as in the workbook), then the other topics in their own measure words."""
    from reviewer.keyfigures import figures_to_compare, key_figure

    analyses = [analyze_document(load(p)) for p in SEED_FILES]
    figures = figures_to_compare(analyses)
    assert figures[:7] == list(KEY_FIGURES)  # every key figure is stated by some seed
    mediation = next(f for f in figures if f.zh == "人民调解（件）")
    assert [key_figure(a, mediation) for a in analyses] == [4245, 19864, None, 401, 172]  # 庐阳: 755 police incidents
    names = [f.zh for f in figures]
    assert "矛盾纠纷/人民调解（起）" not in names and "执法人员（名）" not in names
    assert names[7:9] == ["政务公开（条）", "行政执法（件）"]


def test_a_list_with_reports_left_out_never_says_all(tmp_path: Path) -> None:
    """Found in a review: 31 reports stating a figure gave 15, ⋯, 15 under 全部 31 份报告."""
    checklist = load_checklist()
    seed = analyze_document(load(SEED_FILES[0]), checklist)
    reports = [replace(seed, sha256=f"{i:064x}", file=f"/in/{i}.txt") for i in range(31)]
    ws = openpyxl.load_workbook(export(reports, tmp_path / "r.xlsx", checklist=checklist))["指标对比"]
    captions = [c.value for c in ws["A"] if isinstance(c.value, str) and "行政复议案件（件）：" in c.value]
    assert captions == ["行政复议案件（件）：31 份报告写明此数（共 31 份），列出前 15 名和后 15 名"]
