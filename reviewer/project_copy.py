"""``reviewer project copy SRC DEST``: a whole project from one place to another, file or server.

Everything a project holds travels: reports (removed ones too, for their history) in their
order, their texts, cached analyses, the checklists used, current decisions (stale ones too),
verdicts and the full history, with the reviewers' names and times as they were. A team starts
on the server from one reviewer's file; the lead takes a snapshot of the server home as a file.
The destination must hold no reports yet: a copy never mixes two reviews.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reviewer.model import ItemDecision, ReportVerdict
from reviewer.review_store import HistoryEntry, ReportRecord
from reviewer.store_lastyear import PairingFix, PromiseTick


@dataclass(frozen=True, slots=True)
class KeptReport:
    record: ReportRecord
    added: str  # ISO 8601
    removed: str | None


@dataclass(frozen=True, slots=True)
class ProjectDump:
    """A project's whole content; texts and analyses stay in their stored (compressed JSON) form."""

    reports: list[KeptReport]
    texts: dict[str, bytes]
    analyses: list[tuple[str, str, bytes]]  # (sha256, version, data)
    checklists: list[tuple[str, str, bytes, str]]  # (version, name, data, added)
    settings: dict[str, str]
    decisions: list[ItemDecision]
    verdicts: list[ReportVerdict]
    history: list[HistoryEntry]
    assignments: dict[str, list[str]] = field(default_factory=dict)  # report → reviewer names (server only)
    pairings: list[PairingFix] = field(default_factory=list)  # the reviewers' pairings with last year's reports
    promises: list[PromiseTick] = field(default_factory=list)  # their word on last year's plan items

    def counts(self) -> dict[str, int]:
        return {"reports": sum(1 for r in self.reports if r.removed is None), "decisions": len(self.decisions),
                "verdicts": len(self.verdicts), "history": len(self.history)}


def copy_project(source: str, destination: str, *, source_password: str | None = None,
                 destination_password: str | None = None) -> dict[str, int]:
    """Copy; returns what was copied. Raises ``StoreError`` (nothing written) when the destination
    already holds reports or either side cannot be used."""
    from reviewer.location import empty_project, is_server
    from reviewer.messages import msg
    from reviewer.store import open_store
    from reviewer.store_schema import StoreError

    if not is_server(source):  # a mistyped name was made an empty project and "copied" (a helper session)
        if not Path(source).is_file():
            raise StoreError(msg("project.not_found", source=source))
        if (empty := empty_project(source)) is not None:
            raise StoreError(empty)
    src = open_store(source, password=source_password)
    try:
        dump = src.dump()
    finally:
        src.close()
    new_file = not is_server(destination) and not Path(destination).exists()
    dst = open_store(destination, password=destination_password)
    try:
        have = len(dst.reports())
        if have:
            raise StoreError(msg("project.not_empty", location=dst.location, n=have))
        dst.restore(dump)
    except BaseException:
        dst.close()
        if new_file:  # a copy that failed leaves no half-made project behind
            for suffix in ("", "-wal", "-shm"):
                Path(destination + suffix).unlink(missing_ok=True)
        raise
    dst.close()
    return dump.counts()
