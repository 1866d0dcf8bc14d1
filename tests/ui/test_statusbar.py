"""A long status-bar message stays clear of the labels on the right, cut with … and whole in its tooltip."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStatusTipEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow

from .conftest import WindowFactory

LONG = ("已导出到 /home/reviewer/共享盘/法治政府建设/2024年度/各区县报告审阅/汇总/"
        "某某区司法局法治政府建设年度报告审阅_2024年度_全部报告_核查矩阵与数据指标对比.xlsx，可以直接打开查看")
GAP = 6  # pixels of nothing between the message and the label after it


def _window(make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, width: int) -> MainWindow:
    w = make_window(tmp_path / "某某区司法局法治政府建设年度报告审阅.review")
    w.show()
    qtbot.waitExposed(w)
    w.setWindowState(Qt.WindowState.WindowNoState)  # the small offscreen screen had it maximised
    w.resize(width, 700)
    w.status.set_sync("已连接服务器 · 张三（组长）")
    w.status.set_review_progress(3, 120)
    qtbot.waitUntil(lambda: w.status.width() >= width - 10)
    return w


def _ink_before(w: MainWindow, x: int) -> list[int]:
    """The columns among the ``GAP`` before ``x`` where the status bar has anything painted."""
    bar = w.status
    image = bar.grab().toImage()
    scale = image.width() / bar.width()
    blank = image.pixelColor(int(2 * scale), image.height() // 2)
    rows = range(int(4 * scale), image.height() - int(4 * scale))
    return [c for c in range(int((x - GAP) * scale), int(x * scale))
            if any(image.pixelColor(c, r) != blank for r in rows)]


@pytest.mark.parametrize("width", [1366, 1600])
def test_a_long_message_is_cut_short_of_the_connection_label_and_whole_in_its_tooltip(
        make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, width: int) -> None:
    w = _window(make_window, qtbot, tmp_path, width)
    w.status.showMessage(LONG, 60_000)
    qtbot.wait(50)
    sync = w.status.sync.geometry()
    assert _ink_before(w, sync.x()) == []  # it ran up to the label, cut mid-character: one line with it
    shown = w.status.message
    assert shown.geometry().right() < sync.x()
    assert shown.text().startswith("已导出到 /home/") and "…" in shown.text() and shown.text().endswith("直接打开查看")
    assert shown.fontMetrics().horizontalAdvance(shown.text()) <= shown.contentsRect().width()
    assert shown.toolTip() == LONG and w.status.currentMessage() == LONG
    w.status.showMessage("已打开 5 份报告")
    assert shown.text() == "已打开 5 份报告" and shown.toolTip() == ""


def test_a_menus_status_tip_is_cut_as_well_and_the_labels_keep_their_width(
        make_window: WindowFactory, qtbot: QtBot, tmp_path: Path) -> None:
    w = _window(make_window, qtbot, tmp_path, 1366)
    qtbot.wait(50)  # the project's own count of reviews finished, shown after it opened
    widths = [label.width() for label in (w.status.sync, w.status.review, w.status.project)]
    QApplication.sendEvent(w, QStatusTipEvent(LONG * 2))  # Qt shows it itself, from C++
    qtbot.wait(50)
    assert _ink_before(w, w.status.sync.x()) == []
    assert [label.width() for label in (w.status.sync, w.status.review, w.status.project)] == widths
    assert w.status.message.toolTip() == LONG * 2
    w.status.clearMessage()
    assert w.status.message.text() == ""


def test_while_a_scan_is_read_the_progress_bar_keeps_its_width_and_the_page_stays_in_view(
        make_window: WindowFactory, qtbot: QtBot, tmp_path: Path) -> None:
    w = _window(make_window, qtbot, tmp_path, 1366)
    w.status.loading(10, 40)
    w.status.reading_pages("某某区人民政府关于2024年度法治政府建设情况的报告（盖章扫描件，终稿）.pdf", 3, 12)
    qtbot.wait(50)
    assert w.status.progress.width() == w.status.progress.maximumWidth()
    assert _ink_before(w, w.status.progress.x()) == []
    assert w.status.message.text().endswith("：第 4/12 页")
