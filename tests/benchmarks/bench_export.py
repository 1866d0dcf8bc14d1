"""Excel export of N synthetic reports; prints JSON. Usage: python tests/benchmarks/bench_export.py [N]"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reviewer.analyze import analyze_many
from reviewer.checklist import load_checklist
from reviewer.export import export
from reviewer.model import Document
from tests.benchmarks.corpus import make_reports


def main(n: int) -> None:
    texts = make_reports(n, 1)
    docs = [Document(f"r{i:05d}.txt", t, hashlib.sha256(t.encode()).hexdigest(), "txt", "utf-8", len(t))
            for i, t in enumerate(texts)]
    checklist = load_checklist()
    analyses = analyze_many(docs, checklist)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        out = export(analyses, Path(tmp) / "review.xlsx", checklist=checklist)
        took = time.perf_counter() - t0
        size = out.stat().st_size
    print(json.dumps({"reports": n, "export_s": round(took, 2), "target_s": 15,
                      "workbook_mb": round(size / 1024 / 1024, 1),
                      "metric_rows": sum(len(a.metrics) for a in analyses)}, indent=1))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
