"""The core must import and run without Qt."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_reviewer_imports_without_pyside6() -> None:
    code = (
        "import sys; sys.modules['PySide6'] = None; sys.modules['shiboken6'] = None\n"
        "import pkgutil, importlib, reviewer\n"
        "for m in pkgutil.walk_packages(reviewer.__path__, 'reviewer.'):\n"
        "    m.name.endswith('__main__') or importlib.import_module(m.name)\n"
        "print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
