"""Open a project, bring reports into it, and rework project-wide findings, off the GUI thread.

The work functions here call the core (``reviewer.batch``) with a store connection of their own,
so the GUI thread's connection stays the one writer of decisions. ``Loader`` runs one job at a
time; a newer job (opening another project) replaces a running one, whose result is dropped.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reviewer.checklist import Checklist
from reviewer.library import LastYearInputs
from reviewer.model import Analysis, ItemDecision, LoadError, ReportVerdict
from reviewer.review_store import ReviewStore
from reviewer.store_schema import StoreError
from ui.tasks import Cancelled, Progress, Task

#: Gives the worker a store to use and says whether the worker must close it afterwards.
StoreOpener = Callable[[], tuple[ReviewStore, bool]]


@dataclass
class LoadResult:
    base: list[Analysis] = field(default_factory=list)  # each report's own analysis
    analyses: list[Analysis] = field(default_factory=list)  # with findings over the whole project
    errors: list[LoadError] = field(default_factory=list)
    cancelled: bool = False
    added: list[str] = field(default_factory=list)  # reports brought in by this job
    known: list[str] = field(default_factory=list)  # of those, the ones the project held already
    replaced: list[str] = field(default_factory=list)  # of those, new versions of reports it held
    earlier: dict[str, str] = field(default_factory=dict)  # each of ``replaced`` → the version it replaced
    failures: list[LoadError] | None = None  # the project's files that could not be read, as it keeps them
    changed: list[str] = field(default_factory=list)  # reports whose source file now holds other content
    complete: bool = True  # False: the job only added reports, the project's others are as they were
    review: tuple[dict[str, dict[str, ItemDecision]], dict[str, ReportVerdict]] | None = None  # as read
    lastyear: LastYearInputs | None = None  # last year's library, pairings and ticks, as read


@dataclass(frozen=True)
class ReportDraft:
    """A scan's analysis from the pages read so far (``done`` of ``total``), shown until it is all read."""

    analysis: Analysis
    done: int
    total: int


@dataclass(frozen=True)
class ReviewRead:
    """The project's decisions and verdicts, read before its reports so that none shows unreviewed."""

    decisions: dict[str, dict[str, ItemDecision]]
    verdicts: dict[str, ReportVerdict]


Deliver = Callable[["list[Analysis] | ReportDraft | ReviewRead"], None]
Work = Callable[[Progress, Cancelled], LoadResult]


@dataclass(frozen=True)
class JobContext:
    """What a loading job needs besides its own arguments."""

    opener: StoreOpener  # its own connection to the project
    checklist: Checklist
    pool: Callable[[], Executor | None]  # the window's warm analysis pool, made when first needed
    deliver: Deliver  # each group of reports as soon as it is analysed (to show the first at once)
    pages: Callable[[Path, int, int], None] = lambda _f, _d, _t: None  # a scan's pages as OCR reads them

    def draft(self, analysis: Analysis, done: int, total: int) -> None:
        self.deliver(ReportDraft(analysis, done, total))


def _whole_project(ctx: JobContext, store: ReviewStore, progress: Progress, cancelled: Cancelled,
                   have: Mapping[str, Analysis] | None, first: str = "") -> LoadResult:
    from reviewer.batch import changed_sources, project_reports, with_project_findings
    from reviewer.failures import kept_failures
    from reviewer.library import last_year_inputs

    ctx.deliver(ReviewRead(store.all_decisions(), store.all_verdicts()))
    pool = _pool_if_needed(ctx, store, have)
    batch = project_reports(store, ctx.checklist, progress, cancelled, have=have, pool=pool, on_done=ctx.deliver,
                            first=first)
    result = LoadResult(base=batch.analyses, errors=batch.errors, cancelled=batch.cancelled)
    if not batch.cancelled:
        last = last_year_inputs(store, ctx.checklist, frozenset(a.sha256 for a in batch.analyses), cancelled,
                                ctx.pool)
        result.analyses = with_project_findings(batch.analyses, last.library, last.corrections, ctx.pool)
        result.lastyear = last
        result.changed = changed_sources(store.reports(), cancelled)
        result.review = (store.all_decisions(), store.all_verdicts())
        result.failures = kept_failures(store)
    return result


def _pool_if_needed(ctx: JobContext, store: ReviewStore, have: Mapping[str, Analysis] | None) -> Executor | None:
    """The pool only when some report must be analysed: a cached reopen never starts one."""
    from reviewer.batch import analysis_version

    version = analysis_version(ctx.checklist)
    known = have or {}
    for r in store.reports():
        if r.sha256 not in known and store.cached_analysis(r.sha256, version) is None:
            return ctx.pool()
    return None


def open_project_work(ctx: JobContext, have: Mapping[str, Analysis] | None = None, first: str = "") -> Work:
    """Every report the project holds, analysed from its kept texts (cache first); ``first``, the
    report the project was left on, arrives before the others."""

    def work(progress: Progress, cancelled: Cancelled) -> LoadResult:
        store, owned = ctx.opener()
        try:
            try:
                store.save_checklist(ctx.checklist)
            except StoreError:
                pass  # which checklist was used is recorded at the next write; opening goes on
            return _whole_project(ctx, store, progress, cancelled, have, first)
        finally:
            if owned:
                store.close()

    return work


def import_work(paths: Sequence[str], ctx: JobContext, have: Mapping[str, Analysis]) -> Work:
    """Bring the reports under ``paths`` into the project, then rework the whole project's findings."""
    from reviewer.batch import import_reports

    def work(progress: Progress, cancelled: Cancelled) -> LoadResult:
        store, owned = ctx.opener()
        try:
            batch = import_reports(list(paths), ctx.checklist, store, progress, cancelled, pool=ctx.pool(),
                                   on_done=ctx.deliver, pages=ctx.pages, drafts=ctx.draft)
            if batch.cancelled:
                return LoadResult(errors=batch.errors, cancelled=True, added=batch.added, known=batch.known,
                                  replaced=batch.replaced, earlier=batch.earlier, complete=False)
            known = {**have, **{a.sha256: a for a in batch.analyses}}
            result = _whole_project(ctx, store, lambda _d, _t: None, cancelled, known)
            result.errors = batch.errors + result.errors
            result.added, result.known, result.replaced = batch.added, batch.known, batch.replaced
            result.earlier = batch.earlier
            return result
        finally:
            if owned:
                store.close()

    return work


def regroup_work(base: Sequence[Analysis], lastyear: LastYearInputs | None = None) -> Work:
    """The findings over the whole project again, after reports left it (``lastyear``: the library and
    pairings the window holds)."""
    from reviewer.batch import with_project_findings

    last = lastyear or LastYearInputs()

    def work(_progress: Progress, _cancelled: Cancelled) -> LoadResult:
        return LoadResult(base=list(base), analyses=with_project_findings(base, last.library, last.corrections),
                          lastyear=last)

    return work


class Loader(QObject):
    """Runs one job at a time.

    Signals:
        started(): a job began.
        progressed(done, total): reports loaded and analysed so far (two steps per report).
        loaded(LoadResult): the job ended (possibly cancelled, with what it had).
        failed(message): the job itself crashed.
        partial(list of Analysis): a group of reports is ready before the job ends.
        drafted(ReportDraft): a scan's pages read so far, analysed (the report as far as it goes).
        review_read(ReviewRead): the project's decisions and verdicts, before any of its reports.
        pages(file name, done, total): a scanned file is being read, page by page.
    """

    started = Signal()
    progressed = Signal(int, int)
    loaded = Signal(object)
    failed = Signal(str)
    partial = Signal(object)
    drafted = Signal(object)
    review_read = Signal(object)
    pages = Signal(str, int, int)
    _delivered = Signal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._task: Task | None = None
        self._generation = 0
        self._closed = False
        self._delivered.connect(self._on_delivered)

    def busy(self) -> bool:
        return self._task is not None

    def run(self, make_work: Callable[[Deliver], Work], replace: bool = False) -> bool:
        """Start the job ``make_work(deliver)`` makes; False when another job runs and ``replace`` is
        not set (a replaced job is cancelled and its result, and anything it delivers, dropped)."""
        if self._closed:  # the window went: nothing more starts on its closed project (a code review)
            return False
        if self._task is not None:
            if not replace:
                return False
            self._task.cancel()
        self._generation += 1
        generation = self._generation

        def deliver(analyses: list[Analysis] | ReportDraft | ReviewRead) -> None:  # worker thread: queued to the GUI
            try:
                self._delivered.emit(generation, analyses)
            except RuntimeError:
                pass  # the window went away

        task = Task(make_work(deliver), self)
        task.progressed.connect(lambda d, t: self._progressed(generation, d, t))
        task.finished.connect(lambda r: self._finished(generation, r))
        task.failed.connect(lambda m: self._failed(generation, m))
        # a replaced job's task goes when it ends, though its result is dropped (found by a code review:
        # each project switched during a load left one behind, with its job's closure)
        for ended in (task.finished, task.failed):
            ended.connect(lambda _r, t=task: t.deleteLater() if t is not self._task else None)
        self._task = task
        self.started.emit()
        task.start()
        return True

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def abandon(self) -> None:
        """Cancel the job and drop whatever it still delivers, its failure included: a window closing
        closes its project under the job, which then fails, and the failure came up as a dialog over
        a window no longer there (found by a test's teardown)."""
        if self._task is not None:
            self._task.cancel()
            self._task = None  # deleted when it ends (see ``run``)
        self._generation += 1
        self._closed = True

    def _on_delivered(self, generation: int, analyses: object) -> None:
        if generation != self._generation:
            return
        if isinstance(analyses, list):
            self.partial.emit(analyses)
        elif isinstance(analyses, ReportDraft):
            self.drafted.emit(analyses)
        elif isinstance(analyses, ReviewRead):
            self.review_read.emit(analyses)

    def _progressed(self, generation: int, done: int, total: int) -> None:
        if generation == self._generation:
            self.progressed.emit(done, total)

    def _finished(self, generation: int, result: object) -> None:
        if generation == self._generation:
            self._done()
            self.loaded.emit(result)

    def _failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self._done()
            self.failed.emit(message)

    def _done(self) -> None:
        if self._task is not None:
            self._task.deleteLater()
        self._task = None


class WarmPool:
    """The window's analysis pool: made when a job first needs it, kept for every later job."""

    def __init__(self) -> None:
        self._pool: Executor | None = None
        self._lock = threading.Lock()

    def get(self) -> Executor:
        with self._lock:  # asked from worker threads
            if self._pool is None:
                from reviewer.pool import warm_pool

                self._pool = warm_pool()
            return self._pool

    def warm(self) -> None:
        """Start the workers now (they load the analyser and dictionary in their own processes)."""
        self.get()

    def shutdown(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None
