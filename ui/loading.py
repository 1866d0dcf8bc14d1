"""Open a project, bring reports into it, and rework project-wide findings, off the GUI thread.

The work functions here call the core (``reviewer.batch``) with a store connection of their own,
so the GUI thread's connection stays the one writer of decisions. ``Loader`` runs one job at a
time; a newer job (opening another project) replaces a running one, whose result is dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from reviewer.checklist import Checklist
from reviewer.model import Analysis, ItemDecision, LoadError, ReportVerdict
from reviewer.review_store import ReviewStore
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
    changed: list[str] = field(default_factory=list)  # reports whose source file now holds other content
    complete: bool = True  # False: the job only added reports, the project's others are as they were
    review: tuple[dict[str, dict[str, ItemDecision]], dict[str, ReportVerdict]] | None = None  # as read


def _whole_project(store: ReviewStore, checklist: Checklist, progress: Progress, cancelled: Cancelled,
                   have: Mapping[str, Analysis] | None) -> LoadResult:
    from reviewer.batch import changed_sources, project_reports, with_project_findings

    batch = project_reports(store, checklist, progress, cancelled, have=have)
    result = LoadResult(base=batch.analyses, errors=batch.errors, cancelled=batch.cancelled)
    if not batch.cancelled:
        result.analyses = with_project_findings(batch.analyses)
        result.changed = changed_sources(store.reports(), cancelled)
        result.review = (store.all_decisions(), store.all_verdicts())
    return result


def open_project_work(opener: StoreOpener, checklist: Checklist, have: Mapping[str, Analysis] | None = None
                      ) -> Callable[[Progress, Cancelled], LoadResult]:
    """Every report the project holds, analysed from its kept texts (cache first)."""

    def work(progress: Progress, cancelled: Cancelled) -> LoadResult:
        store, owned = opener()
        try:
            store.save_checklist(checklist)
            return _whole_project(store, checklist, progress, cancelled, have)
        finally:
            if owned:
                store.close()

    return work


def import_work(paths: Sequence[str], opener: StoreOpener, checklist: Checklist,
                have: Mapping[str, Analysis]) -> Callable[[Progress, Cancelled], LoadResult]:
    """Bring the reports under ``paths`` into the project, then rework the whole project's findings."""
    from reviewer.batch import import_reports

    def work(progress: Progress, cancelled: Cancelled) -> LoadResult:
        store, owned = opener()
        try:
            batch = import_reports(list(paths), checklist, store, progress, cancelled)
            if batch.cancelled:
                return LoadResult(errors=batch.errors, cancelled=True, added=batch.added, complete=False)
            known = {**have, **{a.sha256: a for a in batch.analyses}}
            result = _whole_project(store, checklist, lambda _d, _t: None, cancelled, known)
            result.errors = batch.errors + result.errors
            result.added = batch.added
            return result
        finally:
            if owned:
                store.close()

    return work


def regroup_work(base: Sequence[Analysis]) -> Callable[[Progress, Cancelled], LoadResult]:
    """The findings over the whole project again, after reports left it."""
    from reviewer.batch import with_project_findings

    def work(_progress: Progress, _cancelled: Cancelled) -> LoadResult:
        return LoadResult(base=list(base), analyses=with_project_findings(base))

    return work


class Loader(QObject):
    """Runs one job at a time.

    Signals:
        started(): a job began.
        progressed(done, total): reports loaded and analysed so far (two steps per report).
        loaded(LoadResult): the job ended (possibly cancelled, with what it had).
        failed(message): the job itself crashed.
    """

    started = Signal()
    progressed = Signal(int, int)
    loaded = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._task: Task | None = None
        self._generation = 0

    def busy(self) -> bool:
        return self._task is not None

    def run(self, work: Callable[[Progress, Cancelled], LoadResult], replace: bool = False) -> bool:
        """Start ``work``; False when another job runs and ``replace`` is not set (a replaced job is
        cancelled and its result dropped)."""
        if self._task is not None:
            if not replace:
                return False
            self._task.cancel()
        self._generation += 1
        generation = self._generation
        task = Task(work, self)
        task.progressed.connect(lambda d, t: self._progressed(generation, d, t))
        task.finished.connect(lambda r: self._finished(generation, r))
        task.failed.connect(lambda m: self._failed(generation, m))
        self._task = task
        self.started.emit()
        task.start()
        return True

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

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
