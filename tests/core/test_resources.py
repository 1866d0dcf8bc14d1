"""Resources are found the same way from a checkout, an installed wheel and a frozen build."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from reviewer import resources
from tests.conftest import ROOT


def test_checkout_finds_top_level_folders() -> None:
    assert resources.resources_dir() == ROOT / "resources"
    assert resources.seeds_dir() == ROOT / "seeds"
    assert len(list(resources.seeds_dir().glob("*.txt"))) == 5


def test_frozen_build_uses_meipass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resources_dir() == tmp_path / "resources"
    assert resources.seeds_dir() == tmp_path / "seeds"


@pytest.mark.slow
def test_installed_wheel_carries_resources_and_seeds(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), ROOT],
        check=True, capture_output=True,
    )
    (wheel,) = tmp_path.glob("*.whl")
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = "from reviewer import resources as r; print(r.resources_dir(), len(list(r.seeds_dir().glob('*.txt'))))"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env={"PYTHONPATH": str(site)},
                         capture_output=True, text=True, check=True)
    res_dir, n_seeds = out.stdout.split()
    assert Path(res_dir) == site / "reviewer" / "_resources"
    assert n_seeds == "5"
