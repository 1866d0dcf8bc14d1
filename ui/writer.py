"""The one writer of the reviewer's changes: off the GUI thread, journalled, retried until written.

The window changes its own picture at once and hands each change here. A worker thread with its
own connection writes the changes in order; a lock held by another program, a full disk, a
dropped share or a read-only project make it report the failure (``failed``), keep the change in
the local journal and try again, so the window never waits for the project and nothing is lost.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from reviewer.journal import Change, Journal, apply_change
from reviewer.review_store import ReviewStore
from reviewer.server_errors import RefusedError, ServerOfflineError

log = logging.getLogger(__name__)
RETRY_S = (1.0, 2.0, 4.0, 8.0)  # waits between attempts, the last one repeated
# A write that has not come back after this long is said to be failing while it still waits: a server
# that stops answering (paused, its network gone quiet) holds a query with no error, and the window
# said 已连接 for a minute with changes unsaved (found by a helper session).
STALL_S = 10.0

#: Gives the writer a store and says whether the writer must close it.
Opener = Callable[[], tuple[ReviewStore, bool]]


class StoreWriter(QObject):
    """Signals (queued to the GUI thread):
        saved(change): a change is in the project.
        failed(message, pending, offline): the project could not be written; ``pending`` changes wait
            (``offline``: the team's server cannot be reached, so they wait in the outbox).
        recovered(): every waiting change was written after a failure.
        refused(message, change, current): the server's rights refused the change, which is dropped;
            ``current`` is the project's own record of that item (or None).
    """

    saved = Signal(object)
    failed = Signal(str, int, bool)
    recovered = Signal()
    refused = Signal(str, object, object)

    def __init__(self, opener: Opener, journal: Journal | None, parent: QObject | None = None,
                 release: Callable[[], None] | None = None) -> None:
        """``release`` is called once the writer has stopped: the journal is no longer in use."""
        super().__init__(parent)
        self._opener = opener
        self.journal = journal
        self._release = release
        self._queue: deque[Change] = deque(journal.pending() if journal is not None else ())
        self._wake = threading.Condition()
        self._stop = False
        self._failing = False
        self._writing_since: float | None = None  # when the write under way began (the worker's)
        self.journal_ok = True  # False once a change could not be kept on this computer either
        self._watch = QTimer(self, interval=1000)
        self._watch.timeout.connect(self._check_stalled)
        self._watch.start()
        self._thread = threading.Thread(target=self._run, name="store-writer", daemon=True)
        self._thread.start()

    def submit(self, change: Change) -> None:
        """Keep the change in the journal, then queue it for the project."""
        with self._wake:  # under the lock: the worker must not empty the journal in between
            if self.journal is not None:
                try:
                    self.journal.append(change)
                except OSError as exc:
                    log.error("journal not writable: %s", exc)
                    self.journal_ok = False
            self._queue.append(change)
            self._wake.notify()

    @property
    def failing(self) -> bool:
        """Whether the last write failed (the project locked, the disk full, the server away)."""
        return self._failing

    def pending(self) -> list[Change]:
        with self._wake:
            return list(self._queue)

    def retry_now(self) -> None:
        with self._wake:
            self._wake.notify()

    def flush(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds for every change to be written; True when none waits."""
        with self._wake:
            self._wake.notify()
            return self._wake.wait_for(lambda: not self._queue, timeout)

    def close(self, timeout: float = 3.0) -> bool:
        """Write what can be written, then stop; True when nothing was left waiting."""
        done = self.flush(timeout)
        with self._wake:
            self._stop = True
            self._wake.notify_all()
        # Not long for a thread that may be waiting on a server that does not answer: what it has not
        # written is in the journal, and it dies with the program.
        self._thread.join(timeout=0.2 if self._failing else 1.0)
        if self._release is not None:
            self._release()
            self._release = None
        return done

    # -- the worker thread ------------------------------------------------
    def _run(self) -> None:
        store: ReviewStore | None = None
        owned = False
        attempt = 0
        while True:
            with self._wake:
                self._wake.wait_for(lambda: self._queue or self._stop)
                if self._stop and (not self._queue or attempt):
                    break
                change = self._queue[0]
            try:
                self._writing_since = time.monotonic()
                if store is None:
                    store, owned = self._opener()
                apply_change(store, change)
            except RefusedError as exc:  # refused now, refused on every retry: drop it and say why
                self._writing_since = None
                self._dropped(change, str(exc), store)
                continue
            except Exception as exc:  # any failure to write: say so, keep the change, try again
                self._writing_since = None
                attempt += 1
                self._report_failure(str(exc), isinstance(exc, ServerOfflineError))
                with self._wake:
                    self._wake.wait(RETRY_S[min(attempt - 1, len(RETRY_S) - 1)])
                if owned and store is not None:
                    store.close()
                    store = None  # a fresh connection: the file may have been replaced or remounted
                continue
            attempt = 0
            self._writing_since = None
            self._written(change, store)
        if owned and store is not None:
            store.close()

    def _check_stalled(self) -> None:
        """On the GUI thread: a write waiting for an answer too long is a failure, said at once."""
        with self._wake:  # checked and marked under the lock: a write ending meanwhile then says it recovered
            since = self._writing_since
            if since is None or self._failing or time.monotonic() - since < STALL_S:
                return
            self._failing = True
            waiting = len(self._queue)
        waited = round(time.monotonic() - since)
        _emit(self.failed, f"保存时对方没有应答（已等待 {waited} 秒），修改已暂存在本机，应答后自动写入", waiting, True)

    def _report_failure(self, message: str, offline: bool) -> None:
        with self._wake:
            self._failing = True
            waiting = len(self._queue)
        _emit(self.failed, message, waiting, offline)

    def _dropped(self, change: Change, message: str, store: ReviewStore | None) -> None:
        current: object = None
        try:
            if store is not None and change.item is not None:
                current = store.decisions(change.report).get(change.item)
            elif store is not None and change.kind == "verdict":
                current = store.verdict(change.report)
        except Exception:  # the record is only shown again; the refusal is what matters
            log.warning("cannot read the record after a refused change", exc_info=True)
        with self._wake:
            self._queue.popleft()
            if not self._queue and self.journal is not None and self.journal_ok:
                self.journal.clear()
            self._wake.notify_all()
        _emit(self.refused, message, change, current)

    def _written(self, change: Change, store: ReviewStore) -> None:
        with self._wake:
            self._queue.popleft()
            empty = not self._queue
            if empty and self.journal is not None and self.journal_ok:
                self.journal.clear()
            recovered = empty and self._failing
            if recovered:
                self._failing = False
            self._wake.notify_all()
        if empty:  # all written: into the project file itself, for a copy of it taken now (a helper session's)
            try:
                store.checkpoint()
            except Exception:  # the change is written; the copy waits for the next checkpoint
                log.warning("checkpoint failed", exc_info=True)
        _emit(self.saved, change)
        if recovered:
            _emit(self.recovered)


def _emit(signal: object, *args: object) -> None:
    try:
        signal.emit(*args)  # type: ignore[attr-defined]
    except RuntimeError:  # the window (and this object) went away while the thread ran
        pass
