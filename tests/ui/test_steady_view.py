"""What the reviewer has open stays as it was when the same reports come back from a job (the
findings over the whole project arrive after each report) or the same review is read again."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from reviewer.memory_store import MemoryReviewStore
from reviewer.model import Analysis
from ui.loading import LoadResult
from ui.main_window import MainWindow
from ui.reports.model import ROLE_SHA, ReportsModel
from ui.session import Session
from ui.text.highlighter import HEADING_GROWTH
from ui.warmup import fonts_to_warm, warm

from .conftest import WindowFactory
from .sample import make_analysis


def _opened(make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path) -> MainWindow:
    w = make_window(tmp_path / "p.review")
    w.resize(1366, 768)
    w.show()
    with qtbot.waitSignal(w.loader.loaded, timeout=60000):
        w.controller.open_paths([str(seeds_dir)])
    return w


def _on_show(w: MainWindow) -> tuple[str, Analysis]:
    sha = w.reports.current_report()
    a = w.session.analysis(sha) if sha is not None else None
    assert sha is not None and a is not None
    return sha, a


def test_the_report_on_show_keeps_its_place_when_its_project_findings_arrive(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path
) -> None:
    w = _opened(make_window, qtbot, tmp_path, seeds_dir)
    sha, a = _on_show(w)
    group = w.checklist.model.index(1, 0)
    item = w.checklist.model.index(2, 0, group)
    w.checklist.tree.setCurrentIndex(item)  # (the text jumps to its evidence)
    bar = w.text.editor.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)  # then the reviewer reads on
    place = bar.value()
    assert place > 0
    marks, findings = len(w.text.editor.marks.marks), w.findings.model.total()
    # The job's end: the same report, one more finding over the whole project.
    extra = replace(a.findings[0], start=a.findings[0].start + 1, end=a.findings[0].end + 1)
    again = replace(a, findings=(*a.findings, extra))
    shown = [again if x.sha256 == sha else x for x in w.session.analyses()]
    w.reports.tree.expand(w.reports.proxy.index(1, 0))  # the reviewer opened another report's sections
    w.loader.loaded.emit(LoadResult(base=list(w.session.base().values()), analyses=shown))
    assert w.text.analysis is again
    assert bar.value() == place  # the reader was not thrown back to the top
    assert w.checklist.tree.currentIndex() == item  # nor lost the item being checked
    assert len(w.text.editor.marks.marks) == marks + 1 and w.findings.model.total() == findings + 1
    assert w.reports.current_report() == sha and w.reports.tree.isExpanded(w.reports.proxy.index(1, 0))


def test_the_same_review_read_again_redraws_nothing_and_a_changed_one_is_counted(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path
) -> None:
    w = _opened(make_window, qtbot, tmp_path, seeds_dir)
    sha, a = _on_show(w)
    item = a.checklist[0].id
    made = w.session.set_decision(sha, item, "符合")
    assert made is not None
    review = w.session.review(sha)
    assert review is not None and review.failed == 0
    with qtbot.assertNotEmitted(w.session.review_reloaded):
        w.session.take_review(w.session.all_decisions(), w.session.all_verdicts())
    later = replace(made, decision="不符合", time="2999-01-01T00:00:00+08:00")  # another reviewer's, later
    with qtbot.waitSignal(w.session.review_reloaded, timeout=1000):
        w.session.take_review({sha: {item: later}}, {})
    review = w.session.review(sha)
    assert review is not None and review.failed == 1  # the counts were worked out again


def test_reports_put_in_project_order_at_the_end_keep_what_is_open_and_selected(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path
) -> None:
    """Reports are listed as they arrive; the job's end puts them in project order."""
    w = _opened(make_window, qtbot, tmp_path, seeds_dir)
    shown = w.session.analyses()
    current, opened = shown[2].sha256, shown[4].sha256
    w.reports.select_report(current)
    idx = w.reports.proxy.mapFromSource(w.reports.model.report_index(opened))
    w.reports.tree.expand(idx)
    rows = w.reports.proxy.rowCount(idx)
    assert rows > 0
    w.loader.loaded.emit(LoadResult(base=shown[::-1], analyses=shown[::-1]))
    assert w.reports.visible_reports() == [a.sha256 for a in shown[::-1]]
    assert w.reports.current_report() == current
    moved = w.reports.proxy.mapFromSource(w.reports.model.report_index(opened))
    assert moved.row() == 0 and w.reports.tree.isExpanded(moved)
    assert w.reports.proxy.rowCount(moved) == rows


def test_the_fonts_a_report_is_shown_in_are_looked_up_before_the_first_report() -> None:
    window, text = QFont("Noto Sans CJK SC", 10), QFont("Noto Sans CJK SC", 12)
    fonts = fonts_to_warm(window, text, HEADING_GROWTH.values())
    assert [(f.pointSize(), f.bold()) for f in fonts] == [(10, False), (10, True), (12, False), (12, True),
                                                         (15, True), (13, True)]
    assert all(warm(f) > 0 for f in fonts)


def test_rows_after_the_first_arrive_in_batches(qtbot: QtBot) -> None:
    """Each insertion lays the tree out and paints it: a folder's forty deliveries come in a few."""
    session = Session(MemoryReviewStore())
    model = ReportsModel(session)
    session.add_reports([make_analysis("a" * 64)])
    assert model.rowCount() == 1  # the first at once: it is opened while the rest are read
    session.add_reports([make_analysis("b" * 64)])
    session.add_reports([make_analysis("c" * 64)])
    assert model.rowCount() == 1
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=2000)
    assert [model.index(r, 0).data(ROLE_SHA) for r in range(3)] == ["a" * 64, "b" * 64, "c" * 64]
