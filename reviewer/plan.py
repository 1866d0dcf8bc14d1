"""A report's next-year plan (下一年度工作安排), item by item: an analysis stage.

Items are read the way plans are written: the numbered sub-headings under the plan's heading
(（一）… （二）…), the ordinals inside a paragraph (一是…二是…), the plan's paragraphs, or, for a
plan of one paragraph, its sentences. A sub-heading whose paragraph lists 一是/二是 gives those
finer items. Each item keeps the key words it will be recognised by in next year's report
(``resources/outline/promises.toml``; matching is :mod:`reviewer.promises`). They are found with
jieba, so this runs with the rest of the analysis, in its workers, and is cached with it: comparing
two years later needs no dictionary.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from reviewer import dedup
from reviewer.fastpickle import fast_init
from reviewer.lastyear_model import PlanEntry
from reviewer.model import PartResult, Section, walk_sections
from reviewer.resources import resource_path

_NUMERALS = "一二三四五六七八九"
# 一是 … 二是 … at a paragraph's or sentence's start (not 统一是): preceded by a stop or nothing.
_ORDINAL = re.compile(r"(?<![^\n。；;：:！？!?，,\s])(十?[一二三四五六七八九十])是")
_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]*")
_TITLE_END = re.compile(r"[。；;，,：:！？!?\n]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CLOSING = re.compile(r"\n[ \t\u3000]*特此报告[。.]?\s*$")  # the report's last words, not the plan's
_MIN_PARAGRAPH = 15
_TITLE_CHARS = 30


@dataclass(frozen=True, slots=True)
class Rules:
    min_share: float
    min_terms: int
    max_terms: int
    lead_sentences: int
    stopwords: frozenset[str]


@lru_cache(maxsize=1)
def rules() -> Rules:
    with resource_path("outline", "promises.toml").open("rb") as fh:
        d = tomllib.load(fh)
    return Rules(float(d["min_share"]), int(d["min_terms"]), int(d["max_terms"]), int(d["lead_sentences"]),
                 frozenset(d["stopwords"]))


@fast_init
@dataclass(frozen=True, slots=True)
class ItemSpan:
    start: int
    end: int
    title: str


def _numeral(s: str) -> int:
    if s.startswith("十"):
        return 10 + (_NUMERALS.index(s[1]) + 1 if len(s) > 1 else 0)
    return 10 if s == "十" else _NUMERALS.index(s) + 1


def _clause(text: str, start: int, end: int) -> str:
    m = _TITLE_END.search(text, start, end)
    return _cut(text[start : m.start() if m else end].strip(), _TITLE_CHARS)


_OPENING, _CLOSING_MARKS = "《（(“[【", "》）)”]】"


def _cut(clause: str, most: int) -> str:
    """``clause`` in at most ``most`` characters, not ending inside a bracket it opened: cut before that
    bracket (…国务院《法治政府建设实施纲要(202 read as an item's title: found by a helper session)."""
    if len(clause) <= most:
        return clause
    cut = clause[:most]
    unclosed: list[int] = []
    for i, ch in enumerate(cut):
        if ch in _OPENING:
            unclosed.append(i)
        elif ch in _CLOSING_MARKS and unclosed:
            unclosed.pop()
    before = cut[: unclosed[0]].rstrip("、，,；;：: ") if unclosed else cut
    return before if len(before) >= _SHORTEST else cut  # a title of a word or none says less than a cut one


_SHORTEST = 6  # characters: shorter, the title cut inside its bracket says more (a code review: '' and 落实)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    if m := _CLOSING.search(text, start, end):
        end = m.start()
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def marked_items(text: str, start: int, end: int) -> list[ItemSpan]:
    """The 一是 … 二是 … items of ``[start, end)`` (a run counting up from 一; 一是 again starts a new run)."""
    marks: list[tuple[int, int]] = []  # (item start, where its words start)
    expected = 1
    for m in _ORDINAL.finditer(text, start, end):
        n = _numeral(m.group(1))
        if n in (expected, 1):
            marks.append((m.start(), m.end()))
            expected = n + 1
    if len(marks) < 2:
        return []
    out: list[ItemSpan] = []
    for k, (s, words) in enumerate(marks):
        line_end = text.find("\n", s, end)
        stop = marks[k + 1][0] if k + 1 < len(marks) else (line_end if line_end >= 0 else end)
        a, b = _trimmed(text, s, stop)
        out.append(ItemSpan(a, b, _clause(text, words, b)))
    return out


def _subsections(sections: Sequence[Section], part: PartResult, lo: int, hi: int) -> list[Section]:
    """The outermost sections inside the plan (not the plan's own section)."""
    inside = [s for s in walk_sections(sections) if lo <= s.start < hi and s.end <= hi and s.id != part.section]
    return [s for s in inside if not any(o is not s and o.start <= s.start and s.end <= o.end for o in inside)]


def _paragraph_items(text: str, lo: int, hi: int) -> list[ItemSpan]:
    paragraphs = [m.span() for m in re.finditer(r"[^\n]+", text[lo:hi])]
    spans = [(lo + a, lo + b) for a, b in paragraphs if len(dedup.normalise(text[lo + a : lo + b])) >= _MIN_PARAGRAPH]
    if len(spans) == 1:  # one paragraph of plans: its sentences are the items
        s, e = spans[0]
        spans = [m.span() for m in _SENTENCE.finditer(text, s, e) if len(dedup.normalise(m.group())) >= 10]
    return [ItemSpan(*_trimmed(text, a, b), _clause(text, a, b)) for a, b in spans]


def plan_items(text: str, sections: Sequence[Section], part: PartResult) -> list[ItemSpan]:
    """The items of a report's next-year plan (``part``), in text order; none when it has no plan."""
    if part.status == "missing" or part.start is None or part.end is None:
        return []
    lo, hi = part.start, part.end
    subs = _subsections(sections, part, lo, hi)
    if subs:
        out: list[ItemSpan] = []
        for s in subs:
            finer = marked_items(text, s.start, s.end)
            out += finer or [ItemSpan(*_trimmed(text, s.start, s.end), _cut(s.title.split("。")[0], _TITLE_CHARS))]
        return out
    if part.how == "heading":  # the heading line names the plan; its items follow
        nl = text.find("\n", lo, hi)
        lo = nl + 1 if nl >= 0 else hi
    return marked_items(text, lo, hi) or _paragraph_items(text, lo, hi)


def item_key(item_text: str) -> str:
    """A stable id for an item: the same words give the same id, whatever the analyser's version."""
    return hashlib.sha1(dedup.normalise(item_text).encode("utf-8")).hexdigest()[:12]


def key_terms(item_text: str) -> tuple[str, ...]:
    """The words an item is recognised by (see ``resources/outline/promises.toml``)."""
    from reviewer.segment import words  # the segmenter: loaded only when a report has a plan

    r = rules()
    lead = "".join(m.group() for m in list(_SENTENCE.finditer(_ORDINAL.sub("", item_text)))[: r.lead_sentences])
    seen: list[str] = []
    for word in words(lead):  # lazily: the words after the last one kept are never cut
        if len(word) >= 2 and _CJK.search(word) and not any(c.isdigit() for c in word) \
                and word not in r.stopwords and word not in seen:
            seen.append(word)
            if len(seen) == r.max_terms:
                break
    return tuple(seen)


def plan_entries(text: str, sections: Sequence[Section], part: PartResult | None) -> tuple[PlanEntry, ...]:
    """The items of the report's plan with their ids and key words."""
    if part is None:
        return ()
    out: list[PlanEntry] = []
    for item in plan_items(text, sections, part):
        body = text[item.start : item.end]
        out.append(PlanEntry(item_key(body), item.title, item.start, item.end, key_terms(body)))
    return tuple(out)
