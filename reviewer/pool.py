"""A warm pool of analysis processes that a long-running program keeps for all its batches.

Starting a worker costs its imports and jieba's dictionary (about a second). A window opening
folder after folder should pay that once, before the first folder, and never in its own process:
the analyser (and jieba) stay out of the GUI process, so loading never stalls the window.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future
from concurrent.futures import wait as wait_futures
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # multiprocessing and the process pool are imported when a pool is made (15 ms)
    from concurrent.futures import ProcessPoolExecutor

C = TypeVar("C")
R = TypeVar("R")
NICE = 10  # a window's workers' priority below its own (see lower_priority)
INLINE_BELOW = 16  # reports: fewer are analysed in this process (a worker would be idle before it ran)


def watch_parent() -> None:
    """Worker initialiser: end this worker when the program that started it ends, however it ended.

    A pool's workers wait on a queue whose pipe they hold both ends of, so they never notice a
    parent killed outright; left alone they would live on, each holding its dictionary in memory.
    """
    import multiprocessing
    from multiprocessing.connection import wait

    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C in a terminal ends a worker quietly; its parent says so
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def wait_and_exit() -> None:
        wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=wait_and_exit, name="watch-parent", daemon=True).start()


def lower_priority() -> None:
    """Run this worker below the window's priority.

    The window's pool has a worker per core; at the same priority they took the cores from the
    GUI thread (and its loader) while a folder opened: event-loop stalls of 100–170 ms on a
    2-core machine, with no Python running on the GUI thread. A lower priority costs the batch
    nothing when the cores are otherwise idle.
    """
    if hasattr(os, "nice"):
        try:
            os.nice(NICE)
        except OSError:
            pass  # not allowed here: the stalls stay, the results do not change


def warm_up() -> None:
    """Worker initialiser: watch the parent, then import the analyser and load the dictionary and
    tables now, not on the first report."""
    watch_parent()
    lower_priority()
    from reviewer import analyze, checklist, segment, topics

    segment.tokenizer()
    topics.topic_table()
    checklist.load_checklist()
    del analyze


def _ready() -> bool:
    return True


def warm_pool(workers: int | None = None) -> ProcessPoolExecutor:
    """A spawn-safe pool whose workers start at once and warm up in the background."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    n = workers if workers is not None else max(1, min((os.cpu_count() or 1), 8))
    pool = ProcessPoolExecutor(max_workers=n, mp_context=get_context("spawn"), initializer=warm_up)
    futures: list[Future[bool]] = [pool.submit(_ready) for _ in range(n)]  # start every worker now
    del futures
    return pool


def start_method() -> str:
    """``fork`` on Linux when this process runs no other thread, else ``spawn``.

    A forked worker starts in milliseconds with the analyser already imported and the dictionary
    already mapped (a spawned one re-imports everything: 0.2–0.3 s each). Forking a process that
    runs other threads (a window's, a loader's) can copy a lock held by one of them, so then spawn;
    the system's count of this process's threads also sees those Python does not (Qt's, and the
    OCR engine's once a scan was read), and Qt starts its own as it pleases.
    """
    if sys.platform == "linux" and threading.active_count() == 1 and _system_threads() == 1 \
            and "PySide6.QtCore" not in sys.modules:
        return "fork"
    return "spawn"


def _system_threads() -> int:
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 1  # no /proc: Python's own count decides


def batch_workers(reports: int, workers: int | None = None, busy: float | None = None) -> int:
    """How many worker processes a batch of ``reports`` gets besides this process (0: all here).

    This process analyses too (``share_work``), so a pool adds at most ``cpu_count - 1`` workers;
    none for a small batch (one report is never worth a process start), and none for cores that
    other programs keep busy (``busy``: the machine's load average, measured now when not given):
    a worker sharing a core with this process only adds the pickling of its results — on this
    2-core machine under a load of 3, a batch of 200 took 10 % longer with a worker than without.
    """
    wanted = workers if workers is not None else min(os.cpu_count() or 1, 8)
    if wanted <= 1 or reports < INLINE_BELOW:
        return 0
    load = busy if busy is not None else _load_average()
    return max(0, min(wanted - 1, int((os.cpu_count() or 1) - load)))


def fork_workers(reports: int, workers: int | None = None) -> int:
    """How many forked copies of this process share a batch of ``reports`` (``reviewer.forkmap``).

    Unlike a pool's workers, whatever other programs are doing: a forked child costs this process
    only the reading of its results, so it pays even on busy cores. Measured over 200 reports on
    this 2-core machine beside 0, 1 and 2 busy programs: one child 1.2 / 1.8 / 2.4 s, none 1.8 /
    1.9 / 2.6 s. (The load average also counts this program's own last run: a batch run twice in a
    row found the machine "busy" and ran in one process.)
    """
    return batch_workers(reports, workers, busy=0.0)


def _load_average() -> float:
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):  # Windows: no load average; assume the cores are free
        return 0.0


def batch_pool(workers: int) -> ProcessPoolExecutor:
    """A pool for one batch: forked where safe, its workers ending with this process."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    return ProcessPoolExecutor(max_workers=workers, mp_context=get_context(start_method()),
                               initializer=watch_parent)


def share_work(pool: Executor, workers: int, run: Callable[[C], R], chunks: Sequence[C],
               cancelled: Callable[[], bool] | None = None) -> Iterator[tuple[int, R]]:
    """``(index, run(chunk))`` for every chunk as each is done: ``workers`` chunks at a time in
    ``pool``, the others here, in order, between checks on the pool.

    This process never waits while there is work left, so a batch is never slower than doing it
    all here by more than receiving the workers' results — however slow the workers are to start
    (spawned) or to run (a busy machine). A chunk whose worker failed is run here. ``run`` must be
    a module-level function (it is pickled).
    """
    pending: dict[Future[R], int] = {}
    nxt = 0
    while nxt < len(chunks) or pending:
        if cancelled is not None and cancelled():
            for f in pending:
                f.cancel()
            return
        while nxt < len(chunks) and len(pending) < workers:
            pending[pool.submit(run, chunks[nxt])] = nxt
            nxt += 1
        ready, _ = wait_futures(pending, timeout=0 if nxt < len(chunks) else 0.2, return_when=FIRST_COMPLETED)
        for f in ready:
            i = pending.pop(f)
            try:
                result = f.result()
            except Exception:  # a worker died (out of memory, killed): its chunk is done here
                result = run(chunks[i])
            yield i, result
        if nxt < len(chunks) and len(pending) >= workers:
            yield nxt, run(chunks[nxt])
            nxt += 1
