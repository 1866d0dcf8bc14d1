"""The workbook's last-year sheets, read back with openpyxl."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from reviewer.analyze import analyze_many
from reviewer.export import export
from reviewer.load import load_many
from reviewer.model import Analysis
from reviewer.store_lastyear import PromiseTick
from tests.core import lastyear_fixtures as fx


@pytest.fixture(scope="module")
def analyses(tmp_path_factory: pytest.TempPathFactory) -> list[Analysis]:
    docs, _ = load_many(list(fx.write_pair(tmp_path_factory.mktemp("pair"))))
    return analyze_many(docs)  # the batch pairs 2024 with 2023


def _rows(ws: object) -> list[tuple[object, ...]]:
    return [tuple(r) for r in ws.iter_rows(values_only=True)]  # type: ignore[attr-defined]


def test_last_year_sheets(analyses: list[Analysis], tmp_path: Path) -> None:
    current = next(a for a in analyses if a.previous_year is not None)
    assert current.previous_year is not None
    first = current.previous_year.plan[0]
    ticks = {(current.sha256, first.key): PromiseTick(current.sha256, first.key, True, "张三",
                                                      "2026-03-02T09:30:00+08:00")}
    out = export(analyses, tmp_path / "审阅.xlsx", promises=ticks)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[-3:] == ["往年对比", "往年数据对比", "上年安排落实"]

    summary = _rows(wb["往年对比"])
    assert summary[0][:6] == ("序号", "报告单位", "报告\n年度", "上一年度报告", "配对", "与上年\n重复")  # between words
    assert summary[1:] == [(1, "塘沽街道", 2024, "塘沽街道2023.txt", "自动配对", 0.2177, 0.2443, 1, 0.0354, 0.0221,
                            10, 1, 6, 4, 2, 1)]
    assert wb["往年对比"]["F2"].number_format == "0%"

    figures = _rows(wb["往年数据对比"])
    assert len(figures) == 1 + 10
    jump = next(r for r in figures[1:] if r[8] is not None)
    assert jump[:9] == ("塘沽街道", 2024, "政务服务", "件", 272, 2725, 2453, 9.0184, "×10 以上")
    assert jump[9].startswith("2024年,累计办理滨海通办2725件")  # type: ignore[union-attr]
    assert wb["往年数据对比"]["I" + str(figures.index(jump) + 1)].fill.fgColor.rgb.endswith("FFCDD2")

    plan = _rows(wb["上年安排落实"])
    assert [r[4] for r in plan[1:]] == ["抓好理论学习中心组学习", "组织干部学法考试", "建设智慧法务平台",
                                        "做优企业服务", "推行无人机巡查执法", "开展行政检查"]
    assert [r[5] for r in plan[1:]] == ["已报告", "已报告", "未提及", "已报告", "未提及", "已报告"]
    assert plan[1][7:9] == ("已落实", "张三") and plan[1][9] is not None
    assert all(r[7] is None for r in plan[2:])
    assert plan[3][6] is None and str(plan[1][6]).startswith("一是街道党工委理论学习中心组")
    assert wb["上年安排落实"].auto_filter.ref == "A1:K7"
    # the coloured 程序判断 at the top of its tall row, as every other cell of it (it sat at the foot)
    assert wb["上年安排落实"].row_dimensions[2].height > 15
    assert wb["上年安排落实"]["F2"].alignment.vertical == wb["上年安排落实"]["E2"].alignment.vertical == "top"


def test_no_last_year_no_sheets(analyses: list[Analysis], tmp_path: Path) -> None:
    alone = [a for a in analyses if a.previous_year is None]
    wb = openpyxl.load_workbook(export(alone, tmp_path / "x.xlsx"))
    assert "往年对比" not in wb.sheetnames


def test_english_sheets(analyses: list[Analysis], tmp_path: Path) -> None:
    from reviewer.export import ExportInfo

    wb = openpyxl.load_workbook(export(analyses, tmp_path / "en.xlsx", info=ExportInfo(lang="en")))
    assert wb.sheetnames[-3:] == ["Last year", "Figures by year", "Last year's plans"]
    assert _rows(wb["Last year's plans"])[3][5] == "Not mentioned"


def test_cli_export_of_a_project_uses_its_library_pairings_and_ticks(tmp_path: Path) -> None:
    from reviewer.batch import import_reports
    from reviewer.checklist import load_checklist
    from reviewer.cli import main
    from reviewer.store import open_store
    from reviewer.store_lastyear import LIBRARY_SETTING

    previous, current = fx.write_pair(tmp_path / "files")
    last_spring = open_store(tmp_path / "2023.review")
    import_reports([previous], load_checklist(), last_spring)
    last_spring.close()
    s = open_store(tmp_path / "2024.review")
    batch = import_reports([current], load_checklist(), s)
    sha = batch.analyses[0].sha256
    s.set_setting(LIBRARY_SETTING, str(tmp_path / "2023.review"))
    s.set_promise(sha, "0" * 12, True, "张三")  # an item that is not in the plan: left out
    s.close()
    out = tmp_path / "out.xlsx"
    assert main(["export", "--project", str(tmp_path / "2024.review"), "-o", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    assert _rows(wb["往年对比"])[1][3] == "塘沽街道2023.txt"
    assert len(_rows(wb["上年安排落实"])) == 1 + 6


def test_last_years_files_of_one_name_are_told_apart(analyses: list[Analysis]) -> None:
    """Found in a review: two units' last-year 报告.docx both read 报告.docx on the 往年 sheets."""
    from dataclasses import replace

    from reviewer.export_lastyear import plan_rows, summary_rows

    current = next(a for a in analyses if a.previous_year is not None)
    assert current.previous_year is not None
    one = replace(current, previous_year=replace(current.previous_year, file="/收文/和平区/报告.docx"))
    two = replace(current, sha256="f" * 64, previous_year=replace(current.previous_year, file="/收文/河西区/报告.docx"))
    assert [r[3] for r in summary_rows([one, two], {}, "zh")] == ["和平区/报告.docx", "河西区/报告.docx"]
    assert {r[2] for r in plan_rows([one, two], {}, "zh")} == {"和平区/报告.docx", "河西区/报告.docx"}
