"""The five parts of an annual report required by the 2019 规定, however the report writes them.

A part is found under its own heading (status ``found``, how ``heading``); inside a section about
something else (``partial``, ``nested``: a sub-heading naming it, or enough distinct cues in one
section); or only as unheaded closing text (``partial``, ``text``). Patterns are data:
``resources/outline/parts.toml``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from reviewer.messages import msg, seq
from reviewer.model import PART_IDS, Line, Outline, PartId, PartResult, ReportMeta, Section, walk_sections
from reviewer.part_rules import PartRules, names_part, part_rules

_SENTENCE_START = re.compile(r"(?:^|(?<=[。！？!?；;]))[ \u3000]*(?=\S)", re.M)
_QUOTED = re.compile(r"《[^》]{0,80}》")
_MIN_PARAGRAPH = 15  # closing lines shorter than this (特此报告。) are no paragraphs


def find_parts(text: str, outline: Outline, meta: ReportMeta) -> dict[str, PartResult]:
    """One :class:`PartResult` per id in ``PART_IDS``; each note says why (a ``Message``)."""
    rules = part_rules(meta.report_year)
    tops = outline.sections
    assigned = _assign(tops, rules)
    results: dict[str, PartResult] = {}
    for part, sec in assigned.items():
        end = _measures_end(tops, sec, assigned) if part == "measures" else sec.end
        note = msg("part.heading", title=_short(sec.title))
        results[part] = PartResult("found", "heading", sec.id, sec.start, end, note)
    owned = list(assigned.values())
    # Plans and problems are no evidence of what was done: sub-headings there do not count.
    closed = [assigned[p] for p in ("shortcomings", "next_year") if p in assigned]
    top_ids = {t.id for t in tops}
    for part in PART_IDS:
        if part not in results and (r := _nested_heading(part, tops, top_ids, owned, closed, rules)) is not None:
            results[part] = r
    if "first_responsible" not in results and (r := _nested_cues(text, tops, closed, rules)) is not None:
        results["first_responsible"] = r
    results.update(_closing_text(text, outline, results, rules))
    if "measures" not in results and (r := _measures_fallback(text, tops, results, rules)) is not None:
        results["measures"] = r
    return {p: _grade(text, p, results[p], rules) if p in results else _missing(p) for p in PART_IDS}


def _short(title: str, n: int = 30) -> str:
    return title if len(title) <= n else title[:n] + "…"


def _classify(title: str, rules: PartRules) -> PartId | None:
    parts = _classify_all(title, rules)
    return parts[0] if parts else None


@functools.lru_cache(maxsize=4096)  # every heading is classified once per part looked for
def _classify_all(title: str, rules: PartRules, position: str = "inner") -> tuple[PartId, ...]:
    """Every part a heading names, in priority order; "measures" only when it names nothing else.

    ``position`` is where a top-level section stands ("first", "end" = one of the last two,
    "middle"); sub-headings are "inner" and get no position point.
    """
    parts = tuple(p for p in rules.priority if p in rules.heading and names_part(title, p, rules, position))
    return tuple(p for p in parts if p != "measures") or parts


def _position(i: int, n: int) -> str:
    return "first" if i == 0 and n > 1 else "end" if i >= n - 2 else "middle"


def _assign(tops: Sequence[Section], rules: PartRules) -> dict[PartId, Section]:
    """Top-level sections whose heading names a part (the first such section per part).

    One heading may name two parts (三、存在的问题及下一步打算).
    """
    out: dict[PartId, Section] = {}
    for i, s in enumerate(tops):
        for part in _classify_all(s.title, rules, _position(i, len(tops))):
            out.setdefault(part, s)
    return out


def _measures_end(tops: Sequence[Section], sec: Section, assigned: dict[PartId, Section]) -> int:
    """End of the measures: topic sections right after its heading (no part of their own) belong to it."""
    taken = set(map(id, assigned.values()))
    end = sec.end
    for s in tops[tops.index(sec) + 1 :]:
        if id(s) in taken:
            break
        end = s.end
    return end


def _inside(sec: Section, owners: Sequence[Section]) -> Section | None:
    """The first of ``owners`` that strictly contains ``sec``."""
    return next((o for o in owners if o.start <= sec.start and sec.end <= o.end and o.id != sec.id), None)


def _nested_heading(
    part: PartId,
    tops: Sequence[Section],
    top_ids: set[str],
    owned: Sequence[Section],
    closed: Sequence[Section],
    rules: PartRules,
) -> PartResult | None:
    """A sub-heading naming the part (not inside ``closed`` sections).

    When its siblings name other parts too, the sub-headings are the report's skeleton under a
    wrapper heading (一、2023年法治政府建设情况 / （一）主要举措 （二）存在的不足 …) and the part is
    headed; otherwise a sub-heading among topics ("补齐执法短板") is at most nested evidence.
    """
    parents = {c.id: s for s in walk_sections(tops) for c in s.children}
    for s in walk_sections(tops):
        if s.id in top_ids or _classify(s.title, rules) != part or _inside(s, closed) is not None:
            continue
        owner = _inside(s, owned)
        siblings = parents[s.id].children
        if owner is None and len({p for c in siblings for p in _classify_all(c.title, rules)}) >= 2:
            return PartResult("found", "heading", s.id, s.start, s.end, msg("part.subheading", title=_short(s.title)))
        if part == "measures":
            continue  # a "主要措施" item inside another part or among topics is not the measures part
        where = owner or parents[s.id]
        note = msg("part.nested_under", parent=_short(where.title), title=_short(s.title))
        return PartResult("partial", "nested", s.id, s.start, s.end, note)
    return None


def _cue_count(text: str, sec: Section, rules: PartRules) -> int:
    body = _QUOTED.sub("", text[sec.start : sec.end])
    return sum(1 for p in rules.cues if p.search(body))


def _nested_cues(
    text: str, tops: Sequence[Section], excluded: Sequence[Section], rules: PartRules
) -> PartResult | None:
    """The deepest section that holds enough distinct first-responsible cues (passing mentions do not)."""
    excluded_ids = {e.id for e in excluded}
    hits = [
        s
        for s in walk_sections(tops)
        if s.id not in excluded_ids and _inside(s, excluded) is None and _cue_count(text, s, rules) >= rules.min_cues
    ]
    if not hits:
        return None
    best = max(hits, key=lambda s: (s.level, -s.start))
    note = msg("part.nested_in", title=_short(best.title))
    return PartResult("partial", "nested", best.id, best.start, best.end, note)


def _closing_text(
    text: str, outline: Outline, found: dict[str, PartResult], rules: PartRules
) -> dict[str, PartResult]:
    """Unheaded shortcomings / next-year text in the closing paragraphs."""
    tops = outline.sections
    # Text under a problems or plan heading (a plan saying 仍有不足) is that part's, not a closing
    # paragraph; the last paragraph of a measures or first-responsible section may be the closing.
    closing_ok = ("measures", "first_responsible")
    headed = [(r.start, r.end) for p, r in found.items() if r.how == "heading" and p not in closing_ok and r.end]
    paragraphs = [
        ln
        for ln in outline.lines
        if ln.kind == "body"
        and ln.end - ln.start >= _MIN_PARAGRAPH
        and not any(a is not None and a <= ln.start < b for a, b in headed)
    ]
    out: dict[str, PartResult] = {}
    starts: dict[str, tuple[int, Line]] = {}
    for ln in paragraphs[-rules.closing:]:
        para = text[ln.start : ln.end]
        for m in _SENTENCE_START.finditer(para):
            for part, pats in (("shortcomings", rules.short_text), ("next_year", rules.next_text)):
                if part in found or part in starts:
                    continue
                if any(p.match(para, m.end()) for p in pats):
                    starts[part] = (ln.start + m.end(), ln)
    for part, (start, ln) in starts.items():
        end = ln.end
        other = starts.get("next_year") if part == "shortcomings" else None
        if other is not None and start < other[0] <= ln.end:
            end = other[0]
        note = msg("part.closing_text")
        out[part] = PartResult("partial", "text", _section_at(tops, start), start, end, note)
    return out


def _section_at(tops: Sequence[Section], pos: int) -> str | None:
    """Id of the deepest section holding offset ``pos``."""
    inner = [s for s in walk_sections(tops) if s.start <= pos < s.end]
    return max(inner, key=lambda s: s.level).id if inner else None


def _measures_fallback(
    text: str, tops: Sequence[Section], found: dict[str, PartResult], rules: PartRules
) -> PartResult | None:
    """Topic-headed reports: the top sections before the other parts are the measures."""
    # Parts nested inside those sections (a 第一责任人 item among the topics) do not cut them.
    taken = [(r.start, r.end) for r in found.values() if r.how != "nested" and r.start is not None and r.end]
    first_part = min((a for a, _ in taken), default=len(text))
    free = [s for s in tops if s.start < first_part and not any(a <= s.start < b for a, b in taken)]
    if free:
        end = min(free[-1].end, first_part)
        first, last = free[0].number or "", free[-1].number or ""
        if len(free) == 1:
            note = msg("part.measures_one", first=first)
        else:
            note = msg("part.measures_range", first=first, last=last)
        return PartResult("found", "text", None, free[0].start, end, note)
    body = text[:first_part]
    if sum(1 for t in rules.topics if t in body) >= rules.min_topics:
        return PartResult("partial", "text", None, 0, first_part, msg("part.measures_unheaded"))
    return None


def _grade(text: str, part: str, r: PartResult, rules: PartRules) -> PartResult:
    """``r`` downgraded to partial when a found part misses its sub-condition (causes / next year)."""
    if r.status != "found" or r.start is None:
        return r
    body = text[r.start : r.end]
    if part == "shortcomings" and not any(p.search(body) for p in rules.causes):
        return PartResult("partial", r.how, r.section, r.start, r.end, seq(r.note, msg("part.no_causes")))
    if part == "next_year" and not any(p.search(body) for p in rules.names_year):
        return PartResult("partial", r.how, r.section, r.start, r.end, seq(r.note, msg("part.no_year")))
    return r


def _missing(part: str) -> PartResult:
    if part == "other":
        return PartResult("missing", None, None, None, None, msg("part.other_missing"))
    return PartResult("missing", None, None, None, None, msg("part.missing", part=part))
