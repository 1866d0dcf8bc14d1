"""The pipeline: Document → Analysis (outline → meta → parts → metrics → findings → checklist).

``analyze_many`` runs the per-report pipeline in a spawn-safe process pool, in chunks, then adds
the batch's cross-report duplicates: each report's ``findings`` gains one
``duplicate_across_reports`` finding per paragraph it shares with other reports of the batch, the
message naming the other files. The checklist is not re-evaluated for those (the checklist judges
a report on its own; copying between units is shown as information).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import replace
from multiprocessing import get_context

from reviewer import checklist as checklist_mod
from reviewer.findings import batch_duplicates, find_findings
from reviewer.meta import extract_meta
from reviewer.metrics import extract_metrics
from reviewer.model import Analysis, Document
from reviewer.outline import build_outline
from reviewer.parts import find_parts

CHUNK = 8  # reports per task: amortises pickling without starving workers at the end
_INLINE_BELOW = 16  # smaller batches are faster in-process than paying for spawning workers


def analyze_document(doc: Document, checklist: checklist_mod.Checklist | None = None) -> Analysis:
    cl = checklist if checklist is not None else checklist_mod.load_checklist()
    text = doc.text
    outline = build_outline(text, doc)
    meta = extract_meta(text, outline)
    parts = find_parts(text, outline, meta)
    metrics = extract_metrics(text, outline)
    findings = outline.findings + meta.findings + find_findings(text, outline, meta, parts, metrics)
    results = checklist_mod.evaluate(cl, text, outline, meta, parts, metrics, findings)
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
        uncertain=doc.uncertain,
    )


def _analyze_chunk(docs: list[Document], checklist: checklist_mod.Checklist) -> list[Analysis]:
    """Worker entry point (module level so spawned processes can import it)."""
    return [analyze_document(d, checklist) for d in docs]


def add_batch_duplicates(analyses: Sequence[Analysis]) -> list[Analysis]:
    """The analyses with ``duplicate_across_reports`` findings added (see module docstring)."""
    extra = batch_duplicates([(a.file, a.text, a.lines) for a in analyses])
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
) -> list[Analysis]:
    """Analyse a batch; results in input order. On cancellation, returns those finished so far
    (still in input order, without the ones not done). ``workers=1`` runs in this process.
    """
    cl = checklist if checklist is not None else checklist_mod.load_checklist()
    n = len(docs)
    workers = workers if workers is not None else min(os.cpu_count() or 1, 8)
    if workers <= 1 or n < _INLINE_BELOW:
        done_list: list[Analysis] = []
        for i, d in enumerate(docs):
            if cancelled is not None and cancelled():
                break
            done_list.append(analyze_document(d, cl))
            if progress is not None:
                progress(i + 1, n)
        return add_batch_duplicates(done_list)
    return add_batch_duplicates(_run_pool(docs, cl, workers, progress, cancelled))


def _run_pool(
    docs: Sequence[Document],
    cl: checklist_mod.Checklist,
    workers: int,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> list[Analysis]:
    n = len(docs)
    results: dict[int, list[Analysis]] = {}
    finished = 0
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
        pending: dict[Future[list[Analysis]], int] = {
            pool.submit(_analyze_chunk, list(docs[i : i + CHUNK]), cl): i for i in range(0, n, CHUNK)
        }
        while pending:
            done, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            if cancelled is not None and cancelled():
                for f in pending:
                    f.cancel()
                break
            for f in done:
                start = pending.pop(f)
                results[start] = f.result()
                finished += len(results[start])
                if progress is not None:
                    progress(finished, n)
    return [a for start in sorted(results) for a in results[start]]
