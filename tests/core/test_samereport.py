"""One report sent as several files (.docx and its PDF, a text in two encodings) is opened once; a
report copied with its year or a figure changed, or another unit's, is never taken for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.load import load_many
from tests.conftest import SEED_FILES
from tests.core import format_fixtures as ff
from tests.core.loader_fixtures import make_docx


def _lines(seed: Path) -> list[str]:
    return ff.seed_lines(seed.read_text(encoding="utf-8"))


def _pdf(path: Path, lines: list[str]) -> Path:
    """The report as Word prints it: wrapped lines, a running header and page numbers; ending, as
    ``make_docx`` ends every document, with 特此报告。"""
    rows = [row for line in [*lines, "特此报告。"] for row in ff._wrap(line, 38)]
    pages = [rows[i : i + 36] for i in range(0, len(rows), 36)]
    return ff.make_autospaced_pdf(path, pages, header="某某区人民政府文件")


def _names(paths: list[Path]) -> tuple[list[str], list[tuple[str, str, str]]]:
    docs, errors = load_many(paths)
    return [Path(d.path).name for d in docs], [(Path(e.path).name, e.kind, e.message) for e in errors]


def test_a_report_as_docx_and_as_its_pdf_is_opened_once_from_the_docx(tmp_path: Path) -> None:
    lines = _lines(SEED_FILES[0])
    pdf = _pdf(tmp_path / "报告（盖章版）.pdf", lines)
    docx = make_docx(tmp_path / "报告.docx", [(None, line) for line in lines])
    opened, said = _names([pdf, docx])
    assert opened == ["报告.docx"]
    assert said == [("报告（盖章版）.pdf", "same_report",
                     "报告（盖章版）.pdf：与 报告.docx 是同一份报告的不同格式，只打开了 报告.docx")]


def test_a_text_in_two_encodings_is_one_report(tmp_path: Path) -> None:
    text = SEED_FILES[1].read_text(encoding="utf-8")
    utf8, gbk = tmp_path / "a.txt", tmp_path / "b.txt"
    utf8.write_text(text, encoding="utf-8")
    gbk.write_text(text, encoding="gb18030")
    opened, said = _names([utf8, gbk])
    assert opened == ["a.txt"]
    assert said == [("b.txt", "same_report", "b.txt：与已打开的 a.txt 正文相同，是同一份报告，未重复打开")]


def test_last_years_report_with_the_year_changed_stays_a_report_of_its_own(tmp_path: Path) -> None:
    text = SEED_FILES[1].read_text(encoding="utf-8")
    assert "2021" in text
    this_year = _pdf(tmp_path / "2022.pdf", ff.seed_lines(text.replace("2021", "2022")))
    last_year = make_docx(tmp_path / "2021.docx", [(None, line) for line in ff.seed_lines(text)])
    assert _names([last_year, this_year]) == (["2021.docx", "2022.pdf"], [])


def test_a_revised_figure_makes_another_version_not_the_same_report(tmp_path: Path) -> None:
    text = SEED_FILES[0].read_text(encoding="utf-8")
    assert text.count("59件") == 1
    draft = make_docx(tmp_path / "初稿.docx", [(None, line) for line in ff.seed_lines(text)])
    final = tmp_path / "定稿.txt"
    final.write_text(text.replace("59件", "61件"), encoding="utf-8")
    assert _names([draft, final]) == (["初稿.docx", "定稿.txt"], [])


def test_different_reports_in_different_formats_are_all_opened(tmp_path: Path) -> None:
    paths = [make_docx(tmp_path / "a.docx", [(None, line) for line in _lines(SEED_FILES[0])]),
             _pdf(tmp_path / "b.pdf", _lines(SEED_FILES[1])), tmp_path / "c.txt"]
    paths[2].write_bytes(SEED_FILES[2].read_bytes())
    assert _names(paths) == (["a.docx", "b.pdf", "c.txt"], [])


def test_two_texts_alike_only_through_a_third_file_are_not_merged(tmp_path: Path) -> None:
    """a.txt and b.txt differ (b has a sentence more); the PDF of a is near both: as the texts of one
    format differ, only files of the same text are merged, and here none is."""
    text = SEED_FILES[0].read_text(encoding="utf-8")
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(text, encoding="utf-8")
    b.write_text(text + "\n全区上下将以更加务实的作风推进法治政府建设各项工作。\n", encoding="utf-8")
    pdf = _pdf(tmp_path / "a.pdf", ff.seed_lines(text))
    assert _names([a, b, pdf]) == (["a.txt", "b.txt", "a.pdf"], [])


def test_a_report_the_project_holds_sent_again_as_a_pdf_is_not_added(tmp_path: Path) -> None:
    """The project's own file stays (the review is on it), whatever the new file's format; the same
    file opened again, or a file changed in place, is not taken for a copy."""
    from reviewer.batch import import_reports
    from reviewer.checklist import load_checklist
    from reviewer.store import open_store

    checklist = load_checklist()
    lines = _lines(SEED_FILES[0])
    store = open_store(tmp_path / "p.review")
    pdf = _pdf(tmp_path / "报告.pdf", lines)
    first = import_reports([pdf], checklist, store, workers=1)
    assert first.errors == [] and len(first.added) == 1
    docx = make_docx(tmp_path / "报告.docx", [(None, line) for line in lines])
    second = import_reports([docx, pdf], checklist, store, workers=1)
    assert [(Path(e.path).name, e.kind, e.message) for e in second.errors] == [
        ("报告.docx", "same_report", "报告.docx：与项目中已有的 报告.pdf 是同一份报告（不同格式），未重复打开")]
    assert [Path(r.path).name for r in store.reports()] == ["报告.pdf"]
    pdf.write_bytes(_pdf(tmp_path / "new.pdf", lines[:-1]).read_bytes())  # the signed copy, changed in place
    third = import_reports([pdf], checklist, store, workers=1)
    assert third.errors == [] and third.added == [s.sha256 for s in store.documents()]


def test_the_command_line_analyses_and_exports_a_report_sent_twice_once(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Said on stderr, not a failure (exit 0), and the workbook holds the report once with nothing
    listed as unread."""
    import openpyxl

    from reviewer.cli import main

    lines = _lines(SEED_FILES[0])
    folder = tmp_path / "来件"
    folder.mkdir()
    make_docx(folder / "报告.docx", [(None, line) for line in lines])
    _pdf(folder / "报告.pdf", lines)
    assert main(["analyze", str(folder)]) == 0
    out, err = capsys.readouterr()
    assert err == "报告.pdf：与 报告.docx 是同一份报告的不同格式，只打开了 报告.docx\n"
    assert out.count("== ") == 1
    book = tmp_path / "r.xlsx"
    assert main(["export", str(folder), "-o", str(book)]) == 0
    sheet = openpyxl.load_workbook(book).worksheets[0]
    rows = [r for r in sheet.iter_rows(values_only=True) if any(c is not None for c in r)]
    assert not any("未能读取" in str(c) for r in rows for c in r if c is not None)
    assert sum(1 for r in rows if isinstance(r[0], int)) == 1  # one report's row


def test_another_units_copy_with_its_name_changed_is_another_report(tmp_path: Path) -> None:
    """Found by a reviewer: 扬州's report made from 泰州's by changing the name throughout is as alike
    as a PDF of the same report; both are opened (the copying is the findings' business)."""
    text = SEED_FILES[1].read_text(encoding="utf-8")
    assert text.count("泰州") >= 3
    taizhou = tmp_path / "泰州.txt"
    taizhou.write_text(text, encoding="utf-8")
    yangzhou = make_docx(tmp_path / "扬州.docx", [(None, line) for line in ff.seed_lines(text.replace("泰州", "扬州"))])
    assert _names([taizhou, yangzhou]) == (["泰州.txt", "扬州.docx"], [])


@pytest.mark.parametrize(("edit", "revised"), [
    ("取消职权27项,", "取消职权27项,其中下放街镇职权12项,"),  # a clause with a figure added
    ("播放量72.5万余次", "播放量725万余次"),  # a point moved: no punctuation may be dropped from figures
    ("取消职权27项,", "取消职权27项,另新增职权27项。"),  # a sentence repeating a figure already there
    ("制定《津南区部门联合", "并分析了其中的原因。制定《津南区部门联合"),  # a sentence with no figure
])
def test_a_revised_version_in_another_format_is_never_taken_for_the_same_report(
        tmp_path: Path, edit: str, revised: str) -> None:
    """Found by reviewer sessions: a corrected version beside the original's other format was merged
    into it and never opened."""
    text = SEED_FILES[0].read_text(encoding="utf-8")
    assert text.count(edit) == 1
    original = tmp_path / "报告.txt"
    original.write_text(text + "\n特此报告。\n", encoding="utf-8")
    make_docx(tmp_path / "报告.docx", [(None, line) for line in ff.seed_lines(text)])
    _pdf(tmp_path / "报告（修改稿）.pdf", ff.seed_lines(text.replace(edit, revised)))
    opened, said = _names([original, tmp_path / "报告.docx", tmp_path / "报告（修改稿）.pdf"])
    assert opened == ["报告.docx", "报告（修改稿）.pdf"]  # the .txt is the .docx's text: one report
    assert [(n, k) for n, k, _ in said] == [("报告.txt", "same_report")]


def test_a_point_moved_in_a_figure_keeps_two_texts_apart_whatever_else_is_in_the_batch(tmp_path: Path) -> None:
    text = SEED_FILES[1].read_text(encoding="utf-8")
    assert text.count("99.19") == 1
    (tmp_path / "初稿.txt").write_text(text, encoding="utf-8")
    (tmp_path / "定稿.txt").write_text(text.replace("99.19", "9.919"), encoding="utf-8")
    make_docx(tmp_path / "其他.docx", [(None, line) for line in _lines(SEED_FILES[2])])
    assert _names([tmp_path / "初稿.txt", tmp_path / "定稿.txt", tmp_path / "其他.docx"])[1] == []


def test_the_projects_pdf_reissued_beside_its_docx_replaces_its_report_once(tmp_path: Path) -> None:
    """Found by a reviewer session: the project held the PDF; the unit sent a re-issued PDF and the
    .docx: the project ended up with the same report twice."""
    from reviewer.batch import import_reports
    from reviewer.checklist import load_checklist
    from reviewer.store import open_store

    checklist, lines = load_checklist(), _lines(SEED_FILES[0])
    store = open_store(tmp_path / "p.review")
    pdf = _pdf(tmp_path / "津南区报告.pdf", lines)
    (old,) = import_reports([pdf], checklist, store, workers=1).added
    store.set_decision(old, "measures", "不符合", "缺数据", "张")
    pdf.write_bytes(ff.make_autospaced_pdf(tmp_path / "new.pdf", [[*lines[:30], "特此报告。"]],
                                           header="某某区人民政府办公室").read_bytes())
    make_docx(tmp_path / "津南区报告.docx", [(None, line) for line in lines[:30]])
    result = import_reports([tmp_path / "津南区报告.docx", pdf], checklist, store, workers=1)
    assert [Path(r.path).name for r in store.reports()] == ["津南区报告.pdf"]  # one report, at its path
    new = store.reports()[0].sha256
    assert new != old and store.decisions(new)["measures"].stale
    assert [(Path(e.path).name, e.kind) for e in result.errors] == [("津南区报告.docx", "same_report")]


def test_exporting_a_copy_or_another_format_of_a_projects_report_exports_that_report(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found in a review: reviewer export 报告（盖章版）.pdf --project P wrote a workbook of no report."""
    import openpyxl

    from reviewer.cli import main

    lines = _lines(SEED_FILES[0])
    docx = make_docx(tmp_path / "报告.docx", [(None, line) for line in lines])
    p = tmp_path / "P.review"
    assert main(["export", str(docx), "--project", str(p), "-o", str(tmp_path / "a.xlsx")]) == 0
    stamped = _pdf(tmp_path / "报告（盖章版）.pdf", lines)
    copy = tmp_path / "副本.docx"
    copy.write_bytes(docx.read_bytes())
    for other, name in ((stamped, "b.xlsx"), (copy, "c.xlsx")):
        assert main(["export", str(other), "--project", str(p), "-o", str(tmp_path / name)]) == 0
        rows = list(openpyxl.load_workbook(tmp_path / name)["汇总"].iter_rows(min_row=3, values_only=True))
        assert [r[1] for r in rows if isinstance(r[0], int)] == ["津南区人民政府"]


def test_telling_page_furniture_from_words_is_quick_on_a_long_report() -> None:
    """Found in a review: a character-level diff of two long texts took minutes (90,000 characters,
    a header every page). Sentences are lined up first; only those that differ are compared closely
    (no timing here: on the old code this test does not end)."""
    from reviewer.samereport import _furniture, _print

    text = "".join(p.read_text(encoding="utf-8") for p in SEED_FILES) * 3
    cut = [i for i, c in enumerate(text) if c == "\n"][::40]  # a page every 40 lines, its header and number
    pages = zip([0, *cut], [*cut, None], strict=True)
    paged = "".join(text[a:b] + f"\n某某区人民政府文件\n- {n} -" for n, (a, b) in enumerate(pages, 1))
    assert _furniture(_print(text), _print(paged))
    assert not _furniture(_print(text), _print(paged.replace("行政复议", "行政诉讼", 1)))


@pytest.mark.parametrize(("edit", "revised"), [
    ("区司法局严把法律审核关", "区司法局会同区公安局严把法律审核关"),  # words put into a sentence, no figure, no mark
    ("区司法局主要负责人", "主要负责人"),  # words taken out
    ("坚持以习近平", "全区坚持以习近平"),
])
def test_words_put_into_or_taken_out_of_a_sentence_are_no_page_furniture(
        tmp_path: Path, edit: str, revised: str) -> None:
    """Found in a second review: words ending in 局, 区… passed for a running header."""
    text = SEED_FILES[0].read_text(encoding="utf-8")
    assert edit in text
    make_docx(tmp_path / "报告.docx", [(None, line) for line in ff.seed_lines(text)])
    _pdf(tmp_path / "修改稿.pdf", ff.seed_lines(text.replace(edit, revised, 1)))
    assert _names([tmp_path / "报告.docx", tmp_path / "修改稿.pdf"])[1] == []


def test_a_title_as_running_header_and_page_numbers_run_into_the_text_are_page_furniture() -> None:
    """Found in a second review: a header repeating the title (with its year) and Word's bare page
    numbers, which a PDF reader may run into a line of text (2 and 10. read as 210.), kept two files
    of one report apart."""
    from reviewer.model import Document
    from reviewer.samereport import one_per_report

    lines = _lines(SEED_FILES[0])
    title = "津南区2021年法治政府建设情况报告"
    assert title in lines
    body = "\n".join(lines) + "\n"
    pages = [lines[i : i + 25] for i in range(0, len(lines), 25)]
    printed = "".join(f"{title}\n" + "\n".join(page) + f"\n{n}\n" for n, page in enumerate(pages, 1))
    glued = body.replace("10. 统一规范执", "210. 统一规范执", 1)  # a page number run into the next line
    assert glued != body
    for text in (printed, glued.replace("随机抽查事项清单(", "随机抽查事项清单1(", 1)):
        docs = [Document("/in/报告.docx", body, "a" * 64, "docx", None, 1),
                Document("/in/报告.pdf", text, "b" * 64, "pdf", None, 1)]
        assert [d.path for d in one_per_report(docs).kept] == ["/in/报告.docx"]


def test_a_copy_of_a_file_left_out_names_the_file_opened_instead(tmp_path: Path) -> None:
    """Found by a helper session: 报告1.pdf：与已打开的 …/报告.pdf 内容完全相同, of a 报告.pdf that was
    not opened (its .docx was)."""
    lines = _lines(SEED_FILES[0])
    pdf = _pdf(tmp_path / "报告.pdf", lines)
    docx = make_docx(tmp_path / "报告.docx", [(None, line) for line in lines])
    again = tmp_path / "报告1.pdf"
    again.write_bytes(pdf.read_bytes())
    opened, said = _names([pdf, again, docx])
    assert opened == ["报告.docx"]
    assert said == [
        ("报告1.pdf", "duplicate",
         "报告1.pdf：与 报告.pdf 内容完全相同，两者与已打开的 报告.docx 是同一份报告，未重复打开"),
        ("报告.pdf", "same_report", "报告.pdf：与 报告.docx 是同一份报告的不同格式，只打开了 报告.docx")]
