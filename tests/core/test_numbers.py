"""Numeral parsing: Arabic (full-width, decimals, separators), Chinese via cn2an, qualifiers."""

from __future__ import annotations

import pytest

from reviewer.numbers import normalise_qualifier, parse_arabic, parse_chinese


@pytest.mark.parametrize(
    ("token", "value"),
    [("59", 59.0), ("99.19", 99.19), ("16,823", 16823.0), ("１２", 12.0), ("７２．５", 72.5), ("0.55", 0.55)],
)
def test_parse_arabic(token: str, value: float) -> None:
    assert parse_arabic(token) == value


def test_parse_arabic_rejects_garbage() -> None:
    assert parse_arabic("1.2.3") is None


@pytest.mark.parametrize(
    ("token", "value"),
    [("十", 10.0), ("三千七百", 3700.0), ("两万", 20000.0), ("三", 3.0), ("二十五", 25.0), ("两", 2.0), ("九", 9.0)],
)
def test_parse_chinese(token: str, value: float) -> None:
    assert parse_chinese(token) == value


def test_parse_chinese_rejects_malformed() -> None:
    assert parse_chinese("十十") is None


@pytest.mark.parametrize(
    ("written", "normal"),
    [("余", "余"), ("多", "多"), ("近", "近"), ("约", "约"), ("超", "超"), ("超过", "超"), ("逾", "超"),
     ("以上", "超"), ("不少于", "超"), ("将近", "近"), (None, None), ("", None)],
)
def test_normalise_qualifier(written: str | None, normal: str | None) -> None:
    assert normalise_qualifier(written) == normal
