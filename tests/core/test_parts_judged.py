"""The required parts, as the window, the workbook and the letter count them, follow the reviewer's
decision on each part's item (``review.parts_judged``).

Found at the end of stop 27: the letter's 缺项 list left out a missing part the reviewer had judged
present (符合), but its 必备部分 row still said 缺失：第一责任人…, and the annotated copy still
carried a 【缺少必备部分】 comment on it: two things said to the unit about one part."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import docx

from reviewer.analyze import analyze_document
from reviewer.annotate import AnnotateOptions, annotate_reports
from reviewer.annotations import Voice, notes_for
from reviewer.checklist import load_checklist
from reviewer.letter import letter_fields
from reviewer.load import load
from reviewer.model import ItemDecision
from reviewer.review import parts_judged, summarize
from tests.conftest import seed_path

CL = load_checklist()
A = analyze_document(load(seed_path("002")), CL)  # no 第一责任人 part; 不足 and 下一年 in part
VOICE = Voice("王审阅", "2027-03-02T10:00:00+08:00")
FIRST = "党政主要负责人履行第一责任人职责情况"


def _on(item: str, decision: str, comment: str = "", stale: bool = False) -> dict[str, ItemDecision]:
    return {item: ItemDecision(A.sha256, item, decision, comment, "王审阅", "2027-03-02T10:00:00+08:00", stale=stale)}


def _fields(decisions: dict[str, ItemDecision]) -> dict[str, str | list[str]]:
    return letter_fields(A, decisions, None, reviewer="王审阅")


def _kinds(decisions: dict[str, ItemDecision]) -> list[str]:
    return sorted(n.kind for n in notes_for(A, decisions, CL, VOICE) if n.kind != "finding")


def test_undecided_the_unit_is_told_what_the_program_found() -> None:
    assert parts_judged(A, {}) == {"measures": "found", "shortcomings": "partial",
                                         "first_responsible": "missing", "next_year": "partial"}
    assert _fields({})["必备部分"] == f"应有 4 项，已具备 1 项，部分具备 2 项；缺失：{FIRST}"
    assert f"缺失：必备部分·{FIRST}" in _fields({})["缺项"]
    assert _kinds({}) == ["missing_part"]


def test_judged_present_the_part_is_neither_lacking_in_the_letter_nor_commented_on() -> None:
    present = _on("first_responsible", "符合")
    assert _fields(present)["必备部分"] == "应有 4 项，已具备 2 项，部分具备 2 项"
    assert not any(FIRST in g for g in _fields(present)["缺项"])
    assert _kinds(present) == []
    whole = {**present, **_on("shortcomings", "符合"), **_on("next_year", "符合")}
    assert _fields(whole)["必备部分"] == "应有 4 项，已具备 4 项"


def test_judged_not_applicable_the_part_is_not_required() -> None:
    assert _fields(_on("first_responsible", "不适用"))["必备部分"] == "应有 3 项，已具备 1 项，部分具备 2 项"
    assert _kinds(_on("first_responsible", "不适用")) == []


def test_judged_failing_the_part_is_lacking_and_commented_on_once_in_the_reviewers_words() -> None:
    failed = _on("shortcomings", "不符合", "只写了一句话")
    # a part the unit wrote, judged not as required, is not called 缺失 (found by a code review)
    assert _fields(failed)["必备部分"] == (f"应有 4 项，已具备 1 项，部分具备 1 项；缺失：{FIRST}；"
                                       "不符合：存在的不足和原因")
    assert parts_judged(A, failed)["shortcomings"] == "failed"
    assert _kinds(failed) == ["failed", "missing_part"]
    both = {**failed, **_on("first_responsible", "不符合", "未见述职内容")}
    assert _kinds(both) == ["failed", "failed"]  # the missing part is said once, as the reviewer's 不符合
    assert any("未见述职内容" in n.text for n in notes_for(A, both, CL, VOICE))


def test_a_carried_or_undecided_decision_leaves_the_programs_finding() -> None:
    assert _fields(_on("first_responsible", "符合", stale=True))["必备部分"] == _fields({})["必备部分"]
    assert _fields(_on("first_responsible", "未定", "再看看"))["必备部分"] == _fields({})["必备部分"]
    assert _kinds(_on("first_responsible", "符合", stale=True)) == ["missing_part"]


def _summary_cells(book: Any) -> dict[str, object]:
    """The 汇总 row of the one report by its column's name (a header broken over lines read whole)."""
    head, row = (list(r) for r in list(book["汇总"].iter_rows(values_only=True))[1:3])
    return dict(zip((str(h).replace("\n", "") for h in head), row, strict=True))


def test_the_written_letter_and_copy_agree(tmp_path: Path) -> None:
    present = {A.sha256: {**_on("first_responsible", "符合"), **_on("shortcomings", "符合"),
                          **_on("next_year", "符合")}}
    result = annotate_reports([A], tmp_path, decisions=present, checklist=CL,
                              options=AnnotateOptions(reviewer="王审阅", letter=True, include_unreviewed=True))
    (written,) = result.written
    assert written.letter is not None
    rows = {r.cells[0].text: r.cells[1].text for r in docx.Document(str(written.letter)).tables[0].rows}
    assert rows["必备部分"] == "应有 4 项，已具备 4 项"
    with zipfile.ZipFile(written.annotated) as z:
        comments = z.read("word/comments.xml").decode("utf-8")
    assert "第一责任人" not in comments
    undecided = annotate_reports([A], tmp_path / "again", checklist=CL,
                                 options=AnnotateOptions(reviewer="王审阅", letter=True, include_unreviewed=True))
    with zipfile.ZipFile(undecided.written[0].annotated) as z:
        assert "第一责任人" in z.read("word/comments.xml").decode("utf-8")


def test_the_counts_and_the_workbook_row_say_what_the_letter_says(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from reviewer.export import export

    judged = {**_on("first_responsible", "符合"), **_on("shortcomings", "不符合", "只写了一句话"),
              **_on("next_year", "不适用")}
    rv = summarize(A, judged, None)
    assert (rv.parts_found, rv.parts_partial, rv.parts_required) == (2, 0, 3)
    assert _fields(judged)["必备部分"] == "应有 3 项，已具备 2 项；不符合：存在的不足和原因"
    assert summarize(A, {}, None).parts_found == 3  # the program's: two of the three in part
    book = load_workbook(export([A], tmp_path / "r.xlsx", decisions={A.sha256: judged}))
    cells = _summary_cells(book)
    assert cells["必备部分"] == "2/3"
    assert cells["程序判断缺失/部分具备"] == "6/2"  # the program's finding, so labelled
    assert str(cells["程序判断缺失或部分具备的核查项"]).split("、")[:3] == [
        "存在的不足和原因（部分具备；审阅认定不符合）", f"{FIRST}（缺失；审阅认定符合）",
        "下一年度主要安排（部分具备；审阅认定不适用）"]


def test_the_score_beside_the_parts_count_follows_the_reviewer_too(tmp_path: Path) -> None:
    """The 汇总 row's 清单得分率 said the program's 79% beside the reviewer's 必备部分 (found by a tester)."""
    from openpyxl import load_workbook

    from reviewer.export import export

    judged = {**_on("shortcomings", "符合"), **_on("next_year", "符合"), **_on("first_responsible", "不适用")}
    assert (summarize(A, {}, None).points, summarize(A, {}, None).judged) == (26, 33)  # no decision: the program's
    rv = summarize(A, judged, None)
    assert (rv.points, rv.judged) == (27, 32)  # two parts in part judged present, the missing one not required
    failed = summarize(A, {**_on("measures", "不符合"), **_on("other", "符合")}, None)
    assert (failed.points, failed.judged) == (26, 34)  # found → 0; not applicable judged present → 1 of one more
    assert (summarize(A, _on("first_responsible", "不适用", stale=True), None).judged) == 33  # to re-check: not yet
    book = load_workbook(export([A], tmp_path / "r.xlsx", decisions={A.sha256: judged}))
    cells = _summary_cells(book)
    assert (cells["必备部分"], cells["清单得分率"]) == ("3/3", 27 / 32)
