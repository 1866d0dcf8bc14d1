"""What others change in a shared project, taken in by the window: the reports another reviewer adds
and those the lead removes (or restores) are read in with the project again, once the load under way
ends, and said in the status bar instead of 项目中有 N 份报告.

A window's own import and removal are announced back to it too; they cause no second reading. A report
read again for, that the window then drops anyway, is not read again for (no loop), until it is
removed and restored."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reviewer.messages import msg
from ui.labels import lang
from ui.session import Session
from ui.session_sync import report_label


class Elsewhere:
    """``read_again()`` reads the project again; ``busy()`` says whether a load is under way."""

    def __init__(self, session: Session, read_again: Callable[[], None], busy: Callable[[], bool]) -> None:
        self._session = session
        self._read_again = read_again
        self._busy = busy
        self._reload = False  # reports removed elsewhere during a load: read again after
        self._arrived: set[str] = set()  # reports added elsewhere during a load: read again if still not here
        self._sought: set[str] = set()  # read again for once: one the window drops anyway is not read for ever
        self.told: str | None = None  # what the next load's end says instead of 项目中有 N 份报告

    def clear(self) -> None:
        """Another project: nothing of the previous one's."""
        self._arrived, self._sought, self._reload, self.told = set(), set(), False, None

    def removed(self, shas: Sequence[str]) -> None:
        """The lead took reports out: the project is read again if this window held one of them."""
        self._sought.difference_update(shas)  # restored later, it is looked for again
        gone = [a for s in shas if (a := self._session.analysis(s)) is not None]
        if not gone:  # this window's own removal, announced back to it
            return
        self.told = msg("sync.removed_by_lead", n=len(gone), names=tuple(report_label(a) for a in gone)).render(lang())
        self._reload = True
        if not self._busy():
            self._again()

    def library_changed(self) -> None:
        """The lead chose another 往年报告库: the project is read again with it, once the load under way
        ends (read at once, the load was cancelled and its reports dropped: found by a code review)."""
        self.told = msg("sync.library_by_lead").render(lang())
        self._reload = True
        if not self._busy():
            self._again()

    def added(self, shas: Sequence[str]) -> None:
        self._arrived.update(s for s in shas if self._session.analysis(s) is None and s not in self._sought)
        if self._arrived and not self._busy():
            self._again()

    def load_ended(self) -> None:
        """A load ended: what arrived meanwhile is forgotten; what still lacks, or was removed, is read again."""
        self._arrived = {s for s in self._arrived if self._session.analysis(s) is None}
        self._sought = {s for s in self._sought if self._session.analysis(s) is None}  # here now: forgotten
        if self._reload or self._arrived:
            self._again()

    def _again(self) -> None:
        self._reload = False
        self._sought |= self._arrived
        self._arrived.clear()
        self._read_again()
