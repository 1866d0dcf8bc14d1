"""Offline, nothing lost: a change made while the server is down waits in the outbox, survives the
program being killed, and is sent in order at the next start."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reviewer.journal import Journal
from reviewer.store import open_store
from tests.conftest import ROOT, TeamUrls
from tests.pgcluster import PgCluster
from ui.writer import StoreWriter

A = "a" * 64

KILLED_WHILE_OFFLINE = textwrap.dedent("""
    import os, signal, sys, time
    from pathlib import Path
    from reviewer.journal import Change, Journal
    from reviewer.store import open_store
    from ui.writer import StoreWriter

    url, outbox = sys.argv[1], sys.argv[2]
    writer = StoreWriter(lambda: (open_store(url, busy_timeout_ms=1000), True), Journal(Path(outbox)))
    writer.submit(Change("decision", "a" * 64, "measures", "符合", "先写的", "张三", "2027-03-01T09:00:00+08:00"))
    writer.submit(Change("decision", "a" * 64, "measures", "不符合", "断网时写的", "张三", "2027-03-01T09:01:00+08:00"))
    time.sleep(1.5)  # the writer has tried and failed: the server is down
    print(len(writer.pending()), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
""")


def test_changes_made_offline_survive_a_kill_and_are_sent_at_the_next_start(
        tmp_path: Path, team_project: TeamUrls, pg_cluster: PgCluster) -> None:
    outbox = tmp_path / "outbox.jsonl"
    pg_cluster.stop()
    try:
        run = subprocess.run([sys.executable, "-c", KILLED_WHILE_OFFLINE, team_project.zhang, str(outbox)],
                             capture_output=True, text=True, cwd=ROOT, timeout=60,
                             env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    finally:
        pg_cluster.start()
    assert run.returncode == -9 and run.stdout.strip() == "2", run.stderr
    assert len(Journal(outbox).pending()) == 2
    writer = StoreWriter(lambda: (open_store(team_project.zhang), True), Journal(outbox))  # the next start
    assert writer.flush(timeout=20)
    writer.close()
    owner = open_store(team_project.owner)
    current = owner.decisions(A)["measures"]
    assert (current.decision, current.comment, current.reviewer) == ("不符合", "断网时写的", "张三")
    assert [h.new for h in owner.history(A) if h.field == "decision"] == ["符合", "不符合"]  # in order
    owner.close()
    assert not outbox.exists()


def test_a_change_the_server_refuses_is_dropped_with_the_reason_and_the_record(
        tmp_path: Path, team_project: TeamUrls) -> None:
    from reviewer.journal import Change
    from reviewer.model import Document

    owner = open_store(team_project.owner)
    owner.add_report(Document("/x/a.txt", "一、\n", A, "txt", "utf-8", 6), None, 2023, None)
    owner.set_decision(A, "measures", "符合", "组长看过", "组长")
    owner.close()
    lead = open_store(team_project.lead)
    lead.assign([A], "李四")  # type: ignore[attr-defined]
    lead.close()
    refused: list[tuple[str, object, object]] = []
    writer = StoreWriter(lambda: (open_store(team_project.zhang), True), Journal(tmp_path / "outbox.jsonl"))
    writer.refused.connect(lambda m, c, cur: refused.append((m, c, cur)), type=_direct())
    writer.submit(Change("decision", A, "measures", "不符合", "", "张三", "2027-03-01T09:00:00+08:00"))
    assert writer.flush(timeout=20)
    writer.close()
    ((message, _change, current),) = refused
    assert message == "该报告已分配给 李四，您不能修改它的核查项判断"
    assert getattr(current, "comment", None) == "组长看过"
    assert not (tmp_path / "outbox.jsonl").exists()


def _direct() -> object:
    from PySide6.QtCore import Qt

    return Qt.ConnectionType.DirectConnection


def test_a_write_that_gets_no_answer_is_said_to_fail_while_it_waits(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
                                                                     ) -> None:
    """Found by a helper session: a server that stopped answering (paused) held the write with no error,
    and the window said 已连接 for a minute with changes unsaved. The change is written when it answers."""
    import threading

    from reviewer.journal import Change
    from reviewer.memory_store import MemoryReviewStore
    from ui import writer as writer_mod

    monkeypatch.setattr(writer_mod, "STALL_S", 0.5)
    answer = threading.Event()
    store = MemoryReviewStore()
    real = store.set_decision

    def slow(*args: object, **kwargs: object) -> object:
        answer.wait(20)  # the server says nothing until it is resumed
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "set_decision", slow)
    w = StoreWriter(lambda: (store, False), None)
    failed: list[tuple[str, int, bool]] = []
    w.failed.connect(lambda m, n, offline: failed.append((m, n, offline)))
    recovered: list[bool] = []
    w.recovered.connect(lambda: recovered.append(True))
    w.submit(Change("decision", A, "measures", "符合", "", "张三", "2025-03-01T09:00:00+08:00"))
    qtbot.waitUntil(lambda: bool(failed), timeout=5000)
    assert failed[0][0].startswith("保存时对方没有应答") and failed[0][1:] == (1, True)
    answer.set()
    qtbot.waitUntil(lambda: bool(recovered), timeout=5000)
    assert store.decisions(A)["measures"].decision == "符合"
    w.close()
