"""Annotated copies and letters of N reports made from the seeds; prints JSON.

    python tests/benchmarks/bench_annotate.py [N]

Every report gets its Word copy with comments and its letter, written atomically into a
temporary folder; the time per report and the files' total size are printed.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reviewer.analyze import analyze_document
from reviewer.annotate import AnnotateOptions, annotate_reports
from reviewer.checklist import load_checklist
from reviewer.load import load
from tests.core.many_reports import many_analyses


def main(n: int) -> None:
    checklist = load_checklist()
    seeds = [analyze_document(load(p), checklist) for p in sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))]
    analyses = many_analyses(seeds, n)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        result = annotate_reports(analyses, tmp, checklist=checklist,
                                  options=AnnotateOptions(reviewer="王审阅", letter=True, include_unreviewed=True))
        took = time.perf_counter() - t0
        size = sum(p.stat().st_size for p in result.files)
    print(json.dumps({"reports": n, "files": len(result.files), "comments": sum(w.comments for w in result.written),
                      "seconds": round(took, 2), "ms_per_report": round(1000 * took / n, 1),
                      "megabytes": round(size / 1e6, 1)}))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
