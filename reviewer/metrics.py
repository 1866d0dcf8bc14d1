"""Quantitative facts (figures with measure words): value, measure, qualifier, topic, section and exact span.

Contract of :func:`extract_metrics`:

- ``metric.text == text[metric.start:metric.end]`` is the shortest substring holding the qualifier,
  number, magnitude word and unit (``150余件``, ``近6000件``, ``72.5万余次``, ``超过3.5万人``, ``98%以上``).
- ``value`` folds magnitude words; money is in 元 (``74356万元`` → 743560000, measure ``元``).
- ``measure`` is the measure word (计量单位) as written (``个百分点``, ``人次``); ``％`` is given as ``%``.
- ``qualifier`` is normalised to 余/多/近/约/超 (逾, 超过, 以上, 不少于 → 超), or None.
- ``section`` is the id of the innermost outline section holding the figure, or None.
- ``context`` is the sentence holding the figure (its clause when the sentence is very long).

Not metrics: years and dates, document numbers, ordinals (第四届), ranges' first halves, figures
inside book titles or short quotations (《…2021—2025年》, “五个一”), set phrases listed in
``resources/metrics/nonmetric_patterns.txt``, numbers without a measure word (hotlines, 1.0模式),
ages (岁 is not a unit), and anything on a line the outline classed as web clutter or metadata.
"""

from __future__ import annotations

import re
from decimal import Decimal

from reviewer.metric_patterns import Spans, candidate_pattern, excluded_spans
from reviewer.model import Metric, Outline, Section
from reviewer.numbers import MAGNITUDES, normalise_qualifier, parse_arabic, parse_chinese
from reviewer.textindex import TextIndex
from reviewer.topics import KeywordHits, classify

# A bare 一 is mostly an article (一个平台, 一批项目, 一起案件 = together); only these count it.
_UNITS_FOR_ONE = frozenset({"次", "名", "场"})
# A Chinese numeral before these is an idiom (十分 = very, 三分之一 = a third), not a score.
_NOT_AFTER_CHINESE = frozenset({"分"})
# A qualifier glued to the word before it is part of that word (制约, 最近, 赶超).
_PRE_WORDS = {"约": "制签预节公条契相邀特简", "近": "最附临亲贴靠", "超": "赶高"}
_ORDINAL_MARKS = frozenset("第届")
_VAGUE_MARKS = frozenset("数几若")  # 数十个, 几十名: no definite figure
_CLOCK_MARKS = frozenset("时点:：")
_INLINE_SPACE = frozenset(" \u3000\u00a0\t")
_RANGE_DASHES = frozenset("-－—–~～")
_LONG_SENTENCE = 150
_MINUS = frozenset("-－−")
# What may stand before a minus sign written against a number: a label's colon or bracket, or the
# word the value is of (增长率为-1.5%, 变化：-3件, 同比-2.1%). A digit, a letter or a slash before the
# dash makes a range or a code (2020-2021年, XM00128-30), and so does a measure word (300人-500人,
# 2次-3次); a line's start makes the dash a list's bullet.
_BEFORE_MINUS = re.compile(r"[：:（(=＝为是达率长降幅化比值差减增]")


def extract_metrics(text: str, outline: Outline) -> tuple[Metric, ...]:
    """Every figure in ``text`` as a :class:`Metric`, in text order. Never raises on odd text."""
    excluded = excluded_spans(text, outline.lines)
    stops = TextIndex.of(text)
    keywords = KeywordHits.of(text)
    metrics: list[Metric] = []
    for match in candidate_pattern().finditer(text):
        metric = _to_metric(text, match, excluded, stops, keywords, outline.sections)
        if metric is not None:
            metrics.append(metric)
    return tuple(metrics)


def _to_metric(
    text: str,
    m: re.Match[str],
    excluded: Spans,
    stops: TextIndex,
    keywords: KeywordHits,
    sections: tuple[Section, ...],
) -> Metric | None:
    start, end = m.span()
    pre = m.group("pre")
    if pre and start > 0 and text[start - 1] in _PRE_WORDS.get(pre, ""):
        start, pre = start + len(pre), None
    num_start = next(m.start(g) for g in ("ar", "cn", "pct") if m.group(g))
    value = _value(m)
    unit = m.group("unit") or "%"
    if m.group("per"):
        unit = f"{unit}/{m.group('per')}"  # a compound unit: 微克/立方米, 万元/年 → 元/年
    if value is None or not _is_metric(text, m, num_start, value, pre) or excluded.covers(start, end):
        return None
    qualifier = next((q for q in (pre, m.group("q1"), m.group("q2"), m.group("post")) if q), None)
    if start == num_start and _negative(text, start):
        start, value = start - 1, -value
    chain = _section_chain(sections, start)
    return Metric(
        text=text[start:end],
        value=value,
        measure="%" if unit == "％" else unit,
        qualifier=normalise_qualifier(qualifier),
        topic=classify(text, start, end, [s.title for s in chain], stops, keywords),
        section=chain[0].id if chain else None,
        start=start,
        end=end,
        context=_context(text, start, end, stops),
    )


def _negative(text: str, start: int) -> bool:
    """Whether the number at ``start`` is written with a minus sign (see ``_BEFORE_MINUS``)."""
    return start >= 2 and text[start - 1] in _MINUS and _BEFORE_MINUS.match(text, start - 2) is not None


def _value(m: re.Match[str]) -> float | None:
    if m.group("pct"):
        return parse_chinese(m.group("pct"))
    base = parse_arabic(m.group("ar")) if m.group("ar") else parse_chinese(m.group("cn"))
    if base is None:
        return None
    mag = m.group("mag")
    # Decimal keeps 1.1亿 at 110000000 rather than 110000000.00000001.
    return float(Decimal(repr(base)) * MAGNITUDES[mag]) if mag else base


def _is_metric(text: str, m: re.Match[str], num_start: int, value: float, pre: str | None) -> bool:
    """False for the forms that look like figures but are not (see the module docstring)."""
    unit = m.group("unit")
    before_pos = num_start - 1
    while before_pos >= 0 and text[before_pos] in _INLINE_SPACE:
        before_pos -= 1  # 第 3 批: text flattened from PDF/docx has spaces around numbers
    before = text[before_pos] if before_pos >= 0 else ""
    chinese = m.group("cn")
    if chinese and chinese[0] in "百千万" and not (pre or m.group("q1")):
        return False  # 千人 alone is a name (千人计划); 近千人 and 千余人 are figures
    if before == "前" and unit in ("名", "位"):
        return False  # 前三名, 前3位: a rank
    if before in _ORDINAL_MARKS or (chinese and before in _VAGUE_MARKS):
        return False
    if unit == "分" and before in _CLOCK_MARKS:
        return False  # 09时24分, 9点30分: a time of day, not a score
    if before in _RANGE_DASHES and before_pos > 0 and text[before_pos - 1].isdigit():
        return False
    if chinese and (unit in _NOT_AFTER_CHINESE or (value == 1 and unit not in _UNITS_FOR_ONE)):
        return False
    if unit == "年":
        # 3年/三年 is a duration; 2021年 is a year and 近三年 means "the last three years".
        return value < 100 and not (m.group("ar") and len(m.group("ar")) >= 3) and pre != "近"
    return True


def _section_chain(sections: tuple[Section, ...], pos: int) -> list[Section]:
    """Sections holding ``pos``, innermost first."""
    chain: list[Section] = []
    level: tuple[Section, ...] = sections
    while True:
        holder = next((s for s in level if s.start <= pos < s.end), None)
        if holder is None:
            return chain[::-1]
        chain.append(holder)
        level = holder.children


def _context(text: str, start: int, end: int, stops: TextIndex) -> str:
    lo, hi = stops.sentence.back(start), stops.sentence.forward(end)
    if hi - lo > _LONG_SENTENCE:
        lo, hi = stops.clause.back(start), stops.clause.forward(end)
    if hi - lo > _LONG_SENTENCE:  # no punctuation at all: a window around the figure
        lo, hi = max(lo, start - _LONG_SENTENCE // 2), min(hi, end + _LONG_SENTENCE // 2)
    if hi < len(text) and text[hi] != "\n":
        hi += 1  # keep the sentence's own full stop
    return text[lo:hi].strip()
