"""Quality findings on one report, and the duplicate paragraphs shared between reports of a batch.

Division of labour: ``outline.findings`` carries ``heading_numbering`` and ``meta.findings`` the
garbled 落款 date; this module never repeats those. It finds duplicate paragraphs, garbled dates in
the body, misquoted regulation titles, unit and year mismatches, late publication, a missing
signature or date, and rates whose change is given in %.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import combinations

from reviewer import dedup
from reviewer.findings_text import garbled_dates, misquoted_regulations, not_after, rate_changes_in_percent
from reviewer.messages import Message, msg
from reviewer.model import Finding, Line, Metric, Outline, PartResult, ReportMeta
from reviewer.pairing import same_unit
from reviewer.paths import readable_name

DEFAULT_DEADLINE = "04-01"  # 《法治政府建设与责任落实督察工作规定》: publish by 1 April of Y+1
_YEAR = re.compile(r"(20\d\d)年(?!\d)")  # not after a digit or _RANGE_MARKS (see not_after)
_RANGE_MARKS = "—–-－~～至"
_DATE_LINE = re.compile(r"^[\s\d年月日〇○零一二三四五六七八九十.\-/]*$")
_UNIT_SUFFIX = re.compile(r"(?:人民政府|政府|办事处|委员会|党委|党工委|委)$")
# A 落款 token names a body only if it ends like one; "特此报告。" or "（盖章）" lines are not units.
_UNIT_NAME = re.compile(
    r"(?:政府|委员会|委|局|厅|部|办公室|办|办事处|街道|镇|乡|处|署|院|中心|党组|党委|党工委|会|所|站|队)$"
)
_TITLE_HEAD = re.compile(r"^(.*?)(?:关于|\d{4}年|$)")


def find_findings(
    text: str, outline: Outline, meta: ReportMeta, parts: dict[str, PartResult], metrics: tuple[Metric, ...],
    encoding: str | None = None,
) -> tuple[Finding, ...]:
    """All findings of this module on one report, in text order; ``encoding``: the text file's."""
    skip = [meta.signature_span] if meta.signature_span else []
    skip += [(f.start, f.end) for f in meta.findings if f.kind == "garbled_date"]
    out: list[Finding] = []
    out += duplicate_paragraphs(text, outline.lines)
    out += garbled_dates(text, skip)
    out += misquoted_regulations(text)
    out += rate_changes_in_percent(text)
    out += issuer_mismatch(text, meta)
    out += year_mismatch(text, meta, parts)
    out += signature_findings(text, meta)
    out += undecodable(text, encoding)
    return tuple(sorted(out, key=lambda f: (f.start, f.end, f.kind)))


# How the reviewer knows the encodings a text file with bad bytes is read in (reviewer.load.decode_text).
_ENCODING_NAMES = {"gb18030": "GBK/GB18030"}


def undecodable(text: str, encoding: str | None = None) -> list[Finding]:
    """Bytes the loader could not decode (shown as �): one finding at the first, with the count."""
    first = text.find("\ufffd")
    if first < 0:
        return []
    name = _ENCODING_NAMES.get(encoding or "", "UTF-8")
    m = msg("undecodable", n=text.count("\ufffd"), encoding=name)
    return [Finding("undecodable_characters", "warning", m, first, first + 1)]


def uncertain_figures(metrics: Sequence[Metric], uncertain: Sequence[tuple[int, int, float]]) -> list[Finding]:
    """Figures holding a character OCR was unsure of (a 3 read as 8 changes the figure, not only the
    text): one finding each, with the lowest confidence, for the reviewer to check against the page."""
    if not uncertain:
        return []
    spans = sorted(uncertain)
    starts = [s for s, _, _ in spans]
    out = []
    for m in metrics:
        doubts = [c for s, e, c in spans[:bisect_left(starts, m.end)] if e > m.start]
        if doubts:
            note = msg("ocr.uncertain_figure", figure=m.text, p=round(min(doubts) * 100))
            out.append(Finding("uncertain_figure", "warning", note, m.start, m.end))
    return out


def body_spans(text: str, lines: Sequence[Line]) -> list[tuple[int, int]] | None:
    """Spans of body lines, or None (every line) when the outline classified none."""
    spans = [(ln.start, ln.end) for ln in lines if ln.kind == "body"]
    return spans or None


def _snippet(text: str, start: int, end: int, n: int = 16) -> str:
    s = text[start:end].strip()
    return s if len(s) <= n else s[:n] + "…"


def duplicate_paragraphs(text: str, lines: Sequence[Line] = ()) -> list[Finding]:
    """Each later copy of a paragraph repeated (exactly or nearly) within the report."""
    paras = dedup.paragraphs(text, 0, body_spans(text, lines))
    out: list[Finding] = []
    for group in dedup.duplicate_groups(paras):
        first = paras[group[0]]
        line_no = text.count("\n", 0, first.start) + 1
        for i in group[1:]:
            p = paras[i]
            snippet = _snippet(text, first.start, first.end)
            if p.key == first.key:
                m = msg("dup.within", line=line_no, snippet=snippet)
            else:
                percent = round(100 * dedup.similarity(p.key, first.key))
                m = msg("dup.within_similar", line=line_no, snippet=snippet, percent=percent)
            out.append(Finding("duplicate_paragraph", "warning", m, p.start, p.end))
    return out


Batched = tuple[str, str, Sequence[Line], str | None, int | None]  # file, text, lines, unit key, year


def batch_duplicates(reports: Sequence[Batched]) -> list[list[Finding]]:
    """``duplicate_across_reports`` findings per report for (file, text, lines, unit, year) tuples.

    Every paragraph shared with another report of the batch gets one finding naming up to three
    of the other files and how many there are in all; it says "of the same unit" when every other
    report holding it is of the same known unit (``pairing.unit_key``, ``pairing.same_unit``).
    Two reports of the same unit and year sharing at least half of either's paragraphs are versions
    of one report: what they share is not copying, and each gets one ``other_version`` finding
    instead (a tester found 11 comments on shared paragraphs in the letter to a unit that had sent
    its report twice).
    """
    paras: list[dedup.Paragraph] = []
    for owner, (_, text, lines, _, _) in enumerate(reports):
        paras += dedup.paragraphs(text, owner, body_spans(text, lines))
    names = [readable_name(r[0]) for r in reports]
    units = [r[3] for r in reports]
    groups = [(g, sorted({paras[i].owner for i in g})) for g in dedup.duplicate_groups(paras, across_owners_only=True)]
    subjects = [_subject(text, lines) for _, text, lines, _, _ in reports]
    versions = _versions(paras, groups, _same_unit_and_year(units, [r[4] for r in reports]), subjects)
    out: list[list[Finding]] = [[] for _ in reports]
    for group, owners in groups:
        if len(owners) < 2:
            continue
        own = _one_unit(units[o] for o in owners)  # once per group: boilerplate has hundreds of holders
        reported: set[tuple[int, int]] = set()
        for i in group:
            p = paras[i]
            holders = [o for o in owners if o not in versions[p.owner]] if versions[p.owner] else owners
            if len(holders) < 2 or (p.owner, p.start) in reported:
                continue
            reported.add((p.owner, p.start))
            mine = own if holders is owners else _one_unit(units[o] for o in holders)
            out[p.owner].append(Finding("duplicate_across_reports", "info", _others(names, holders, p.owner, mine),
                                        p.start, p.end))
    for o, vs in enumerate(versions):
        if vs:
            start, end = _title_span(reports[o][2])
            shown = tuple(names[v] for v in sorted(vs))[:3]
            out[o].append(Finding("other_version", "warning", msg("dup.other_version", files=shown, n=len(vs)),
                                  start, end))
    return [sorted(fs, key=lambda f: f.start) for fs in out]


_VERSION_SHARE = 0.5  # of either report's paragraphs shared with the other


def _versions(paras: Sequence[dedup.Paragraph], groups: Sequence[tuple[Sequence[int], Sequence[int]]],
              candidates: Sequence[frozenset[int]], subjects: Sequence[str | None]) -> list[frozenset[int]]:
    """For each report, the ``candidates`` (same unit and year) of the same title's subject that it shares
    at least ``_VERSION_SHARE`` of its paragraphs with, or they of theirs (one may have a section more).
    The subject keeps apart a town's 法治政府建设 report and its party committee's 法治建设 report,
    whose units have one key (a code review)."""
    if not any(candidates):
        return list(candidates)
    total = Counter(p.owner for p in paras)
    shared: Counter[tuple[int, int]] = Counter()
    for group, owners in groups:
        for mine in {(paras[i].owner, paras[i].start) for i in group if candidates[paras[i].owner]}:
            for other in candidates[mine[0]].intersection(owners):
                shared[(mine[0], other)] += 1
    out: list[set[int]] = [set() for _ in candidates]
    for (a, b), n in shared.items():
        if n >= _VERSION_SHARE * total[a] and (subjects[a] is None or subjects[b] is None
                                               or subjects[a] == subjects[b]):
            out[a].add(b)
            out[b].add(a)
    return [frozenset(v) for v in out]


def _same_unit_and_year(units: Sequence[str | None], years: Sequence[int | None]) -> list[frozenset[int]]:
    """For each report, the other reports of the batch of the same known unit and year. Distinct unit
    keys are compared within each year, not every pair of reports."""
    by_year: dict[int, dict[str, list[int]]] = {}
    for i, (unit, year) in enumerate(zip(units, years, strict=True)):
        if unit is not None and year is not None:
            by_year.setdefault(year, {}).setdefault(unit, []).append(i)
    out: list[frozenset[int]] = [frozenset()] * len(units)
    for keys in by_year.values():
        for key, holders in keys.items():
            same = [i for other, more in keys.items() if other == key or same_unit(key, other) for i in more]
            if len(same) > 1:
                for i in holders:
                    out[i] = frozenset(same) - {i}
    return out


def _subject(text: str, lines: Sequence[Line]) -> str | None:
    """A title without its unit: from 关于 on, or the whole without blanks (None without a title)."""
    line = next((ln for ln in lines if ln.kind == "title"), None)
    if line is None:
        return None
    title = "".join(text[line.start : line.end].split())
    return title[title.find("关于") :] if "关于" in title else title


def _title_span(lines: Sequence[Line]) -> tuple[int, int]:
    line = next((ln for ln in lines if ln.kind == "title"), lines[0] if lines else None)
    return (line.start, line.end) if line is not None else (0, 0)


def _one_unit(units: Iterable[str | None]) -> bool:
    """Whether the holders are all of one known unit: every two of their keys match (not only each
    with one: 铁东区 fits both 鞍山市铁东区 and 四平市铁东区, two units). Distinct keys only, so a
    paragraph in 300 reports of one unit costs one comparison, not 45,000."""
    keys = set(units)
    return None not in keys and all(same_unit(a, b) for a, b in combinations(sorted(keys, key=str), 2))


def _others(names: Sequence[str], owners: Sequence[int], me: int, own: bool) -> Message:
    """Up to three other files, and the count when there are more (linear, not per pair); ``own``:
    all of one unit."""
    shown = tuple(names[o] for o in owners[:4] if o != me)[:3]
    more = len(owners) - 1
    if more > 3:
        return msg("dup.across_own_many" if own else "dup.across_many", files=shown, n=more)
    if own:
        return msg("dup.across_own" if more == 1 else "dup.across_own_few", files=shown)
    return msg("dup.across", files=shown)


def _signature_units(text: str, meta: ReportMeta) -> list[str]:
    if meta.signature_span is None:
        return []
    block = text[meta.signature_span[0] : meta.signature_span[1]]
    units: list[str] = []
    for line in block.splitlines():
        if line.strip() and not _DATE_LINE.match(line):
            units += [u for u in line.split() if _UNIT_NAME.search(u)]
    return units


def _core(unit: str) -> str:
    u = re.sub(r"\s+", "", unit).removeprefix("中共")
    return _UNIT_SUFFIX.sub("", u)


def issuer_mismatch(text: str, meta: ReportMeta) -> list[Finding]:
    """A 落款 unit that is not the unit named in the title (e.g. a doubled 镇镇)."""
    title = re.sub(r"\s+", "", meta.title or "")
    head = _TITLE_HEAD.match(title)
    named = meta.issuer or (head.group(1) if head else "")
    if not named or meta.signature_span is None:
        return []
    out: list[Finding] = []
    for unit in _signature_units(text, meta):
        if unit in title or unit in named:
            continue
        a, b = _core(unit), _core(named)
        if a and b and (a.endswith(b) or b.endswith(a)):
            continue
        start = text.find(unit, meta.signature_span[0])
        m = msg("issuer.mismatch", signed=unit, named=named)
        out.append(Finding("issuer_mismatch", "warning", m, start, start + len(unit)))
    return out


def _part_span(parts: dict[str, PartResult], pid: str) -> tuple[int, int] | None:
    p = parts.get(pid)
    if p is None or p.status == "missing" or p.start is None or p.end is None:
        return None
    return p.start, p.end


def year_mismatch(text: str, meta: ReportMeta, parts: dict[str, PartResult]) -> list[Finding]:
    """Plan heading not for Y+1; or a body that never names the title's year but another one often."""
    y = meta.report_year
    if y is None:
        return []
    out: list[Finding] = []
    plan = _part_span(parts, "next_year")
    # only a part with its own heading has a first line that states the plan's year
    if plan is not None and parts["next_year"].how == "heading":
        end = text.find("\n", plan[0])
        heading = text[plan[0] : end if 0 <= end < plan[1] else plan[1]][:60]
        years = {int(m.group(1)) for m in not_after(heading, _YEAR.finditer(heading), _RANGE_MARKS)}
        if years and y + 1 not in years:
            m = msg("year.plan", years=tuple(sorted(years)), year=y, expected=y + 1)
            out.append(Finding("year_mismatch", "warning", m, plan[0], plan[0] + len(heading)))
    body = _part_span(parts, "measures") or (0, len(text))
    counts = Counter(int(m.group(1)) for m in not_after(text, _YEAR.finditer(text, *body), _RANGE_MARKS))
    if counts and counts[y] == 0:
        other, n = counts.most_common(1)[0]
        if n >= 3:
            span = meta.title_span or body
            m = msg("year.body", year=y, other=other, n=n)
            out.append(Finding("year_mismatch", "warning", m, span[0], span[1]))
    return out


def signature_findings(text: str, meta: ReportMeta, deadline: str = DEFAULT_DEADLINE) -> list[Finding]:
    """missing_signature (no 落款, or one without a unit), missing_date (unless meta already flagged a
    garbled one) and late_publication."""
    out: list[Finding] = []
    end = len(text.rstrip())
    if meta.signature_span is None:
        out.append(Finding("missing_signature", "warning", msg("signature.none"), end, end))
    elif not _signature_units(text, meta):
        s, e = meta.signature_span
        out.append(Finding("missing_signature", "warning", msg("signature.date_only"), s, e))
    garbled = any(f.kind == "garbled_date" for f in meta.findings)
    if meta.signed_date is None and not garbled:
        s, e = meta.signature_span or (end, end)
        out.append(Finding("missing_date", "warning", msg("date.missing"), s, e))
    y, pub = meta.report_year, meta.published_date
    if y is not None and pub is not None and pub > f"{y + 1}-{deadline}":
        at = text.find(pub, 0, 2000)
        s, e = (at, at + len(pub)) if at >= 0 else (meta.title_span or (0, 0))
        m = msg("late", published=pub, due=f"{y + 1}-{deadline}")
        out.append(Finding("late_publication", "warning", m, s, e))
    return out
