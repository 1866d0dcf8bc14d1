"""The review a window holds after reading the project again: the later word wins, a word made here included."""

from __future__ import annotations

from reviewer.model import ItemDecision, ReportVerdict
from reviewer.sync import merge_review, same_review

A, B = "a" * 64, "b" * 64


def _d(report: str, item: str, decision: str, time: str, who: str = "王审") -> ItemDecision:
    return ItemDecision(report, item, decision, "", who, time)  # type: ignore[arg-type]


def test_a_word_made_here_since_the_read_wins_and_an_older_one_does_not() -> None:
    read = {A: {"measures": _d(A, "measures", "符合", "2026-03-02T10:00:00+08:00", "李审")}}
    verdicts = {A: ReportVerdict(A, "通过", "", "李审", "2026-03-02T10:00:00+08:00")}
    later = _d(A, "measures", "不符合", "2026-03-02T11:00:00+08:00")
    older = _d(A, "plan", "不适用", "2026-03-01T09:00:00+08:00")
    old_verdict = ReportVerdict(A, "需修改", "", "王审", "2026-03-01T09:00:00+08:00")
    decisions, kept = merge_review(read, verdicts, [later, older], [old_verdict])
    assert decisions == {A: {"measures": later, "plan": older}}  # plan was not in the read at all
    assert kept == verdicts  # the read verdict is later than the one known here
    assert read[A]["measures"].decision == "符合"  # what was read is left as it was


def test_the_same_review_is_the_same_whether_or_not_a_report_has_an_empty_entry() -> None:
    one = {A: {"measures": _d(A, "measures", "符合", "2026-03-02T10:00:00+08:00")}}
    assert same_review((one, {}), ({**one, B: {}}, {}))
    assert not same_review((one, {}), ({}, {}))
    assert not same_review((one, {}), (one, {A: ReportVerdict(A, "通过", "", "王审", "2026-03-02T10:00:00+08:00")}))


def test_who_decided_says_a_comment_on_an_undecided_item_was_no_decision() -> None:
    """Found by a helper session: an item left 未定 with a comment read 王审阅 于 14:53 判定."""
    from datetime import datetime

    from reviewer.model import ItemDecision
    from reviewer.sync import decided_by

    today = datetime.fromisoformat("2027-03-02T18:00:00+08:00")
    said = ItemDecision("a" * 64, "measures", "未定", "再看看", "王审阅", "2027-03-02T14:53:00+08:00")
    decided = ItemDecision("a" * 64, "measures", "符合", "", "王审阅", "2027-03-02T14:53:00+08:00")
    assert decided_by(said, today).render() == "王审阅 于 14:53 写了意见，尚未判定"  # type: ignore[union-attr]
    assert decided_by(decided, today).render() == "王审阅 于 14:53 判定"  # type: ignore[union-attr]
    assert decided_by(said, today).render("en") == "Commented by 王审阅 at 14:53, not decided"  # type: ignore[union-attr]
    taken_back = ItemDecision("a" * 64, "measures", "未定", "", "王审阅", "2027-03-02T14:53:00+08:00")
    assert decided_by(taken_back, today) is None  # found by a code review: it said 写了意见
