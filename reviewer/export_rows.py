"""Rows of the review workbook, as plain values computed from analyses and decisions.

Kept apart from the openpyxl writing so the content is testable and the sheets stay thin. Every
label comes from ``reviewer.vocab`` and every count from ``reviewer.review``: the workbook says
what the window says. Times are ``datetime`` (local, shown ``yyyy-mm-dd hh:mm``) and rates numbers
(``xlsx.Formatted`` with a percentage format), never text, so they sort and filter.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from reviewer.messages import msg
from reviewer.model import Analysis, CheckResult, ItemDecision, ReportVerdict, Section, walk_sections
from reviewer.paths import readable_name, readable_stem
from reviewer.review import ReportReview, decision_label, gap_items, in_force, parts_count
from reviewer.topics import topic_label
from reviewer.vocab import (
    BRACKETS,
    CHECK_STATUS,
    FINDING_KIND,
    GROUP,
    LEVEL,
    LIST_SEP,
    QUALIFIER,
    REVIEW_STATUS,
    SEVERITY,
    UNRECOGNISED,
    Lang,
)
from reviewer.xlsx import PERCENT, Formatted

Decisions = Mapping[str, Mapping[str, ItemDecision]]
Verdicts = Mapping[str, ReportVerdict]

_HEADERS: dict[str, tuple[tuple[str, str], ...]] = {
    "summary": (
        ("序号", "No."), ("报告单位", "Issuing unit"), ("层级", "Level"), ("报告年度", "Year"), ("文件", "File"),
        ("必备部分", "Required parts"), ("清单得分率", "Checklist score"), ("已核/总项", "Checked/items"),
        ("程序判断缺失/部分具备", "Missing/partial (program)"),
        ("程序判断缺失或部分具备的核查项", "Items missing or partial (program)"),
        ("问题数", "Findings"), ("审阅状态", "Review status"), ("审阅意见", "Reviewer's comment"),
        ("审阅人", "Reviewer"), ("审阅时间", "Reviewed"),
    ),
    "detail": (
        ("报告单位", "Issuing unit"), ("文件", "File"), ("分组", "Group"), ("核查项", "Item"),
        ("程序判断", "Program's finding"), ("程序说明", "Program's note"), ("审阅决定", "Decision"),
        ("审阅意见", "Comment"), ("审阅人", "Reviewer"), ("审阅时间", "Time"), ("依据", "Evidence"),
    ),
    "metrics": (
        ("报告单位", "Issuing unit"), ("文件", "File"), ("章节", "Section"), ("主题", "Topic"), ("原文", "Text"),
        ("数值", "Value"), ("计量单位", "Measure"), ("限定词", "Qualifier"), ("上下文", "Context"),
    ),
    "findings": (
        ("报告单位", "Issuing unit"), ("文件", "File"), ("问题类型", "Kind"), ("严重程度", "Severity"),
        ("说明", "Description"), ("摘录", "Excerpt"),
    ),
}


def headers(sheet: str, lang: Lang = "zh") -> list[str]:
    return [en if lang == "en" else zh for zh, en in _HEADERS[sheet]]


def issuer_of(a: Analysis) -> str:
    """The issuing unit, or the file's name when none was recognised: a report's label where no column
    beside it names the file (指标对比's columns, the 往年 sheets)."""
    return a.meta.issuer or readable_stem(a.file)


def unit_cell(a: Analysis, lang: Lang) -> str:
    """The issuing unit in a row that names the file too: said to be unrecognised, as the command line
    says it, rather than the file's name standing in as if it were the unit's."""
    return a.meta.issuer or UNRECOGNISED[lang]


def local_time(iso: str) -> datetime | str | None:
    """A stored ISO 8601 time in this computer's time zone, without the zone (Excel has none).

    Written as a time cell formatted ``yyyy-mm-dd hh:mm``, so it reads as a reviewer writes it
    (2026-11-30 09:12) and sorts and filters as a date. A stored time without a zone is local
    already; one that is not ISO 8601 at all is shown as it was stored.
    """
    if not iso:
        return None
    try:
        t = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return t.astimezone().replace(tzinfo=None) if t.tzinfo is not None else t


def as_percent(value: float) -> Formatted:
    """A rate written in percent (98.5 for "98.5%") as the fraction Excel calls a percentage, with the
    decimals it was written with: 98.5 → 0.985 shown "98.5%"."""
    decimals = len(f"{float(value):.4f}".rstrip("0").split(".")[1])  # at most 4: 98.5 → 1, 100 → 0
    fmt = "0%" if decimals == 0 else "0." + "0" * decimals + "%"
    return Formatted(round(value / 100, decimals + 2), fmt)


def reviewer_names(a: Analysis, decisions: Mapping[str, ItemDecision], verdict: ReportVerdict | None,
                   lang: Lang) -> str:
    """Everyone who decided an item of the report or gave its verdict, the latest first.

    ``summarize`` names only whoever changed the review last, which is nobody when that change was
    made before a name was set; the workbook names whoever the project file has.
    """
    ids = {r.id for r in a.checklist}
    changes = [(d.time, d.reviewer) for item, d in decisions.items() if item in ids]
    if verdict is not None:
        changes.append((verdict.time, verdict.reviewer))
    names = dict.fromkeys(name for _, name in sorted(changes, reverse=True) if name)
    return LIST_SEP[lang].join(names)


def excerpt(a: Analysis, start: int, end: int, limit: int = 80) -> str:
    if not a.text:
        return ""
    s = a.text[start:end].strip().replace("\n", " ")
    return s if len(s) <= limit else s[: limit - 1] + "…"


def evidence_text(a: Analysis, r: CheckResult, by_id: Mapping[str, Section]) -> str:
    parts = []
    for e in r.evidence[:3]:
        sec = by_id.get(e.section or "")
        text = excerpt(a, e.start, e.end, 60)
        parts.append(f"【{sec.title}】{text}" if sec is not None else text)
    return "\n".join(parts)


def summary_row(i: int, a: Analysis, rv: ReportReview, verdict: ReportVerdict | None, reviewers: str,
                lang: Lang, name: str = "", decisions: Mapping[str, ItemDecision] | None = None) -> list[object]:
    """``name``: the file's name as the workbook shows it (``paths.distinct_names``), else its own.

    The 必备部分 count is the reviewer's (``review.parts_judged``, as the letter sends it); the gaps are
    the program's, each with the reviewer's decision beside it once made, so that the row says both."""
    standing = in_force(decisions or {})
    gaps = LIST_SEP[lang].join(f"{r.label(lang)}{BRACKETS[lang].format(_gap_state(r, standing.get(r.id), lang))}"
                               for r in gap_items(a))
    return [
        i, unit_cell(a, lang), LEVEL.label(a.meta.level, lang), a.meta.report_year, name or readable_name(a.file),
        parts_count(rv, lang), Formatted(rv.rate, PERCENT) if rv.rate is not None else None,
        f"{rv.decided}/{rv.items}",
        f"{rv.missing}/{rv.partial}", gaps, rv.findings, REVIEW_STATUS.label(rv.status, lang),
        verdict.comment if verdict else "", reviewers or rv.reviewer, local_time(rv.time),
    ]


def _gap_state(r: CheckResult, d: ItemDecision | None, lang: Lang) -> str:
    found = CHECK_STATUS.label(r.status, lang)
    if d is None or d.decision == "未定":
        return found
    return msg("export.gap_decided", found=found, decision=d.decision).render(lang)


def detail_rows(a: Analysis, decisions: Mapping[str, ItemDecision], lang: Lang, name: str = "") -> list[list[object]]:
    rows: list[list[object]] = []
    unit, name = unit_cell(a, lang), name or readable_name(a.file)  # once per report, not per row
    by_id = {s.id: s for s in walk_sections(a.sections)}
    for r in a.checklist:
        d = decisions.get(r.id)
        rows.append([
            unit, name, GROUP.label(r.group, lang), r.label(lang), CHECK_STATUS.label(r.status, lang),
            r.note.render(lang), decision_label(d, lang), d.comment if d else "",
            d.reviewer if d else "", local_time(d.time) if d else "", evidence_text(a, r, by_id),
        ])
    return rows


def metric_rows(a: Analysis, lang: Lang = "zh", name: str = "") -> list[list[object]]:
    rows: list[list[object]] = []
    by_id = {s.id: s for s in walk_sections(a.sections)}  # one walk per report, not one per figure
    unit, name = unit_cell(a, lang), name or readable_name(a.file)
    for m in a.metrics:
        sec = by_id.get(m.section or "")
        value: object = int(m.value) if float(m.value).is_integer() else m.value
        if m.measure == "%":
            value = as_percent(m.value)
        rows.append([unit, name, sec.heading[:40] if sec else "", topic_label(m.topic, lang), m.text, value,
                     m.measure, QUALIFIER.label(m.qualifier, lang) if m.qualifier else "", m.context])
    return rows


def finding_rows(a: Analysis, lang: Lang, name: str = "") -> list[list[object]]:
    unit, name = unit_cell(a, lang), name or readable_name(a.file)
    return [
        [unit, name, FINDING_KIND.label(f.kind, lang), SEVERITY.label(f.severity, lang),
         f.message.render(lang), excerpt(a, f.start, f.end)]
        for f in a.findings
    ]
