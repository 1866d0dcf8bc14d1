"""The rules a checklist item can name, each a pure function of one report's analysis.

``found`` means the item is satisfied, ``partial`` half-satisfied, ``missing`` not satisfied;
``not_applicable`` when the item does not apply to the report's year or cannot be judged.
Patterns may use ``{Y}`` (report year) and ``{Y1}`` (the year after).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import islice

from reviewer.checklist import ChecklistItem
from reviewer.messages import Message, custom, msg
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
OPEN_ENDED = 2100  # applies_to_years = [2021, 2100]: from 2021 on, with no last year
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
    def metric_spans(self) -> dict[str, list[tuple[int, int]]]:
        """The figures' spans by topic: a report's ten metrics items each look up a few topics."""
        out: dict[str, list[tuple[int, int]]] = {}
        for m in self.metrics:
            out.setdefault(m.topic, []).append((m.start, m.end))
        return out

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


def _result(item: ChecklistItem, status: CheckStatus, ev: Iterable[Evidence], note: Message) -> CheckResult:
    # islice: evidence is located (a walk of the section tree) only for the spans kept
    evidence = tuple(islice(ev, MAX_EVIDENCE))
    part = item.part or "" if item.rule == "part" else ""
    return CheckResult(item.id, item.group, item.name, status, evidence, note, item.name_en, part)


def _missing_note(item: ChecklistItem, default: Message) -> Message:
    """The checklist file's own words for a missing item, else ``default``."""
    return custom(item.missing_note, item.missing_note_en) if item.missing_note else default


def _rule_part(item: ChecklistItem, ctx: Context) -> CheckResult:
    p = ctx.parts.get(item.part or "")
    if p is None or p.status == "missing":
        if item.optional:
            return _result(item, "not_applicable", (), msg("check.part_optional"))
        return _result(item, "missing", (), p.note if p is not None else msg("check.part_not_found"))
    ev = [_evidence(ctx, p.start, p.end)] if p.start is not None and p.end is not None else []
    return _result(item, p.status, ev, p.note)


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
        return _result(item, "missing", (), msg("check.no_scope"))
    y = ctx.meta.report_year
    hits = [span for kw in item.keywords if (span := _search(_years(kw, y), ctx.readable, *scope)) is not None]
    ev = (_evidence(ctx, s, e) for s, e in sorted(hits))
    words = tuple(ctx.readable[s:e] for s, e in hits[:MAX_EVIDENCE])
    need = max(1, item.min_hits)
    if len(hits) >= need:
        return _result(item, "found", ev, msg("check.keywords_found", words=words))
    if hits:
        return _result(item, "partial", ev, msg("check.keywords_partial", words=words, need=need))
    where = "check.keywords_missing_part" if item.part else "check.keywords_missing_text"
    return _result(item, "missing", (), _missing_note(item, msg(where)))


def _search(pattern: str, text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """Span of the first match of ``pattern`` in ``text[lo:hi]``.

    A plain word is looked up with str.find, several times faster than sre over a whole report
    when the word is absent, which is most of the time.
    """
    compiled = _compiled(pattern)
    if compiled is None:
        i = text.find(pattern, lo, hi)
        return (i, i + len(pattern)) if i >= 0 else None
    m = compiled.search(text, lo, hi)
    return m.span() if m is not None else None


@lru_cache(maxsize=4096)  # a checklist's keywords, each with the years of the reports met
def _compiled(pattern: str) -> re.Pattern[str] | None:
    """``pattern`` compiled, or None for a plain word (told apart once, not for every report)."""
    return None if re.escape(pattern) == pattern else re.compile(pattern)


def _rule_absent(item: ChecklistItem, ctx: Context) -> CheckResult:
    """Wordings that must not occur (serious typos): found = none of them."""
    hits = [m for pat in item.patterns for m in re.finditer(_years(pat, ctx.meta.report_year), ctx.readable)]
    if not hits:
        return _result(item, "found", (), msg("check.absent_ok"))
    hits.sort(key=lambda m: m.start())
    words = tuple(dict.fromkeys(f"“{m.group(0)}”" for m in hits))
    ev = (_evidence(ctx, m.start(), m.end()) for m in hits)
    return _result(item, "missing", ev, msg("check.absent_found", words=words))


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans without those inside another (a pattern hit often holds a metric)."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(set(spans), key=lambda x: (x[0], -x[1])):
        if out and s >= out[-1][0] and e <= out[-1][1]:
            continue
        out.append((s, e))
    return out


def _rule_metrics(item: ChecklistItem, ctx: Context) -> CheckResult:
    spans = [span for topic in set(item.topics) for span in ctx.metric_spans.get(topic, ())]
    for pat in item.patterns:
        spans.extend(m.span() for m in re.finditer(_years(pat, ctx.meta.report_year), ctx.readable))
    spans = _outermost(spans)
    if not spans:
        return _result(item, "missing", (), _missing_note(item, msg("check.metrics_none")))
    ev = (_evidence(ctx, s, e) for s, e in spans)
    example = ctx.text[spans[0][0] : spans[0][1]]
    return _result(item, "found", ev, msg("check.metrics_found", n=len(spans), example=example))


def _rule_findings_absent(item: ChecklistItem, ctx: Context) -> CheckResult:
    kinds = set(item.kinds)
    bad = [f for f in ctx.findings if f.kind in kinds]
    if not bad:
        return _result(item, "found", (), msg("check.findings_ok"))
    counts: dict[str, int] = {}
    for f in bad:
        counts[f.kind] = counts.get(f.kind, 0) + 1
    summary = tuple(msg("count.finding", kind=k, n=n) for k, n in counts.items())
    ev = (_evidence(ctx, f.start, f.end) for f in bad)
    return _result(item, "missing", ev, msg("check.findings_found", counts=summary))


def _meta_checks(item: ChecklistItem, ctx: Context) -> list[tuple[Message, bool]]:
    m, y = ctx.meta, ctx.meta.report_year
    checks: list[tuple[Message, bool]] = []
    for name in item.fields:
        field = msg("meta.field", field=name)
        if name == "title":
            checks.append((field, m.title is not None))
            for pat in item.patterns:
                ok = m.title is not None and re.search(_years(pat, y), m.title) is not None
                checks.append((msg("meta.title_has", pattern=pat.replace("{Y}", str(y or "YYYY"))), ok))
        elif name == "signature":
            checks.append((field, m.signature_span is not None))
        else:
            checks.append((field, getattr(m, name) is not None))
    return checks


def _rule_meta(item: ChecklistItem, ctx: Context) -> CheckResult:
    checks = _meta_checks(item, ctx)
    spans = [ctx.meta.title_span if "title" in item.fields else None]
    spans.append(ctx.meta.signature_span if {"signature", "signed_date"} & set(item.fields) else None)
    ev = [_evidence(ctx, *sp) for sp in spans if sp is not None]
    lacking = [name for name, ok in checks if not ok]
    if not lacking:
        return _result(item, "found", ev, msg("check.meta_ok"))
    status: CheckStatus = "missing" if len(lacking) == len(checks) else "partial"
    return _result(item, status, ev, msg("check.meta_lacking", fields=tuple(lacking)))


def _rule_deadline(item: ChecklistItem, ctx: Context) -> CheckResult:
    y, pub = ctx.meta.report_year, ctx.meta.published_date
    if y is None or pub is None:
        return _result(item, "not_applicable", (), msg("check.deadline_unknown"))
    due = f"{y + 1}-{item.deadline}"
    if pub <= due:
        return _result(item, "found", (), msg("check.deadline_ok", published=pub, due=due))
    return _result(item, "missing", (), msg("check.deadline_late", published=pub, due=due))


def _rule_metric_density(item: ChecklistItem, ctx: Context) -> CheckResult:
    n = len(ctx.metrics)
    p = ctx.parts.get("measures")
    span = (p.start, p.end) if p is not None and p.start is not None and p.end is not None else (0, len(ctx.text))
    inside = sum(1 for m in ctx.metrics if span[0] <= m.start < span[1])
    want = (span[1] - span[0]) // item.chars_per_metric if item.chars_per_metric else 0
    ok_count, ok_density = n >= item.min_count, inside >= want
    note = msg("check.density", n=n, min=item.min_count, inside=inside, want=want)
    status: CheckStatus = "found" if ok_count and ok_density else "partial" if ok_count or ok_density else "missing"
    return _result(item, status, (), note)


def _rule_length(item: ChecklistItem, ctx: Context) -> CheckResult:
    n = len("".join(ctx.readable.split()))  # str.split() splits on exactly the str.isspace() characters
    if item.min_chars and n < item.min_chars:
        return _result(item, "partial", (), msg("check.length_short", n=n, min=item.min_chars))
    if item.max_chars and n > item.max_chars:
        return _result(item, "partial", (), msg("check.length_long", n=n, max=item.max_chars))
    return _result(item, "found", (), msg("check.length_ok", n=n))


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
        if years[1] >= OPEN_ENDED:
            return _result(item, "not_applicable", (), msg("check.years_na_from", first=years[0]))
        return _result(item, "not_applicable", (), msg("check.years_na", first=years[0], last=years[1]))
    return _RULES[item.rule](item, ctx)
