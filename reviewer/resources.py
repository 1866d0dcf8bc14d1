"""One way to find bundled data files, from a checkout, an installed wheel or a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The ``resources/`` folder shipped with the program."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "resources", here / "_resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"找不到程序资源目录 resources/（查找位置：{here.parent}）")


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def seeds_dir() -> Path:
    """The sample reports opened when the GUI starts without arguments."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "seeds"
    res = resources_dir()
    return res.parent / ("seeds" if res.name == "resources" else "_seeds")
