"""The main window, driven as a reviewer would: open, click, tick, type, close, reopen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from ui.reports.model import ROLE_KIND, ROLE_STATUS
from ui.text.spans import topic_colour

from .conftest import WindowFactory, answer_with
from .sample import TEXT, at, make_analysis

SHA_A, SHA_B = "a" * 64, "b" * 64


def _window_with_sample(make_window: WindowFactory, qtbot: QtBot, tmp_path: Path):  # type: ignore[no-untyped-def]
    w = make_window(tmp_path / "p.review")
    shown = [make_analysis(SHA_A), make_analysis(SHA_B, issuer="某县司法局", year=2022)]
    w.session.set_reports(shown, shown)
    w.show()
    qtbot.waitExposed(w)
    w.reports.select_report(SHA_A)
    return w


def _written(w):  # type: ignore[no-untyped-def]
    """The project store once every change on its way has been written."""
    assert w.session.writer.flush(5.0)
    return w.session.store


def _click(qtbot: QtBot, view, index) -> None:  # type: ignore[no-untyped-def]
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def test_click_section_scrolls_text_to_it(make_window: WindowFactory, qtbot: QtBot, tmp_path: Path) -> None:
    w = _window_with_sample(make_window, qtbot, tmp_path)
    w.resize(1200, 500)
    w.text.set_text_size(20)
    w.reports.tree.expandAll()
    idx = w.reports.section_index(SHA_A, "s2")
    _click(qtbot, w.reports.tree, idx)
    assert w.text.first_visible_offset() == at("二、下一年度工作安排")
    assert w.text.editor.textCursor().position() == at("二、下一年度工作安排") + 1  # one astral char before


def test_click_checklist_item_selects_its_evidence(make_window: WindowFactory, qtbot: QtBot, tmp_path: Path) -> None:
    w = _window_with_sample(make_window, qtbot, tmp_path)
    idx = w.checklist.model.item_index("review_count")
    _click(qtbot, w.checklist.tree, idx)
    assert w.text.highlighted_span() == (at("59件"), at("59件") + 3)
    assert w.text.selected_span() == (at("59件"), at("59件"))  # shown, not selected: the highlight is its own
    assert w.text.editor.extraSelections()[0].format.background().color().name() == "#2f5597"
    assert "存在的不足" not in w.checklist.detail.note.text()
    _click(qtbot, w.checklist.tree, w.checklist.model.item_index("shortcomings"))  # missing: no evidence
    assert w.text.highlighted_span() is None


def test_highlights_land_after_an_astral_character(make_window: WindowFactory, qtbot: QtBot, tmp_path: Path) -> None:
    w = _window_with_sample(make_window, qtbot, tmp_path)
    doc = w.text.editor.document()
    block = doc.findBlock(at("59件") + 1)
    formats = block.layout().formats()
    ranges = {(r.start, r.length): r.format.background().color().name() for r in formats}
    in_block = at("59件") + 1 - block.position()
    assert ranges[(in_block, 3)] == topic_colour("行政复议")
    heading = doc.findBlockByNumber(2)
    assert heading.text() == "一、主要举措和成效"
    heading_formats = heading.layout().formats()
    assert any(r.format.fontWeight() >= 700 for r in heading_formats)
    assert not doc.isModified() and not doc.isUndoAvailable()
    assert w.text.editor.toPlainText() == TEXT


def test_space_ticks_and_comment_autosaves(make_window: WindowFactory, qtbot: QtBot, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    w = _window_with_sample(make_window, qtbot, tmp_path)
    tree = w.checklist.tree
    tree.setFocus()
    tree.setCurrentIndex(w.checklist.model.item_index("measures"))
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert _written(w).decisions(SHA_A)["measures"].decision == "符合"
    assert w.checklist.header.progress_label.text() == "1/6 已核"
    w.checklist.detail.comment.insertPlainText("标题规范")  # QTest cannot type non-ASCII keys
    qtbot.waitUntil(lambda: w.session.store.decisions(SHA_A)["measures"].comment == "标题规范", timeout=3000)
    answer_with(monkeypatch, "发给单位")  # the note written under 符合 is now the failure's reason
    w.checklist.detail.buttons.button(1).click()  # 不符合
    assert _written(w).decisions(SHA_A)["measures"].decision == "不符合"
    qtbot.keyClick(tree, Qt.Key.Key_3)
    assert _written(w).decisions(SHA_A)["measures"].decision == "不适用"
    assert w.checklist.detail.buttons.checkedId() == 2
    root = w.reports.model.report_index(SHA_A)
    assert root.data(ROLE_STATUS) == "审阅中"


def test_deciding_under_a_status_filter_stays_on_the_report(make_window: WindowFactory, qtbot: QtBot,
                                                             tmp_path: Path) -> None:
    """Found by a helper session: filtered to 未审, pressing 1 on an item made the report 审阅中; it left
    the list, and the window went on to another report, where the next keys landed. The report being
    read stays listed until the reviewer opens another."""
    w = _window_with_sample(make_window, qtbot, tmp_path)
    w.reports.status_box.setCurrentIndex(w.reports.status_box.findData("未审"))
    assert w.reports.proxy.rowCount() == 2 and w.reports.current_report() == SHA_A
    tree = w.checklist.tree
    tree.setCurrentIndex(w.checklist.model.item_index("measures"))
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_1)
    qtbot.wait(50)
    assert w.session.status(SHA_A) == "审阅中"
    assert w.reports.current_report() == SHA_A and w.checklist.model.report == SHA_A
    qtbot.keyClick(tree, Qt.Key.Key_2, Qt.KeyboardModifier.NoModifier)  # the next key: on the same report
    assert w.session.decision(SHA_B, "measures") is None
    w.reports.step_report(1)  # on to the next report: the one decided leaves the filtered list
    qtbot.waitUntil(lambda: w.reports.proxy.rowCount() == 1)
    assert w.reports.current_report() == SHA_B


def test_verdict_is_saved_and_shown_in_the_tree(make_window: WindowFactory, qtbot: QtBot, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    w = _window_with_sample(make_window, qtbot, tmp_path)
    box = w.checklist.header.verdict_box
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: asked.append(self.text()) or QMessageBox.StandardButton.Yes)
    box.setCurrentIndex(box.findData("通过"))
    box.activated.emit(box.currentIndex())
    assert asked and asked[0].startswith(
        "6/6 项尚未审阅：主要举措和成效、存在的不足和原因、下一年度主要安排、行政复议、行政复议案件数等")
    assert "1 项程序判断为缺失，没有审阅意见：存在的不足和原因" in asked[0]
    assert _written(w).verdict(SHA_A).verdict == "通过"  # type: ignore[union-attr]
    assert w.reports.model.report_index(SHA_A).data(ROLE_STATUS) == "通过"
    assert w.status.review.text() == "已审结 1/2 份"


def test_keyboard_find_zoom_and_next_report(make_window: WindowFactory, qtbot: QtBot, tmp_path: Path) -> None:
    w = _window_with_sample(make_window, qtbot, tmp_path)
    w.activateWindow()
    size = w.text.text_size()
    w.actions_.zoom_in.trigger()
    assert w.text.text_size() == size + 1
    assert w.actions_.zoom_in.shortcut() == QKeySequence("Ctrl+=")
    assert w.actions_.next_report.shortcut() == QKeySequence("Alt+Down")
    w.actions_.find.trigger()
    assert w.text.find_bar.isVisible()
    w.text.find_bar.edit.setText("行政执法")
    qtbot.keyClick(w.text.find_bar.edit, Qt.Key.Key_Return)
    assert w.text.editor.textCursor().selectedText() == "行政执法"
    w.text.find_bar.edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.text.find_bar.edit, timeout=2000)
    qtbot.keyClick(w.text.find_bar.edit, Qt.Key.Key_Escape)  # back to the text, not the report list's filter
    assert not w.text.find_bar.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.text.editor, timeout=2000)
    w.actions_.next_report.trigger()
    assert w.checklist.model.report == SHA_B
    w.actions_.previous_report.trigger()
    assert w.checklist.model.report == SHA_A


def test_tree_shows_gap_row_and_metric_double_click_jumps(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path
) -> None:
    w = _window_with_sample(make_window, qtbot, tmp_path)
    root = w.reports.proxy.index(0, 0)
    kinds = [w.reports.proxy.index(r, 0, root).data(ROLE_KIND) for r in range(w.reports.proxy.rowCount(root))]
    assert kinds == ["section", "gap", "section"]
    table = w.metrics.table
    assert w.metrics.proxy.rowCount() == 4
    idx = w.metrics.proxy.index(3, 0)
    pos = table.visualRect(idx).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)  # one click is enough
    assert w.text.highlighted_span() == (at("3200余人次"), at("3200余人次") + len("3200余人次"))


def test_layout_and_text_size_are_restored(make_window: WindowFactory, qtbot: QtBot, tmp_path: Path) -> None:
    w = _window_with_sample(make_window, qtbot, tmp_path)
    w.resize(760, 560)  # within the offscreen screen, so the geometry is restored unclamped
    w.split.setSizes([150, 400, 200])
    sizes = w.split.sizes()
    w.text.set_text_size(17)
    w.close()
    w2 = make_window(tmp_path / "p.review")
    w2.show()
    qtbot.waitExposed(w2)
    assert w2.split.sizes() == sizes
    assert w2.text.text_size() == 17
    assert w2.settings.last_project == str(tmp_path / "p.review")


def test_dropping_files_opens_them(make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path) -> None:
    w = make_window(tmp_path / "p.review")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in sorted(seeds_dir.glob("00[01]*.txt"))])
    event = QDropEvent(QPointF(QPoint(10, 10)), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(w.loader.loaded, timeout=30000):
        w.dropEvent(event)
    assert w.reports.proxy.rowCount() == 2


def test_new_project_switches_store_and_lists_recent(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = _window_with_sample(make_window, qtbot, tmp_path)
    w.session.set_decision(SHA_A, "measures", "符合")
    other = tmp_path / "第二个"
    monkeypatch.setattr("ui.controller.QFileDialog.getSaveFileName", lambda *a, **k: (str(other), ""))
    with qtbot.waitSignal(w.loader.loaded, timeout=30000):
        w.actions_.new_project.trigger()
    assert w.controller.project == str(tmp_path / "第二个.review")
    assert w.session.decision(SHA_A, "measures") is None
    assert w.reports.proxy.rowCount() == 0  # a new project holds nothing of the previous one
    assert w.text.editor.toPlainText() == "" and w.checklist.model.report is None
    assert w.settings.recent_projects[:2] == [str(tmp_path / "第二个.review"), str(tmp_path / "p.review")]
    assert "第二个" in w.windowTitle() and w.status.project.text() == "项目：第二个（随时保存）"  # no SQLite terms
    w.actions_.recent.aboutToShow.emit()
    assert [a.text() for a in w.actions_.recent.actions()][:2] == ["第二个", "p"]


def test_new_project_on_an_existing_one_says_so_and_never_empties_it(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found by a helper session: 新建审阅项目 on a project's name (the file dialog asking whether to
    replace it) opened the old project with its reviews, as if it were the new one, without a word."""
    from tests.ui.conftest import answer_with

    w = _window_with_sample(make_window, qtbot, tmp_path)
    w.session.set_decision(SHA_A, "measures", "符合")
    given = iter([str(tmp_path / "p"), str(tmp_path / "下一年度")])  # the project's own name, then another
    monkeypatch.setattr("ui.opening.QFileDialog.getSaveFileName", lambda *a, **k: (next(given), ""))
    asked: list[str] = []
    formats: list[Qt.TextFormat] = []

    def other_name(box: QMessageBox) -> int:  # the name is the reviewer's: never read as rich text
        asked.append(box.text())
        formats.append(box.textFormat())
        next(b for b in box.buttons() if b.text() == "另取名称…").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", other_name)
    with qtbot.waitSignal(w.loader.loaded, timeout=30000):
        w.actions_.new_project.trigger()
    assert formats == [Qt.TextFormat.PlainText]
    assert asked == ["“p.review”已是一个审阅项目，其中的报告和审阅记录不会被清除。\n\n"
                     "要打开这个已有的项目，还是为新项目另取一个名称？"]
    assert w.controller.project == str(tmp_path / "下一年度.review") and w.reports.proxy.rowCount() == 0
    monkeypatch.setattr("ui.opening.QFileDialog.getSaveFileName", lambda *a, **k: (str(tmp_path / "p.review"), ""))
    answer_with(monkeypatch, "打开已有项目", asked)
    with qtbot.waitSignal(w.loader.loaded, timeout=30000):
        w.actions_.new_project.trigger()
    assert len(asked) == 2 and w.controller.project == str(tmp_path / "p.review")
    decision = w.session.decision(SHA_A, "measures")
    assert decision is not None and decision.decision == "符合"  # the project as it was, nothing emptied


def test_metric_table_names_the_section_not_its_id(make_window: WindowFactory, qtbot: QtBot, tmp_path: Path) -> None:
    w = _window_with_sample(make_window, qtbot, tmp_path)
    assert [w.metrics.proxy.index(r, 4).data() for r in range(4)] == ["（一）行政复议"] * 2 + ["（二）行政执法"] * 2


def test_status_and_decision_columns_fit_every_label_without_measuring_rows(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QHeaderView

    w = _window_with_sample(make_window, qtbot, tmp_path)
    hdr, fm = w.checklist.tree.header(), w.checklist.tree.fontMetrics()
    assert hdr.sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch
    # ResizeToContents would ask the model for every row's size at each report switch
    assert hdr.sectionResizeMode(1) == QHeaderView.ResizeMode.Interactive
    assert hdr.sectionSize(1) <= 48  # the program's status is an icon (its name in the tooltip): names get the room
    assert hdr.sectionSize(2) >= fm.horizontalAdvance("不符合 ✎") + 16
    assert w.checklist.tree.wordWrap()
    table = w.metrics.table.horizontalHeader()
    assert [table.sectionResizeMode(c) for c in range(5)] == [QHeaderView.ResizeMode.Interactive] * 3 + [
        QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.Interactive]
    assert table.sectionSize(0) >= w.metrics.table.fontMetrics().horizontalAdvance("矛盾纠纷/人民调解")


def test_a_narrow_report_list_cuts_the_units_name_never_its_year(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path
) -> None:
    """Opened small, the list is still wide enough to tell reports apart, and a long name loses its
    end, not the year; made larger, every pane takes its share of the new width."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    from ui.layout import REPORTS_MIN_WIDTH

    w = make_window(tmp_path / "p.review")
    w.resize(900, 600)
    w.show()
    qtbot.waitExposed(w)
    with qtbot.waitSignal(w.loader.loaded, timeout=60000):
        w.controller.open_paths([str(seeds_dir)])
    w.split.setSizes([0, 600, 300])
    assert w.split.sizes()[0] == REPORTS_MIN_WIDTH
    tree = w.reports.tree
    idx = w.reports.proxy.index(1, 0)  # 中共泰州市委 泰州市人民政府 · 2021
    option = QStyleOptionViewItem()
    tree.initViewItemOption(option)
    option.rect = tree.visualRect(idx)
    tree.itemDelegate().initStyleOption(option, idx)
    assert option.text.endswith("… · 2021") and option.text.startswith("中共")
    before = w.split.sizes()
    w.resize(1600, 1000)
    qtbot.wait(50)
    after = w.split.sizes()
    assert after[0] > before[0] and after[2] > before[2]  # not all of it to the text


def test_passing_a_report_with_items_found_failing_names_them_first(
        make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found by a helper session: 通过 was taken without a word while items stood 不符合, and the letter
    then said 通过 beside a list of 不符合 items and lacking parts."""
    w = _window_with_sample(make_window, qtbot, tmp_path)
    for r in w.session.analysis(SHA_A).checklist:  # type: ignore[union-attr]
        w.session.set_decision(SHA_A, r.id, "不符合" if r.id == "measures" else "符合", "")
    box = w.checklist.header.verdict_box
    asked: list[str] = []
    cancel = QMessageBox.StandardButton.Cancel
    monkeypatch.setattr(QMessageBox, "exec", lambda self: asked.append(self.text()) or cancel)
    box.setCurrentIndex(box.findData("通过"))
    box.activated.emit(box.currentIndex())
    assert asked == ["1 项已判定为不符合，审阅意见书仍会列出：主要举措和成效\n\n仍然把这份报告的结论设为“通过”吗？"]
    assert box.currentData() == "未审" and w.session.verdict(SHA_A) is None  # 取消: nothing set


def test_going_past_a_verdict_with_the_keys_does_not_choose_it(
        make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found by a helper session: ↑ ↑ from 未下结论 reaches 通过 by way of 需修改, which was saved on the way,
    so 取消 in 通过's question put back 需修改: a verdict the reviewer never chose, counted and sent."""
    from ui.checklist.header import VERDICT_DELAY_MS

    w = _window_with_sample(make_window, qtbot, tmp_path)
    box = w.checklist.header.verdict_box
    monkeypatch.setattr(QMessageBox, "exec", _read_then_cancel)
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Up)
    qtbot.keyClick(box, Qt.Key.Key_Up)  # 通过: asked, read for a second, 取消
    assert box.currentData() == "未审"
    qtbot.wait(VERDICT_DELAY_MS + 200)
    assert _written(w).verdict(SHA_A) is None and w.session.verdict(SHA_A) is None
    qtbot.keyClick(box, Qt.Key.Key_Up)  # 需修改, and the reviewer stops there: chosen
    assert box.currentData() == "需修改"
    qtbot.waitUntil(lambda: w.session.verdict(SHA_A) is not None, timeout=3000)
    assert _written(w).verdict(SHA_A).verdict == "需修改"  # type: ignore[union-attr]
    qtbot.keyClick(box, Qt.Key.Key_Down)  # back to 未下结论, and straight on to the next report
    w.reports.select_report(SHA_B)
    assert _written(w).verdict(SHA_A).verdict == "未审"  # type: ignore[union-attr]


def _read_then_cancel(_box: QMessageBox) -> QMessageBox.StandardButton:
    """A reviewer reading the question for a second, then pressing 取消: as a modal dialog does, the
    event loop runs meanwhile (timers started before fire; found by a code review)."""
    loop = QEventLoop()
    QTimer.singleShot(1000, loop.quit)
    loop.exec()
    return QMessageBox.StandardButton.Cancel


def test_a_comment_typed_just_before_cancelling_pass_is_kept_beside_the_old_verdict(
        make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The comment's pending save fired while 通过's question was open and saved 通过 with it."""
    w = _window_with_sample(make_window, qtbot, tmp_path)
    header = w.checklist.header
    monkeypatch.setattr(QMessageBox, "exec", _read_then_cancel)
    header.comment.setText("请补充第一责任人部分")
    header.comment.textEdited.emit(header.comment.text())  # typed: its save pending
    header.verdict_box.setCurrentIndex(header.verdict_box.findData("通过"))
    header.verdict_box.activated.emit(header.verdict_box.currentIndex())
    assert header.verdict_box.currentData() == "未审"
    saved = _written(w).verdict(SHA_A)
    assert saved is not None and (saved.verdict, saved.comment) == ("未审", "请补充第一责任人部分")


def test_a_copy_of_the_project_file_taken_while_the_window_is_open_holds_the_review(
        make_window: WindowFactory, qtbot: QtBot, tmp_path: Path) -> None:
    """Found by a helper session: copied to a USB stick while the window had it open, the .review
    file held none of the ticks made since it was opened (they waited in its -wal until the window
    closed)."""
    import shutil
    import sqlite3

    w = _window_with_sample(make_window, qtbot, tmp_path)
    w.session.set_decision(SHA_A, "measures", "不符合", "缺数据")
    w.session.set_verdict(SHA_A, "需修改", "补充数据")
    _written(w)
    qtbot.wait(50)  # the writer checkpoints once everything is written
    shutil.copy(tmp_path / "p.review", tmp_path / "U盘.review")
    copy = sqlite3.connect(tmp_path / "U盘.review")
    assert copy.execute("SELECT decision, comment FROM decisions").fetchall() == [("不符合", "缺数据")]
    assert copy.execute("SELECT verdict FROM verdicts").fetchall() == [("需修改",)]
    copy.close()


def test_the_workbook_first_proposed_is_named_after_the_project(
        make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An English window proposed 审阅结果.xlsx (found by a helper session); every project's workbook had
    that one name. The name is the project's, in the window's words."""
    from ui.export_dialog import ExportScopeDialog

    w = _window_with_sample(make_window, qtbot, tmp_path)
    proposed: list[str] = []
    monkeypatch.setattr(ExportScopeDialog, "exec", lambda self: ExportScopeDialog.DialogCode.Accepted)
    monkeypatch.setattr("ui.commands.QFileDialog.getSaveFileName",
                        lambda _w, _title, start, _filter: proposed.append(start) or ("", ""))
    w.actions_.export.trigger()
    assert proposed == [str(Path.home() / "p_审阅结果.xlsx")]


def test_the_verdict_box_stays_put_as_the_progress_line_grows(
        make_window: WindowFactory, qtbot: QtBot, tmp_path: Path) -> None:
    """0/37 已核，5 项待复核 widened the header's first column and moved the verdict box ~65 px right
    (found by a helper session)."""
    w = _window_with_sample(make_window, qtbot, tmp_path)
    header = w.checklist.header
    before = header.verdict_box.mapTo(header, header.verdict_box.rect().topLeft()).x()
    header.progress_label.setText("0/37 已核，5 项待复核　结论未保存")
    header.layout().activate()
    qtbot.wait(20)
    assert header.verdict_box.mapTo(header, header.verdict_box.rect().topLeft()).x() == before


def test_a_comment_stays_with_the_decision_it_was_written_for(make_window: WindowFactory, qtbot: QtBot,
                                                                tmp_path: Path) -> None:
    """Found by a helper session on a shared project: 张三 chose 符合 and was writing 职责写得清楚 when 李四's
    不符合 arrived; his comment was saved onto the 不符合, and the letter gave his praise as the reason
    for a failure."""
    from datetime import datetime, timedelta

    from reviewer.model import ItemDecision

    w = _window_with_sample(make_window, qtbot, tmp_path)
    w.session.reviewer = "张三"
    w.checklist.select_item("measures")
    detail = w.checklist.detail
    detail.buttons.button(0).click()  # 符合
    detail.comment.setFocus()
    detail.comment.setPlainText("职责写得清楚")  # typing: its save waits for a pause
    later = (datetime.now().astimezone() + timedelta(seconds=1)).isoformat(timespec="seconds")
    w.session.apply_remote([ItemDecision(SHA_A, "measures", "不符合", "", "李四", later)], [])
    detail.flush()
    made = w.session.decision(SHA_A, "measures")
    assert made is not None and (made.decision, made.comment, made.reviewer) == ("符合", "职责写得清楚", "张三")


def test_the_ends_of_a_chart_leave_out_the_reports_that_do_not_state_its_figure(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path
) -> None:
    """Found by a helper session: with 5 of 51 reports stating a figure, 只看最多和最少的 15 个 still
    drew 51 bars, 46 of them 未报告."""
    from tests.conftest import SEED_FILES

    w = make_window(tmp_path / "p.review")
    with qtbot.waitSignal(w.loader.loaded, timeout=60000):
        w.controller.open_paths([str(p) for p in SEED_FILES])
    w.show()
    w.actions_.view_compare.trigger()
    box = w.compare.topic_box
    qtbot.waitUntil(lambda: box.findData("执法人员（人）") >= 0, timeout=5000)
    box.setCurrentIndex(box.findData("执法人员（人）"))
    assert len(w.compare.chart.bars()) == 5  # every report, those that do not state it too
    w.compare.ends_only.setChecked(True)
    assert [b.value is not None for b in w.compare.chart.bars()] == [True, True]


def test_a_laptops_screen_gives_the_tables_under_the_text_more_of_its_height(qtbot: QtBot) -> None:
    """Found by a helper session: at 1366×768 the 往年对比 tables showed two rows under their headers."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

    from ui.layout import fit_to_screen

    sizes = {}
    for height in (768, 1080):
        window, split, vsplit = QMainWindow(), QSplitter(), QSplitter(Qt.Orientation.Vertical)
        qtbot.addWidget(window)
        for splitter, n in ((split, 3), (vsplit, 2)):
            for _ in range(n):
                splitter.addWidget(QWidget())
        fit_to_screen(window, split, vsplit, QRect(0, 0, 1920 if height > 900 else 1366, height))
        top, bottom = vsplit.sizes()
        sizes[height] = round(bottom / (top + bottom), 2)
    assert sizes == {768: 0.38, 1080: 0.3}
