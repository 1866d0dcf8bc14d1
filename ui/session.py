"""The open project: its reports' analyses and the reviewer's work, written through one writer.

Widgets read analyses and decisions from here and call ``set_decision``/``set_verdict``. Each
change is journalled on this computer and written to the project at once, off the GUI thread;
closing or crashing loses nothing. The session shows exactly the project's reports: switching
project replaces everything, and no report of one project is ever added to another.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from PySide6.QtCore import QObject, Signal

from reviewer.checklist import Checklist
from reviewer.journal import Change, apply_change, now
from reviewer.messages import msg
from reviewer.model import Analysis, Decision, ItemDecision, LoadError, ReportVerdict, Verdict
from reviewer.review import ReportReview, finished_of, is_to_recheck, note_goes_out, review_status, summarize
from reviewer.review_store import ReviewStore
from reviewer.server_errors import refusal
from reviewer.sync import Team, merge_review, same_review
from ui.labels import lang
from ui.session_sync import item_name, show_refused, take_remote
from ui.writer import StoreWriter

NoteQuestion = Callable[[str, str, Decision, Decision], str | None]


class Session(QObject):
    """The project's analyses (in project order) and the reviewer's work on them.

    Two lists are kept: each report's own analysis (``base``, what the cache holds) and the same
    with the findings that compare reports across the whole project (what is shown). Decisions
    and verdicts are held here, loaded with the project; a change shows at once and goes to the
    project through the writer (off the GUI thread, journalled until written), so the window never
    waits for the project file and a failed save is never silent.

    Signals:
        project_changed(): another project was opened; nothing of the previous one is shown.
        reports_changed(): the project's reports were replaced or removed.
        reports_added(count): ``count`` reports were appended while a folder is still opening.
        review_changed(sha256): a decision or verdict of one report changed (or was saved).
        review_reloaded(): every report's decisions and verdicts were read anew from the project.
        save_failed(message, pending, offline): the project could not be written; changes wait and are
            retried (``offline``: the team's server cannot be reached).
        save_recovered(): every waiting change reached the project.
        notice(text): something the reviewer should know about the shared review (a change of theirs
            replaced by another reviewer's later one, a change the server refused).
        refused_change(text): a decision the server refused, its comment included, to be shown where it
            stays (the window collects them in one dialog).
        team_changed(): who reviews which report changed (a project on the team's server).
        analysis_changed(sha256): one report's analysis as shown was replaced (its pairing with last
            year's changed): its text marks, findings and counts are to be drawn again.
    """

    project_changed = Signal()
    reports_changed = Signal()
    reports_added = Signal(int)
    review_reloaded = Signal()
    review_changed = Signal(str)
    save_failed = Signal(str, int, bool)
    save_recovered = Signal()
    notice = Signal(str)
    refused_change = Signal(str)  # a decision the server will never take, with its comment: kept in view
    team_changed = Signal()
    analysis_changed = Signal(str)

    def __init__(self, store: ReviewStore, reviewer: str = "", parent: QObject | None = None,
                 checklist: Checklist | None = None, writer: StoreWriter | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.reviewer = reviewer
        self.checklist = checklist
        self._base: dict[str, Analysis] = {}
        self._analyses: dict[str, Analysis] = {}
        self._decisions: dict[str, dict[str, ItemDecision]] = {}
        self._verdicts: dict[str, ReportVerdict] = {}
        self._unsaved: dict[tuple[str, str | None], int] = {}  # (report, item or None) → changes waiting
        self.changed_on_disk: set[str] = set()
        # Files opened in this window that could not be read, by path (the workbook lists them).
        self.load_failures: dict[str, LoadError] = {}
        self.reading: dict[str, tuple[int, int]] = {}  # scans shown from their first pages: (pages read, in all)
        self.writer: StoreWriter | None = None
        self.team = Team()
        # Asked when a decision would send to the unit a note written as the reviewer's own (under 符合 or
        # 不适用): the comment to keep, or None to leave the decision as it was. The window asks the reviewer.
        self.ask_note: NoteQuestion = lambda _item, note, _old, _new: note
        if writer is not None:
            self.set_writer(writer)
        from ui.lastyear.state import LastYearState  # its module needs this one's Session for typing

        self.lastyear = LastYearState(self)  # last year's library, pairings and ticks
        # Each report's counts, worked out once: the tree paints several roles of each row, the status
        # bar counts every report, and a folder opening repaints many times. Connected before any
        # view, so a view refreshing on these signals already reads the new counts.
        self._reviews: dict[str, ReportReview] = {}
        self.reports_changed.connect(self._reviews.clear)
        self.review_reloaded.connect(self._reviews.clear)
        self.review_changed.connect(lambda sha: self._reviews.pop(sha, None))
        self.analysis_changed.connect(lambda sha: self._reviews.pop(sha, None))

    @property
    def store(self) -> ReviewStore:
        return self._store

    def set_writer(self, writer: StoreWriter) -> None:
        self.writer = writer
        writer.saved.connect(self._saved)
        writer.failed.connect(self._failed)
        writer.recovered.connect(self.save_recovered)
        writer.refused.connect(self._refused)
        for change in writer.pending():  # changes of an earlier run, still waiting to be written
            self._unsaved[(change.report, change.item)] = self._unsaved.get((change.report, change.item), 0) + 1

    def set_store(self, store: ReviewStore, writer: Callable[[], StoreWriter] | None = None) -> None:
        """Switch project: nothing of the previous one stays (its reports, decisions, marks). The new
        writer is made once the previous one has stopped: the same project opened again takes over the
        changes still waiting in the previous writer's journal (made before, it found that journal
        still in use and left it, and its changes were hidden until the next start: found by a code
        review)."""
        if self.writer is not None:
            self.writer.saved.disconnect(self._saved)
            self.writer.failed.disconnect(self._failed)
            self.writer.recovered.disconnect(self.save_recovered)
            self.writer.refused.disconnect(self._refused)
            self.writer.close()
            self.save_recovered.emit()  # the previous project's bar goes; its journal keeps what waits
        self._store.close()
        self._store = store
        self.writer = None
        self._base.clear()
        self._analyses.clear()
        self._decisions.clear()
        self._verdicts.clear()
        self._unsaved.clear()
        self.changed_on_disk = set()
        self.load_failures.clear()
        self.reading.clear()
        was_shared, self.team = self.team.shared, Team()
        if writer is not None:
            self.set_writer(writer())
        self.project_changed.emit()
        self.reports_changed.emit()
        if was_shared:  # a reviewer's rights on the shared project leave with it (a code review)
            self.team_changed.emit()

    def set_reports(self, base: Sequence[Analysis], shown: Sequence[Analysis],
                    review: tuple[Mapping[str, Mapping[str, ItemDecision]], Mapping[str, ReportVerdict]] | None = None
                    ) -> None:
        """Replace the project's reports: ``base`` their own analyses, ``shown`` with project findings;
        ``review`` the decisions and verdicts read from the project with them."""
        self._base = {a.sha256: a for a in base}
        self._analyses = {a.sha256: a for a in shown}
        self.reading.clear()
        changed = review is not None and self._take_review(*review)
        self.changed_on_disk &= set(self._analyses)
        self.reports_changed.emit()
        if changed:
            self.review_reloaded.emit()

    def take_review(self, decisions: Mapping[str, Mapping[str, ItemDecision]],
                    verdicts: Mapping[str, ReportVerdict]) -> None:
        """The project's decisions and verdicts as read (before its reports arrive, when it opens)."""
        if self._take_review(decisions, verdicts):
            self.review_reloaded.emit()

    def _take_review(self, decisions: Mapping[str, Mapping[str, ItemDecision]],
                     verdicts: Mapping[str, ReportVerdict]) -> bool:
        """The project's decisions and verdicts, except where this window knows a later word: a change
        made here since they were read, or one still waiting in the journal from an earlier run.
        True when that is not what the window held (every view then draws its counts again)."""
        before = (self._decisions, self._verdicts)
        mine_d = [d for ds in self._decisions.values() for d in ds.values()]
        mine_v = list(self._verdicts.values())
        for c in self.writer.pending() if self.writer is not None else ():
            if c.kind == "decision" and c.item is not None:
                mine_d.append(ItemDecision(c.report, c.item, c.value, c.comment, c.reviewer, c.time))  # type: ignore[arg-type]
            elif c.kind == "verdict":
                mine_v.append(ReportVerdict(c.report, c.value, c.comment, c.reviewer, c.time))  # type: ignore[arg-type]
        self._decisions, self._verdicts = merge_review(decisions, verdicts, mine_d, mine_v)
        return not same_review(before, (self._decisions, self._verdicts))

    def add_reports(self, analyses: Sequence[Analysis]) -> None:
        """Show reports as soon as they are analysed (their project-wide findings come with the end
        of the job, which replaces the list in project order)."""
        new = [a for a in analyses if a.sha256 not in self._analyses]
        for a in new:
            self._base[a.sha256] = a
            self._analyses[a.sha256] = a
        if new:
            self.reports_added.emit(len(new))
        for a in analyses:
            if self.reading.pop(a.sha256, None) is not None:  # a scan read to its end
                self._base[a.sha256] = a
                self._analyses[a.sha256] = a
                self.analysis_changed.emit(a.sha256)

    def show_draft(self, a: Analysis, done: int, total: int) -> None:
        """A scan as far as its pages are read: shown at once, and again as each page is read, until
        the whole report arrives (``add_reports``). A report the project already holds stays as it is."""
        sha = a.sha256
        if sha in self._analyses and sha not in self.reading:
            return
        self.reading[sha] = (done, total)
        self._base[sha] = a
        if sha in self._analyses:
            self._analyses[sha] = a
            self.analysis_changed.emit(sha)
        else:
            self._analyses[sha] = a
            self.reports_added.emit(1)

    def drop_drafts(self) -> None:
        """Scans never read to their end (the job was cancelled or failed) leave the list."""
        if self.reading:
            for sha in self.reading:
                self._base.pop(sha, None)
                self._analyses.pop(sha, None)
            self.reading.clear()
            self.reports_changed.emit()

    def replace_analysis(self, a: Analysis) -> None:
        """Show ``a`` for its report instead of what was shown (a report compared with another of last year)."""
        if a.sha256 in self._analyses:
            self._analyses[a.sha256] = a
            self.analysis_changed.emit(a.sha256)

    def base(self) -> dict[str, Analysis]:
        """Each report's own analysis (a snapshot, safe to hand to a worker)."""
        return dict(self._base)

    def remove(self, shas: Iterable[str]) -> None:
        """Take reports out of the project (their history stays in the file)."""
        if self.refused_read_only():
            return
        gone = [s for s in shas if s in self._analyses]
        for sha in gone:
            self._submit(Change("remove", sha, None, "", "", self.reviewer, now()))
            self._base.pop(sha, None)
            self._analyses.pop(sha, None)
        self.changed_on_disk -= set(gone)
        self.reports_changed.emit()

    def analyses(self) -> list[Analysis]:
        return list(self._analyses.values())

    def analysis(self, sha256: str) -> Analysis | None:
        return self._analyses.get(sha256)

    def decisions(self, sha256: str) -> dict[str, ItemDecision]:
        return self._decisions.setdefault(sha256, {})

    def all_decisions(self) -> dict[str, dict[str, ItemDecision]]:
        return {k: dict(v) for k, v in self._decisions.items()}

    def all_verdicts(self) -> dict[str, ReportVerdict]:
        return dict(self._verdicts)

    def decision(self, sha256: str, item: str) -> ItemDecision | None:
        return self._decisions.get(sha256, {}).get(item)

    def set_team(self, team: Team) -> None:
        self.team = team
        self.team_changed.emit()
        for sha in self._analyses:
            self.review_changed.emit(sha)

    def set_decision(self, sha256: str, item: str, decision: Decision, comment: str | None = None
                     ) -> ItemDecision | None:
        """Record a decision; None (and a notice) when the report is assigned to another reviewer, or
        the project is read-only."""
        if self.refused_read_only(sha256):
            return None
        if not self.team.may_decide(sha256):
            self.notice.emit(refusal(self.team.assignees(sha256)))
            self.review_changed.emit(sha256)  # the view shows the record again
            return None
        old = self.decision(sha256, item)
        text = comment if comment is not None else (old.comment if old else "")
        if comment is None and old is not None and note_goes_out(old, decision):
            kept = self.ask_note(item_name(self, old), old.comment, old.decision, decision)
            if kept is None or self.decision(sha256, item) != old:
                # another reviewer's decision arrived while asked: not overwritten by the answer (found by
                # a helper session: the lead's 不符合 was replaced by the note's 未定)
                if kept is not None:
                    self.notice.emit(msg("session.changed_while_asked").render(lang()))
                self.review_changed.emit(sha256)  # the view shows the record again
                return None
            text = kept
        made = ItemDecision(sha256, item, decision, text, self.reviewer, now())
        self.decisions(sha256)[item] = made
        self._submit(Change("decision", sha256, item, decision, text, self.reviewer, made.time))
        self.review_changed.emit(sha256)
        return made

    def set_comment(self, sha256: str, item: str, comment: str) -> None:
        """A new comment; on a decision carried from an earlier version it does not confirm that decision
        (it was not re-checked): the item is left 未定 with the comment, until decided."""
        old = self.decision(sha256, item)
        if (old.comment if old is not None else "") == comment:
            return
        self.set_decision(sha256, item, old.decision if old and not is_to_recheck(old) else "未定", comment)

    def verdict(self, sha256: str) -> ReportVerdict | None:
        return self._verdicts.get(sha256)

    def set_verdict(self, sha256: str, verdict: Verdict, comment: str) -> None:
        if self.refused_read_only(sha256):
            return
        if not self.team.may_judge():
            self.notice.emit(msg("sync.lead_only").render(lang()))
            self.review_changed.emit(sha256)
            return
        old = self.verdict(sha256)
        if old is not None and (old.verdict, old.comment) == (verdict, comment):
            return
        if old is None and (verdict, comment) == ("未审", ""):
            return
        made = ReportVerdict(sha256, verdict, comment, self.reviewer, now())
        self._verdicts[sha256] = made
        self._submit(Change("verdict", sha256, None, verdict, comment, self.reviewer, made.time))
        self.review_changed.emit(sha256)

    def submit(self, change: Change) -> None:
        """Send one change of the reviewer's to the project (journalled, off the GUI thread)."""
        if self.refused_read_only(change.report):
            return
        self._submit(change)

    @property
    def read_only(self) -> bool:
        return self._store.journal_mode == "read-only"  # reviewer.store.READ_ONLY

    def refused_read_only(self, sha256: str = "") -> bool:
        """A change to a read-only project is refused with a notice, not kept to be written later into a
        project the reviewer was told it would not change (found by a helper session)."""
        if not self.read_only:
            return False
        self.notice.emit(msg("session.read_only").render(lang()))
        if sha256:
            self.review_changed.emit(sha256)  # the view shows the record again
        return True

    def _submit(self, change: Change) -> None:
        key = (change.report, change.item)
        if self.writer is None:  # no writer (tests of models alone): straight to the store
            apply_change(self._store, change)
            return
        self._unsaved[key] = self._unsaved.get(key, 0) + 1
        self.writer.submit(change)

    def _saved(self, change: object) -> None:
        assert isinstance(change, Change)
        key = (change.report, change.item)
        left = self._unsaved.get(key, 0) - 1
        if left > 0:
            self._unsaved[key] = left
        else:
            self._unsaved.pop(key, None)
            if change.kind != "remove":
                self.review_changed.emit(change.report)

    def _failed(self, message: str, pending: int, offline: bool) -> None:
        self.save_failed.emit(message, pending, offline)
        for report in {r for r, _ in self._unsaved}:
            self.review_changed.emit(report)  # show the waiting changes as unsaved

    def _refused(self, message: str, change: object, current: object) -> None:
        """A change the server will never take: show the server's record again and say why."""
        assert isinstance(change, Change)
        self._saved(change)  # no longer waiting
        show_refused(self, change, current, message)

    def apply_remote(self, decisions: Iterable[ItemDecision], verdicts: Iterable[ReportVerdict]) -> None:
        """What the server says others (or this reviewer elsewhere) wrote: the later word is shown."""
        take_remote(self, decisions, verdicts)

    def keep_record(self, report: str, item: str | None, record: ItemDecision | ReportVerdict | None) -> None:
        """The project's own record of an item (``item`` None: of the report's verdict), as the server
        holds it: shown, not written. The views are told by the caller."""
        if item is not None:
            if isinstance(record, ItemDecision):
                self.decisions(report)[item] = record
            else:
                self.decisions(report).pop(item, None)
        elif isinstance(record, ReportVerdict):
            self._verdicts[report] = record
        else:
            self._verdicts.pop(report, None)

    def unsaved(self, sha256: str, item: str | None = None) -> bool:
        """Whether a change of this item (or of the report's verdict) is still waiting to be written."""
        return (sha256, item) in self._unsaved

    def unsaved_count(self) -> int:
        return sum(self._unsaved.values())

    def review(self, sha256: str) -> ReportReview | None:
        """Every count about one report, by the core's review rules (the workbook uses the same)."""
        rv = self._reviews.get(sha256)
        if rv is None and (a := self._analyses.get(sha256)) is not None:
            rv = self._reviews[sha256] = summarize(a, self.decisions(sha256), self.verdict(sha256))
        return rv

    def status(self, sha256: str) -> str:
        """A code of ``vocab.REVIEW_STATUS``: 未审 / 审阅中 / 通过 / 需修改."""
        return review_status(self.decisions(sha256), self.verdict(sha256))

    def progress(self, sha256: str) -> tuple[int, int, int]:
        """(items with a decision in force, items in the report's checklist, items to re-check)."""
        rv = self.review(sha256)
        return (rv.decided, rv.items, rv.to_recheck) if rv is not None else (0, 0, 0)

    def finished(self) -> tuple[int, int]:
        """(reports whose review is finished, reports): the status bar's count."""
        return finished_of(self.status(sha) for sha in self._analyses)  # at every job's end: no item counts

