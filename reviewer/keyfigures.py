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

from reviewer.model import Analysis, Metric
from reviewer.vocab import Lang

_HEADS = r"(?:案件|申请|事项|意见书|意见)?"  # what a noun may be followed by: 复议案件, 复议申请, 审核意见书
_LINKS = r"(?:共计|总计|合计|累计|共有|达到|保持|超过|共|计|达|为|是|有|约|近|逾)?"
# After the measure word, the noun may follow a few words saying which (400名生态环境执法人员), but not a
# verb that makes the figure count something else (145人参加执法人员资格考试).
_NOT_AFTER = r"(?!参加|参与|接受|完成|通过|取得|报名|出动|旁听|观看)"
_WHICH = r"[\u4e00-\u9fff]{0,6}?"
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
    return (re.compile(rf"(?:{nouns}){_HEADS}\s*{_LINKS}\s*$"),
            re.compile(rf"\s*{_NOT_AFTER}{_WHICH}(?:{nouns})"))


KEY_FIGURES: tuple[KeyFigure, ...] = (
    KeyFigure("行政复议案件（件）", "Administrative reconsideration cases", "行政复议", ("件",), "复议"),
    KeyFigure("行政诉讼案件（件）", "Administrative lawsuits", "行政诉讼", ("件",), "诉讼|应诉"),
    KeyFigure("合法性审核（件）", "Legality reviews", "合法性审核", ("件", "份"),
              "合法性审核|合法性审查|法制审核|法律审核"),
    KeyFigure("规范性文件（件）", "Normative documents", "规范性文件", ("件", "份"), "规范性文件"),
    KeyFigure("执法人员（人）", "Law-enforcement officers", "执法人员", ("人", "名"), "执法人员|执法队员|执法证"),
    KeyFigure("人民调解（件）", "People's mediation cases", "矛盾纠纷/人民调解", ("件", "起"), "纠纷|矛盾|调解"),
    KeyFigure("出庭应诉率（%）", "Court appearance rate (%)", "出庭应诉", ("%",), "出庭应诉|应诉率|出庭率"),
)


def key_figure(a: Analysis, figure: KeyFigure) -> float | None:
    """The largest figure of ``a`` that counts for ``figure``, or None."""
    values = [m.value for m in a.metrics if figure.counts(a.text, m)]
    return max(values) if values else None


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
