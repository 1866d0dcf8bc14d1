"""How much of this year's report repeats last year's: paragraphs first, then sentences.

The cross-report duplicate finder (:mod:`reviewer.dedup`) does the comparing, on the same terms as
between reports: a paragraph of this year is copied when it is the same as, or a near copy of, a
paragraph of last year. What is left of this year's text is then compared sentence by sentence,
since a report often keeps last year's sentences inside a rewritten paragraph. The text compared
is the report's prose (body and heading lines: a numbered item often carries its paragraph on the
heading's line); titles, web-page clutter and the 落款 are not.

Units are matched with their numbers blanked out (2023年…272件 and 2024年…2725件 read the same): a
unit that kept last year's words and changed its year and figures is copied. Such units are paired
by their key alone; only the others go through the near-copy search, which is most of the cost.

Only sentences of at least ``SENTENCE_MIN`` characters count, in the copied text and in the whole:
short headings (一、主要举措和成效) are in every report, year after year.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

from reviewer import dedup
from reviewer.lastyear_model import CopiedPassage, CopiedShare, CopyLevel
from reviewer.model import Line, PartResult

Span = tuple[int, int]
Unit = dedup.Paragraph
SENTENCE_MIN = 10  # normalised characters: shorter sentences (特此报告, 一是加强学习) repeat legitimately
_SENTENCE = re.compile(r"[^。！？!?；;]+[。！？!?；;]*")
_NUMBERS = re.compile(r"\d+")
PROSE = ("body", "heading")


def prose_spans(text: str, lines: Sequence[Line]) -> list[Span]:
    """Spans of the lines compared: body and heading lines (every line when none was classified)."""
    spans = [(ln.start, ln.end) for ln in lines if ln.kind in PROSE]
    return spans or [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def sentences(text: str, spans: Iterable[Span], owner: int) -> list[Unit]:
    """The sentences of ``spans`` long enough to count, keyed by their normalised text."""
    out: list[Unit] = []
    for start, end in spans:
        for m in _SENTENCE.finditer(text, start, end):
            key = dedup.normalise(m.group())
            if len(key) >= SENTENCE_MIN:
                out.append(Unit(owner, m.start(), m.end(), key))
    return out


def _blanked(units: Iterable[Unit]) -> list[Unit]:
    return [Unit(u.owner, u.start, u.end, _NUMBERS.sub("#", u.key)) for u in units]


def _copies(mine: Sequence[Unit], theirs: Sequence[Unit], level: CopyLevel) -> list[CopiedPassage]:
    """This year's units that are copies of one of last year's; ``chars`` left 0 (see ``copied_passages``)."""
    mine, theirs = _blanked(mine), _blanked(theirs)
    first: dict[str, Unit] = {}
    for t in theirs:
        first.setdefault(t.key, t)
    out: list[CopiedPassage] = []
    rest: list[Unit] = []
    for u in mine:
        if (same := first.get(u.key)) is not None:  # the same words: no need to look further
            out.append(CopiedPassage(u.start, u.end, same.start, same.end, level, 0))
        else:
            rest.append(u)
    taken = {u.key for u in mine} & first.keys()
    units = [*(Unit(0, u.start, u.end, u.key) for u in rest), *(t for t in theirs if t.key not in taken)]
    for group in dedup.duplicate_groups(units, across_owners_only=True):
        previous = next((units[i] for i in group if units[i].owner == 1), None)
        if previous is not None:
            out += [CopiedPassage(units[i].start, units[i].end, previous.start, previous.end, level, 0)
                    for i in group if units[i].owner == 0]
    return out


def copied_passages(text: str, lines: Sequence[Line], previous_text: str, previous_lines: Sequence[Line]
                    ) -> tuple[list[CopiedPassage], list[Unit]]:
    """Paragraphs of this year copied from last year, then sentences of the other paragraphs (in text
    order), and this year's sentences that count. A passage's ``chars`` are those of its sentences
    that count: what a share counts, so that a report copied whole is copied 100 %."""
    mine, theirs = prose_spans(text, lines), prose_spans(previous_text, previous_lines)
    counted = sentences(text, mine, 0)
    whole = _copies(dedup.paragraphs(text, 0, mine), dedup.paragraphs(previous_text, 1, theirs), "paragraph")
    spans = sorted((p.start, p.end) for p in whole)
    starts = [a for a, _ in spans]
    rest = [u for u in counted if not _inside(u, spans, starts)]
    # Last year's paragraphs copied whole are accounted for: their sentences are not looked for again
    # (a sentence of theirs said twice this year is the within-report duplicate finder's business).
    used = sorted((p.previous_start, p.previous_end) for p in whole)
    used_starts = [a for a, _ in used]
    left = [u for u in sentences(previous_text, theirs, 1) if not _inside(u, used, used_starts)]
    found = whole + _copies(rest, left, "sentence")
    at = [u.start for u in counted]

    def chars(p: CopiedPassage) -> int:
        return sum(len(u.key) for u in counted[bisect.bisect_left(at, p.start) : bisect.bisect_left(at, p.end)])

    out = [CopiedPassage(p.start, p.end, p.previous_start, p.previous_end, p.level, chars(p)) for p in found]
    return sorted(out, key=lambda p: p.start), counted


def _inside(u: Unit, spans: Sequence[Span], starts: Sequence[int]) -> bool:
    i = bisect.bisect_right(starts, u.start) - 1
    return i >= 0 and u.end <= spans[i][1]


def _chars_within(units: Iterable[Unit], text: str, lo: int, hi: int) -> int:
    """Normalised characters of the parts of ``units`` inside ``[lo, hi)``."""
    total = 0
    for u in units:
        a, b = max(u.start, lo), min(u.end, hi)
        if a < b:
            total += len(u.key) if (a, b) == (u.start, u.end) else len(dedup.normalise(text[a:b]))
    return total


def shares(text: str, parts: dict[str, PartResult], passages: Sequence[CopiedPassage], counted: Sequence[Unit]
           ) -> tuple[CopiedShare, dict[str, CopiedShare]]:
    """The copied share of the whole prose and of each part the report has (``counted``: its sentences
    that count, as ``copied_passages`` gives them)."""
    spans = sorted((p.start, p.end) for p in passages)
    starts = [a for a, _ in spans]
    copied = [u for u in counted if _inside(u, spans, starts)]
    whole = CopiedShare(sum(len(u.key) for u in copied), sum(len(u.key) for u in counted))
    per_part: dict[str, CopiedShare] = {}
    for pid, part in parts.items():
        if part.status == "missing" or part.start is None or part.end is None:
            continue
        total = _chars_within(counted, text, part.start, part.end)
        if total:
            per_part[pid] = CopiedShare(_chars_within(copied, text, part.start, part.end), total)
    return whole, per_part
