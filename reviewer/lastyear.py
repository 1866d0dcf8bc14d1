"""This year's report beside last year's: copied text, figures that moved, last year's promises.

``compare`` works on two analyses (each report's own); ``attach`` puts the result on this year's
analysis, with its findings: a part copied (almost) entirely from last year, and figures that jumped
without a word of explanation. ``with_previous_years`` does it for a batch or project: reports are
paired (:mod:`reviewer.pairing`) among themselves and with a reference library of last year's
reports; a paragraph the later report copied from the earlier is then said once, by the later report's
comparison, and by neither as "shared with another report" (``with_next_years``). Like the
paragraphs shared between reports, all of this depends on other reports: it is added to the
analyses shown, never cached with a report's own analysis.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Executor
from dataclasses import replace

from reviewer.copied import PROSE, copied_passages, shares
from reviewer.figure_pairs import pair_figures
from reviewer.lastyear_model import FigurePair, PairedBy, PreviousYear
from reviewer.messages import msg
from reviewer.model import Analysis, Finding
from reviewer.pairing import Pairing, pair_reports
from reviewer.paths import readable_name
from reviewer.plan import plan_entries
from reviewer.promises import promises

#: Finding kinds this stage adds (and takes away again when a pairing changes).
KINDS = ("copied_from_last_year", "figure_jump")
ENTIRE = 0.9  # a part this much of which repeats last year's is "copied entirely"
MIN_PART_CHARS = 40  # shorter parts (一句话的“其他”) repeat without saying much
_PARTS_ORDER = ("measures", "shortcomings", "first_responsible", "next_year", "other")
_SHARED_WITH_ONE = ("dup.across", "dup.across_own")  # a paragraph shared with one other report
PARALLEL_MIN = 64  # fewer pairs are compared faster here than shipped to workers
CHUNK = 16
PoolFactory = Callable[[], Executor | None]  # asked only when there are enough pairs


def compare(a: Analysis, previous: Analysis, paired_by: PairedBy = "auto") -> PreviousYear:
    """``a`` beside ``previous`` (both a report's own analysis, with their texts)."""
    passages, counted = copied_passages(a.text, a.lines, previous.text, previous.lines)
    whole, per_part = shares(a.text, a.parts, passages, counted)
    figures = pair_figures(a.text, a.metrics, previous.text, previous.metrics)
    # A report analysed by this version has its plan read (and cached) with it; one made by hand has not.
    entries = previous.plan or plan_entries(previous.text, previous.sections, previous.parts.get("next_year"))
    plan = promises(previous.text, entries, a.text, a.parts)
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
    return _absorb_shared(fs, readable_name(py.file), [(p.start, p.end) for p in py.passages])


def _absorb_shared(fs: Sequence[Finding], other: str, spans: Sequence[tuple[int, int]]
                   ) -> tuple[list[Finding], list[Finding]]:
    """(kept, absorbed): the findings of paragraphs shared with report ``other`` alone, inside ``spans``."""
    only = (other,)
    kept: list[Finding] = []
    absorbed: list[Finding] = []
    for f in fs:
        same = f.kind == "duplicate_across_reports" and f.message.id in _SHARED_WITH_ONE \
            and f.message.param("files") == only and any(s <= f.start and f.end <= e for s, e in spans)
        (absorbed if same else kept).append(f)
    return kept, absorbed


def with_next_years(analyses: Sequence[Analysis]) -> list[Analysis]:
    """The analyses, each report that is last year's of another in the set without the "shared with
    another report" findings of the paragraphs that later report copied from it: the later report's
    comparison says so ("照搬上一年度"), and the earlier report copied nothing. What an earlier call
    took away is given back first, so a changed pairing leaves no trace of the old one. Reports whose
    findings do not change are returned as they are (the same objects).
    """
    later_of: dict[str, list[Analysis]] = {}
    for a in analyses:
        if a.previous_year is not None and a.previous_year.sha256 != a.sha256:
            later_of.setdefault(a.previous_year.sha256, []).append(a)
    out: list[Analysis] = []
    for a in analyses:
        laters = later_of.get(a.sha256, [])
        if not laters and not a.absorbed_by_next:
            out.append(a)
            continue
        kept = [*a.findings, *a.absorbed_by_next]
        absorbed: list[Finding] = []
        for later in laters:
            py = later.previous_year
            spans = [(p.previous_start, p.previous_end) for p in py.passages] if py is not None else []
            kept, got = _absorb_shared(kept, readable_name(later.file), spans)
            absorbed += got
        if not absorbed and not a.absorbed_by_next:
            out.append(a)
        else:
            out.append(replace(a, findings=_sorted(kept), absorbed_by_next=_sorted(absorbed)))
    return out


def attach(a: Analysis, previous: Analysis | None, paired_by: PairedBy = "auto",
           compared: PreviousYear | None = None) -> Analysis:
    """``a`` (as shown: with project findings) with its comparison to ``previous``, or with none
    (``compared``: that comparison, when it was made elsewhere — in a worker).

    What an earlier comparison added is taken away and what it absorbed given back first, so a
    corrected pairing leaves no trace of the old one.
    """
    before = a.findings + (a.previous_year.absorbed if a.previous_year is not None else ())
    kept = [f for f in before if f.kind not in KINDS]
    if previous is None:
        return replace(a, findings=_sorted(kept), previous_year=None)
    py = compared if compared is not None else compare(a, previous, paired_by)
    kept, absorbed = _absorb(kept, py)
    return replace(a, findings=_sorted(kept + findings(a, py)), previous_year=replace(py, absorbed=tuple(absorbed)))


def with_previous_years(analyses: Sequence[Analysis], library: Sequence[Analysis] = (),
                        corrections: Mapping[str, str] | None = None, pool: PoolFactory | None = None,
                        beside: int = 0) -> list[Analysis]:
    """The analyses, each with its comparison to last year's report when one is in the batch or ``library``.

    ``pool`` gives an executor to compare in when there are many pairs (the batch's analysis pool):
    each comparison is independent, and costs about what the analysis of a report costs.
    ``beside``: this process compares too, beside that many of the pool's workers (a command-line
    batch; a window's loading thread leaves it all to the pool, to keep the GUI thread free).
    """
    pairings = pair_reports(analyses, [*analyses, *library], corrections)
    return attach_pairings(analyses, pairings, library, pool, beside)


Job = tuple[Analysis, Analysis, PairedBy]  # this year's analysis, last year's, how they were paired


def pair_jobs(analyses: Sequence[Analysis], pairings: Mapping[str, Pairing], library: Sequence[Analysis] = ()
              ) -> dict[str, Job]:
    """The comparisons to make, by this year's report: each report paired with a report at hand."""
    by_sha = {a.sha256: a for a in [*library, *analyses]}
    jobs: dict[str, Job] = {}
    for a in analyses:
        p = pairings.get(a.sha256)
        if p is not None and (previous := by_sha.get(p.previous)) is not None:
            jobs[a.sha256] = (a, previous, p.paired_by)
    return jobs


def attach_pairings(analyses: Sequence[Analysis], pairings: Mapping[str, Pairing],
                    library: Sequence[Analysis] = (), pool: PoolFactory | None = None, beside: int = 0,
                    compared: Mapping[str, PreviousYear] | None = None) -> list[Analysis]:
    """``compared``: the comparisons, when they were made beforehand (``compare_chunk`` over ``pair_jobs``)."""
    jobs = pair_jobs(analyses, pairings, library)
    if compared is not None:
        done = compared
    else:
        executor = pool() if pool is not None and len(jobs) >= PARALLEL_MIN else None
        done = _compare_all(executor, list(jobs.values()), beside) if executor is not None else {}
    out: list[Analysis] = []
    for a in analyses:
        job = jobs.get(a.sha256)
        if job is None and a.previous_year is None and not any(f.kind in KINDS for f in a.findings):
            out.append(a)  # nothing to add or take away: the same object (no copy of 1000 analyses)
        elif job is None:
            out.append(attach(a, None))
        else:
            out.append(attach(a, job[1], job[2], done.get(a.sha256)))
    return with_next_years(out)


def _slim(a: Analysis) -> Analysis:
    """What ``compare`` reads of an analysis, to ship to a worker: its prose lines, parts, figures and
    plan (sections only to read a plan not read yet); not its checklist, findings or other lines."""
    return replace(a, checklist=(), findings=(), previous_year=None, sections=() if a.plan else a.sections,
                   lines=tuple(ln for ln in a.lines if ln.kind in PROSE))


def compare_chunk(jobs: Sequence[Job]) -> list[PreviousYear]:
    """Worker entry point (module level so spawned processes can import it)."""
    return [compare(a, previous, by) for a, previous, by in jobs]


def _compare_all(executor: Executor, jobs: list[Job], beside: int = 0
                 ) -> dict[str, PreviousYear]:
    """Every job's comparison, by this year's report; a chunk whose worker failed is compared here."""
    chunks = [jobs[i : i + CHUNK] for i in range(0, len(jobs), CHUNK)]
    if beside:
        from reviewer.pool import share_work

        slim = [[(_slim(a), _slim(p), by) for a, p, by in c] for c in chunks]
        return {a.sha256: py for i, results in share_work(executor, beside, compare_chunk, slim)
                for (a, _p, _by), py in zip(chunks[i], results, strict=True)}
    futures = [executor.submit(compare_chunk, [(_slim(a), _slim(p), by) for a, p, by in c]) for c in chunks]
    out: dict[str, PreviousYear] = {}
    for chunk, future in zip(chunks, futures, strict=True):
        try:
            results = future.result()
        except Exception:  # a worker died or the pool is shutting down: the comparison is cheap enough here
            results = compare_chunk(chunk)
        out.update({a.sha256: py for (a, _p, _by), py in zip(chunk, results, strict=True)})
    return out
