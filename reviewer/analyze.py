"""The pipeline: Document → Analysis (outline → meta → parts → metrics → findings → checklist).

``analyze_many`` runs the per-report pipeline in this process and, for a large batch, beside it in
forked copies of this process where that is safe (``reviewer.forkmap``), else in a process pool
(``reviewer.pool.share_work``), in chunks, then (unless ``across=False``) adds the batch's
cross-report duplicates: each report's ``findings`` gains one ``duplicate_across_reports`` finding
per paragraph it shares with other reports of the batch, the message naming the other files; and a
report whose unit's report of the year before is in the batch is compared with it
(``previous_year``, :mod:`reviewer.lastyear`). The checklist is not re-evaluated for those (the
checklist judges a report on its own; copying between units is shown as information).
A project caches each report's own analysis (``across=False``) and adds these over all its reports.
"""

from __future__ import annotations

import logging
import pickle
import traceback
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from reviewer import checklist as checklist_mod
from reviewer.findings import batch_duplicates, find_findings, uncertain_figures
from reviewer.forkmap import can_fork, forked_map
from reviewer.meta import extract_meta
from reviewer.metrics import extract_metrics
from reviewer.model import Analysis, Document, Finding, LoadError
from reviewer.outline import build_outline
from reviewer.pairing import unit_key
from reviewer.parts import find_parts
from reviewer.plan import plan_entries
from reviewer.pool import batch_pool, batch_workers, fork_workers, share_work

log = logging.getLogger(__name__)
CHUNK = 8  # reports per task: amortises pickling without starving workers at the end


def analyze_document(doc: Document, checklist: checklist_mod.Checklist | None = None) -> Analysis:
    cl = checklist if checklist is not None else checklist_mod.load_checklist()
    text = doc.text
    outline = build_outline(text, doc)
    meta = extract_meta(text, outline)
    parts = find_parts(text, outline, meta)
    metrics = extract_metrics(text, outline)
    findings = outline.findings + meta.findings + find_findings(text, outline, meta, parts, metrics, doc.encoding)
    findings += tuple(uncertain_figures(metrics, doc.uncertain))
    results = checklist_mod.evaluate(cl, text, outline, meta, parts, metrics, findings)
    plan = plan_entries(text, outline.sections, parts["next_year"])  # what next year's report is held to
    return Analysis(
        file=doc.path,
        sha256=doc.sha256,
        encoding=doc.encoding,
        format=doc.format,
        meta=meta,
        sections=outline.sections,
        lines=outline.lines,
        parts=parts,
        metrics=metrics,
        checklist=results,
        findings=tuple(sorted(findings, key=lambda f: (f.start, f.end, f.kind))),
        text=text,
        checklist_name=cl.name,
        checklist_version=cl.version,
        uncertain=doc.uncertain,
        plan=plan,
    )


Outcome = Analysis | LoadError


def analyze_safely(doc: Document, checklist: checklist_mod.Checklist) -> Outcome:
    """The analysis, or the report's error when anything goes wrong inside (the batch goes on)."""
    try:
        return analyze_document(doc, checklist)
    except Exception as exc:  # the per-report boundary: one hostile text must never stop a batch
        log.error("analysing %s failed:\n%s", doc.path, traceback.format_exc())
        name = Path(doc.path).name
        return LoadError(doc.path, "analysis_failed",
                         f"{name}：分析这份报告时出错（{type(exc).__name__}: {exc}），已跳过；其余报告照常处理")


# An outcome, and (when the caller keeps a cache) the analysis packed as the cache stores it: packed
# in the worker, so that the caller's process, often a window's, only writes the bytes.
Made = tuple[Outcome, bytes | None]


def pack_analysis(a: Analysis) -> bytes:
    """The analysis as a project caches it (``save_packed``)."""
    from reviewer.packing import pack_json
    from reviewer.serialize import to_json

    return pack_json(to_json(a))


def _analyze_chunk(docs: list[Document], checklist: checklist_mod.Checklist, pack: bool = False) -> list[Made]:
    """Worker entry point (module level so spawned processes can import it)."""
    out: list[Made] = []
    for d in docs:
        o = analyze_safely(d, checklist)
        out.append((o, pack_analysis(o) if pack and isinstance(o, Analysis) else None))
    return out


def _analyze_chunk_pickled(docs: list[Document], checklist: checklist_mod.Checklist, pack: bool) -> list[bytes]:
    """``_analyze_chunk``, each outcome pickled on its own: the caller unpickles them one at a time.

    A chunk's results unpickled in one call hold the caller's GIL for ~10 ms; in a window, whose
    GUI thread waits for the GIL to paint, that was a stall."""
    return [pickle.dumps(m, pickle.HIGHEST_PROTOCOL) for m in _analyze_chunk(docs, checklist, pack)]


def _analyze_job(job: tuple[list[Document], checklist_mod.Checklist, bool]) -> list[Made]:
    return _analyze_chunk(*job)


def _outcomes(made: list[Made], packed: dict[str, bytes] | None) -> list[Outcome]:
    if packed is not None:
        packed.update((o.sha256, blob) for o, blob in made if isinstance(o, Analysis) and blob is not None)
    return [o for o, _ in made]


def add_batch_duplicates(analyses: Sequence[Analysis]) -> list[Analysis]:
    """The analyses with ``duplicate_across_reports`` findings added (see module docstring)."""
    return _with_duplicates(analyses, _duplicates(analyses))


def _duplicates(analyses: Sequence[Analysis]) -> list[list[Finding]]:
    return batch_duplicates([(a.file, a.text, a.lines, unit_key(a.meta.issuer), a.meta.report_year)
                             for a in analyses])


def _with_duplicates(analyses: Sequence[Analysis], extra: Sequence[Sequence[Finding]]) -> list[Analysis]:
    out: list[Analysis] = []
    for a, fs in zip(analyses, extra, strict=True):
        if fs:
            merged = tuple(sorted(a.findings + tuple(fs), key=lambda f: (f.start, f.end, f.kind)))
            a = replace(a, findings=merged)
        out.append(a)
    return out


def analyze_many(
    docs: Sequence[Document],
    checklist: checklist_mod.Checklist | None = None,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    across: bool = True,
    failures: list[LoadError] | None = None,
    pool: Executor | None = None,
    on_done: Callable[[list[Analysis]], None] | None = None,
    packed: dict[str, bytes] | None = None,
) -> list[Analysis]:
    """Analyse a batch; results in input order. On cancellation, returns those finished so far
    (still in input order, without the ones not done). ``workers=1`` runs in this process.
    ``across=False`` leaves out the findings that compare reports with each other.

    ``pool``: a long-lived executor to use (a window keeps a warm one, so that the analyser never
    runs in its own process); ``on_done`` is called with each group of analyses as it finishes,
    the first groups small, so that a caller can show the first reports at once.

    A report whose analysis fails is left out and its error appended to ``failures``; without a
    ``failures`` list such an error is raised (as ``AnalysisError``) after the batch.

    ``packed``: filled with each analysis packed for a project's cache (sha256 → bytes), before
    ``on_done`` hears of it.
    """
    cl = checklist if checklist is not None else checklist_mod.load_checklist()
    run = _Run(cl, progress, cancelled, on_done, packed)
    if pool is not None:
        return _finish(_run_pool(docs, run, pool), failures, across, pool)
    fork = can_fork()
    extra = fork_workers(len(docs), workers) if fork else batch_workers(len(docs), workers)
    if not extra:
        return _finish(_run_inline(docs, run), failures, across, None)
    if fork:  # copies of this process, which hold the documents already
        return _finish(_run_forked(docs, run, extra), failures, across, None, forks=extra)
    # The batch's own pool, this process working beside it: for the analyses, then for comparing
    # with last year's.
    with batch_pool(extra) as own:
        return _finish(_run_shared(docs, run, own, extra), failures, across, own, beside=extra)


@dataclass(frozen=True)
class _Run:
    """What every way of running a batch is given besides the documents."""

    cl: checklist_mod.Checklist
    progress: Callable[[int, int], None] | None
    cancelled: Callable[[], bool] | None
    on_done: Callable[[list[Analysis]], None] | None
    packed: dict[str, bytes] | None

    def stopped(self) -> bool:
        return self.cancelled is not None and self.cancelled()

    def done(self, made: list[Made], finished: int, total: int) -> list[Outcome]:
        """A group finished: packed kept, the caller told, progress moved on."""
        outcomes = _outcomes(made, self.packed)
        if self.on_done is not None:
            self.on_done([o for o in outcomes if isinstance(o, Analysis)])
        if self.progress is not None:
            self.progress(finished, total)
        return outcomes


def _finish(outcomes: list[Outcome], failures: list[LoadError] | None, across: bool,
            pool: Executor | None, beside: int = 0, forks: int = 0) -> list[Analysis]:
    done = [o for o in outcomes if isinstance(o, Analysis)]
    errors = [o for o in outcomes if isinstance(o, LoadError)]
    if errors and failures is None:
        raise AnalysisError(errors[0].message)
    if failures is not None:
        failures.extend(errors)
    if not across:
        return done
    if forks:
        return _across_forked(done, forks)
    from reviewer.lastyear import with_previous_years  # a report of the batch beside last year's

    return with_previous_years(add_batch_duplicates(done), pool=(lambda: pool) if pool is not None else None,
                               beside=beside)


def _across_forked(done: Sequence[Analysis], forks: int) -> list[Analysis]:
    """What ``_finish`` adds across reports, by this process and ``forks`` forked copies of it: the
    batch's duplicates as one task (first: the longest) and the comparisons with last year's in chunks."""
    from reviewer.lastyear import attach_pairings, compare_chunk, pair_jobs
    from reviewer.pairing import pair_reports

    pairings = pair_reports(done, done)
    jobs = list(pair_jobs(done, pairings).values())
    chunks = [jobs[i : i + CHUNK] for i in range(0, len(jobs), CHUNK)]

    def task(i: int) -> list[Any]:
        return _duplicates(done) if i == 0 else compare_chunk(chunks[i - 1])

    results = dict(forked_map(task, 1 + len(chunks), forks))
    compared = {a.sha256: py for i, chunk in enumerate(chunks) for (a, _p, _by), py in zip(chunk, results[i + 1],
                                                                                              strict=True)}
    return attach_pairings(_with_duplicates(done, results[0]), pairings, compared=compared)


class AnalysisError(RuntimeError):
    """A report could not be analysed and the caller asked for no list of failures."""


def _run_inline(docs: Sequence[Document], run: _Run) -> list[Outcome]:
    out: list[Outcome] = []
    for i, d in enumerate(docs):
        if run.stopped():
            break
        out += run.done(_analyze_chunk([d], run.cl, run.packed is not None), i + 1, len(docs))
    return out


def chunks(n: int, first_small: bool) -> list[tuple[int, int]]:
    """``[start, end)`` groups of reports for the workers: ``CHUNK`` each, or growing 1, 1, 2, 4, …
    first so that the first reports come back as soon as possible."""
    out: list[tuple[int, int]] = []
    start, size = 0, (1 if first_small else CHUNK)
    while start < n:
        out.append((start, min(n, start + size)))
        start += size
        if first_small and len(out) > 1:
            size = min(size * 2, CHUNK)
    return out


def _run_pool(docs: Sequence[Document], run: _Run, pool: Executor) -> list[Outcome]:
    n = len(docs)
    pack = run.packed is not None
    results: dict[int, list[Outcome]] = {}
    finished = 0
    pending: dict[Future[list[bytes]], tuple[int, int]] = {
        pool.submit(_analyze_chunk_pickled, list(docs[a:b]), run.cl, pack): (a, b)
        for a, b in chunks(n, run.on_done is not None)
    }
    while pending:
        done, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
        if run.stopped():
            for f in pending:
                f.cancel()
            break
        for f in done:
            a, b = pending.pop(f)
            try:
                made = [pickle.loads(m) for m in f.result()]
            except Exception:  # a worker died (out of memory, killed): do its reports here
                made = _analyze_chunk(list(docs[a:b]), run.cl, pack)
            finished += len(made)
            results[a] = run.done(made, finished, n)
    return [a for start in sorted(results) for a in results[start]]


def _run_shared(docs: Sequence[Document], run: _Run, pool: Executor, workers: int) -> list[Outcome]:
    """The batch in chunks, ``workers`` of them at a time in ``pool`` and the others here."""
    jobs = [(list(docs[a:b]), run.cl, run.packed is not None) for a, b in chunks(len(docs), run.on_done is not None)]
    return _gather(share_work(pool, workers, _analyze_job, jobs, run.cancelled), run, len(docs))


def _run_forked(docs: Sequence[Document], run: _Run, workers: int) -> list[Outcome]:
    """The batch in chunks, shared between this process and ``workers`` forked copies of it."""
    bounds = chunks(len(docs), run.on_done is not None)
    pack = run.packed is not None

    def one(i: int) -> list[Made]:
        return _analyze_chunk(list(docs[bounds[i][0] : bounds[i][1]]), run.cl, pack)

    return _gather(forked_map(one, len(bounds), workers, run.cancelled), run, len(docs))


def _gather(done: Iterable[tuple[int, list[Made]]], run: _Run, total: int) -> list[Outcome]:
    """Chunks' outcomes as they come, told to ``run``; in input order at the end."""
    results: dict[int, list[Outcome]] = {}
    finished = 0
    for i, made in done:
        finished += len(made)
        results[i] = run.done(made, finished, total)
    return [a for i in sorted(results) for a in results[i]]
