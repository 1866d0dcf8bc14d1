"""A wheel built from the repository holds every package and data folder (the list in pyproject.toml)."""

from __future__ import annotations

import tomllib

from tests.conftest import ROOT


def _config() -> dict[str, object]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    setuptools: dict[str, object] = data["tool"]["setuptools"]
    return setuptools


def test_every_code_folder_is_a_listed_package() -> None:
    listed = set(_config()["packages"])  # type: ignore[arg-type]
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for top in ("reviewer", "ui")
        for p in (ROOT / top).rglob("__init__.py")
        if "_resources" not in p.parts
    }
    assert found <= listed, f"folders missing from pyproject packages: {sorted(found - listed)}"


def test_every_resource_folder_is_a_listed_package_with_its_files() -> None:
    cfg = _config()
    listed = set(cfg["packages"])  # type: ignore[arg-type]
    data: dict[str, list[str]] = cfg["package-data"]  # type: ignore[assignment]
    resources = ROOT / "resources"
    docs_only = {"__pycache__", "screenshots"}  # pictures for the README, not used by the program
    for folder in [resources, *[d for d in resources.rglob("*") if d.is_dir() and d.name not in docs_only]]:
        name = ".".join(("reviewer._resources", *folder.relative_to(resources).parts))
        assert name in listed, f"{folder} is not packaged"
        patterns = data.get(name, [])
        for f in folder.iterdir():
            if f.is_file() and f.suffix != ".py":
                assert any(f.match(p) for p in patterns), f"{f} would be left out of the wheel"
