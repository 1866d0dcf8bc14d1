"""Pairing and comparing 1000 reports with 1000 of last year, against the batch's analysis of the 1000.

Usage (from the worktree): python -m tests.benchmarks.bench_lastyear [N]

This year's N reports come from ``corpus.make_reports``; each one's report of the year before is
made from it as a unit rewrites its report: the year one less, the unit named another way
(X区人民政府 / X区政府 / 中共X区委 X区人民政府), a third of the paragraphs replaced by other reports'
paragraphs, a sixth with their sentences touched, figures rescaled (one report in fifty tenfold).
Timed: ``analyze_many`` over this year's N (its own process pool on every core, as ``reviewer
analyze`` runs it), and ``with_previous_years`` over this year's N with last year's N as the library
— pairing by unit, copied text, figures and plan items — in a process pool started for it the same
way (the window uses its warm one), and in one process for comparison. The comparison's budget is
the analysis: the ratio printed must stay at or below 1.
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

from reviewer.analyze import analyze_many
from reviewer.model import Document
from reviewer.pool import watch_parent
from tests.benchmarks.corpus import make_reports

_TITLE = re.compile(r"^(.+?)关于(\d{4})年度")
_FIGURE = re.compile(r"(?<![\d.〔(（])(\d{2,6})(?=(?:余|多)?(?:件|次|人|名|个|家|项|条|份|场|起|户|元))")


_PLACE_CHARS = "东西南北青白红金玉长新和太江河山川平安宁康泰兴华盛德福源清明阳光春秋云海湖林松竹梅兰"
_ORGANS = ("区人民政府", "县人民政府", "镇人民政府", "街道办事处", "市司法局", "市人民政府")


def _named(texts: list[str]) -> list[str]:
    """Each report under a unit of its own with a real-looking name (the corpus numbers its places)."""
    places = [a + b for a in _PLACE_CHARS for b in _PLACE_CHARS if a != b]
    random.Random(5).shuffle(places)
    out = []
    for i, t in enumerate(texts):
        m = _TITLE.match(t)
        assert m is not None
        out.append(t.replace(m.group(1), places[i] + _ORGANS[i % len(_ORGANS)]))
    return out


def _unit_variant(unit: str, rng: random.Random) -> str:
    if unit.endswith("人民政府"):
        place = unit.removesuffix("人民政府")
        return rng.choice([unit, place + "政府", f"中共{place}委 {unit}"])
    if unit.endswith("街道办事处"):
        return rng.choice([unit, unit.removesuffix("办事处")])
    return unit


def _touch(block: str, rng: random.Random) -> str:
    return "。".join(s + (str(rng.randint(0, 99)) if rng.random() < 0.5 else "") for s in block.split("。"))


def previous_of(text: str, others: list[str], rng: random.Random) -> str:
    """The report of the year before, as the unit might have written it."""
    m = _TITLE.match(text)
    assert m is not None
    unit, year = m.group(1), int(m.group(2))
    older = text.replace(str(year + 1), "\0").replace(str(year), str(year - 1)).replace("\0", str(year))
    older = older.replace(unit, _unit_variant(unit, rng))
    blocks = older.split("\n\n")
    for i in range(2, len(blocks) - 1):  # not the title, the metadata or the 落款
        roll = rng.random()
        if roll < 1 / 3:
            donor = rng.choice(others).split("\n\n")
            blocks[i] = donor[min(i, len(donor) - 2)]
        elif roll < 1 / 2:
            blocks[i] = _touch(blocks[i], rng)
    factor = 10.0 if rng.random() < 0.02 else rng.uniform(0.7, 1.1)
    return _FIGURE.sub(lambda f: str(max(1, round(int(f.group(1)) / factor))), "\n\n".join(blocks))


def _docs(texts: list[str], prefix: str) -> list[Document]:
    return [Document(f"{prefix}_{i:05d}.txt", t, hashlib.sha256(t.encode()).hexdigest(), "txt", "utf-8",
                     len(t.encode())) for i, t in enumerate(texts)]


def main(n: int = 1000) -> None:
    rng = random.Random(7)
    now = _named(make_reports(n, seed=11))
    before = [previous_of(t, now, rng) for t in now]
    analysed_before = analyze_many(_docs(before, "2023"), across=False)  # last year's: already analysed
    t0 = time.perf_counter()
    analysed_now = analyze_many(_docs(now, "2024"), across=False)
    analysis_s = time.perf_counter() - t0

    from reviewer.lastyear import with_previous_years

    t0 = time.perf_counter()
    with ProcessPoolExecutor(max_workers=min(os.cpu_count() or 1, 8), mp_context=get_context("spawn"),
                             initializer=watch_parent) as pool:  # as analyze_many does: its own pool
        compared = with_previous_years(analysed_now, analysed_before, pool=lambda: pool)
    pool_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    alone = with_previous_years(analysed_now, analysed_before)
    one_s = time.perf_counter() - t0
    assert [a.previous_year for a in alone] == [a.previous_year for a in compared]
    pys = [a.previous_year for a in compared if a.previous_year is not None]
    shares = sorted(p.copied.share or 0 for p in pys)
    print(f"reports: {n} this year, {n} last year ({sum(map(len, now)) / 1e6:.1f} M chars this year), "
          f"{os.cpu_count()} cores")
    print(f"analysis of this year's {n} (process pool, its start included): {analysis_s:.2f} s")
    print(f"pairing + comparing with last year's {n} (process pool, its start included): {pool_s:.2f} s")
    print(f"  the same in one process: {one_s:.2f} s")
    print(f"ratio comparison / analysis: {pool_s / analysis_s:.2f} (budget: <= 1); in one process "
          f"{one_s / analysis_s:.2f}")
    print(f"paired: {len(pys)}/{n}; copied share median {shares[len(shares) // 2]:.0%}; "
          f"figure pairs {sum(len(p.figures) for p in pys)}, jumps {sum(p.jumps for p in pys)}; "
          f"plan items {sum(len(p.plan) for p in pys)}, reported {sum(p.reported for p in pys)}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
