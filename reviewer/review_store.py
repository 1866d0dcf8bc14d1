"""The review store interface the UI, CLI and export talk to (SQLite today, a server later)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from reviewer.model import Decision, ItemDecision, ReportVerdict, Verdict


@dataclass(frozen=True, slots=True)
class ReportRecord:
    """A report known to the project, matched by content hash."""

    sha256: str
    path: str  # last known path
    issuer: str | None
    year: int | None
    level: str | None
    changed_from: str | None = None  # sha256 of the earlier content at the same path, if it changed


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    time: str
    reviewer: str
    report: str
    item: str | None  # None for verdict changes
    field: str  # "decision" | "comment" | "verdict" | "verdict_comment"
    old: str | None
    new: str | None


class ReviewStore(Protocol):
    """Every write is its own committed transaction; nothing is lost on a crash."""

    @property
    def journal_mode(self) -> str:
        """"wal" or "delete" (the fallback on network drives)."""

    def add_report(
        self, sha256: str, path: str, issuer: str | None, year: int | None, level: str | None
    ) -> ReportRecord:
        """Record a loaded report (by content hash); returns its record, noting changed content."""

    def reports(self) -> list[ReportRecord]: ...

    def cached_analysis(self, sha256: str, version: str) -> dict[str, Any] | None:
        """The cached ``serialize.to_json`` dict for this content and analyser/checklist version."""

    def save_analysis(self, sha256: str, version: str, analysis: dict[str, Any]) -> None: ...

    def set_decision(self, report: str, item: str, decision: Decision, comment: str, reviewer: str) -> ItemDecision: ...

    def decisions(self, report: str) -> dict[str, ItemDecision]:
        """Item id → latest decision for one report (including stale ones from older content)."""

    def all_decisions(self) -> dict[str, dict[str, ItemDecision]]: ...

    def set_verdict(self, report: str, verdict: Verdict, comment: str, reviewer: str) -> ReportVerdict: ...

    def verdict(self, report: str) -> ReportVerdict | None: ...

    def history(self, report: str | None = None) -> list[HistoryEntry]: ...

    def close(self) -> None: ...
