"""Page lines → report text, for readers of printed pages (PDF text layers, OCR, OFD).

Printed pages differ from the report as written in three ways this module undoes: lines are
hard-wrapped, running headers, footers and page numbers repeat on every page, and layout puts
spaces between Chinese and the digits or Latin words beside it ("2021 年度"). OCR lines carry
one confidence per character, which survives all of it and becomes ``Document.uncertain``.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

UNSURE_BELOW = 0.85  # OCR characters under this confidence are shown underlined
_FIGURE_MARKS = frozenset(".．%％‰")  # punctuation that changes a figure when misread
# Chinese characters and CJK punctuation, and the digits, Latin letters and ASCII marks set beside them.
_CJK = r"[\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]"
_LATIN = r"[0-9A-Za-z%.,:;!?()/+\-]"
_HAN_GAP = re.compile(rf"(?<={_CJK})[ \t]+(?={_LATIN})|(?<={_LATIN})[ \t]+(?={_CJK})")
_HAN_TOUCH = re.compile(rf"(?<={_CJK})(?={_LATIN})|(?<={_LATIN})(?={_CJK})")
# Lines that start a heading or list item. A line starting with "、" is one whose numeral was lost:
# line-breaking rules never start a wrapped line with it.
_HEADING_START = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|第[一二三四五六七八九十百]+[章节条部分]|、)"
)
_PAGE_NUMBER = re.compile(
    r"^[\s\-—–_·•]*(?:第\s*)?[0-9０-９]{1,4}\s*(?:页)?(?:\s*[/／共]\s*[0-9０-９]{1,4}\s*页?)?[\s\-—–_·•]*$"
    r"|^[\s\-—–]*[ivxlcIVXLC]{1,6}[\s\-—–]*$"
)


@dataclass(frozen=True, slots=True)
class PageLine:
    """One printed line: its text, where it sits across the page, and OCR confidences if read by OCR."""

    text: str
    x0: float = 0.0
    x1: float = 0.0
    conf: tuple[float, ...] | None = None  # one per character of ``text``
    starts_paragraph: bool = False  # indented or a heading start: never joined to the line above
    gap_above: bool = False  # a paragraph gap above it on the page: not joined either
    ends_full: bool = False  # reaches the right edge of the text block: may run on (onto the next page)

    def joined(self, other: PageLine, sep: str) -> PageLine:
        conf = None
        if self.conf is not None or other.conf is not None:
            conf = (*_confs(self), *(1.0 for _ in sep), *_confs(other))
        return replace(self, text=self.text + sep + other.text, x1=max(self.x1, other.x1), conf=conf,
                       ends_full=other.ends_full)


def _confs(line: PageLine) -> tuple[float, ...]:
    return line.conf if line.conf is not None else (1.0,) * len(line.text)


def gaps_are_layout(texts: list[str]) -> bool:
    """Whether spaces between Chinese and digits/Latin come from the layout, not the writer.

    Word draws extra room there (its "autospace"), which extractors and OCR turn into a space at
    nearly every such boundary; a writer's own space (发布日期：2022-02-15 15:49 浏览次数) is the
    exception. So they go only when most boundaries have one.
    """
    spaced = sum(len(_HAN_GAP.findall(t)) for t in texts)
    touching = sum(len(_HAN_TOUCH.findall(t)) for t in texts)
    return spaced > 0 and spaced >= touching


def tidy_spaces(line: PageLine) -> PageLine:
    """Drop the spaces layout puts between Chinese and digits or Latin; spaces between words stay."""
    cuts = [(m.start(), m.end()) for m in _HAN_GAP.finditer(line.text)]
    if not cuts:
        return line
    keep = [True] * len(line.text)
    for a, b in cuts:
        keep[a:b] = [False] * (b - a)
    text = "".join(c for c, k in zip(line.text, keep, strict=True) if k)
    conf = None if line.conf is None else tuple(c for c, k in zip(line.conf, keep, strict=True) if k)
    return replace(line, text=text, conf=conf)


def unwrap(lines: list[PageLine], page_width: float) -> list[PageLine]:
    """One page's printed lines re-joined into paragraphs (see ``unwrap_pages``)."""
    return unwrap_pages([lines], page_width)[0]


def unwrap_pages(pages: list[list[PageLine]], page_width: float) -> list[list[PageLine]]:
    """Printed lines re-joined into paragraphs where the pages hard-wrapped them.

    A line reaching the right edge of the text block continues on the next line, unless that line
    is indented, starts like a heading or has a paragraph gap above it. The edge is found over all
    the pages given (a last page of two lines cannot show it) and must be real: several lines
    reach it and the block spans at least half the page, so pages of short lines are left alone.
    """
    pages = [[ln for ln in page if ln.text.strip()] for page in pages]
    rows = [ln for page in pages for ln in page]
    if not rows:
        return pages
    per_char = sorted((r.x1 - r.x0) / max(len(r.text), 1) for r in rows)[len(rows) // 2] or 10.0
    left, right = min(r.x0 for r in rows), _right_edge([r.x1 for r in rows], per_char)
    if sum(r.x1 >= right - 1.5 * per_char for r in rows) < 3 or right - left < 0.5 * page_width:
        return pages
    return [_join_rows(page, left, right, per_char) for page in pages]


# What a line cannot be broken inside, at the start of the next line: a figure with its sign and the
# character after it (3.5万 / 人。), or a character with the closing punctuation that may not start a line
# and the figure run on after it ("人。2021年": no break falls before the year).
_UNBREAKABLE_START = re.compile(
    r"^(?:[\d.,%％‰]+[\u4e00-\u9fff]?[，。、；：！？）”’]?|.[，。、；：！？）”’]+[\dA-Za-z.,%]*)")
_SENTENCE_END = re.compile(r"[。！？；：]$")


def _join_rows(rows: list[PageLine], left: float, right: float, per_char: float) -> list[PageLine]:
    rows = [
        replace(r, ends_full=_ends_full(r, nxt, right, per_char),
                starts_paragraph=r.starts_paragraph or r.x0 >= left + per_char or bool(_HEADING_START.match(r.text)))
        for r, nxt in zip(rows, [*rows[1:], None], strict=True)
    ]
    out = rows[:1]
    for row in rows[1:]:
        if out[-1].ends_full and not row.starts_paragraph and not row.gap_above and not _after_heading(out[-1], row):
            out[-1] = _join(out[-1], row)
        else:
            out.append(row)
    return out


# 一是, 二是 …: how a paragraph under a heading enumerates what was done.
_ENUMERATOR = re.compile(r"^[一二三四五六七八九十]+是")
_SENTENCE_MARK = re.compile(r"[。；！？]")


def _after_heading(line: PageLine, row: PageLine) -> bool:
    """Whether ``row`` starts the paragraph under a heading that reached the right edge. A heading's
    own words run on after it, never 一是…: seed 4 printed to PDF had "（五）…重塑变革情况" end 1.2
    characters short of the edge and its whole paragraph read as part of the heading."""
    return (_HEADING_START.match(line.text) is not None and _SENTENCE_MARK.search(line.text) is None
            and _ENUMERATOR.match(row.text) is not None)


def _ends_full(row: PageLine, nxt: PageLine | None, right: float, per_char: float) -> bool:
    """Whether the line runs on: it reaches the right edge, or stops short of it by no more than the next
    line's first piece that cannot be broken ("超过3.5万" before "人。", "为" before "99.99%": a figure was
    lost, or found under another topic, when the two were kept apart; found by a helper session)."""
    if row.x1 >= right - 1.5 * per_char:
        return True
    if nxt is None or _SENTENCE_END.search(row.text) or (piece := _UNBREAKABLE_START.match(nxt.text)) is None:
        return False
    unit = (row.x1 - row.x0) / max(_widths(row.text), 1.0)  # a Chinese character's width on this line
    return right - row.x1 <= (_widths(piece.group()) + 1.0) * unit


def _widths(text: str) -> float:
    """How many Chinese characters' widths ``text`` takes (digits, Latin and ASCII signs half one)."""
    return sum(0.5 if ord(ch) < 128 else 1.0 for ch in text)


def _right_edge(ends: list[float], per_char: float) -> float:
    """Where most full lines end. Not the longest line: a line may run a character or two past the
    edge where closing punctuation is not allowed to start the next one."""
    ordered = sorted(ends)

    def near(e: float) -> int:
        return bisect_right(ordered, e + per_char) - bisect_left(ordered, e - per_char)

    return max(ordered, key=lambda e: (near(e), e))


def _join(line: PageLine, more: PageLine) -> PageLine:
    latin = re.search(r"[A-Za-z,.;:]$", line.text) and re.match(r"[A-Za-z]", more.text)
    return line.joined(more, " " if latin else "")  # Chinese wraps anywhere, even inside a number


def join_pages(pages: list[list[PageLine]]) -> list[list[PageLine]]:
    """A paragraph running on from the foot of one page to the top of the next made one line again
    (call after the running headers and footers are gone: a gap below a header is no paragraph gap)."""
    out: list[list[PageLine]] = []
    for page in pages:
        prev = next((p for p in reversed(out) if p), None)
        if (prev and page and prev[-1].ends_full and not page[0].starts_paragraph and not page[0].gap_above
                and not _after_heading(prev[-1], page[0])):  # a heading at a page's foot as on the page
            prev[-1] = _join(prev[-1], page[0])
            page = page[1:]
        out.append(list(page))
    return out


_RUNNING_MAX = 40  # characters: a header, footer or page number is short; a body line may recur at page edges


def _running_key(text: str) -> str:
    return re.sub(r"[0-9０-９]+", "#", re.sub(r"\s+", "", text))


def drop_running_lines(pages: list[list[PageLine]]) -> list[list[PageLine]]:
    """Pages without their page numbers and the headers and footers repeated on most pages.

    Only short lines among the first and last two of a page are candidates; a line counts as
    running when (digits aside) it recurs there on at least two pages and on most pages of the file.
    """
    edges = [[i for i in (*range(min(2, len(p))), *range(max(len(p) - 2, 2), len(p))) if len(p[i].text) <= _RUNNING_MAX]
             for p in pages]
    seen: dict[str, int] = {}
    for page, idx in zip(pages, edges, strict=True):
        for key in {_running_key(page[i].text) for i in idx}:
            seen[key] = seen.get(key, 0) + 1
    running = {k for k, n in seen.items() if k and n >= max(2, 0.6 * len(pages))}  # never on a single page
    out: list[list[PageLine]] = []
    for n, (page, idx) in enumerate(zip(pages, edges, strict=True)):
        # The first page's top lines stay: a header repeating the title would otherwise take the title too.
        top = set(range(min(2, len(page)))) if n == 0 else set()
        drop = {
            i for i in idx
            if _PAGE_NUMBER.match(page[i].text) or (i not in top and _running_key(page[i].text) in running)
        }
        kept = [ln for i, ln in enumerate(page) if i not in drop]
        if kept and 0 in drop:  # the gap under a dropped header says nothing about the paragraph
            kept[0] = replace(kept[0], gap_above=False)
        out.append(kept)
    return out


def assemble(pages: list[list[PageLine]]) -> tuple[str, tuple[tuple[int, int, float], ...]]:
    """The text of all pages, one line per line, and the spans of characters OCR was unsure of."""
    parts: list[str] = []
    spans: list[tuple[int, int, float]] = []
    at = 0
    for page in pages:
        for line in page:
            if line.conf is not None:
                spans.extend(_unsure(line.text, line.conf, at))
            parts.append(line.text)
            at += len(line.text) + 1
    return "\n".join(parts) + "\n" if parts else "", tuple(spans)


def _worth_checking(ch: str) -> bool:
    """Words, digits and the marks that change a figure; not commas and quotes. On scans the engine
    is mostly unsure whether a comma is "," or "，", which changes nothing a reviewer checks."""
    return ch in _FIGURE_MARKS or not unicodedata.category(ch).startswith(("P", "Z"))


def _unsure(text: str, conf: tuple[float, ...], base: int) -> list[tuple[int, int, float]]:
    """Runs of low-confidence characters as (start, end, lowest confidence in the run)."""
    out: list[tuple[int, int, float]] = []
    for i, c in enumerate(conf):
        if c >= UNSURE_BELOW or not _worth_checking(text[i]):
            continue
        if out and out[-1][1] == base + i:
            s, _, low = out[-1]
            out[-1] = (s, base + i + 1, min(low, c))
        else:
            out.append((base + i, base + i + 1, c))
    return [(s, e, round(c, 3)) for s, e, c in out]
