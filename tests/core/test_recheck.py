"""A decision carried over from an earlier version of a report (its file changed and was read again)
waits to be confirmed: 待复核 in every count, cell and list, and never sent to the unit as the review's.

Found by a reviewer session: the window marked such items （旧版） but counted them 37/37 已核, the
workbook showed a plain 符合 and the letter listed the old version's 不符合 items as the review's."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import openpyxl

from reviewer.analyze import analyze_document
from reviewer.export import export
from reviewer.letter import letter_fields
from reviewer.load import load
from reviewer.model import ItemDecision
from reviewer.review import cell_state, decision_label, in_force, open_items, summarize
from tests.conftest import seed_path

A = analyze_document(load(seed_path("000")))
ITEMS = [r.id for r in A.checklist]


def _decided(stale: bool) -> dict[str, ItemDecision]:
    """Every item 符合 but the first, 不符合 with a comment; all carried over when ``stale``."""
    return {item: ItemDecision(A.sha256, item, "不符合" if i == 0 else "符合", "缺少数据" if i == 0 else "",
                               "李四", "2027-03-01T09:00:00+08:00", stale=stale) for i, item in enumerate(ITEMS)}


def test_the_counts_hold_carried_decisions_as_to_recheck_not_decided() -> None:
    fresh, carried = summarize(A, _decided(False), None), summarize(A, _decided(True), None)
    assert (fresh.decided, fresh.failed, fresh.to_recheck) == (len(ITEMS), 1, 0)
    assert (carried.decided, carried.failed, carried.to_recheck) == (0, 0, len(ITEMS))
    assert carried.status == "审阅中"  # the review was started, and is not finished
    assert [r.id for r in open_items(A, _decided(True))] == ITEMS
    assert in_force(_decided(True)) == {}


def test_a_carried_decision_shows_what_the_program_found_and_says_to_recheck() -> None:
    first = A.checklist[0]
    d = _decided(True)[first.id]
    state = cell_state(first, d)
    assert state.decision is None and state.recheck == "不符合"
    assert first.status == "found"
    assert state.label() == "已具备 · 不符合（待复核）" and state.label("en") == "Present · Fails (to re-check)"
    assert state.glyph == "✗" and state.tone.ink == "#1565c0"  # the decision, in the colour of work to do
    undecided = ItemDecision(A.sha256, first.id, "未定", "", "李四", "2027-03-01T09:00:00+08:00", stale=True)
    assert decision_label(undecided) == "未定"  # nothing to re-check, as the counts hold it
    remark = ItemDecision(A.sha256, first.id, "未定", "请核实数据", "李四", "2027-03-01T09:00:00+08:00", stale=True)
    assert decision_label(remark) == "未定（待复核）"  # a remark on the earlier version: confirmed before sent
    assert decision_label(d) == "不符合（待复核）" and decision_label(_decided(False)[first.id]) == "不符合"


def test_the_workbook_marks_them_and_does_not_count_them(tmp_path: Path) -> None:
    out = export([A], tmp_path / "r.xlsx", decisions={A.sha256: _decided(True)})
    book = openpyxl.load_workbook(out)
    detail = list(book["核查明细"].iter_rows(min_row=2, values_only=True))
    assert {r[6] for r in detail} == {"符合（待复核）", "不符合（待复核）"}
    matrix = book["核查矩阵"]
    first = matrix.cell(row=2, column=3)
    assert first.value == "✗" and first.fill.fgColor.rgb.endswith("DBE8FB") and first.comment is not None
    assert first.comment.text.startswith("不符合（待复核）\n缺少数据")
    summary = next(r for r in book["汇总"].iter_rows(values_only=True) if r and r[0] == 1)
    assert f"0/{len(ITEMS)}" in summary


def test_the_letter_sends_no_decision_waiting_to_be_confirmed() -> None:
    failed = letter_fields(A, _decided(False), None, reviewer="王审阅")["不符合项"]
    assert len(failed) == 1 and "缺少数据" in failed[0]
    waiting = letter_fields(A, _decided(True), None, reviewer="王审阅")
    assert waiting["不符合项"] == ["无"]
    gaps = letter_fields(A, {}, None, reviewer="王审阅")["缺项"]
    assert waiting["缺项"] == gaps  # the program's findings stand, as for a report not yet reviewed


def test_a_comment_on_a_gap_left_undecided_reaches_the_unit() -> None:
    """Found by a reviewer session: a comment on an item left 未定 showed in the window and the workbook,
    and never in the letter."""
    gap = next(r for r in A.checklist if r.status in ("missing", "partial"))
    said = ItemDecision(A.sha256, gap.id, "未定", "未分析原因", "李四", "2027-03-01T09:00:00+08:00")
    plain = letter_fields(A, {}, None, reviewer="王审阅")["缺项"]
    with_comment = letter_fields(A, {gap.id: said}, None, reviewer="王审阅")["缺项"]
    assert [x for x in with_comment if x not in plain] == [
        next(x for x in plain if gap.label() in x) + "（未分析原因）"]


def test_a_comment_on_a_missing_parts_item_left_undecided_is_in_its_word_comment() -> None:
    from dataclasses import replace

    from reviewer.annotations import Voice, notes_for
    from reviewer.checklist import load_checklist

    checklist = load_checklist()
    item = next(i for i in checklist.items if i.rule == "part" and i.part == "shortcomings")
    a = replace(A, parts={**A.parts, "shortcomings": replace(A.parts["shortcomings"], status="missing")})
    said = {item.id: ItemDecision(A.sha256, item.id, "未定", "请补写存在的不足", "李四", "2027-03-01T09:00:00+08:00")}
    voice = Voice("王审阅", "2027-03-02T10:00:00+08:00")
    note = next(n for n in notes_for(a, said, checklist, voice) if n.kind == "missing_part")
    assert "\n意见：请补写存在的不足\n" in note.text
    bare = next(n for n in notes_for(a, {}, checklist, voice) if n.kind == "missing_part")
    assert "请补写" not in bare.text


def test_a_carried_remark_on_an_item_left_undecided_waits_to_be_confirmed_as_it_shows() -> None:
    """A remark on the earlier version (请补充执法案件数据) may be about what the unit has since put right.
    Found in a review: shown as a plain 未定, it was held out of the letter; then sent unmarked (found by a
    helper session). It is marked 待复核 everywhere, held out of the letter, and sent once confirmed."""
    gap = next(r for r in A.checklist if r.status in ("missing", "partial"))
    carried = ItemDecision(A.sha256, gap.id, "未定", "请补充执法案件数据", "李四", "2027-03-01T09:00:00+08:00",
                           stale=True)
    gaps = letter_fields(A, {gap.id: carried}, None, reviewer="王审阅")["缺项"]
    assert not any("请补充执法案件数据" in x for x in gaps)
    assert summarize(A, {gap.id: carried}, None).to_recheck == 1 and decision_label(carried) == "未定（待复核）"
    confirmed = dataclasses.replace(carried, stale=False, time="2027-03-02T09:00:00+08:00")
    gaps = letter_fields(A, {gap.id: confirmed}, None, reviewer="王审阅")["缺项"]
    assert any(x.endswith("（请补充执法案件数据）") for x in gaps)
