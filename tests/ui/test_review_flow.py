"""End to end on the real seeds and a real project file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ui.reports.model import ROLE_KIND

from .conftest import WindowFactory


def _open_seeds(w, qtbot: QtBot, seeds_dir: Path) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(w.loader.loaded, timeout=60000):
        w.controller.open_paths([str(seeds_dir)])


def _section_rows(w, row: int) -> int:  # type: ignore[no-untyped-def]
    proxy = w.reports.proxy
    root = proxy.index(row, 0)
    return sum(1 for r in range(proxy.rowCount(root)) if proxy.index(r, 0, root).data(ROLE_KIND) == "section")


def test_opening_the_seeds_lists_five_reports_with_their_sections(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path
) -> None:
    w = make_window(tmp_path / "p.review")
    _open_seeds(w, qtbot, seeds_dir)
    assert w.reports.proxy.rowCount() == 5
    analyses = w.session.analyses()
    assert [Path(a.file).name[:3] for a in analyses] == ["000", "001", "002", "003", "004"]
    assert [_section_rows(w, r) for r in range(5)] == [len(a.sections) for a in analyses]
    assert w.checklist.model.report == analyses[0].sha256  # the first report opens by itself
    assert w.text.editor.toPlainText() == analyses[0].text


def test_a_tick_survives_closing_and_reopening_the_project(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path
) -> None:
    pytest.importorskip("reviewer.store")
    project = tmp_path / "审阅.review"
    w = make_window(project)
    _open_seeds(w, qtbot, seeds_dir)
    a = w.session.analyses()[1]
    if not a.checklist:
        pytest.skip("checklist evaluation not merged yet")
    w.reports.select_report(a.sha256)
    item = w.checklist.model.item_index(a.checklist[0].id)
    w.checklist.model.setData(item, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    w.close()
    w2 = make_window(project)
    _open_seeds(w2, qtbot, seeds_dir)
    w2.reports.select_report(a.sha256)
    item2 = w2.checklist.model.item_index(a.checklist[0].id)
    assert item2.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert w2.session.store.journal_mode in ("wal", "delete")
