"""The key figures reports are lined up by (指标对比, the window's 对比 page): which figure of a report is
its number of reconsideration cases, of law-enforcement officers, its court-appearance rate…

A figure counts for a key figure when its topic and measure word fit and the words around it name
what the key figure counts: the noun just before it (行政复议案件59件, 持证执法人员869人, 出庭应诉率达到100%,
a linking word such as 共计 or 达到 between) or just after its measure word (869名执法人员). A figure
of the topic that counts something else is left out: 涉疫纠纷警情755起 (police incidents), 316人参加辅助
人员法律知识测试 (people who sat a test), 胜诉率100% (cases won). Of those that count, the largest (a total
is usually the largest). Lined up against other units, a wrong figure misleads more than a blank.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from reviewer.model import Analysis, Metric
from reviewer.vocab import Lang

_HEADS = r"(?:案件|申请|事项|数量|总数|件数|人数){0,2}"  # after the noun: 复议案件, 复议申请, 复议案件数量
# Words between the noun and the figure that keep it the noun's figure, up to three of them (出庭应诉率
# 继续保持在100%, 行政复议案件累计达到59件); 审结, 纠错 and the like make it a part of the whole, and stop it.
_LINK = (r"(?:共计|总计|合计|累计|共有|全年|达到|保持在|保持|实现|提升至|提升到|提高至|提高到|上升至|上升到|超过|"
         r"立案|受理|收案|办理|均|继续|仍|共|计|达|为|是|有|约|近|逾|在)")
_LINKS = rf"(?:\s*{_LINK}){{0,3}}"
# After the measure word, the noun may follow a few words saying which (400名生态环境执法人员), but none of
# them a verb that makes the figure count something else (145人参加执法人员资格考试, 316人积极参加…).
_VERBS = r"参加|参与|接受|完成|通过|报名|出动|旁听|观看|培训|考试"
_WHICH = rf"(?:(?!{_VERBS})[\u4e00-\u9fff]){{0,6}}?"
_BEFORE = 24  # characters before a figure where its noun is looked for
_AFTER = 12


@dataclass(frozen=True, slots=True)
class KeyFigure:
    """A figure lined up across reports: a metric topic in the measure words that count it, and the
    nouns (a regular expression) one of which names what it counts ("" for any figure of the topic)."""

    zh: str
    en: str
    topic: str
    measures: tuple[str, ...]
    nouns: str = ""

    def label(self, lang: Lang = "zh") -> str:
        return self.en if lang == "en" else self.zh

    @property
    def is_rate(self) -> bool:
        return "%" in self.measures

    def counts(self, text: str, m: Metric) -> bool:
        """Whether figure ``m`` of ``text`` is one of this key figure's."""
        if m.topic != self.topic or m.measure not in self.measures:
            return False
        if not self.nouns:
            return True
        before, after = _patterns(self.nouns)
        return (before.search(text, max(0, m.start - _BEFORE), m.start) is not None
                or after.match(text, m.end, m.end + _AFTER) is not None)


@functools.cache
def _patterns(nouns: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    return (re.compile(rf"(?:{nouns})\s*{_HEADS}{_LINKS}\s*$"),
            re.compile(rf"\s*{_WHICH}(?:{nouns})"))


KEY_FIGURES: tuple[KeyFigure, ...] = (
    KeyFigure("行政复议案件（件）", "Administrative reconsideration cases", "行政复议", ("件",), "复议"),
    KeyFigure("行政诉讼案件（件）", "Administrative lawsuits", "行政诉讼", ("件",), "(?<!民事)(?<!刑事)诉讼|应诉"),
    KeyFigure("合法性审核（件）", "Legality reviews", "合法性审核", ("件", "份"),
              "(?:合法性|法制|法律)(?:审核|审查)(?:意见书|意见)?"),
    KeyFigure("规范性文件（件）", "Normative documents", "规范性文件", ("件", "份"), "规范性文件"),
    KeyFigure("执法人员（人）", "Law-enforcement officers", "执法人员", ("人", "名"),
              "执法人员|执法队员|执法证|执法资格"),
    KeyFigure("人民调解（件）", "People's mediation cases", "矛盾纠纷/人民调解", ("件", "起"), "纠纷|矛盾|调解"),
    KeyFigure("出庭应诉率（%）", "Court appearance rate (%)", "出庭应诉", ("%",), "出庭应诉|应诉率|出庭率"),
)


def key_figure(a: Analysis, figure: KeyFigure) -> float | None:
    """The largest figure of ``a`` that counts for ``figure``, or None."""
    values = [m.value for m in a.metrics if figure.counts(a.text, m)]
    return max(values) if values else None


def largest_first(values: Sequence[float | None]) -> list[int]:
    """The reports (indices into ``values``) in the order a figure ranks them: those that state it,
    largest first (ties in report order), then those that do not, in report order."""
    return sorted(range(len(values)), key=lambda i: (values[i] is None, -(values[i] or 0.0), i))


ENDS = 15  # beyond twice this many reports stating a figure, its chart shows the largest and smallest this many
T = TypeVar("T")


def ends(ranking: Sequence[T], top: int = ENDS) -> tuple[list[T], list[T]]:
    """A ranking cut for a chart: (the first ``top``, the last ``top``) beyond ``2 × top`` entries, else
    (all of them, nothing): the workbook's lists mark the units left out between, the window's chart
    may show the two ends only."""
    if len(ranking) <= 2 * top:
        return list(ranking), []
    return list(ranking[:top]), list(ranking[-top:])


def figures_to_compare(analyses: Sequence[Analysis]) -> list[KeyFigure]:
    """What reports can be lined up by: the key figures some report states (synonymous measure words
    together: 人/名, 件/起, as the workbook counts them), then each other topic in each measure word
    it is counted in, the most widespread first."""
    from reviewer.topics import topic_label

    stated = [f for f in KEY_FIGURES if any(key_figure(a, f) is not None for a in analyses)]
    keyed = {(f.topic, m) for f in KEY_FIGURES for m in f.measures}
    counts: dict[tuple[str, str], int] = {}
    for a in analyses:
        for pair in {(m.topic, m.measure) for m in a.metrics} - keyed:
            counts[pair] = counts.get(pair, 0) + 1
    rest = [KeyFigure(f"{topic_label(t)}（{u}）", f"{topic_label(t, 'en')} ({u})", t, (u,))
            for t, u in sorted(counts, key=lambda k: (-counts[k], k))]
    return stated + rest
