"""Composition root: ``reviewer-gui [PATH...] [--project FILE] [--self-test]``.

Only Qt and the light core modules are imported before the window is shown; loading and
analysis (jieba, tables) start on a worker thread once the event loop runs.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

HEAVY_MODULES = ("jieba", "pandas", "openpyxl", "reviewer.analyze")


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="reviewer-gui", description="法治年报审阅器")
    parser.add_argument("paths", nargs="*", help="报告文件或文件夹（不填则打开示例报告）")
    parser.add_argument("--project", type=Path, default=None, help="审阅项目文件 (.review)")
    parser.add_argument("--self-test", action="store_true", help="打开示例报告后输出结果并退出")
    return parser.parse_args(list(argv))


def make_settings() -> QSettings:
    """Per-user settings; beside the data folder when ``$FAZHI_REVIEWER_DATA`` is set (tests, portable)."""
    import os

    from ui.project import DATA_ENV, data_dir

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
    import os

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
    from ui.main_window import MainWindow
    from ui.settings import SettingsStore

    project = args.project
    if args.self_test:  # a smoke test must not touch the reviewer's settings or projects
        import tempfile

        scratch = Path(tempfile.mkdtemp(prefix="reviewer-self-test-"))
        store = SettingsStore(QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat))
        project = project or scratch / "self-test.review"
    else:
        store = SettingsStore(make_settings())
    translators = install_translators(app, store.load().language)
    apply_style(app)
    window = MainWindow(store, project)
    window.show()
    shown: list[float] = []
    paths = [str(p) for p in args.paths] or [str(_seeds())]

    def start() -> None:
        shown.append(time.perf_counter())
        window.controller.open_paths(paths)

    QTimer.singleShot(0, start)
    if args.self_test:
        window.loader.loaded.connect(lambda _r: _self_test_report(window, shown[0], app))
        window.loader.failed.connect(lambda m: (print(m, file=sys.stderr), app.exit(2)))
        QTimer.singleShot(120_000, lambda: app.exit(3))
    code = app.exec()
    del translators  # held until the loop ends: an uninstalled translator would drop the language
    return code


def _seeds() -> Path:
    from reviewer.resources import seeds_dir

    return seeds_dir()


if __name__ == "__main__":
    sys.exit(main())
