"""The open project: its reports' analyses and the store behind them; every change is written at once.

Widgets read analyses and decisions from here and call ``set_decision``/``set_verdict``;
nothing is buffered, so closing or crashing loses nothing. The session shows exactly the
project's reports: switching project replaces everything, and no report of one project is ever
added to another by switching.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reviewer.checklist import Checklist
from reviewer.model import Analysis, Decision, ItemDecision, ReportVerdict, Verdict
from reviewer.review import ReportReview, finished_count, review_status, summarize
from reviewer.review_store import ReviewStore


def report_label(a: Analysis) -> str:
    """``unit · year`` when known, the file name otherwise."""
    name = a.meta.issuer or Path(a.file).stem
    return f"{name} · {a.meta.report_year}" if a.meta.report_year else name


class Session(QObject):
    """The project's analyses (in project order) plus the store holding the reviewer's work.

    Two lists are kept: each report's own analysis (``base``, what the cache holds) and the same
    with the findings that compare reports across the whole project (what is shown).

    Signals:
        project_changed(): another project was opened; nothing of the previous one is shown.
        reports_changed(): the project's reports were replaced, added or removed.
        review_changed(sha256): a decision or verdict of one report was saved.
    """

    project_changed = Signal()
    reports_changed = Signal()
    review_changed = Signal(str)

    def __init__(self, store: ReviewStore, reviewer: str = "", parent: QObject | None = None,
                 checklist: Checklist | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.reviewer = reviewer
        self.checklist = checklist
        self._base: dict[str, Analysis] = {}
        self._analyses: dict[str, Analysis] = {}
        self._decisions: dict[str, dict[str, ItemDecision]] = {}
        # Cached so painting the tree does not query the store per row; writes update it.
        self._verdicts: dict[str, ReportVerdict | None] = {}
        self.changed_on_disk: set[str] = set()

    @property
    def store(self) -> ReviewStore:
        return self._store

    def set_store(self, store: ReviewStore) -> None:
        """Switch project: nothing of the previous one stays (its reports, decisions, marks)."""
        self._store.close()
        self._store = store
        self._base.clear()
        self._analyses.clear()
        self._decisions.clear()
        self._verdicts.clear()
        self.changed_on_disk = set()
        self.project_changed.emit()
        self.reports_changed.emit()

    def set_reports(self, base: Sequence[Analysis], shown: Sequence[Analysis]) -> None:
        """Replace the project's reports: ``base`` their own analyses, ``shown`` with project findings."""
        self._base = {a.sha256: a for a in base}
        self._analyses = {a.sha256: a for a in shown}
        self.changed_on_disk &= set(self._analyses)
        self.reports_changed.emit()

    def base(self) -> dict[str, Analysis]:
        """Each report's own analysis (a snapshot, safe to hand to a worker)."""
        return dict(self._base)

    def remove(self, shas: Iterable[str]) -> None:
        """Take reports out of the project (their history stays in the file)."""
        gone = [s for s in shas if s in self._analyses]
        self._store.remove_reports(gone, self.reviewer)
        for sha in gone:
            self._base.pop(sha, None)
            self._analyses.pop(sha, None)
        self.changed_on_disk -= set(gone)
        self.reports_changed.emit()

    def analyses(self) -> list[Analysis]:
        return list(self._analyses.values())

    def analysis(self, sha256: str) -> Analysis | None:
        return self._analyses.get(sha256)

    def decisions(self, sha256: str) -> dict[str, ItemDecision]:
        if sha256 not in self._decisions:
            self._decisions[sha256] = self._store.decisions(sha256)
        return self._decisions[sha256]

    def decision(self, sha256: str, item: str) -> ItemDecision | None:
        return self.decisions(sha256).get(item)

    def set_decision(self, sha256: str, item: str, decision: Decision, comment: str | None = None) -> ItemDecision:
        old = self.decision(sha256, item)
        text = comment if comment is not None else (old.comment if old else "")
        saved = self._store.set_decision(sha256, item, decision, text, self.reviewer)
        self.decisions(sha256)[item] = saved
        self.review_changed.emit(sha256)
        return saved

    def set_comment(self, sha256: str, item: str, comment: str) -> None:
        old = self.decision(sha256, item)
        if (old.comment if old is not None else "") == comment:
            return
        self.set_decision(sha256, item, old.decision if old else "未定", comment)

    def verdict(self, sha256: str) -> ReportVerdict | None:
        if sha256 not in self._verdicts:
            self._verdicts[sha256] = self._store.verdict(sha256)
        return self._verdicts[sha256]

    def set_verdict(self, sha256: str, verdict: Verdict, comment: str) -> None:
        old = self.verdict(sha256)
        if old is not None and (old.verdict, old.comment) == (verdict, comment):
            return
        if old is None and (verdict, comment) == ("未审", ""):
            return
        self._verdicts[sha256] = self._store.set_verdict(sha256, verdict, comment, self.reviewer)
        self.review_changed.emit(sha256)

    def review(self, sha256: str) -> ReportReview | None:
        """Every count about one report, by the core's review rules (the workbook uses the same)."""
        a = self._analyses.get(sha256)
        return summarize(a, self.decisions(sha256), self.verdict(sha256)) if a is not None else None

    def status(self, sha256: str) -> str:
        """A code of ``vocab.REVIEW_STATUS``: 未审 / 审阅中 / 通过 / 需修改."""
        return review_status(self.decisions(sha256), self.verdict(sha256))

    def progress(self, sha256: str) -> tuple[int, int]:
        """(items with a decision, items in the report's checklist)."""
        rv = self.review(sha256)
        return (rv.decided, rv.items) if rv is not None else (0, 0)

    def finished(self) -> tuple[int, int]:
        """(reports whose review is finished, reports): the status bar's count."""
        return finished_count(rv for sha in self._analyses if (rv := self.review(sha)) is not None)
