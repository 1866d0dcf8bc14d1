"""How closely a report read from another format analyses like its plain-text original.

Issue 16's yardstick: the same parts (status per part), the same level-1 headings ignoring
spacing, and the share of the original's figures (value, unit) found again.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from reviewer.model import Analysis


@dataclass(frozen=True)
class Agreement:
    parts_same: bool
    headings_same: bool  # ignoring spacing
    figures: float  # share of the plain text's (value, unit) pairs found again, 0..1
    missing: tuple[str, ...] = ()  # figures of the original not found (their text)
    headings_same_folded: bool = False  # ignoring spacing and full/half width

    def ok(self, least: float = 0.98) -> bool:
        return self.parts_same and self.headings_same and self.figures >= least


def _squeeze(text: str, width: bool = False) -> str:
    """Without spacing; with ``width`` also full-width forms folded (OCR cannot tell "," from "，")."""
    text = re.sub(r"\s+", "", text)
    return unicodedata.normalize("NFKC", text) if width else text


def level1(a: Analysis, width: bool = False) -> list[str]:
    return [_squeeze(s.title, width) for s in a.sections]


def compare(plain: Analysis, other: Analysis) -> Agreement:
    parts_same = {k: p.status for k, p in plain.parts.items()} == {k: p.status for k, p in other.parts.items()}
    want = Counter((round(m.value, 6), m.measure) for m in plain.metrics)
    got = Counter((round(m.value, 6), m.measure) for m in other.metrics)
    found = sum(min(n, got[k]) for k, n in want.items())
    keys = [(m.text, (round(m.value, 6), m.measure)) for m in plain.metrics]
    missing = tuple(text for text, k in keys if got[k] < want[k])
    share = found / max(sum(want.values()), 1)
    folded = level1(plain, width=True) == level1(other, width=True)
    return Agreement(parts_same, level1(plain) == level1(other), share, missing, folded)
