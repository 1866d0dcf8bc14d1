"""Word automatic numbering: render the labels Word shows (一、 （一） 1. ①) but python-docx omits.

Labels come from numbering.xml: each ``w:num`` points at an ``w:abstractNum`` whose levels give
a number format (``w:numFmt``), a pattern (``w:lvlText`` such as ``%1、`` or ``（%2）``) and a
start value. Counters run per list and level; a shallower level advancing restarts deeper ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DIGITS = "零一二三四五六七八九"
_TRAD = "零壹贰叁肆伍陆柒捌玖"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def chinese_count(n: int, digits: str = _DIGITS) -> str:
    """1..99 the way Word writes chineseCounting: 十, 十一, 二十, 二十一."""
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else digits[tens]
    return head + "十" + (digits[ones] if ones else "") if n < 100 else str(n)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographDigital", "taiwaneseCounting",
               "taiwaneseCountingThousand"):
        return chinese_count(n)
    if fmt in ("ideographTraditional", "chineseLegalSimplified"):
        return chinese_count(n, _TRAD)
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt == "bullet" or fmt == "none":
        return ""
    return str(n)


@dataclass(frozen=True, slots=True)
class Level:
    fmt: str
    text: str
    start: int


@dataclass(slots=True)
class Numbering:
    """Level definitions per numId, and the running counters."""

    levels: dict[str, dict[int, Level]]
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    def label(self, num_id: str, ilvl: int) -> str | None:
        defs = self.levels.get(num_id)
        if not defs or ilvl not in defs:
            return None
        counts = self.counters.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, defs[ilvl].start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        if defs[ilvl].fmt == "bullet":
            return None
        out = defs[ilvl].text
        for k in range(ilvl + 1):
            value = counts.get(k, defs[k].start if k in defs else 1)
            out = out.replace(f"%{k + 1}", format_number(value, defs[k].fmt if k in defs else "decimal"))
        return out or None


def _val(el: Any, tag: str, default: str) -> str:
    child = el.find(W + tag) if el is not None else None
    return str(child.get(W + "val", default)) if child is not None else default


def parse_numbering(root: Any) -> Numbering:
    """Read a numbering.xml element tree (lxml) into level definitions per numId."""
    abstract: dict[str, dict[int, Level]] = {}
    for an in root.iter(W + "abstractNum"):
        levels = {}
        for lvl in an.iter(W + "lvl"):
            ilvl = int(lvl.get(W + "ilvl", "0"))
            start = _val(lvl, "start", "1")
            levels[ilvl] = Level(_val(lvl, "numFmt", "decimal"), _val(lvl, "lvlText", ""),
                                 int(start) if start.isdigit() else 1)
        abstract[str(an.get(W + "abstractNumId"))] = levels
    by_num: dict[str, dict[int, Level]] = {}
    for num in root.iter(W + "num"):
        ref = num.find(W + "abstractNumId")
        if ref is not None:
            by_num[str(num.get(W + "numId"))] = abstract.get(str(ref.get(W + "val")), {})
    return Numbering(by_num)
