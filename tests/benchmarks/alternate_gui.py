"""The window's loading of a folder, this checkout beside another, window after window in turn.

Usage: python tests/benchmarks/alternate_gui.py --before PATH [--rounds 8] [--reports 300]

One window's longest event-loop stall varies by ±10 ms on a shared machine, so a before/after
comparison of three windows each (``run_all.py``) can show a change that is noise. This opens
``--rounds`` windows of each checkout alternately, each in a fresh process (``bench_gui.measure_folder``
of that checkout), and prints each window's figures and their medians as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parents[2]
CODE = ("import json, sys; from tests.benchmarks.bench_gui import measure_folder;"
        "print(json.dumps(measure_folder(int(sys.argv[1]))))")


def one_window(tree: Path, reports: int) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(tree), "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    out = subprocess.run([sys.executable, "-c", CODE, str(reports)], cwd=tree, env=env, capture_output=True,
                         text=True, check=True)
    figures: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return figures


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--before", type=Path, required=True, help="the other checkout (e.g. a git worktree)")
    ap.add_argument("--rounds", type=int, default=8)
    ap.add_argument("--reports", type=int, default=300)
    args = ap.parse_args()
    trees = {"before": args.before.resolve(), "after": HERE}
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
    for _ in range(args.rounds):
        for name, tree in trees.items():
            runs[name].append(one_window(tree, args.reports))

    def summary(rs: list[dict[str, float]]) -> dict[str, object]:
        gaps = [r["longest_event_loop_gap_ms"] for r in rs]
        loads = [r["load_s"] for r in rs]
        return {"longest_stall_ms_median": statistics.median(gaps), "longest_stall_ms_each": gaps,
                "all_in_tree_s_median": statistics.median(loads), "all_in_tree_s_each": loads}

    print(json.dumps({name: summary(rs) for name, rs in runs.items()}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
