"""A long scan opens as soon as its first page is read and fills in page by page (real OCR, with the
pages after the first held back until the test has looked at the window)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from reviewer.formats import ocr
from tests.core import format_fixtures as ff
from tests.core.test_ocr import PAGES, _text

from .conftest import WindowFactory


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """OCR reads the first page at once and every later page only when the event is set."""
    opened = threading.Event()
    real = ocr.ocr_page
    calls: list[int] = []

    def held(image: Any) -> Any:
        calls.append(1)
        if len(calls) > 1:
            opened.wait(60)
        return real(image)

    monkeypatch.setattr(ocr, "ocr_page", held)
    yield opened
    opened.set()


def _reading(make_window: WindowFactory, qtbot: QtBot, path: Path) -> tuple[Path, Any]:
    """A window opening a scan of ``PAGES``, once its first page is shown."""
    scan = ff.make_scan_tiff(path, PAGES)
    w = make_window(path.parent / "p.review")
    w.show()
    w.controller.open_paths([str(scan)])
    qtbot.waitUntil(lambda: w.reports.proxy.rowCount() == 1, timeout=60_000)
    return scan, w


def _label(w: Any) -> str:
    return str(w.reports.proxy.index(0, 0).data())


def test_a_scan_is_readable_from_its_first_page_and_fills_in(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, gate: threading.Event
) -> None:
    scan, w = _reading(make_window, qtbot, tmp_path / "扫描件.tif")
    assert _label(w).endswith("（识别中 1/3 页）")
    assert w.text.editor.toPlainText() == _text(PAGES[:1])  # the first page, open and readable
    assert w.loader.busy() and w.status.cancel.isVisible()
    # The bar counts the scan's pages, not the files (all of them opened already: a full bar).
    qtbot.waitUntil(lambda: w.status.progress.text() == "识别扫描件 1/3 页", timeout=10_000)
    assert w.status.progress.isVisible()
    gate.set()
    qtbot.waitUntil(lambda: not w.loader.busy(), timeout=60_000)
    assert w.reports.proxy.rowCount() == 1 and "识别中" not in _label(w)
    assert w.text.editor.toPlainText() == _text(PAGES)
    assert w.session.reading == {}
    assert [r.path for r in w.session.store.reports()] == [str(scan)]


def test_cancelling_a_scan_half_read_leaves_nothing_of_it(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, gate: threading.Event
) -> None:
    _scan, w = _reading(make_window, qtbot, tmp_path / "scan.tif")
    w.status.cancel.click()
    gate.set()
    qtbot.waitUntil(lambda: not w.loader.busy(), timeout=60_000)
    assert w.reports.proxy.rowCount() == 0 and w.session.reading == {}
    assert w.text.editor.toPlainText() == ""
    assert w.session.store.reports() == []


def test_cancelling_a_scan_keeps_the_report_on_show_selected(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, gate: threading.Event, seeds_dir: Path
) -> None:
    w = make_window(tmp_path / "p.review")
    w.show()
    with qtbot.waitSignal(w.loader.loaded, timeout=60_000):
        w.controller.open_paths([str(p) for p in sorted(seeds_dir.glob("*.txt"))[:3]])
    third = w.session.analyses()[2].sha256
    w.reports.select_report(third)
    w.controller.open_paths([str(ff.make_scan_tiff(tmp_path / "scan.tif", PAGES))])
    qtbot.waitUntil(lambda: w.reports.proxy.rowCount() == 4, timeout=60_000)
    w.status.cancel.click()
    gate.set()
    qtbot.waitUntil(lambda: not w.loader.busy(), timeout=60_000)
    assert w.reports.proxy.rowCount() == 3
    assert w.reports.current_report() == third and w.text.analysis is not None and w.text.analysis.sha256 == third


def test_closing_the_window_while_a_scan_is_read_ends_quietly(
    qtbot: QtBot, tmp_path: Path, gate: threading.Event, settings_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Found by a reviewer session: quitting during a scan printed a traceback (the worker said which
    page it read to a window that was gone)."""
    from PySide6.QtCore import QSettings, QThreadPool

    from ui.main_window import MainWindow
    from ui.settings import SettingsStore

    scan = ff.make_scan_tiff(tmp_path / "scan.tif", PAGES)
    w = MainWindow(SettingsStore(QSettings(str(settings_path), QSettings.Format.IniFormat)), tmp_path / "p.review")
    w.show()
    w.controller.open_paths([str(scan)])
    qtbot.waitUntil(lambda: w.reports.proxy.rowCount() == 1, timeout=60_000)
    w.close()
    w.deleteLater()  # as the application quitting does
    qtbot.wait(100)
    gate.set()
    assert QThreadPool.globalInstance().waitForDone(60_000)
    assert not [r for r in caplog.records if "background task failed" in r.getMessage()]
