"""Whether this year's report gives account of each item of last year's plan.

Each item of last year's plan (:mod:`reviewer.plan`, read with last year's analysis) is looked for
by its key words in this year's measures and first-responsible part — both record what was done —
sentence by sentence: see ``resources/outline/promises.toml`` for when an item counts as reported.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence

from reviewer.lastyear_model import PlanEntry, PlanItem
from reviewer.model import PartResult
from reviewer.plan import rules

Span = tuple[int, int]
_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]*")


def done_spans(parts: dict[str, PartResult], length: int) -> list[Span]:
    """Where this year's report says what was done: the measures and first-responsible parts, or,
    without them, everything but the plan and the problems."""
    spans = sorted((p.start, p.end) for pid in ("measures", "first_responsible")
                   if (p := parts.get(pid)) is not None and p.status != "missing" and p.start is not None
                   and p.end is not None)
    if not spans:
        cuts = sorted((p.start, p.end) for pid in ("next_year", "shortcomings")
                      if (p := parts.get(pid)) is not None and p.start is not None and p.end is not None)
        spans, at = [], 0
        for a, b in cuts:
            if a > at:
                spans.append((at, a))
            at = max(at, b)
        spans.append((at, length))
    return spans


class Sentences:
    """This year's done-text sentences, searchable for a word in one pass over the joined text."""

    def __init__(self, text: str, spans: Sequence[Span]) -> None:
        self.spans = [m.span() for a, b in spans for m in _SENTENCE.finditer(text, a, b)]
        self.joined = "\n".join(text[a:b] for a, b in self.spans)
        self.offsets: list[int] = []
        at = 0
        for a, b in self.spans:
            self.offsets.append(at)
            at += b - a + 1

    def text_of(self, first: int, last: int) -> str:
        """Sentences ``first`` to ``last`` as joined (one per line)."""
        return self.joined[self.offsets[first] : self.offsets[last] + self.spans[last][1] - self.spans[last][0]]

    def holding(self, word: str) -> set[int]:
        """Indices of the sentences that hold ``word``."""
        out: set[int] = set()
        at = self.joined.find(word)
        while at >= 0:
            out.add(bisect.bisect_right(self.offsets, at) - 1)
            at = self.joined.find(word, at + 1)
        return out


def compounds(terms: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """Key words made of other key words (普法责任制 = 普法 + 责任制: the legal-terms dictionary keeps
    the term whole, while the item's other sentences give its parts), with those parts."""
    out: dict[str, tuple[str, ...]] = {}
    for t in terms:
        parts = _split(t, [u for u in terms if u != t and u in t])
        if parts:
            out[t] = parts
    return out


def _split(word: str, pieces: Sequence[str]) -> tuple[str, ...] | None:
    """``word`` as a run of ``pieces``, if it is one (the longest piece first at each point)."""
    if not word:
        return ()
    for p in sorted((p for p in pieces if word.startswith(p)), key=len, reverse=True):
        rest = _split(word[len(p) :], pieces)
        if rest is not None:
            return (p, *rest)
    return None


def _with_compounds(found: set[str], made: dict[str, re.Pattern[str]], text: str) -> set[str]:
    """``found`` and each compound whose parts stand in order in one clause of ``text``, a few characters
    apart: 落实“谁执法谁普法”责任制 gives account of 落实普法责任制, though the quotation marks keep
    普法责任制 from standing there whole; 行政执法责任制，开展普法宣传 does not (a code review)."""
    return found | {t for t, near in made.items() if near.search(text)} if made else found


def _near(parts: Sequence[str]) -> re.Pattern[str]:
    return re.compile(_NEAR.join(re.escape(p) for p in parts))


_NEAR = r"[^，,；;。！？!?\n]{0,12}?"


def _best_window(terms: Sequence[str], sentences: Sentences) -> tuple[int, int, tuple[str, ...]] | None:
    """(first sentence, last sentence, words found) of the sentence, or two in a row, holding most words."""
    where: dict[int, set[str]] = {}
    for t in terms:
        for i in sentences.holding(t):
            where.setdefault(i, set()).add(t)
    made = {t: _near(parts) for t, parts in compounds(terms).items()}
    # Most words first; then one sentence rather than two; then the earliest.
    best: tuple[tuple[int, int, int], int, int, set[str]] | None = None
    for i in where:
        windows = [(i, where[i])] + ([(i + 1, where[i] | where[i + 1])] if i + 1 in where else [])
        for last, holds in windows:
            found = _with_compounds(holds, made, sentences.text_of(i, last)) if made else holds
            rank = (len(found), i - last, -i)
            if best is None or rank > best[0]:
                best = (rank, i, last, found)
    if best is None:
        return None
    return best[1], best[2], tuple(t for t in terms if t in best[3])


def match_item(item: PlanEntry, previous_text: str, sentences: Sentences) -> PlanItem:
    r = rules()
    body, terms = previous_text[item.start : item.end], item.terms
    window = _best_window(terms, sentences) if terms else None
    need = 1 if len(terms) == 1 else max(r.min_terms, math.ceil(r.min_share * len(terms)))
    if window is None or len(window[2]) < need:
        return PlanItem(item.key, item.title, body, item.start, item.end, "not_mentioned", None, None, terms, ())
    first, last, found = window
    start, end = sentences.spans[first][0], sentences.spans[last][1]
    return PlanItem(item.key, item.title, body, item.start, item.end, "reported", start, end, terms, found)


def promises(previous_text: str, previous_plan: Sequence[PlanEntry], text: str,
             parts: dict[str, PartResult]) -> list[PlanItem]:
    """Each item of last year's plan with its status in this year's report."""
    if not previous_plan:
        return []
    sentences = Sentences(text, done_spans(parts, len(text)))
    return [match_item(i, previous_text, sentences) for i in previous_plan]
