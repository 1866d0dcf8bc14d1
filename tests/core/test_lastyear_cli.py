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


def _last_year_sheets(workbook: Path) -> list[str]:
    import openpyxl

    return [n for n in openpyxl.load_workbook(workbook).sheetnames if n in ("往年对比", "往年数据对比", "上年安排落实")]


def test_a_new_project_takes_previous_as_its_library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found by a helper session: 'export in/ly25 --project out/y2025.review --previous out/y2024.review' made
    the project, said --previous was ignored and wrote no last-year sheets; nothing on the command line set
    a project's 往年报告库. It is set as the window sets it (kept in the project, absolute), and said."""
    from reviewer.store import open_store
    from reviewer.store_lastyear import LIBRARY_SETTING

    previous, current = fx.write_pair(tmp_path / "in")
    last = tmp_path / "y2024.review"
    assert main(["export", str(previous), "--project", str(last), "-o", str(tmp_path / "y2024.xlsx")]) == 0
    capsys.readouterr()
    project, out = tmp_path / "y2025.review", tmp_path / "y2025.xlsx"
    assert main(["export", str(current), "--project", str(project), "--previous", str(last), "-o", str(out)]) == 0
    assert f"已把 {last} 设为审阅项目 y2025 的往年报告库" in capsys.readouterr().err.splitlines()
    assert _last_year_sheets(out) == ["往年对比", "往年数据对比", "上年安排落实"]
    store = open_store(project)
    assert store.setting(LIBRARY_SETTING) == str(last)
    store.close()
    assert main(["export", "--project", str(project), "--previous", str(last), "-o", str(out)]) == 0
    assert "往年报告库" not in capsys.readouterr().err  # the project's own library already: nothing to say


def test_a_project_with_no_library_takes_previous_and_one_with_its_own_keeps_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import openpyxl

    from reviewer.store import open_store
    from reviewer.store_lastyear import LIBRARY_SETTING

    previous, current = fx.write_pair(tmp_path / "both")
    library = tmp_path / "2023"
    library.mkdir()
    previous.rename(library / previous.name)
    project, out = tmp_path / "p.review", tmp_path / "审阅.xlsx"
    assert main(["export", str(current), "--project", str(project), "-o", str(out)]) == 0
    assert _last_year_sheets(out) == []
    capsys.readouterr()
    monkeypatch.chdir(tmp_path)  # a path relative to where the command ran is kept whole
    assert main(["export", "--project", str(project), "--previous", "2023", "-o", str(out), "--lang", "en"]) == 0
    assert f"Set {library} as the library of last year's reports of the project p" in capsys.readouterr().err
    assert len(openpyxl.load_workbook(out).sheetnames) == 9  # the English workbook's last-year sheets too
    assert main(["export", "--project", str(project), "--previous", str(tmp_path / "both"), "-o", str(out),
                 "--lang", "en"]) == 0
    assert capsys.readouterr().err.splitlines()[0] == (
        "--previous ignored: the project uses its own library of last year's reports (changed in the window, "
        "Tools → Last year's reports)")
    assert main(["export", "--project", str(project), "--previous", str(tmp_path / "both"), "-o", str(out)]) == 0
    assert capsys.readouterr().err.splitlines()[0] == (
        "已忽略 --previous：审阅项目用它自己设定的往年报告库（在窗口的“工具 → 往年报告库”中更改）")
    store = open_store(project)
    assert store.setting(LIBRARY_SETTING) == str(library)
    store.close()
    assert _last_year_sheets(out) == ["往年对比", "往年数据对比", "上年安排落实"]


def test_a_previous_that_is_not_there_is_not_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reviewer.store import open_store
    from reviewer.store_lastyear import LIBRARY_SETTING

    _previous, current = fx.write_pair(tmp_path / "both")
    project, out = tmp_path / "p.review", tmp_path / "审阅.xlsx"
    gone = tmp_path / "y2024.review"
    assert main(["export", str(current), "--project", str(project), "--previous", str(gone), "-o", str(out)]) == 0
    assert capsys.readouterr().err.splitlines()[0] == (
        f"已忽略 --previous：找不到 {gone}（往年报告库是上一年度的审阅项目文件或报告文件夹）")
    store = open_store(project)
    assert store.setting(LIBRARY_SETTING) is None
    store.close()
