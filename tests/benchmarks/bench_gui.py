"""Start-up benchmark: process start → main window shown, and → seeds loaded. Prints JSON.

Usage: QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_gui.py [--runs 5]

Each run is a fresh process (``python -m ui --self-test``) with a private data folder, so
nothing is cached between runs. The child reports, relative to its own interpreter start,
when the window was shown and when the seeds finished loading; the parent adds the time
from ``Popen`` to the child's first line (interpreter start-up and Qt import).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
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
    }, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
