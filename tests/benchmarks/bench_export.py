"""Time the Excel export of many reports: the five seeds analysed once, copied to N synthetic reports.

    python tests/benchmarks/bench_export.py [N]      (default 1000; prints JSON)
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reviewer.analyze import analyze_document  # noqa: E402
from reviewer.export import export  # noqa: E402
from reviewer.export_sheets import ReviewData  # noqa: E402
from reviewer.load import load  # noqa: E402
from reviewer.model import ItemDecision, ReportVerdict  # noqa: E402


def synthetic(n: int) -> tuple[list, ReviewData]:  # type: ignore[type-arg]
    seeds = [analyze_document(load(p)) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    analyses, decisions, verdicts = [], {}, {}
    for i in range(n):
        a = seeds[i % len(seeds)]
        sha = f"{i:064x}"
        meta = replace(a.meta, unit=f"{a.meta.unit or '某单位'}{i}")
        analyses.append(replace(a, sha256=sha, file=f"/reports/{i:04d}.txt", meta=meta))
        if i % 2 == 0:  # half the reports reviewed, every item decided with a comment
            decisions[sha] = {r.id: ItemDecision(sha, r.id, "符合", "已核对原文", "张三", "2026-11-23T08:00:00+08:00")
                              for r in a.checklist}
            verdicts[sha] = ReportVerdict(sha, "通过", "", "张三", "2026-11-23T08:00:00+08:00")
    return analyses, ReviewData(decisions, verdicts)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    analyses, review = synthetic(n)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "bench.xlsx"
        t0 = time.perf_counter()
        export(analyses, review, out)
        seconds = time.perf_counter() - t0
        size = out.stat().st_size
    print(json.dumps({
        "reports": n,
        "seconds": round(seconds, 2),
        "checklist_rows": sum(len(a.checklist) for a in analyses),
        "metric_rows": sum(len(a.metrics) for a in analyses),
        "finding_rows": sum(len(a.findings) for a in analyses),
        "bytes": size,
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
