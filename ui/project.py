"""Where review projects live and how one is opened: a project file (SQLite), a project on the team's
server (a ``postgresql://`` location), and memory as the last resort.

A location is a ``str``: a file path or a server URL without its password (``reviewer.location``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from reviewer.journal import Journal, data_dir
from reviewer.location import is_server, redact
from reviewer.memory_store import MemoryReviewStore
from reviewer.review_store import ReviewStore
from ui.loading import StoreOpener
from ui.writer import StoreWriter

log = logging.getLogger(__name__)

PROJECT_SUFFIX = ".review"
# The window never waits long for a project another program has locked: the writer reports a
# failure after this long (and keeps retrying); opening gives up after OPEN_TIMEOUT_MS.
WRITER_TIMEOUT_MS = 2_000
OPEN_TIMEOUT_MS = 3_000


def default_project() -> Path:
    """The project used when the reviewer has not chosen one, so nothing is ever unsaved."""
    return data_dir() / f"默认审阅项目{PROJECT_SUFFIX}"


def sample_project() -> Path:
    """The project the sample reports open into: on the very first start, or from 帮助 → 打开示例."""
    return data_dir() / f"示例审阅项目{PROJECT_SUFFIX}"


def make_writer(location: str | Path, store: ReviewStore, parent: QObject | None = None) -> StoreWriter:
    """The writer of the reviewer's changes to this project, with this window's own local journal (the
    outbox of a server project: what waits there is sent when the server can be reached). Changes left
    waiting by a window no longer open (closed while they could not be written, or crashed) are taken
    over and written first."""
    from reviewer.journal import adopt_earlier_journal
    from reviewer.store import READ_ONLY

    if store.journal_mode in ("memory", READ_ONLY):  # nothing to keep; what others left waits for a writable one
        return StoreWriter(store_opener(location, store, WRITER_TIMEOUT_MS), None, parent)
    key = redact(str(location)) if is_server(str(location)) else str(location)
    adopt_earlier_journal(data_dir(), key)
    journal, lock = _own_journal(key)
    return StoreWriter(store_opener(location, store, WRITER_TIMEOUT_MS), journal, parent, lock.unlock)


def _own_journal(key: str) -> tuple[Journal, QLockFile]:
    """This window's journal, marked as in use for as long as the window has the project open (a lock
    that its process's end makes stale), with what the journals of windows gone left waiting: in the
    order the changes were made, whichever window made them (a later pairing or plan word of one dead
    window was overridden by an earlier one of another: found by a code review)."""
    from reviewer.journal import journal_files, orphan_locks, own_journal_path

    mine = Journal(own_journal_path(data_dir(), key))
    mine.path.parent.mkdir(parents=True, exist_ok=True)
    lock = _journal_lock(mine.path)
    lock.tryLock(0)  # a name of its own: held or not, no other window writes to it
    taken: list[tuple[Path, QLockFile]] = []
    for path in journal_files(data_dir(), key):
        theirs = _journal_lock(path)
        if path != mine.path and theirs.tryLock(0):  # else a window still open: its own to write
            taken.append((path, theirs))
    try:
        changes = sorted((c for path, _ in taken for c in Journal(path).pending()), key=lambda c: c.time)
        mine.append_all(changes)
        for path, _ in taken:
            Journal(path).clear()
    except OSError:
        log.warning("cannot take over the journals left waiting", exc_info=True)  # left for the next window
    for _, theirs in taken:
        theirs.unlock()
    for journal in orphan_locks(data_dir(), key):  # a window that crashed with nothing waiting
        stale = _journal_lock(journal)
        if stale.tryLock(0):
            stale.unlock()  # which removes the lock file
    return mine, lock


def _journal_lock(journal: Path) -> QLockFile:
    lock = QLockFile(str(journal) + ".lock")
    lock.setStaleLockTime(0)  # stale only when its process is gone
    return lock


def store_opener(location: str | Path, store: ReviewStore, busy_timeout_ms: int | None = None) -> StoreOpener:
    """How a worker reaches the project: its own connection to the file, or the store itself (memory,
    or the server store, whose connection pool serves every thread)."""
    if store.journal_mode in ("memory", "server"):
        return lambda: (store, False)
    path = Path(location)

    def opener() -> tuple[ReviewStore, bool]:
        from reviewer.store import BUSY_TIMEOUT_MS, open_store

        return open_store(path, busy_timeout_ms=busy_timeout_ms or BUSY_TIMEOUT_MS), True

    return opener


def open_project(location: str | Path, parent: QWidget | None = None) -> tuple[ReviewStore, str | None]:
    """Open (or create) the project, a file checked and backed up, with a Chinese note (or None); on
    failure an in-memory store (``not_opened``) and the reason. A damaged file with a backup: the
    reviewer is offered to restore it."""
    from reviewer.store import READ_ONLY, CorruptProjectError, StoreError, open_store
    from reviewer.store_backup import restore_backup

    if is_server(str(location)):
        return open_server_project(str(location), parent)
    path = Path(location)
    try:
        store = open_store(path, busy_timeout_ms=OPEN_TIMEOUT_MS, check=True)
        return store, read_only_note(path.name) if store.journal_mode == READ_ONLY else None
    except CorruptProjectError as exc:
        if exc.backup is None or parent is None or not _ask_restore(parent, str(exc)):
            return MemoryReviewStore(), str(exc)
        try:
            kept = restore_backup(path)
            return open_store(path, busy_timeout_ms=OPEN_TIMEOUT_MS, check=True), (
                f"已从自动备份恢复 {path.name}；损坏的文件保留为 {kept.name}")
        except StoreError as again:
            return MemoryReviewStore(), str(again)
    except StoreError as exc:
        log.warning("cannot open project %s: %s", path, exc)
        return MemoryReviewStore(), str(exc)


def read_only_note(name: str) -> str:
    from reviewer.messages import msg
    from ui.labels import lang

    return msg("project.read_only", name=name).render(lang())


def lock_project(location: str | Path) -> tuple[QLockFile | None, str | None]:
    """Mark a project file as open in this window: the lock, or (None, who holds it) when another window
    already has it open. Both windows' changes are saved, but neither shows the other's, so the reviewer
    is told. A folder where no lock can be made (read-only) or a server project: (None, None)."""
    if is_server(str(location)):
        return None, None
    lock = QLockFile(str(location) + ".lock")
    lock.setStaleLockTime(0)  # stale only when its process is gone (after a crash): then taken over
    if lock.tryLock(0):
        return lock, None
    if lock.error() != QLockFile.LockError.LockFailedError:
        return None, None
    pid, host, _app = lock.getLockInfo()
    return None, f"{host} 上的进程 {pid}" if host else f"进程 {pid}"


class OfflineStandIn(MemoryReviewStore):
    """The stand-in for a team project whose server did not answer: worth trying again later."""


def not_opened(store: ReviewStore) -> bool:
    """Whether ``open_project`` failed and gave the in-memory stand-in."""
    return isinstance(store, MemoryReviewStore)


def open_server_project(location: str, parent: QWidget | None) -> tuple[ReviewStore, str | None]:
    """Connect with the password kept in the keychain; without one, or when it is refused, ask."""
    from reviewer.credentials import saved_password
    from reviewer.location import parse_server
    from reviewer.server_errors import LoginError, RefusedError, ServerOfflineError
    from reviewer.server_store import open_server_store
    from reviewer.store import StoreError

    address = parse_server(location)
    password = saved_password(address.key) if address.user else None
    message = ""
    if password is not None:
        try:
            return open_server_store(location, password=password, timeout_s=OPEN_TIMEOUT_MS / 1000), None
        except ServerOfflineError as exc:
            return OfflineStandIn(), (f"{exc.summary}。之前未发送的修改仍保存在本机；服务器恢复后，"
                                      "窗口会自动连上并打开这个项目")
        except (LoginError, RefusedError) as exc:
            message = str(exc)
        except StoreError as exc:
            return MemoryReviewStore(), str(exc)
    if parent is None:
        return MemoryReviewStore(), message or f"{redact(location)}：需要密码才能连接审阅服务器"
    from dataclasses import replace

    from ui.connect_dialog import ConnectDialog

    # the user name in its own field, not in the address too (张三 shown twice: found by a helper session)
    dialog = ConnectDialog(parent, url=replace(address, user="").url(), user=address.user, message=message)
    accepted, store = dialog.exec(), dialog.store
    dialog.release()
    if accepted and store is not None:
        return store, None
    return MemoryReviewStore(), f"未连接审阅服务器 {redact(location)}"


def _ask_restore(parent: QWidget, message: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Critical, parent.tr("审阅项目已损坏"), message,
                      QMessageBox.StandardButton.Cancel, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    restore = box.addButton(parent.tr("从备份恢复"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore
