"""A project on the team's server, live in the window: others' decisions, assignments, offline state.

``TeamLink`` is made for every project the window opens and does nothing for a project file. For
a server project it sets the reviewer's name to their login's, starts a ``ChangeListener`` whose
callbacks (on its own thread) are queued to the GUI thread as signals, and keeps the status bar's
connection label: "离线，N 项待同步" while the server cannot be reached.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from reviewer.messages import msg
from reviewer.model import ItemDecision, ReportVerdict
from reviewer.review_store import ReviewStore
from reviewer.store_schema import StoreError
from reviewer.sync import Team
from ui.dialogs import show_message
from ui.labels import lang
from ui.session import Session
from ui.statusbar import StatusBar

log = logging.getLogger(__name__)


class LiveLink(QObject):
    """Signals, queued from the listener's thread: changes(decisions, verdicts), online(bool),
    assigned(dict report → names)."""

    changes = Signal(object, object)
    online = Signal(bool)
    assigned = Signal(object)
    removed = Signal(object)  # the reports (sha256) the lead took out of the project
    added = Signal(object)  # reports another window (or this one) added to the project
    listed = Signal(object)  # every report of the project, as read again after a (re)connection
    lastyear = Signal(object, object, object)  # the project's pairings and ticks as read now; its library if changed

    def __init__(self, store: ReviewStore, parent: QObject | None = None) -> None:
        from reviewer.server_live import ChangeListener
        from reviewer.server_store import ServerReviewStore

        super().__init__(parent)
        assert isinstance(store, ServerReviewStore)
        self._store = store
        self._listener = ChangeListener(store, self._changes, self._online, self._resync, self._assignments,
                                        self._reports, self._lastyear)

    def start(self) -> None:
        self._listener.start()

    def refresh_lastyear(self) -> None:
        self._listener.refresh_lastyear()

    def stop(self) -> None:
        self._listener.stop()

    # on the listener's thread ------------------------------------------------
    def _changes(self, decisions: list[ItemDecision], verdicts: list[ReportVerdict]) -> None:
        _emit(self.changes, decisions, verdicts)

    def _online(self, online: bool) -> None:
        _emit(self.online, online)

    def _reports(self, added: list[str], removed: list[str]) -> None:
        if added:
            _emit(self.added, added)
        if removed:
            _emit(self.removed, removed)

    def _lastyear(self, library: bool) -> None:
        """Pairings and ticks read again (a few rows): a change to one of them, any window's."""
        from reviewer.store_lastyear import LIBRARY_SETTING

        try:
            fixes, ticks = self._store.pairing_fixes(), self._store.promise_ticks()
            path = (self._store.setting(LIBRARY_SETTING) or "") if library else None
        except StoreError as exc:
            log.info("last year's work not read again: %s", exc)  # the next change or reconnection reads it
            return
        _emit(self.lastyear, fixes, ticks, path)

    def _resync(self) -> bool:
        """Connected (again): whatever was written meanwhile, and who reviews what now; False when it
        could not be read (the listener tries again)."""
        try:
            decisions = [d for ds in self._store.all_decisions().values() for d in ds.values()]
            verdicts = list(self._store.all_verdicts().values())
        except StoreError as exc:
            log.info("resync failed, to be tried again: %s", exc)
            return False
        _emit(self.changes, decisions, verdicts)
        self._assignments()
        self._lastyear(True)  # pairings, ticks and the library changed while away
        try:  # reports added or removed while away: their notices were missed (found by a code review)
            _emit(self.listed, [r.sha256 for r in self._store.reports()])
        except StoreError as exc:
            log.info("report list not read again, to be tried again: %s", exc)
            return False
        return True

    def _assignments(self) -> None:
        try:
            assigned = self._store.assignments()
        except StoreError as exc:
            log.warning("cannot read assignments: %s", exc)
            return
        _emit(self.assigned, assigned)


def _emit(signal: object, *args: object) -> None:
    try:
        signal.emit(*args)  # type: ignore[attr-defined]
    except RuntimeError:  # the window closed while the listener thread ran
        pass


class TeamLink(QObject):
    """Keeps the session and the status bar in step with the team's server (none for a file).

    Signals: reports_removed(shas) when the lead took reports out of the project, reports_added(shas)
    when a report was added to it (by any window: the window reads the project again if it lacks one).
    """

    reports_removed = Signal(object)
    reports_added = Signal(object)
    library_changed = Signal()  # the lead chose another 往年报告库: the project is to be read again

    def __init__(self, session: Session, status: StatusBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.status = status
        self.live: LiveLink | None = None
        self._offline = False
        session.save_failed.connect(self._save_failed)
        session.save_recovered.connect(self._recovered)
        session.review_changed.connect(lambda _sha: self._show())
        session.notice.connect(lambda text: status.showMessage(text, 20000))
        session.refused_change.connect(self._refused)
        self._lost: list[str] = []
        self._say_lost = QTimer(self, singleShot=True, interval=300)  # the refusals of one sending, together
        self._say_lost.timeout.connect(self._show_lost)

    def attach(self, store: ReviewStore) -> None:
        """Called for every project opened: follow it if it lives on the server."""
        self.detach()
        self._offline = False
        if store.journal_mode != "server":  # a project file or memory: one reviewer, no server (nor psycopg)
            self.status.set_sync("")
            return
        from reviewer.server_store import ServerReviewStore

        assert isinstance(store, ServerReviewStore)
        me, lead = store.identity if store.identity is not None else (self.session.reviewer, True)
        self.session.reviewer = me
        self.session.set_team(Team(me=me, lead=lead, shared=True))
        self.live = LiveLink(store, self)
        self.live.changes.connect(self.session.apply_remote)
        self.live.online.connect(self._online)
        self.live.assigned.connect(self._assigned)
        self.live.removed.connect(self.reports_removed.emit)
        self.live.added.connect(self.reports_added.emit)
        self.live.listed.connect(self._listed)
        self.live.lastyear.connect(self._lastyear)
        self.live.start()
        self._show()

    @property
    def offline(self) -> bool:
        """Whether the window knows the team's server cannot be reached just now."""
        return self.live is not None and self._offline

    def detach(self) -> None:
        if self.live is not None:
            self.live.stop()
            self.live.deleteLater()
            self.live = None

    def _listed(self, shas: object) -> None:
        """The project's reports as the server lists them now: what this window lacks, or holds and the
        server no longer does, is read again (a scan still being read is not the server's yet)."""
        assert isinstance(shas, list)
        have = {a.sha256 for a in self.session.analyses()} - set(self.session.reading)
        on_server = set(shas)
        if gone := sorted(have - on_server):  # first: one reading of the project takes in the added too
            self.reports_removed.emit(gone)
        if added := [s for s in shas if s not in have]:
            self.reports_added.emit(added)

    def refresh_lastyear(self) -> None:
        """Read last year's pairings and ticks again (a load ended: it read them before others' changes)."""
        if self.live is not None:
            self.live.refresh_lastyear()

    def _lastyear(self, fixes: object, ticks: object, library: object) -> None:
        assert isinstance(fixes, dict) and isinstance(ticks, dict)
        state = self.session.lastyear
        state.take_remote(fixes, ticks)
        # not this window's own choice, nor the project's first reading (its load reads the library)
        if isinstance(library, str) and state.read and library != state.library_path:
            self.library_changed.emit()

    def _refused(self, line: str) -> None:
        self._lost.append(line)
        self._say_lost.start()

    def _show_lost(self) -> None:
        """Decisions the server refused, their comments with them, in a dialog that stays until read (the
        status bar's word was replaced within a second, and an offline comment was lost for good: found by
        a helper session)."""
        lines, self._lost = self._lost, []
        window = self.parent()
        if lines and isinstance(window, QWidget):
            text = msg("sync.refused_list", changes="\n".join(f"· {ln}" for ln in lines)).render(lang())
            show_message(window, QMessageBox.Icon.Warning, msg("sync.refused_title").render(lang()), text)

    def _assigned(self, assigned: object) -> None:
        assert isinstance(assigned, dict)
        t = self.session.team
        self.session.set_team(Team(t.me, t.lead, True, {k: tuple(v) for k, v in assigned.items()}))

    def _online(self, online: bool) -> None:
        was = self._offline
        self._offline = not online
        self._show()
        if online and was and not self.session.unsaved_count():  # "every waiting change sent" is _recovered's
            self.status.showMessage(msg("sync.reconnected").render(lang()), 8000)

    def _save_failed(self, _message: str, _pending: int, offline: bool) -> None:
        if offline and self.live is not None:
            self._offline = True
            self._show()

    def _recovered(self) -> None:
        if self.live is not None and self._offline:
            self._offline = False
            self._show()
            self.status.showMessage(msg("sync.back").render(lang()), 8000)

    def standing_in(self, location: str) -> None:
        """The server did not answer when the project opened: the window stands in with an empty project,
        and says so beside the project's name with what waits in this computer's outbox (it said nothing
        there: found by a helper session)."""
        from reviewer.journal import waiting_for

        n = waiting_for(location)
        self.status.set_sync(msg("sync.offline" if n else "sync.offline_none", n=n).render(lang()), warn=True)

    def _show(self) -> None:
        if self.live is None:
            return
        if not self._offline:
            self.status.set_sync(self.tr("已连接服务器 · {me}{role}").format(
                me=self.session.reviewer, role=self.tr("（组长）") if self.session.team.lead else ""))
            return
        n = self.session.unsaved_count()
        key = "sync.offline" if n else "sync.offline_none"
        self.status.set_sync(msg(key, n=n).render(lang()), warn=True)
