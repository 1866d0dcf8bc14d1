"""Outline invariants on arbitrary input: no crash, spans inside the text, proper nesting."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.meta import extract_meta
from reviewer.model import Outline, Section
from reviewer.outline import build_outline
from reviewer.parts import find_parts

_PIECES = [
    "一、", "二、", "三、", "（一）", "(二)", "（三）", "1.", "2、", "3．", "（1）", "(2)", "①", "②", "、",
    "第一部分", "一是", "二是", "2021.", "1.5万", "主要举措和成效", "存在的不足和原因", "第一责任人职责",
    "下一年度主要安排", "下一步,", "来源:", "发布时间:2022-03-11", "首页", "分享到:", "  • ", "。", ",",
    "\n", "\n", "\n", "  ", "\u3000", "2022228", "2024年1月17日", "某某区人民政府", "关于", "报告", "|",
]
report_like = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=8)), max_size=80).map("".join)


def _check_siblings(text: str, sections: Sequence[Section], lo: int, hi: int) -> None:
    prev_end = lo
    for s in sections:
        assert lo <= s.start < s.end <= hi
        assert s.start >= prev_end
        assert text[s.start : s.start + len(s.heading)] == s.heading
        assert 1 <= s.level <= 4
        prev_end = s.end
        for c in s.children:
            assert c.level > s.level and c.id.startswith(s.id + ".")
        _check_siblings(text, s.children, s.start + 1, s.end)


def _check(text: str, outline: Outline) -> None:
    _check_siblings(text, outline.sections, 0, len(text))
    last = -1
    for ln in outline.lines:
        assert last < ln.start <= ln.end <= len(text)
        assert "\n" not in text[ln.start : ln.end]
        last = ln.end
    for f in outline.findings:
        assert 0 <= f.start <= f.end <= len(text)
    meta = extract_meta(text, outline)
    for span in (meta.title_span, meta.signature_span):
        assert span is None or 0 <= span[0] <= span[1] <= len(text)
    for r in find_parts(text, outline, meta).values():
        assert (r.start is None) == (r.status == "missing")
        if r.start is not None and r.end is not None:
            assert 0 <= r.start <= r.end <= len(text)


@settings(max_examples=300, deadline=None)
@given(report_like)
def test_report_like_input_keeps_invariants(text: str) -> None:
    _check(text, build_outline(text))


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_random_unicode_keeps_invariants(text: str) -> None:
    _check(text, build_outline(text))


def test_no_headings_one_long_line_and_only_clutter() -> None:
    for text in ("", "\n\n\n", "正文。" * 5000, "首页\n分享到:\n返回顶部\n打印 关闭\n"):
        outline = build_outline(text)
        assert outline.sections == ()
        _check(text, outline)


def test_ten_thousand_headings_are_nested() -> None:
    text = "".join(f"（{'一二三四五六七八九'[i % 9]}）条目{i}。正文\n" for i in range(10_000))
    text = "一、总体情况\n" + text
    outline = build_outline(text)
    find_parts(text, outline, extract_meta(text, outline))
    _check(text, outline)
    assert len(outline.sections) == 1 and len(outline.sections[0].children) == 9  # 一…九 once; repeats are body
