"""The faster paths give the same results as the plain ones: streamed JSON, the shared pool, the choice of pool."""

from __future__ import annotations

import io
import json
import os
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace

import pytest

from reviewer import jsonout, pool
from reviewer.analyze import analyze_many
from reviewer.cli import main
from reviewer.load import load
from reviewer.serialize import to_json
from tests.conftest import seed_path

SEEDS = ("000", "001", "002", "003", "004")

ODD = [
    {}, [], "", 0, -1.5, 1e300, True, None, "换行\n\"引号\"\\ \u2028 \x00", {"a": []}, {"b": {}},
    {"k": [1, [2, [3, {"x": None}]], {"y": [True, False]}], "z": "末"},
    [[], [[]], {"": ""}], {"数字": [1.0, 2.5, float(10**20)], "嵌套": {"一": {"二": {"三": [1]}}}},
    {"mixed": [1, "二", None, {"三": 3}, [4]]}, (1, 2), {"t": (None, "x")},
    [{"a": 1, "b": "x"}, {"c": None}], [{"s": "},\n  {", "t": "}, {"}, {"u": 2.5}],
    {"k": [{"a": 1}, {"b": [1]}], "l": [{"a": 1}, {}], "m": [{1: "键是数"}, {"n": True}]},
    [[{"深": {"x": 1}}], [{"y": -0.0}, {"z": "\u2028"}]],
]


@pytest.mark.parametrize("obj", ODD)
def test_dumps_writes_what_json_dumps_writes(obj: object) -> None:
    assert jsonout.dumps(obj) == json.dumps(obj, ensure_ascii=False, indent=1)
    for level in (1, 3):
        nested = json.dumps(obj, ensure_ascii=False, indent=1).replace("\n", "\n" + " " * level)
        assert jsonout.dumps(obj, level) == nested


def test_dumps_of_every_seed_analysis_and_an_array_of_them() -> None:
    objs = [to_json(a) for a in analyze_many([load(seed_path(p)) for p in SEEDS], workers=1)]
    for o in objs:
        assert jsonout.dumps(o) == json.dumps(o, ensure_ascii=False, indent=1)
    for items in (objs, objs[:1], []):
        out = io.StringIO()
        jsonout.write_array((jsonout.dumps(o, 1) for o in items), out)
        assert out.getvalue() == json.dumps(items, ensure_ascii=False, indent=1)


def test_cli_json_is_json_dumps_of_the_results(capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(seed_path(p)) for p in SEEDS[:2]]
    assert main(["analyze", "--json", *paths, "/no/such/file.txt"]) == 1
    printed = capsys.readouterr().out
    assert printed == json.dumps(json.loads(printed), ensure_ascii=False, indent=1) + "\n"
    assert [r.get("file") for r in json.loads(printed)[:2]] == paths


def test_small_batches_one_worker_and_busy_cores_stay_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool.os, "cpu_count", lambda: 8)
    assert pool.batch_workers(1) == pool.batch_workers(1, busy=0.0) == 0
    assert pool.batch_workers(pool.INLINE_BELOW - 1, workers=8, busy=0.0) == 0
    assert pool.batch_workers(1000, workers=1, busy=0.0) == 0
    assert pool.batch_workers(1000, workers=2, busy=0.0) == 1  # this process is the other one
    assert pool.batch_workers(1000, busy=0.0) == 7
    assert pool.batch_workers(1000, busy=5.5) == 2  # 2.5 cores free
    assert pool.batch_workers(1000, busy=9.0) == 0


def test_fork_only_without_other_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(pool.sys.modules, "PySide6.QtCore", raising=False)  # pytest-qt loads it
    monkeypatch.setattr(pool, "_system_threads", lambda: 1)  # (and Qt's threads run in this test process)
    monkeypatch.setattr(pool.sys, "platform", "linux")
    monkeypatch.setattr(pool.threading, "active_count", lambda: 1)
    assert pool.start_method() == "fork"
    monkeypatch.setattr(pool.threading, "active_count", lambda: 3)
    assert pool.start_method() == "spawn"
    monkeypatch.setattr(pool.threading, "active_count", lambda: 1)
    monkeypatch.setitem(pool.sys.modules, "PySide6.QtCore", pool.sys)  # Qt's own threads are not counted
    assert pool.start_method() == "spawn"
    monkeypatch.delitem(pool.sys.modules, "PySide6.QtCore")
    monkeypatch.setattr(pool, "_system_threads", lambda: 6)  # e.g. the OCR engine's, after a scan
    assert pool.start_method() == "spawn"
    monkeypatch.setattr(pool, "_system_threads", lambda: 1)
    assert pool.start_method() == "fork"
    monkeypatch.setattr(pool.sys, "platform", "win32")
    assert pool.start_method() == "spawn"


def _square(x: int) -> int:
    return x * x


def test_share_work_does_every_chunk_once_here_or_in_the_pool() -> None:
    here: list[int] = []
    me = threading.get_ident()

    def run(x: int) -> int:
        if threading.get_ident() == me:
            here.append(x)
        return _square(x)

    with ThreadPoolExecutor(1) as ex:
        got = dict(pool.share_work(ex, 1, run, list(range(40))))
    assert got == {i: i * i for i in range(40)}
    assert here  # this thread worked too


class _Broken(ThreadPoolExecutor):
    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        f: Future[int] = Future()
        f.set_exception(RuntimeError("worker died"))
        return f


def test_share_work_runs_a_failed_chunk_here() -> None:
    with _Broken(1) as ex:
        assert sorted(pool.share_work(ex, 2, _square, [1, 2, 3])) == [(0, 1), (1, 4), (2, 9)]


def test_a_batch_in_a_pool_beside_this_process_is_the_batch_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "_load_average", lambda: 0.0)  # a worker even on a busy machine
    monkeypatch.setattr(pool.os, "cpu_count", lambda: 2)
    seeds = [load(seed_path(p)) for p in SEEDS]
    docs = [replace(seeds[i % 5], path=f"r{i:03d}.txt") for i in range(pool.INLINE_BELOW + 3)]
    shared = analyze_many(docs, workers=2)
    inline = analyze_many(docs, workers=1)
    assert shared == inline and [a.file for a in shared] == [d.path for d in docs]


def test_a_command_collects_garbage_less_often_and_leaves_the_collector_as_it_was(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import gc

    from reviewer import cli

    seen: list[tuple[int, int, int]] = []
    real = cli._cmd_analyze

    def recording(args: object) -> int:
        seen.append(gc.get_threshold())
        return real(args)  # type: ignore[arg-type]

    monkeypatch.setattr(cli, "_cmd_analyze", recording)
    before = gc.get_threshold()
    assert main(["analyze", str(seed_path("000"))]) == 0
    assert seen == [(50_000, 20, 20)] and gc.get_threshold() == before
    capsys.readouterr()


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="the system's thread list is Linux's /proc")
def test_this_process_threads_are_counted_by_the_system() -> None:
    ready, stop = threading.Event(), threading.Event()
    before = pool._system_threads()
    t = threading.Thread(target=lambda: (ready.set(), stop.wait()))
    t.start()
    ready.wait()
    try:
        assert pool._system_threads() == before + 1
    finally:
        stop.set()
        t.join()
