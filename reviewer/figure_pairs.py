"""Last year's and this year's figures side by side, and the changes a reviewer should ask about.

Two figures are the same figure when they have the same topic and measure word and are introduced
by the same words: the clause before the number (累计办理滨海通办 | 2725件). A report usually keeps
last year's sentences and changes the numbers, so the lead-in words match closely; within one topic
and measure the most alike lead-ins are paired first, and figures whose lead-ins have too little in
common stay unpaired (批评教育505余次 is not 实施处罚151次).

A change is a *jump* when this year's figure is at least ten times last year's or at most a tenth
of it and the report says nothing about the change: no comparison with last year in its sentence
(同比, 较上年 …), no word of change (增长, 下降 …) in its clause or before a quantity; a rate over
100 % is one whatever last year's was.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reviewer.lastyear_model import FigurePair, FigureSide, JumpKind
from reviewer.model import Metric

JUMP = 10.0  # ×10 or ÷10
MIN_SIMILARITY = 0.34  # of the lead-ins' character pairs (Jaccard)
LEAD_CHARS = 16
_LEAD_STOPS = "，,。；;：:、\n（）()"
_NOT_WORDS = re.compile(r"[\d.%％\s\u3000年月日余多近约超]+")
# Words with which a report accounts for a change itself: a comparison with last year anywhere in
# the sentence; a word of change in the figure's own clause, or elsewhere when a quantity follows it
# (…869人，较上年减少7821人 / 增长12%), since 增加了“安全阀” in the next clause speaks of something else.
_COMPARED = re.compile(r"同比|较上年|比上年|较去年|比去年|上年度|上一年|去年|翻番|翻一番|倍|上年同期"
                       r"|(?:较|比|与)\s*(?:上年|前一年|(?:19|20)\d\d\s*年)")
_CHANGE = "增长|增加|增幅|上升|提高|下降|减少|降低|回落|降幅"
_CHANGE_WORD = re.compile(_CHANGE)
# 一 is left out: 增加一线执法力量 speaks of no quantity (a code review)
_CHANGE_BY = re.compile(f"(?:{_CHANGE})[了约近超过到至为达]{{0,2}}[\\d二三四五六七八九十两半百千万]")
_CLAUSE_STOPS = re.compile(r"[，,；;。！？!?\n]")


def lead(text: str, m: Metric) -> str:
    """The words introducing a figure: back from the number to the clause's start, at most ``LEAD_CHARS``."""
    lo = max(0, m.start - LEAD_CHARS)
    cut = max((text.rfind(c, lo, m.start) for c in _LEAD_STOPS), default=-1)
    return _NOT_WORDS.sub("", text[max(lo, cut + 1) : m.start])


def _pairs_of(s: str) -> frozenset[str]:
    return frozenset(s[i : i + 2] for i in range(len(s) - 1)) if len(s) > 1 else frozenset({s} if s else ())


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _side(m: Metric) -> FigureSide:
    return FigureSide(m.value, m.text, m.start, m.end, m.context)


def jump_kind(current: Metric, current_lead: str, previous: Metric) -> JumpKind | None:
    """Why a pair is worth a finding, or None."""
    if current.measure == "%" and "率" in current_lead and "增" not in current_lead and current.value > 100:
        return "over_100"
    if previous.value <= 0 or current.value <= 0 or explained(current):
        return None
    ratio = current.value / previous.value
    if ratio >= JUMP:
        return "up"
    if ratio <= 1 / JUMP:
        return "down"
    return None


def explained(m: Metric) -> bool:
    """Whether the sentence around ``m`` accounts for its change itself (see ``_COMPARED``)."""
    sentence = m.context
    if _COMPARED.search(sentence):
        return True
    at = sentence.find(m.text)
    if at < 0:  # the figure not found in its sentence: any word of change, as before
        return bool(_CHANGE_WORD.search(sentence))
    stops = [s.start() for s in _CLAUSE_STOPS.finditer(sentence)]
    lo = max((s + 1 for s in stops if s < at), default=0)
    after = [s for s in stops if s >= at + len(m.text)]
    hi = after[0] if after else len(sentence)
    following = after[1] if len(after) > 1 else len(sentence)  # the next clause: …27件，下降90%
    return bool(_CHANGE_WORD.search(sentence, lo, hi) or _CHANGE_BY.search(sentence, lo, following))


def pair_figures(text: str, metrics: Sequence[Metric], previous_text: str,
                 previous_metrics: Sequence[Metric]) -> list[FigurePair]:
    """Pairs of the same figure in both years, in the order of this year's text."""
    groups: dict[tuple[str, str], tuple[list[int], list[int]]] = {}
    for i, m in enumerate(metrics):
        groups.setdefault((m.topic, m.measure), ([], []))[0].append(i)
    for j, m in enumerate(previous_metrics):
        if (m.topic, m.measure) in groups:
            groups[(m.topic, m.measure)][1].append(j)
    leads = {i: lead(text, metrics[i]) for mine, _ in groups.values() for i in mine}
    out: list[FigurePair] = []
    for mine, theirs in groups.values():
        if not theirs:
            continue
        mine_pairs = {i: _pairs_of(leads[i]) for i in mine}
        their_pairs = {j: _pairs_of(lead(previous_text, previous_metrics[j])) for j in theirs}
        scored = sorted(((s, i, j) for i in mine for j in theirs
                         if (s := _similarity(mine_pairs[i], their_pairs[j])) >= MIN_SIMILARITY),
                        key=lambda t: (-t[0], t[1], t[2]))
        used_i: set[int] = set()
        used_j: set[int] = set()
        for _, i, j in scored:
            if i in used_i or j in used_j:
                continue
            used_i.add(i)
            used_j.add(j)
            cur, prev = metrics[i], previous_metrics[j]
            out.append(FigurePair(cur.topic, cur.measure, _side(prev), _side(cur), jump_kind(cur, leads[i], prev)))
    return sorted(out, key=lambda p: p.current.start)
