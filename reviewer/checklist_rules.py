"""The rules a checklist item can name, each a pure function of one report's analysis.

``found`` means the item is satisfied, ``partial`` half-satisfied, ``missing`` not satisfied;
``not_applicable`` when the item does not apply to the report's year or cannot be judged.
Patterns may use ``{Y}`` (report year) and ``{Y1}`` (the year after).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from itertools import islice

from reviewer.checklist import ChecklistItem
from reviewer.messages import finding_label
from reviewer.model import (
    CheckResult,
    CheckStatus,
    Evidence,
    Finding,
    Metric,
    Outline,
    PartResult,
    ReportMeta,
    Section,
)

MAX_EVIDENCE = 5
_READ_KINDS = frozenset({"title", "heading", "body", "signature"})
_NOT_NEWLINE = re.compile(r"[^\n]")


@dataclass(frozen=True)
class Context:
    text: str
    outline: Outline
    meta: ReportMeta
    parts: dict[str, PartResult]
    metrics: tuple[Metric, ...]
    findings: tuple[Finding, ...]

    @cached_property
    def readable(self) -> str:
        """The text with web-page clutter and metadata lines blanked, offsets unchanged."""
        if not self.outline.lines:
            return self.text
        # Spans copied whole and gaps blanked with one regex: a per-character list cost more
        # than any rule that reads the result.
        keep = sorted((ln.start, ln.end) for ln in self.outline.lines if ln.kind in _READ_KINDS)
        pieces: list[str] = []
        pos = 0
        for start, end in keep:
            if end <= pos:
                continue
            start = max(start, pos)
            pieces += [_NOT_NEWLINE.sub(" ", self.text[pos:start]), self.text[start:end]]
            pos = end
        pieces.append(_NOT_NEWLINE.sub(" ", self.text[pos:]))
        return "".join(pieces)


def section_at(sections: Iterable[Section], offset: int) -> str | None:
    """Id of the deepest section containing ``offset``."""
    found: str | None = None
    level: Iterable[Section] = sections
    while True:
        hit = next((s for s in level if s.start <= offset < s.end), None)
        if hit is None:
            return found
        found, level = hit.id, hit.children


def _evidence(ctx: Context, start: int, end: int) -> Evidence:
    return Evidence(section_at(ctx.outline.sections, start), start, end)


def _years(pattern: str, year: int | None) -> str:
    if year is None:
        return pattern.replace("{Y}", r"20\d\d").replace("{Y1}", r"20\d\d")
    return pattern.replace("{Y}", str(year)).replace("{Y1}", str(year + 1))


def _result(item: ChecklistItem, status: CheckStatus, ev: Iterable[Evidence], note: str) -> CheckResult:
    # islice: evidence is located (a walk of the section tree) only for the spans kept
    return CheckResult(item.id, item.group, item.name, status, tuple(islice(ev, MAX_EVIDENCE)), note)


def _rule_part(item: ChecklistItem, ctx: Context) -> CheckResult:
    p = ctx.parts.get(item.part or "")
    if p is None or p.status == "missing":
        if item.optional:
            return _result(item, "not_applicable", (), "可选部分，报告未单列")
        return _result(item, "missing", (), (p.note if p and p.note else "报告中未找到这一部分"))
    ev = [_evidence(ctx, p.start, p.end)] if p.start is not None and p.end is not None else []
    how = {"heading": "有单独标题", "nested": "包含在其他部分中", "text": "仅见于无标题的正文"}.get(p.how or "", "")
    note = p.note or (f"已找到（{how}）" if how else "已找到")
    return _result(item, p.status, ev, note)


def _scope(item: ChecklistItem, ctx: Context) -> tuple[int, int] | None:
    """Where a keywords rule searches: the named part's span, or the whole text."""
    if item.part is None:
        return 0, len(ctx.text)
    p = ctx.parts.get(item.part)
    if p is None or p.status == "missing" or p.start is None or p.end is None:
        return None
    if p.how == "heading":  # the heading names the part ("不足和原因"); only its body counts
        nl = ctx.text.find("\n", p.start, p.end)
        return (nl + 1 if nl >= 0 else p.end), p.end
    return p.start, p.end


def _rule_keywords(item: ChecklistItem, ctx: Context) -> CheckResult:
    scope = _scope(item, ctx)
    if scope is None:
        return _result(item, "missing", (), "报告中没有可供核查的相应部分")
    y = ctx.meta.report_year
    hits = [span for kw in item.keywords if (span := _search(_years(kw, y), ctx.readable, *scope)) is not None]
    ev = (_evidence(ctx, s, e) for s, e in sorted(hits))
    words = "、".join(ctx.readable[s:e] for s, e in hits[:MAX_EVIDENCE])
    need = max(1, item.min_hits)
    if len(hits) >= need:
        return _result(item, "found", ev, f"提到 {words}")
    if hits:
        return _result(item, "partial", ev, f"仅提到 {words}（至少需要 {need} 个不同要点）")
    where = "该部分" if item.part else "正文"
    return _result(item, "missing", (), item.missing_note or f"{where}中未提到相关内容")


def _search(pattern: str, text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """Span of the first match of ``pattern`` in ``text[lo:hi]``.

    A plain word is looked up with str.find, several times faster than sre over a whole report
    when the word is absent, which is most of the time.
    """
    if re.escape(pattern) == pattern:
        i = text.find(pattern, lo, hi)
        return (i, i + len(pattern)) if i >= 0 else None
    m = re.compile(pattern).search(text, lo, hi)
    return m.span() if m is not None else None


def _rule_absent(item: ChecklistItem, ctx: Context) -> CheckResult:
    """Wordings that must not occur (serious typos): found = none of them."""
    hits = [m for pat in item.patterns for m in re.finditer(_years(pat, ctx.meta.report_year), ctx.readable)]
    if not hits:
        return _result(item, "found", (), "未发现")
    hits.sort(key=lambda m: m.start())
    words = "、".join(dict.fromkeys(f"“{m.group(0)}”" for m in hits))
    return _result(item, "missing", (_evidence(ctx, m.start(), m.end()) for m in hits), f"发现 {words}")


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans without those inside another (a pattern hit often holds a metric)."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(set(spans), key=lambda x: (x[0], -x[1])):
        if out and s >= out[-1][0] and e <= out[-1][1]:
            continue
        out.append((s, e))
    return out


def _rule_metrics(item: ChecklistItem, ctx: Context) -> CheckResult:
    topics = set(item.topics)
    spans = [(m.start, m.end) for m in ctx.metrics if m.topic in topics]
    for pat in item.patterns:
        spans.extend(m.span() for m in re.finditer(_years(pat, ctx.meta.report_year), ctx.readable))
    spans = _outermost(spans)
    if not spans:
        return _result(item, "missing", (), item.missing_note or "未找到相关数据")
    ev = (_evidence(ctx, s, e) for s, e in spans)
    return _result(item, "found", ev, f"找到 {len(spans)} 处相关数据，如“{ctx.text[spans[0][0] : spans[0][1]]}”")


def _rule_findings_absent(item: ChecklistItem, ctx: Context) -> CheckResult:
    kinds = set(item.kinds)
    bad = [f for f in ctx.findings if f.kind in kinds]
    if not bad:
        return _result(item, "found", (), "未发现此类问题")
    counts: dict[str, int] = {}
    for f in bad:
        counts[f.kind] = counts.get(f.kind, 0) + 1
    summary = "、".join(f"{finding_label(k)} {n} 处" for k, n in counts.items())
    return _result(item, "missing", (_evidence(ctx, f.start, f.end) for f in bad), f"发现{summary}")


def _meta_checks(item: ChecklistItem, ctx: Context) -> list[tuple[str, bool]]:
    m, y = ctx.meta, ctx.meta.report_year
    checks: list[tuple[str, bool]] = []
    for name in item.fields:
        if name == "title":
            checks.append(("标题", m.title is not None))
            for pat in item.patterns:
                ok = m.title is not None and re.search(_years(pat, y), m.title) is not None
                checks.append((f"标题含“{pat.replace('{Y}', str(y or 'YYYY'))}”", ok))
        elif name == "signature":
            checks.append(("落款", m.signature_span is not None))
        else:
            label = {"issuer": "报告单位", "report_year": "报告年度", "signed_date": "成文日期"}.get(name, "发布日期")
            checks.append((label, getattr(m, name) is not None))
    return checks


def _rule_meta(item: ChecklistItem, ctx: Context) -> CheckResult:
    checks = _meta_checks(item, ctx)
    spans = [ctx.meta.title_span if "title" in item.fields else None]
    spans.append(ctx.meta.signature_span if {"signature", "signed_date"} & set(item.fields) else None)
    ev = [_evidence(ctx, *sp) for sp in spans if sp is not None]
    lacking = [name for name, ok in checks if not ok]
    if not lacking:
        return _result(item, "found", ev, "齐全")
    status: CheckStatus = "missing" if len(lacking) == len(checks) else "partial"
    return _result(item, status, ev, "缺少或不符：" + "、".join(lacking))


def _rule_deadline(item: ChecklistItem, ctx: Context) -> CheckResult:
    y, pub = ctx.meta.report_year, ctx.meta.published_date
    if y is None or pub is None:
        return _result(item, "not_applicable", (), "未能识别报告年度或发布日期，无法判断")
    due = f"{y + 1}-{item.deadline}"
    if pub <= due:
        return _result(item, "found", (), f"发布于 {pub}，不晚于 {due}")
    return _result(item, "missing", (), f"发布于 {pub}，晚于期限 {due}")


def _rule_metric_density(item: ChecklistItem, ctx: Context) -> CheckResult:
    n = len(ctx.metrics)
    p = ctx.parts.get("measures")
    span = (p.start, p.end) if p is not None and p.start is not None and p.end is not None else (0, len(ctx.text))
    inside = sum(1 for m in ctx.metrics if span[0] <= m.start < span[1])
    want = (span[1] - span[0]) // item.chars_per_metric if item.chars_per_metric else 0
    ok_count, ok_density = n >= item.min_count, inside >= want
    note = f"共 {n} 项数据（要求至少 {item.min_count} 项），举措部分 {inside} 项（按篇幅应有 {want} 项）"
    status: CheckStatus = "found" if ok_count and ok_density else "partial" if ok_count or ok_density else "missing"
    return _result(item, status, (), note)


def _rule_length(item: ChecklistItem, ctx: Context) -> CheckResult:
    n = len("".join(ctx.readable.split()))  # str.split() splits on exactly the str.isspace() characters
    if item.min_chars and n < item.min_chars:
        return _result(item, "partial", (), f"正文约 {n} 字，少于 {item.min_chars} 字")
    if item.max_chars and n > item.max_chars:
        return _result(item, "partial", (), f"正文约 {n} 字，多于 {item.max_chars} 字")
    return _result(item, "found", (), f"正文约 {n} 字")


_RULES: dict[str, Callable[[ChecklistItem, Context], CheckResult]] = {
    "part": _rule_part,
    "keywords": _rule_keywords,
    "absent": _rule_absent,
    "metrics": _rule_metrics,
    "findings_absent": _rule_findings_absent,
    "meta": _rule_meta,
    "deadline": _rule_deadline,
    "metric_density": _rule_metric_density,
    "length": _rule_length,
}


def evaluate_item(item: ChecklistItem, ctx: Context) -> CheckResult:
    """Evaluate one item, first checking whether it applies to the report's year."""
    y, years = ctx.meta.report_year, item.applies_to_years
    if years is not None and y is not None and not years[0] <= y <= years[1]:
        return _result(item, "not_applicable", (), f"仅适用于 {years[0]}—{years[1]} 年度的报告")
    return _RULES[item.rule](item, ctx)
