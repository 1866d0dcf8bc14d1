"""This year's report beside last year's: copied text, figures that moved, last year's promises.

``compare`` works on two analyses (each report's own); ``attach`` puts the result on this year's
analysis, with its findings: a part copied (almost) entirely from last year, and figures that jumped
without a word of explanation. ``with_previous_years`` does it for a batch or project: reports are
paired (:mod:`reviewer.pairing`) among themselves and with a reference library of last year's
reports. Like the paragraphs shared between reports, all of this depends on other reports: it is
added to the analyses shown, never cached with a report's own analysis.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from reviewer.copied import copied_passages, shares
from reviewer.figure_pairs import pair_figures
from reviewer.lastyear_model import FigurePair, PairedBy, PreviousYear
from reviewer.messages import msg
from reviewer.model import Analysis, Finding
from reviewer.pairing import Pairing, pair_reports
from reviewer.paths import readable_name
from reviewer.promises import promises

#: Finding kinds this stage adds (and takes away again when a pairing changes).
KINDS = ("copied_from_last_year", "figure_jump")
ENTIRE = 0.9  # a part this much of which repeats last year's is "copied entirely"
MIN_PART_CHARS = 40  # shorter parts (一句话的“其他”) repeat without saying much
_PARTS_ORDER = ("measures", "shortcomings", "first_responsible", "next_year", "other")


def compare(a: Analysis, previous: Analysis, paired_by: PairedBy = "auto") -> PreviousYear:
    """``a`` beside ``previous`` (both a report's own analysis, with their texts)."""
    passages = copied_passages(a.text, a.lines, previous.text, previous.lines)
    whole, per_part = shares(a.text, a.lines, a.parts, passages)
    figures = pair_figures(a.text, a.metrics, previous.text, previous.metrics)
    plan = promises(previous.text, previous.sections, previous.parts.get("next_year"), a.text, a.parts)
    return PreviousYear(previous.file, previous.sha256, previous.meta.issuer, previous.meta.report_year, paired_by,
                        whole, per_part, tuple(passages), tuple(figures), tuple(plan))


def _part_heading(a: Analysis, part: str) -> tuple[int, int]:
    """The first line of a part: where a finding about the whole part is underlined."""
    p = a.parts[part]
    assert p.start is not None and p.end is not None
    nl = a.text.find("\n", p.start, p.end)
    return p.start, nl if nl > p.start else p.end


def _jump_finding(f: FigurePair) -> Finding:
    cur, prev = f.current, f.previous
    if f.jump == "over_100":
        m = msg("lastyear.over_100", text=cur.text, previous=prev.text)
    elif f.jump == "up":
        m = msg("lastyear.jump_up", text=cur.text, previous=prev.text, factor=_factor(cur.value / prev.value))
    else:
        m = msg("lastyear.jump_down", text=cur.text, previous=prev.text, factor=_factor(prev.value / cur.value))
    return Finding("figure_jump", "warning", m, cur.start, cur.end)


def _factor(x: float) -> int | float:
    return round(x) if x >= 10 else round(x, 1)


def findings(a: Analysis, py: PreviousYear) -> list[Finding]:
    """Parts copied (almost) entirely from last year, and figures that jumped unexplained."""
    out: list[Finding] = []
    name = readable_name(py.file)
    for part in _PARTS_ORDER:
        s = py.parts.get(part)
        if s is not None and s.total >= MIN_PART_CHARS and s.share is not None and s.share >= ENTIRE:
            m = msg("lastyear.copied_part", part=part, file=name, percent=round(100 * s.share))
            out.append(Finding("copied_from_last_year", "warning", m, *_part_heading(a, part)))
    out += [_jump_finding(f) for f in py.figures if f.jump is not None]
    return out


def _sorted(fs: Sequence[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(fs, key=lambda f: (f.start, f.end, f.kind)))


def _absorb(fs: Sequence[Finding], py: PreviousYear) -> tuple[list[Finding], list[Finding]]:
    """(kept, absorbed): a paragraph "shared with" last year's report alone, inside a copied passage,
    is said by the comparison already (and is no copying between units)."""
    only_last_year = (readable_name(py.file),)
    spans = [(p.start, p.end) for p in py.passages]
    kept: list[Finding] = []
    absorbed: list[Finding] = []
    for f in fs:
        same = f.kind == "duplicate_across_reports" and f.message.id == "dup.across" \
            and f.message.param("files") == only_last_year and any(s <= f.start and f.end <= e for s, e in spans)
        (absorbed if same else kept).append(f)
    return kept, absorbed


def attach(a: Analysis, previous: Analysis | None, paired_by: PairedBy = "auto") -> Analysis:
    """``a`` (as shown: with project findings) with its comparison to ``previous``, or with none.

    What an earlier comparison added is taken away and what it absorbed given back first, so a
    corrected pairing leaves no trace of the old one.
    """
    before = a.findings + (a.previous_year.absorbed if a.previous_year is not None else ())
    kept = [f for f in before if f.kind not in KINDS]
    if previous is None:
        return replace(a, findings=_sorted(kept), previous_year=None)
    py = compare(a, previous, paired_by)
    kept, absorbed = _absorb(kept, py)
    return replace(a, findings=_sorted(kept + findings(a, py)), previous_year=replace(py, absorbed=tuple(absorbed)))


def with_previous_years(analyses: Sequence[Analysis], library: Sequence[Analysis] = (),
                        corrections: Mapping[str, str] | None = None) -> list[Analysis]:
    """The analyses, each with its comparison to last year's report when one is in the batch or ``library``."""
    return attach_pairings(analyses, pair_reports(analyses, [*analyses, *library], corrections), library)


def attach_pairings(analyses: Sequence[Analysis], pairings: Mapping[str, Pairing],
                    library: Sequence[Analysis] = ()) -> list[Analysis]:
    by_sha = {a.sha256: a for a in [*library, *analyses]}
    out: list[Analysis] = []
    for a in analyses:
        p = pairings.get(a.sha256)
        previous = by_sha.get(p.previous) if p is not None else None
        if previous is None and a.previous_year is None and not any(f.kind in KINDS for f in a.findings):
            out.append(a)  # nothing to add or take away: the same object (no copy of 1000 analyses)
            continue
        out.append(attach(a, previous, p.paired_by if p is not None else "auto"))
    return out
