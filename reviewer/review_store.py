"""The review store interface the UI, CLI and export talk to (a project file today, a server later).

A project is the one record of a review: it holds its reports' texts, the analyses cached for
them, the checklists used, and every decision and verdict with its history. Opening a project
shows exactly its reports, wherever their source files are now.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from reviewer.checklist import Checklist
from reviewer.model import Decision, Document, ItemDecision, ReportVerdict, Verdict
from reviewer.store_lastyear import PairingFix, PromiseTick

if TYPE_CHECKING:
    from reviewer.project_copy import ProjectDump


@dataclass(frozen=True, slots=True)
class ReportRecord:
    """A report of the project, known by its content hash."""

    sha256: str
    path: str  # where its source file was when it was last imported
    issuer: str | None
    year: int | None
    level: str | None
    changed_from: str | None = None  # sha256 of the earlier content at the same path, if it changed
    name: str = ""  # the source file's name
    format: str = ""
    size: int = 0  # bytes of the source file
    mtime: float | None = None  # the source file's modification time when imported


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    time: str
    reviewer: str
    report: str
    item: str | None  # None for verdict changes and for the report itself
    # "decision" | "comment" | "verdict" | "verdict_comment" | "removed" | "imported" | "pairing" | "promise"
    field: str
    old: str | None
    new: str | None


def in_first_places(active: Sequence[ReportRecord], lineage: Sequence[tuple[str, str | None]]) -> list[ReportRecord]:
    """``active`` in the order their first versions came in: a report read again after its file changed
    keeps its place in the list (it used to jump to the end). ``lineage``: every report the project
    ever held, removed ones too, as (sha256, changed_from) in the order they came in."""
    place = {sha: i for i, (sha, _) in enumerate(lineage)}
    earlier = dict(lineage)

    def first(sha: str) -> int:
        seen = {sha}
        while (prev := earlier.get(sha)) is not None and prev in place and prev not in seen:
            seen.add(prev)
            sha = prev
        return place.get(sha, len(place))

    return sorted(active, key=lambda r: first(r.sha256))


class ReviewStore(Protocol):
    """Every write is its own committed transaction; nothing is lost on a crash."""

    @property
    def journal_mode(self) -> str:
        """"wal", "delete" (the fallback on network drives) or "memory"."""

    @property
    def location(self) -> str:
        """Where the project lives (a file path or a server URL without its password), for display."""

    def add_report(
        self, doc: Document, issuer: str | None, year: int | None, level: str | None, mtime: float | None = None
    ) -> ReportRecord:
        """Keep a report (its text too) in the project; new content at a known path replaces the old
        report there, carrying its decisions over marked stale."""

    def reports(self) -> list[ReportRecord]:
        """The project's reports in the order they were added (removed ones left out)."""

    def documents(self, shas: Iterable[str] | None = None) -> list[Document]:
        """The kept texts of the project's reports (all of them, or those named), in project order."""

    def remove_reports(self, shas: Iterable[str], reviewer: str) -> None:
        """Take reports out of the project; their decisions and history stay in the file."""

    def cached_analysis(self, sha256: str, version: str) -> dict[str, Any] | None:
        """The cached ``serialize.to_json`` dict for this content and analyser/checklist version."""

    def cached_analyses(self, version: str) -> dict[str, dict[str, Any]]: ...

    def save_analysis(self, sha256: str, version: str, analysis: dict[str, Any]) -> None: ...

    def save_packed(self, sha256: str, version: str, blob: bytes) -> None:
        """``save_analysis`` of an analysis already packed (``packing.pack_json``), e.g. by its worker."""

    def save_checklist(self, checklist: Checklist) -> None:
        """Keep the checklist the project's analyses were made with (the export names and uses it)."""

    def checklist(self) -> Checklist | None:
        """The checklist last saved, or None."""

    def set_decision(self, report: str, item: str, decision: Decision, comment: str, reviewer: str,
                     at: str | None = None) -> ItemDecision:
        """Record a decision made at ``at`` (ISO 8601; now when None) with its history."""

    def decisions(self, report: str) -> dict[str, ItemDecision]:
        """Item id → latest decision for one report (including stale ones from older content)."""

    def all_decisions(self) -> dict[str, dict[str, ItemDecision]]: ...

    def set_verdict(self, report: str, verdict: Verdict, comment: str, reviewer: str,
                    at: str | None = None) -> ReportVerdict: ...

    def verdict(self, report: str) -> ReportVerdict | None: ...

    def all_verdicts(self) -> dict[str, ReportVerdict]: ...

    def history(self, report: str | None = None) -> list[HistoryEntry]: ...

    def dump(self) -> ProjectDump:
        """Everything the project holds, for ``project_copy``."""

    def restore(self, dump: ProjectDump) -> None:
        """Write a whole copied project into this (empty) one, in one transaction."""
    # last year's reports (reviewer.store_lastyear) ------------------------------------------
    def setting(self, key: str) -> str | None:
        """A setting of the project (e.g. the reference library of last year's reports), None when unset."""

    def set_setting(self, key: str, value: str | None) -> None: ...

    def checkpoint(self) -> None:
        """Copy what was written into the project file itself (a WAL's frames): done when the window's
        changes are all written, so that a copy of the .review file alone, taken while the project is
        open (to a USB stick, for a colleague), holds the review as it stands. Nothing to do for a
        store that keeps no such journal."""

    def update_setting(self, key: str, change: Callable[[str | None], str | None]) -> None:
        """Set ``key`` to ``change(its value now)`` with nobody writing it between the reading and the
        writing: two reviewers adding to one list (a team's server) each keep the other's entries."""

    def pairing_fixes(self) -> dict[str, PairingFix]:
        """The reviewer's pairings with last year's reports, by this year's report."""

    def set_pairing(self, report: str, previous: str | None, reviewer: str, at: str | None = None) -> None:
        """Pair a report with last year's ``previous`` ("" for none); None: back to the automatic pairing."""

    def promise_ticks(self) -> dict[tuple[str, str], PromiseTick]:
        """The reviewer's word on last year's plan items, by (this year's report, item key)."""

    def set_promise(self, report: str, item: str, kept: bool | None, reviewer: str, at: str | None = None) -> None:
        ...

    def close(self) -> None: ...


def same_unit_and_year(old_issuer: str | None, old_year: int | None, issuer: str | None, year: int | None) -> bool:
    """Whether new content at a removed report's path may take its review over: the same unit and year,
    where both are known. A removed report is the reviewer's word that the file was not the one (甲区's
    decisions and comment went to 乙县's report saved later under the same name: found by a code review);
    a corrected file from the same unit brings its review back."""
    return (old_issuer is None or issuer is None or old_issuer == issuer) and (
        old_year is None or year is None or old_year == year)
