"""Work shared with forked copies of this process: every chunk done once, none lost, same results."""

from __future__ import annotations

import io
import json
import os
import signal
import time
from pathlib import Path

import pytest

from reviewer import analyze as analyze_mod
from reviewer import cli, forkmap, pool
from reviewer.analyze import analyze_many
from reviewer.load import load_many
from reviewer.model import Analysis
from tests.benchmarks.corpus import write_reports

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="forks only where there is fork()")


@pytest.fixture(autouse=True)
def children(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The children forked during the test. pytest-qt has loaded Qt in this process, which
    ``pool.start_method`` avoids forking (Qt's own threads); the children here run none of Qt's code."""
    monkeypatch.setattr(forkmap, "start_method", lambda: "fork")
    pids: list[int] = []
    fork = os.fork

    def recorded() -> int:
        pid = fork()
        if pid:
            pids.append(pid)
        return pid

    monkeypatch.setattr(forkmap.os, "fork", recorded)
    return pids


def test_every_index_is_done_once_here_and_in_the_children(children: list[int]) -> None:
    me = os.getpid()
    def run(i: int) -> tuple[int, int]:
        time.sleep(0.005)  # a chunk takes time: each process gets some
        return i * i, os.getpid()

    got = list(forkmap.forked_map(run, 90, 2))
    assert sorted(i for i, _ in got) == list(range(90))
    assert all(square == i * i for i, (square, _) in got)
    pids = {pid for _, (_, pid) in got}
    assert me in pids and len(pids) == 3  # this process and two children each did some
    assert _all_ended(children)


def test_a_chunk_whose_child_died_or_failed_is_done_here(children: list[int]) -> None:
    me = os.getpid()

    def run(i: int) -> int:
        time.sleep(0.002)
        if os.getpid() != me and i % 7 == 3:
            os.kill(os.getpid(), signal.SIGKILL)  # killed outright, mid-batch
        if os.getpid() != me and i % 7 == 5:
            raise ValueError("a failure only a child meets")
        return -i

    got = list(forkmap.forked_map(run, 40, 2))
    assert sorted(got) == [(i, -i) for i in range(40)]  # each once
    assert _all_ended(children)


def test_a_fork_refused_leaves_the_work_to_the_others(children: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    recorded = forkmap.os.fork

    def second_refused() -> int:
        if children:
            raise BlockingIOError(11, "Resource temporarily unavailable")  # EAGAIN: too many processes
        return recorded()

    monkeypatch.setattr(forkmap.os, "fork", second_refused)
    fds = len(os.listdir("/proc/self/fd"))

    def run(i: int) -> int:
        time.sleep(0.002)
        return i

    assert sorted(forkmap.forked_map(run, 30, 3)) == [(i, i) for i in range(30)]
    assert len(children) == 1 and _all_ended(children)
    assert len(os.listdir("/proc/self/fd")) == fds  # no pipe left open


def test_tickets_that_do_not_fit_the_pipe_are_done_here(children: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    """A user over the kernel's pipe quota gets one-page pipes: the batch must not wait on a full one."""
    import fcntl

    monkeypatch.setattr(forkmap, "_grow", lambda fd, size: fcntl.fcntl(fd, 1031, 4096))  # F_SETPIPE_SZ
    fds = len(os.listdir("/proc/self/fd"))
    assert sorted(forkmap.forked_map(lambda i: i, 5000, 1)) == [(i, i) for i in range(5000)]
    assert children == [] and len(os.listdir("/proc/self/fd")) == fds


def test_cancelled_stops_and_ends_the_children(children: list[int]) -> None:
    def run(i: int) -> int:
        time.sleep(0.002)
        return i

    got: list[int] = []
    for i, _ in forkmap.forked_map(run, 500, 1, cancelled=lambda: len(got) >= 3):
        got.append(i)
    assert 3 <= len(got) < 500
    assert _all_ended(children)


def test_an_error_here_ends_the_children_too(children: list[int]) -> None:
    def run(i: int) -> int:
        if i > 30:
            raise KeyError(i)
        return i

    with pytest.raises(KeyError):
        for _ in forkmap.forked_map(run, 1000, 2):
            pass
    assert _all_ended(children)


def test_no_fork_with_another_thread_running(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forkmap, "start_method", pool.start_method)
    monkeypatch.setattr(pool.threading, "active_count", lambda: 2)
    me = os.getpid()
    assert {pid for _, pid in forkmap.forked_map(lambda i: os.getpid(), 20, 2)} == {me}


def test_in_order_gives_each_result_once_those_before_it_are_in() -> None:
    assert list(forkmap.in_order(iter([(2, "c"), (0, "a"), (3, "d"), (1, "b")]))) == ["a", "b", "c", "d"]


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("batch")
    return [str(p) for p in write_reports(48, Path(folder))]


def test_forks_whatever_the_load_a_pool_only_on_free_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "_load_average", lambda: 9.0)  # (or this program's own last run)
    monkeypatch.setattr(pool.os, "cpu_count", lambda: 2)
    assert pool.batch_workers(200) == 0
    assert pool.fork_workers(200) == 1 and pool.fork_workers(200, workers=1) == 0
    assert pool.fork_workers(pool.INLINE_BELOW - 1) == 0


def _many(paths: list[str], monkeypatch: pytest.MonkeyPatch, fork: bool, workers: int) -> list[Analysis]:
    monkeypatch.setattr(pool, "_load_average", lambda: 0.0)  # pool workers even on a busy machine
    monkeypatch.setattr(pool.os, "cpu_count", lambda: 3)
    monkeypatch.setattr(analyze_mod, "can_fork", lambda: fork)
    docs, _ = load_many(paths)
    return analyze_many(docs, workers=workers)


def test_a_forked_batch_is_the_batch_in_one_process(batch: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    forked = _many(batch, monkeypatch, True, 3)
    pooled = _many(batch, monkeypatch, False, 3)
    inline = _many(batch, monkeypatch, False, 1)
    assert forked == inline == pooled
    across = [a for a in inline if a.previous_year is not None]
    shared = [a for a in inline if any(f.kind == "duplicate_across_reports" for f in a.findings)]
    assert len(across) >= 10 and len(shared) >= 10  # both cross-report stages had work to share


def test_forked_json_is_the_json_of_one_process(batch: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    docs, _ = load_many(batch)
    analyses = analyze_many(docs, workers=1)
    texts = []
    for workers in (2, 1):
        out = io.StringIO()
        monkeypatch.setattr(pool, "fork_workers", lambda n, workers=None, w=workers: w - 1)
        cli.write_json(analyses, [], False, out)
        texts.append(out.getvalue())
    assert texts[0] == texts[1] and len(json.loads(texts[0])) == 48


def _all_ended(pids: list[int]) -> bool:
    """Every child ended and waited for (no zombie, none left running)."""
    for pid in pids:
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            continue
        return False
    return bool(pids)


def test_a_reader_that_stops_ends_the_batch_quietly(batch: list[str]) -> None:
    """``reviewer analyze --json FOLDER | head``: no traceback, no child left running."""
    import subprocess
    import sys

    folder = str(Path(batch[0]).parent)
    proc = subprocess.Popen([sys.executable, "-m", "reviewer", "analyze", "--json", folder],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.read(10) == b'[\n {\n  "sc'
    proc.stdout.close()  # as head does after its lines
    err = proc.stderr.read().decode("utf-8", "replace")
    assert proc.wait(timeout=60) == 1 and "Traceback" not in err and "Exception" not in err
    assert _left_running(folder) == []


def _left_running(folder: str) -> list[int]:
    """Processes still working on ``folder`` (a forked child's command line is its parent's)."""
    time.sleep(0.2)
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and folder.encode() in (proc / "cmdline").read_bytes():
                found.append(int(proc.name))
        except OSError:
            continue
    return found
