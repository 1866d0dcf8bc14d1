"""Load and analyse report files in the background: the core callable and its GUI controller."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from reviewer.model import Analysis, LoadError
from ui.tasks import Cancelled, Progress, Task


@dataclass
class LoadResult:
    analyses: list[Analysis] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)
    cancelled: bool = False


def load_and_analyze(
    paths: Sequence[str], checklist_path: str | None, progress: Progress, cancelled: Cancelled
) -> LoadResult:
    """Load every report under ``paths`` and analyse it; failures become ``LoadError``s.

    Runs on a worker thread; the analysis modules (jieba, tables) are imported here, so the
    window never waits for them.
    """
    from reviewer.analyze import analyze_document
    from reviewer.checklist import load_checklist
    from reviewer.load import load_many

    checklist = load_checklist(checklist_path or None)
    docs, errors = load_many(list(paths), progress=lambda d, t: progress(d, 2 * t), cancelled=cancelled)
    result = LoadResult(errors=list(errors))
    total = len(docs) + len(errors)
    for i, doc in enumerate(docs):
        if cancelled():
            result.cancelled = True
            break
        try:
            result.analyses.append(analyze_document(doc, checklist))
        except (ValueError, IndexError, KeyError, TypeError) as exc:  # an analyser bug must not lose the batch
            result.errors.append(LoadError(doc.path, "analysis", f"{doc.path}：分析失败（{exc}）"))
        progress(total + i + 1, 2 * total)
    result.cancelled = result.cancelled or cancelled()
    return result


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

    def load(self, paths: Sequence[str], checklist_path: str | None) -> bool:
        """Start loading; False when a load is already running."""
        if self._task is not None:
            return False
        task = Task(lambda progress, cancelled: load_and_analyze(paths, checklist_path, progress, cancelled), self)
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
