"""Shared fixtures. GUI tests run offscreen; anything using qtbot/qapp is marked ``gui``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Readers behave the same whether or not LibreOffice happens to be installed (it is a second route only).
os.environ["REVIEWER_SOFFICE"] = "0"

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def seed_path(prefix: str) -> Path:
    """The seed whose file name starts with ``prefix`` (e.g. "000")."""
    (match,) = [p for p in SEED_FILES if p.name.startswith(prefix)]
    return match


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if {"qtbot", "qapp"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)
