"""The candidate-figure regular expression and the non-metric spans, built from ``resources/metrics``.

A candidate is ``[pre-qualifier] number [余|多] [magnitude] [余|多] unit [以上|左右]``; whether it is
a metric is decided afterwards (``reviewer.metrics``). Everything variable (units, the characters
that must not follow a unit, set phrases) is data; this module only assembles it.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from reviewer.model import Line
from reviewer.numbers import CHINESE_NUMERAL_CHARS
from reviewer.resources import resource_path

UNITS_FILE = ("metrics", "units.txt")
_NOT_REPORT_TEXT = frozenset({"clutter", "metadata"})
NONMETRIC_FILE = ("metrics", "nonmetric_patterns.txt")

_SPACE = "[ \u3000\u00a0]?"
_PRE = "不少于|不低于|超过|将近|接近|大约|约|近|超|逾"
_ARABIC = r"[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?"
# A bare 百/千/万 only after a qualifier or before 余/多 (近千人, 千余人; not 千家万户); metrics.py
# checks that the qualifier really was there.
_CHINESE = (
    f"[一二两三四五六七八九十][{CHINESE_NUMERAL_CHARS}]*"
    f"|(?<=[近约超逾过于])[百千万][{CHINESE_NUMERAL_CHARS}]*|[百千万](?=[余多])"
)
_FIRST_CHARS = "0-9０-９一二两三四五六七八九十百千万不超将接大约近逾"
_PERCENT_WORDS = f"百分之(?P<pct>[{CHINESE_NUMERAL_CHARS}点]+)"
# Not inside a longer number, a Latin code (PM2.5, G20) or a Chinese numeral word (十九届 → not 九).
_NOT_AFTER = f"(?<![0-9０-９.．A-Za-z{CHINESE_NUMERAL_CHARS}])"

# Book titles and short quotations hold names and slogans (《…2021—2025年》, “五个一”, “4.15”).
# Straight quotes do not say which side they are on, so one stray quote would pair the wrong ones:
# only very short straight-quoted stretches count.
_QUOTED = re.compile(
    r"《[^《》\n]{0,80}》|〈[^〈〉\n]{0,60}〉|“[^“”\n]{0,30}”|「[^「」\n]{0,30}」|\"[^\"\n]{0,12}\""
)


def _read_lines(parts: tuple[str, str]) -> list[str]:
    text = resource_path(*parts).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def _unit_alternative(line: str) -> tuple[str, str]:
    unit, _, guard = line.partition(" ")
    guard = guard.strip().lstrip("!")
    alt = re.escape(unit) + (f"(?![{re.escape(guard)}])" if guard else "")
    return unit, alt


@functools.cache
def candidate_pattern() -> re.Pattern[str]:
    """The compiled candidate regex; groups: pre, ar, cn, q1, mag, q2, unit, per, post — or pre, pct, post."""
    lines = _read_lines(UNITS_FILE)
    units = sorted((_unit_alternative(ln) for ln in lines if not ln.startswith("/")), key=lambda u: -len(u[0]))
    unit_alt = "|".join(alt for _unit, alt in units)
    pers = sorted((ln[1:] for ln in lines if ln.startswith("/")), key=len, reverse=True)
    per_alt = "|".join(map(re.escape, pers)) or "(?!)"
    return re.compile(
        f"(?=[{_FIRST_CHARS}])"  # cheap rejection at the ~95% of positions that cannot start a figure
        f"(?:(?P<pre>{_PRE})|{_NOT_AFTER})"
        f"(?:(?:(?P<ar>{_ARABIC})|(?P<cn>{_CHINESE}))"
        f"{_SPACE}(?P<q1>余|多)?(?P<mag>万亿|亿|万|千|百)?(?P<q2>余|多)?{_SPACE}"
        f"(?P<unit>{unit_alt})(?:[/／](?P<per>{per_alt}))?|{_PERCENT_WORDS})(?P<post>以上|左右)?"
    )


@functools.cache
def nonmetric_pattern() -> re.Pattern[str]:
    """Set phrases (三项制度, 最多跑一次 …) whose numerals are not metrics."""
    lines = _read_lines(NONMETRIC_FILE)
    body = "|".join(f"(?:{p})" for p in lines)
    firsts = first_chars(lines)
    # A leading class of the phrases' first characters lets sre skip most positions in one look-up.
    return re.compile(f"(?=[{firsts}])(?:{body})" if firsts else body)


# A pattern's first item when it is one plain character or a plain class, not made optional.
_FIRST_ITEM = re.compile(r"(?:\[([^\]\\^]+)\]|([^\\\[\](){}|.?*+^$]))(?![?*{])")


def first_chars(patterns: Sequence[str]) -> str | None:
    """The characters (as the inside of a class) that every match of one of ``patterns`` starts
    with, or None when a pattern starts otherwise (an escape, a group, an optional item) or
    has a top-level alternative."""
    out: list[str] = []
    for p in patterns:
        m = _FIRST_ITEM.match(p)
        if m is None or _has_top_level_bar(p):
            return None
        out.append(m.group(1) or re.escape(m.group(2)))
    return "".join(out) or None


def _has_top_level_bar(pattern: str) -> bool:
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c in "()":
            depth += 1 if c == "(" else -1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False


@dataclass(frozen=True, slots=True)
class Spans:
    """Sorted, possibly overlapping ``[start, end)`` intervals with a containment query."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, matches: list[tuple[int, int]]) -> Spans:
        matches.sort()
        # Prefix maximum of ends lets one bisect answer "does any interval starting before x reach y".
        ends: list[int] = []
        for _start, end in matches:
            ends.append(max(end, ends[-1]) if ends else end)
        return cls(tuple(s for s, _ in matches), tuple(ends))

    def covers(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start)
        return i > 0 and self.ends[i - 1] >= end


def excluded_spans(text: str, lines: Sequence[Line] = ()) -> Spans:
    """Spans of ``text`` where no metric is taken: quotations, book titles, set phrases, and the
    web-page clutter and metadata lines of the outline (浏览次数, 共3条, 第1页)."""
    found = [m.span() for m in _QUOTED.finditer(text)]
    found += [m.span() for m in nonmetric_pattern().finditer(text)]
    found += [(ln.start, ln.end) for ln in lines if ln.kind in _NOT_REPORT_TEXT]
    return Spans.of(found)
