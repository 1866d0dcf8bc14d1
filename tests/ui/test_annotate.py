"""导出 → 退回单位（批注版）… end to end: the seeds, a decision made in the window, the files read back."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from reviewer.annotations import first_line
from tests.core.docx_read import body_text, read_comments
from ui.dialogs import SettingsDialog
from ui.export_dialog import ExportScopeDialog

from .conftest import WindowFactory

REAL_EXEC = QDialog.exec  # before conftest makes every unexpected dialog fail


def answer_scope_dialog(monkeypatch: pytest.MonkeyPatch, answers: list[str], letters: bool = True,
                        unreviewed: bool = False) -> None:
    """Run the real scope dialog and press 确定 in it, with 同时生成审阅意见书 set to ``letters``
    and 也为尚未审阅（未审）的报告生成 to ``unreviewed``.

    The dialog really runs (not a patched ``exec``), so the window reads its options after the
    dialog closed just as it does for the reviewer."""

    def run(self: ExportScopeDialog) -> int:
        def press() -> None:
            boxes = {b.objectName(): b for b in self.findChildren(QCheckBox)}
            assert sorted(boxes) == ["letters", "unreviewed"]
            assert (boxes["letters"].isChecked(), boxes["unreviewed"].isChecked()) == (True, False)  # the defaults
            boxes["letters"].setChecked(letters)
            boxes["unreviewed"].setChecked(unreviewed)
            answers.append(self.windowTitle())
            buttons = self.findChild(QDialogButtonBox)
            assert buttons is not None
            buttons.button(QDialogButtonBox.StandardButton.Ok).click()

        QTimer.singleShot(0, press)
        return REAL_EXEC(self)

    monkeypatch.setattr(ExportScopeDialog, "exec", run)


def _open_seeds(w, qtbot: QtBot, seeds_dir: Path) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(w.loader.loaded, timeout=60000):
        w.controller.open_paths([str(seeds_dir)])


def _folder_chosen(monkeypatch: pytest.MonkeyPatch, folder: Path) -> Path:
    """``folder``, made and chosen in the folder dialog the action opens."""
    folder.mkdir()
    monkeypatch.setattr("ui.annotate_dialog.QFileDialog.getExistingDirectory", lambda *a, **k: str(folder))
    return folder


def _annotate(w, qtbot: QtBot) -> list[object]:  # type: ignore[no-untyped-def]
    """The menu action, until it has written its files; what ``annotated`` carried."""
    with qtbot.waitSignal(w.annotator.annotated, timeout=60000) as blocker:
        w.actions_.annotate.trigger()
    return list(blocker.args)


def test_the_menu_action_writes_the_annotated_reports_and_letters(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = make_window(tmp_path / "p.review")
    w.settings.reviewer = w.session.reviewer = "王审阅"
    _open_seeds(w, qtbot, seeds_dir)
    a = w.session.analyses()[2]  # 庐阳区: 3 findings, no 第一责任人 part
    w.reports.select_report(a.sha256)
    item = next(r for r in a.checklist if r.id == "topic_rule_system")
    w.checklist.tree.setCurrentIndex(w.checklist.model.item_index(item.id))
    w.checklist.detail.buttons.button(1).click()  # 不符合
    w.checklist.detail.comment.insertPlainText("请补充规范性文件审核的数量")
    out = _folder_chosen(monkeypatch, tmp_path / "退回单位")
    asked: list[str] = []
    answer_scope_dialog(monkeypatch, asked)
    menu = next(m for m in w.menuBar().findChildren(QMenu) if m.title() == "导出(&X)")
    assert w.actions_.annotate in menu.actions() and w.actions_.export in menu.actions()
    carried = _annotate(w, qtbot)
    assert asked == ["退回单位（批注版）"] and carried == [str(out)]
    # the default scope is all reports, but only 庐阳区 has been reviewed: the four others (未审) are skipped
    assert sorted(p.name for p in out.iterdir()) == ["庐阳区人民政府_2020年度_审阅意见书.docx",
                                                     "庐阳区人民政府_2020年度_批注版.docx"]
    annotated = out / "庐阳区人民政府_2020年度_批注版.docx"
    comments = read_comments(annotated)
    assert len(comments) == len(a.findings) + 1 + 1 == 5  # findings, the item marked 不符合, the missing part
    assert {c.author for c in comments} == {"王审阅"}
    (failed,) = [c for c in comments if c.text.startswith("【审阅意见：不符合】")]
    assert failed.anchored == a.text[slice(*first_line(a.text, item.evidence[0].start, item.evidence[0].end))]
    assert "意见：请补充规范性文件审核的数量" in failed.text.split("\n")
    assert body_text(annotated) == a.text
    letter = docx.Document(str(out / "庐阳区人民政府_2020年度_审阅意见书.docx"))
    assert any(p.text.endswith("请补充规范性文件审核的数量") for p in letter.paragraphs)
    assert w.annotator.last_box is not None and w.annotator.last_box.isVisible()
    assert w.annotator.last_box.text() == (
        f"已为 1 份报告生成 2 个文件：\n{out}\n\n"
        "4 份报告尚未审阅（状态为“未审”：还没有任何判断或意见），未为其生成批注版和审阅意见书。"
        "如需生成，请在对话框中勾选“也为尚未审阅（未审）的报告生成”。")
    assert w.actions_.annotate.isEnabled()


def test_unreviewed_reports_too_without_letters_only_the_annotated_copies_are_written(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = make_window(tmp_path / "p.review")
    w.settings.reviewer = w.session.reviewer = "王审阅"
    _open_seeds(w, qtbot, seeds_dir)
    out = _folder_chosen(monkeypatch, tmp_path / "退回单位")
    asked: list[str] = []
    answer_scope_dialog(monkeypatch, asked, letters=False, unreviewed=True)
    _annotate(w, qtbot)
    assert asked == ["退回单位（批注版）"]
    assert sorted(p.name for p in out.iterdir()) == [
        "中共泰州市委 泰州市人民政府_2021年度_批注版.docx", "塘沽街道_2024年度_批注版.docx",
        "庐阳区人民政府_2020年度_批注版.docx", "津南区人民政府_2021年度_批注版.docx",
        "重庆市渝北区大盛镇人民政府_2023年度_批注版.docx"]
    assert w.annotator.last_box is not None
    assert w.annotator.last_box.text() == f"已为 5 份报告生成 5 个文件：\n{out}"


def test_an_unusable_letter_template_is_refused_in_settings(
    make_window: WindowFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = make_window(tmp_path / "p.review")
    bad = tmp_path / "本局模板.docx"
    bad.write_bytes(b"not a zip")
    chosen = [bad]

    def accept(self: SettingsDialog) -> int:
        self.template.setText(str(chosen[-1]))
        return SettingsDialog.DialogCode.Accepted

    shown: list[str] = []
    monkeypatch.setattr(SettingsDialog, "exec", accept)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    w.actions_.settings.trigger()
    assert shown == ["审阅意见书模板 本局模板.docx 不是有效的 Word 文档（.docx）\n\n仍使用原来的模板。"]
    assert w.settings.letter_template == ""
    good = tmp_path / "好模板.docx"
    doc = docx.Document()
    doc.add_paragraph("{单位}：")
    doc.save(str(good))
    chosen.append(good)
    w.actions_.settings.trigger()
    assert len(shown) == 1 and w.settings.letter_template == str(good)
    assert w.settings_store.load().letter_template == str(good)  # kept for the next start


def test_without_a_reviewers_name_the_window_asks_for_one_and_keeps_it(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = make_window(tmp_path / "p.review")
    assert w.session.reviewer == "" and w.settings.reviewer == ""
    _open_seeds(w, qtbot, seeds_dir)
    names = [("", False), ("  赵审阅 ", True)]  # first cancelled, then given
    asked_name: list[str] = []

    def get_text(parent, title, label):  # type: ignore[no-untyped-def]
        asked_name.append(label)
        return names.pop(0)

    monkeypatch.setattr("ui.annotate_dialog.QInputDialog.getText", get_text)
    asked: list[str] = []
    answer_scope_dialog(monkeypatch, asked, unreviewed=True)
    w.actions_.annotate.trigger()  # cancelled: nothing else is asked
    assert asked_name == ["批注和审阅意见书要署审阅人的姓名。请输入您的姓名（会保存到“设置”中）："] and asked == []
    out = _folder_chosen(monkeypatch, tmp_path / "退回单位")
    _annotate(w, qtbot)
    assert asked == ["退回单位（批注版）"] and len(asked_name) == 2
    assert w.session.reviewer == "赵审阅" and w.settings_store.load().reviewer == "赵审阅"
    assert len(list(out.iterdir())) == 10
    assert {c.author for c in read_comments(out / "塘沽街道_2024年度_批注版.docx")} == {"赵审阅"}
    letter = docx.Document(str(out / "塘沽街道_2024年度_审阅意见书.docx"))
    assert "审阅人：赵审阅" in [p.text for p in letter.paragraphs]


def test_an_english_window_still_sends_the_unit_chinese(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.labels import set_language

    w = make_window(tmp_path / "p.review")
    w.settings.reviewer = w.session.reviewer = "王审阅"
    _open_seeds(w, qtbot, seeds_dir)
    a = w.session.analyses()[2]
    w.session.set_verdict(a.sha256, "需修改", "请补充")
    out = _folder_chosen(monkeypatch, tmp_path / "out")
    answer_scope_dialog(monkeypatch, [])
    set_language("en")
    try:
        _annotate(w, qtbot)
    finally:
        set_language("zh_CN")
    assert sorted(p.name for p in out.iterdir()) == ["庐阳区人民政府_2020年度_审阅意见书.docx",
                                                     "庐阳区人民政府_2020年度_批注版.docx"]
    comments = read_comments(out / "庐阳区人民政府_2020年度_批注版.docx")
    assert comments and all(c.text.startswith("【") for c in comments)  # 【重复段落】… , not "[Repeated paragraph]"
    letter = docx.Document(str(out / "庐阳区人民政府_2020年度_审阅意见书.docx"))
    assert not [p.text for p in letter.paragraphs if p.text.startswith("To ")]


@pytest.mark.parametrize(("language", "said"), [
    ("en", "庐阳区人民政府_2020年度_批注版.docx: cannot write there (read-only location)"),
    ("zh_CN", "庐阳区人民政府_2020年度_批注版.docx：无法在保存位置写入（只读位置，不能写入）"),
])
def test_a_folder_that_cannot_be_written_is_said_in_the_windows_language(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch,
    language: str, said: str,
) -> None:
    """A read-only folder (a CD, a locked share): the reason in the window's language, the system's
    part in words (not "Read-only file system"). The title is the window's own (Qt's catalogue)."""
    import errno
    import os

    from ui.labels import set_language

    w = make_window(tmp_path / "p.review")
    w.settings.reviewer = w.session.reviewer = "王审阅"
    _open_seeds(w, qtbot, seeds_dir)
    a = w.session.analyses()[2]
    w.session.set_verdict(a.sha256, "需修改", "请补充")
    _folder_chosen(monkeypatch, tmp_path / "out")
    answer_scope_dialog(monkeypatch, [])
    real_open = os.open

    def read_only(path: object, *args: object) -> int:
        if str(path).startswith(str(tmp_path / "out")):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr("reviewer.outfiles.os.open", read_only)
    shown: list[str] = []
    monkeypatch.setattr("ui.annotate_dialog.show_message", lambda _w, _icon, _title, text: shown.append(text))
    set_language(language)
    try:
        with qtbot.waitSignal(w.annotator.annotate_failed, timeout=60000):
            w.actions_.annotate.trigger()
    finally:
        set_language("zh_CN")
    assert shown == [said]


@pytest.mark.parametrize("answer", ["取消", "仍然生成"])
def test_reports_all_unreviewed_are_asked_about_before_the_folder(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch,
    answer: str,
) -> None:
    """Found by a tester: with every report chosen 未审 and their box not ticked, the folder was asked
    for and then 0 files were written. Asked first; 仍然生成 writes them as the box would."""
    from .conftest import answer_with

    w = make_window(tmp_path / "p.review")
    w.settings.reviewer = w.session.reviewer = "王审阅"
    _open_seeds(w, qtbot, seeds_dir)
    folders: list[str] = []
    out = tmp_path / "退回单位"
    out.mkdir()
    monkeypatch.setattr("ui.annotate_dialog.QFileDialog.getExistingDirectory",
                        lambda *a, **k: folders.append("asked") or str(out))
    answer_scope_dialog(monkeypatch, [], letters=False)
    asked: list[str] = []
    answer_with(monkeypatch, answer, asked)
    if answer == "取消":
        w.actions_.annotate.trigger()
        assert folders == [] and list(out.iterdir()) == []
    else:
        _annotate(w, qtbot)
        assert folders == ["asked"] and len(list(out.glob("*_批注版.docx"))) == 5
    assert asked[0] == ("所选的 5 份报告都尚未审阅（未审）。仍为它们生成批注版吗？"
                        "（只含程序的核查结果，意见书注明尚未审阅）")
