"""``python -m ui.screenshot OUT.png [PATH...]``: open the seeds, pose the window, save a picture.

Run under Xvfb with a CJK font for the README picture; the window is grabbed with
``QWidget.grab()`` after loading, with one report selected and one checklist item open.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from reviewer.model import Analysis


def _pose(window: object, out: Path, app: QApplication) -> None:
    from ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    analyses = window.session.analyses()
    if analyses:
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
    QTimer.singleShot(400, lambda: (window.grab().save(str(out)), window.close(), app.exit(0)))


def _busiest_section(a: Analysis) -> str | None:
    """The second-level section with the most metrics: the most telling place to look at."""
    counts: dict[str, int] = {}
    for m in a.metrics:
        if m.section and m.section.count(".") >= 1:
            key = ".".join(m.section.split(".")[:2])
            counts[key] = counts.get(key, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def main(argv: list[str]) -> int:
    from ui.app import apply_style, make_settings
    from ui.i18n import install_translators
    from ui.main_window import MainWindow
    from ui.settings import SettingsStore

    out = Path(argv[0]) if argv else Path("resources/screenshot.png")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_style(app)
    translators = install_translators(app, "zh_CN")
    project = Path(tempfile.mkdtemp()) / "示例审阅.review"  # never touch the reviewer's own projects
    window = MainWindow(SettingsStore(make_settings()), project)
    window.resize(1600, 960)
    window.show()
    paths = argv[1:] or [str(_seeds())]
    window.loader.loaded.connect(lambda _r: QTimer.singleShot(200, lambda: _pose(window, out, app)))
    QTimer.singleShot(0, lambda: window.controller.open_paths(paths))
    code = app.exec()
    del translators
    return code


def _seeds() -> Path:
    from reviewer.resources import seeds_dir

    return seeds_dir()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
