"""Load and analyse report files in the background: the core callable and its GUI controller."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reviewer.model import Analysis, LoadError
from ui.tasks import Cancelled, Progress, Task


@dataclass
class LoadResult:
    analyses: list[Analysis] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)
    cancelled: bool = False


def load_and_analyze(
    paths: Sequence[str],
    checklist_path: str | None,
    progress: Progress,
    cancelled: Cancelled,
    cache: Path | None = None,
    workers: int | None = None,
) -> LoadResult:
    """Load every report under ``paths`` and analyse it; failures become ``LoadError``s.

    Runs on a worker thread; the analysis modules (jieba, tables) are imported here, so the
    window never waits for them. Big batches go to the core's process pool, and analyses
    cached in the project file ``cache`` are reused. The cache gets its own connection here:
    the GUI thread's connection stays the one writer of decisions.
    """
    from reviewer.batch import open_reports
    from reviewer.checklist import load_checklist
    from reviewer.store import StoreError, open_store

    checklist = load_checklist(checklist_path or None)
    try:
        store = open_store(cache) if cache is not None else None
    except StoreError:
        store = None  # the cache only saves time; analysing afresh is always correct
    try:
        batch = open_reports(list(paths), checklist, store=store, progress=progress, cancelled=cancelled,
                             workers=workers)
    finally:
        if store is not None:
            store.close()
    return LoadResult(analyses=batch.analyses, errors=batch.errors, cancelled=batch.cancelled)


class Loader(QObject):
    """Runs one load at a time.

    Signals:
        started(): a load began.
        progressed(done, total): files loaded and analysed so far (two steps per file).
        loaded(LoadResult): the load ended (possibly cancelled, with what it had).
        failed(message): the load itself crashed.
    """

    started = Signal()
    progressed = Signal(int, int)
    loaded = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._task: Task | None = None

    def busy(self) -> bool:
        return self._task is not None

    def load(self, paths: Sequence[str], checklist_path: str | None, cache: Path | None = None) -> bool:
        """Start loading; False when a load is already running. ``cache``: the project file."""
        if self._task is not None:
            return False

        def work(progress: Progress, cancelled: Cancelled) -> LoadResult:
            return load_and_analyze(paths, checklist_path, progress, cancelled, cache)

        task = Task(work, self)
        task.progressed.connect(self.progressed)
        task.finished.connect(self._finished)
        task.failed.connect(self._failed)
        self._task = task
        self.started.emit()
        task.start()
        return True

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _finished(self, result: object) -> None:
        self._done()
        self.loaded.emit(result)

    def _failed(self, message: str) -> None:
        self._done()
        self.failed.emit(message)

    def _done(self) -> None:
        if self._task is not None:
            self._task.deleteLater()
        self._task = None
