"""What the window asks about before a report is passed (通过): ``review.pass_warnings``.

The rule lived in the checklist header's question; it is pinned here on a real seed, so the
question and anything else that asks the same thing list the same items."""

from __future__ import annotations

from reviewer.analyze import analyze_document
from reviewer.checklist import load_checklist
from reviewer.load import load
from reviewer.model import CheckResult, ItemDecision
from reviewer.review import pass_warnings
from tests.conftest import seed_path

A = analyze_document(load(seed_path("000")), load_checklist())  # 津南区 2021: four items found missing
TIME = "2027-03-02T10:00:00+08:00"


def _d(item: str, decision: str, comment: str = "", stale: bool = False) -> ItemDecision:
    return ItemDecision(A.sha256, item, decision, comment, "王审阅", TIME, stale=stale)  # type: ignore[arg-type]


def _ids(items: tuple[CheckResult, ...]) -> list[str]:
    return [r.id for r in items]


def test_nothing_decided_every_item_is_open_and_the_missing_ones_are_named() -> None:
    warn = pass_warnings(A, {})
    assert not warn.clear
    assert _ids(warn.undecided) == [r.id for r in A.checklist] and len(warn.undecided) == 37
    assert _ids(warn.missing) == ["metric_major_decision", "form_signature_date", "form_cause_specific",
                                  "form_garbled_numbers"]
    assert warn.failed == ()


def test_every_item_passed_asks_nothing() -> None:
    warn = pass_warnings(A, {r.id: _d(r.id, "符合") for r in A.checklist})
    assert warn.clear and warn.undecided == warn.missing == warn.failed == ()


def test_a_word_takes_a_missing_item_off_the_list_and_a_failed_one_is_named_as_failed() -> None:
    decisions = {r.id: _d(r.id, "符合") for r in A.checklist}
    decisions["metric_major_decision"] = _d("metric_major_decision", "未定", "请补充重大行政决策数量")
    decisions["form_signature_date"] = _d("form_signature_date", "不符合")
    decisions["form_cause_specific"] = _d("form_cause_specific", "符合", stale=True)  # to re-check
    del decisions["form_garbled_numbers"]
    decisions["topic_digital"] = _d("topic_digital", "不符合", stale=True)  # not in force: not failed
    warn = pass_warnings(A, decisions)
    assert _ids(warn.undecided) == ["topic_digital", "metric_major_decision", "form_cause_specific",
                                    "form_garbled_numbers"]
    assert _ids(warn.missing) == ["form_garbled_numbers"]  # a decision to re-check is a word said
    assert _ids(warn.failed) == ["form_signature_date"]
    assert not warn.clear
