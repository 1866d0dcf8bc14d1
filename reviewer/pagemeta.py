"""A saved page's own metadata: its publication date and publishing body (``resources/outline/page_meta.toml``).

Only page-metadata and clutter lines are read (the outline's chrome), so dates in the body or the
落款 never count. A label may stand on its own line with its value on the next one.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from reviewer.lines import BLANKS, RawLine
from reviewer.resources import resource_path

_DATE = r"(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)"
_SEP = r"[\s\]】）)]*[:：]?[\s\]】]*"
_BARE = re.compile(_DATE)
_FRAME = BLANKS + "-*•·●▪◆■[]【】:：|｜"


@dataclass(frozen=True, slots=True)
class _Rules:
    labelled: re.Pattern[str]  # label, separator, date
    label_only: re.Pattern[str]  # a line that is only a label (its value is on the next line)
    rank: dict[str, int]  # label without spaces → rank (lower is better); written dates are absent
    publisher: re.Pattern[str]


def _spaced(label: str) -> str:
    return r"\s*".join(map(re.escape, label))  # 发 布 日 期, as tables render them


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    with resource_path("outline", "page_meta.toml").open("rb") as fh:
        data = tomllib.load(fh)
    labels = sorted(data["published"] + data["written"], key=len, reverse=True)
    alt = "|".join(_spaced(x) for x in labels)
    pub = "|".join(_spaced(x) for x in data["publisher"])
    return _Rules(
        labelled=re.compile(f"(?P<label>{alt}){_SEP}{_DATE}"),
        label_only=re.compile(f"^(?P<label>{alt})$"),
        rank={x: i for i, x in enumerate(data["published"])},
        publisher=re.compile(f"^(?:{pub}){_SEP}(?P<value>[^\\s|｜]*)"),
    )


def published_date(lines: Sequence[RawLine], chrome: set[int], metadata: set[int]) -> str | None:
    """The publication date among the page's chrome lines, as YYYY-MM-DD, or None.

    A labelled date wins by its label's rank (发布 before 更新 before a bare 日期/时间); an unlabelled
    date on a metadata line (a byline "省政府办公厅 2022-03-15", a bare date row) comes after every
    labelled one; 成文日期 and its kin never count.
    """
    rules = _rules()
    found: list[tuple[int, int, str]] = []  # (rank, line index, iso)
    pending: str | None = None  # a label whose value is on the next line
    for ln in lines:
        if not ln.text or ln.index not in chrome:
            continue
        core = ln.text.strip(_FRAME)
        label, pending = pending, None
        if m := rules.label_only.match(core):
            pending = m.group("label")
            continue
        hits = [(m.group("label"), m.groups()[1:]) for m in rules.labelled.finditer(core)]
        if not hits and ln.index in metadata and (m := _BARE.search(core)):
            hits = [(label or "", m.groups())]
        for lab, ymd in hits:
            rank = rules.rank.get(re.sub(r"\s", "", lab), None) if lab else len(rules.rank)
            if rank is not None and (iso := _iso(*ymd)):
                found.append((rank, ln.index, iso))
    return min(found)[2] if found else None


def publisher(lines: Sequence[RawLine], chrome: set[int]) -> str | None:
    """The body a metadata row names as publisher (发布机构：X, or X on the line after the label)."""
    rules = _rules()
    expect = False
    for ln in lines:
        if not ln.text:
            continue
        core = ln.text.strip(_FRAME)
        if expect:
            return core or None
        if ln.index not in chrome:
            continue
        if m := rules.publisher.match(core):
            if m.group("value"):
                return m.group("value")
            expect = True
    return None


def _iso(y: str, m: str, d: str) -> str | None:
    try:
        return dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None
