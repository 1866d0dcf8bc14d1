"""GUI fixtures: every window gets its own settings file and data folder under tmp_path."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from reviewer.journal import DATA_ENV
from ui.main_window import MainWindow
from ui.settings import SettingsStore

WindowFactory = Callable[..., MainWindow]


@pytest.fixture(autouse=True)
def _private_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> None:
    # Icons and fonts need a QApplication even in model-only tests.
    monkeypatch.setenv(DATA_ENV, str(tmp_path / "data"))


@pytest.fixture(autouse=True)
def _no_unexpected_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog nobody answers would hang the run offscreen: fail at once, naming it.

    A test that expects a dialog answers it by patching ``exec`` itself (after this fixture).
    """

    def unexpected(self: QDialog) -> int:
        text = self.text() if isinstance(self, QMessageBox) else ""
        raise AssertionError(f"unexpected dialog {type(self).__name__}: {self.windowTitle()} {text}")

    monkeypatch.setattr(QMessageBox, "exec", unexpected)
    monkeypatch.setattr(QDialog, "exec", unexpected)


def answer_with(monkeypatch: pytest.MonkeyPatch, button: str, asked: list[str] | None = None) -> None:
    """Every message box from now on is answered by clicking its button named ``button`` (its text kept
    in ``asked``)."""

    def click(box: QMessageBox) -> int:
        if asked is not None:
            asked.append(box.text())
        next(b for b in box.buttons() if b.text() == button).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click)


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def make_window(qtbot: QtBot, settings_path: Path) -> Iterator[WindowFactory]:
    made: list[MainWindow] = []

    def factory(project: Path | None = None) -> MainWindow:
        store = SettingsStore(QSettings(str(settings_path), QSettings.Format.IniFormat))
        w = MainWindow(store, project)
        qtbot.addWidget(w)
        made.append(w)
        return w

    yield factory
    for w in made:
        w.loader.cancel()
