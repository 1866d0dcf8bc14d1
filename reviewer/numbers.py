"""Numerals as reports write them: Arabic (full-width, decimals, thousands separators) and Chinese.

Only whole, regex-matched tokens are converted: cn2an's sentence-level ``transform()`` changes
string lengths and so cannot be used where spans matter. Magnitude words (万, 亿 …) and
qualifiers (余, 近 …) are folded here, not by cn2an (it rejects forms like 七十二点五万).

Importing cn2an costs 0.1 s (it compiles its grammar at import), a third of a one-report run; the
numerals reports mostly write (一, 两, 十二, 三千七百) are read here directly, and cn2an is imported
only for the first other form. The tests check the two agree on every such form.
"""

from __future__ import annotations

import functools

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
    simple = standard_value(whole)
    if simple is not None:
        value = float(simple)
    else:
        import cn2an  # deferred: 0.1 s, for the forms standard_value leaves to it

        try:
            value = float(cn2an.cn2an(whole, "normal"))
        except (ValueError, KeyError, IndexError, TypeError):
            return None
    if decimals:
        if any(c not in _DECIMAL_DIGITS for c in decimals):
            return None
        value += float("0." + "".join(_DECIMAL_DIGITS[c] for c in decimals))
    return value


_DIGITS_1_9 = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}


def standard_value(numeral: str) -> int | None:
    """Value of a numeral below 10 000 written in the standard way (一千零五, 两百一十, 十二, 〇);
    None for any other form (一千五, 一百十, 五万 …), which cn2an reads."""
    if numeral in ("零", "〇"):
        return 0
    if numeral[:1] == "十" and len(numeral) <= 2:
        numeral = "一" + numeral  # 十, 十二: the leading 一 is left unsaid
    value, last_unit, zero, i = 0, 10_000, False, 0
    while i < len(numeral):
        if numeral[i] in "零〇":
            if zero or not value:
                return None
            zero, i = True, i + 1
            continue
        digit = _DIGITS_1_9.get(numeral[i])
        unit = _UNITS.get(numeral[i + 1], 0) if i + 1 < len(numeral) else 1
        if digit is None or not unit or unit >= last_unit:
            return None
        if value and zero == (unit * 10 == last_unit):  # a skipped place needs its 零, a next one none
            return None
        value, last_unit, zero = value + digit * unit, unit, False
        i += 1 if unit == 1 else 2
    return None if zero else value


def normalise_qualifier(written: str | None) -> str | None:
    """The normalised qualifier for a qualifier word as written, or None."""
    if not written:
        return None
    return QUALIFIERS.get(written)
