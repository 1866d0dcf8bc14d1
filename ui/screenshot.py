"""``python -m ui.screenshot OUT.png [--page review|compare|guide|lastyear] [--reports N] [PATH...]``.

Opens the sample reports (or N generated ones, or PATH...) into a scratch project, poses the
window as a reviewer at work would have it, and saves a picture. Run it under Xvfb with a CJK font
and a screen of the size to show (``Xvfb :99 -screen 0 1366x768x24``): the window sizes itself for
that screen as it would on a reviewer's computer. Never touches the reviewer's settings or projects.
``--page lastyear`` adds 塘沽街道's report on 2023 (made from seed 003, ``tests/core/lastyear_fixtures``)
and shows the 往年对比 tab of its report on 2024.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from reviewer.model import Analysis


def _pose_review(window: object) -> None:
    from ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    analyses = window.session.analyses()
    if not analyses:
        return
    a = analyses[0]
    window.reports.select_report(a.sha256)
    busiest = _busiest_section(a)
    if busiest:
        idx = window.reports.section_index(a.sha256, busiest)
        window.reports.tree.expand(idx.parent())
        window.reports.tree.setCurrentIndex(idx)
    for c in a.checklist[:4]:  # a review under way: the required parts ticked
        window.session.set_decision(a.sha256, c.id, "符合")
    shown = [c for c in a.checklist if c.group == "metric" and c.evidence] or list(a.checklist)
    if shown:
        window.checklist.tree.setCurrentIndex(window.checklist.model.item_index(shown[0].id))
    window.reports.tree.setFocus()
    window.tabs.setCurrentIndex(0)


def _busiest_section(a: Analysis) -> str | None:
    """The second-level section with the most metrics: the most telling place to look at."""
    counts: dict[str, int] = {}
    for m in a.metrics:
        if m.section and m.section.count(".") >= 1:
            key = ".".join(m.section.split(".")[:2])
            counts[key] = counts.get(key, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def _save(window: object, out: Path, page: str, app: QApplication) -> None:
    from ui.help import GuideDialog
    from ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    _pose_review(window)
    if page == "lastyear":
        from ui.lastyear.wiring import pose

        pose(window)
    if page == "compare":
        window.show_page(True)
        window.compare.topic_box.setCurrentIndex(0)
    if page == "guide":
        dialog = GuideDialog(window)
        dialog.show()
        def grab_and_quit() -> None:
            dialog.grab().save(str(out))
            app.exit(0)

        QTimer.singleShot(400, grab_and_quit)
        return
    QTimer.singleShot(400, lambda: (window.grab().save(str(out)), window.close(), app.exit(0)))


def main(argv: list[str]) -> int:
    from ui.app import apply_style
    from ui.i18n import install_translators
    from ui.main_window import MainWindow
    from ui.settings import SettingsStore

    ap = argparse.ArgumentParser(prog="python -m ui.screenshot")
    ap.add_argument("out", type=Path)
    ap.add_argument("--page", choices=("review", "compare", "guide", "lastyear"), default="review")
    ap.add_argument("--reports", type=int, default=0, help="generate this many reports instead of the samples")
    ap.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN", help="the window's language")
    ap.add_argument("paths", nargs="*")
    args = ap.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_style(app)
    translators = install_translators(app, args.lang)
    scratch = Path(tempfile.mkdtemp(prefix="reviewer-screenshot-"))
    settings = SettingsStore(QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, scratch / "示例审阅.review")
    window.show()
    paths = args.paths or _paths(args.reports, scratch)
    if args.page == "lastyear":
        import importlib

        fixtures = importlib.import_module("tests.core.lastyear_fixtures")  # a development tool, as below
        paths = [*paths, str(fixtures.write_pair(scratch / "2023")[0])]
    window.controller.project_loaded.connect(lambda: QTimer.singleShot(300, lambda: _save(window, args.out,
                                                                                          args.page, app)))
    QTimer.singleShot(0, lambda: window.controller.load_project(then_import=paths))
    code = app.exec()
    del translators
    return code


def _paths(n: int, scratch: Path) -> list[str]:
    if not n:
        from reviewer.resources import seeds_dir

        return [str(seeds_dir())]
    import importlib

    corpus = importlib.import_module("tests.benchmarks.corpus")  # a development tool: the checkout has it
    corpus.write_reports(n, scratch / "reports")
    return [str(scratch / "reports")]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
