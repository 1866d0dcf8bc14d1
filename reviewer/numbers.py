"""Numerals as reports write them: Arabic (full-width, decimals, thousands separators) and Chinese.

Only whole, regex-matched tokens are converted: cn2an's sentence-level ``transform()`` changes
string lengths and so cannot be used where spans matter. Magnitude words (万, 亿 …) and
qualifiers (余, 近 …) are folded here, not by cn2an (it rejects forms like 七十二点五万).
"""

from __future__ import annotations

import functools

import cn2an

# Full-width digits and decimal point to ASCII; thousands separators are dropped by the caller.
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")

MAGNITUDES: dict[str, int] = {"十": 10, "百": 100, "千": 1_000, "万": 10_000, "亿": 100_000_000, "万亿": 10**12}

CHINESE_DIGITS = "零〇一二两三四五六七八九"
CHINESE_NUMERAL_CHARS = CHINESE_DIGITS + "十百千万亿"
# Digits after 点 are read one by one (九十八点五 = 98.5).
_DECIMAL_DIGITS = dict(zip("零〇一二三四五六七八九", "00123456789", strict=True))

# Qualifiers as written → the corpus' normalised set (余/多/近/约/超). 逾, 以上, 超过, 不少于 all say
# "at least / more than" and are recorded as 超, as the hand-labelled corpus does.
QUALIFIERS: dict[str, str] = {
    "余": "余",
    "多": "多",
    "近": "近",
    "将近": "近",
    "接近": "近",
    "约": "约",
    "大约": "约",
    "左右": "约",
    "超": "超",
    "超过": "超",
    "逾": "超",
    "以上": "超",
    "不少于": "超",
    "不低于": "超",
}


def parse_arabic(token: str) -> float | None:
    """Value of an Arabic-digit token such as ``72.5``, ``１２``, ``16,823``; None if malformed."""
    cleaned = token.translate(_FULLWIDTH).replace(",", "")
    try:
        return float(cleaned)
    except ValueError:
        return None


@functools.lru_cache(maxsize=4096)  # cn2an is slow, and reports repeat the same few numerals
def parse_chinese(token: str) -> float | None:
    """Value of a Chinese numeral such as ``三千七百``, ``两万``, ``千`` (= 一千), ``九十八点五``.

    None when cn2an rejects the token.
    """
    whole, _, decimals = token.partition("点")
    if whole[:1] in "百千万":
        whole = "一" + whole  # 近千人, 百分之百: the leading 一 is left unsaid
    try:
        value = float(cn2an.cn2an(whole, "normal"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    if decimals:
        if any(c not in _DECIMAL_DIGITS for c in decimals):
            return None
        value += float("0." + "".join(_DECIMAL_DIGITS[c] for c in decimals))
    return value


def normalise_qualifier(written: str | None) -> str | None:
    """The normalised qualifier for a qualifier word as written, or None."""
    if not written:
        return None
    return QUALIFIERS.get(written)
