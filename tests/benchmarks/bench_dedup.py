"""Time cross-report duplicate detection on 1000 synthetic reports (target ≤ 5 s).

Run from the worktree: ``python -m tests.benchmarks.bench_dedup``. Two batches: the recombined
seed corpus (many exact copies) and the same with every sentence randomly perturbed (near copies
only, the harder case for the sketch index).
"""

from __future__ import annotations

import random
import time

from reviewer.findings import batch_duplicates
from tests.benchmarks.corpus import make_reports


def _perturb(text: str, rng: random.Random) -> str:
    return "。".join(s + (str(rng.randint(0, 99)) if rng.random() < 0.5 else "") for s in text.split("。"))


def main() -> None:
    texts = make_reports(1000)
    rng = random.Random(3)
    batches = {"recombined": texts, "perturbed": [_perturb(t, rng) for t in texts]}
    for name, batch in batches.items():
        reports = [(f"r{i:04d}.txt", t, (), None, None) for i, t in enumerate(batch)]
        t0 = time.perf_counter()
        out = batch_duplicates(reports)
        secs = time.perf_counter() - t0
        chars = sum(map(len, batch))
        print(f"{name}: {len(batch)} reports, {chars / 1e6:.1f} M chars, {secs:.2f} s, {sum(map(len, out))} findings")


if __name__ == "__main__":
    main()
