"""English comes from resources/i18n/reviewer_en.qm through Qt's translators."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui.i18n import install_translators
from ui.labels import group_name, set_language
from ui.reports.view import ReportsPanel


def test_english_translation_applies_to_widgets_and_labels(qapp: QApplication) -> None:
    translators = install_translators(qapp, "en")
    try:
        assert translators
        assert group_name("required_part") == "Required parts"
        from reviewer.memory_store import MemoryReviewStore
        from ui.reports.model import ReportsModel
        from ui.session import Session

        panel = ReportsPanel(ReportsModel(Session(MemoryReviewStore())))
        assert panel.filter_edit.placeholderText() == "Filter by unit or file name"
        # Menus are built through ``w.tr``: their strings must sit in the MainWindow context.
        from PySide6.QtCore import QCoreApplication

        assert QCoreApplication.translate("MainWindow", "打开文件…") == "Open files…"
        from ui.checklist.model import COLUMNS, ChecklistModel
        from ui.compare.model import FIXED
        from ui.reports.view import badge_texts

        model = ChecklistModel(Session(MemoryReviewStore()))
        assert [model.headerData(i, Qt.Orientation.Horizontal) for i in range(len(COLUMNS))] == [
            "Checklist item", "", "Review"]
        assert [QCoreApplication.translate("GridModel", c) for c in FIXED] == ["Reports", "Status", "Gaps"]
        assert [t for t, _ in badge_texts(3, 2)] == ["G3", "F2"]
        from ui.help import guide_html

        guide = guide_html()  # names the badges the list shows (it said 缺N and 问N: found by a helper session)
        assert "<b>GN</b> (red)" in guide and "<b>FN</b> (amber)" in guide and "缺N" not in guide
        from tests.ui.sample import make_analysis
        from ui.metrics.model import MetricsModel

        a = make_analysis()
        metrics = MetricsModel()
        metrics.set_metrics(a.metrics, a.sections)
        shown = {metrics.index(r, 0).data() for r in range(metrics.rowCount())}
        assert {"Administrative law enforcement", "Administrative reconsideration"} <= shown
        assert not {"行政执法", "行政复议"} & shown
        units = {metrics.index(r, 2).data() for r in range(metrics.rowCount())}
        assert "人次 (more than)" in units  # 3200余人次: the qualifier in English too
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        set_language("zh_CN")
    assert group_name("required_part") == "必备部分"


def test_chinese_uses_qts_own_translation_for_standard_buttons(qapp: QApplication) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    translators = install_translators(qapp, "zh_CN")
    try:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        texts = {b.text().replace("&", "") for b in box.buttons()}
        assert translators  # qtbase_zh_CN ships with PySide6
        assert texts == {"确定", "取消"}
    finally:
        for t in translators:
            qapp.removeTranslator(t)


def test_the_file_dialog_speaks_chinese(qapp: QApplication) -> None:
    from PySide6.QtWidgets import QFileDialog, QLabel

    translators = install_translators(qapp, "zh_CN")
    try:
        dialog = QFileDialog(None, "打开报告")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        labels = {lab.text() for lab in dialog.findChildren(QLabel) if lab.text()}
        assert {"查找范围(&L)：", "文件类型(&T)：", "文件名称(&N)："} <= labels
        assert not [t for t in labels if any(c.isascii() and c.isalpha() and c not in "LTN" for c in t)]
    finally:
        for t in translators:
            qapp.removeTranslator(t)


def test_every_string_of_the_window_has_its_english() -> None:
    import xml.etree.ElementTree as ET

    ts = ET.parse(Path(__file__).resolve().parents[2] / "resources" / "i18n" / "reviewer_en.ts")

    def english(m: ET.Element) -> str:  # a counted string has a form for one and one for several
        forms = [f.text or "" for f in m.iter("numerusform")] if m.get("numerus") == "yes" else []
        return "" if forms and not all(f.strip() for f in forms) else (forms or [m.findtext("translation") or ""])[0]

    missing = [m.findtext("source") for m in ts.iter("message")
               if not english(m).strip() and (m.findtext("source") or "").strip()]
    assert missing == []


def test_arrow_keys_read_as_arrows_in_menus(qapp: QApplication) -> None:
    from PySide6.QtGui import QKeySequence

    translators = install_translators(qapp, "zh_CN")
    try:
        shown = [QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)
                 for k in ("Alt+Down", "Alt+Up", "Ctrl+Left", "Ctrl+Right")]
        assert shown == ["Alt+↓", "Alt+↑", "Ctrl+←", "Ctrl+→"]  # not "Alt+下方向"
    finally:
        for t in translators:
            qapp.removeTranslator(t)


def test_every_string_is_filed_under_the_context_it_is_looked_up_in() -> None:
    """``window.tr(...)`` outside the window's class was filed by lupdate under "window", while Qt looks
    it up under "MainWindow": the English window asked for the reviewer's name in Chinese."""
    import xml.etree.ElementTree as ET

    from reviewer.resources import resource_path

    contexts = {c.findtext("name") for c in ET.parse(resource_path("i18n", "reviewer_en.ts")).getroot()}
    assert not contexts & {"window", "parent", "w", "self"}, contexts


def test_english_counts_one_report_and_several_files_in_their_own_number(qapp: QApplication) -> None:
    """Found by a helper session: "Opened 1 reports; these 2 files could not be opened:"."""
    from PySide6.QtCore import QCoreApplication

    from reviewer.model import LoadError
    from ui.dialogs import LoadErrorsDialog

    translators = install_translators(qapp, "en")
    try:
        def opened(n: int) -> str:
            return QCoreApplication.translate("MainWindow", "已打开 {n} 份报告", "", n).format(n=n)

        assert (opened(1), opened(3)) == ("Opened 1 report", "Opened 3 reports")
        bad = [LoadError(f"/r/{name}", "unreadable", f"{name}：已损坏") for name in ("a.docx", "b.pdf")]
        assert LoadErrorsDialog(bad, 1).head.text() == "Opened 1 report; these 2 files could not be opened:"
        assert LoadErrorsDialog(bad[:1], 2).head.text() == "Opened 2 reports; this file could not be opened:"
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        set_language("zh_CN")
    assert LoadErrorsDialog(bad, 1).head.text() == "已打开 1 份报告，以下 2 个文件未能打开："


def test_english_says_one_change_waiting_in_its_own_number(qapp: QApplication) -> None:
    """The save bar said "1 changes are not in the project yet" (a helper session's finding of its kind)."""
    from ui.savebar import SaveBar

    translators = install_translators(qapp, "en")
    try:
        bar = SaveBar()
        bar.show_failure("disk full", 1, True)
        assert "\n1 change is not in the project yet." in bar.label.text()
        bar.show_failure("disk full", 3, True)
        assert "\n3 changes are not in the project yet." in bar.label.text()
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        set_language("zh_CN")


def test_english_asks_about_one_failed_item_in_its_own_number(qapp: QApplication) -> None:
    """Before 通过: "1 items were found failing; the review letter will still list them"."""
    from PySide6.QtCore import QCoreApplication

    translators = install_translators(qapp, "en")
    try:
        said = "{n} 项已判定为不符合，审阅意见书仍会列出：{names}"
        assert QCoreApplication.translate("ReviewHeader", said, "", 1).format(n=1, names="Measures") == (
            "1 item was found failing; the review letter will still list it: Measures")
        assert QCoreApplication.translate("ReviewHeader", said, "", 2).format(n=2, names="A, B").startswith(
            "2 items were found failing")
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        set_language("zh_CN")
