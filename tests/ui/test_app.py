"""``reviewer-gui --self-test``: the whole program starts, opens the seeds and exits cleanly."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_self_test_opens_the_seeds_and_leaves_user_data_alone(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FAZHI_REVIEWER_DATA": str(data)}
    proc = subprocess.run([sys.executable, "-m", "ui", "--self-test"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["reports"] == 5
    assert report["sections"] == [4, 3, 6, 4, 4]
    assert report["journal_mode"] == "wal"
    assert report["window_shown_s"] < report["loaded_s"]
    assert not data.exists()
