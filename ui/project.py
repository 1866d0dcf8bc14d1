"""Where review projects live and how one is opened (SQLite store, memory as the last resort)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from reviewer.memory_store import MemoryReviewStore
from reviewer.review_store import ReviewStore
from ui.loading import StoreOpener
from ui.writer import StoreWriter

log = logging.getLogger(__name__)

APP_NAME = "fazhi-reviewer"
DATA_ENV = "FAZHI_REVIEWER_DATA"  # overrides the per-user data folder (tests, portable installs)
PROJECT_SUFFIX = ".review"
# The window never waits long for a project another program has locked: the writer reports a
# failure after this long (and keeps retrying); opening gives up after OPEN_TIMEOUT_MS.
WRITER_TIMEOUT_MS = 2_000
OPEN_TIMEOUT_MS = 3_000


def data_dir() -> Path:
    """The user's data folder for this program (``$FAZHI_REVIEWER_DATA`` wins)."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_project() -> Path:
    """The project used when the reviewer has not chosen one, so nothing is ever unsaved."""
    return data_dir() / f"默认审阅项目{PROJECT_SUFFIX}"


def sample_project() -> Path:
    """The project the sample reports open into: on the very first start, or from 帮助 → 打开示例."""
    return data_dir() / f"示例审阅项目{PROJECT_SUFFIX}"


def make_writer(path: Path, store: ReviewStore, parent: QObject | None = None) -> StoreWriter:
    """The writer of the reviewer's changes to this project, with its local journal."""
    from reviewer.journal import Journal, journal_path

    memory = store.journal_mode == "memory"
    journal = None if memory else Journal(journal_path(data_dir(), str(path)))
    return StoreWriter(store_opener(path, store, WRITER_TIMEOUT_MS), journal, parent)


def store_opener(path: Path, store: ReviewStore, busy_timeout_ms: int | None = None) -> StoreOpener:
    """How a worker reaches the project: its own connection to the file, or the in-memory store itself."""
    if store.journal_mode == "memory":
        return lambda: (store, False)

    def opener() -> tuple[ReviewStore, bool]:
        from reviewer.store import BUSY_TIMEOUT_MS, open_store

        return open_store(path, busy_timeout_ms=busy_timeout_ms or BUSY_TIMEOUT_MS), True

    return opener


def open_project(path: Path, parent: QWidget | None = None) -> tuple[ReviewStore, str | None]:
    """Open (or create) the project file, checked and backed up; on failure an in-memory store and a
    Chinese warning. A damaged file with a backup: the reviewer is offered to restore it."""
    from reviewer.store import CorruptProjectError, StoreError, open_store
    from reviewer.store_backup import restore_backup

    try:
        return open_store(path, busy_timeout_ms=OPEN_TIMEOUT_MS, check=True), None
    except CorruptProjectError as exc:
        if exc.backup is None or parent is None or not _ask_restore(parent, str(exc)):
            return MemoryReviewStore(), f"{exc}本次审阅只保存在内存中"
        try:
            kept = restore_backup(path)
            return open_store(path, busy_timeout_ms=OPEN_TIMEOUT_MS, check=True), (
                f"已从自动备份恢复 {path.name}；损坏的文件保留为 {kept.name}")
        except StoreError as again:
            return MemoryReviewStore(), f"{again}。本次审阅只保存在内存中"
    except StoreError as exc:
        log.warning("cannot open project %s: %s", path, exc)
        return MemoryReviewStore(), f"{exc}。本次审阅只保存在内存中"


def _ask_restore(parent: QWidget, message: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Critical, parent.tr("审阅项目已损坏"), message,
                      QMessageBox.StandardButton.Cancel, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    restore = box.addButton(parent.tr("从备份恢复"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore
