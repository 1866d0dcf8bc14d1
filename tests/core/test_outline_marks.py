"""The outline tree's rules (``reviewer.outline_marks``): which sections are marked with a required part,
in what state, and which gap rows stand where. They lived in the window's tree; pinned here on real seeds."""

from __future__ import annotations

from dataclasses import replace

from reviewer.analyze import analyze_document
from reviewer.checklist import load_checklist
from reviewer.load import load
from reviewer.model import ItemDecision, PartResult
from reviewer.outline_marks import gap_parts, gap_rows, gap_state, section_marks, section_state
from reviewer.review import parts_judged
from tests.conftest import seed_path

CL = load_checklist()
A000 = analyze_document(load(seed_path("000")), CL)  # every required part under its own heading
A001 = analyze_document(load(seed_path("001")), CL)  # 不足 partial (s2); 第一责任人 partial, nested in s1.8
A002 = analyze_document(load(seed_path("002")), CL)  # no 第一责任人; 不足 and 下一年 in part, both in s6


def _judged(item: str, decision: str) -> dict[str, str]:
    d = ItemDecision(A002.sha256, item, decision, "", "王审阅", "2027-03-02T10:00:00+08:00")  # type: ignore[arg-type]
    return parts_judged(A002, {item: d})


def test_section_marks_name_the_part_each_section_holds() -> None:
    assert {k: (m.part, m.status) for k, m in section_marks(A000).items()} == {
        "s1": ("measures", "found"), "s2": ("shortcomings", "found"), "s3": ("first_responsible", "found"),
        "s4": ("next_year", "found")}
    assert {k: (m.part, m.status) for k, m in section_marks(A001).items()} == {
        "s1": ("measures", "found"), "s2": ("shortcomings", "partial"), "s1.8": ("first_responsible", "partial"),
        "s3": ("next_year", "found")}
    # s6 holds 不足 and 下一年安排: marked with the later; 主要举措 found only as text marks nothing
    assert {k: (m.part, m.status) for k, m in section_marks(A002).items()} == {"s6": ("next_year", "partial")}


def test_section_state_follows_the_program_until_the_reviewer_judges() -> None:
    judged = parts_judged(A001, {})
    assert {s: section_state(A001, judged, s) for s in ("s1", "s2", "s1.8", "s3")} == {
        "s1": None, "s2": "partial", "s1.8": "partial", "s3": None}
    assert section_state(A002, parts_judged(A002, {}), "s6") == "partial"
    assert section_state(A002, _judged("next_year", "不符合"), "s6") == "failed"  # failed wins over partial
    assert section_state(A002, _judged("next_year", "符合"), "s6") == "partial"  # 不足 still stands partial
    both = {**_judged("next_year", "符合"), "shortcomings": "found"}
    assert section_state(A002, both, "s6") is None


def test_gap_rows_of_the_seeds() -> None:
    assert gap_rows(A000) == gap_rows(A001) == []
    assert [(g.part, g.status, g.slot) for g in gap_rows(A002)] == [("first_responsible", "missing", 6)]
    assert gap_rows(A002)[0].note == A002.parts["first_responsible"].note
    assert gap_parts(A002) == ["first_responsible"]


def test_gap_rows_at_one_slot_stand_in_required_order() -> None:
    parts = dict(A002.parts)
    parts["shortcomings"] = PartResult("missing", None, None, None, None, parts["shortcomings"].note)
    a = replace(A002, parts=parts)
    # neither part before them has a section: both stand before the next one's, 下一年安排 in s6
    assert [(g.part, g.status, g.slot) for g in gap_rows(a)] == [("shortcomings", "missing", 5),
                                                                 ("first_responsible", "missing", 5)]
    parts["next_year"] = PartResult("partial", "text", None, None, None, parts["next_year"].note)
    a = replace(A002, parts=parts)  # a partial part without a section gets a gap row too; none to anchor on
    assert [(g.part, g.status, g.slot) for g in gap_rows(a)] == [("shortcomings", "missing", 6),
                                                                 ("first_responsible", "missing", 6),
                                                                 ("next_year", "partial", 6)]


def test_gap_state_is_the_part_as_judged() -> None:
    assert gap_state(parts_judged(A002, {}), "first_responsible") == "missing"
    assert gap_state(_judged("first_responsible", "符合"), "first_responsible") == "found"
    assert gap_state(_judged("first_responsible", "不符合"), "first_responsible") == "missing"
    assert gap_state(_judged("first_responsible", "不适用"), "first_responsible") == "not_applicable"
