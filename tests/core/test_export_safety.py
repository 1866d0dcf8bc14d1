"""No input gets out of its box in the workbook: no formula anywhere, odd file names exported as text."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from reviewer.analyze import analyze_document
from reviewer.checklist import load_checklist
from reviewer.cli import main
from reviewer.export import export
from reviewer.load import load
from reviewer.model import Analysis
from tests.conftest import SEED_FILES

GBK_NAME = b"\xb1\xa8\xb8\xe6.txt".decode("utf-8", "surrogateescape")  # 报告.txt, named on Chinese Windows


def _as(path: str, seed: Path) -> Analysis:
    a = analyze_document(load(seed), load_checklist())
    return replace(a, file=path, meta=replace(a.meta, issuer=None))


def _cells(path: Path) -> list[openpyxl.cell.cell.Cell]:
    wb = openpyxl.load_workbook(path)
    return [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]


@pytest.mark.parametrize("name", ["=1+1.txt", "+SUM(A1).txt", "@cmd.txt", "-2.txt", "a\x07b\x1bc.txt", GBK_NAME])
def test_no_file_name_becomes_a_formula_or_breaks_the_export(name: str, tmp_path: Path) -> None:
    analyses = [_as(f"/in/{name}", SEED_FILES[0]), _as("/in/other.txt", SEED_FILES[1])]
    out = export(analyses, tmp_path / "r.xlsx", checklist=load_checklist())
    cells = _cells(out)
    assert all(c.data_type != "f" for c in cells), [c.coordinate for c in cells if c.data_type == "f"]
    texts = {str(c.value) for c in cells}
    stem = name.rsplit(".", 1)[0]
    if stem.startswith(("=", "+", "@", "-")):
        quoted = [c for c in cells if c.value == name]  # the file's name, in every sheet's file column
        assert quoted and all(c.data_type == "s" for c in quoted)
        header = [c for c in cells if str(c.value).startswith(stem + " ")]  # 指标对比's unit and year
        assert header and all(c.data_type == "s" for c in header)
    if name == GBK_NAME:
        assert "报告.txt" in texts and "报告 · 2021" in texts
    # Where a row names the file, the unit is said to be unrecognised: the file's name is not the unit's
    assert openpyxl.load_workbook(out)["汇总"]["B3"].value == "（未识别）"


def test_the_cli_exports_a_gbk_file_name_readably(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / GBK_NAME).write_bytes(SEED_FILES[3].read_bytes())
    out = tmp_path / "r.xlsx"
    assert main(["export", str(folder), "-o", str(out), "--project", str(tmp_path / "p.review")]) == 0
    rows = list(openpyxl.load_workbook(out)["汇总"].iter_rows(min_row=3, values_only=True))
    assert rows[0][4] == "报告.txt"
    assert main(["analyze", str(folder)]) == 0
    assert "== " + str(folder / "报告.txt") in capsys.readouterr().out


def test_the_cli_refuses_a_workbook_name_of_another_format(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    # -o x.csv wrote x.xlsx without a word (over an x.xlsx that may have been there)
    assert main(["export", str(SEED_FILES[0]), "-o", str(tmp_path / "x.csv")]) == 2
    err = capsys.readouterr().err
    assert err == "导出的是 Excel 工作簿（.xlsx），不能写成 x.csv：请用以 .xlsx 结尾的文件名，如 -o x.xlsx\n"
    assert not list(tmp_path.iterdir())


def test_the_cli_adds_xlsx_to_a_name_without_a_suffix_and_says_so(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(SEED_FILES[0]), "-o", str(tmp_path / "审阅结果")]) == 0
    out, err = capsys.readouterr()
    assert err == f"输出文件名没有扩展名，已加上 .xlsx：{tmp_path / '审阅结果.xlsx'}\n"
    assert out.endswith(f"{tmp_path / '审阅结果.xlsx'}\n") and [p.name for p in tmp_path.iterdir()] == ["审阅结果.xlsx"]


def test_the_cli_writes_into_a_folder_given_as_the_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found by a reviewer session: -o out, out being a folder, wrote ./out.xlsx beside it."""
    folder = tmp_path / "out"
    folder.mkdir()
    assert main(["export", str(SEED_FILES[0]), "-o", str(folder)]) == 0
    assert capsys.readouterr().err == f"输出位置是一个文件夹，工作簿写在其中：{folder / '审阅结果.xlsx'}\n"
    assert [p.name for p in folder.iterdir()] == ["审阅结果.xlsx"] and not (tmp_path / "out.xlsx").exists()
