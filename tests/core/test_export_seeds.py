"""The export of the five seed reports, through the command line and a review project."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from reviewer.analyze import analyze_document
from reviewer.cli import main
from reviewer.load import load
from reviewer.store import open_store
from tests.conftest import SEED_FILES, SEEDS, seed_path

TAIZHOU = "中共泰州市委 泰州市人民政府"
DASHENG = "重庆市渝北区大盛镇人民政府"


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Any:
    tmp = tmp_path_factory.mktemp("export")
    project = tmp / "p.review"
    store = open_store(project)
    sha = load(seed_path("001")).sha256
    store.add_report(sha, str(seed_path("001")), TAIZHOU, 2021, "city")
    store.set_decision(sha, "first_responsible", "不符合", "未单列第一责任人职责", "王五")
    store.set_verdict(sha, "需修改", "请单列第一责任人履职情况", "王五")
    store.close()
    out = tmp / "审阅结果.xlsx"
    assert main(["export", str(SEEDS), "-o", str(out), "--project", str(project)]) == 0
    return load_workbook(out)


def test_summary_row_for_taizhou(workbook: Any) -> None:
    row = [c.value for c in workbook["汇总"][3]]
    assert row[:5] == [2, TAIZHOU, "市级", 2021, "001_793e806449148c2a.txt"]
    assert row[5] == "2/4（不足和原因、第一责任人职责 部分具备）"
    assert row[7] == "1/37"
    assert "党政主要负责人履行第一责任人职责情况" in str(row[8]).split("、")  # the reviewer said 不符合
    assert row[10:13] == ["需修改", "请单列第一责任人履职情况", "王五"]
    assert [workbook["汇总"].cell(r, 11).value for r in (2, 4, 5, 6)] == ["未审"] * 4


def test_matrix_shows_first_responsible_partial_with_the_decision(workbook: Any) -> None:
    m = workbook["核查矩阵"]
    col = [c.value for c in m[1]].index("党政主要负责人履行第一责任人职责情况") + 1
    assert [m.cell(r, col).value for r in range(2, 7)] == ["✓", "◐ 不符合", "✗", "✓", "✓"]
    assert m.cell(3, col).fill.fgColor.rgb == "00FFC7CE"
    assert m.cell(3, col).comment.text == "王五：未单列第一责任人职责"


def test_detail_row_has_auto_status_note_and_evidence(workbook: Any) -> None:
    rows = [r for r in workbook["核查明细"].iter_rows(min_row=2, values_only=True)
            if r[0] == 2 and r[4] == "党政主要负责人履行第一责任人职责情况"]
    assert len(rows) == 1
    r = rows[0]
    assert r[5:7] == ("◐ 部分具备", "未单列标题，相关内容写在“落实法治政府建设推进机制”中")
    assert r[7:9] == ("不符合", "未单列第一责任人职责")
    assert str(r[11]).startswith("【(八)落实法治政府建设推进机制】(八)落实法治政府建设推进机制\n市委五届十三次全会")


def test_issue_list_names_dashengs_duplicated_paragraph(workbook: Any) -> None:
    dup = [r for r in workbook["问题清单"].iter_rows(min_row=2, values_only=True) if r[3] == "重复段落"]
    assert len(dup) == 1
    n, unit, _file, _kind, severity, message, section, quote = dup[0]
    assert (n, unit, severity, section) == (5, DASHENG, "警告", "(三)提升行政规范性文件质量,完善依法行政制度体系情况")
    assert message.startswith("本段与第 10 行的段落“积极配合区政府创新优化法治化营商")
    assert quote.startswith("积极配合区政府创新优化法治化营商环境总体部署,深入开展职权清理")


def test_metrics_sheet_lists_every_metric(workbook: Any) -> None:
    ws = workbook["数据指标"]
    per_report = [sum(1 for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == n) for n in range(1, 6)]
    assert per_report == [len(analyze_document(load(p)).metrics) for p in SEED_FILES]
    assert min(per_report) > 0
    assert all(isinstance(r[6], int | float) for r in ws.iter_rows(min_row=2, values_only=True))


def test_unreadable_project_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "p.review"
    bad.write_text("不是项目", encoding="utf-8")
    assert main(["export", str(seed_path("000")), "-o", str(tmp_path / "x.xlsx"), "--project", str(bad)]) == 2
    assert "不是审阅项目文件" in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()
