"""Compiled part-recognition rules from ``resources/outline/parts.toml`` (see that file for their meaning)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

from reviewer.model import PartId
from reviewer.resources import resource_path

_ANY_YEAR = r"(?:19|20)\d\d"
_NEVER = r"(?!)"


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: one object per report year
class PartRules:
    priority: tuple[PartId, ...]
    heading: dict[PartId, re.Pattern[str]]  # each part's heading patterns as one alternation
    terms: dict[PartId, tuple[tuple[re.Pattern[str], int], ...]]  # weighted vocabulary
    threshold: dict[PartId, int]
    position: dict[PartId, frozenset[str]]  # "first" / "end": where a top section of the part stands
    topics: tuple[str, ...]
    min_topics: int
    short_text: tuple[re.Pattern[str], ...]
    causes: tuple[re.Pattern[str], ...]
    cues: tuple[re.Pattern[str], ...]
    min_cues: int
    next_text: tuple[re.Pattern[str], ...]
    names_year: tuple[re.Pattern[str], ...]
    closing: int


def _any(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str]:
    """One pattern matching where any of ``patterns`` does (one search instead of one each)."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns) or _NEVER)


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    with resource_path("outline", "parts.toml").open("rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=16)
def part_rules(report_year: int | None) -> PartRules:
    """Rules with ``{year}``/``{next}`` bound to the report year.

    With the year unknown, ``{year}`` is any year and ``{next}`` matches nothing: any year would
    turn "2021年主要工作" into a plan for the next year.
    """
    year = str(report_year) if report_year else _ANY_YEAR
    nxt = str(report_year + 1) if report_year else _NEVER
    data = _data()

    def pats(section: str, key: str, nxt: str = nxt) -> tuple[re.Pattern[str], ...]:
        raw = cast(list[str], data[section].get(key, []))
        return tuple(re.compile(p.replace("{year}", year).replace("{next}", nxt)) for p in raw)

    parts = cast(tuple[PartId, ...], tuple(data["priority"]))
    return PartRules(
        priority=parts,
        heading={p: _any(pats(p, "heading")) for p in parts},
        terms={p: tuple((re.compile(t), int(w)) for t, w in data[p].get("terms", {}).items()) for p in parts},
        threshold={p: int(data[p].get("threshold", 1)) for p in parts},
        position={p: frozenset(data[p].get("position", ())) for p in parts},
        topics=tuple(data["measures"]["topics"]),
        min_topics=int(data["measures"]["min_topics"]),
        short_text=pats("shortcomings", "text"),
        causes=tuple(re.compile(re.escape(w)) for w in data["shortcomings"]["causes"]),
        cues=pats("first_responsible", "cues"),
        min_cues=int(data["first_responsible"]["min_cues"]),
        next_text=pats("next_year", "text"),
        # A plan naming any year does name its year when the report year is unknown.
        names_year=pats("next_year", "names_year", str(report_year + 1) if report_year else _ANY_YEAR),
        closing=int(data["closing_paragraphs"]),
    )


def names_part(title: str, part: PartId, rules: PartRules, position: str) -> bool:
    """Whether ``title`` names ``part``: its heading patterns, or its weighted terms plus position."""
    if rules.heading[part].search(title):
        return True
    score = sum(w for t, w in rules.terms[part] if t.search(title))
    if score and position in rules.position[part]:
        score += 1
    return score >= rules.threshold[part]
