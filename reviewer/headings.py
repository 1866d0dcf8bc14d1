"""Heading markers (一、 / （一） / 1. / （1） / ①) and the title part of a heading line.

This module only recognises the *form* of a marker at the start of a line; whether a marked
line really is a heading (sequence continuity) is decided in :mod:`reviewer.outline`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reviewer.fastpickle import fast_init

CN_DIGITS = "〇一二三四五六七八九"
_CN_VALUE = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CN_NUM = "[一二三四五六七八九十百千零]{1,7}"  # up to 九千九百九十九 (a pathological report has 150)

# Level 1: 一、 一. 一， (also two spaces instead of punctuation is handled by the title split);
# 第一部分 / 第一章 / 第一节; a lost numeral leaves a bare leading 、.
_L1 = re.compile(rf"^(?:({_CN_NUM})\s*[、，,．.]|第({_CN_NUM})(?:部分|章|节)[\s、：:，,．.]*|(、))\s*")
_L2 = re.compile(rf"^[（(]\s*({_CN_NUM})\s*[)）]\s*[、，,．.]?\s*")
# Level 3: 1. 1、 1． — one or two digits, not followed by another digit (2021. / 1.5万 are not markers).
# "1、2月份…" lists months, not a numbered heading.
_L3 = re.compile(r"^(\d{1,2})\s*(?:[、．]|\.(?!\d))(?!\s*\d{1,2}\s*[月日])\s*")
_L4 = re.compile(rf"^(?:[（(]\s*(\d{{1,2}})\s*[)）]|([{_CIRCLED}]))\s*[、，,．.]?\s*")

# Where the heading part of a line ends and its first body sentence begins.
_TITLE_END = re.compile(r"[。；;！!？?]|[:：](?=\S)|(?<=[^一二三四五六七八九十])(?=一是)")
_TITLE_MAX = 60


@fast_init
@dataclass(frozen=True, slots=True)
class Marker:
    """A heading marker at the start of a stripped line."""

    level: int  # 1..4 by the marker's form
    number: str | None  # the numeral as written; None when it was lost
    ordinal: int | None  # its value; None when lost or unreadable
    end: int  # offset in the stripped line where the heading text begins


_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = ("", "万", "亿")


def cn_int(s: str) -> int | None:
    """Value of a Chinese numeral of any size (一, 十一, 一百零五, 三万二千, 〇-digit strings such as
    二〇二三); None if ``s`` is not one."""
    if not s:
        return None
    if all(c in _CN_VALUE for c in s) and len(s) > 1:
        return int("".join(str(_CN_VALUE[c]) for c in s))
    total, section, current = 0, 0, 0
    for c in s:
        if c in _CN_VALUE:
            current = _CN_VALUE[c]
        elif c in _SMALL_UNITS:
            section += (current or 1) * _SMALL_UNITS[c]
            current = 0
        elif c == "万":
            total += (section + current or 1) * 10_000
            section = current = 0
        elif c == "亿":
            total = (total + section + current or 1) * 100_000_000
            section = current = 0
        else:
            return None
    return total + section + current


def _group(n: int) -> str:
    """1..9999 in words, with 零 where a place is skipped (一千零五, 一百一十)."""
    out, gap = "", False
    for power, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, power)
        if digit:
            out += ("零" if gap else "") + CN_DIGITS[digit] + unit
            gap = False
        elif out:
            gap = True
    return out


def cn_numeral(n: int) -> str:
    """Chinese numeral for any whole number as headings and text write it (一, 十, 十一, 一百零五, 一万)."""
    if n < 0:
        return "负" + cn_numeral(-n)
    if n == 0:
        return "〇"
    groups: list[int] = []
    while n:
        n, g = divmod(n, 10_000)
        groups.append(g)
    if len(groups) > len(_BIG_UNITS):
        return str(sum(g * 10_000**i for i, g in enumerate(groups)))  # from 万亿 on, digits read better
    out = ""
    for i in reversed(range(len(groups))):
        g = groups[i]
        if g == 0:
            continue
        if out and g < 1000:
            out += "零"  # 一万零五百, 一亿零二十
        out += _group(g) + _BIG_UNITS[i]
    return out[1:] if out.startswith("一十") else out


def match_marker(line: str) -> Marker | None:
    """The heading marker a stripped line starts with, or None."""
    if m := _L2.match(line):
        return Marker(2, m.group(1), cn_int(m.group(1)), m.end())
    if m := _L4.match(line):
        num = m.group(1) or m.group(2)
        ordinal = int(num) if m.group(1) else _CIRCLED.index(num) + 1
        return Marker(4, num, ordinal, m.end())
    if m := _L1.match(line):
        if m.group(3):
            return Marker(1, None, None, m.end())
        num = m.group(1) or m.group(2)
        return Marker(1, num, cn_int(num), m.end())
    if m := _L3.match(line):
        return Marker(3, m.group(1), int(m.group(1)), m.end())
    return None


def heading_title(rest: str) -> str:
    """The heading part of the text after a marker: up to the first sentence end, stripped."""
    m = _TITLE_END.search(rest)
    title = rest[: m.start()] if m else rest
    title = title.strip(" \t\u3000\xa0，,、:：")
    if not m and len(title) > _TITLE_MAX:
        # No sentence end at all: keep the first clause rather than a whole paragraph.
        comma = re.search(r"[，,]", title[_TITLE_MAX // 2 :])
        if comma:
            title = title[: _TITLE_MAX // 2 + comma.start()]
    return title
