"""The level of a place from the table of China's administrative divisions (``resources/divisions``).

The table holds every division at county level and above with its GB/T 2260 kind; see
``resources/divisions/README.md`` for its source and date. Places it does not hold (towns,
historical or shortened names, placeholders such as 某某县) are read from their suffix with the
rules of ``resources/outline/levels.toml``.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from typing import Any, cast

from reviewer.model import Level
from reviewer.resources import resource_path


@lru_cache(maxsize=1)
def level_rules() -> dict[str, Any]:
    """``resources/outline/levels.toml`` as read."""
    with resource_path("outline", "levels.toml").open("rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, Level], int]:
    """Division name → level, and the length of the longest name."""
    kinds = {k: lvl for lvl, ks in level_rules()["kinds"].items() for k in ks}
    out: dict[str, Level] = {}
    text = resource_path("divisions", "divisions.tsv").read_text(encoding="utf-8")
    for line in text.splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) == 3 and cols[2] in kinds:
            out[cols[1]] = cast(Level, kinds[cols[2]])
    return out, max(map(len, out), default=0)


@lru_cache(maxsize=1)
def _suffixes() -> tuple[tuple[str, Level], ...]:
    pairs = [(s, cast(Level, lvl)) for lvl, ss in level_rules()["place_suffixes"].items() for s in ss]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def known_division(place: str) -> Level | None:
    """Level of the longest division name ``place`` ends with (南京市江宁区 → 江宁区), None when none."""
    table, longest = _table()
    for i in range(max(0, len(place) - longest), len(place) - 1):
        if (level := table.get(place[i:])) is not None:
            return level
    return None


def place_level(place: str) -> Level:
    """Level of a place name: towns and streets by suffix, then the table, then the suffix rules."""
    for inner in _bracketed(place):
        if (level := place_level(inner)) != "other":
            return level  # 高新区(新市区): the division in brackets is the real one
    suffix_level = next((lvl for s, lvl in _suffixes() if place.endswith(s)), None)
    if suffix_level in ("street", "town"):
        return suffix_level
    return known_division(place) or suffix_level or "other"


def _bracketed(place: str) -> list[str]:
    for open_, close in (("(", ")"), ("（", "）")):
        a, b = place.rfind(open_), place.rfind(close)
        if 0 <= a < b:
            return [place[a + 1 : b]]
    return []
