"""Workflows behind the menus: open a project, bring reports into it, remove or re-import them.

The main window builds widgets; this object decides what happens when the reviewer asks for
something, talking to the session, the loader and dialogs. Export, settings and help live in
``ui.commands``.
"""

from __future__ import annotations

import gc
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reviewer.checklist import Checklist
from reviewer.formats.registry import report_filter
from reviewer.location import display_name
from reviewer.messages import msg
from reviewer.model import Analysis
from reviewer.paths import readable_name
from reviewer.review_store import ReviewStore
from ui.coalesce import Coalesced
from ui.dialogs import LoadErrorsDialog, confirm_removal, show_message
from ui.elsewhere import Elsewhere
from ui.labels import lang
from ui.loading import (
    Deliver,
    JobContext,
    LoadResult,
    ReportDraft,
    WarmPool,
    import_work,
    open_project_work,
    regroup_work,
)
from ui.opening import (
    ask_new_project,
    ask_project,
    ask_server,
    fill_recent,
    load_note,
    tell_locked,
    tell_opened,
    tell_refused,
)
from ui.place import put_back, taken
from ui.project import (
    OfflineStandIn,
    lock_project,
    make_writer,
    not_opened,
    open_project,
    sample_project,
    store_opener,
)
from ui.reconnect import Reconnector
from ui.settings import Place

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class Controller(QObject):
    """Signals: project_loaded() once the open project's reports are all shown."""

    project_loaded = Signal()

    def __init__(self, window: MainWindow, project: str | Path, warning: str | None, checklist: Checklist) -> None:
        super().__init__(window)
        self.w = window
        self.project = str(project)  # a project file's path or a server URL (``reviewer.location``)
        self.checklist = checklist
        self._pending: list[str] = []
        self._auto_selected: str | None = None
        self.elsewhere = Elsewhere(window.session, self._read_again, window.loader.busy)  # others' changes
        self._lock: QLockFile | None = None
        self._resume = ""  # the report the project was left on (``come_back``)
        loader = window.loader
        loader.progressed.connect(window.status.loading)
        loader.loaded.connect(self._loaded)
        loader.failed.connect(self._failed)
        loader.partial.connect(self._partial)
        loader.drafted.connect(self._drafted)
        loader.review_read.connect(lambda r: window.session.take_review(r.decisions, r.verdicts))
        loader.pages.connect(window.status.reading_pages)
        self.pools = WarmPool()
        self._progress_later = Coalesced(self._review_progress, self)  # once per burst of arriving reports
        window.session.review_changed.connect(lambda _sha: self._review_progress())
        window.session.reports_changed.connect(self._review_progress)
        window.session.reports_added.connect(lambda _n: self._progress_later.request())
        window.actions_.recent.aboutToShow.connect(self._fill_recent)
        self.reconnect = Reconnector(self)  # a team project whose server did not answer at the start
        self.reconnect.connected.connect(self._reconnected)
        self.reconnect.refused.connect(lambda why: tell_refused(self.w, why))
        self._project_opened(self.project, warning)

    # -- the project's reports --------------------------------------------
    def _context(self, deliver: Deliver) -> JobContext:
        def pages(path: Path, done: int, total: int) -> None:  # on the worker thread: queued to the GUI
            try:
                self.w.loader.pages.emit(readable_name(str(path)), done, total)
            except RuntimeError:
                pass  # the window closed while a scan was read: the job is cancelled and stops at the next page

        opener = store_opener(self.project, self.w.session.store)
        return JobContext(opener, self.checklist, self.pools.get, deliver, pages)

    def load_project(self, then_import: Sequence[str] = (), have: Mapping[str, Analysis] | None = None) -> None:
        """Show every report the project holds (and then bring ``then_import`` in); ``have``: analyses the
        window holds, not read again."""
        self._pending = list(then_import)
        resume = self._resume  # the report the project was left on: read first, opened first
        self.w.loader.run(lambda deliver: open_project_work(self._context(deliver), have, first=resume), replace=True)
        self.w.status.loading(0, 2)

    def open_paths(self, paths: Sequence[str]) -> bool:
        """Bring reports into the open project; each shows in the tree as soon as it is analysed."""
        if self.w.session.refused_read_only():
            return False
        have = self.w.session.base()
        if not self.w.loader.run(lambda deliver: import_work(list(paths), self._context(deliver), have)):
            self.w.status.showMessage(self.w.tr("正在打开其他文件，请稍候或先取消"), 4000)
            return False
        self.w.status.loading(0, 2)
        return True

    def _partial(self, analyses: object) -> None:
        """Reports analysed while the rest are still being read: shown at once, the first one opened."""
        assert isinstance(analyses, list)
        first = not self.w.session.analyses()
        self.w.session.add_reports(analyses)
        if first and analyses and self.w.reports.current_report() is None:
            # The report the project was left on (it is read first), else whichever came first; it
            # stays when the load ends.
            arrived = [a.sha256 for a in analyses]
            self._auto_selected = self._resume if self._resume in arrived else arrived[0]
            QTimer.singleShot(0, self, self._open_first)

    def _open_first(self) -> None:
        """The first report opened one turn of the event loop after its row arrived: the tree lays
        out and paints its new rows first, the report and its panes in a turn of their own (the two
        together were the longest stall of a folder opening)."""
        sha = self._auto_selected
        if sha and self.w.reports.current_report() is None and self.w.session.analysis(sha) is not None:
            self.w.reports.select_report(sha, or_first=True)

    def _drafted(self, draft: object) -> None:
        """A scan's first pages: readable at once, the rest filling in as OCR reads them."""
        assert isinstance(draft, ReportDraft)
        first = not self.w.session.analyses()
        self.w.session.show_draft(draft.analysis, draft.done, draft.total)
        if first and self.w.reports.current_report() is None:
            self._auto_selected = draft.analysis.sha256
            self.w.reports.select_report(self._auto_selected)

    def open_files_dialog(self) -> None:
        filters = report_filter(self.w.tr("报告"), self.w.tr("所有文件"))
        paths, _ = QFileDialog.getOpenFileNames(self.w, self.w.tr("打开报告"), "", filters)
        if paths:
            self.open_paths(paths)

    def open_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.w, self.w.tr("打开报告文件夹"))
        if folder:
            self.open_paths([folder])

    def reanalyze(self) -> None:
        """Analyse the project's reports again with the current checklist (cached where unchanged)."""
        self.w.checklist.flush()
        self.load_project()

    def remove_reports(self, shas: Sequence[str]) -> None:
        """Take the reports out of the project, once the reviewer has confirmed it."""
        if not shas or self.w.session.refused_read_only():
            return
        if not self.w.session.team.may_remove():
            self.w.status.showMessage(msg("sync.lead_only_remove").render(lang()), 6000)
            return
        if self.w.loader.busy():
            self.w.status.showMessage(self.w.tr("正在打开报告，请稍候再移除"), 4000)
            return
        names = [a.meta.issuer or readable_name(a.file) for s in shas if (a := self.w.session.analysis(s))]
        if not confirm_removal(self.w, names, self.w.session.store.journal_mode == "server"):
            return
        self.w.checklist.flush()
        self._resume = self.w.reports.neighbour(shas) or ""  # as a list's Delete leaves it
        self.w.session.remove(shas)
        base = list(self.w.session.base().values())
        last = self.w.session.lastyear.inputs()
        self.w.loader.run(lambda _deliver: regroup_work(base, last))

    def removed_elsewhere(self, shas: object) -> None:
        """The lead took reports out of the shared project: read it again (once the load under way is
        done), going on from the report shown if it was one of them."""
        assert isinstance(shas, list)
        current = self.w.reports.current_report()
        if current is not None and current in shas and self.w.session.analysis(current) is not None:  # before reading
            self._resume = self.w.reports.neighbour(shas) or ""
        self.elsewhere.removed(shas)

    def added_elsewhere(self, shas: object) -> None:
        assert isinstance(shas, list)
        self.elsewhere.added(shas)

    def _read_again(self) -> None:
        """For others' changes: the reports this window holds are not read again (a report's text never
        changes under its name; every import by anyone made each of twenty windows read all: found by a
        helper session)."""
        self.w.checklist.flush()
        self.load_project(have=self.w.session.base())

    def reimport_changed(self) -> None:
        """Read again the reports whose source file has changed; decisions carry over, marked for re-check."""
        changed = [a.file for s in sorted(self.w.session.changed_on_disk) if (a := self.w.session.analysis(s))]
        if changed:
            self.open_paths(changed)

    def _loaded(self, result: object) -> None:
        assert isinstance(result, LoadResult)
        self.w.status.loading_done()
        self._drop_drafts()
        failures = self.w.session.load_failures
        if result.failures is not None:  # as the project keeps them (a reopened project lists them too)
            failures.clear()
            failures.update((e.path, e) for e in result.failures)
        failures.update((e.path, e) for e in result.errors if e.lost)
        for a in result.analyses:  # read now, after all
            failures.pop(a.file, None)
        if result.complete and not result.cancelled:
            had = self.w.reports.current_report()
            self.w.session.set_reports(result.base, result.analyses, result.review)
            self.w.session.changed_on_disk = set(result.changed)
            gc.freeze()  # a project's analyses live as long as it is open: never walk them again
            pick = self._pick(result, had)
            if pick is not None and pick == self.w.reports.current_report():
                self.w.show_report(pick)  # its project findings arrived; the tree stays where the reviewer left it
            elif pick is not None:
                self.w.reports.select_report(pick, or_first=True)
            self.w.reports.reveal(result.added)  # reports just brought in are listed whatever the scope
            self._auto_selected = None
        if self._pending:  # the files asked for come next: no "项目中有 0 份报告" while they arrive
            paths, self._pending = self._pending, []
            if result.errors:
                self._report(result)
            self.open_paths(paths)
            return
        self._report(result)
        if result.complete:
            self.project_loaded.emit()
        self.elsewhere.load_ended()

    def _pick(self, result: LoadResult, had: str | None) -> str | None:
        """The report to show when a load ends: the reviewer's own choice; else the one they left the
        project on; else the one opened by itself while loading, which they may be reading (never
        taken away from under them); else the first report added, or the first of all. A report read
        again as a new version is followed to it (a folder opened again with a changed file in it
        left the reviewer on another unit's report: found by a helper session)."""
        shown = {a.sha256 for a in result.analyses}
        newer = {old: new for new, old in result.earlier.items()}
        resume, self._resume = self._resume, ""
        auto = had if had is not None and had == self._auto_selected else None
        own = had if had is not None and auto is None else None
        for candidate in (own, resume, auto, *result.added):
            candidate = newer.get(candidate or "", candidate)
            if candidate and candidate in shown:
                return candidate
        return result.analyses[0].sha256 if result.analyses else None

    def _report(self, result: LoadResult) -> None:
        note = load_note(result, self.elsewhere.told, len(self.w.session.analyses()))
        self.elsewhere.told = None
        self.w.status.showMessage(note, 8000)
        if result.errors:
            among = [a.file for a in self.w.session.analyses()]
            LoadErrorsDialog(result.errors, len(result.added), self.w, among).exec()

    def _drop_drafts(self) -> None:
        """A scan not read to its end leaves the list (a whole project's list replaces it anyway); the
        report on show stays selected, though the list was made anew."""
        if not self.w.session.reading:
            return
        shown = self.w.text.analysis
        self.w.session.drop_drafts()
        if shown is not None and self.w.session.analysis(shown.sha256) is not None:
            self.w.reports.select_report(shown.sha256)

    def _failed(self, message: str) -> None:
        self.w.status.loading_done()
        self._drop_drafts()
        self._pending = []
        text = self.w.tr("打开报告时出错：\n{m}").format(m=message)
        show_message(self.w, QMessageBox.Icon.Critical, self.w.tr("打开失败"), text)

    # -- projects --------------------------------------------------------
    def new_project(self) -> None:
        if path := ask_new_project(self.w):
            self.switch_project(path)

    def open_project_dialog(self) -> None:
        if path := ask_project(self.w):
            self.switch_project(path)

    def open_samples(self) -> None:
        """The sample reports, in their own project (never added to the reviewer's)."""
        self.switch_project(sample_project(), samples_if_empty=True)

    def connect_server(self) -> None:
        """文件 → 连接审阅服务器: the team's shared project."""
        if connected := ask_server(self.w):
            self.switch_project(connected[0], store=connected[1])

    def switch_project(self, path: str | Path, samples_if_empty: bool = False,
                       store: ReviewStore | None = None) -> None:
        """Open another project: everything shown is replaced by its reports and reviews."""
        self.w.checklist.flush()
        warning = None
        if store is None:
            store, warning = open_project(path, self.w)
            if not_opened(store):  # the reviewer stays where they were, told why
                store.close()
                text = self.w.tr("{why}\n\n仍在审阅当前项目“{name}”。").format(
                    why=warning or "", name=display_name(self.project))
                show_message(self.w, QMessageBox.Icon.Warning, self.w.tr("无法打开审阅项目"), text)
                return
        self.keep_place()
        self.elsewhere.clear()  # the previous project's
        self.w.session.set_store(store, lambda: make_writer(path, store, self.w))
        self.project = str(path)
        self.come_back()
        self._project_opened(self.project, warning)
        seeds = [str(_seeds())] if samples_if_empty and not store.reports() else []
        self.load_project(then_import=seeds)

    def _project_opened(self, location: str, warning: str | None) -> None:
        s = self.w.settings
        failed = not_opened(self.w.session.store)
        if not failed:  # a project that could not be opened is not one to come back to
            s.remember_project(location)
            self.w.settings_store.save(s)
        self._take_lock(location, failed)
        name = display_name(location)
        self.w.setWindowTitle(self.w.tr("{p} — 法治年报审阅器").format(p=name))
        self.w.status.set_project(name, self.w.session.store.journal_mode)
        self.w.team.attach(self.w.session.store)
        self.reconnect.stop()
        if isinstance(self.w.session.store, OfflineStandIn):  # the server may answer again: tried in the background
            self.reconnect.watch(location)
            self.w.team.standing_in(location)
        tell_opened(self.w, self.w.session.store, failed, warning)
        self._review_progress()

    def _reconnected(self, location: str, store: ReviewStore) -> None:
        """The team's server answers again: the project the window stood in for opens, as it was."""
        if location != self.project or not not_opened(self.w.session.store):
            store.close()
            return
        self.switch_project(location, store=store)
        self.w.status.showMessage(self.w.tr("已重新连上审阅服务器"), 8000)

    def _take_lock(self, location: str, failed: bool) -> None:
        """This window's mark on its project file; a project already open in another window is said so."""
        if self._lock is not None:
            self._lock.unlock()
        self._lock, holder = (None, None) if failed else lock_project(location)
        if holder is not None:
            tell_locked(self.w, location, holder)

    def come_back(self) -> None:
        """The window as the reviewer left this project: its filters, page and tab now, its report
        read first and opened as it arrives."""
        place = self.w.settings.places.get(self.project, Place())
        self._resume = place.report
        put_back(self.w, place)

    def keep_place(self) -> None:
        """Remember where the reviewer is, to come back to it when this project is opened again."""
        self.w.settings.places[self.project] = taken(self.w, self.w.settings.places.get(self.project, Place()))

    def release(self) -> None:
        """The window closes: its project is free for the next one."""
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def _fill_recent(self) -> None:
        fill_recent(self.w.actions_.recent, self.w.settings.recent_projects, self.switch_project)

    def _review_progress(self) -> None:
        self.w.status.set_review_progress(*self.w.session.finished())


def _seeds() -> Path:
    from reviewer.resources import seeds_dir

    return seeds_dir()
