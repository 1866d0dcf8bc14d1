"""Opening folders: off the GUI thread, with progress, cancel, and one dialog listing failures."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from reviewer.batch import import_reports
from reviewer.checklist import load_checklist
from reviewer.memory_store import MemoryReviewStore
from ui.dialogs import LoadErrorsDialog
from ui.loading import import_work

from .conftest import WindowFactory


def _excerpts(seeds_dir: Path, folder: Path, count: int, chars: int = 1500) -> None:
    """``count`` distinct short reports cut from the seeds (distinct bytes, so distinct hashes)."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = [p.read_text(encoding="utf-8")[:chars] for p in sorted(seeds_dir.glob("*.txt"))]
    for i in range(count):
        (folder / f"report_{i:04d}.txt").write_text(f"{texts[i % len(texts)]}\n编号{i}\n", encoding="utf-8")


def test_broken_files_are_listed_in_one_dialog_and_the_rest_open(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    _excerpts(seeds_dir, folder, 3)
    (folder / "坏文件.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (folder / "空文件.txt").write_bytes(b"")
    shown: list[list[str]] = []
    monkeypatch.setattr(LoadErrorsDialog, "exec", lambda self: shown.append([e.path for e in self.errors]) or 0)
    w = make_window(tmp_path / "p.review")
    with qtbot.waitSignal(w.loader.loaded, timeout=30000):
        w.controller.open_paths([str(folder)])
    assert w.reports.proxy.rowCount() == 3
    assert len(shown) == 1
    assert sorted(Path(p).name for p in shown[0]) == ["坏文件.txt", "空文件.txt"]


def test_large_folder_shows_progress_and_keeps_the_event_loop_running(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path
) -> None:
    folder = tmp_path / "many"
    _excerpts(seeds_dir, folder, 200, chars=20000)
    # Warm the analyser first: its one-off initialisation (jieba's dictionary) is the core's cost.
    import_reports([str(next(folder.iterdir()))], load_checklist())
    w = make_window(tmp_path / "p.review")
    w.show()
    qtbot.waitExposed(w)
    ticks: list[float] = []
    progress_seen: list[bool] = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    w.loader.progressed.connect(lambda _d, _t: progress_seen.append(w.status.progress.isVisible()))
    timer.start()
    with qtbot.waitSignal(w.loader.loaded, timeout=60000):
        w.controller.open_paths([str(folder)])
        assert w.status.progress.isVisible() and w.status.cancel.isVisible()
    timer.stop()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert w.reports.proxy.rowCount() == 200
    assert progress_seen and all(progress_seen)
    assert not w.status.progress.isVisible()
    assert len(ticks) > 10
    # Unthrottled progress stalled it for ~0.7 s; spawning the analysis pool, a garbage
    # collection or the final tree rebuild may take 0.1-0.2 s in a long test session.
    assert max(gaps) < 0.3, f"event loop blocked for {max(gaps):.3f} s"


def test_cancel_stops_the_batch_early(seeds_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "c"
    _excerpts(seeds_dir, folder, 10)
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)

    store = MemoryReviewStore()
    work = import_work([str(folder)], lambda: (store, False), load_checklist(), {})
    result = work(progress, lambda: len(seen) >= 3)
    assert result.cancelled and not result.complete
    assert len(store.reports()) < 10
