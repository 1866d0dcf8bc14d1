"""Where review projects live and how one is opened (SQLite store, memory as the last resort)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from reviewer.memory_store import MemoryReviewStore
from reviewer.review_store import ReviewStore
from ui.loading import StoreOpener

log = logging.getLogger(__name__)

APP_NAME = "fazhi-reviewer"
DATA_ENV = "FAZHI_REVIEWER_DATA"  # overrides the per-user data folder (tests, portable installs)
PROJECT_SUFFIX = ".review"


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


def store_opener(path: Path, store: ReviewStore) -> StoreOpener:
    """How a worker reaches the project: its own connection to the file, or the in-memory store itself."""
    if store.journal_mode == "memory":
        return lambda: (store, False)

    def opener() -> tuple[ReviewStore, bool]:
        from reviewer.store import open_store

        return open_store(path), True

    return opener


def open_project(path: Path) -> tuple[ReviewStore, str | None]:
    """Open (or create) the project file; on failure an in-memory store and a Chinese warning."""
    from reviewer.store import StoreError, open_store

    try:
        store: ReviewStore = open_store(path)
    except StoreError as exc:
        log.warning("cannot open project %s: %s", path, exc)
        return MemoryReviewStore(), f"{exc}。本次审阅只保存在内存中"
    return store, None
