"""One contract, every store: the project file, the team's server and the in-memory store answer
the same way (the server one on a real PostgreSQL, see ``tests/conftest.py``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reviewer.checklist import load_checklist
from reviewer.memory_store import MemoryReviewStore
from reviewer.model import Document
from reviewer.packing import pack_json
from reviewer.review_store import ReviewStore
from reviewer.store import open_store
from reviewer.store_schema import StoreError

A, B, C = "a" * 64, "b" * 64, "c" * 64
Factory = Callable[[Path], ReviewStore]
STORES: dict[str, Factory] = {
    "sqlite": lambda tmp: open_store(tmp / "p.review"),
    "memory": lambda tmp: MemoryReviewStore(),
}


@pytest.fixture(params=[*sorted(STORES), "server"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ReviewStore]:
    if request.param == "server":
        s = open_store(request.getfixturevalue("server_project"))
    else:
        s = STORES[request.param](tmp_path)
    yield s
    s.close()


def doc(sha: str, path: str, text: str = "一、主要举措\n做了工作。\n") -> Document:
    return Document(path=path, text=text, sha256=sha, format="txt", encoding="utf-8", size=len(text.encode()))


def test_decisions_verdicts_and_history(store: ReviewStore) -> None:
    store.add_report(doc(A, "/x/a.txt"), "津南区人民政府", 2021, "county")
    store.set_decision(A, "measures", "符合", "", "张三")
    d = store.set_decision(A, "measures", "不符合", "缺少数据", "李四")
    store.set_verdict(A, "需修改", "请补充原因", "李四")
    got = store.decisions(A)["measures"]
    assert (got.decision, got.comment, got.reviewer, got.stale) == ("不符合", "缺少数据", "李四", False)
    assert got.time == d.time
    v = store.verdict(A)
    assert v is not None and (v.verdict, v.comment, v.reviewer) == ("需修改", "请补充原因", "李四")
    assert store.all_verdicts() == {A: v}
    assert store.all_decisions() == {A: {"measures": got}}
    hist = [(h.field, h.old, h.new, h.reviewer) for h in store.history(A)]
    assert hist == [
        ("decision", None, "符合", "张三"),
        ("comment", None, "", "张三"),
        ("decision", "符合", "不符合", "李四"),
        ("comment", "", "缺少数据", "李四"),
        ("verdict", None, "需修改", "李四"),
        ("verdict_comment", None, "请补充原因", "李四"),
    ]


def test_invalid_decision_and_verdict_are_refused(store: ReviewStore) -> None:
    with pytest.raises(StoreError, match="无效"):
        store.set_decision(A, "x", "好", "", "r")  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="无效"):
        store.set_verdict(A, "好", "", "r")  # type: ignore[arg-type]
    assert store.decisions(A) == {} and store.history() == []


def test_the_project_keeps_its_reports_texts_in_order(store: ReviewStore) -> None:
    store.add_report(doc(B, "/x/b.txt", "乙"), None, None, None)
    store.add_report(doc(A, "/x/a.txt", "甲"), "某区人民政府", 2023, "county", mtime=12.5)
    assert [r.sha256 for r in store.reports()] == [B, A]
    rec = store.reports()[1]
    assert (rec.name, rec.format, rec.size, rec.mtime, rec.issuer) == ("a.txt", "txt", 3, 12.5, "某区人民政府")
    assert [(d.sha256, d.text, d.path) for d in store.documents()] == [(B, "乙", "/x/b.txt"), (A, "甲", "/x/a.txt")]
    assert [d.sha256 for d in store.documents([A])] == [A]


def test_a_moved_report_keeps_its_review_and_its_place(store: ReviewStore) -> None:
    store.add_report(doc(A, "/old/a.txt"), None, None, None)
    store.add_report(doc(B, "/x/b.txt"), None, None, None)
    store.set_decision(A, "measures", "符合", "", "r")
    rec = store.add_report(doc(A, "/new/renamed.txt"), None, None, None)
    assert rec.changed_from is None
    assert [r.path for r in store.reports()] == ["/new/renamed.txt", "/x/b.txt"]
    assert store.decisions(A)["measures"].decision == "符合"


def test_a_new_version_keeps_its_reports_place_in_the_list(store: ReviewStore) -> None:
    """Found by a reviewer session: a report read again after its file changed jumped to the end."""
    for sha, name in ((A, "a"), (B, "b")):
        store.add_report(doc(sha, f"/x/{name}.txt"), None, None, None)
    store.add_report(doc(C, "/x/a.txt", "改过的正文"), None, None, None)
    store.add_report(doc("d" * 64, "/x/a.txt", "又改过的正文"), None, None, None)
    assert [r.sha256 for r in store.reports()] == ["d" * 64, B]


def test_new_content_at_a_known_path_replaces_the_report_with_its_decisions_marked_stale(store: ReviewStore) -> None:
    store.add_report(doc(A, "/x/a.txt"), None, None, None)
    store.set_decision(A, "measures", "符合", "看过", "r")
    store.set_verdict(A, "通过", "基本符合要求", "r")
    rec = store.add_report(doc(B, "/x/a.txt", "改过的正文"), None, None, None)
    assert rec.changed_from == A
    # The overall comment follows (found by a reviewer session: it was lost); the verdict does not, the
    # report being judged again as it now is.
    verdict = store.verdict(B)
    assert verdict is not None and (verdict.verdict, verdict.comment) == ("未审", "基本符合要求")
    assert store.verdict(A) is not None and store.verdict(A).verdict == "通过"  # type: ignore[union-attr]
    assert [r.sha256 for r in store.reports()] == [B]  # one report, the new version
    carried = store.decisions(B)["measures"]
    assert (carried.decision, carried.comment, carried.stale) == ("符合", "看过", True)
    assert store.decisions(A)["measures"].stale is False  # the old version's review stays as it was
    store.set_decision(B, "measures", "不符合", "", "r")
    assert store.decisions(B)["measures"].stale is False


def test_a_corrected_file_of_a_removed_report_brings_its_review_back_to_recheck(store: ReviewStore) -> None:
    """Found by a helper session: the removal says that opening the file again brings the review back; the
    unit's corrected file at the same path came back as a new report with nothing of it."""
    store.add_report(doc(A, "/x/a.txt"), None, None, None)
    store.set_decision(A, "measures", "不符合", "缺少数据", "r")
    store.add_report(doc(B, "/x/a.txt", "第二稿"), None, None, None)  # a new version replaces A
    store.set_decision(B, "measures", "符合", "补上了", "r")
    store.remove_reports([B], "王审")
    rec = store.add_report(doc(C, "/x/a.txt", "第三稿"), None, None, None)
    assert rec.changed_from == B  # the one the reviewer removed, not the version B replaced
    carried = store.decisions(C)["measures"]
    assert (carried.decision, carried.comment, carried.stale) == ("符合", "补上了", True)
    assert [r.sha256 for r in store.reports()] == [C]


def test_another_units_file_at_a_removed_reports_path_starts_afresh(store: ReviewStore) -> None:
    """Found by a code review: 甲区's report at /dl/附件1.txt, decided and removed as the wrong file, gave its
    不符合 and its comment to 乙县's report saved later under the same name."""
    store.add_report(doc(A, "/dl/附件1.txt"), "甲区人民政府", 2023, "county")
    store.set_decision(A, "measures", "不符合", "甲区未写举措", "r")
    store.remove_reports([A], "王审")
    rec = store.add_report(doc(B, "/dl/附件1.txt", "乙县的报告"), "乙县人民政府", 2022, "county")
    assert rec.changed_from is None and store.decisions(B) == {}


def test_removed_reports_leave_the_project_but_keep_their_history(store: ReviewStore) -> None:
    for sha, name in ((A, "a"), (B, "b"), (C, "c")):
        store.add_report(doc(sha, f"/x/{name}.txt"), None, None, None)
    store.set_decision(B, "measures", "符合", "好", "r")
    store.remove_reports([B], "王审")
    assert [r.sha256 for r in store.reports()] == [A, C]
    assert [d.sha256 for d in store.documents()] == [A, C]
    assert store.decisions(B)["measures"].comment == "好"
    assert [(h.field, h.reviewer) for h in store.history(B)][-1] == ("removed", "王审")
    store.add_report(doc(B, "/x/b.txt"), None, None, None)  # opened again: back, with its review
    assert [r.sha256 for r in store.reports()] == [A, B, C]
    assert store.decisions(B)["measures"].comment == "好"


def test_analysis_cache_is_keyed_by_version(store: ReviewStore) -> None:
    store.save_analysis(A, "v1", {"title": "标题", "n": 1})
    assert store.cached_analysis(A, "v1") == {"title": "标题", "n": 1}
    assert store.cached_analysis(A, "v2") is None
    store.save_analysis(A, "v2", {"n": 2})
    assert store.cached_analysis(A, "v1") is None  # stale versions are dropped
    assert store.cached_analyses("v2") == {A: {"n": 2}}


def test_an_analysis_packed_by_its_worker_is_cached_as_if_saved_here(store: ReviewStore) -> None:
    store.save_packed(A, "v1", pack_json({"title": "标题", "n": 1}))
    assert store.cached_analysis(A, "v1") == {"title": "标题", "n": 1}
    store.save_packed(A, "v2", pack_json({"n": 2}))
    assert store.cached_analysis(A, "v1") is None and store.cached_analyses("v2") == {A: {"n": 2}}


def test_the_checklist_used_is_kept(store: ReviewStore) -> None:
    assert store.checklist() is None
    checklist = load_checklist()
    store.save_checklist(checklist)
    kept = store.checklist()
    assert kept is not None and (kept.name, kept.version, kept.items) == (checklist.name, checklist.version,
                                                                          checklist.items)


def test_a_path_that_is_not_valid_unicode_is_kept_losslessly(store: ReviewStore) -> None:
    odd = "/x/" + b"\xb1\xa8\xb8\xe6.txt".decode("utf-8", "surrogateescape")  # 报告.txt in GBK bytes
    store.add_report(doc(A, odd), None, None, None)
    assert store.reports()[0].path == odd and store.documents()[0].path == odd


def test_text_read_by_ocr_is_kept_with_its_doubts(store: ReviewStore) -> None:
    scanned = Document("/x/扫描件.pdf", "全年办理案件59件。", A, "ocr", None, 2048, uncertain=((6, 8, 0.62),))
    store.add_report(scanned, None, None, None)
    (kept,) = store.documents()
    assert (kept.text, kept.format, kept.uncertain) == ("全年办理案件59件。", "ocr", ((6, 8, 0.62),))


def test_a_change_made_earlier_but_arriving_later_goes_to_the_history_only(store: ReviewStore) -> None:
    store.set_decision(A, "measures", "符合", "", "张三", at="2025-03-01T09:10:00+08:00")
    store.set_decision(A, "measures", "不符合", "", "李四", at="2025-03-01T09:14:00+08:00")
    store.set_decision(A, "measures", "不适用", "", "张三", at="2025-03-01T09:12:00+08:00")  # from an outbox
    current = store.decisions(A)["measures"]
    assert (current.decision, current.reviewer) == ("不符合", "李四")
    assert [(h.reviewer, h.new) for h in store.history(A) if h.field == "decision"] == [
        ("张三", "符合"), ("李四", "不符合"), ("张三", "不适用")]
    store.set_verdict(A, "通过", "", "组长", at="2025-03-02T09:00:00+08:00")
    store.set_verdict(A, "需修改", "", "组长", at="2025-03-01T09:00:00+08:00")
    verdict = store.verdict(A)
    assert verdict is not None and verdict.verdict == "通过"


def test_a_setting_is_changed_from_its_value_in_one_step(store: ReviewStore) -> None:
    seen: list[str | None] = []

    def add(entry: str) -> Callable[[str | None], str | None]:
        def change(old: str | None) -> str | None:
            seen.append(old)
            return f"{old},{entry}" if old else entry
        return change

    store.update_setting("k", add("甲"))
    store.update_setting("k", add("乙"))
    assert store.setting("k") == "甲,乙" and seen == [None, "甲"]
    store.update_setting("k", lambda old: None)
    assert store.setting("k") is None
