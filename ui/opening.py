"""What the reviewer is asked before a project opens, and told once it has: the file dialogs, the
server's connect dialog, the recent-projects menu, and the messages for a project that could not be
opened, is read-only, waits for its server, or is open in another window too."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from reviewer.journal import data_dir
from reviewer.location import display_name, is_server, redact
from reviewer.review_store import ReviewStore
from ui.dialogs import show_message
from ui.project import PROJECT_SUFFIX, OfflineStandIn

if TYPE_CHECKING:
    from ui.loading import LoadResult
    from ui.main_window import MainWindow


def ask_new_project(w: QWidget) -> Path | None:
    """Where the new project goes. A project already there is never emptied: the reviewer is told it
    exists and chooses to open it or name another (it opened with last year's reviews as if new, after
    the file dialog had asked whether to replace it: found by a helper session)."""
    start = str(data_dir())
    while True:
        path, _ = QFileDialog.getSaveFileName(
            w, QCoreApplication.translate("MainWindow", "新建审阅项目"), start,
            QCoreApplication.translate("MainWindow", "审阅项目 (*{s})").format(s=PROJECT_SUFFIX),
            options=QFileDialog.Option.DontConfirmOverwrite)  # asked below, in the words that are true
        if not path:
            return None
        chosen = Path(path if path.endswith(PROJECT_SUFFIX) else path + PROJECT_SUFFIX)
        if not chosen.exists():
            return chosen
        answer = _ask_existing(w, chosen)
        if answer != "other":
            return chosen if answer == "open" else None
        start = str(chosen.parent)


def _ask_existing(w: QWidget, chosen: Path) -> str:
    """"open", "other" (choose another name) or "cancel"."""
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("MainWindow", "审阅项目已存在"),
                      QCoreApplication.translate(
                          "MainWindow", "“{name}”已是一个审阅项目，其中的报告和审阅记录不会被清除。\n\n"
                          "要打开这个已有的项目，还是为新项目另取一个名称？").format(name=chosen.name), parent=w)
    box.setTextFormat(Qt.TextFormat.PlainText)  # the name is the reviewer's (a code review: <b> in it was drawn bold)
    opened = box.addButton(QCoreApplication.translate("MainWindow", "打开已有项目"), QMessageBox.ButtonRole.AcceptRole)
    other = box.addButton(QCoreApplication.translate("MainWindow", "另取名称…"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(other)
    box.exec()
    clicked = box.clickedButton()
    return "open" if clicked is opened else "other" if clicked is other else "cancel"


def ask_project(w: QWidget) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(
        w, QCoreApplication.translate("MainWindow", "打开审阅项目"), str(data_dir()),
        QCoreApplication.translate("MainWindow", "审阅项目 (*{s})").format(s=PROJECT_SUFFIX))
    return Path(path) if path else None


def ask_server(w: MainWindow) -> tuple[str, ReviewStore] | None:
    """The team's server, connected to: its project's location and store (None when cancelled)."""
    from ui.connect_dialog import ConnectDialog

    last = next((p for p in w.settings.recent_projects if is_server(p)), "")
    user = last.split("//", 1)[1].split("@", 1)[0] if "@" in last else w.settings.reviewer
    dialog = ConnectDialog(w, url=_without_user(last), user=user)
    accepted = dialog.exec()
    store, location, not_kept = dialog.store, dialog.location, dialog.not_kept
    dialog.release()
    if not accepted or store is None:
        return None
    if not_kept is not None:
        title = QCoreApplication.translate("MainWindow", "密码未能记住")
        text = QCoreApplication.translate(
            "MainWindow", "已连接审阅服务器，但密码未能保存到系统钥匙串：{why}。\n下次连接时需重新输入密码。")
        QMessageBox.warning(w, title, text.format(why=not_kept))
    return location, store


def fill_recent(menu: QMenu, recent: Sequence[str], open_project: Callable[[str], None]) -> None:
    menu.clear()
    on_server = QCoreApplication.translate("MainWindow", "（服务器）")
    for p in recent:
        act = menu.addAction(display_name(p) + (on_server if is_server(p) else ""))
        act.setToolTip(redact(p))
        act.triggered.connect(lambda _c=False, path=p: open_project(path))
    if not recent:
        menu.addAction(QCoreApplication.translate("MainWindow", "（无）")).setEnabled(False)


def tell_opened(w: MainWindow, store: ReviewStore, failed: bool, warning: str | None) -> None:
    """Said once the window shows the project: after the window is up, so a message at start has one."""
    warn, inform = QMessageBox.Icon.Warning, QMessageBox.Icon.Information
    if isinstance(store, OfflineStandIn):
        text = QCoreApplication.translate(
            "MainWindow", "{why}。\n\n在连上之前，窗口中是一个空的临时项目，在其中所做的审阅不会保留。")
        _later(w, warn, QCoreApplication.translate("MainWindow", "暂时连不上审阅服务器"),
               text.format(why=(warning or "").rstrip("。")))
    elif failed:  # at start: the window is up, on a stand-in project that keeps nothing
        text = QCoreApplication.translate(
            "MainWindow", "{why}\n\n本次审阅只保存在内存中，关闭程序后不会保留。请用“文件 → 打开审阅项目”"
            "或“新建审阅项目”选择一个项目后再审阅。")
        _later(w, warn, QCoreApplication.translate("MainWindow", "无法打开审阅项目"), text.format(why=warning or ""))
    elif store.journal_mode == "read-only":  # reviewer.store.READ_ONLY: said before any tick
        _later(w, inform, QCoreApplication.translate("MainWindow", "只读的审阅项目"), warning or "")
    elif warning:
        w.status.showMessage(warning, 15000)


def tell_locked(w: QWidget, location: str, holder: str) -> None:
    text = QCoreApplication.translate(
        "MainWindow", "“{name}”已在另一个窗口中打开（{holder}）。两处的修改都会保存，但彼此不会即时显示："
        "一个核查项的判断连同意见、一份报告的结论连同总体意见，以最后保存的为准（只改结论也会换掉另一窗口写的意见）。"
        "建议只在一个窗口中审阅这个项目。")
    _later(w, QMessageBox.Icon.Warning, QCoreApplication.translate("MainWindow", "项目已在别处打开"),
           text.format(name=display_name(location), holder=holder))


def tell_refused(w: QWidget, why: str) -> None:
    """The server is back but refuses the password kept for it."""
    text = QCoreApplication.translate("MainWindow", "{why}\n\n请用“文件 → 连接审阅服务器”重新输入姓名和密码。")
    show_message(w, QMessageBox.Icon.Warning, QCoreApplication.translate("MainWindow", "审阅服务器拒绝了连接"),
                 text.format(why=why))


def _later(w: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> None:
    QTimer.singleShot(0, lambda: show_message(w, icon, title, text))


def _without_user(url: str) -> str:
    """The server address as the connect dialog shows it (the user name has its own field)."""
    if "@" not in url:
        return url
    scheme, rest = url.split("//", 1)
    return f"{scheme}//{rest.split('@', 1)[1]}"


def load_note(result: LoadResult, told: str | None, count: int) -> str:
    """What the status bar says when a load ends; ``told``: what another reviewer's change had the
    window say (kept when the load only read the project again), ``count``: the project's reports.
    Each count is passed to translate as well: English says "1 report", "2 reports" (a helper session)."""
    new, known, again = len(result.added) - len(result.known) - len(result.replaced), len(result.known), \
        len(result.replaced)
    if again:
        note = QCoreApplication.translate(
            "MainWindow", "已重新读入 {n} 份报告，原有判断标为待复核", "", again).format(n=again)
        if new:
            note += QCoreApplication.translate("MainWindow", "；另打开 {n} 份报告", "", new).format(n=new)
    elif new:
        note = QCoreApplication.translate("MainWindow", "已打开 {n} 份报告", "", new).format(n=new)
        if known:
            note += QCoreApplication.translate("MainWindow", "，另有 {k} 份原已在项目中", "", known).format(k=known)
    elif result.added:  # opened again: nothing new in the project
        note = QCoreApplication.translate(
            "MainWindow", "{k} 份报告原已在项目中，没有新的报告", "", known).format(k=known)
    elif told is not None:  # read again for others' changes: their word stays (helper session)
        note = told
    else:
        note = QCoreApplication.translate("MainWindow", "项目中有 {n} 份报告", "", count).format(n=count)
    if result.cancelled:
        note += QCoreApplication.translate("MainWindow", "（已取消其余文件）")
    if changed := len(result.changed):
        note += QCoreApplication.translate(
            "MainWindow", "；{n} 份报告的源文件已更改，可在“审阅”菜单中重新导入", "", changed).format(n=changed)
    return note
