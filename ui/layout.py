"""The window's first size and pane proportions, from the screen it opens on.

An office laptop has 1366×768; a desk screen 1920×1080. On both the report text is the largest
pane: a sensible window for the screen, the panes in proportion to it, and afterwards whatever
the reviewer arranged (saved with the settings) wins.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter

SMALL_SCREEN = 1500  # narrower than this, the window opens maximised
TREE, TEXT, CHECKLIST = SHARES = 0.20, 0.47, 0.33  # shares of the width
REPORTS_MIN_WIDTH = 220  # px: a unit's name, its year and its two badges ("津南区人民政府 · 2021 缺5 问9")
TEXT_HEIGHT = 0.70  # share of the height above the 数据指标 / 问题 / 往年对比 tables
# On a laptop's 768 lines the tables kept two rows under their headers and filters (往年对比: a helper
# session); below this height the text gives them a little more.
SHORT_SCREEN, SHORT_TEXT_HEIGHT = 900, 0.62


def available() -> QRect:
    screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)


def fit_to_screen(window: QMainWindow, split: QSplitter, vsplit: QSplitter, area: QRect | None = None) -> None:
    """Size the window for ``area`` (the screen's free area) and share it out between the panes."""
    area = area or available()
    w, h = min(1680, int(area.width() * 0.94)), min(1050, int(area.height() * 0.94))
    window.resize(w, h)
    if area.width() < SMALL_SCREEN:
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
        w, h = area.width(), area.height()
    split.setSizes([int(w * TREE), int(w * TEXT), int(w * CHECKLIST)])
    body = h - 120  # menu, tool and status bars
    share = text_share(area.height())
    vsplit.setSizes([int(body * share), int(body * (1 - share))])


def text_share(height: int) -> float:
    """The report text's share of the height above the tables, for a screen ``height`` pixels high."""
    return SHORT_TEXT_HEIGHT if height < SHORT_SCREEN else TEXT_HEIGHT
