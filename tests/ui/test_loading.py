"""Opening folders: off the GUI thread, with progress, cancel, and one dialog listing failures."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from reviewer.checklist import load_checklist
from reviewer.memory_store import MemoryReviewStore
from ui.dialogs import LoadErrorsDialog
from ui.loading import JobContext, import_work

from .conftest import WindowFactory


def _excerpts(seeds_dir: Path, folder: Path, count: int, chars: int = 1500) -> None:
    """``count`` distinct short reports cut from the seeds (distinct bytes, so distinct hashes)."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = [p.read_text(encoding="utf-8")[:chars] for p in sorted(seeds_dir.glob("*.txt"))]
    for i in range(count):
        (folder / f"report_{i:04d}.txt").write_text(f"{texts[i % len(texts)]}\n编号{i}\n", encoding="utf-8")


def test_broken_files_are_listed_in_one_dialog_and_the_rest_open(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    _excerpts(seeds_dir, folder, 3)
    (folder / "坏文件.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (folder / "空文件.txt").write_bytes(b"")
    shown: list[list[str]] = []
    monkeypatch.setattr(LoadErrorsDialog, "exec", lambda self: shown.append([e.path for e in self.errors]) or 0)
    w = make_window(tmp_path / "p.review")
    with qtbot.waitSignal(w.loader.loaded, timeout=30000):
        w.controller.open_paths([str(folder)])
    assert w.reports.proxy.rowCount() == 3
    assert len(shown) == 1
    assert sorted(Path(p).name for p in shown[0]) == ["坏文件.txt", "空文件.txt"]
    # ... and the workbook, the record of the review, lists them too (a file fixed and opened again
    # later would leave the list)
    from openpyxl import load_workbook

    from ui.export_dialog import ExportScopeDialog

    out = tmp_path / "审阅结果.xlsx"
    monkeypatch.setattr("ui.commands.QFileDialog.getSaveFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(ExportScopeDialog, "exec", lambda self: ExportScopeDialog.DialogCode.Accepted)
    with qtbot.waitSignal(w.commands.exported, timeout=30000):
        w.actions_.export.trigger()
    summary = load_workbook(out, read_only=True)["汇总"]
    rows = [[c for c in r if c is not None] for r in summary.iter_rows(values_only=True)]
    at = rows.index(["未能读取的文件（2 个，未计入本工作簿各表）"])
    assert sorted(r[0] for r in rows[at + 1:]) == ["坏文件.txt", "空文件.txt"] and rows[at - 1] == []
    (folder / "空文件.txt").write_text("一、主要举措和成效\n本年度办理行政复议案件59件。\n", encoding="utf-8")
    with qtbot.waitSignal(w.loader.loaded, timeout=30000):
        w.controller.open_paths([str(folder / "空文件.txt")])
    assert [Path(p).name for p in w.session.load_failures] == ["坏文件.txt"]
    # ... and the project keeps the list: reopened, the window still knows (found by a reviewer session)
    w.close()
    again = make_window(tmp_path / "p.review")
    with qtbot.waitSignal(again.controller.project_loaded, timeout=30000):
        again.controller.load_project()
    assert [Path(p).name for p in again.session.load_failures] == ["坏文件.txt"]


@pytest.mark.parametrize(("loaded", "bad", "title", "head"), [
    (3, 2, "部分文件未能打开", "已打开 3 份报告，以下 2 个文件未能打开："),
    (0, 1, "文件未能打开", "以下文件未能打开："),  # not "已打开 0 份报告" under "部分文件未能打开"
    (0, 2, "文件未能打开", "以下 2 个文件都未能打开："),
])
def test_the_load_errors_dialog_says_whether_anything_opened(loaded: int, bad: int, title: str, head: str) -> None:
    from reviewer.model import LoadError

    errors = [LoadError(f"/r/{i}.docx", "mismatch", f"{i}.docx：坏") for i in range(bad)]
    dialog = LoadErrorsDialog(errors, loaded)
    assert (dialog.windowTitle(), dialog.head.text(), dialog.list.count()) == (title, head, bad)


def test_a_large_folder_shows_its_first_reports_while_the_rest_are_read(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path
) -> None:
    folder = tmp_path / "many"
    _excerpts(seeds_dir, folder, 200, chars=20000)
    w = make_window(tmp_path / "p.review")
    w.show()
    qtbot.waitExposed(w)
    seen: list[int] = []  # rows in the tree at each delivery
    opened: list[tuple[int, bool, bool]] = []  # (rows in the tree, its text shown, still loading) as a report opens
    progress_seen: list[bool] = []
    w.loader.partial.connect(lambda _g: seen.append(w.reports.proxy.rowCount()))
    w.reports.report_selected.connect(lambda _s: opened.append(
        (w.reports.proxy.rowCount(), bool(w.text.editor.toPlainText()), w.loader.busy())))
    w.loader.progressed.connect(lambda _d, _t: progress_seen.append(w.status.progress.isVisible()))
    with qtbot.waitSignal(w.loader.loaded, timeout=120_000):
        w.controller.open_paths([str(folder)])
        assert w.status.progress.isVisible() and w.status.cancel.isVisible()
    first_rows, first_shown, still_loading = opened[0]  # the first report, opened by itself
    assert 0 < first_rows < 200 and first_shown and still_loading  # readable before the last is done
    assert len(seen) > 5  # group by group, not all at the end
    assert w.reports.proxy.rowCount() == 200
    assert [a.file for a in w.session.analyses()] == sorted(str(p) for p in folder.iterdir())  # in file order
    assert progress_seen and all(progress_seen)
    assert not w.status.progress.isVisible()


def test_cancel_stops_the_batch_early(seeds_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "c"
    _excerpts(seeds_dir, folder, 10)
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)

    store = MemoryReviewStore()
    ctx = JobContext(lambda: (store, False), load_checklist(), lambda: None, lambda _group: None)
    result = import_work([str(folder)], ctx, {})(progress, lambda: len(seen) >= 3)
    assert result.cancelled and not result.complete
    assert len(store.reports()) < 10


def test_the_report_being_read_while_a_folder_loads_stays_when_the_load_ends(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path
) -> None:
    """The first report to arrive opens by itself; the reviewer reads it (scrolls, picks an item).
    When the folder is done, the window stays on it, where they were, even if it is not the first
    file in order (here a long report sorts first and arrives last)."""
    folder = tmp_path / "mix"
    _excerpts(seeds_dir, folder, 40, chars=20000)
    long_text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))) * 12
    (folder / "a_long.txt").write_text(long_text, encoding="utf-8")
    w = make_window(tmp_path / "p.review")
    w.show()
    qtbot.waitExposed(w)
    opened: list[str] = []
    w.reports.report_selected.connect(opened.append)
    places: list[tuple[int, str]] = []

    def read_it(_group: object) -> None:  # the reviewer, once the first report is on show
        if opened and not places:
            bar = w.text.editor.verticalScrollBar()
            bar.setValue(bar.maximum() // 2)
            w.checklist.select_item("measures")
            places.append((bar.value(), opened[0]))

    w.loader.partial.connect(lambda g: QTimer.singleShot(50, lambda: read_it(g)))
    with qtbot.waitSignal(w.loader.loaded, timeout=120_000):
        w.controller.open_paths([str(folder)])
    qtbot.wait(100)
    assert places, "the reviewer never had a report to read while loading"
    value, first = places[0]
    assert w.reports.current_report() == first and set(opened) == {first}  # never another report
    assert w.text.editor.verticalScrollBar().value() == value > 0
    assert w.checklist.tree.currentIndex() == w.checklist.model.item_index("measures")


def test_a_long_reason_is_wrapped_in_the_load_errors_dialog(qtbot: QtBot) -> None:
    """The reason says what is wrong and what to do: all of it readable without scrolling sideways."""
    from reviewer.model import LoadError

    long = ("关于2023年度法治政府建设情况的报告（修改稿）.doc：扩展名是 .doc，"
            "内容却不是 Word 97-2003 文档（而是纯文本），文件可能已损坏或被改了扩展名，未读取；"
            "请找到原始文件，或确认内容后改为正确的扩展名再打开")
    dialog = LoadErrorsDialog([LoadError("/r/a.doc", "mismatch", long)], 3)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    rect = dialog.list.visualItemRect(dialog.list.item(0))
    assert dialog.list.horizontalScrollBar().maximum() == 0
    assert rect.width() <= dialog.list.viewport().width() and rect.height() > 2 * dialog.list.fontMetrics().height()


def test_a_project_reopens_on_the_report_it_was_left_on_first_not_after_another(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path, settings_path: Path
) -> None:
    """The report the project was left on is read first and opens by itself; the window never shows
    another report first and then takes it away when the load ends."""
    from PySide6.QtCore import QSettings

    from ui.settings import Place, SettingsStore

    folder = tmp_path / "many"
    _excerpts(seeds_dir, folder, 40, chars=20000)
    project = tmp_path / "p.review"
    w = make_window(project)
    with qtbot.waitSignal(w.loader.loaded, timeout=120_000):
        w.controller.open_paths([str(folder)])
    resume = w.session.analyses()[-1].sha256  # the last in order: read last but for this
    w.close()
    stored = SettingsStore(QSettings(str(settings_path), QSettings.Format.IniFormat))
    settings = stored.load()
    settings.places[str(project)] = Place(report=resume)
    stored.save(settings)
    again = make_window(project)
    opened: list[str] = []
    again.reports.report_selected.connect(opened.append)
    again.show()
    with qtbot.waitSignal(again.loader.loaded, timeout=120_000):
        again.controller.load_project()
    qtbot.wait(100)
    assert opened and set(opened) == {resume} and again.reports.current_report() == resume


def test_a_new_project_opened_with_files_never_says_it_holds_none(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path
) -> None:
    """Started with files (a folder dropped on the program, or given on its command line), the empty
    project opens first and the files follow: the status bar says what was opened, not 项目中有 0 份报告
    while the reports fill the list."""
    w = make_window(tmp_path / "p.review")
    said: list[str] = []
    w.status.messageChanged.connect(said.append)
    with qtbot.waitSignal(w.controller.project_loaded, timeout=60000):
        w.controller.load_project(then_import=[str(seeds_dir)])
    assert "项目中有 0 份报告" not in said
    assert w.status.currentMessage() == "已打开 5 份报告"
    # Opened again, nothing is new (found by a reviewer session: it said 已打开 5 份报告 again)
    with qtbot.waitSignal(w.loader.loaded, timeout=60000):
        w.controller.open_paths([str(seeds_dir)])
    assert w.status.currentMessage() == "5 份报告原已在项目中，没有新的报告"
    assert w.reports.proxy.rowCount() == 5


def test_an_english_window_says_the_problem_as_the_english_workbook_does(qtbot: QtBot) -> None:
    """The reasons are worded in Chinese: an English window names the kind of problem (the words of
    the English workbook), with the Chinese reason in the row's tip."""
    from reviewer.model import LoadError
    from ui.labels import set_language

    errors = [LoadError("/in/坏.docx", "corrupt", "坏.docx：文档已损坏（不是有效的 zip 压缩包），无法读取"),
              LoadError("/in/空.txt", "empty", "空.txt：文件是空的")]
    set_language("en")
    try:
        dialog = LoadErrorsDialog(errors, 3)
    finally:
        set_language("zh_CN")
    qtbot.addWidget(dialog)
    rows = [dialog.list.item(i) for i in range(dialog.list.count())]
    assert [r.text() for r in rows] == ["坏.docx: The file is damaged", "空.txt: The file is empty"]
    assert rows[0].toolTip() == "/in/坏.docx\n坏.docx：文档已损坏（不是有效的 zip 压缩包），无法读取"
    chinese = LoadErrorsDialog(errors, 3)
    qtbot.addWidget(chinese)
    assert chinese.list.item(1).text() == "空.txt：文件是空的" and chinese.list.item(1).toolTip() == "/in/空.txt"


def test_files_left_out_as_copies_of_reports_opened_are_not_called_unopenable(qtbot: QtBot) -> None:
    from reviewer.model import LoadError

    same = LoadError("/in/报告.pdf", "same_report", "报告.pdf：与 报告.docx 是同一份报告的不同格式，只打开了 报告.docx")
    dialog = LoadErrorsDialog([same], 1)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "文件未重复打开"
    assert dialog.head.text() == "以下文件与已打开的报告相同，未重复打开："
    mixed = LoadErrorsDialog([same, LoadError("/in/空.txt", "empty", "空.txt：文件是空的")], 1)
    qtbot.addWidget(mixed)
    assert mixed.windowTitle() == "部分文件未能打开"
    # found by a helper session: the copy was counted among the files that could not be opened
    assert mixed.head.text() == ("已打开 1 份报告，以下 1 个文件未能打开：\n"
                                 "另有 1 个文件未打开，不影响审阅（已打开报告的副本，或不是报告），列在最后。")
    assert [mixed.list.item(i).text().split("：")[0] for i in range(2)] == ["空.txt", "报告.pdf"]


def test_a_report_sent_as_docx_and_pdf_opens_once_in_the_window(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.core import format_fixtures as ff
    from tests.core.loader_fixtures import make_docx
    from tests.core.test_samereport import _pdf

    folder = tmp_path / "来件"
    folder.mkdir()
    lines = ff.seed_lines(sorted(seeds_dir.glob("*.txt"))[0].read_text(encoding="utf-8"))
    make_docx(folder / "报告.docx", [(None, line) for line in lines])
    _pdf(folder / "报告（盖章版）.pdf", lines)
    shown: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(LoadErrorsDialog, "exec",
                        lambda self: shown.append((self.windowTitle(), [e.said() for e in self.errors])) or 0)
    w = make_window(tmp_path / "p.review")
    with qtbot.waitSignal(w.loader.loaded, timeout=30000):
        w.controller.open_paths([str(folder)])
    assert w.reports.proxy.rowCount() == 1
    assert [Path(r.path).name for r in w.session.store.reports()] == ["报告.docx"]
    assert shown == [("文件未重复打开",
                      ["报告（盖章版）.pdf：与 报告.docx 是同一份报告的不同格式，只打开了 报告.docx"])]


def test_a_replaced_job_leaves_no_task_behind(qtbot: QtBot) -> None:
    """Found by a code review: a job replaced by another (a project switched while loading) kept its task,
    and the job's closure, for as long as the window lived."""
    import threading

    from ui.loading import Loader
    from ui.tasks import Task

    loader = Loader()
    release = threading.Event()

    def slow(_progress: object, _cancelled: object) -> str:
        release.wait(5)
        return "first"

    loader.run(lambda _deliver: slow)
    with qtbot.waitSignal(loader.loaded, timeout=5000) as done:
        loader.run(lambda _deliver: lambda _progress, _cancelled: "second", replace=True)
        release.set()
    assert done.args == ["second"]
    qtbot.waitUntil(lambda: not loader.findChildren(Task), timeout=3000)


def test_an_abandoned_job_that_fails_says_nothing(qtbot: QtBot) -> None:
    """A closing window abandons its load and closes the project under it; the job then failed on the
    closed project and 打开失败 came up over a window no longer there (a team test's teardown)."""
    import threading

    from ui.loading import Loader
    from ui.tasks import Task

    loader = Loader()
    release = threading.Event()
    heard: list[object] = []
    loader.failed.connect(heard.append)
    loader.loaded.connect(heard.append)

    def fails_once_released(_progress: object, _cancelled: object) -> str:
        release.wait(5)
        raise RuntimeError("the pool 'fazhi' is already closed")

    loader.run(lambda _deliver: fails_once_released)
    loader.abandon()
    assert not loader.busy()
    release.set()
    qtbot.waitUntil(lambda: not loader.findChildren(Task), timeout=3000)  # ended, and deleted
    qtbot.wait(100)
    assert heard == []
    assert not loader.run(lambda _deliver: lambda _p, _c: "later")  # nothing starts on the closed window
