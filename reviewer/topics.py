"""What a figure counts: its topic, from the keywords around it (``resources/metrics/topics.toml``).

The counted thing is named either right after the measure word (``16名行政执法人员``) or before the
number (``行政复议案件59件``, ``纠错率44%``). The search widens step by step — the noun right after the
unit, the clause before the number, the rest of the clause, the sentence, the paragraph, the section
titles — and the nearest keyword in the first window that has one decides. Short "fragile" keywords
are confirmed against a jieba segmentation of just that window (never the whole text).
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass

from reviewer.resources import resource_path
from reviewer.segment import token_spans

TOPICS_FILE = ("metrics", "topics.toml")
OTHER = "其他"

_CLAUSE_STOPS = frozenset("，,；;：:。！？!?\n")
_SENTENCE_STOPS = frozenset("。！？!?；;\n")
_PARAGRAPH_REACH = 200  # characters looked back within a paragraph
_DIRECT_NOUN_GAP = 2  # a keyword starting this close after the unit names the counted thing


@dataclass(frozen=True, slots=True)
class TopicTable:
    pattern: re.Pattern[str]
    topic_of: dict[str, str]
    fragile: frozenset[str]
    weak: frozenset[str]
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    keyword: str
    topic: str
    weak: bool


@functools.cache
def topic_table() -> TopicTable:
    """Keywords of every topic compiled into one longest-first alternation."""
    data = tomllib.loads(resource_path(*TOPICS_FILE).read_text(encoding="utf-8"))
    topic_of: dict[str, str] = {}
    fragile: set[str] = set()
    weak: set[str] = set()
    names: list[str] = []
    for entry in data["topic"]:
        names.append(entry["name"])
        for kw in entry["keywords"]:
            topic_of.setdefault(kw, entry["name"])
        fragile.update(entry.get("fragile", ()))
        weak.update(entry.get("weak", ()))
    words = sorted(topic_of, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(w) for w in words))
    return TopicTable(pattern, topic_of, frozenset(fragile), frozenset(weak), tuple(names))


def topic_names() -> tuple[str, ...]:
    """All topic names in the order of the resource file (其他 last)."""
    return topic_table().names


def _hits(text: str, lo: int, hi: int) -> list[Hit]:
    """Keyword hits in ``text[lo:hi]``; fragile ones only if they are whole words there."""
    table = topic_table()
    hits = [
        Hit(m.start(), m.end(), m.group(), table.topic_of[m.group()], m.group() in table.weak)
        for m in table.pattern.finditer(text, lo, hi)
    ]
    if any(h.keyword in table.fragile for h in hits):
        bounds = {b for s, e in token_spans(text[lo:hi]) for b in (s + lo, e + lo)}
        hits = [h for h in hits if h.keyword not in table.fragile or (h.start in bounds and h.end in bounds)]
    return hits


def _back_to(text: str, pos: int, stops: frozenset[str], limit: int) -> int:
    i = pos
    while i > limit and text[i - 1] not in stops:
        i -= 1
    return i


def _forward_to(text: str, pos: int, stops: frozenset[str], limit: int) -> int:
    i = pos
    while i < limit and text[i] not in stops:
        i += 1
    return i


def _strong(hits: list[Hit]) -> list[Hit]:
    return [h for h in hits if not h.weak]


def _nearest_before(hits: list[Hit]) -> str | None:
    """Topic of the last keyword, preferring ordinary keywords over weak ones."""
    pool = _strong(hits) or hits
    return max(pool, key=lambda h: h.end).topic if pool else None


def _in_clause(before: list[Hit], after: list[Hit], end: int) -> str | None:
    if after and after[0].start - end <= _DIRECT_NOUN_GAP:
        return after[0].topic
    for pool_before, pool_after in ((_strong(before), _strong(after)), (before, after)):
        if pool_before:
            return max(pool_before, key=lambda h: h.end).topic
        if pool_after:
            return pool_after[0].topic
    return None


def classify(text: str, start: int, end: int, section_titles: Sequence[str] = ()) -> str:
    """Topic of the figure at ``text[start:end]``; ``section_titles`` innermost first. Never raises."""
    clause_lo = _back_to(text, start, _CLAUSE_STOPS, 0)
    clause_hi = _forward_to(text, end, _CLAUSE_STOPS, len(text))
    found = _in_clause(_hits(text, clause_lo, start), _hits(text, end, clause_hi), end)
    if found:
        return found
    sentence_lo = _back_to(text, clause_lo, _SENTENCE_STOPS, 0)
    found = _nearest_before(_hits(text, sentence_lo, clause_lo))
    if found:
        return found
    paragraph_lo = _back_to(text, sentence_lo, frozenset("\n"), max(0, start - _PARAGRAPH_REACH))
    found = _nearest_before(_hits(text, paragraph_lo, sentence_lo))
    if found:
        return found
    for title in section_titles:
        title_hits = _hits(title, 0, len(title))
        if title_hits:
            return (_strong(title_hits) or title_hits)[0].topic
    return OTHER
