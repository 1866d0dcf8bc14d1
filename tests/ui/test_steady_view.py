"""What the reviewer has open stays as it was when the same reports come back from a job (the
findings over the whole project arrive after each report) or the same review is read again."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow

from .conftest import WindowFactory


def _opened(make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path) -> MainWindow:
    w = make_window(tmp_path / "p.review")
    w.resize(1366, 768)
    w.show()
    with qtbot.waitSignal(w.loader.loaded, timeout=60000):
        w.controller.open_paths([str(seeds_dir)])
    return w


def test_the_report_on_show_keeps_its_place_when_its_project_findings_arrive(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path
) -> None:
    w = _opened(make_window, qtbot, tmp_path, seeds_dir)
    sha = w.reports.current_report()
    assert sha is not None
    group = w.checklist.model.index(1, 0)
    item = w.checklist.model.index(2, 0, group)
    w.checklist.tree.setCurrentIndex(item)  # (the text jumps to its evidence)
    bar = w.text.editor.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)  # then the reviewer reads on
    place = bar.value()
    assert place > 0
    a = w.session.analysis(sha)
    assert a is not None
    marks, findings = len(w.text.editor.marks.marks), w.findings.model.total()
    # The job's end: the same report, one more finding over the whole project.
    extra = replace(a.findings[0], start=a.findings[0].start + 1, end=a.findings[0].end + 1)
    again = replace(a, findings=(*a.findings, extra))
    shown = [again if x.sha256 == sha else x for x in w.session.analyses()]
    w.session.set_reports(list(w.session.base().values()), shown)
    w.reports.select_report(sha)
    assert w.text.analysis is again
    assert bar.value() == place  # the reader was not thrown back to the top
    assert w.checklist.tree.currentIndex() == item  # nor lost the item being checked
    assert len(w.text.editor.marks.marks) == marks + 1 and w.findings.model.total() == findings + 1


def test_the_same_review_read_again_redraws_nothing_and_a_changed_one_is_counted(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path
) -> None:
    w = _opened(make_window, qtbot, tmp_path, seeds_dir)
    sha = w.reports.current_report()
    assert sha is not None
    a = w.session.analysis(sha)
    assert a is not None
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
