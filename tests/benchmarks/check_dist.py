"""Smoke-test a built one-folder distribution and print its figures as JSON.

Usage: QT_QPA_PLATFORM=offscreen python tests/benchmarks/check_dist.py dist/法治年报审阅器

Runs the built ``reviewer analyze seeds --json``, the built CLI on a page image (OCR: the models
must be in the folder) and ``法治年报审阅器 --self-test``; exits non-zero when any fails. Prints
folder size and the times.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

GUI_NAME = "法治年报审阅器"


def _exe(folder: Path, name: str) -> Path:
    win = folder / f"{name}.exe"
    return win if win.exists() else folder / name


def _size_mb(folder: Path) -> float:
    files = [f for f in folder.rglob("*") if f.is_file() and not f.is_symlink()]
    return round(sum(f.stat().st_size for f in files) / 1024 / 1024, 1)


def _ocr_check(folder: Path, env: dict[str, str]) -> tuple[bool, float]:
    """The built CLI reads a rendered page by OCR (format "ocr", the figure found), offline."""
    import tempfile

    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from tests.core.format_fixtures import make_scan_png

    with tempfile.TemporaryDirectory() as tmp:
        page = make_scan_png(Path(tmp) / "scan.png", ["一、主要举措和成效", "全年共办理行政复议案件59件，纠错率44%。"])
        t0 = time.perf_counter()
        run = subprocess.run([_exe(folder, "reviewer"), "analyze", str(page), "--json"],
                             capture_output=True, text=True, env=env, check=False)
        seconds = time.perf_counter() - t0
    if run.returncode != 0:
        print(f"built OCR failed ({run.returncode}):\n{run.stderr}", file=sys.stderr)
        return False, seconds
    result = json.loads(run.stdout)
    result = result[0] if isinstance(result, list) else result
    ok = result.get("format") == "ocr" and any(m["value"] == 59 for m in result.get("metrics", []))
    if not ok:
        print(f"built OCR read the page wrongly: {run.stdout[:500]}", file=sys.stderr)
    return ok, seconds


def main(folder: Path) -> int:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    seeds = folder / "_internal" / "seeds"
    t0 = time.perf_counter()
    cli = subprocess.run([_exe(folder, "reviewer"), "analyze", str(seeds), "--json"],
                         capture_output=True, text=True, env=env, check=False)
    t_cli = time.perf_counter() - t0
    if cli.returncode != 0:
        print(f"built reviewer analyze failed ({cli.returncode}):\n{cli.stderr}", file=sys.stderr)
        return 1
    results = json.loads(cli.stdout)
    if len(results) != 5 or any(r["schema"] != "reviewer.analysis/2" for r in results):
        print("built reviewer analyze returned unexpected output", file=sys.stderr)
        return 1
    ocr_ok, t_ocr = _ocr_check(folder, env)
    if not ocr_ok:
        return 1
    t0 = time.perf_counter()
    gui = subprocess.run([_exe(folder, GUI_NAME), "--self-test"], capture_output=True, text=True, env=env, check=False)
    t_gui = time.perf_counter() - t0
    if gui.returncode != 0:
        print(f"built self-test failed ({gui.returncode}):\n{gui.stdout}\n{gui.stderr}", file=sys.stderr)
        return 1
    print(json.dumps({
        "folder_mb": _size_mb(folder),
        "cli_analyze_seeds_s": round(t_cli, 2),
        "cli_ocr_one_page_s": round(t_ocr, 2),
        "self_test_s": round(t_gui, 2),
        "self_test_output": gui.stdout.strip().splitlines()[-1:] if gui.stdout.strip() else [],
    }, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
