"""Word automatic numbering: render the labels Word shows (一、 （一） 1. ①) but python-docx omits.

Labels come from numbering.xml: each ``w:num`` points at an ``w:abstractNum`` whose levels give
a number format (``w:numFmt``), a pattern (``w:lvlText`` such as ``%1、`` or ``（%2）``) and a
start value; a ``w:lvlOverride`` may replace a level or restart it (``w:startOverride``).
Like Word, numIds sharing an abstractNum continue one list, and a shallower level advancing
restarts the deeper ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DIGITS = "零一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULLSTOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip


def chinese_count(n: int, digits: str = _DIGITS, units: str = "十百千") -> str:
    """1..9999 the way Word writes chineseCounting: 十, 十一, 二十, 一百零五, 一千零一十."""
    if n <= 0 or n >= 10000:
        return str(n)
    if 10 <= n < 20 and units[0] == "十":
        return units[0] + (digits[n - 10] if n > 10 else "")
    out, gap = "", False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d = n // power % 10
        if d == 0:
            gap = bool(out)
            continue
        out += (digits[0] if gap else "") + digits[d] + unit
        gap = False
    return out


def _roman(n: int) -> str:
    out = ""
    for value, sym in _ROMAN:
        while n >= value:
            out, n = out + sym, n - value
    return out


def _table(chars: str) -> Callable[[int], str]:
    return lambda n: chars[n - 1] if 1 <= n <= len(chars) else str(n)


def _cycle(chars: str) -> Callable[[int], str]:
    return lambda n: chars[(n - 1) % len(chars)]


def _full_width(n: int) -> str:
    return "".join(chr(ord(c) + 0xFEE0) for c in str(n))


FORMATS: dict[str, Callable[[int], str]] = {
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": _full_width,
    "decimalFullWidth2": _full_width,
    "decimalEnclosedCircle": _table(_CIRCLED),
    "decimalEnclosedCircleChinese": _table(_CIRCLED),
    "decimalEnclosedParen": _table(_PAREN),
    "decimalEnclosedFullstop": _table(_FULLSTOP),
    "lowerLetter": lambda n: "abcdefghijklmnopqrstuvwxyz"[(n - 1) % 26] * ((n - 1) // 26 + 1),
    "upperLetter": lambda n: "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[(n - 1) % 26] * ((n - 1) // 26 + 1),
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
    "chineseCounting": chinese_count,
    "chineseCountingThousand": chinese_count,
    "japaneseCounting": chinese_count,
    "taiwaneseCounting": chinese_count,
    "taiwaneseCountingThousand": chinese_count,
    "ideographDigital": lambda n: "".join(_DIGITS[int(c)] for c in str(n)).replace("零", "〇"),
    "taiwaneseDigital": lambda n: "".join(_DIGITS[int(c)] for c in str(n)).replace("零", "〇"),
    "chineseLegalSimplified": lambda n: chinese_count(n, _LEGAL, "拾佰仟"),
    "ideographLegalTraditional": lambda n: chinese_count(n, "零壹貳參肆伍陸柒捌玖", "拾佰仟"),
    "ideographTraditional": _cycle(_STEMS),
    "ideographZodiac": _cycle(_BRANCHES),
}


def format_number(n: int, fmt: str) -> str:
    """Counter ``n`` drawn in Word's numFmt ``fmt``; unknown formats (and odd values) as decimal."""
    if fmt in ("bullet", "none"):
        return ""
    if n <= 0 or fmt not in FORMATS:
        return str(n)
    return FORMATS[fmt](n)


@dataclass(frozen=True, slots=True)
class Level:
    fmt: str
    text: str
    start: int


@dataclass(slots=True)
class Numbering:
    """Level definitions per numId, and the running counters per list (abstractNum)."""

    levels: dict[str, dict[int, Level]]
    abstract_of: dict[str, str] = field(default_factory=dict)
    start_overrides: dict[str, dict[int, int]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)

    def _counts(self, num_id: str) -> dict[int, int]:
        counts = self.counters.setdefault(self.abstract_of.get(num_id) or f"num:{num_id}", {})
        if num_id not in self.used:  # a startOverride restarts its level where the numId begins
            self.used.add(num_id)
            for k in self.start_overrides.get(num_id, {}):
                counts.pop(k, None)
        return counts

    def label(self, num_id: str, ilvl: int) -> str | None:
        """Advance (num_id, ilvl) and return the label Word draws; None for bullets or unknown lists."""
        defs = self.levels.get(num_id)
        if not defs or ilvl not in defs:
            return None
        starts = {k: self.start_overrides.get(num_id, {}).get(k, lv.start) for k, lv in defs.items()}
        counts = self._counts(num_id)
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else starts[ilvl]
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        if defs[ilvl].fmt == "bullet":
            return None

        def fill(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            fmt = defs[k].fmt if k in defs else "decimal"
            return format_number(counts.get(k, starts.get(k, 1)), fmt)

        return re.sub(r"%([1-9])", fill, defs[ilvl].text) or None


def _val(el: Any, tag: str, default: str) -> str:
    child = el.find(W + tag) if el is not None else None
    return str(child.get(W + "val", default)) if child is not None else default


def _int(text: str, default: int) -> int:
    return int(text) if text.isdigit() else default


def _level(lvl: Any) -> Level:
    return Level(_val(lvl, "numFmt", "decimal"), _val(lvl, "lvlText", ""), _int(_val(lvl, "start", "1"), 1))


def parse_numbering(root: Any) -> Numbering:
    """Read a numbering.xml element tree (lxml) into level definitions per numId."""
    abstract: dict[str, dict[int, Level]] = {}
    for an in root.iter(W + "abstractNum"):
        levels = {_int(lvl.get(W + "ilvl", "0"), 0): _level(lvl) for lvl in an.iter(W + "lvl")}
        abstract[str(an.get(W + "abstractNumId"))] = levels
    numbering = Numbering({})
    for num in root.iter(W + "num"):
        ref = num.find(W + "abstractNumId")
        if ref is None:
            continue
        nid, aid = str(num.get(W + "numId")), str(ref.get(W + "val"))
        levels = dict(abstract.get(aid, {}))
        overrides: dict[int, int] = {}
        for ov in num.iter(W + "lvlOverride"):
            ilvl = _int(ov.get(W + "ilvl", "0"), 0)
            lvl = ov.find(W + "lvl")
            if lvl is not None:
                levels[ilvl] = _level(lvl)
            start = ov.find(W + "startOverride")
            if start is not None:
                overrides[ilvl] = _int(str(start.get(W + "val", "1")), 1)
        numbering.levels[nid] = levels
        numbering.abstract_of[nid] = aid
        numbering.start_overrides[nid] = overrides
    return numbering
