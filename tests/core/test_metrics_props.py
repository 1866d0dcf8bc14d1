"""Invariants on arbitrary text: no crash, exact spans, sane values."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.metrics import extract_metrics
from reviewer.model import Outline
from reviewer.outline import build_outline

EMPTY = Outline(sections=(), lines=())
# Characters that exercise the grammar: digits (ASCII and full-width), numerals, qualifiers, units, quotes.
ALPHABET = (
    "0123456789０１２.．,%％一二两三四五六七八九十百千万亿"
    "余多近约超过逾以上第届件次人名个家项元年分成“”《》、，。\n 案复议执法率"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60) | st.text(max_size=60))
def test_spans_are_exact_and_ordered(text: str) -> None:
    metrics = extract_metrics(text, EMPTY)
    last_end = 0
    for m in metrics:
        assert text[m.start : m.end] == m.text
        assert 0 <= last_end <= m.start < m.end <= len(text)
        assert math.isfinite(m.value) and m.value >= 0
        assert m.text in m.context
        assert len(m.context) <= 160
        last_end = m.end


def test_text_without_punctuation_keeps_contexts_short() -> None:
    metrics = extract_metrics("协调解决3件" * 2000, EMPTY)
    assert len(metrics) == 2000
    assert max(len(m.context) for m in metrics) <= 160


REPORT_PIECES = ["一、主要举措\n", "(一)行政复议\n", "1.执法\n", "办理案件59件,", "纠错率44%。\n", "近千人"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(REPORT_PIECES)).map("".join) | st.text(alphabet=ALPHABET, max_size=80))
def test_sections_come_from_the_outline(text: str) -> None:
    outline = build_outline(text)
    ids: dict[str, tuple[int, int]] = {}
    stack = list(outline.sections)
    while stack:
        s = stack.pop()
        ids[s.id] = (s.start, s.end)
        stack.extend(s.children)
    for m in extract_metrics(text, outline):
        assert text[m.start : m.end] == m.text
        if m.section is not None:
            lo, hi = ids[m.section]
            assert lo <= m.start < hi
