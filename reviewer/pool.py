"""A warm pool of analysis processes that a long-running program keeps for all its batches.

Starting a worker costs its imports and jieba's dictionary (about a second). A window opening
folder after folder should pay that once, before the first folder, and never in its own process:
the analyser (and jieba) stay out of the GUI process, so loading never stalls the window.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import get_context
from multiprocessing.connection import wait


def watch_parent() -> None:
    """Worker initialiser: end this worker when the program that started it ends, however it ended.

    A pool's workers wait on a queue whose pipe they hold both ends of, so they never notice a
    parent killed outright; left alone they would live on, each holding its dictionary in memory.
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def wait_and_exit() -> None:
        wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=wait_and_exit, name="watch-parent", daemon=True).start()


def warm_up() -> None:
    """Worker initialiser: watch the parent, then import the analyser and load the dictionary and
    tables now, not on the first report."""
    watch_parent()
    from reviewer import analyze, checklist, segment, topics

    segment.tokenizer()
    topics.topic_table()
    checklist.load_checklist()
    del analyze


def _ready() -> bool:
    return True


def warm_pool(workers: int | None = None) -> ProcessPoolExecutor:
    """A spawn-safe pool whose workers start at once and warm up in the background."""
    n = workers if workers is not None else max(1, min((os.cpu_count() or 1), 8))
    pool = ProcessPoolExecutor(max_workers=n, mp_context=get_context("spawn"), initializer=warm_up)
    futures: list[Future[bool]] = [pool.submit(_ready) for _ in range(n)]  # start every worker now
    del futures
    return pool
