"""The open reports and the project store behind them; every change is written at once.

Widgets read analyses and decisions from here and call ``set_decision``/``set_verdict``;
nothing is buffered, so closing or crashing loses nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reviewer.model import Analysis, Decision, ItemDecision, ReportVerdict, Verdict
from reviewer.review import ReportReview, finished_count, review_status, summarize
from reviewer.review_store import ReviewStore


def report_label(a: Analysis) -> str:
    """``unit · year`` when known, the file name otherwise."""
    name = a.meta.issuer or Path(a.file).stem
    return f"{name} · {a.meta.report_year}" if a.meta.report_year else name


class Session(QObject):
    """Loaded analyses (in load order) plus the store holding the reviewer's work.

    Signals:
        reports_changed(): reports were added, replaced or the project changed.
        review_changed(sha256): a decision or verdict of one report was saved.
    """

    reports_changed = Signal()
    review_changed = Signal(str)

    def __init__(self, store: ReviewStore, reviewer: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.reviewer = reviewer
        self._analyses: dict[str, Analysis] = {}
        self._decisions: dict[str, dict[str, ItemDecision]] = {}
        # Cached so painting the tree does not query the store per row; writes update it.
        self._verdicts: dict[str, ReportVerdict | None] = {}

    @property
    def store(self) -> ReviewStore:
        return self._store

    def set_store(self, store: ReviewStore) -> None:
        """Switch project: the reports stay open, their reviews come from the new store."""
        self._store.close()
        self._store = store
        self._decisions.clear()
        self._verdicts.clear()
        for a in self._analyses.values():
            store.add_report(a.sha256, a.file, a.meta.issuer, a.meta.report_year, a.meta.level)
        self.reports_changed.emit()

    def analyses(self) -> list[Analysis]:
        return list(self._analyses.values())

    def analysis(self, sha256: str) -> Analysis | None:
        return self._analyses.get(sha256)

    def add(self, analyses: list[Analysis]) -> None:
        for a in analyses:
            self._analyses[a.sha256] = a
            self._store.add_report(a.sha256, a.file, a.meta.issuer, a.meta.report_year, a.meta.level)
        self.reports_changed.emit()

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
