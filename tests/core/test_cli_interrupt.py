"""Ctrl+C in a terminal stops a command with a word and exit code 130, not with tracebacks from the
command and from each of its workers (found by a helper session)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED_FILES

# The batch's analysis slowed down (in this process and the copies it forks), so that Ctrl+C comes
# while the workers are busy, however fast the machine.
SLOW = """
import sys, time
import reviewer.analyze as analyze
from reviewer.cli import command
real = analyze.analyze_document
def slow(*a, **k):
    time.sleep(0.2)
    return real(*a, **k)
analyze.analyze_document = slow
sys.argv = ["reviewer", *sys.argv[1:]]
command()
"""


def test_ctrl_c_during_a_batch_says_cancelled_without_a_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for i in range(60):
        (folder / f"r{i:02d}.txt").write_text(SEED_FILES[i % len(SEED_FILES)].read_text(encoding="utf-8")
                                              + f"\n编号{i}\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", SLOW, "analyze", "--json", str(folder)], cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    time.sleep(2.0)  # started, its workers forked and analysing (60 reports take 6 s of sleep alone)
    assert proc.poll() is None
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl+C sends: to the command and every worker
    _out, err = proc.communicate(timeout=30)
    assert (proc.returncode, err.decode()) == (130, "已取消（Ctrl+C）\n")


def test_ctrl_c_is_said_in_the_language_asked_for(monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from reviewer import cli

    def interrupted(_args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_cmd_analyze", interrupted)
    assert cli.main(["analyze", "--lang", "en", "x.txt"]) == 130
    assert capsys.readouterr().err == "Cancelled (Ctrl+C)\n"
