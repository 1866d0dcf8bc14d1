"""An in-memory ``ReviewStore``: used when no project file can be opened, and in tests.

It follows the same contract as the project file (``tests/core/test_store_contract.py`` runs one
suite against every store), only nothing survives ``close()``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from reviewer.checklist import Checklist
from reviewer.model import (
    DECISIONS,
    VERDICTS,
    Decision,
    Document,
    ItemDecision,
    ReportVerdict,
    Verdict,
    not_earlier,
)
from reviewer.project_copy import KeptReport, ProjectDump
from reviewer.review_store import HistoryEntry, ReportRecord, in_first_places, same_unit_and_year
from reviewer.store_lastyear import MemoryLastYear
from reviewer.store_schema import StoreError


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


class MemoryReviewStore(MemoryLastYear):
    """Implements ``reviewer.review_store.ReviewStore`` in memory."""

    def __init__(self) -> None:
        super().__init__()
        self._reports: dict[str, ReportRecord] = {}
        self._removed: set[str] = set()
        self._docs: dict[str, Document] = {}
        self._cache: dict[tuple[str, str], dict[str, Any]] = {}
        self._checklist: Checklist | None = None
        self._decisions: dict[str, dict[str, ItemDecision]] = {}
        self._verdicts: dict[str, ReportVerdict] = {}
        self._history: list[HistoryEntry] = []

    @property
    def journal_mode(self) -> str:
        return "memory"

    @property
    def location(self) -> str:
        return ""

    def add_report(
        self, doc: Document, issuer: str | None, year: int | None, level: str | None, mtime: float | None = None
    ) -> ReportRecord:
        old = self._reports.get(doc.sha256)
        changed_from = old.changed_from if old is not None else self._supersede(doc, issuer, year)
        rec = ReportRecord(doc.sha256, doc.path, issuer, year, level, changed_from, Path(doc.path).name, doc.format,
                           doc.size, mtime)
        self._reports[doc.sha256] = rec  # a known report keeps its place, as in the project file
        self._removed.discard(doc.sha256)
        self._docs[doc.sha256] = doc
        return rec

    def _supersede(self, doc: Document, issuer: str | None, year: int | None) -> str | None:
        replaced = {r.changed_from for r in self._reports.values()}  # removed by a newer version, not by a reviewer
        at_path = [r for r in reversed(list(self._reports.values()))
                   if r.path == doc.path and r.sha256 != doc.sha256 and r.sha256 not in replaced]
        old = next((r for r in sorted(at_path, key=lambda r: r.sha256 in self._removed)), None)
        if old is None or (old.sha256 in self._removed and not same_unit_and_year(old.issuer, old.year, issuer, year)):
            return None
        carried = {k: ItemDecision(doc.sha256, d.item, d.decision, d.comment, d.reviewer, d.time, stale=True)
                   for k, d in self._decisions.get(old.sha256, {}).items()}
        self._decisions.setdefault(doc.sha256, {}).update({k: v for k, v in carried.items()
                                                           if k not in self._decisions.get(doc.sha256, {})})
        was = self._verdicts.get(old.sha256)
        if was is not None and was.comment and doc.sha256 not in self._verdicts:  # the comment, not the verdict
            self._verdicts[doc.sha256] = ReportVerdict(doc.sha256, "未审", was.comment, was.reviewer, was.time)
        self._removed.add(old.sha256)
        return old.sha256

    def reports(self) -> list[ReportRecord]:
        active = [r for sha, r in self._reports.items() if sha not in self._removed]
        return in_first_places(active, [(sha, r.changed_from) for sha, r in self._reports.items()])

    def documents(self, shas: Iterable[str] | None = None) -> list[Document]:
        wanted = None if shas is None else set(shas)
        return [self._docs[r.sha256] for r in self.reports()
                if r.sha256 in self._docs and (wanted is None or r.sha256 in wanted)]

    def remove_reports(self, shas: Iterable[str], reviewer: str) -> None:
        now = _now()
        for sha in shas:
            if sha in self._reports and sha not in self._removed:
                self._removed.add(sha)
                self._history.append(HistoryEntry(now, reviewer, sha, None, "removed", None, "移出项目"))

    def cached_analysis(self, sha256: str, version: str) -> dict[str, Any] | None:
        return self._cache.get((sha256, version))

    def cached_analyses(self, version: str) -> dict[str, dict[str, Any]]:
        return {sha: data for (sha, v), data in self._cache.items() if v == version}

    def save_analysis(self, sha256: str, version: str, analysis: dict[str, Any]) -> None:
        self._cache = {k: v for k, v in self._cache.items() if k[0] != sha256}
        self._cache[(sha256, version)] = analysis

    def save_packed(self, sha256: str, version: str, blob: bytes) -> None:
        from reviewer.packing import unpack_json

        self.save_analysis(sha256, version, unpack_json(blob))

    def save_checklist(self, checklist: Checklist) -> None:
        self._checklist = checklist

    def checklist(self) -> Checklist | None:
        return self._checklist

    def set_decision(self, report: str, item: str, decision: Decision, comment: str, reviewer: str,
                     at: str | None = None) -> ItemDecision:
        if decision not in DECISIONS:
            raise StoreError(f"无效的核查项判断“{decision}”")
        old = self._decisions.get(report, {}).get(item)
        dec = ItemDecision(report, item, decision, comment, reviewer, at or _now())
        if old is None or not_earlier(dec.time, old.time):
            self._decisions.setdefault(report, {})[item] = dec
        self._log(dec.time, reviewer, report, item, "decision", old.decision if old else None, decision)
        self._log(dec.time, reviewer, report, item, "comment", old.comment if old else None, comment)
        return dec

    def _log(self, now: str, reviewer: str, report: str, item: str | None, field: str, old: str | None,
             new: str | None) -> None:
        if old != new:
            self._history.append(HistoryEntry(now, reviewer, report, item, field, old, new))

    def decisions(self, report: str) -> dict[str, ItemDecision]:
        return dict(self._decisions.get(report, {}))

    def all_decisions(self) -> dict[str, dict[str, ItemDecision]]:
        return {k: dict(v) for k, v in self._decisions.items()}

    def set_verdict(self, report: str, verdict: Verdict, comment: str, reviewer: str,
                    at: str | None = None) -> ReportVerdict:
        if verdict not in VERDICTS:
            raise StoreError(f"无效的审阅结论“{verdict}”")
        old = self._verdicts.get(report)
        v = ReportVerdict(report, verdict, comment, reviewer, at or _now())
        if old is None or not_earlier(v.time, old.time):
            self._verdicts[report] = v
        self._log(v.time, reviewer, report, None, "verdict", old.verdict if old else None, verdict)
        self._log(v.time, reviewer, report, None, "verdict_comment", old.comment if old else None, comment)
        return v

    def verdict(self, report: str) -> ReportVerdict | None:
        return self._verdicts.get(report)

    def all_verdicts(self) -> dict[str, ReportVerdict]:
        return dict(self._verdicts)

    def history(self, report: str | None = None) -> list[HistoryEntry]:
        return [h for h in self._history if report is None or h.report == report]

    def dump(self) -> ProjectDump:
        from reviewer.packing import pack_json
        from reviewer.serialize import document_to_json

        return ProjectDump(
            [KeptReport(r, "", _now() if sha in self._removed else None) for sha, r in self._reports.items()],
            {sha: pack_json(document_to_json(d)) for sha, d in self._docs.items()},
            [(sha, version, pack_json(data)) for (sha, version), data in self._cache.items()],
            [] if self._checklist is None else [(self._checklist.version, self._checklist.name, self._checklist.data,
                                                 "")],
            dict(self._settings), [d for ds in self._decisions.values() for d in ds.values()],
            list(self._verdicts.values()), list(self._history), pairings=list(self._pairings.values()),
            promises=list(self._promises.values()))

    def restore(self, dump: ProjectDump) -> None:
        from reviewer.packing import unpack_json
        from reviewer.serialize import document_from_json

        for kept in dump.reports:
            self._reports[kept.record.sha256] = kept.record
            if kept.removed is not None:
                self._removed.add(kept.record.sha256)
        for sha, blob in dump.texts.items():
            path = self._reports[sha].path if sha in self._reports else ""
            self._docs[sha] = document_from_json(unpack_json(blob), path)
        self._cache.update({(sha, version): unpack_json(blob) for sha, version, blob in dump.analyses})
        for d in dump.decisions:
            self._decisions.setdefault(d.report, {})[d.item] = d
        self._verdicts.update({v.report: v for v in dump.verdicts})
        self._history.extend(dump.history)
        self._settings.update(dump.settings)
        self._pairings.update({p.report: p for p in dump.pairings})
        self._promises.update({(p.report, p.item): p for p in dump.promises})

    def checkpoint(self) -> None:
        pass  # no journal beside a file to copy in

    def close(self) -> None:
        pass
