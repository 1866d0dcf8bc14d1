"""Start-up benchmark: process start → main window shown, and → seeds loaded. Prints JSON.

Usage: QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_gui.py [--runs 5] [--folder 300] [--folder-runs 3]

Each run is a fresh process running ``ui.app.main(["--self-test"])`` with a private data
folder, so nothing is cached between runs. The child reports, from its first line of Python,
when the window was shown and when the seeds finished loading; the parent adds the bare
interpreter start-up (``python -c pass``, median of three) to get process start → window.
``--folder N`` then opens N full-length reports in one window and reports the longest gap
between 10 ms timer ticks while they load (the GUI thread's worst stall), and when the first report
was in the tree and open (readable); the warm figures are medians over ``--folder-runs`` windows.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# FAZHI_BENCH_TREE: measure another checkout's window (e.g. main's, for before/after) with this script.
ROOT = Path(os.environ.get("FAZHI_BENCH_TREE") or Path(__file__).resolve().parents[2]).resolve()
sys.path.insert(0, str(ROOT))

CHILD = """
import sys, time, json
t0 = time.perf_counter()
import ui.app as app
app._T0 = t0
from PySide6.QtCore import QTimer
heavy = {}
def probe():
    heavy.update({m: (m in sys.modules) for m in app.HEAVY_MODULES})
QTimer.singleShot(0, probe)
code = app.main(["--self-test"])
print(json.dumps({"heavy_loaded_when_shown": heavy, "child_import_start": t0}))
sys.exit(code)
"""


def run_once() -> dict[str, object]:
    with tempfile.TemporaryDirectory() as data:
        platform = os.environ.get("QT_QPA_PLATFORM", "offscreen")
        env = {**os.environ, "FAZHI_REVIEWER_DATA": data, "QT_QPA_PLATFORM": platform}
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", CHILD], cwd=ROOT, env=env, capture_output=True, text=True,
                              check=False, timeout=300)
        wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"self-test failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    lines = [json.loads(x) for x in proc.stdout.splitlines() if x.startswith("{")]
    report, probe = lines[0], lines[1]
    return {"wall_s": wall, **report, "heavy_loaded_when_shown": probe["heavy_loaded_when_shown"]}


def measure_interpreter() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.perf_counter() - start


def measure_folder(count: int) -> dict[str, float]:
    """Open ``count`` full-length reports in one window; time it and the longest event-loop stall."""
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from ui.app import apply_style
    from ui.main_window import MainWindow
    from ui.settings import SettingsStore

    app = QApplication.instance() or QApplication([])
    apply_style(app)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["FAZHI_REVIEWER_DATA"] = tmp
        folder = Path(tmp) / "reports"
        folder.mkdir()
        for i in range(count):
            (folder / f"{i:05d}.txt").write_text(f"{seeds[i % len(seeds)]}\n编号{i}\n", encoding="utf-8")
        window = MainWindow(SettingsStore(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)),
                            Path(tmp) / "p.review")
        window.show()
        # The window on screen first, as a reviewer sees it before choosing a folder: its own first
        # paint (30-60 ms here) is not a stall of the loading.
        QTest.qWaitForWindowExposed(window)
        app.processEvents()
        ticks: list[float] = []
        timer = QTimer(interval=10)
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
        loop = QEventLoop()
        window.loader.loaded.connect(lambda _r: loop.quit())
        readable: list[float] = []  # connected after the window's own slot, which shows the report

        def first_shown(_sha: str) -> None:
            if not readable:
                readable.append(time.perf_counter())

        window.reports.report_selected.connect(first_shown)
        timer.start()
        start = time.perf_counter()
        window.controller.open_paths([str(folder)])
        loop.exec()
        took = time.perf_counter() - start
        timer.stop()
        gaps = [b - a for a, b in itertools.pairwise(ticks)]
        opened = len(window.session.analyses())
        window.close()
        app.processEvents()
    first = round(readable[0] - start, 2) if readable else None
    return {"reports": opened, "load_s": round(took, 2), "first_report_s": first,
            "longest_event_loop_gap_ms": round(max(gaps) * 1000, 1)}


def warm_summary(runs: list[dict[str, float]]) -> dict[str, object]:
    """The median of each figure over the runs, and every run's longest stall."""
    def median(key: str) -> float | None:
        values = [float(r[key]) for r in runs if r[key] is not None]
        return round(statistics.median(values), 2) if values else None

    return {"reports": runs[0]["reports"], "runs": len(runs), "load_s": median("load_s"),
            "first_report_s": median("first_report_s"),
            "longest_event_loop_gap_ms": median("longest_event_loop_gap_ms"),
            "longest_event_loop_gap_ms_each_run": [r["longest_event_loop_gap_ms"] for r in runs]}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--folder", type=int, default=300, help="reports in the responsiveness run (0: skip)")
    parser.add_argument("--folder-runs", type=int, default=3,
                        help="responsiveness runs (the longest stall of one run varies by ±10 ms here)")
    args = parser.parse_args()
    interp = statistics.median(measure_interpreter() for _ in range(3))
    runs = [run_once() for _ in range(args.runs)]
    shown = [float(str(r["window_shown_s"])) + interp for r in runs]
    loaded = [float(str(r["loaded_s"])) + interp for r in runs]
    def summary(xs: list[float]) -> dict[str, float]:
        return {"median": round(statistics.median(xs), 3), "max": round(max(xs), 3)}

    print(json.dumps({
        "runs": args.runs,
        "process_start_to_window_shown_s": summary(shown),
        "process_start_to_seeds_loaded_s": summary(loaded),
        "interpreter_start_s": round(interp, 3),
        "heavy_modules_loaded_when_window_shown": runs[-1]["heavy_loaded_when_shown"],
        "reports": runs[-1]["reports"],
        "sections_per_report": runs[-1]["sections"],
        # The first analysis in a process initialises jieba (one marshal.load holding the GIL);
        # the cold run shows that one-off stall, the warm run the steady state.
        "open_folder_cold": measure_folder(5) if args.folder else None,
        "open_folder_warm": warm_summary([measure_folder(args.folder) for _ in range(args.folder_runs)])
        if args.folder else None,
    }, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
