"""What the windowed frozen build needs at start-up: no console streams, an application icon."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from reviewer.resources import resource_path
from ui.app import _ensure_streams


def test_missing_console_streams_do_not_crash_print(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    _ensure_streams()
    print("自检结果", file=sys.stdout)
    print("错误信息", file=sys.stderr)


def test_application_icon_is_shipped(qapp: QApplication) -> None:
    icon = QIcon(str(resource_path("icons", "app.png")))
    assert not icon.isNull() and icon.availableSizes()[0].width() == 256
    assert resource_path("icons", "app.ico").stat().st_size > 1000
