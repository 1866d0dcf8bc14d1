"""The window's documented shortcuts work from every widget.

A line edit or text box takes some key combinations for itself before any shortcut sees them
(Ctrl+E moves to the end of a line on some platforms; Alt+↓ opens a combo box). For the
program's own documented shortcuts that would be a surprise: the reviewer pressed Ctrl+E to
export. This filter lets those combinations through to the window's actions, wherever the focus is.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget


class GlobalShortcuts(QObject):
    """Installed on the application; lives (and filters) as long as ``window``."""

    def __init__(self, window: QWidget, actions: Iterable[QAction]) -> None:
        super().__init__(window)
        self._window = window
        self._keys = {seq.toString() for a in actions for seq in a.shortcuts() if not seq.isEmpty()}
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def keys(self) -> set[str]:
        return set(self._keys)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self._window:
            return False
        if QKeySequence(event.keyCombination()).toString() in self._keys:
            event.ignore()  # not taken by the widget: the shortcut reaches the window's action
            return True
        return False
