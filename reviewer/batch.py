"""Bring reports into a project and analyse a project's reports, reusing cached analyses.

A project keeps its reports' texts, so opening it needs no source file: each report is analysed
from its kept text, or taken from the cache when the analyser's code and data and the checklist
are unchanged (``analysis_version``). The cache holds each report's own analysis only; findings
that depend on the other reports (paragraphs shared between reports) are worked out over the
whole project every time its set of reports changes (``with_project_findings``), so they never
depend on the order in which reports were opened.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import BrokenExecutor, Executor
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from reviewer import __version__
from reviewer.checklist import Checklist
from reviewer.model import Analysis, Document, LoadError
from reviewer.paths import same_file
from reviewer.review_store import ReportRecord, ReviewStore
from reviewer.server_errors import RefusedError

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class AnalysisCache(Protocol):
    def cached_analysis(self, sha256: str, version: str) -> dict[str, Any] | None: ...

    def save_analysis(self, sha256: str, version: str, analysis: dict[str, Any]) -> None: ...

    def save_packed(self, sha256: str, version: str, blob: bytes) -> None: ...


@dataclass
class BatchResult:
    analyses: list[Analysis] = field(default_factory=list)  # each report's own analysis, in order
    errors: list[LoadError] = field(default_factory=list)
    cancelled: bool = False
    from_cache: int = 0
    added: list[str] = field(default_factory=list)  # content hashes brought into the project
    known: list[str] = field(default_factory=list)  # of those, the ones it held already (opened again)
    same_as: dict[str, str] = field(default_factory=dict)  # a file left out as a copy → the report it is
    replaced: list[str] = field(default_factory=list)  # of ``added``, new versions of reports the project held
    earlier: dict[str, str] = field(default_factory=dict)  # each of ``replaced`` → the version it replaced

    def absorb(self, later: BatchResult) -> None:
        """``later``'s reports and errors after this one's (the scans, read after the other files)."""
        self.analyses += later.analyses
        self.errors += later.errors
        self.added += later.added
        self.known += later.known
        self.replaced += later.replaced
        self.earlier.update(later.earlier)
        self.same_as.update(later.same_as)
        self.from_cache += later.from_cache
        self.cancelled = later.cancelled


@cache
def code_fingerprint() -> str:
    """Hash of the analyser's source and data files (the package version in a frozen build)."""
    from reviewer.resources import resources_dir

    here = Path(__file__).resolve().parent
    files = sorted(here.rglob("*.py"))
    try:
        files += sorted(p for p in resources_dir().rglob("*") if p.suffix in {".toml", ".txt", ".json"})
    except FileNotFoundError:
        pass
    if not files:
        return __version__
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.name.encode())
        digest.update(f.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def analysis_version(checklist: Checklist) -> str:
    return f"{code_fingerprint()}/{checklist.version}"


def analyse_documents(
    docs: Sequence[Document],
    checklist: Checklist,
    cache_store: AnalysisCache | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    workers: int | None = None,
    failures: list[LoadError] | None = None,
    pool: Executor | None = None,
    on_done: Callable[[list[Analysis]], None] | None = None,
) -> tuple[list[Analysis], int]:
    """Each document's own analysis (from the cache where possible), in order; and how many were cached.

    On cancellation the documents not analysed are left out; so is a document whose analysis
    failed, its error appended to ``failures``. ``pool``: a warm executor to analyse in;
    ``on_done`` receives the analyses group by group as they are ready (cached ones first), each
    already saved in the cache.
    """
    version = analysis_version(checklist)
    hits, misses = _cached(docs, cache_store, version)
    if on_done is not None and hits:
        on_done(list(hits.values()))
    from_cache = len(hits)
    if misses:  # the analyser's imports (cn2an alone takes 0.2 s) only when something is not cached
        from reviewer.analyze import analyze_many, pack_analysis

        packed: dict[str, bytes] | None = {} if cache_store is not None else None

        def group_done(group: list[Analysis]) -> None:
            for a in group:
                if cache_store is not None and packed is not None:
                    cache_store.save_packed(a.sha256, version, packed.pop(a.sha256, b"") or pack_analysis(a))
                hits[a.sha256] = a
            if on_done is not None:
                on_done(group)

        tick = (lambda d, t: progress(from_cache + d, len(docs))) if progress is not None else None
        analyze_many(misses, checklist, workers=workers, cancelled=cancelled, progress=tick, across=False,
                     failures=failures if failures is not None else [], pool=pool, on_done=group_done,
                     packed=packed)
    return [hits[d.sha256] for d in docs if d.sha256 in hits], from_cache


def _cached(docs: Sequence[Document], cache_store: AnalysisCache | None, version: str
            ) -> tuple[dict[str, Analysis], list[Document]]:
    from reviewer.serialize import SchemaMismatchError, from_json

    hits: dict[str, Analysis] = {}
    misses: list[Document] = []
    for d in docs:
        data = cache_store.cached_analysis(d.sha256, version) if cache_store is not None else None
        try:
            if data is not None:
                # OCR confidences come with the loaded document, as its text does.
                hits[d.sha256] = replace(from_json({**data, "file": d.path}, d.text), uncertain=d.uncertain)
                continue
        except (SchemaMismatchError, KeyError, TypeError, ValueError):
            pass  # a cache entry this version cannot read: analyse again
        misses.append(d)
    return hits, misses


def import_reports(
    paths: Sequence[str | Path],
    checklist: Checklist,
    store: ReviewStore | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    workers: int | None = None,
    pool: Executor | None = None,
    on_done: Callable[[list[Analysis]], None] | None = None,
    pages: Callable[[Path, int, int], None] | None = None,
    drafts: Callable[[Analysis, int, int], None] | None = None,
) -> BatchResult:
    """Load every report under ``paths``, analyse it, and keep it (text and all) in ``store``.

    ``pages(file, done, total)`` follows a file read page by page (a scan being recognised);
    ``drafts(analysis, done, total)`` receives the analysis of such a file's pages read so far,
    to be shown until the whole file is read (it is neither cached nor kept in the project).

    ``on_done`` receives each group of reports once they are analysed and kept in the project (the
    window shows the first ones while the rest are still being read).
    """
    bulk = getattr(store, "in_bulk", None)  # a project file takes the import in once, at its end
    with bulk() if bulk is not None else nullcontext():
        return _import(paths, checklist, store, progress, cancelled, workers, pool, on_done, pages, drafts)


def _import(paths: Sequence[str | Path], checklist: Checklist, store: ReviewStore | None,
            progress: Progress | None, cancelled: Cancelled | None, workers: int | None,
            pool: Executor | None, on_done: Callable[[list[Analysis]], None] | None,
            pages: Callable[[Path, int, int], None] | None,
            drafts: Callable[[Analysis, int, int], None] | None) -> BatchResult:
    from reviewer.load import load_many

    def half(offset: int) -> Progress | None:
        return (lambda d, t: progress(offset * t + d, 2 * t)) if progress is not None else None

    if store is not None:
        store.save_checklist(checklist)
    # Files that need OCR (seconds a page) are read after the others are in, never in front of them.
    docs, errors = load_many(paths, progress=half(0), cancelled=cancelled, ocr=False, one_each=False)
    later = [e.path for e in errors if e.kind == "needs_ocr"]
    result = _bring_in(docs, checklist, store, half(1), cancelled, workers, pool, on_done)
    result.errors = [*(e for e in errors if e.kind != "needs_ocr"), *result.errors]
    if later and not result.cancelled:
        later, read = _read_already(later, store)
        scans, scan_errors = load_many(later, cancelled=cancelled, pages=pages, one_each=False,
                                       drafts=_draft_analyses(checklist, pool, drafts, store is not None))
        result.errors += scan_errors
        result.absorb(_bring_in(read + scans, checklist, store, None, cancelled, workers, pool, on_done))
        result.cancelled = result.cancelled or bool(cancelled and cancelled())
    if store is not None:  # the record of the review lists what could not be read, however often it reopens
        from reviewer.failures import remember_failures

        walked = [str(p) for p in paths if Path(p).is_dir()]
        remember_failures(store, result.errors, [a.file for a in result.analyses], walked)
    return result


def _read_already(paths: list[str], store: ReviewStore | None) -> tuple[list[str], list[Document]]:
    """Scans the project holds already (by content), as it keeps them: recognised once, not again each
    time their folder is opened; and the paths still to be read."""
    if store is None or not paths:
        return paths, []
    kept = {r.sha256 for r in store.reports()}
    if not kept:
        return paths, []
    found: dict[str, str] = {}
    for path in paths:
        try:
            with open(path, "rb") as fh:
                digest = hashlib.file_digest(fh, "sha256").hexdigest()
        except OSError:
            continue  # read below, where the problem is said
        if digest in kept:
            found[digest] = path
    docs = [replace(d, path=found[d.sha256]) for d in store.documents(found)]
    taken = {d.path for d in docs}  # a report of an old project may hold no text: its scan is read again
    return [p for p in paths if p not in taken], docs


def _bring_in(docs: list[Document], checklist: Checklist, store: ReviewStore | None, progress: Progress | None,
              cancelled: Cancelled | None, workers: int | None, pool: Executor | None,
              on_done: Callable[[list[Analysis]], None] | None) -> BatchResult:
    """Loaded documents analysed and kept in ``store`` (see ``import_reports``)."""
    from reviewer.samereport import one_per_report

    if store is not None:  # a project remembers where each file was, whatever the working folder
        docs = [replace(d, path=os.path.abspath(d.path)) for d in docs]
    # A report sent as several files is brought in once, and one the project holds is not brought in again.
    records = {r.sha256: r for r in store.reports()} if store is not None and docs else {}
    one = one_per_report(docs, _held_alike(docs, store, records) if store is not None else [])
    docs, copies, copied = _not_copies(one.kept, records)
    failed: list[LoadError] = []
    analyses, from_cache = analyse_documents(docs, checklist, store, progress, cancelled, workers, failed, pool,
                                             on_done)
    result = BatchResult(analyses, [*one.said, *copies, *failed], from_cache=from_cache,
                         same_as={**one.same_as, **copied})
    if store is not None:  # in the order of the files, whatever order the workers finished in
        by_sha = {d.sha256: d for d in docs}
        for a in list(analyses):
            try:
                rec = store.add_report(by_sha[a.sha256], a.meta.issuer, a.meta.report_year, a.meta.level,
                                       _mtime(a.file))
            except RefusedError as exc:  # the lead removed it from the shared project: said, not "opened"
                analyses.remove(a)
                result.errors.append(LoadError(a.file, "removed", f"{Path(a.file).name}：{exc.summary}"))
                continue
            if rec.changed_from is not None and a.sha256 not in records:  # its file changed: a new version
                result.replaced.append(a.sha256)
                result.earlier[a.sha256] = rec.changed_from
    result.added = [a.sha256 for a in analyses]
    result.known = [sha for sha in result.added if sha in records]
    result.cancelled = bool(cancelled and cancelled()) or len(analyses) + len(failed) < len(docs)
    return result


def _held_alike(docs: Sequence[Document], store: ReviewStore, records: Mapping[str, ReportRecord]) -> list[Document]:
    """The project's reports a new file may be another copy of: those whose unit and year stand near
    the file's start (a plain search: reading each new file's outline and meta here would be the
    analysis done twice, at every import). Only their texts are read, never the whole project's;
    the comparison itself checks unit and year properly (``samereport``)."""
    fresh = [d for d in docs if d.sha256 not in records]
    if not records or not fresh:
        return []
    heads = ["".join(d.text[:_HEAD_CHARS].split()) for d in fresh]
    shas = [r.sha256 for r in records.values() if r.issuer and any(
        "".join(r.issuer.split()) in head and (r.year is None or str(r.year) in head) for head in heads)]
    return store.documents(shas) if shas else []


_HEAD_CHARS = 3000  # the title, the unit and the year stand in a report's first lines


def _not_copies(docs: list[Document], records: Mapping[str, ReportRecord]
                ) -> tuple[list[Document], list[LoadError], dict[str, str]]:
    """``docs`` without copies of the project's reports under another name while the project's file is still
    there: the project keeps the file the unit sent (a copy's name would reach the workbook and the letter).
    A report whose file moved is brought in at its new place. Also which report each copy is."""
    kept: list[Document] = []
    copies: list[LoadError] = []
    same_as: dict[str, str] = {}
    for d in docs:
        r = records.get(d.sha256)
        if r is not None and not same_file(r.path, d.path) and os.path.isfile(r.path):
            copies.append(LoadError(d.path, "duplicate", f"{Path(d.path).name}：与项目中已有的 {Path(r.path).name} "
                                                         "内容完全相同，未重复打开"))
            same_as[d.path] = r.sha256
        else:
            kept.append(d)
    return kept, copies, same_as


def _draft_analyses(checklist: Checklist, pool: Executor | None, drafts: Callable[[Analysis, int, int], None] | None,
                    absolute: bool) -> Callable[[Document, int, int], None] | None:
    """Each draft document analysed (in the pool when there is one: the analyser stays out of this
    process) and handed on; a draft that cannot be analysed is skipped, the whole file will say why."""
    if drafts is None:
        return None
    take = drafts

    def analyse(doc: Document, done: int, total: int) -> None:
        from reviewer.analyze import analyze_safely

        if absolute:
            doc = replace(doc, path=os.path.abspath(doc.path))
        try:
            outcome = pool.submit(analyze_safely, doc, checklist).result() if pool is not None else \
                analyze_safely(doc, checklist)
        except (RuntimeError, BrokenExecutor):  # the pool shut down (the window closing): no draft to show
            return
        if isinstance(outcome, Analysis):
            take(outcome, done, total)

    return analyse


def _mtime(path: str) -> float | None:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return None


def project_reports(
    store: ReviewStore,
    checklist: Checklist,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    workers: int | None = None,
    have: Mapping[str, Analysis] | None = None,
    pool: Executor | None = None,
    on_done: Callable[[list[Analysis]], None] | None = None,
    first: str = "",
) -> BatchResult:
    """Every report of the project, analysed from its kept text; ``have`` are analyses already in
    memory (made with the same checklist), reused as they are. ``pool`` and ``on_done`` as for
    ``analyse_documents``; report ``first`` (a sha256: the one the project was left on) is made and
    delivered before the others."""
    keep = {sha: a for sha, a in (have or {}).items() if a.checklist_version == checklist.version}
    records = store.reports()
    docs = sorted(store.documents(r.sha256 for r in records if r.sha256 not in keep), key=lambda d: d.sha256 != first)
    failed: list[LoadError] = []
    fresh, from_cache = analyse_documents(docs, checklist, store, progress, cancelled, workers, failed, pool,
                                          on_done)
    by_sha = {**keep, **{a.sha256: a for a in fresh}}
    result = BatchResult([by_sha[r.sha256] for r in records if r.sha256 in by_sha], from_cache=from_cache + len(keep))
    have_text = {d.sha256 for d in docs} | set(keep)
    result.cancelled = bool(cancelled and cancelled())
    if not result.cancelled:
        result.errors = failed + [_no_text(r) for r in records if r.sha256 not in have_text]
    return result


def _no_text(r: ReportRecord) -> LoadError:
    return LoadError(r.path, "no_text", f"{r.name or Path(r.path).name}：项目中没有保存这份报告的正文（旧版项目），"
                                        "请重新打开其源文件以保存到项目中")


def with_project_findings(analyses: Sequence[Analysis], library: Sequence[Analysis] = (),
                          corrections: Mapping[str, str] | None = None,
                          pool: Callable[[], Executor | None] | None = None) -> list[Analysis]:
    """The analyses with what depends on the whole set added: shared paragraphs, and each report
    beside last year's (found in the set or in ``library``; ``corrections`` are the reviewer's pairings;
    ``pool`` gives the analysis pool to compare many reports in)."""
    from reviewer.analyze import add_batch_duplicates
    from reviewer.lastyear import with_previous_years

    return with_previous_years(add_batch_duplicates(analyses), library, corrections, pool)


def changed_sources(records: Sequence[ReportRecord], cancelled: Cancelled | None = None) -> list[str]:
    """Reports whose source file is still where it was but holds other content now.

    A file of the same size and modification time is taken as unchanged; otherwise it is hashed.
    A file that is gone is not "changed": the project keeps the report's text.
    """
    out: list[str] = []
    for r in records:
        if cancelled is not None and cancelled():
            break
        try:
            st = os.stat(r.path)
            if st.st_size == r.size and r.mtime is not None and st.st_mtime == r.mtime:
                continue
            with open(r.path, "rb") as fh:
                digest = hashlib.file_digest(fh, "sha256").hexdigest()
        except OSError:
            continue
        if digest != r.sha256:
            out.append(r.sha256)
    return out
