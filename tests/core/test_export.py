"""The Excel export, read back with openpyxl: exact cells on the seeds, no formulas, atomic writes."""

from __future__ import annotations

import os
import time
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from reviewer import export as export_mod
from reviewer.analyze import analyze_document
from reviewer.checklist import load_checklist
from reviewer.export import ExportError, ExportInfo, export, export_from_store
from reviewer.load import load
from reviewer.model import Analysis, Document, Metric
from reviewer.store import open_store
from tests.conftest import SEED_FILES

SHEETS = ["汇总", "核查矩阵", "核查明细", "数据指标", "指标对比", "问题清单"]


@pytest.fixture(scope="module")
def seed_analyses() -> list[Analysis]:
    checklist = load_checklist()
    return [analyze_document(load(p), checklist) for p in SEED_FILES]


def _rows(ws: openpyxl.worksheet.worksheet.Worksheet) -> list[tuple[object, ...]]:
    return list(ws.iter_rows(values_only=True))


def test_workbook_layout_and_seed_cells(seed_analyses: list[Analysis], tmp_path: Path) -> None:
    checklist = load_checklist()
    info = ExportInfo(project="春季审阅", checklist=checklist.name, checklist_version=checklist.version)
    out = export(seed_analyses, tmp_path / "review.xlsx", checklist=checklist, info=info)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == SHEETS
    summary = _rows(wb["汇总"])
    line = str(summary[0][0])
    assert line.startswith("审阅项目：春季审阅　核查清单：法治政府建设年度报告默认核查清单（版本 ")
    assert checklist.version in line and line.endswith("已审结：0/5 份")
    # A header wider than its column is broken between words by a line break in the cell: left to the
    # renderer it split 报告年/度 and 已核/总/项 (found by a tester).
    assert summary[1] == ("序号", "报告单位", "层级", "报告\n年度", "文件", "必备部分", "清单\n得分率", "已核/\n总项",
                          "程序判断缺失/\n部分具备", "程序判断缺失或部分具备的核查项", "问题数", "审阅\n状态",
                          "审阅\n意见", "审阅人", "审阅\n时间")
    jinnan = summary[2]
    assert jinnan[:6] == (1, "津南区人民政府", "县级", 2021, "000_b98e54cc537f26f1.txt", "4/4")
    assert jinnan[11] == "未审"
    luyang = summary[4]
    # its two parts present in part are counted as there, and said so (found by a helper session: a bare
    # 3/4 beside the letter's 已具备 1 项，部分具备 2 项 read as two counts)
    assert luyang[1] == "庐阳区人民政府" and luyang[5] == "3/4（其中部分具备 2）"
    assert "党政主要负责人履行第一责任人职责情况（缺失）" in str(luyang[9])
    ws = wb["汇总"]
    assert ws.freeze_panes == "B3" and ws.auto_filter.ref == "A2:O7" and ws.print_title_rows == "$2:$2"
    assert ws["B2"].font.bold and ws["B3"].font.name == "等线"
    assert ws["G3"].number_format == "0%" and isinstance(ws["G3"].value, float)
    # Unit names wrap rather than widening the page: the room goes to the list of gaps beside them.
    assert ws.column_dimensions["B"].width == 12 and ws["B7"].value == "重庆市渝北区大盛镇人民政府"
    assert ws["B7"].alignment.wrap_text and ws["B7"].alignment.vertical == "top"


def test_taizhou_first_responsible_is_partial_in_matrix_and_detail(seed_analyses: list[Analysis],
                                                                    tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(export(seed_analyses, tmp_path / "r.xlsx", checklist=load_checklist()))
    matrix = _rows(wb["核查矩阵"])
    col = matrix[0].index("党政主要负责人履行\n第一责任人职责情况")  # on two lines, broken between words
    taizhou = matrix[2]
    assert taizhou[1] == "001_793e806449148c2a.txt" and taizhou[col] == "◐"
    assert wb["核查矩阵"].cell(row=3, column=col + 1).fill.fgColor.rgb == "00FFE0A3"  # vocab.TONES["partial"]
    detail = [r for r in _rows(wb["核查明细"]) if r[1] == "001_793e806449148c2a.txt"
              and r[3] == "党政主要负责人履行第一责任人职责情况"]
    assert len(detail) == 1 and detail[0][4] == "部分具备" and detail[0][6] == "未定"


def test_dasheng_duplicate_paragraph_is_listed(seed_analyses: list[Analysis], tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(export(seed_analyses, tmp_path / "r.xlsx"))
    dup = [r for r in _rows(wb["问题清单"]) if r[1] == "004_045200239feb11ca.txt" and r[2] == "重复段落"]
    assert len(dup) == 1
    assert str(dup[0][5]).startswith("积极配合区政府创新优化法治化营商环境总体部署")


def test_metrics_sheet_has_the_seed_figures(seed_analyses: list[Analysis], tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(export(seed_analyses, tmp_path / "r.xlsx"))
    rows = _rows(wb["数据指标"])
    assert len(rows) == 1 + sum(len(a.metrics) for a in seed_analyses)
    fuyi = [r for r in rows if r[1] == "000_b98e54cc537f26f1.txt" and r[4] == "59件"]
    assert fuyi and fuyi[0][3:8] == ("行政复议", "59件", 59, "件", None)
    key = _rows(wb["指标对比"])
    assert key[0][:5] == ("序号", "报告单位", "层级", "行政复议案件（件）", "行政诉讼案件（件）")
    assert [r[1] for r in key[1:6]] == [f"{a.meta.issuer} · {a.meta.report_year}" for a in seed_analyses]
    assert key[1][:5] == (1, "津南区人民政府 · 2021", "县级", 59, 27)
    assert len(wb["指标对比"]._charts) == 7  # one per key figure: every one is in some seed


def test_decisions_and_verdicts_from_the_project(seed_analyses: list[Analysis], tmp_path: Path) -> None:
    store = open_store(tmp_path / "p.review")
    sha = seed_analyses[1].sha256
    store.set_decision(sha, "first_responsible", "不符合", "未单列第一责任人部分", "王审")
    store.set_decision(sha, "measures", "符合", "", "王审")
    store.set_verdict(sha, "需修改", "请补充", "王审")
    wb = openpyxl.load_workbook(export_from_store(seed_analyses, tmp_path / "r.xlsx", store, load_checklist()))
    row = _rows(wb["汇总"])[3]
    assert row[1] == "中共泰州市委 泰州市人民政府"
    assert row[7] == "2/37" and row[11:14] == ("需修改", "请补充", "王审")
    matrix = wb["核查矩阵"]
    headers = [str(c.value).replace("\n", "") for c in matrix[1]]
    cell = matrix.cell(row=3, column=headers.index("党政主要负责人履行第一责任人职责情况") + 1)
    assert cell.value == "✗" and cell.comment is not None and cell.comment.text == "未单列第一责任人部分"
    assert cell.fill.fgColor.rgb == "00E57373"  # the reviewer's 不符合, as on screen
    measures = matrix.cell(row=3, column=headers.index("主要举措和成效") + 1)
    assert measures.value == "✓" and measures.fill.fgColor.rgb == "0081C784"


@pytest.mark.parametrize("evil", ['=HYPERLINK("http://x","点我")', "+1", "-1", "@SUM(A1:A9)", "\t=1+1", "\r=2"])
def test_report_text_never_becomes_a_formula(evil: str, tmp_path: Path) -> None:
    text = f"{evil}\n一、主要举措和成效\n全年办理行政复议案件5件。\n"
    doc = Document("evil.txt", text, "e" * 64, "txt", "utf-8", len(text))
    a = analyze_document(doc)
    m = Metric(evil, 1, "件", None, "行政复议", None, 0, len(evil), evil)
    a = replace(a, metrics=(m,), meta=replace(a.meta, issuer=evil))
    wb = openpyxl.load_workbook(export([a], tmp_path / "e.xlsx"))
    for sheet, row, col in (("汇总", 3, 2), ("数据指标", 2, 1), ("数据指标", 2, 5), ("数据指标", 2, 9)):
        cell = wb[sheet].cell(row=row, column=col)
        assert cell.value == evil and cell.data_type == "s", (sheet, col)


def test_failed_export_leaves_no_file(seed_analyses: list[Analysis], tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "r.xlsx"
    target.write_bytes(b"old workbook")

    def locked(src: object, dst: object) -> None:
        raise PermissionError(13, "locked")

    monkeypatch.setattr(export_mod.os, "replace", locked)
    with pytest.raises(ExportError, match="Excel 中打开"):
        export(seed_analyses, target)
    assert target.read_bytes() == b"old workbook"
    assert sorted(os.listdir(tmp_path)) == ["r.xlsx"]


def test_missing_folder_is_a_clear_error(seed_analyses: list[Analysis], tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="保存位置不存在"):
        export(seed_analyses, tmp_path / "nope" / "r.xlsx")


def test_cli_export_with_project(tmp_path: Path) -> None:
    from reviewer.cli import main

    store = open_store(tmp_path / "p.review")
    sha = load(SEED_FILES[4]).sha256
    store.set_verdict(sha, "通过", "", "李")
    store.close()
    out = tmp_path / "cli.xlsx"
    code = main(["export", str(SEED_FILES[4]), "-o", str(out), "--project", str(tmp_path / "p.review")])
    assert code == 0
    assert _rows(openpyxl.load_workbook(out)["汇总"])[2][11] == "通过"


def test_the_workbook_has_ordinary_permissions_and_stale_temp_files_go(seed_analyses: list[Analysis],
                                                                       tmp_path: Path) -> None:
    stale = tmp_path / ".~1234-deadbeef.xlsx.tmp"  # left by an export that was killed
    stale.write_bytes(b"")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    fresh = tmp_path / ".~99-cafebabe.xlsx.tmp"  # another export, running now
    fresh.write_bytes(b"")
    old_mask = os.umask(0o022)
    try:
        out = export(seed_analyses[:1], tmp_path / "r.xlsx")
    finally:
        os.umask(old_mask)
    assert out.stat().st_mode & 0o777 == 0o644  # colleagues can open it, as any file the user makes
    assert sorted(p.name for p in tmp_path.iterdir()) == [fresh.name, "r.xlsx"]


def test_a_read_only_folder_is_said_in_words_in_either_language(
    seed_analyses: list[Analysis], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    real_open = os.open

    def read_only(path: object, *args: object) -> int:
        if str(path).startswith(str(tmp_path)):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr("reviewer.outfiles.os.open", read_only)
    with pytest.raises(ExportError) as err:
        export(seed_analyses, tmp_path / "r.xlsx")
    assert str(err.value) == "r.xlsx：无法在保存位置写入（只读位置，不能写入）"  # the command line
    assert err.value.message.render("en") == "r.xlsx: cannot write there (read-only location)"  # an English window


@pytest.mark.parametrize(("lang", "title"), [
    ("zh", "未能读取的文件（2 个，未计入本工作簿各表）"),
    ("en", "Files that could not be read (2; not in the sheets of this workbook)"),
])
def test_files_that_could_not_be_read_are_listed_below_the_summary(
    seed_analyses: list[Analysis], tmp_path: Path, lang: str, title: str
) -> None:
    """Not lost from the record; a file identical to one opened is not "unread" (its report is there)."""
    from reviewer.export import ExportInfo
    from reviewer.model import LoadError

    failures = (LoadError("/in/坏.docx", "corrupt", "坏.docx：文档已损坏（不是有效的 zip 压缩包），无法读取"),
                LoadError("/in/副本.txt", "duplicate", "副本.txt：与已打开的 a.txt 内容完全相同，未重复打开"),
                LoadError("/in/空.txt", "empty", "空.txt：文件是空的"))
    out = export(seed_analyses, tmp_path / "r.xlsx", info=ExportInfo(lang=lang, failures=failures))  # type: ignore[arg-type]
    sheet = openpyxl.load_workbook(out).worksheets[0]
    rows = [[c for c in r if c is not None] for r in sheet.iter_rows(values_only=True)]
    at = rows.index([title])
    assert rows[at - 1] == [] and rows[at - 2][0] == len(seed_analyses)  # below the last report's row
    if lang == "zh":
        assert rows[at + 1:] == [["坏.docx", "文档已损坏（不是有效的 zip 压缩包），无法读取"], ["空.txt", "文件是空的"]]
    else:  # not the Chinese message in an English workbook
        assert rows[at + 1:] == [["坏.docx", "The file is damaged"], ["空.txt", "The file is empty"]]


def test_the_matrix_names_each_report_by_unit_and_year(seed_analyses: list[Analysis], tmp_path: Path) -> None:
    again = replace(seed_analyses[0], file="/in/津南区修改稿.txt", sha256="f" * 64)
    out = export([*seed_analyses[:2], again], tmp_path / "r.xlsx")
    rows = list(openpyxl.load_workbook(out)["核查矩阵"].iter_rows(min_row=2, max_col=2, values_only=True))
    assert rows == [("津南区人民政府 · 2021", "000_b98e54cc537f26f1.txt"),
                    ("中共泰州市委 泰州市人民政府 · 2021", "001_793e806449148c2a.txt"),
                    ("津南区人民政府 · 2021 (2)", "津南区修改稿.txt")]


def test_every_kind_of_load_problem_has_its_words() -> None:
    """Each kind the readers give (FormatProblem, ReportLoadError, LoadError) is named in both
    languages, so an English workbook never shows a bare code."""
    import re

    from reviewer.vocab import LOAD_PROBLEM

    root = Path(__file__).resolve().parents[2] / "reviewer"
    said = re.compile(r'(?:FormatProblem|ReportLoadError|LoadError)\(\s*(?:[\w.\[\]()]+,\s*)?"([a-z_]+)"')
    kinds = {k for p in root.rglob("*.py") for k in said.findall(p.read_text(encoding="utf-8"))}
    kinds |= set(re.findall(r'^\s+"([a-z_]+)",$', (root / "formats" / "__init__.py").read_text(encoding="utf-8"),
                            re.MULTILINE))  # _mislabelled's "mismatch"
    assert {"corrupt", "empty", "mismatch", "duplicate", "analysis_failed"} <= kinds
    assert sorted(kinds - set(LOAD_PROBLEM)) == []


def test_reports_of_one_file_name_are_told_apart_on_every_sheet(seed_analyses: list[Analysis],
                                                                 tmp_path: Path) -> None:
    """Found by a reviewer session: two units' 报告.docx both read 报告.docx on every sheet."""
    a = replace(seed_analyses[0], file="/收文/和平区/报告.docx")
    b = replace(seed_analyses[1], file="/收文/河西区/报告.docx")
    book = openpyxl.load_workbook(export([a, b], tmp_path / "r.xlsx"))
    summary = [r for r in book["汇总"].iter_rows(values_only=True) if r and isinstance(r[0], int)]
    assert [r[4] for r in summary] == ["和平区/报告.docx", "河西区/报告.docx"]
    assert {r[1] for r in book["核查明细"].iter_rows(min_row=2, values_only=True)} == {
        "和平区/报告.docx", "河西区/报告.docx"}
    assert [r[1] for r in book["核查矩阵"].iter_rows(min_row=2, values_only=True)] == [
        "和平区/报告.docx", "河西区/报告.docx"]


def test_the_word_while_the_workbook_is_written_is_in_the_workbooks_language(seed_analyses: list[Analysis],
                                                                            tmp_path: Path) -> None:
    """Found by a helper session: "正在生成工作簿…" stayed Chinese for an English workbook."""
    said: list[str] = []
    export(seed_analyses[:1], tmp_path / "en.xlsx", info=ExportInfo(lang="en"), progress=said.append)
    export(seed_analyses[:1], tmp_path / "zh.xlsx", progress=said.append)
    assert said == ["Writing the workbook…", "正在生成工作簿…"]
