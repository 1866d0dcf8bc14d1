"""The GUI with a province's worth of reports: memory, report switching, ticks, reopening. Prints JSON.

Usage: QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_gui_scale.py [N]

Writes N synthetic reports to a scratch folder, analyses them into a scratch project (cache
warm, as after a first opening), then in a fresh process: opens the project's reports from the
cache into the window (reopen time to a usable window), switches between reports 200 times
(tree selection → text, highlights and checklist shown), ticks items, and reports peak memory.
"""

from __future__ import annotations

import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def _prepare(n: int, folder: Path, project: Path) -> None:
    from reviewer.batch import import_reports
    from reviewer.checklist import load_checklist
    from reviewer.store import open_store
    from tests.benchmarks.corpus import write_reports

    write_reports(n, folder)
    store = open_store(project)
    import_reports([folder], load_checklist(), store)
    store.close()


def _measure(folder: Path, project: Path) -> dict[str, object]:
    """Runs in a fresh process: nothing cached in memory."""
    t0 = time.perf_counter()
    from PySide6.QtWidgets import QApplication

    from reviewer.batch import project_reports, with_project_findings
    from reviewer.checklist import load_checklist
    from reviewer.store import open_store
    from ui.app import apply_style
    from ui.main_window import MainWindow
    from ui.settings import SettingsStore

    app = QApplication([])
    apply_style(app)  # Fusion and the style sheet, as the program paints
    from PySide6.QtCore import QSettings

    settings = SettingsStore(QSettings(str(project.with_suffix(".ini")), QSettings.Format.IniFormat))
    window = MainWindow(settings, project)
    window.show()
    app.processEvents()
    shown = time.perf_counter() - t0
    store = open_store(project)
    result = project_reports(store, load_checklist())
    window.session.set_reports(result.analyses, with_project_findings(result.analyses))
    app.processEvents()
    usable = time.perf_counter() - t0
    shas = [a.sha256 for a in result.analyses]
    rng = random.Random(3)
    switches = []
    for _ in range(200):
        t = time.perf_counter()
        window.show_report(rng.choice(shas))
        app.processEvents()
        switches.append((time.perf_counter() - t) * 1000)
    ticks = []
    for sha in shas[:100]:
        item = window.session.analysis(sha).checklist[0].id  # type: ignore[union-attr]
        t = time.perf_counter()
        window.session.set_decision(sha, item, "符合")
        ticks.append((time.perf_counter() - t) * 1000)
    q = statistics.quantiles
    return {
        "reports": len(shas),
        "from_cache": result.from_cache,
        "window_shown_s": round(shown, 3),
        "reopen_to_usable_window_s": {"value": round(usable, 3), "target": 2.0},
        "switch_report_ms_p95": {"value": round(q(switches, n=20)[18], 1), "target": 100.0,
                                 "median": round(statistics.median(switches), 1), "switches": len(switches)},
        "tick_saved_ms_p95": {"value": round(q(ticks, n=20)[18], 2), "target": 20.0},
        "peak_rss_mb": {"value": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                        "target": 800.0},
    }


def main(n: int) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-gui-scale-") as tmp:
        folder, project = Path(tmp) / "reports", Path(tmp) / "p.review"
        t0 = time.perf_counter()
        _prepare(n, folder, project)
        first_open = time.perf_counter() - t0
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               "FAZHI_REVIEWER_DATA": tmp}
        code = f"import json,sys; sys.path.insert(0,{str(ROOT)!r}); from pathlib import Path; " \
               f"from tests.benchmarks.bench_gui_scale import _measure; " \
               f"print(json.dumps(_measure(Path({str(folder)!r}), Path({str(project)!r}))))"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
        figures = json.loads(out.stdout.strip().splitlines()[-1])
    figures["first_open_and_analyse_s"] = round(first_open, 2)
    print(json.dumps(figures, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
