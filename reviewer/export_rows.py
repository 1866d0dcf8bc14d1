"""Rows of the review workbook, as plain values computed from analyses and decisions.

Kept apart from the openpyxl writing so the content is testable and the sheets stay thin.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from reviewer.checklist import Checklist, score
from reviewer.messages import GROUP_LABELS, SEVERITY_LABELS, STATUS_LABELS, finding_label
from reviewer.model import PART_IDS, Analysis, CheckResult, ItemDecision, ReportVerdict, Section, walk_sections

LEVEL_LABELS = {
    "province": "省级", "city": "市级", "county": "县级", "department": "部门",
    "town": "乡镇", "street": "街道", "other": "其他",
}
AUTO_SYMBOLS = {"found": "✓", "partial": "◐", "missing": "✗", "not_applicable": "—"}
DECISION_SUFFIX = {"符合": " 已核", "不符合": " 不符合", "不适用": " 不适用"}
REQUIRED_PARTS = PART_IDS  # all five, as the 规定 lists them ("其他" counts when present)

Decisions = Mapping[str, Mapping[str, ItemDecision]]
Verdicts = Mapping[str, ReportVerdict]


@dataclass(frozen=True, slots=True)
class ItemColumn:
    id: str
    group: str
    name: str


def item_columns(analyses: Sequence[Analysis], checklist: Checklist | None) -> list[ItemColumn]:
    """Checklist items in checklist order (or first-seen order when no checklist is given)."""
    if checklist is not None and checklist.items:
        return [ItemColumn(i.id, i.group, i.name) for i in checklist.items]
    seen: dict[str, ItemColumn] = {}
    for a in analyses:
        for r in a.checklist:
            seen.setdefault(r.id, ItemColumn(r.id, r.group, r.name))
    return list(seen.values())


def unit_of(a: Analysis) -> str:
    return a.meta.issuer or Path(a.file).stem


def excerpt(a: Analysis, start: int, end: int, limit: int = 80) -> str:
    if not a.text:
        return ""
    s = a.text[start:end].strip().replace("\n", " ")
    return s if len(s) <= limit else s[: limit - 1] + "…"


def find_section(sections: Sequence[Section], sid: str | None) -> Section | None:
    return next((s for s in walk_sections(sections) if s.id == sid), None) if sid else None


def evidence_text(a: Analysis, r: CheckResult) -> str:
    parts = []
    for e in r.evidence[:3]:
        sec = find_section(a.sections, e.section)
        head = sec.title if sec else ""
        text = excerpt(a, e.start, e.end, 60)
        parts.append(f"【{head}】{text}" if head else text)
    return "\n".join(parts)


def final_fill(auto: str, decision: ItemDecision | None) -> str:
    if decision is not None and decision.decision == "符合":
        return "green"
    if decision is not None and decision.decision == "不符合":
        return "red"
    if decision is not None and decision.decision == "不适用":
        return "grey"
    return {"found": "blue", "partial": "amber", "missing": "red", "not_applicable": "grey"}[auto]


def matrix_cell(r: CheckResult | None, d: ItemDecision | None) -> tuple[str, str, str | None]:
    """(text, fill, comment) of one report × item cell."""
    auto = r.status if r else "not_applicable"
    text = AUTO_SYMBOLS[auto]
    if d is not None and d.decision in DECISION_SUFFIX:
        text += DECISION_SUFFIX[d.decision]
    return text, final_fill(auto, d), (d.comment or None) if d else None


SUMMARY_HEADERS = ("序号", "报告单位", "层级", "报告年度", "文件", "必备部分", "清单符合率", "已核/总项",
                   "缺失项", "问题数", "审阅结论", "审阅意见", "审阅人", "审阅时间")


def summary_row(i: int, a: Analysis, decisions: Mapping[str, ItemDecision], verdict: ReportVerdict | None,
                ) -> list[object]:
    found = sum(1 for p in REQUIRED_PARTS if a.parts.get(p) and a.parts[p].status != "missing")
    points, judged = score(a.checklist)
    decided = sum(1 for r in a.checklist if (d := decisions.get(r.id)) and d.decision != "未定")
    missing = "、".join(r.name for r in a.checklist if r.status == "missing")
    last = max((d.time for d in decisions.values()), default="")
    reviewer = verdict.reviewer if verdict else (max(decisions.values(), key=lambda d: d.time).reviewer
                                                 if decisions else "")
    return [
        i, unit_of(a), LEVEL_LABELS.get(a.meta.level, a.meta.level), a.meta.report_year, Path(a.file).name,
        f"{found}/{len(REQUIRED_PARTS)}", f"{points / judged:.0%}" if judged else "—",
        f"{decided}/{len(a.checklist)}", missing, len(a.findings),
        verdict.verdict if verdict else "未审", verdict.comment if verdict else "", reviewer,
        verdict.time if verdict else last,
    ]


DETAIL_HEADERS = ("报告单位", "文件", "分组", "核查项", "自动判断", "程序说明", "审阅决定", "审阅意见",
                  "审阅人", "审阅时间", "依据")


def detail_rows(a: Analysis, decisions: Mapping[str, ItemDecision]) -> list[list[object]]:
    rows: list[list[object]] = []
    unit, name = unit_of(a), Path(a.file).name  # once per report, not per row
    for r in a.checklist:
        d = decisions.get(r.id)
        rows.append([
            unit, name, GROUP_LABELS.get(r.group, r.group), r.name,
            STATUS_LABELS.get(r.status, r.status), r.note, d.decision if d else "未定",
            d.comment if d else "", d.reviewer if d else "", d.time if d else "", evidence_text(a, r),
        ])
    return rows


METRIC_HEADERS = ("报告单位", "文件", "章节", "主题", "原文", "数值", "单位", "限定词", "上下文")


def metric_rows(a: Analysis) -> list[list[object]]:
    rows: list[list[object]] = []
    by_id = {s.id: s for s in walk_sections(a.sections)}  # one walk per report, not one per figure
    unit, name = unit_of(a), Path(a.file).name
    for m in a.metrics:
        sec = by_id.get(m.section or "")
        value = int(m.value) if float(m.value).is_integer() else m.value
        rows.append([unit, name, sec.heading[:40] if sec else "", m.topic, m.text, value,
                     m.measure, m.qualifier or "", m.context])
    return rows


FINDING_HEADERS = ("报告单位", "文件", "问题类型", "严重程度", "说明", "摘录")


def finding_rows(a: Analysis) -> list[list[object]]:
    unit, name = unit_of(a), Path(a.file).name
    return [
        [unit, name, finding_label(f.kind), SEVERITY_LABELS.get(f.severity, f.severity),
         f.message, excerpt(a, f.start, f.end)]
        for f in a.findings
    ]


#: Key figures lined up across reports: (label, metric topic, units accepted).
KEY_FIGURES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("行政复议案件（件）", "行政复议", ("件",)),
    ("行政诉讼案件（件）", "行政诉讼", ("件",)),
    ("合法性审核（件）", "合法性审核", ("件", "份")),
    ("规范性文件（件）", "规范性文件", ("件", "份")),
    ("执法人员（人）", "执法人员", ("人", "名")),
    ("人民调解（件）", "矛盾纠纷/人民调解", ("件", "起")),
    ("出庭应诉率（%）", "出庭应诉", ("%",)),
)


def key_figure(a: Analysis, topic: str, units: tuple[str, ...]) -> float | None:
    """The largest figure of a topic in the accepted units (totals are usually the largest)."""
    values = [m.value for m in a.metrics if m.topic == topic and m.measure in units]
    return max(values) if values else None
