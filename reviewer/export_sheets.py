"""The rows of each export sheet, as plain values (no openpyxl here), so they can be tested alone."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from reviewer.checklist import score
from reviewer.messages import GROUP_LABELS, SEVERITY_LABELS, STATUS_LABELS, finding_label
from reviewer.model import Analysis, CheckResult, ItemDecision, ReportVerdict, Section

LEVEL_LABELS = {
    "province": "省级", "city": "市级", "county": "县级", "department": "部门",
    "town": "乡镇", "street": "街道", "other": "其他",
}
REQUIRED_PARTS = ("measures", "shortcomings", "first_responsible", "next_year")
PART_LABELS = {"measures": "主要举措和成效", "shortcomings": "不足和原因", "first_responsible": "第一责任人职责",
               "next_year": "下一年度安排"}
STATUS_SYMBOLS = {"found": "✓", "partial": "◐", "missing": "✗", "not_applicable": "—"}
DECISION_WORDS = {"符合": "已核", "不符合": "不符合", "不适用": "不适用", "未定": "未定"}
EXCERPT_CHARS = 120

SUMMARY_HEADERS = ("序号", "报告单位", "层级", "报告年度", "文件", "必备部分", "清单符合率", "已核/总项",
                   "缺失项", "问题数", "审阅结论", "审阅意见", "审阅人", "审阅时间")
DETAIL_HEADERS = ("序号", "报告单位", "文件", "分组", "核查项", "自动结果", "说明", "审阅决定", "审阅意见",
                  "审阅人", "审阅时间", "证据")
METRIC_HEADERS = ("序号", "报告单位", "文件", "章节", "主题", "原文", "数值", "单位", "修饰", "上下文")
FINDING_HEADERS = ("序号", "报告单位", "文件", "类别", "严重程度", "说明", "章节", "摘录")


@dataclass(frozen=True, slots=True)
class ReviewData:
    """The reviewer's side of the export: report sha256 → item → decision, and sha256 → verdict."""

    decisions: Mapping[str, Mapping[str, ItemDecision]] = field(default_factory=dict)
    verdicts: Mapping[str, ReportVerdict] = field(default_factory=dict)


def report_label(a: Analysis) -> str:
    return a.meta.unit or a.file.replace("\\", "/").rsplit("/", 1)[-1]


def file_name(a: Analysis) -> str:
    return a.file.replace("\\", "/").rsplit("/", 1)[-1]


def _flat(sections: Sequence[Section]) -> Iterator[Section]:
    for s in sections:
        yield s
        yield from _flat(s.children)


def short_heading(s: Section) -> str:
    """The heading line up to the end of its title (body text run into the heading is dropped)."""
    at = s.heading.find(s.title) if s.title else -1
    return s.heading[: at + len(s.title)] if at >= 0 else s.heading[:EXCERPT_CHARS]


def section_headings(a: Analysis) -> dict[str, str]:
    return {s.id: short_heading(s) for s in _flat(a.sections)}


def excerpt(a: Analysis, start: int, end: int, limit: int = EXCERPT_CHARS) -> str:
    text = a.text[start:end].strip()
    return text if len(text) <= limit else text[:limit] + "…"


def decided(d: ItemDecision | None) -> bool:
    """A decision that counts as reviewed: made on this content and not left open."""
    return d is not None and not d.stale and d.decision != "未定"


def is_gap(r: CheckResult, d: ItemDecision | None) -> bool:
    """The reviewer's word wins; without it, what the program found."""
    if decided(d):
        return d is not None and d.decision == "不符合"
    return r.status == "missing"


def parts_cell(a: Analysis) -> str:
    found = sum(1 for p in REQUIRED_PARTS if p in a.parts and a.parts[p].status == "found")
    partial = [p for p in REQUIRED_PARTS if p in a.parts and a.parts[p].status == "partial"]
    text = f"{found}/{len(REQUIRED_PARTS)}"
    return text + (f"（{'、'.join(PART_LABELS[p] for p in partial)} 部分具备）" if partial else "")


def summary_row(n: int, a: Analysis, review: ReviewData) -> tuple[object, ...]:
    ds = review.decisions.get(a.sha256, {})
    points, applicable = score(a.checklist)
    rate = points / applicable if applicable else None
    checked = sum(1 for r in a.checklist if decided(ds.get(r.id)))
    gaps = "、".join(r.name for r in a.checklist if is_gap(r, ds.get(r.id)))
    v = review.verdicts.get(a.sha256)
    return (n, report_label(a), LEVEL_LABELS.get(a.meta.level, a.meta.level), a.meta.report_year, file_name(a),
            parts_cell(a), rate, f"{checked}/{len(a.checklist)}", gaps, len(a.findings),
            v.verdict if v else "未审", v.comment if v else "", v.reviewer if v else "", v.time if v else "")


def matrix_cell(r: CheckResult, d: ItemDecision | None) -> tuple[str, str]:
    """(text, colour key) of one report × item cell, e.g. ("✓ 已核", "ok")."""
    text = STATUS_SYMBOLS.get(r.status, r.status)
    if d is not None and d.decision != "未定":
        text += " " + DECISION_WORDS[d.decision] + ("（旧版）" if d.stale else "")
    if decided(d):
        key = {"符合": "ok", "不符合": "bad", "不适用": "na"}.get(d.decision if d else "", "open")
    else:
        key = {"found": "ok", "partial": "part", "missing": "bad", "not_applicable": "na"}.get(r.status, "open")
    return text, key


def evidence_text(a: Analysis, r: CheckResult, headings: Mapping[str, str]) -> str:
    pieces = []
    for e in r.evidence[:3]:
        where = headings.get(e.section, "") if e.section else ""
        quote = excerpt(a, e.start, e.end)
        pieces.append(f"【{where}】{quote}" if where else quote)
    return "\n".join(pieces)


def detail_rows(n: int, a: Analysis, review: ReviewData) -> Iterator[tuple[object, ...]]:
    ds = review.decisions.get(a.sha256, {})
    headings = section_headings(a)
    label, name = report_label(a), file_name(a)
    for r in a.checklist:
        d = ds.get(r.id)
        yield (n, label, name, GROUP_LABELS.get(r.group, r.group), r.name, matrix_cell(r, None)[0] + " " +
               _status_word(r.status), r.note, (d.decision + ("（旧版）" if d.stale else "")) if d else "",
               d.comment if d else "", d.reviewer if d else "", d.time if d else "", evidence_text(a, r, headings))


def _status_word(status: str) -> str:
    return STATUS_LABELS.get(status, status)


def metric_rows(n: int, a: Analysis) -> Iterator[tuple[object, ...]]:
    headings = section_headings(a)
    label, name = report_label(a), file_name(a)
    for m in a.metrics:
        yield (n, label, name, headings.get(m.section or "", ""), m.topic, m.text, m.value, m.unit,
               m.qualifier or "", m.context)


def finding_rows(n: int, a: Analysis) -> Iterator[tuple[object, ...]]:
    label, name = report_label(a), file_name(a)
    spans = [(s.start, s.end, short_heading(s)) for s in _flat(a.sections)]
    for f in a.findings:
        inside = [h for s, e, h in spans if s <= f.start < e]
        yield (n, label, name, finding_label(f.kind), SEVERITY_LABELS.get(f.severity, f.severity), f.message,
               inside[-1] if inside else "", excerpt(a, f.start, f.end, 300))
