"""What a figure counts: its topic, from the keywords around it (``resources/metrics/topics.toml``).

The counted thing is named either right after the measure word (``16名行政执法人员``) or before the
number (``行政复议案件59件``, ``纠错率44%``). The search widens step by step — the noun right after the
unit, the clause before the number, the rest of the clause, the sentence, the paragraph, the section
titles — and the nearest keyword in the first window that has one decides. Short "fragile" keywords
are confirmed against a jieba segmentation of just that window (never the whole text).
"""

from __future__ import annotations

import bisect
import functools
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass

from reviewer.resources import resource_path
from reviewer.segment import token_spans

TOPICS_FILE = ("metrics", "topics.toml")
OTHER = "其他"

CLAUSE_STOPS = "，,；;：:。！？!?\n"
SENTENCE_STOPS = "。！？!?；;\n"
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


@dataclass(frozen=True, slots=True)
class Stops:
    """Positions of the stop characters of one kind in a text, for O(log n) boundary look-ups."""

    positions: tuple[int, ...]
    length: int

    @classmethod
    def of(cls, text: str, chars: str) -> Stops:
        pattern = re.compile(f"[{re.escape(chars)}]")
        return cls(tuple(m.start() for m in pattern.finditer(text)), len(text))

    def back(self, pos: int, floor: int = 0) -> int:
        """Start of the run holding ``pos``: just after the last stop before ``pos`` (not below ``floor``)."""
        i = bisect.bisect_left(self.positions, pos)
        return max(floor, self.positions[i - 1] + 1) if i else floor

    def forward(self, pos: int) -> int:
        """End of the run holding ``pos``: the first stop at or after ``pos``, or the text's end."""
        i = bisect.bisect_left(self.positions, pos)
        return self.positions[i] if i < len(self.positions) else self.length


@dataclass(frozen=True, slots=True)
class TextStops:
    """Clause, sentence and paragraph boundaries of one text, computed once per text."""

    clause: Stops
    sentence: Stops
    paragraph: Stops

    @classmethod
    def of(cls, text: str) -> TextStops:
        return cls(Stops.of(text, CLAUSE_STOPS), Stops.of(text, SENTENCE_STOPS), Stops.of(text, "\n"))


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


def classify(
    text: str, start: int, end: int, section_titles: Sequence[str] = (), stops: TextStops | None = None
) -> str:
    """Topic of the figure at ``text[start:end]``; ``section_titles`` innermost first. Never raises.

    Pass ``stops`` (``TextStops.of(text)``) when classifying many figures of one text.
    """
    st = stops or TextStops.of(text)
    clause_lo = st.clause.back(start)
    found = _in_clause(_hits(text, clause_lo, start), _hits(text, end, st.clause.forward(end)), end)
    if found:
        return found
    sentence_lo = st.sentence.back(clause_lo)
    found = _nearest_before(_hits(text, sentence_lo, clause_lo))
    if found:
        return found
    paragraph_lo = st.paragraph.back(sentence_lo, max(0, start - _PARAGRAPH_REACH))
    found = _nearest_before(_hits(text, paragraph_lo, sentence_lo))
    if found:
        return found
    for title in section_titles:
        title_hits = _hits(title, 0, len(title))
        if title_hits:
            return (_strong(title_hits) or title_hits)[0].topic
    return OTHER
