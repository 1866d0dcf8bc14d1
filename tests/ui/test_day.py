"""A reviewer's day: shortcuts from anywhere, the 对比 page, help, a tidy tree."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ui.compare.model import ROLE_SHA
from ui.help import GuideDialog, ShortcutsDialog, shortcut_rows
from ui.menus import all_actions

from .conftest import WindowFactory
from .sample import make_analysis

SHA_A, SHA_B = "a" * 64, "b" * 64


def _window(make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, n: int = 2):  # type: ignore[no-untyped-def]
    w = make_window(tmp_path / "p.review")
    shown = [make_analysis(SHA_A), make_analysis(SHA_B, issuer="某县司法局", year=2022)]
    shown += [replace(make_analysis(f"{i:064x}", issuer=f"第{i}号单位"), file=f"/r/{i}.txt") for i in range(2, n)]
    w.session.set_reports(shown, shown)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()  # shortcuts go to the active window
    qtbot.waitUntil(w.isActiveWindow)
    w.reports.select_report(SHA_A)
    return w


def test_every_documented_shortcut_works_from_every_widget(make_window: WindowFactory, qtbot: QtBot,
                                                          tmp_path: Path) -> None:
    w = _window(make_window, qtbot, tmp_path)
    documented = {"Ctrl+O": w.actions_.open_files, "Ctrl+Shift+O": w.actions_.open_folder,
                  "Ctrl+E": w.actions_.export, "Ctrl+F": w.actions_.find, "Alt+Down": w.actions_.next_report,
                  "Alt+Up": w.actions_.previous_report, "Ctrl+=": w.actions_.zoom_in, "Ctrl+-": w.actions_.zoom_out,
                  "Ctrl+2": w.actions_.view_compare, "Ctrl+1": w.actions_.view_review}
    fired: dict[str, int] = {}
    for keys, act in documented.items():
        act.triggered.disconnect()  # count the shortcut, without opening file dialogs
        act.triggered.connect(lambda _c=False, k=keys: fired.__setitem__(k, fired.get(k, 0) + 1))
    widgets: list[QWidget] = [w.reports.filter_edit, w.reports.tree, w.text.editor, w.checklist.header.comment,
                              w.checklist.header.verdict_box, w.checklist.tree, w.checklist.detail.comment,
                              w.metrics.filter_edit, w.metrics.table, w.reports.status_box]
    # On a desktop (X11, GNOME, KDE key themes) a line edit claims Ctrl+E (end of line) and a combo box
    # Alt+Down (open): every widget here claims every documented key, as the worst theme would.
    claims = [_ClaimsKeys(widget) for widget in widgets]
    for widget in widgets:
        for keys in documented:
            widget.setFocus()
            seq = QKeySequence(keys)[0]
            qtbot.keyClick(widget, seq.key(), seq.keyboardModifiers())
    assert fired == dict.fromkeys(documented, len(widgets))
    del claims


class _ClaimsKeys(QObject):
    """Accepts every ShortcutOverride sent to ``widget``: the key is the widget's, unless let through."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()
        return False


def test_the_compare_page_takes_the_window_and_sorts_and_filters_300_reports(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path
) -> None:
    w = _window(make_window, qtbot, tmp_path, n=300)
    qtbot.keyClick(w.reports.tree, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert w.pages.currentWidget() is w.compare and w.compare.width() > 0.9 * w.width()
    grid = w.compare.grid
    assert w.compare.proxy.rowCount() == 300
    w.compare.filter_edit.setText("第29")
    assert sorted(w.compare.proxy.index(r, 0).data() for r in range(w.compare.proxy.rowCount())) == [
        "第290号单位 · 2023", "第291号单位 · 2023", "第292号单位 · 2023", "第293号单位 · 2023", "第294号单位 · 2023",
        "第295号单位 · 2023", "第296号单位 · 2023", "第297号单位 · 2023", "第298号单位 · 2023", "第299号单位 · 2023",
        "第29号单位 · 2023"]
    w.compare.filter_edit.clear()
    w.session.set_decision(f"{7:064x}", "shortcomings", "不符合")
    grid.sortByColumn(4, Qt.SortOrder.AscendingOrder)  # 存在的不足和原因: what needs attention first
    assert w.compare.proxy.index(0, 0).data(ROLE_SHA) == f"{7:064x}"
    w.compare.ends_only.setChecked(True)
    assert len(w.compare.chart.bars()) == 30  # the largest and smallest 15 units
    w.compare.ends_only.setChecked(False)
    assert len(w.compare.chart.bars()) == 300 and w.compare.chart.minimumHeight() > w.compare.chart_area.height()
    grid.doubleClicked.emit(w.compare.proxy.index(0, 4))
    assert w.pages.currentWidget() is w.split and w.checklist.model.report == f"{7:064x}"


def test_help_lists_the_shortcuts_and_explains_the_colours(make_window: WindowFactory, qtbot: QtBot,
                                                           tmp_path: Path) -> None:
    w = _window(make_window, qtbot, tmp_path)
    rows = dict(shortcut_rows(all_actions(w.actions_)))
    assert rows["Ctrl+E"] == "导出Excel" and rows["F1"] == "审阅指南"
    assert rows["1 / 2 / 3 / 4"].startswith("在核查清单中")
    dialog = ShortcutsDialog(all_actions(w.actions_), w)
    assert dialog.table.rowCount() == len(rows)
    guide = GuideDialog(w).browser.toPlainText()
    assert "缺N" in guide and "● 已具备" in guide and "✓ 符合" in guide and "Ctrl+E" in guide


def test_decision_buttons_say_their_keys_and_tab_leaves_the_metrics_table(make_window: WindowFactory,
                                                                          qtbot: QtBot, tmp_path: Path) -> None:
    w = _window(make_window, qtbot, tmp_path)
    tips = [b.toolTip() for b in w.checklist.detail.buttons.buttons()]
    assert tips == ["符合（在核查清单中按 1）", "不符合（在核查清单中按 2）", "不适用（在核查清单中按 3）",
                    "未定（在核查清单中按 4）"]
    assert all(b.focusPolicy() & Qt.FocusPolicy.TabFocus for b in w.checklist.detail.buttons.buttons())
    assert not w.metrics.table.tabKeyNavigation() and not w.findings.tree.tabKeyNavigation()


def test_a_report_left_with_alt_down_folds_away(make_window: WindowFactory, qtbot: QtBot, tmp_path: Path) -> None:
    w = _window(make_window, qtbot, tmp_path)
    first = w.reports.proxy.index(0, 0)
    w.reports.tree.expand(first)
    w.reports.tree.setCurrentIndex(first)
    w.actions_.next_report.trigger()
    assert not w.reports.tree.isExpanded(first) and w.reports.tree.isExpanded(w.reports.proxy.index(1, 0))
    assert w.reports.tree.textElideMode() == Qt.TextElideMode.ElideMiddle  # the year stays in view


def _open_reports(w) -> list[int]:  # type: ignore[no-untyped-def]
    tree, proxy = w.reports.tree, w.reports.proxy
    return [r for r in range(proxy.rowCount()) if tree.isExpanded(proxy.index(r, 0))]


def test_the_tree_follows_the_report_selected_from_anywhere(make_window: WindowFactory, qtbot: QtBot,
                                                            tmp_path: Path) -> None:
    w = _window(make_window, qtbot, tmp_path, n=4)
    assert _open_reports(w) == [0] and w.reports.current_report() == SHA_A
    w.actions_.next_report.trigger()  # 下一份: the first report folds, the second opens
    assert _open_reports(w) == [1] and w.text.analysis.sha256 == SHA_B == w.reports.current_report()
    w.compare.cell_activated.emit(f"{3:064x}", "")  # chosen on the 对比 page
    assert _open_reports(w) == [3] and w.text.analysis.sha256 == f"{3:064x}" == w.reports.current_report()
    w.actions_.previous_report.trigger()
    assert _open_reports(w) == [2]


def test_a_report_opened_by_hand_stays_open_when_left(make_window: WindowFactory, qtbot: QtBot,
                                                      tmp_path: Path) -> None:
    w = _window(make_window, qtbot, tmp_path, n=3)
    tree, proxy = w.reports.tree, w.reports.proxy
    rect = tree.visualRect(proxy.index(2, 0))
    arrow = QPoint(rect.left() - tree.indentation() // 2, rect.center().y())  # the row's branch arrow
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=arrow)  # the reviewer opens the third
    assert _open_reports(w) == [0, 2] and w.reports.current_report() == SHA_A
    w.actions_.next_report.trigger()
    w.actions_.next_report.trigger()
    w.actions_.next_report.trigger()  # past the last: stays on it
    assert _open_reports(w) == [2] and w.reports.current_report() == f"{2:064x}"
    w.actions_.previous_report.trigger()
    assert _open_reports(w) == [1, 2]  # left by the selection, the third stays as the reviewer opened it


def test_combo_boxes_keep_dark_text_when_focused(make_window: WindowFactory, qtbot: QtBot, tmp_path: Path) -> None:
    from ui.app import apply_style

    apply_style(QApplication.instance())  # type: ignore[arg-type]
    w = _window(make_window, qtbot, tmp_path)
    for box in (w.reports.status_box, w.checklist.header.verdict_box):
        box.setFocus()
        image = box.grab().toImage()
        dark = sum(1 for x in range(image.width()) for y in range(image.height())
                   if image.pixelColor(x, y).lightness() < 90)
        assert dark > 20, f"{box.currentText()} is not readable"


def test_export_asks_which_reports_and_offers_to_open_the_file(make_window: WindowFactory, qtbot: QtBot,
                                                               tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import load_workbook
    from PySide6.QtGui import QDesktopServices

    from ui.export_dialog import ExportScopeDialog

    w = _window(make_window, qtbot, tmp_path, n=5)
    w.reports.filter_edit.setText("号单位")  # three of five reports
    asked: list[list[str]] = []

    def choose_filtered(self: ExportScopeDialog) -> int:
        asked.append([b.text() for b in self.group.buttons()])
        self.group.button(1).setChecked(True)
        return ExportScopeDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportScopeDialog, "exec", choose_filtered)
    out = tmp_path / "r.xlsx"
    monkeypatch.setattr("ui.commands.QFileDialog.getSaveFileName", lambda *a, **k: (str(out), ""))
    with qtbot.waitSignal(w.commands.exported, timeout=30_000):
        w.actions_.export.trigger()
    assert asked == [["项目中的全部报告（5 份）", "报告列表中筛选出的报告（3 份）", "当前报告：第2号单位 · 2023"]]
    rows = list(load_workbook(out)["汇总"].iter_rows(min_row=3, values_only=True))
    assert sorted(r[1] for r in rows) == ["第2号单位", "第3号单位", "第4号单位"]
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    box = w.commands.last_offer
    assert box.isVisible() and str(out) in box.text()
    next(b for b in box.buttons() if b.text() == "打开所在文件夹").click()
    assert opened == [str(tmp_path)]


def test_a_file_no_program_can_open_is_said_not_silently_ignored(
    make_window: WindowFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QDesktopServices

    from ui.export_dialog import offer_to_open

    w = make_window(tmp_path / "p.review")
    workbook = tmp_path / "审阅结果.xlsx"
    workbook.write_bytes(b"PK")
    tried: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: tried.append(url.toLocalFile()) is not None)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append((self.windowTitle(), self.text())) or 0)
    box = offer_to_open(w, workbook)
    next(b for b in box.buttons() if b.text() == "打开文件").click()
    assert tried == [str(workbook)]
    assert shown == [("无法打开", f"无法打开文件：\n{workbook}\n\n本机没有可以打开它的程序，或系统拒绝打开。"
                                 "请在文件管理器中找到它，用合适的程序打开。")]
    box = offer_to_open(w, workbook)
    next(b for b in box.buttons() if b.text() == "打开所在文件夹").click()
    assert tried[1:] == [str(tmp_path)] and shown[1][1].startswith(f"无法打开文件夹：\n{tmp_path}\n")
