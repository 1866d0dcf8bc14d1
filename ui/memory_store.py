"""An in-memory ``ReviewStore``: used when no project file can be opened, and in tests."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from reviewer.model import Decision, ItemDecision, ReportVerdict, Verdict
from reviewer.review_store import HistoryEntry, ReportRecord


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


class MemoryReviewStore:
    """Implements ``reviewer.review_store.ReviewStore``; nothing survives ``close()``."""

    def __init__(self) -> None:
        self._reports: dict[str, ReportRecord] = {}
        self._cache: dict[tuple[str, str], dict[str, Any]] = {}
        self._decisions: dict[str, dict[str, ItemDecision]] = {}
        self._verdicts: dict[str, ReportVerdict] = {}
        self._history: list[HistoryEntry] = []

    @property
    def journal_mode(self) -> str:
        return "memory"

    def add_report(self, sha256: str, path: str, unit: str | None, year: int | None, level: str | None) -> ReportRecord:
        rec = ReportRecord(sha256, path, unit, year, level)
        self._reports[sha256] = rec
        return rec

    def reports(self) -> list[ReportRecord]:
        return list(self._reports.values())

    def cached_analysis(self, sha256: str, version: str) -> dict[str, Any] | None:
        return self._cache.get((sha256, version))

    def save_analysis(self, sha256: str, version: str, analysis: dict[str, Any]) -> None:
        self._cache[(sha256, version)] = analysis

    def set_decision(self, report: str, item: str, decision: Decision, comment: str, reviewer: str) -> ItemDecision:
        old = self._decisions.get(report, {}).get(item)
        dec = ItemDecision(report, item, decision, comment, reviewer, _now())
        self._decisions.setdefault(report, {})[item] = dec
        self._history.append(
            HistoryEntry(dec.time, reviewer, report, item, "decision", old.decision if old else None, decision)
        )
        return dec

    def decisions(self, report: str) -> dict[str, ItemDecision]:
        return dict(self._decisions.get(report, {}))

    def all_decisions(self) -> dict[str, dict[str, ItemDecision]]:
        return {k: dict(v) for k, v in self._decisions.items()}

    def set_verdict(self, report: str, verdict: Verdict, comment: str, reviewer: str) -> ReportVerdict:
        old = self._verdicts.get(report)
        v = ReportVerdict(report, verdict, comment, reviewer, _now())
        self._verdicts[report] = v
        old_verdict = old.verdict if old else None
        self._history.append(HistoryEntry(v.time, reviewer, report, None, "verdict", old_verdict, verdict))
        return v

    def verdict(self, report: str) -> ReportVerdict | None:
        return self._verdicts.get(report)

    def history(self, report: str | None = None) -> list[HistoryEntry]:
        return [h for h in self._history if report is None or h.report == report]

    def close(self) -> None:
        pass
