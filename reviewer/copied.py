"""How much of this year's report repeats last year's: paragraphs first, then sentences.

The cross-report duplicate finder (:mod:`reviewer.dedup`) does the comparing, on the same terms as
between reports: a paragraph of this year is copied when it is the same as, or a near copy of, a
paragraph of last year. What is left of this year's text is then compared sentence by sentence,
since a report often keeps last year's sentences inside a rewritten paragraph. The text compared
is the report's prose (body and heading lines: a numbered item often carries its paragraph on the
heading's line); titles, web-page clutter and the 落款 are not.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from reviewer import dedup
from reviewer.lastyear_model import CopiedPassage, CopiedShare, CopyLevel
from reviewer.model import Line, PartResult

Span = tuple[int, int]
SENTENCE_MIN = 10  # normalised characters: shorter sentences (特此报告, 一是加强学习) repeat legitimately
_SENTENCE = re.compile(r"[^。！？!?；;]+[。！？!?；;]*")
_PROSE = ("body", "heading")


def prose_spans(text: str, lines: Sequence[Line]) -> list[Span]:
    """Spans of the lines compared: body and heading lines (every line when none was classified)."""
    spans = [(ln.start, ln.end) for ln in lines if ln.kind in _PROSE]
    return spans or [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def _sentences(text: str, spans: Iterable[Span], owner: int) -> list[dedup.Paragraph]:
    out: list[dedup.Paragraph] = []
    for start, end in spans:
        for m in _SENTENCE.finditer(text, start, end):
            key = dedup.normalise(m.group())
            if len(key) >= SENTENCE_MIN:
                out.append(dedup.Paragraph(owner, m.start(), m.end(), key))
    return out


def _copies(units: Sequence[dedup.Paragraph], level: CopyLevel) -> list[CopiedPassage]:
    """This year's units (owner 0) that are copies of one of last year's (owner 1); ``chars`` left 0."""
    out: list[CopiedPassage] = []
    for group in dedup.duplicate_groups(units, across_owners_only=True):
        previous = next((units[i] for i in group if units[i].owner == 1), None)
        if previous is None:
            continue
        for i in group:
            u = units[i]
            if u.owner == 0:
                out.append(CopiedPassage(u.start, u.end, previous.start, previous.end, level, 0))
    return out


def copied_passages(text: str, lines: Sequence[Line], previous_text: str,
                    previous_lines: Sequence[Line]) -> list[CopiedPassage]:
    """Paragraphs of this year copied from last year, then sentences of the other paragraphs; in text order.

    A passage's ``chars`` are those of its sentences long enough to count (``SENTENCE_MIN``): what a
    share counts, so that a report copied whole is copied 100 %.
    """
    mine, theirs = prose_spans(text, lines), prose_spans(previous_text, previous_lines)
    paragraphs = dedup.paragraphs(text, 0, mine) + dedup.paragraphs(previous_text, 1, theirs)
    whole = _copies(paragraphs, "paragraph")
    done = {(p.start, p.end) for p in whole}
    rest = [s for s in mine if s not in done]
    # Units of both texts in one list: their offsets are told apart by the owner.
    sentences = _sentences(text, rest, 0) + _sentences(previous_text, theirs, 1)
    found = whole + _copies(sentences, "sentence")
    counted = _sentences(text, mine, 0)
    starts = [u.start for u in counted]
    out: list[CopiedPassage] = []
    for p in found:
        lo = bisect.bisect_left(starts, p.start)
        hi = bisect.bisect_left(starts, p.end)
        out.append(replace(p, chars=sum(len(u.key) for u in counted[lo:hi])))
    return sorted(out, key=lambda p: p.start)


def _chars_within(units: Iterable[dedup.Paragraph], text: str, lo: int, hi: int) -> int:
    """Normalised characters of the parts of ``units`` inside ``[lo, hi)``."""
    total = 0
    for u in units:
        a, b = max(u.start, lo), min(u.end, hi)
        if a < b:
            total += len(u.key) if (a, b) == (u.start, u.end) else len(dedup.normalise(text[a:b]))
    return total


def shares(text: str, lines: Sequence[Line], parts: dict[str, PartResult],
           passages: Sequence[CopiedPassage]) -> tuple[CopiedShare, dict[str, CopiedShare]]:
    """The copied share of the whole prose and of each part the report has.

    Only sentences of at least ``SENTENCE_MIN`` characters count, in both the copied and the whole
    text: short headings (一、主要举措和成效) are in every report, year after year.
    """
    counted = _sentences(text, prose_spans(text, lines), 0)
    spans = sorted((p.start, p.end) for p in passages)
    starts = [a for a, _ in spans]
    copied = [u for u in counted if (i := bisect.bisect_right(starts, u.start) - 1) >= 0 and u.end <= spans[i][1]]
    whole = CopiedShare(sum(len(u.key) for u in copied), sum(len(u.key) for u in counted))
    per_part: dict[str, CopiedShare] = {}
    for pid, part in parts.items():
        if part.status == "missing" or part.start is None or part.end is None:
            continue
        total = _chars_within(counted, text, part.start, part.end)
        if total:
            per_part[pid] = CopiedShare(_chars_within(copied, text, part.start, part.end), total)
    return whole, per_part
