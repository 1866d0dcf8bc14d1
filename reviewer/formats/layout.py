"""Page lines → report text, for readers of printed pages (PDF text layers, OCR, OFD).

Printed pages differ from the report as written in three ways this module undoes: lines are
hard-wrapped, running headers, footers and page numbers repeat on every page, and layout puts
spaces between Chinese and the digits or Latin words beside it ("2021 年度"). OCR lines carry
one confidence per character, which survives all of it and becomes ``Document.uncertain``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNSURE_BELOW = 0.85  # OCR characters under this confidence are shown underlined
_HAN = r"[\u3400-\u4dbf\u4e00-\u9fff]"
_HAN_GAP = re.compile(rf"(?<={_HAN})[ \t\u3000]+(?=[0-9A-Za-z%])|(?<=[0-9A-Za-z%])[ \t\u3000]+(?={_HAN})")
_HAN_TOUCH = re.compile(rf"(?<={_HAN})(?=[0-9A-Za-z%])|(?<=[0-9A-Za-z%])(?={_HAN})")
_HEADING_START = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|第[一二三四五六七八九十百]+[章节条部分])"
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
    starts_paragraph: bool = False  # set where the layout shows a paragraph gap: never joined upwards

    def joined(self, other: PageLine, sep: str) -> PageLine:
        conf = None
        if self.conf is not None or other.conf is not None:
            conf = (*_confs(self), *(1.0 for _ in sep), *_confs(other))
        return PageLine(self.text + sep + other.text, self.x0, max(self.x1, other.x1), conf, self.starts_paragraph)


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
    return PageLine(text, line.x0, line.x1, conf, line.starts_paragraph)


def unwrap(lines: list[PageLine], page_width: float) -> list[PageLine]:
    """A page's printed lines re-joined into paragraphs where the page hard-wrapped them.

    A line reaching the page's right text edge continues on the next line, unless that line is
    indented or starts like a heading. The edge must be real: several lines reach it and the text
    block spans at least half the page, so a page of short lines is left alone.
    """
    rows = [ln for ln in lines if ln.text.strip()]
    if not rows:
        return []
    per_char = sorted((r.x1 - r.x0) / max(len(r.text), 1) for r in rows)[len(rows) // 2] or 10.0
    left, right = min(r.x0 for r in rows), max(r.x1 for r in rows)
    full = [r.x1 >= right - 1.5 * per_char for r in rows]
    if sum(full) < 3 or right - left < 0.5 * page_width:
        return rows
    out = [rows[0]]
    for i in range(1, len(rows)):
        row = rows[i]
        joins = full[i - 1] and row.x0 < left + per_char and not row.starts_paragraph
        if joins and not _HEADING_START.match(row.text):
            latin = re.search(r"[A-Za-z,.;:]$", out[-1].text) and re.match(r"[A-Za-z]", row.text)
            out[-1] = out[-1].joined(row, " " if latin else "")  # Chinese wraps anywhere, even inside a number
        else:
            out.append(row)
    return out


def _running_key(text: str) -> str:
    return re.sub(r"[0-9０-９]+", "#", re.sub(r"\s+", "", text))


def drop_running_lines(pages: list[list[PageLine]]) -> list[list[PageLine]]:
    """Pages without their page numbers and the headers and footers repeated on most pages.

    Only the first and last two lines of a page are candidates; a line counts as running when
    (digits aside) it recurs there on at least two pages and on most pages of the file.
    """
    if len(pages) < 2:
        return pages
    edges = [[*range(min(2, len(p))), *range(max(len(p) - 2, 2), len(p))] for p in pages]
    seen: dict[str, int] = {}
    for page, idx in zip(pages, edges, strict=True):
        for key in {_running_key(page[i].text) for i in idx}:
            seen[key] = seen.get(key, 0) + 1
    running = {k for k, n in seen.items() if k and n >= max(2, 0.6 * len(pages))}
    out: list[list[PageLine]] = []
    for n, (page, idx) in enumerate(zip(pages, edges, strict=True)):
        # The first page's top lines stay: a header repeating the title would otherwise take the title too.
        top = set(range(min(2, len(page)))) if n == 0 else set()
        drop = {
            i for i in idx
            if _PAGE_NUMBER.match(page[i].text) or (i not in top and _running_key(page[i].text) in running)
        }
        out.append([ln for i, ln in enumerate(page) if i not in drop])
    return out


def assemble(pages: list[list[PageLine]]) -> tuple[str, tuple[tuple[int, int, float], ...]]:
    """The text of all pages, one line per line, and the spans of characters OCR was unsure of."""
    parts: list[str] = []
    spans: list[tuple[int, int, float]] = []
    at = 0
    for page in pages:
        for line in page:
            if line.conf is not None:
                spans.extend(_unsure(line.conf, at))
            parts.append(line.text)
            at += len(line.text) + 1
    return "\n".join(parts) + "\n" if parts else "", tuple(spans)


def _unsure(conf: tuple[float, ...], base: int) -> list[tuple[int, int, float]]:
    """Runs of low-confidence characters as (start, end, lowest confidence in the run)."""
    out: list[tuple[int, int, float]] = []
    for i, c in enumerate(conf):
        if c >= UNSURE_BELOW:
            continue
        if out and out[-1][1] == base + i:
            s, _, low = out[-1]
            out[-1] = (s, base + i + 1, min(low, c))
        else:
            out.append((base + i, base + i + 1, c))
    return [(s, e, round(c, 3)) for s, e, c in out]
