"""Which report of the year before goes with each report: the same issuing unit, one year earlier.

A unit signs in different ways from one year to the next: 中共某某区委 某某区人民政府 (a joint
report), 某某区人民政府, 某某区政府; 塘沽街道 or 塘沽街道办事处; with or without the city before it
(重庆市渝北区大盛镇 / 大盛镇). ``unit_key`` reduces all of these to the place (某某区, 塘沽街道,
大盛镇) using the organ words of ``resources/outline/levels.toml``; a department keeps its whole name
(某某区市场监督管理局). Keys are matched exactly first, then one ending with the other (the city
left out one year), when exactly one report of last year fits that way.

The reviewer's corrections win: a correction names the previous report, or none ("" — the report
is not to be compared).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from reviewer.divisions import level_rules
from reviewer.frame import last_token
from reviewer.lastyear_model import PairedBy
from reviewer.model import Analysis

_SPACES = re.compile(r"[\s\u3000]+")
_MIN_SUFFIX_KEY = 3  # a shorter key (某区) ending another name says too little to pair on
_SUFFIX_INDEX = 2  # characters of a key's end the fuzzy look-up is bucketed by


@dataclass(frozen=True, slots=True)
class Pairing:
    report: str  # this year's report (sha256)
    previous: str  # last year's report (sha256)
    paired_by: PairedBy
    candidates: int  # reports of last year that fitted (more than one: worth the reviewer's look)


@lru_cache(maxsize=1)
def _organs() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(government organs, party organs, place suffixes), longest first."""
    rules = level_rules()
    gov = tuple(sorted(rules["organs"]["government"], key=len, reverse=True))
    party = tuple(sorted(rules["organs"]["party"], key=len, reverse=True))
    places = tuple(sorted({s for ss in rules["place_suffixes"].values() for s in ss}, key=len, reverse=True))
    return gov, party, places


@lru_cache(maxsize=8192)  # a project names a few hundred units, each in many reports and pairings
def unit_key(issuer: str | None) -> str | None:
    """The place a government or party unit stands for, or a department's whole name; None when unnamed."""
    if not issuer or not issuer.strip():
        return None
    # A joint report names the party committee first and the government last: the government decides.
    name = _SPACES.sub("", last_token(issuer.strip())).removeprefix("中共")
    name = name.replace("（", "(").replace("）", ")")
    gov, party, places = _organs()
    stripped = next((name[: -len(o)] for o in gov if name.endswith(o) and len(name) > len(o)), None)
    if stripped is None:
        # 中共某某区委 alone: a committee of a place (not 卫健委, a department)
        core = next((name[: -len(o)] for o in party if name.endswith(o) and len(name) > len(o)), None)
        stripped = core if core is not None and core.endswith(places) else name
    for suffix in places:  # 大盛镇镇人民政府: a doubled place word is a slip, not another unit
        if stripped.endswith(suffix * 2):
            stripped = stripped[: -len(suffix)]
            break
    return stripped or None


def same_unit(a: str | None, b: str | None) -> bool:
    """Whether two unit keys (``unit_key``) name the same unit: equal, or one is the other with the
    places above it before it (天津市津南区 / 津南区; not 马鞍山市 / 鞍山市, where what is left, 马, is
    no place). Unknown units are never the same."""
    if a is None or b is None:
        return False
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= _MIN_SUFFIX_KEY and long.endswith(short) and long[: -len(short)].endswith(_organs()[2])


class _Index:
    """The pool's reports by year and unit key, and by the end of the key for the fuzzy look-up."""

    def __init__(self, pool: Sequence[Analysis]) -> None:
        self.exact: dict[tuple[int, str], list[Analysis]] = {}
        self.tails: dict[tuple[int, str], list[tuple[str, Analysis]]] = {}
        for a in pool:
            key, year = unit_key(a.meta.issuer), a.meta.report_year
            if key is None or year is None:
                continue
            self.exact.setdefault((year, key), []).append(a)
            self.tails.setdefault((year, key[-_SUFFIX_INDEX:]), []).append((key, a))

    def candidates(self, year: int, key: str) -> list[Analysis]:
        found = self.exact.get((year, key))
        if found:
            return found
        if len(key) < _MIN_SUFFIX_KEY:
            return []
        fuzzy = [a for k, a in self.tails.get((year, key[-_SUFFIX_INDEX:]), []) if same_unit(k, key)]
        return fuzzy if len({a.sha256 for a in fuzzy}) == 1 else []


def pair_reports(current: Sequence[Analysis], pool: Sequence[Analysis],
                 corrections: Mapping[str, str] | None = None) -> dict[str, Pairing]:
    """This year's report (sha256) → its pairing with a report of ``pool`` for the year before.

    ``pool`` holds every report that may be last year's (the project's own and the reference
    library's); when several fit, the first in pool order is taken and ``candidates`` says how many
    there were. ``corrections`` (report → previous sha256, or "" for none) are the reviewer's; a
    correction naming a report no longer in the pool is set aside and the pairing found as usual.
    """
    fixes = corrections or {}
    by_sha = {a.sha256: a for a in pool}
    index = _Index(pool)
    out: dict[str, Pairing] = {}
    for a in current:
        fix = fixes.get(a.sha256)
        if fix == "":
            continue
        if fix is not None and fix in by_sha and fix != a.sha256:
            out[a.sha256] = Pairing(a.sha256, fix, "reviewer", 1)
            continue
        key, year = unit_key(a.meta.issuer), a.meta.report_year
        if key is None or year is None:
            continue
        found = [c for c in index.candidates(year - 1, key) if c.sha256 != a.sha256]
        if found:
            out[a.sha256] = Pairing(a.sha256, found[0].sha256, "auto", len({c.sha256 for c in found}))
    return out


def pairing_pool(project: Sequence[Analysis], library: Sequence[Analysis]) -> list[Analysis]:
    """Every report that may be last year's: the project's own, then the library's not in the project."""
    have = {a.sha256 for a in project}
    return [*project, *(a for a in library if a.sha256 not in have)]


def pairing_candidates(a: Analysis, pool: Sequence[Analysis]) -> list[Analysis]:
    """The reports of ``pool`` the reviewer may pair ``a`` with as last year's, the likeliest first: the
    year before, then the same unit (a unit renamed), then other earlier years; within those, pool
    order. A report of the same year or later is offered only when it is the same unit's, last (its
    year may be misread); another unit's never is."""
    year, key = a.meta.report_year, unit_key(a.meta.issuer)

    def earlier(c: Analysis) -> bool:
        return year is None or c.meta.report_year is None or c.meta.report_year < year

    def rank(c: Analysis) -> tuple[bool, bool, bool]:
        return (not earlier(c), year is None or c.meta.report_year != year - 1, unit_key(c.meta.issuer) != key)

    others = (c for c in pool if c.sha256 != a.sha256)
    return sorted((c for c in others if earlier(c) or same_unit(unit_key(c.meta.issuer), key)), key=rank)
