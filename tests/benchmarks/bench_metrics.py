"""Benchmark metric extraction; prints JSON.

Usage: .venv/bin/python tests/benchmarks/bench_metrics.py [--reports 1000] [--seed 1]

Times ``extract_metrics`` alone (each text's outline is built beforehand, untimed), in one
process: the first call (which loads jieba and the resources), the five seeds, and ``--reports``
synthetic reports from ``tests/benchmarks/corpus.py`` (level-1 parts of the seeds recombined,
figures rescaled); and compares the cost per report with ``jieba.lcut`` over the same whole texts
(both after jieba is initialised).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reviewer.metrics import extract_metrics  # noqa: E402
from reviewer.model import Outline  # noqa: E402
from reviewer.outline import build_outline  # noqa: E402
from tests.benchmarks.corpus import make_reports  # noqa: E402


def _time_metrics(texts: list[str]) -> tuple[float, int]:
    """Seconds spent in extract_metrics alone (outlines are built beforehand, untimed)."""
    outlines: list[Outline] = [build_outline(t) for t in texts]
    start = time.perf_counter()
    found = sum(len(extract_metrics(t, o)) for t, o in zip(texts, outlines, strict=True))
    return time.perf_counter() - start, found


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]

    first = time.perf_counter()
    extract_metrics(seeds[0], build_outline(seeds[0]))
    first_call = time.perf_counter() - first

    import jieba

    from reviewer.segment import cache_dir

    jieba.dt.tmp_dir = str(cache_dir())  # never the shared /tmp/jieba.cache
    jieba.initialize()
    seeds_time, seeds_found = _time_metrics(seeds)
    synthetic = make_reports(args.reports, args.seed)
    synth_time, synth_found = _time_metrics(synthetic)
    start = time.perf_counter()
    for text in synthetic:
        jieba.lcut(text)
    lcut_time = time.perf_counter() - start

    chars = sum(len(t) for t in synthetic)
    print(json.dumps({
        "first_call_s (loads jieba + resources)": round(first_call, 3),
        "seeds": {"reports": len(seeds), "metrics": seeds_found, "seconds": round(seeds_time, 4)},
        "synthetic": {
            "reports": len(synthetic),
            "chars": chars,
            "metrics": synth_found,
            "seconds": round(synth_time, 3),
            "ms_per_report": round(1000 * synth_time / len(synthetic), 3),
        },
        "jieba_lcut_whole_text": {
            "seconds": round(lcut_time, 3),
            "ms_per_report": round(1000 * lcut_time / len(synthetic), 3),
        },
        "ratio_metrics_to_lcut": round(synth_time / lcut_time, 3),
    }, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
