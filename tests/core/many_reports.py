"""Hundreds of distinct analyses made from the seeds, for tests and benchmarks of the workbook.

Report ``i`` is seed ``i % len(seeds)`` under its own file name, unit and hash, with every count
multiplied by ``i + 1`` (rates stay as written), so values are distinct, known and sortable:
the largest count of a figure belongs to the last report built from a seed that has it.
Only dataclasses are replaced, so this works with any version of ``reviewer`` that has them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from typing import Any


def unit_name(seed_unit: str | None, i: int) -> str:
    return f"{seed_unit or '某单位'}{i + 1:03d}"


def many_analyses(seeds: Sequence[Any], n: int) -> list[Any]:
    """``n`` analyses: seed ``i % len(seeds)`` as report ``i`` (counts × (i + 1))."""
    out = []
    for i in range(n):
        base = seeds[i % len(seeds)]
        metrics = tuple(m if m.measure == "%" else replace(m, value=m.value * (i + 1)) for m in base.metrics)
        out.append(replace(
            base,
            file=f"/reports/{i + 1:03d}_{base.file.rsplit('/', 1)[-1]}",
            sha256=hashlib.sha256(f"report {i}".encode()).hexdigest(),
            meta=replace(base.meta, issuer=unit_name(base.meta.issuer, i)),
            metrics=metrics,
        ))
    return out
