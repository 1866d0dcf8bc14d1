"""The command line as a user runs it: whole processes, start-up included. Prints JSON.

Usage: python tests/benchmarks/bench_cli.py [--reports 200] [--runs 3] [--tree PATH]

``reviewer analyze --json`` over N distinct generated reports (``corpus.py``) and over one seed,
each a fresh process (median of ``--runs``), beside one ``jieba.lcut`` pass over the same N texts
in this process (jieba initialised first, as the issue measured it); the same batch forced into
one process (no pool: a batch must never be slower with one); and where one process's time goes
(imports, dictionary, analysis, cross-report findings, JSON). ``--tree`` measures another
checkout (e.g. main, for before/after) with this same script. Each checkout is byte-compiled first,
as an installed program is (see ``compiled``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(HERE))

from tests.benchmarks.corpus import write_reports  # noqa: E402

# Every batch in this process: both the pool's chooser (this branch) and the older fixed threshold.
ONE_PROCESS = ("import sys, reviewer.analyze as a, reviewer.pool as p; a.batch_workers = lambda n, w=None: 0;"
               "a._INLINE_BELOW = 1 << 30; a.fork_workers = p.fork_workers = lambda n, w=None: 0;"
               "from reviewer.cli import main; sys.exit(main(sys.argv[1:]))")

PARTS = r"""
import io, json, sys, time
t0 = time.perf_counter()
import reviewer.cli as cli
import reviewer.pool as pool
pool.fork_workers = lambda n, w=None: 0  # every part in this one process
from reviewer.analyze import add_batch_duplicates, analyze_many
from reviewer.load import load_many
from reviewer.lastyear import with_previous_years
from reviewer.serialize import to_json
t1 = time.perf_counter()
from reviewer import segment
segment.tokenizer()
t2 = time.perf_counter()
docs, _ = load_many([sys.argv[1]])
analyses = analyze_many(docs, workers=1, across=False)
t3 = time.perf_counter()
analyses = with_previous_years(add_batch_duplicates(analyses))
t4 = time.perf_counter()
out = io.StringIO()
if hasattr(cli, "write_json"):
    cli.write_json(analyses, [], False, out)
else:
    json.dump([to_json(a) for a in analyses], out, ensure_ascii=False, indent=1)
t5 = time.perf_counter()
print(json.dumps({"imports_s": t1 - t0, "dictionary_s": t2 - t1, "load_and_analysis_s": t3 - t2,
                  "cross_report_s": t4 - t3, "json_s": t5 - t4}))
"""


def _run(tree: Path, args: list[str]) -> float:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    t0 = time.perf_counter()
    subprocess.run([sys.executable, *args], cwd=tree, env=env, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - t0


def _median(tree: Path, args: list[str], runs: int) -> float:
    return statistics.median(_run(tree, args) for _ in range(runs))


def jieba_pass(paths: list[Path]) -> float:
    """One ``jieba.lcut`` over each text, jieba initialised beforehand (not counted)."""
    import jieba

    from reviewer.segment import cache_dir

    jieba.dt.tmp_dir = str(cache_dir())  # never the shared /tmp/jieba.cache
    jieba.setLogLevel(60)
    jieba.initialize()
    texts = [p.read_text(encoding="utf-8") for p in paths]
    t0 = time.perf_counter()
    for t in texts:
        jieba.lcut(t)
    return time.perf_counter() - t0


def parts(tree: Path, folder: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    proc = subprocess.run([sys.executable, "-c", PARTS, str(folder)], cwd=tree, env=env, capture_output=True,
                          text=True, check=True)
    return {k: round(v, 3) for k, v in json.loads(proc.stdout.strip().splitlines()[-1]).items()}


def compiled(tree: Path) -> None:
    """The checkout's modules byte-compiled, as an installed program's are: pip compiles a package as it
    installs it, and Python caches what it imports. Where ``PYTHONDONTWRITEBYTECODE`` is set (this
    machine), every start would compile our sources again: 0.14 s of imports instead of 0.09 s."""
    import compileall

    for package in ("reviewer", "ui"):
        compileall.compile_dir(str(tree / package), quiet=1)


def measure(tree: Path, n: int, runs: int) -> dict[str, Any]:
    compiled(tree)
    with tempfile.TemporaryDirectory(prefix="fazhi-bench-cli-") as tmp:
        folder = Path(tmp) / "reports"
        paths = write_reports(n, folder)
        one = sorted((HERE / "seeds").glob("*.txt"))[0]
        jieba_s = jieba_pass(paths)
        whole = _median(tree, ["-m", "reviewer", "analyze", "--json", str(folder)], runs)
        single = _median(tree, ["-c", ONE_PROCESS, "analyze", "--json", str(folder)], runs)
        one_s = _median(tree, ["-m", "reviewer", "analyze", "--json", str(one)], max(runs, 5))
        inside = parts(tree, folder)
    return {
        "tree": str(tree), "reports": n, "runs": runs, "cores": os.cpu_count(),
        "whole_process_s": round(whole, 3), "jieba_lcut_pass_s": round(jieba_s, 3),
        "whole_process_vs_jieba_lcut": round(whole / jieba_s, 3),
        "one_process_s": round(single, 3), "batch_vs_one_process": round(whole / single, 3),
        "one_report_whole_process_s": round(one_s, 3),
        "in_process_parts": {**inside, "sum_s": round(sum(inside.values()), 3)},
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=200)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--tree", type=Path, default=HERE, help="the checkout whose command line is measured")
    args = ap.parse_args()
    print(json.dumps(measure(args.tree.resolve(), args.reports, args.runs), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
