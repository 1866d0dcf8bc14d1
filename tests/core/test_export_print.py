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
from reviewer.xlsx import LINE_PT, display_width, fit_widths, footer_text, wrapped_lines
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
    assert [ws.column_dimensions[c].width for c in "ABCDEF"] == [6, 5, 6, 6, 5, 5]


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
    # 报告单位 wraps at 20; 问题数 fits its header on two lines (3 + 2); 说明 is capped at 30 without wrapping
    assert fit_widths(headers, sample, {0: 20}) == [20.0, 5.0, 30.0]
    assert fit_widths(["Reviewer's comment"], [["ok"]]) == [12.0]  # "comment" is not split
    assert wrapped_lines("重庆市渝北区大盛镇人民政府", 20) == 2  # 26 columns of text in 17 a line
    assert wrapped_lines("一\n二", 20) == 2


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
    # 津南's gaps: 138 columns of text, 33 a line in a column 36 wide
    assert summary.row_dimensions[3].height == LINE_PT * wrapped_lines(gaps, 36) + 3 == 78


def test_matrix_item_names_are_rotated_in_narrow_columns(seed_analyses: list[Analysis], tmp_path: Path) -> None:
    ws = openpyxl.load_workbook(_export(seed_analyses, tmp_path / "r.xlsx"))["核查矩阵"]
    assert ws.row_dimensions[1].height == 150
    assert ws["A1"].alignment.text_rotation == 0 and ws["C1"].alignment.text_rotation == 90
    assert ws["C1"].value == "主要举措和成效" and ws.column_dimensions["C"].width == 3.9
    longest = max(range(3, ws.max_column + 1), key=lambda c: display_width(ws.cell(row=1, column=c).value))
    assert display_width(ws.cell(row=1, column=longest).value) == 40  # 20 characters: two lines
    assert ws.column_dimensions[openpyxl.utils.get_column_letter(longest)].width == 6.6
    assert ws["C3"].alignment.horizontal == "center"


def test_an_empty_review_still_exports_with_its_page_setup(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(export([], tmp_path / "r.xlsx"))
    assert [ws.max_row for ws in wb.worksheets] == [2, 1, 1, 1, 1, 1]  # 汇总: info line and header
    assert all(ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.paperSize == 9 for ws in wb.worksheets)
    assert wb["指标对比"]._charts == [] and wb["指标对比"].page_setup.orientation == "portrait"
