"""How wide each column of a review sheet is, and where its header breaks.

A column is as wide as its content needs; text columns share the room the printed page has, the
room going where it saves the most lines (the 汇总 list of gaps wrapped to ten lines a row while
the 必备部分 column beside it stood nearly empty: found by a tester). A header breaks only between
words, with a line break written into the cell: a renderer left to wrap Chinese breaks anywhere
("报告年/度", "已核/总/项").

Widths are in Excel's unit (the width of a digit, about 7 pixels); a Chinese character counts two.
How the room is shared: ``reviewer.xlsx_room``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from itertools import combinations, pairwise
from typing import Any

from reviewer.xlsx_room import LONGEST, display_width, share_room

HEADER_PAD = 2  # a cell's padding, in width units
MIN_WIDTH = 5
DEFAULT_CAP = 30  # widest a column of numbers or dates gets
SHORT_TEXT = 12  # a text column is at least this wide when its text is: six characters are never wrapped
DATETIME_WIDTH = len("2026-11-30 09:12")
NUMBER_WIDTH = 7  # a percentage or a formatted number


# ---- headers ----------------------------------------------------------------------------------

_WIDE = re.compile("[\u2e80-\uffef]")
_BRACKETED = re.compile(r"([（(][^（）()]*[）)])")
_CLOSING = tuple("）)/、，：；」』")
_SHORT_BRACKET = 12  # （件）, （%）, （指标数）: a bracket this wide at most stays whole


def _is_wide(text: str) -> bool:
    return _WIDE.search(text) is not None


def _words(text: str) -> list[str]:
    """jieba's words of ``text``, a lone character joined to its word: single characters opening the
    text to the word after them (上一年度, 已报告, 可对比), others and closing marks to the word before
    (审阅人, 核查项, 缺失或, 已核/): a header line never holds one character by itself."""
    from reviewer.segment import words  # jieba's dictionary: loaded only when a header needs breaking

    out: list[str] = []
    lead = ""
    for w in words(text):
        single = len(w) == 1 and _is_wide(w)
        if not out and single and not w.startswith(_CLOSING):
            lead += w
        elif not out:
            out.append(lead + w)
            lead = ""
        elif single or w.startswith(_CLOSING):
            out[-1] += w
        else:
            out.append(w)
    return [*out, lead] if lead else out


@cache
def header_units(header: str) -> tuple[str, ...]:
    """The pieces a Chinese header may break between: its words, a short bracket kept whole."""
    units: list[str] = []
    for part in _BRACKETED.split(header):
        if not part:
            continue
        if _BRACKETED.fullmatch(part) and display_width(part) <= _SHORT_BRACKET:
            units.append(part)
            continue
        words = _words(part)
        if units and words and words[0].startswith(_CLOSING):
            units[-1] += words.pop(0)
        units.extend(words)
    return tuple(units)


def _best_breaks(units: Sequence[str], lines: int) -> list[str]:
    """``units`` on ``lines`` lines (or fewer when there are fewer units), the widest line narrowest."""
    n = min(lines, len(units))
    best: list[str] = ["".join(units)]
    best_key = (display_width(best[0]), 0)
    for cuts in combinations(range(1, len(units)), n - 1):
        bounds = (0, *cuts, len(units))
        parts = ["".join(units[a:b]) for a, b in pairwise(bounds)]
        # as narrow as can be; of two as narrow, the one breaking after a mark (程序判断缺失/ 部分具备)
        key = (max(display_width(p) for p in parts), -sum(p.endswith(_CLOSING) for p in parts[:-1]))
        if key < best_key:
            best, best_key = parts, key
    return best


def header_need(header: str, lines: int) -> int:
    """Width at which ``header`` fits on ``lines`` lines, broken only between words."""
    if not _is_wide(header):  # Latin headers wrap at their spaces, never inside a word
        longest_word = max((display_width(w) for w in header.split()), default=0)
        return max(longest_word, math.ceil(display_width(header) / lines)) + HEADER_PAD
    return max(display_width(p) for p in _best_breaks(header_units(header), lines)) + HEADER_PAD


def broken_header(header: str, width: float) -> str:
    """``header`` as written into its cell ``width`` wide: with line breaks between words where it
    does not fit on one line, in as few lines as fit (a Latin header is left to wrap at its spaces)."""
    room = width - HEADER_PAD
    if display_width(header) <= room or not _is_wide(header):
        return header
    units = header_units(header)
    for lines in range(2, len(units) + 1):
        parts = _best_breaks(units, lines)
        if max(display_width(p) for p in parts) <= room:
            return "\n".join(parts)
    return "\n".join(units)


ROTATED_PT = 150  # height of a row of headers read bottom to top (the 核查矩阵's items, 指标对比's figures)


def rotated_headers(headers: Sequence[str], height: float = ROTATED_PT) -> tuple[list[str], list[float]]:
    """Headers read bottom to top in narrow columns, each broken between words on as few lines as
    ``height`` holds, and the width of its column (a rotated line is about 2.7 width units thick)."""
    per_line = (height - 8) / 5.5  # a width unit of text is about 5.5 pt long at 11 pt
    names = [broken_header(h, per_line + HEADER_PAD) for h in headers]
    lines = [max(n.count("\n") + 1, math.ceil(display_width(n) / per_line)) for n in names]
    return names, [round(max(3.8, 1.2 + 2.7 * n), 1) for n in lines]


def values_width(rows: Iterable[Sequence[Any]], i: int) -> int:
    """Width the values of column ``i`` take on one line (numbers, dates: they never wrap), 0 when none."""
    return max((_value_width(r[i]) + 2 for r in rows if i < len(r) and r[i] not in (None, "")), default=0)


# ---- columns ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Layout:
    """Column widths, and the columns whose cells wrap (text, and the columns of long text given)."""

    widths: list[float]
    wrap: frozenset[int]


def _value_width(v: Any) -> int:
    if isinstance(v, datetime):
        return DATETIME_WIDTH
    if isinstance(v, str):
        return display_width(v)
    return NUMBER_WIDTH if not isinstance(v, int | float) or isinstance(v, bool) else len(f"{v:g}")


def lay_out(headers: Sequence[str], sample: Iterable[Sequence[Any]], long_text: Iterable[int] = (), *,
            header_lines: int = 2, one_line: Iterable[int] = (), beside: Sequence[float] = ()) -> Layout:
    """Widths from the header and a sample of rows, and which columns wrap.

    A column of numbers or dates is as wide as they are (at most ``DEFAULT_CAP``). A column of text
    wraps: it starts as narrow as its header broken between words (on up to ``header_lines`` lines),
    or as its words when they are short (``SHORT_TEXT``), and is widened where that saves lines of
    print, while it saves any and the sheet prints at ``MIN_SCALE`` or larger (``share_room``). ``long_text``:
    columns of long text (comments, passages) that wrap whatever the sample holds; ``one_line``:
    text columns kept as wide as their text (up to ``LONGEST``); ``beside``: the widths of columns
    the sheet has further right, laid out by the caller (the 核查矩阵's items), counted in its scale.
    """
    rows = [list(r[: len(headers)]) for r in sample]
    need = [max(MIN_WIDTH, header_need(h, header_lines)) for h in headers]
    text = {i for i in range(len(headers)) if _all_text(rows, i)} | set(long_text)
    widths = [float(n) for n in need]
    for i in range(len(headers)):
        widest = max((_value_width(r[i]) for r in rows if i < len(r) and r[i] not in (None, "")), default=0)
        if i not in text:
            widths[i] = float(max(need[i], min(widest + 2, DEFAULT_CAP)))
        elif i in set(one_line):
            widths[i] = float(max(need[i], min(widest + 3, LONGEST)))  # + 3: ``wrapped_lines``'s padding
        else:  # a column of short words (缺失, 未定, 必备部分) never wraps them: rows of two lines each
            widths[i] = float(max(need[i], min(widest + 3, SHORT_TEXT)))
    free = sorted(text - set(one_line))
    whole = [*widths, *beside]
    share_room(whole, free, rows)
    return Layout(whole[: len(headers)], frozenset(text))


def _all_text(rows: Sequence[Sequence[Any]], i: int) -> bool:
    values = [r[i] for r in rows if i < len(r) and r[i] not in (None, "")]
    return bool(values) and all(isinstance(v, str) for v in values)
