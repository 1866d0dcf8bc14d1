"""How the workbook prints, read back with openpyxl: A4, one page wide, titles and footer on every page."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest

from reviewer import export as export_mod
from reviewer.analyze import analyze_document
from reviewer.checklist import load_checklist
from reviewer.export import ExportInfo, export
from reviewer.load import load
from reviewer.model import Analysis
from reviewer.xlsx import footer_text
from reviewer.xlsx_layout import broken_header, header_need, lay_out
from reviewer.xlsx_room import LINE_PT, display_width, wrapped_lines
from tests.conftest import SEED_FILES

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHEETS = ["汇总", "核查矩阵", "核查明细", "数据指标", "指标对比", "问题清单"]


class _Now(datetime):
    @classmethod
    def now(cls, tz: object = None) -> _Now:  # type: ignore[override]
        return cls(2026, 11, 30, 9, 12, 41)


@pytest.fixture(scope="module")
def seed_analyses() -> list[Analysis]:
    checklist = load_checklist()
    return [analyze_document(load(p), checklist) for p in SEED_FILES]


@pytest.fixture
def fixed_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_mod, "datetime", _Now)


def _export(analyses: list[Analysis], path: Path, project: str = "春季审阅", lang: str = "zh") -> Path:
    checklist = load_checklist()
    info = ExportInfo(project=project, checklist=checklist.name, checklist_version=checklist.version,
                      lang=lang)  # type: ignore[arg-type]
    return export(analyses, path, checklist=checklist, info=info)


@pytest.mark.usefixtures("fixed_now")
def test_every_sheet_prints_on_a4_one_page_wide_with_titles_and_footer(seed_analyses: list[Analysis],
                                                                        tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(_export(seed_analyses, tmp_path / "r.xlsx"))
    assert wb.sheetnames == SHEETS
    for ws in wb.worksheets:
        setup = ws.page_setup
        assert (setup.paperSize, setup.orientation) == (9, "landscape"), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True, ws.title
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0), ws.title
        assert ws.print_title_rows == ("$2:$2" if ws.title == "汇总" else "$1:$1"), ws.title
        assert ws.print_options.gridLines is True
        margins = ws.page_margins
        assert (margins.left, margins.right, margins.top, margins.bottom, margins.footer) == (0.5, 0.5, 0.6, 0.75, 0.3)
        footer = ws.oddFooter
        assert footer.left.text == "审阅项目：春季审阅"
        assert footer.center.text == "&A　第 &P 页 共 &N 页"
        assert footer.right.text == "导出时间：2026-11-30 09:12"
    assert str(_rows(wb["汇总"])[0][0]).split("　")[2] == "导出时间：2026-11-30 09:12"  # the same time


def _rows(ws: openpyxl.worksheet.worksheet.Worksheet) -> list[tuple[object, ...]]:
    return list(ws.iter_rows(values_only=True))


@pytest.mark.usefixtures("fixed_now")
def test_english_footer_and_sheet_names(seed_analyses: list[Analysis], tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(_export(seed_analyses[:1], tmp_path / "r.xlsx", project="Spring", lang="en"))
    assert wb.sheetnames == ["Summary", "Matrix", "Items", "Figures", "Comparison", "Findings"]
    footer = wb["Items"].oddFooter
    assert (footer.left.text, footer.center.text, footer.right.text) == (
        "Project: Spring", "&A · Page &P of &N", "Exported 2026-11-30 09:12")
    head, first = _rows(wb["Summary"])[1:3]
    gaps = str(dict(zip(head, first, strict=True))["Items missing or partial (program)"])
    assert gaps.startswith("Digital rule-of-law government (Partial), Major administrative decisions (Missing)")
    assert "（" not in gaps and "）" not in gaps


def test_a_narrow_sheet_prints_portrait(seed_analyses: list[Analysis], tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(_export([replace(seed_analyses[0], findings=())], tmp_path / "r.xlsx"))
    ws = wb["问题清单"]  # headers only: 报告单位 文件 问题类型 严重程度 说明 摘录
    assert ws.page_setup.orientation == "portrait" and ws.sheet_properties.pageSetUpPr.fitToPage is True
    # each header on one line, or broken between words (严重\n程度)
    assert [ws.column_dimensions[c].width for c in "ABCDEF"] == [6, 6, 6, 6, 6, 6]
    assert [c.value for c in ws[1]] == ["报告\n单位", "文件", "问题\n类型", "严重\n程度", "说明", "摘录"]


def test_footer_codes_in_a_project_name_are_shown_as_written(seed_analyses: list[Analysis], tmp_path: Path) -> None:
    out = _export(seed_analyses[:1], tmp_path / "r.xlsx", project="R&D &P 第\n一批\x07")
    with zipfile.ZipFile(out) as z:
        sheet = ElementTree.fromstring(z.read("xl/worksheets/sheet1.xml"))
    footer = sheet.find(f"{{{MAIN}}}headerFooter/{{{MAIN}}}oddFooter")
    assert footer is not None and footer.text is not None
    # & is doubled, so Excel shows "R&D &P" rather than a page number; line break and bell are gone.
    assert footer.text.startswith("&L审阅项目：R&&D &&P 第 一批&C&A　第 &P 页 共 &N 页&R导出时间：")


def test_footer_text() -> None:
    assert footer_text("A&B") == "A&&B"
    assert footer_text("&\"Arial\"&12 &K00FF00") == "&&\"Arial\"&&12 &&K00FF00"
    assert footer_text("一\n二\t三\x1b") == "一 二 三"
    assert footer_text("项" * 70) == "项" * 59 + "…"


def test_widths_count_chinese_double_and_wrap_long_text() -> None:
    assert display_width("重庆a") == 5 and display_width("第一行\n第二行很长") == 10
    headers = ["报告单位", "问题数", "说明"]
    sample = [["重庆市渝北区大盛镇人民政府", 3, "短"], ["塘沽街道", 12, "很" * 40]]
    # 问题数 holds its header on one line (3 + 2 split it 问题/数); the text columns share a portrait
    # page: the name on one line, the long text on two (on one, the sheet would print landscape)
    layout = lay_out(headers, sample)
    assert layout.widths == [29.0, 8.0, 43.0] and layout.wrap == {0, 2}
    assert lay_out(["Reviewer's comment"], [["ok"]]).widths == [12.0]  # "comment" is not split
    assert wrapped_lines("重庆市渝北区大盛镇人民政府", 20) == 2  # 26 columns of text in 17 a line
    assert wrapped_lines("一\n二", 20) == 2


@pytest.mark.parametrize(("header", "width", "shown"), [
    ("报告年度", 10, "报告年度"),  # fits: as it is
    ("报告年度", 6, "报告\n年度"),  # not 报告年/度 (found by a tester)
    ("已核/总项", 7, "已核/\n总项"),  # not 已核/总/项
    ("程序判断缺失/部分具备", 15, "程序判断缺失/\n部分具备"),  # after the slash, of two breaks as narrow
    ("上一年度工作安排", 10, "上一年度\n工作安排"),  # 上一 is not a line, nor 上一/年度 a break
    ("审阅人确认已落实", 12, "审阅人\n确认已落实"),  # a lone 人 or 已 goes with its word
    ("行政复议案件（件）", 12, "行政复议\n案件（件）"),  # a short bracket stays whole
    ("Reviewer's comment", 10, "Reviewer's comment"),  # Latin wraps at its spaces
])
def test_headers_break_between_words(header: str, width: float, shown: str) -> None:
    assert broken_header(header, width) == shown
    assert header_need(header, 2) <= width or shown == header


def test_wrapped_rows_are_tall_enough_for_their_text(seed_analyses: list[Analysis], tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(_export(seed_analyses, tmp_path / "r.xlsx"))
    checked = 0
    for ws in wb.worksheets:
        widths = {c: d.width for c, d in ws.column_dimensions.items()}
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str) and cell.alignment.wrap_text and cell.column_letter in widths:
                    lines = wrapped_lines(cell.value, widths[cell.column_letter])
                    height = ws.row_dimensions[cell.row].height or LINE_PT
                    assert height >= LINE_PT * lines, (ws.title, cell.coordinate, lines, height)
                    checked += 1
    assert checked > 1000
    summary = wb["汇总"]
    gaps = str(summary["J3"].value)
    # 津南's gaps: 138 columns of text, 55 a line in a column 58 wide (33 in one 36 wide: five lines)
    assert summary.column_dimensions["J"].width == 58
    assert summary.row_dimensions[3].height == LINE_PT * wrapped_lines(gaps, 58) + 3 == 48
    # the five seeds' rows: 78, 108, 123, 93 and 153 points tall with the list 36 wide
    assert [summary.row_dimensions[r].height for r in range(3, 8)] == [48, 63, 78, 63, 93]


def test_matrix_item_names_are_rotated_in_narrow_columns(seed_analyses: list[Analysis], tmp_path: Path) -> None:
    ws = openpyxl.load_workbook(_export(seed_analyses, tmp_path / "r.xlsx"))["核查矩阵"]
    assert ws.row_dimensions[1].height == 150
    assert ws["A1"].alignment.text_rotation == 0 and ws["C1"].alignment.text_rotation == 90
    assert ws["C1"].value == "主要举措和成效" and ws.column_dimensions["C"].width == 3.9
    # 18 characters: two lines, broken between words (the renderer split them mid-word)
    assert ws["E1"].value == "党政主要负责人履行\n第一责任人职责情况" and ws.column_dimensions["E"].width == 6.6
    assert ws["I1"].value == "依法全面履行政府职能\n（放管服、营商环境）"
    assert ws["C3"].alignment.horizontal == "center"


def test_the_comparison_names_its_figures_bottom_to_top_over_narrow_columns(seed_analyses: list[Analysis],
                                                                            tmp_path: Path) -> None:
    """Three lines of header over 25 figures split 行政复议案/件（件）and printed the table at half size."""
    ws = openpyxl.load_workbook(_export(seed_analyses, tmp_path / "r.xlsx"))["指标对比"]
    assert ws.row_dimensions[1].height == 150 and ws["B1"].alignment.text_rotation == 0
    assert ws["D1"].value == "行政复议案件（件）" and ws["D1"].alignment.text_rotation == 90
    # as wide as the numbers under them: 625, 27, 224, … 19864, 99.19%, 60
    assert [ws.column_dimensions[c].width for c in "ABCDEFGHIJK"] == [6, 37, 7, 5, 4, 5, 5, 5, 7, 9, 4]
    assert round(sum(d.width for d in ws.column_dimensions.values())) == 170  # 255 with the header on three lines


def test_an_empty_review_still_exports_with_its_page_setup(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(export([], tmp_path / "r.xlsx"))
    assert [ws.max_row for ws in wb.worksheets] == [2, 1, 1, 1, 1, 1]  # 汇总: info line and header
    assert all(ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.paperSize == 9 for ws in wb.worksheets)
    assert wb["指标对比"]._charts == [] and wb["指标对比"].page_setup.orientation == "portrait"
