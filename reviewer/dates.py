"""Dates as reports write them in a 落款: 2024年1月17日, 二〇二四年一月十七日, or garbled digit runs."""

from __future__ import annotations

import datetime as dt
import re

from reviewer.headings import cn_int

_ARABIC = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$|^(\d{4})\.(\d{1,2})\.(\d{1,2})$")
_CN = "[一二三四五六七八九十]{1,3}"
_CHINESE = re.compile(rf"^([〇零一二三四五六七八九]{{4}})\s*年\s*({_CN})\s*月\s*({_CN})\s*日$")
# Copying from a page can drop 年/月/日 and leave 2022228 (2022-2-28) or 20220228.
_RUN = re.compile(r"^(20\d\d)(\d{2,4})$")


def parse_date(s: str) -> tuple[str, bool] | None:
    """``(YYYY-MM-DD, garbled)`` for a stripped date line, or None when it is no readable date."""
    if m := _ARABIC.match(s):
        y, mo, d = (int(g) for g in m.groups() if g is not None)
        return _iso(y, mo, d, False)
    if m := _CHINESE.match(s):
        year = int("".join(str("〇一二三四五六七八九".find(c.replace("零", "〇"))) for c in m.group(1)))
        month, day = cn_int(m.group(2)), cn_int(m.group(3))
        return _iso(year, month or 0, day or 0, False) if month and day else None
    if m := _RUN.match(s):
        return _garbled(int(m.group(1)), m.group(2))
    return None


def _iso(y: int, m: int, d: int, garbled: bool) -> tuple[str, bool] | None:
    try:
        return dt.date(y, m, d).isoformat(), garbled
    except ValueError:
        return None


def _garbled(year: int, rest: str) -> tuple[str, bool] | None:
    """Split the month/day digits; when two readings are valid, prefer a month in Jan–Apr (reporting season)."""
    readings = []
    for cut in (1, 2):
        month, day = rest[:cut], rest[cut:]
        if not 1 <= len(day) <= 2 or (len(rest) == 4 and cut == 1):
            continue
        if (parsed := _iso(year, int(month), int(day), True)) is not None:
            readings.append(parsed)
    readings.sort(key=lambda r: (int(r[0][5:7]) > 4, r[0]))
    return readings[0] if readings else None
