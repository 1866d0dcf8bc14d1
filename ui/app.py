"""Composition root: ``reviewer-gui [PATH...] [--project FILE] [--self-test]``.

Only Qt and the light core modules are imported before the window is shown; loading and
analysis (jieba, tables) start on a worker thread once the event loop runs.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog

from reviewer.journal import DATA_ENV
from ui.settings import SettingsStore

if TYPE_CHECKING:
    from ui.main_window import MainWindow

HEAVY_MODULES = ("jieba", "pandas", "openpyxl", "reviewer.analyze")


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    from reviewer.cli_parser import CommandParser

    parser = CommandParser(prog="reviewer-gui", description="法治年报审阅器")
    parser.add_argument("paths", nargs="*", help="报告文件或文件夹，打开到审阅项目中（不填则重新打开上次的项目）")
    parser.add_argument("--project", type=_location, default=None,
                        help="审阅项目文件 (.review)，或团队服务器上的项目 (postgresql://用户@服务器/数据库)")
    parser.add_argument("--self-test", action="store_true", help="打开示例报告后输出结果并退出")
    return parser.parse_args(list(argv))


def _location(text: str) -> str | Path:
    """A server URL stays a string (as a path its "//" would collapse into a local file name)."""
    from reviewer.location import is_server

    return text if is_server(text) else Path(text)


def make_settings() -> QSettings:
    """Per-user settings; beside the data folder when ``$FAZHI_REVIEWER_DATA`` is set (tests, portable)."""
    from reviewer.journal import data_dir

    if os.environ.get(DATA_ENV):
        return QSettings(str(data_dir() / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "fazhi-reviewer", "reviewer")


def apply_style(app: QApplication) -> None:
    from reviewer.resources import resource_path

    app.setStyle("Fusion")
    qss = resource_path("style.qss")
    if qss.is_file():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))


def _self_test_report(window: object, shown_at: float, app: QApplication) -> None:
    from ui.main_window import MainWindow
    from ui.selftest import SelfTestError, run

    assert isinstance(window, MainWindow)
    try:
        result = run(window, app)
    except SelfTestError as exc:
        print(f"自检失败：{exc}", file=sys.stderr)
        window.close()
        app.exit(1)
        return
    result["window_shown_s"] = round(shown_at - _T0, 3)
    result["loaded_s"] = round(time.perf_counter() - _T0, 3)
    print(json.dumps(result, ensure_ascii=False))
    window.close()
    app.exit(0)


_T0 = time.perf_counter()


def _ensure_streams() -> None:
    """A windowed frozen build has no console: sys.stdout/stderr are None and print() would crash."""
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (lives as long as the process)
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def main(argv: Sequence[str] | None = None) -> int:
    _ensure_streams()
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("法治年报审阅器")
    from PySide6.QtGui import QIcon

    from reviewer.resources import resource_path

    app.setWindowIcon(QIcon(str(resource_path("icons", "app.png"))))
    app.setOrganizationName("fazhi-reviewer")
    from ui.i18n import install_translators

    project = args.project
    paths = [str(p) for p in args.paths]
    if args.self_test:  # a smoke test must not touch the reviewer's settings or projects
        import tempfile

        scratch = Path(tempfile.mkdtemp(prefix="reviewer-self-test-"))
        os.environ[DATA_ENV] = str(scratch)  # journals and caches too
        store = SettingsStore(QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat))
        project = project or scratch / "self-test.review"
        paths = paths or [str(_seeds())]
    else:
        store = SettingsStore(make_settings())
    translators = install_translators(app, store.load().language)
    apply_style(app)
    window, shown = open_window(store, project, paths, ask_name=not args.self_test, warm=not args.self_test)
    from ui.terminate import close_on_terminate

    watch = close_on_terminate(window)
    if args.self_test:
        window.controller.project_loaded.connect(lambda: _self_test_report(window, shown[0], app))
        window.loader.failed.connect(lambda m: (print(m, file=sys.stderr), app.exit(2)))
        QTimer.singleShot(120_000, lambda: app.exit(3))
    code = app.exec()
    if watch is not None:
        watch.stop()  # what follows (saving, shutting workers down) may be ended as usual
    del translators  # held until the loop ends: an uninstalled translator would drop the language
    return code


def open_window(store: SettingsStore, project: str | Path | None, paths: list[str], ask_name: bool = False,
                warm: bool = False) -> tuple[MainWindow, list[float]]:
    """The main window on the project to open, shown; its reports load once the event loop runs.

    ``ask_name``: on the first start, ask the reviewer's name (written with every decision) once.
    ``warm``: start the analysis workers at once, so the first folder opens without waiting.
    Returns the window and a list that receives the time loading started (for the self-test).
    """
    from ui.main_window import MainWindow

    location, samples, note = choose_project(project, store.load().last_project, bool(paths))
    window = MainWindow(store, location)
    window.show()
    if note:
        window.status.showMessage(note, 30000)
    shown: list[float] = []

    def start() -> None:
        shown.append(time.perf_counter())
        if ask_name:
            ask_reviewer_name(window)
        if warm:
            window.controller.pools.warm()
        window.controller.load_project(then_import=paths or ([str(_seeds())] if samples else []))

    QTimer.singleShot(0, start)
    return window, shown


def ask_reviewer_name(window: MainWindow) -> None:
    """Once, on the first start: the name written with every decision (changeable in 设置)."""
    s = window.settings
    if s.reviewer or s.asked_name:
        return
    # QCoreApplication.translate with the window's context: ``window.tr`` outside its class is filed by
    # lupdate under "window", and the English window asked in Chinese
    title = QCoreApplication.translate("MainWindow", "审阅人")
    ask = QCoreApplication.translate("MainWindow", "请输入您的姓名，它会写入每一条审阅记录（以后可在“设置”中修改）：")
    name, ok = QInputDialog.getText(window, title, ask)
    s.asked_name = True
    if ok and name.strip():
        s.reviewer = name.strip()
        window.session.reviewer = s.reviewer
    window.settings_store.save(s)


def choose_project(given: str | Path | None, last: str, have_paths: bool) -> tuple[str | Path, bool, str]:
    """The project to open, whether it is the sample project of a very first start, and a note.

    ``reviewer-gui`` with no argument reopens the last project. Only on the very first start
    (no project ever opened) do the sample reports open, into a sample project of their own.
    A last project that is gone (moved, or on a share that is offline) is not created anew.
    """
    from reviewer.location import is_server
    from ui.project import default_project, sample_project

    if given is not None:
        return given, False, ""
    if last and is_server(last):
        return last, False, ""  # the team's server: connected (or asked for a password) on opening
    if last and Path(last).is_file():
        return Path(last), False, ""
    if last:
        note = f"找不到上次的审阅项目 {last}（已移动或所在位置无法访问），已打开默认项目；可用“文件 → 打开审阅项目”找回"
        return default_project(), False, note
    if have_paths:
        return default_project(), False, ""
    return sample_project(), True, ""


def _seeds() -> Path:
    from reviewer.resources import seeds_dir

    return seeds_dir()


if __name__ == "__main__":
    sys.exit(main())
