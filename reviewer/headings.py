"""Heading markers (一、 / （一） / 1. / （1） / ①) and the title part of a heading line.

This module only recognises the *form* of a marker at the start of a line; whether a marked
line really is a heading (sequence continuity) is decided in :mod:`reviewer.outline`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CN_DIGITS = "〇一二三四五六七八九"
_CN_VALUE = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CN_NUM = "[一二三四五六七八九十百]{1,4}"

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


@dataclass(frozen=True, slots=True)
class Marker:
    """A heading marker at the start of a stripped line."""

    level: int  # 1..4 by the marker's form
    number: str | None  # the numeral as written; None when it was lost
    ordinal: int | None  # its value; None when lost or unreadable
    end: int  # offset in the stripped line where the heading text begins


def cn_int(s: str) -> int | None:
    """Value of a Chinese numeral below 10 000 (一 … 九千九百九十九, also 〇-digit strings); None if not one."""
    if not s:
        return None
    if all(c in _CN_VALUE for c in s) and len(s) > 1:
        return int("".join(str(_CN_VALUE[c]) for c in s))
    total, current = 0, 0
    for c in s:
        if c in _CN_VALUE:
            current = _CN_VALUE[c]
        elif c in "十百千":
            unit = {"十": 10, "百": 100, "千": 1000}[c]
            total += (current or 1) * unit
            current = 0
        else:
            return None
    return total + current


def cn_numeral(n: int) -> str:
    """Chinese numeral for 1..99 as headings write it (一, 十, 十一, 二十一)."""
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else CN_DIGITS[tens]
    return head + "十" + (CN_DIGITS[ones] if ones else "")


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
