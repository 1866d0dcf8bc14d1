"""The open project's last-year work: the library, the reviewer's pairings and ticks on plan items.

Read with the project off the GUI thread (``LastYearInputs``); changed here by the reviewer. A
change shows at once — the report is compared again with the report now chosen — and goes to the
project through the session's writer (journalled like a decision), so it survives a crash and a
project that cannot be written at the moment.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from reviewer.journal import Change, now
from reviewer.lastyear import attach, with_next_years
from reviewer.library import LastYearInputs, set_library
from reviewer.model import Analysis
from reviewer.pairing import pair_reports, pairing_candidates, pairing_pool
from reviewer.store_lastyear import AUTO, PairingFix, PromiseTick

if TYPE_CHECKING:
    from ui.session import Session


class LastYearState(QObject):
    """Signals: changed(sha256) — a report's pairing or ticks changed; library_changed() — a new library."""

    changed = Signal(str)
    library_changed = Signal()

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self._session = session
        self.inputs_ = LastYearInputs()
        self._fixes: dict[str, PairingFix] = {}
        self._ticks: dict[tuple[str, str], PromiseTick] = {}
        self.read = False  # the project's last-year inputs taken from a load
        session.project_changed.connect(self.clear)

    # -- what was read with the project ------------------------------------
    def clear(self) -> None:
        self.inputs_ = LastYearInputs()
        self._fixes, self._ticks = {}, {}
        self.read = False
        self.library_changed.emit()

    def take(self, inputs: LastYearInputs) -> None:
        """What a load read from the project, except where this window knows a later word."""
        fixes, ticks = self._with_pending(inputs.fixes, inputs.ticks)
        stale = {s for s in set(fixes) | set(inputs.fixes) if fixes.get(s) != inputs.fixes.get(s)}
        self._fixes, self._ticks = fixes, ticks
        self.inputs_ = inputs
        self.read = True
        for sha in stale:  # compared by the load with what the project held before this window's change
            self._recompare(sha)
        self.library_changed.emit()

    def take_remote(self, fixes: Mapping[str, PairingFix], ticks: Mapping[tuple[str, str], PromiseTick]) -> None:
        """The project's pairings and ticks as the team's server holds them now (another window changed
        some: they stayed out of date here until the project was opened again, found by a helper
        session); this window's own still on their way win. A report paired anew is compared again."""
        fixes, ticks = self._with_pending(fixes, ticks)
        moved = {s for s in set(fixes) | set(self._fixes) if fixes.get(s) != self._fixes.get(s)}
        ticked = {r for r, _i in set(ticks) | set(self._ticks)
                  if ticks.get((r, _i)) != self._ticks.get((r, _i))}
        self._fixes, self._ticks = fixes, ticks
        for sha in moved:
            self._recompare(sha)
        for sha in ticked - moved:
            self.changed.emit(sha)

    def _with_pending(self, fixes: Mapping[str, PairingFix], ticks: Mapping[tuple[str, str], PromiseTick]
                      ) -> tuple[dict[str, PairingFix], dict[tuple[str, str], PromiseTick]]:
        """``fixes`` and ``ticks`` with this window's changes not yet written on top."""
        fixes, ticks = dict(fixes), dict(ticks)
        for c in self._pending():
            if c.kind == "pairing":
                fixes.pop(c.report, None)
                if c.value != AUTO:
                    fixes[c.report] = PairingFix(c.report, c.value, c.reviewer, c.time)
            elif c.kind == "promise" and c.item is not None:
                ticks.pop((c.report, c.item), None)
                if c.value in ("0", "1"):
                    ticks[(c.report, c.item)] = PromiseTick(c.report, c.item, c.value == "1", c.reviewer, c.time)
        return fixes, ticks

    def _pending(self) -> list[Change]:
        writer = self._session.writer
        return writer.pending() if writer is not None else []

    def inputs(self) -> LastYearInputs:
        """For a job that works the project's findings out again (the window's corrections included)."""
        corrections = {k: f.previous for k, f in self._fixes.items()}
        return LastYearInputs(self.inputs_.library_path, self.inputs_.library, corrections, dict(self._fixes),
                              dict(self._ticks), self.inputs_.errors)

    @property
    def library(self) -> tuple[Analysis, ...]:
        return self.inputs_.library

    # -- pairing -------------------------------------------------------------
    def fix(self, sha256: str) -> PairingFix | None:
        return self._fixes.get(sha256)

    def candidates(self, sha256: str) -> list[Analysis]:
        """The reports that may be last year's, the likeliest first (``pairing.pairing_candidates``):
        the project's, then the library's."""
        a = self._session.analysis(sha256)
        return pairing_candidates(a, self._pool()) if a is not None else []

    def automatic(self, sha256: str) -> Analysis | None:
        """The report the automatic pairing takes, whatever the reviewer has chosen instead."""
        a = self._session.analysis(sha256)
        if a is None:
            return None
        pool = self._pool()
        pairing = pair_reports([a], pool).get(sha256)
        return next((c for c in pool if pairing is not None and c.sha256 == pairing.previous), None)

    def _pool(self) -> list[Analysis]:
        return pairing_pool(self._session.analyses(), self.library)

    def set_pairing(self, sha256: str, previous: str | None) -> None:
        """Pair a report with ``previous`` (a sha256; "" for none; None for the automatic pairing)."""
        stamp = now()
        reviewer = self._session.reviewer
        if previous is None:
            self._fixes.pop(sha256, None)
        else:
            self._fixes[sha256] = PairingFix(sha256, previous, reviewer, stamp)
        self._session.submit(Change("pairing", sha256, None, AUTO if previous is None else previous, "", reviewer,
                                    stamp))
        self._recompare(sha256)

    def _recompare(self, sha256: str) -> None:
        a = self._session.analysis(sha256)
        if a is None:
            return
        pool = self._pool()
        corrections = {k: f.previous for k, f in self._fixes.items()}
        pairing = pair_reports([a], pool, corrections).get(sha256)
        by_sha = {p.sha256: p for p in pool}
        previous = by_sha.get(pairing.previous) if pairing is not None else None
        self._session.replace_analysis(attach(a, previous, pairing.paired_by if pairing is not None else "auto"))
        # Last year's report (the one paired before and the one paired now) gives up or takes back the
        # paragraphs this report copied from it.
        for b in with_next_years(self._session.analyses()):
            shown = self._session.analysis(b.sha256)
            if shown is not None and (b.findings, b.absorbed_by_next) != (shown.findings, shown.absorbed_by_next):
                self._session.replace_analysis(b)
        self.changed.emit(sha256)

    # -- ticks on last year's plan items ---------------------------------------
    def tick(self, sha256: str, item: str) -> PromiseTick | None:
        return self._ticks.get((sha256, item))

    def ticks(self) -> dict[tuple[str, str], PromiseTick]:
        return dict(self._ticks)

    def set_tick(self, sha256: str, item: str, kept: bool | None) -> None:
        """The reviewer's word on one plan item: carried out, not, or taken back (None)."""
        stamp = now()
        reviewer = self._session.reviewer
        if kept is None:
            self._ticks.pop((sha256, item), None)
        else:
            self._ticks[(sha256, item)] = PromiseTick(sha256, item, kept, reviewer, stamp)
        value = "" if kept is None else ("1" if kept else "0")
        self._session.submit(Change("promise", sha256, item, value, "", reviewer, stamp))
        self.changed.emit(sha256)

    def restore(self, change: Change) -> None:
        """A pairing or tick the server refused: the project's own record shown again (the tick stayed,
        though the window said the server's record was back: found by a helper session)."""
        from reviewer.store_schema import StoreError

        store = self._session.store
        try:
            if change.kind == "pairing":
                fix = store.pairing_fixes().get(change.report)
                self._fixes.pop(change.report, None)
                if fix is not None:
                    self._fixes[change.report] = fix
                self._recompare(change.report)
                return
            if change.kind == "promise" and change.item is not None:
                tick = store.promise_ticks().get((change.report, change.item))
                self._ticks.pop((change.report, change.item), None)
                if tick is not None:
                    self._ticks[(change.report, change.item)] = tick
                self.changed.emit(change.report)
        except StoreError:
            pass  # the server out of reach: the next reading of the project shows its record

    # -- the library -----------------------------------------------------------
    @property
    def library_path(self) -> str:
        return self.inputs_.library_path

    def set_library(self, path: str) -> None:
        """Keep the library chosen in the project at once (the next load reads it); raises StoreError.
        Through the core's ``set_library``, as ``reviewer export --previous`` keeps it."""
        kept = set_library(self._session.store, path)
        self.inputs_ = LastYearInputs(kept, (), {}, dict(self._fixes), dict(self._ticks), ())

    def errors(self) -> Sequence[str]:
        return [e.message for e in self.inputs_.errors]
