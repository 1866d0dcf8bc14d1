"""The team's server on a real PostgreSQL: rights enforced by the server, append-only history,
concurrent reviewers, live notifications, a restart survived, and whole projects copied."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from reviewer.location import parse_server
from reviewer.model import Document, ItemDecision, ReportVerdict
from reviewer.project_copy import copy_project
from reviewer.server_admin import add_reviewer, init_server
from reviewer.server_errors import LoginError, RefusedError, ServerOfflineError
from reviewer.server_live import ChangeListener
from reviewer.server_store import ServerReviewStore, open_server_store
from reviewer.store import open_store
from reviewer.store_schema import StoreError
from tests.conftest import TeamUrls, as_user
from tests.pgcluster import PgCluster, wait_until

A, B = "a" * 64, "b" * 64


def doc(sha: str, name: str) -> Document:
    text = "一、主要举措\n做了工作。\n"
    return Document(path=f"/x/{name}", text=text, sha256=sha, format="txt", encoding="utf-8", size=len(text.encode()))


@pytest.fixture
def team(team_project: TeamUrls) -> TeamUrls:
    owner = open_store(team_project.owner)
    owner.add_report(doc(A, "a.txt"), "甲区人民政府", 2023, "county")
    owner.add_report(doc(B, "b.txt"), "乙区人民政府", 2023, "county")
    owner.close()
    return team_project


@pytest.fixture
def stores(team: TeamUrls) -> Iterator[dict[str, ServerReviewStore]]:
    opened = {name: open_server_store(url) for name, url in
              (("zhang", team.zhang), ("li", team.li), ("lead", team.lead))}
    yield opened
    for s in opened.values():
        s.close()


def test_reviewers_know_who_they_are(stores: dict[str, ServerReviewStore]) -> None:
    import logging

    assert logging.getLogger("psycopg.pool").level == logging.ERROR  # no English retry chatter on stderr
    assert stores["zhang"].identity == ("张三", False)
    assert stores["lead"].identity == ("组长", True)
    assert [r.issuer for r in stores["li"].reports()] == ["甲区人民政府", "乙区人民政府"]


def test_a_report_assigned_to_one_reviewer_refuses_another_and_writes_nothing(stores: dict[str, ServerReviewStore]
                                                                             ) -> None:
    zhang, li, lead = stores["zhang"], stores["li"], stores["lead"]
    assert lead.assign([A], "张三") == 1
    zhang.set_decision(A, "measures", "符合", "", "张三")
    before = li.history()
    with pytest.raises(RefusedError, match=r"^该报告已分配给 张三，您不能修改它的核查项判断$"):
        li.set_decision(A, "measures", "不符合", "", "李四")
    assert li.decisions(A)["measures"].decision == "符合" and li.history() == before
    li.set_decision(B, "measures", "不符合", "缺数据", "李四")  # nobody is assigned B: anyone may decide
    assert zhang.decisions(B)["measures"].reviewer == "李四"
    assert lead.set_decision(A, "measures", "不适用", "", "组长").decision == "不适用"  # a lead decides anywhere
    assert zhang.assignments() == {A: ["张三"]}


def test_only_a_lead_assigns_and_sets_verdicts(stores: dict[str, ServerReviewStore]) -> None:
    with pytest.raises(RefusedError, match="只有组长可以分配报告"):
        stores["zhang"].assign([A], "张三")
    with pytest.raises(RefusedError, match="只有组长可以设定报告的最终审阅结论"):
        stores["zhang"].set_verdict(A, "通过", "", "张三")
    assert stores["zhang"].verdict(A) is None and stores["zhang"].assignments() == {}
    stores["lead"].set_verdict(A, "需修改", "补充数据", "组长")
    verdict = stores["zhang"].verdict(A)
    assert verdict is not None and (verdict.verdict, verdict.reviewer) == ("需修改", "组长")


def test_a_reviewer_writes_under_their_own_name(stores: dict[str, ServerReviewStore]) -> None:
    made = stores["zhang"].set_decision(A, "measures", "符合", "", "冒名者")
    assert made.reviewer == "张三" and stores["li"].decisions(A)["measures"].reviewer == "张三"


def test_decisions_and_history_are_append_only_for_reviewers(team: TeamUrls,
                                                              stores: dict[str, ServerReviewStore]) -> None:
    stores["zhang"].set_decision(A, "measures", "符合", "", "张三")
    with psycopg.connect(team.zhang, options="-c search_path=fazhi") as conn:
        for sql in ("UPDATE decision_log SET decision='不符合'", "DELETE FROM decision_log", "DELETE FROM history",
                    "UPDATE history SET new='x'", "INSERT INTO history(time, reviewer, report, field, new)"
                    " VALUES ('2024-01-01', '张三', 'x', 'decision', '符合')"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)
            conn.rollback()
    assert [(h.field, h.new) for h in stores["li"].history(A)] == [("decision", "符合"), ("comment", "")]


def test_a_reviewer_changes_no_report_its_text_the_analyses_or_the_settings(team: TeamUrls,
                                                                             stores: dict[str, ServerReviewStore]
                                                                             ) -> None:
    """Found by a helper session logging in with psql as 张三: he rewrote 李四's report's unit, year and text,
    removed and restored reports, poisoned the shared analyses, pointed the project at another checklist
    and carried his decisions onto 李四's report by linking it to his own."""
    zhang, lead = stores["zhang"], stores["lead"]
    lead.assign([B], "李四")
    lead.save_packed(B, "v1", b"lead's analysis")
    with psycopg.connect(team.zhang, options="-c search_path=fazhi", autocommit=True) as conn:
        for sql in ("UPDATE reports SET issuer='篡改的单位', year=1999 WHERE sha256='" + B + "'",
                    "UPDATE reports SET name='passwd', path='/etc/passwd' WHERE sha256='" + B + "'",
                    "UPDATE reports SET removed=now() WHERE sha256='" + B + "'",
                    "UPDATE reports SET changed_from='" + A + "' WHERE sha256='" + B + "'",
                    "INSERT INTO analyses(sha256, version, data) VALUES ('" + A + "', 'v1', 'x')",
                    "INSERT INTO settings(key, value) VALUES ('checklist', 'x')",
                    f"INSERT INTO reports(sha256, path, changed_from) VALUES ('{'c' * 64}', '/x/c.txt', '{B}')"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)
        for sql in ("UPDATE texts SET data='x'", "UPDATE analyses SET data='x'", "DELETE FROM analyses",
                    "UPDATE settings SET value='x' WHERE key='checklist'"):
            assert conn.execute(sql).rowcount == 0, sql  # no row of theirs to change
    assert [(r.issuer, r.year) for r in lead.reports()] == [("甲区人民政府", 2023), ("乙区人民政府", 2023)]
    with psycopg.connect(team.lead, options="-c search_path=fazhi") as conn:
        assert conn.execute("SELECT data FROM analyses WHERE sha256=%s", (B,)).fetchone() == (b"lead's analysis",)
    # what the program does for a reviewer still works: a report of their own, the import's settings
    zhang.add_report(doc("d" * 64, "d.txt"), "丁区人民政府", 2023, "county")
    zhang.add_report(doc(B, "b-again.txt"), "篡改的单位", 1999, "county")  # 李四's report sent again: unchanged
    zhang.save_packed(A, "v1", b"x")  # the shared cache is the lead's: nothing written, no error
    zhang.set_setting("load_failures", "[]")
    assert [(r.issuer, r.year) for r in lead.reports()] == [("甲区人民政府", 2023), ("乙区人民政府", 2023),
                                                            ("丁区人民政府", 2023)]
    with psycopg.connect(team.lead, options="-c search_path=fazhi") as conn:
        assert conn.execute("SELECT count(*) FROM analyses WHERE sha256=%s", (A,)).fetchone() == (0,)
    database = parse_server(team.zhang).database
    with pytest.raises(RefusedError) as refused:  # said in the reviewer's words, not the server's English
        zhang.remove_reports([A], "张三")
    assert str(refused.value) == f"{database}：服务器拒绝了这次修改（只有组长可以把报告移出共享项目）"
    # the 往年报告库 pairs the whole team's reports: the lead's (any reviewer set it to a folder of their
    # own computer, and the lead's export lost its comparisons: found by a helper session)
    lead.set_setting("lastyear.library", "/共享/2022.review")
    with pytest.raises(RefusedError) as refused:
        zhang.set_setting("lastyear.library", "D:/我的/2022")
    assert str(refused.value) == f"{database}：服务器拒绝了这次修改（只有组长可以更改共享项目的这项设置）"
    assert lead.setting("lastyear.library") == "/共享/2022.review"


def test_a_reviewer_signs_nothing_with_another_name_and_plants_no_text(team: TeamUrls,
                                                                      stores: dict[str, ServerReviewStore]) -> None:
    """Found by a helper session logging in with psql as 张三: he saved a pairing and a word on last year's
    plan as 李四's, wrote a "removed" note on a report nobody removed, and planted a text for a report not
    imported yet (shown to the lead when the real file is read)."""
    zhang, lead = stores["zhang"], stores["lead"]
    lead.assign([B], "李四")
    planted = "f" * 64
    with psycopg.connect(team.zhang, options="-c search_path=fazhi", autocommit=True) as conn:
        for sql in (f"INSERT INTO pairings(report, previous, reviewer, time) VALUES ('{A}', '{B}', '李四', 't')",
                    f"INSERT INTO promises(report, item, kept, reviewer, time) VALUES ('{A}', 'p1', true, '李四', 't')",
                    "INSERT INTO history(time, reviewer, report, item, field, old, new)"
                    f" VALUES ('t', '张三', '{A}', NULL, 'removed', NULL, '移出项目')",
                    "INSERT INTO history(time, reviewer, report, item, field, old, new)"
                    f" VALUES ('t', '张三', '{B}', 'p1', 'promise', NULL, '已落实')",  # 李四's report
                    f"INSERT INTO texts(sha256, data) VALUES ('{planted}', 'x')"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)
        conn.execute(f"INSERT INTO pairings(report, previous, reviewer, time) VALUES ('{A}', '{B}', '张三', 't')")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(f"UPDATE pairings SET reviewer='李四' WHERE report='{A}'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # a report with no text: refused at commit
            conn.execute("INSERT INTO reports(sha256, path) VALUES (%s, %s)", ("9" * 64, "/x/none.txt"))
    # a text planted under a report row of his own but naming another report is left out of every window
    # (found by a helper session: it took 003's place in every list)
    from reviewer.packing import pack_json
    from reviewer.serialize import document_to_json

    planted_doc = Document(path="/x/a.txt", text="一、主要举措\n全部达标。\n", sha256=A, format="txt",
                           encoding="utf-8", size=10)
    with psycopg.connect(team.zhang, options="-c search_path=fazhi") as conn:
        conn.execute("INSERT INTO reports(sha256, path) VALUES (%s, %s)", ("e" * 64, "/x/e.txt"))
        conn.execute("INSERT INTO texts(sha256, data) VALUES (%s, %s)",
                     ("e" * 64, pack_json(document_to_json(planted_doc))))
    assert [(d.sha256, d.text) for d in lead.documents() if d.sha256 == A] == [(A, "一、主要举措\n做了工作。\n")]
    # what the program does for a reviewer still works: their own word on last year, a report they add
    zhang.set_promise(A, "p1", True, "冒名者")
    zhang.set_pairing(A, None, "张三")
    zhang.add_report(doc("d" * 64, "d.txt"), "丁区人民政府", 2023, "county")
    assert [(p.reviewer, p.kept) for p in lead.promise_ticks().values()] == [("张三", True)]
    assert [(h.field, h.reviewer) for h in lead.history(A)] == [("promise", "张三"), ("pairing", "张三")]
    assert [d.path for d in lead.documents(["d" * 64])] == ["/x/d.txt"]
    assert [r.sha256 for r in lead.reports()][-2:] == ["e" * 64, "d" * 64]  # listed, with no text to show


def test_a_reviewer_reading_again_a_report_the_lead_removed_is_told_only_the_lead_restores_it(
        tmp_path: Path, stores: dict[str, ServerReviewStore]) -> None:
    """Found by a helper session: 张三 opening the file of a report the lead had removed was told
    已打开 1 份报告, and nothing appeared."""
    from reviewer.batch import import_reports
    from reviewer.checklist import load_checklist
    from tests.conftest import SEED_FILES

    zhang, lead = stores["zhang"], stores["lead"]
    path = tmp_path / SEED_FILES[0].name
    path.write_bytes(SEED_FILES[0].read_bytes())
    (sha,) = import_reports([str(path)], load_checklist(), lead).added
    lead.remove_reports([sha], "组长")
    result = import_reports([str(path)], load_checklist(), zhang)
    assert result.added == [] and [(e.kind, e.message) for e in result.errors] == [
        ("removed", f"{path.name}：组长已把这份报告移出项目，只有组长可以把它放回项目")]
    assert sha not in {r.sha256 for r in lead.reports()}
    assert import_reports([str(path)], load_checklist(), lead).added == [sha]  # the lead puts it back
    assert sha in {r.sha256 for r in zhang.reports()}


def test_a_new_version_of_a_report_keeps_its_reviewer(stores: dict[str, ServerReviewStore]) -> None:
    """Found by a helper session: 张三 re-read his changed file, and its new version was assigned to nobody,
    for anyone to decide."""
    zhang, lead = stores["zhang"], stores["lead"]
    lead.assign([A], "张三")
    text = "一、主要举措\n做了更多的工作。\n"
    newer = Document(path="/x/a.txt", text=text, sha256="e" * 64, format="txt", encoding="utf-8",
                     size=len(text.encode()))
    zhang.add_report(newer, "甲区人民政府", 2023, "county")
    assert lead.assignments()["e" * 64] == ["张三"]
    assert [r.sha256 for r in lead.reports()] == ["e" * 64, B]  # in the old version's place, which left


def test_the_current_decision_is_not_the_one_of_a_clock_running_ahead(stores: dict[str, ServerReviewStore]) -> None:
    """Found by a helper session: a decision dated 2099 (or from a computer whose clock ran ten minutes
    fast) stayed current over every later one. A decision sent late from an outbox keeps its time: the
    later one made meanwhile stays current."""
    from datetime import datetime, timedelta

    zhang, li, lead = stores["zhang"], stores["li"], stores["lead"]
    zhang.set_decision(A, "measures", "符合", "", "张三", at="2099-01-01T09:00:00+08:00")
    lead.set_decision(A, "measures", "不符合", "缺数据", "组长")
    assert li.decisions(A)["measures"].decision == "不符合"
    li.set_decision(B, "measures", "符合", "", "李四")
    earlier = (datetime.now().astimezone() - timedelta(minutes=5)).isoformat(timespec="seconds")
    zhang.set_decision(B, "measures", "不符合", "离线时写的", "张三", at=earlier)  # sent late from his outbox
    assert lead.decisions(B)["measures"].decision == "符合"


def test_a_non_member_and_a_wrong_password_are_refused_clearly(team: TeamUrls, pg_cluster: PgCluster) -> None:
    other = pg_cluster.create_database("other_project", template="fz_template")
    init_server(pg_cluster.url(other))
    add_reviewer(pg_cluster.url(other), "王五", "pw-wang")
    with pytest.raises(RefusedError, match=r"王五 不是审阅项目 .* 的成员"):
        open_server_store(as_user(team.owner, "王五", "pw-wang"))
    with pytest.raises(LoginError, match="用户名或密码不正确"):
        open_server_store(as_user(team.owner, "张三", "wrong"))


def test_two_reviewers_on_one_item_both_stay_in_the_history_the_later_current(
        stores: dict[str, ServerReviewStore]) -> None:
    zhang, li = stores["zhang"], stores["li"]
    zhang.set_decision(B, "measures", "符合", "", "张三", at="2025-03-01T09:10:00+08:00")
    li.set_decision(B, "measures", "不符合", "", "李四", at="2025-03-01T09:14:00+08:00")
    # a decision made earlier but arriving later (from an offline outbox) does not win
    zhang.set_decision(B, "measures", "不适用", "", "张三", at="2025-03-01T09:12:00+08:00")
    current = zhang.decisions(B)["measures"]
    assert (current.decision, current.reviewer) == ("不符合", "李四")
    assert [(h.reviewer, h.old, h.new) for h in zhang.history(B) if h.field == "decision"] == [
        ("张三", None, "符合"), ("李四", "符合", "不符合"), ("张三", "不符合", "不适用")]


def test_concurrent_writers_lose_nothing(team: TeamUrls) -> None:
    def write(url: str, name: str, report: str) -> None:
        s = open_server_store(url)
        for i in range(40):
            s.set_decision(report, f"item{i % 5}", ("符合", "不符合")[i % 2], f"{name}{i}", name)
        s.close()

    threads = [threading.Thread(target=write, args=(url, n, B)) for url, n in ((team.zhang, "张三"), (team.li, "李四"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    owner = open_server_store(team.owner)
    comments = [h for h in owner.history(B) if h.field == "comment"]
    assert len(comments) == 80  # every write is in the history
    assert sorted(d.item for d in owner.decisions(B).values()) == [f"item{i}" for i in range(5)]
    owner.close()


def test_a_decision_reaches_another_reviewers_listener_within_two_seconds(stores: dict[str, ServerReviewStore]
                                                                          ) -> None:
    got: list[ItemDecision] = []
    verdicts: list[ReportVerdict] = []
    arrived = threading.Event()

    def on_changes(ds: list[ItemDecision], vs: list[ReportVerdict]) -> None:
        got.extend(ds)
        verdicts.extend(vs)
        arrived.set()

    listener = ChangeListener(stores["li"], on_changes, lambda _online: None, lambda: None).start()
    try:
        assert listener.connected.wait(5)
        stores["zhang"].set_decision(A, "measures", "不符合", "缺数据", "张三")
        assert arrived.wait(2.0)
        assert [(d.report, d.item, d.decision, d.comment, d.reviewer) for d in got] == [
            (A, "measures", "不符合", "缺数据", "张三")]
        arrived.clear()
        stores["lead"].set_verdict(A, "通过", "", "组长")
        assert arrived.wait(2.0) and [v.verdict for v in verdicts] == ["通过"]
    finally:
        listener.stop()


def test_last_years_pairings_ticks_and_library_are_announced(stores: dict[str, ServerReviewStore]) -> None:
    """Found by a helper session: a pairing corrected, a plan item ticked, or the library changed in one
    window stayed out of date in every other until the project was opened again."""
    import threading

    heard: list[bool] = []
    arrived = threading.Event()

    def on_lastyear(library: bool) -> None:
        heard.append(library)
        arrived.set()

    listener = ChangeListener(stores["li"], lambda _d, _v: None, lambda _online: None, lambda: None,
                              on_lastyear=on_lastyear).start()
    each: list[list[bool]] = []
    try:
        assert listener.connected.wait(5)
        for change in (lambda: stores["zhang"].set_pairing(A, "", "张三"),
                       lambda: stores["zhang"].set_promise(A, "item-1", True, "张三"),
                       lambda: stores["lead"].set_setting("lastyear.library", "/共享/2022.review"),
                       lambda: stores["zhang"].set_setting("load_failures", "[]")):
            arrived.clear()
            heard.clear()
            change()
            arrived.wait(1.5)
            each.append(list(heard))
        arrived.clear()
        heard.clear()
        listener.refresh_lastyear()  # a window's load ended: read them again (a code review)
        arrived.wait(1.5)
        each.append(list(heard))
    finally:
        listener.stop()
    assert each == [[False], [False], [True], [], [False]]  # the import's list of failures is none of these


def test_the_store_and_the_listener_come_back_after_a_server_restart(pg_cluster: PgCluster,
                                                                     stores: dict[str, ServerReviewStore]) -> None:
    zhang = stores["zhang"]
    states: list[bool] = []
    resyncs: list[int] = []
    listener = ChangeListener(zhang, lambda _d, _v: None, states.append, lambda: resyncs.append(1)).start()
    try:
        assert listener.connected.wait(5)
        pg_cluster.stop()
        with pytest.raises(ServerOfflineError, match="无法连接审阅服务器"):
            zhang.set_decision(B, "measures", "符合", "", "张三")
        assert wait_until(lambda: states == [False], 5)
        pg_cluster.start()
        assert wait_until(lambda: _written(zhang), 15)  # the same store object, no reopening
        assert wait_until(lambda: states == [False, True] and resyncs, 15)
    finally:
        listener.stop()
    assert zhang.decisions(B)["measures"].decision == "符合"


def test_a_listener_that_cannot_read_the_project_again_tries_until_it_can(stores: dict[str, ServerReviewStore]
                                                                           ) -> None:
    """Found by a helper session: back after an outage, the listener's reading of what was written meanwhile
    failed (the store's connections were not back yet) and was never tried again: 李四's three decisions,
    sent from his outbox before 张三's listener was back, never reached 张三's window."""
    attempts: list[bool] = []

    def resync() -> bool:
        attempts.append(len(attempts) >= 1)  # the first reading fails, the second succeeds
        return attempts[-1]

    listener = ChangeListener(stores["zhang"], lambda _d, _v: None, lambda _online: None, resync).start()
    try:
        assert wait_until(lambda: attempts == [False, True], 15)
        assert listener.connected.wait(5)
    finally:
        listener.stop()


def _written(store: ServerReviewStore) -> bool:
    try:
        store.set_decision(B, "measures", "符合", "", "张三")
    except ServerOfflineError:
        return False
    return True


def test_a_whole_project_goes_from_a_file_to_the_server_and_back(tmp_path: Path, team: TeamUrls) -> None:
    src = open_store(tmp_path / "mine.review")
    src.add_report(doc(A, "a.txt"), "甲区人民政府", 2023, "county", mtime=5.0)
    src.add_report(doc(B, "b.txt"), "乙区人民政府", 2022, "county")
    src.set_decision(A, "measures", "符合", "", "张三", at="2025-03-01T09:00:00+08:00")
    src.set_decision(A, "measures", "不符合", "缺数据", "李四", at="2025-03-01T09:05:00+08:00")
    src.set_verdict(A, "需修改", "请补充", "组长", at="2025-03-01T10:00:00+08:00")
    src.save_analysis(A, "v9", {"title": "标题"})
    src.set_pairing(A, "c" * 64, "张三", at="2025-03-01T11:00:00+08:00")
    src.set_promise(A, "0123456789ab", True, "张三", at="2025-03-01T11:01:00+08:00")
    src.set_setting("lastyear.library", "/x/2023.review")
    src.remove_reports([B], "组长")
    before = _content(src)
    src.close()
    fresh = team.owner.rsplit("/", 1)[0] + "/" + "copy_target"
    with psycopg.connect(team.owner, autocommit=True) as conn:
        conn.execute('CREATE DATABASE "copy_target" TEMPLATE fz_template')
    init_server(fresh)
    assert copy_project(str(tmp_path / "mine.review"), fresh) == {"reports": 1, "decisions": 1, "verdicts": 1,
                                                                   "history": 9}
    on_server = open_store(fresh)
    assert _content(on_server) == before
    on_server.close()
    copy_project(fresh, str(tmp_path / "home.review"))
    back = open_store(tmp_path / "home.review")
    assert _content(back) == before
    back.close()
    with pytest.raises(StoreError, match="已有 1 份报告"):
        copy_project(str(tmp_path / "mine.review"), fresh)


def _content(store: Any) -> tuple[Any, ...]:
    return (store.reports(), [(d.sha256, d.text) for d in store.documents()], store.all_decisions(),
            store.all_verdicts(), store.history(), store.cached_analysis(A, "v9"), store.pairing_fixes(),
            store.promise_ticks(), store.setting("lastyear.library"))


def test_sslmode_in_the_url_is_honoured(team: TeamUrls) -> None:
    with pytest.raises(ServerOfflineError, match=r"加密连接|SSL"):
        open_server_store(team.zhang + "?sslmode=require")


def test_a_carried_verdict_writes_no_history_and_an_older_server_still_takes_a_changed_file(
        server_project: str) -> None:
    """Found in a review: the carried overall comment was logged as a verdict change by its old author,
    and a server not yet upgraded (no carry_verdict) refused every changed file."""
    def doc(sha: str, text: str) -> Document:
        return Document(path="/x/a.txt", text=text, sha256=sha, format="txt", encoding="utf-8", size=len(text))

    store = open_server_store(server_project)
    store.add_report(doc("a" * 64, "一、主要举措\n做了工作。\n"), None, None, None)
    store.set_decision("a" * 64, "measures", "符合", "看过", "组长")
    store.set_verdict("a" * 64, "通过", "基本符合要求", "组长")
    store.add_report(doc("b" * 64, "一、主要举措\n做了更多工作。\n"), None, None, None)
    carried = store.verdict("b" * 64)
    assert carried is not None and (carried.verdict, carried.comment) == ("未审", "基本符合要求")
    assert [h.field for h in store.history("b" * 64)] == []
    with psycopg.connect(server_project, autocommit=True) as conn:
        conn.execute("DROP FUNCTION fazhi.carry_verdict(text, text)")  # as a server still at schema 2
    store.add_report(doc("c" * 64, "一、主要举措\n又做了工作。\n"), None, None, None)
    assert store.decisions("c" * 64)["measures"].stale and store.verdict("c" * 64) is None
    store.close()


def test_two_reviewers_importing_at_once_both_keep_their_unreadable_files(stores: dict[str, ServerReviewStore]
                                                                         ) -> None:
    """The list of files that could not be read is one setting: each import reads it, adds its own
    and writes it back. Two imports at the same moment used to keep only the second one's files."""
    from reviewer.failures import KEY, kept_failures, remember_failures
    from reviewer.model import LoadError

    zhang, li = stores["zhang"], stores["li"]
    mine = {"path": "/收文/甲区.docx", "kind": "corrupt", "message": "甲区.docx：文件已损坏"}
    theirs = LoadError("/收文/乙区.pdf", "encrypted", "乙区.pdf：文件有密码")
    order: list[str] = []
    other = threading.Thread(target=lambda: (remember_failures(li, [theirs], []), order.append("李四")))

    def zhangs_import(old: str | None) -> str | None:
        if not order:  # 李四's import starts while 张三's is between reading the list and writing it
            other.start()
            other.join(timeout=1.0)
            order.append("张三")
        return json.dumps([*(json.loads(old) if old else []), mine], ensure_ascii=False)

    zhang.update_setting(KEY, zhangs_import)
    other.join(timeout=10)
    assert order == ["张三", "李四"]  # 李四's import waited for 张三's to be written
    assert sorted(e.path for e in kept_failures(zhang)) == ["/收文/乙区.pdf", "/收文/甲区.docx"]
