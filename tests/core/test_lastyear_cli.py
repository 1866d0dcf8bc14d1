"""``reviewer analyze --json``: ``previous_year`` for a report with last year's in the batch or ``--previous``."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from reviewer.cli import main
from reviewer.resources import resource_path
from tests.core import lastyear_fixtures as fx


def _schema() -> dict[str, object]:
    return json.loads(resource_path("schema", "analysis.schema.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_a_folder_with_both_years(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fx.write_pair(tmp_path)
    assert main(["analyze", str(tmp_path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    for a in out:
        jsonschema.validate(a, _schema())
    by_name = {Path(a["file"]).name: a for a in out}
    assert "previous_year" not in by_name["塘沽街道2023.txt"]
    py = by_name["塘沽街道2024.txt"]["previous_year"]
    assert (Path(py["file"]).name, py["report_year"], py["paired_by"], py["copied_share"]) == (
        "塘沽街道2023.txt", 2023, "auto", 0.2177)
    assert [i["status"] for i in py["plan_items"]] == fx.PLAN_STATUSES
    kinds = [f["kind"] for f in by_name["塘沽街道2024.txt"]["findings"]]
    assert kinds.count("figure_jump") == 1 and kinds.count("copied_from_last_year") == 1


def test_previous_from_a_reference_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    previous, current = fx.write_pair(tmp_path / "both")
    library = tmp_path / "2023"
    library.mkdir()
    previous.rename(library / previous.name)
    assert main(["analyze", str(current), "--json", "--previous", str(library)]) == 0
    out = json.loads(capsys.readouterr().out)
    jsonschema.validate(out, _schema())
    assert out["previous_year"]["file"].endswith("塘沽街道2023.txt")


def test_a_missing_reference_is_named_and_the_rest_goes_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, current = fx.write_pair(tmp_path)
    assert main(["analyze", str(current), "--previous", str(tmp_path / "nowhere")]) == 1
    cap = capsys.readouterr()
    assert "往年报告库不存在" in cap.err and "塘沽街道2024年度法治政府建设情况报告" in cap.out


def test_export_compares_with_a_library_of_last_years_reports(tmp_path: Path) -> None:
    """Found by a helper session: export had no --previous, so its three last-year sheets needed both
    years in one batch; analyze had it."""
    import openpyxl

    previous, current = fx.write_pair(tmp_path / "both")
    library = tmp_path / "库"
    library.mkdir()
    previous.rename(library / previous.name)
    out = tmp_path / "审阅.xlsx"
    assert main(["export", str(current), "--previous", str(library), "-o", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[-3:] == ["往年对比", "往年数据对比", "上年安排落实"]
    rows = list(wb["往年对比"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == 1 and "塘沽街道2023.txt" in [str(v) for v in rows[0]]


def test_export_of_a_project_says_it_ignores_previous(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A code review: 'export --project P --previous LIB' dropped --previous without a word."""
    _previous, current = fx.write_pair(tmp_path / "both")
    project, out = tmp_path / "p.review", tmp_path / "审阅.xlsx"
    assert main(["export", str(current), "--project", str(project), "--previous", str(tmp_path), "-o", str(out)]) == 0
    assert capsys.readouterr().err.splitlines()[0] == (
        "已忽略 --previous：审阅项目用它自己设定的往年报告库（在窗口的“工具 → 往年报告库”中更改）")
