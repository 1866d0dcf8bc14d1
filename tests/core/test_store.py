"""The review project store: nothing a reviewer does is ever lost."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from reviewer import store as store_mod
from reviewer.store import SCHEMA_VERSION, StoreError, open_store
from tests.conftest import ROOT

A, B = "a" * 64, "b" * 64


def test_decisions_verdicts_and_history_round_trip(tmp_path: Path) -> None:
    s = open_store(tmp_path / "p.review")
    assert s.journal_mode == "wal"
    s.add_report(A, "/x/a.txt", "津南区人民政府", 2021, "county")
    s.set_decision(A, "measures", "符合", "", "张三")
    d = s.set_decision(A, "measures", "不符合", "缺少数据", "李四")
    s.set_verdict(A, "需修改", "请补充原因", "李四")
    s.close()
    s = open_store(tmp_path / "p.review")
    got = s.decisions(A)["measures"]
    assert (got.decision, got.comment, got.reviewer, got.stale) == ("不符合", "缺少数据", "李四", False)
    assert got.time == d.time
    v = s.verdict(A)
    assert v is not None and (v.verdict, v.comment) == ("需修改", "请补充原因")
    hist = [(h.field, h.old, h.new, h.reviewer) for h in s.history(A)]
    assert hist == [
        ("decision", None, "符合", "张三"),
        ("comment", None, "", "张三"),
        ("decision", "符合", "不符合", "李四"),
        ("comment", "", "缺少数据", "李四"),
        ("verdict", None, "需修改", "李四"),
        ("verdict_comment", None, "请补充原因", "李四"),
    ]
    assert s.reports()[0].issuer == "津南区人民政府"


def test_invalid_decision_is_refused(tmp_path: Path) -> None:
    s = open_store(tmp_path / "p.review")
    with pytest.raises(StoreError, match="无效"):
        s.set_decision(A, "x", "好", "", "r")  # type: ignore[arg-type]


def test_moved_report_keeps_its_review(tmp_path: Path) -> None:
    s = open_store(tmp_path / "p.review")
    s.add_report(A, "/old/a.txt", None, None, None)
    s.set_decision(A, "measures", "符合", "", "r")
    rec = s.add_report(A, "/new/renamed.txt", None, None, None)
    assert rec.changed_from is None
    assert [r.path for r in s.reports()] == ["/new/renamed.txt"]
    assert s.decisions(A)["measures"].decision == "符合"


def test_changed_content_is_marked_and_old_decisions_kept_as_stale(tmp_path: Path) -> None:
    s = open_store(tmp_path / "p.review")
    s.add_report(A, "/x/a.txt", None, None, None)
    s.set_decision(A, "measures", "符合", "看过", "r")
    rec = s.add_report(B, "/x/a.txt", None, None, None)
    assert rec.changed_from == A
    carried = s.decisions(B)["measures"]
    assert (carried.decision, carried.comment, carried.stale) == ("符合", "看过", True)
    assert s.decisions(A)["measures"].stale is False  # the old version's review stays as it was
    s.set_decision(B, "measures", "不符合", "", "r")
    assert s.decisions(B)["measures"].stale is False


def test_analysis_cache_is_keyed_by_version(tmp_path: Path) -> None:
    s = open_store(tmp_path / "p.review")
    s.save_analysis(A, "v1", {"title": "标题", "n": 1})
    assert s.cached_analysis(A, "v1") == {"title": "标题", "n": 1}
    assert s.cached_analysis(A, "v2") is None
    s.save_analysis(A, "v2", {"n": 2})
    assert s.cached_analysis(A, "v1") is None  # stale versions are dropped
    assert s.cached_analyses("v2") == {A: {"n": 2}}


def test_text_file_is_not_a_project_and_is_left_alone(tmp_path: Path) -> None:
    p = tmp_path / "notes.review"
    p.write_text("这是一份普通文本", encoding="utf-8")
    with pytest.raises(StoreError, match="不是审阅项目文件"):
        open_store(p)
    assert p.read_text(encoding="utf-8") == "这是一份普通文本"


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "other.db"
    with sqlite3.connect(p) as conn:
        conn.execute("CREATE TABLE t (x)")
    before = p.read_bytes()
    with pytest.raises(StoreError, match="其他程序"):
        open_store(p)
    assert p.read_bytes() == before


def test_newer_schema_version_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "p.review"
    open_store(p).close()
    with sqlite3.connect(p) as conn:
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="更新版本"):
        open_store(p)


def test_read_only_project_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "p.review"
    open_store(p).close()
    before = p.read_bytes()
    # Root ignores permission bits, so the check is driven through os.access as the OS would answer it.
    monkeypatch.setattr(store_mod.os, "access", lambda path, mode: False)
    with pytest.raises(StoreError, match="只读"):
        open_store(p)
    assert p.read_bytes() == before


def test_network_drive_falls_back_to_rollback_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_mod, "is_network_path", lambda path: True)
    s = open_store(tmp_path / "p.review")
    assert s.journal_mode == "delete"
    s.set_decision(A, "x", "符合", "", "r")
    assert s.decisions(A)["x"].decision == "符合"


def test_unc_paths_are_network_paths() -> None:
    assert store_mod.is_network_path(Path("\\\\server\\share\\p.review"))
    assert store_mod.is_network_path(Path("//server/share/p.review"))


def _child(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_sigkill_right_after_set_decision_loses_nothing(tmp_path: Path) -> None:
    p = tmp_path / "p.review"
    child = _child("""
        import sys, time
        from reviewer.store import open_store
        s = open_store(sys.argv[1])
        s.set_decision("a" * 64, "measures", "符合", "已核", "张三")
        print("saved", flush=True)
        time.sleep(60)
    """, str(p))
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "saved"
    child.send_signal(signal.SIGKILL)
    child.wait()
    d = open_store(p).decisions(A)["measures"]
    assert (d.decision, d.comment) == ("符合", "已核")


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    p = tmp_path / "p.review"
    open_store(p).close()
    code = """
        import sys
        from reviewer.store import open_store
        s = open_store(sys.argv[1])
        for i in range(60):
            s.set_decision(sys.argv[2] * 64, f"item{i}", "符合", str(i), sys.argv[2])
        print("done")
    """
    kids = [_child(code, str(p), who) for who in ("a", "b")]
    for k in kids:
        out, err = k.communicate(timeout=60)
        assert out.strip() == "done", err
    s = open_store(p)
    assert len(s.decisions(A)) == 60 and len(s.decisions(B)) == 60
    assert len(s.history()) == 240
    assert s._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_tick_is_fast(tmp_path: Path) -> None:
    """Not a timing assertion on the shared machine: a sanity bound far above the 20 ms target."""
    s = open_store(tmp_path / "p.review")
    t0 = time.perf_counter()
    for i in range(50):
        s.set_decision(A, f"i{i}", "符合", "", "r")
    assert (time.perf_counter() - t0) / 50 < 0.5
