"""Numerals read without cn2an are read exactly as cn2an reads them; every other form goes to cn2an."""

from __future__ import annotations

import itertools

import cn2an
import pytest

from reviewer.numbers import parse_chinese, standard_value

_DIGITS = "零一二三四五六七八九"


def _cn2an(numeral: str) -> int | float | None:
    try:
        value: int | float = cn2an.cn2an(numeral, "normal")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return value


def _standard(n: int) -> str:
    out, zero, started = "", False, False
    for d, unit in zip((n // 1000, n // 100 % 10, n // 10 % 10, n % 10), ("千", "百", "十", ""), strict=True):
        if d == 0:
            zero = zero or started
            continue
        out += ("零" if zero else "") + _DIGITS[d] + unit
        zero, started = False, True
    return out


def test_every_standard_numeral_below_ten_thousand_is_read_as_cn2an_reads_it() -> None:
    for n in range(1, 10_000):
        written = _standard(n)
        for form in {written, written.replace("二", "两"), written.replace("零", "〇")}:
            assert standard_value(form) == _cn2an(form) == n, form
    assert standard_value("十") == standard_value("一十") == 10 and standard_value("十二") == 12
    assert standard_value("〇") == standard_value("零") == _cn2an("零") == 0


def test_any_short_string_of_numeral_characters_is_read_as_cn2an_reads_it_or_left_to_it() -> None:
    accepted = 0
    for n in range(1, 5):
        for chars in itertools.product("零〇一二两三四五六七八九十百千", repeat=n):
            numeral = "".join(chars)
            value = standard_value(numeral)
            if value is not None:
                accepted += 1
                assert value == _cn2an(numeral), numeral
    assert accepted > 700


@pytest.mark.parametrize("numeral", ["一千五", "一百十", "五万", "三千七百万", "十二万三千", "一二三"])
def test_other_forms_go_to_cn2an(numeral: str) -> None:
    assert standard_value(numeral) is None
    assert parse_chinese(numeral) == _cn2an(numeral)
