"""Models pass qtmodeltester; the tree places gap rows where the missing part belongs."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from reviewer.keyfigures import KEY_FIGURES, figures_to_compare
from reviewer.memory_store import MemoryReviewStore
from reviewer.messages import msg
from reviewer.model import Finding, PartResult
from ui.checklist.model import ChecklistModel
from ui.compare.model import GridModel, topic_bars
from ui.metrics.findings import ROLE_SPAN, FindingsTreeModel
from ui.metrics.model import ROLE_SORT, MetricsModel, TableFilter
from ui.reports.filter import ReportsFilter
from ui.reports.model import ROLE_BADGE, ROLE_KIND, ROLE_STATUS, ReportsModel
from ui.reports.rows import build_report_row
from ui.session import Session

from .sample import TEXT, make_analysis


def _session() -> Session:
    s = Session(MemoryReviewStore(), "张审")
    shown = [make_analysis("a" * 64), make_analysis("b" * 64, issuer="某县司法局", year=2022)]
    s.set_reports(shown, shown)
    return s


def test_reports_model_and_filter(qtmodeltester: ModelTester) -> None:
    session = _session()
    model = ReportsModel(session)
    qtmodeltester.check(model)
    proxy = ReportsFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 2
    proxy.set_text("司法局")
    assert proxy.rowCount() == 1
    assert proxy.index(0, 0).data() == "某县司法局 · 2022"
    proxy.set_text("")
    session.set_decision("a" * 64, "measures", "符合")
    proxy.set_status("审阅中")
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["某区人民政府 · 2023"]
    proxy.set_status("未审")
    assert proxy.rowCount() == 1
    qtmodeltester.check(proxy)


def test_report_row_shows_status_and_gap_badge() -> None:
    model = ReportsModel(_session())
    idx = model.index(0, 0)
    assert idx.data(ROLE_STATUS) == "未审"
    assert idx.data(ROLE_BADGE) == (2, 1)  # shortcomings missing + signature partial; one finding
    model.fetchMore(idx)  # as the tree does when the report is expanded
    children = [model.index(r, 0, idx) for r in range(model.rowCount(idx))]
    assert [c.data() for c in children] == ["一、主要举措和成效", "缺：存在的不足和原因", "二、下一年度工作安排"]
    assert children[1].data(ROLE_KIND) == "gap"
    assert children[1].data(Qt.ItemDataRole.ForegroundRole).color().name() == "#c62828"
    nested = model.index(1, 0, children[0])  # (二)行政执法 holds the partial first_responsible part
    assert nested.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#e69a00"


def test_section_rows_are_made_when_the_tree_first_asks() -> None:
    model = ReportsModel(_session())
    roots = [model.row_of(model.index(r, 0)) for r in range(model.rowCount())]
    assert [r.filled for r in roots if r is not None] == [False, False]  # a reopened project: nothing built yet
    second = model.index(1, 0)
    assert model.hasChildren(second) and model.canFetchMore(second) and model.rowCount(second) == 0
    model.fetchMore(second)
    assert model.rowCount(second) == 3 and not model.canFetchMore(second)
    assert [r.filled for r in roots if r is not None] == [False, True]
    child = model.index(0, 0, second)
    assert child.data() == "一、主要举措和成效"
    assert model.parent(child) == second


def test_missing_parts_with_no_preceding_anchor_go_before_the_next_in_required_order() -> None:
    a = make_analysis()
    parts = dict(a.parts)
    parts["measures"] = PartResult("missing", None, None, None, None, "")
    root = build_report_row(replace(a, parts=parts))
    labels = [(r.kind, r.section.id if r.section else r.part or "") for r in root.children]
    # first_responsible (nested in s1) is the first anchored part: both gaps stand before it.
    assert labels == [("gap", "measures"), ("gap", "shortcomings"), ("section", "s1"), ("section", "s2")]


def test_checklist_model_ticks_through_the_session(qtmodeltester: ModelTester) -> None:
    session = _session()
    model = ChecklistModel(session)
    model.set_report("a" * 64)
    qtmodeltester.check(model)
    groups = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert groups == ["必备部分（3）", "重点任务（1）", "关键数据（1）", "形式规范（1）"]
    item = model.index(0, 0, model.index(0, 0))
    assert model.setData(item, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert session.store.decisions("a" * 64)["measures"].decision == "符合"
    assert session.store.decisions("a" * 64)["measures"].reviewer == "张审"
    assert item.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    model.toggle(item)
    assert session.store.decisions("a" * 64)["measures"].decision == "未定"
    qtmodeltester.check(model)


def test_metric_table_sorts_by_value(qtmodeltester: ModelTester) -> None:
    a = make_analysis()
    metrics = MetricsModel()
    metrics.set_metrics(a.metrics)
    qtmodeltester.check(metrics)
    proxy = TableFilter()
    proxy.setSourceModel(metrics)
    qtmodeltester.check(proxy)
    proxy.sort(1, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, 1).data(ROLE_SORT) for r in range(4)] == [3200, 100, 59, 12.5]
    assert proxy.index(0, 1).data() == "3,200"
    proxy.setFilterFixedString("行政复议")
    assert proxy.rowCount() == 2


def _line_span(i: int) -> tuple[int, int]:
    start = sum(len(x) + 1 for x in TEXT.split("\n")[:i])
    return start, start + len(TEXT.split("\n")[i])


def test_findings_are_grouped_by_kind_with_counts_and_copied_runs_are_one_row(qtmodeltester: ModelTester) -> None:
    a = make_analysis()
    same = msg("dup.across", files=("乙.txt",))
    other = msg("dup.across", files=("丙.txt",))
    # lines 4-6 are paragraphs next to each other; line 8 stands apart; line 6 names another report
    shared = [Finding("duplicate_across_reports", "info", m, *_line_span(i))
              for i, m in ((4, same), (5, same), (6, other), (8, same))]
    model = FindingsTreeModel()
    model.set_analysis(replace(a, findings=a.findings + tuple(shared)))
    qtmodeltester.check(model)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["重复段落（1）", "与其他报告雷同的段落（4）"]
    assert model.index(0, 1, model.index(0, 0)).data() == "警告"
    group = model.index(1, 0)
    rows = [model.index(r, 0, group).data() for r in range(model.rowCount(group))]
    assert rows == ["连续 2 段：本段与 乙.txt 中的段落相同或高度相似", "本段与 丙.txt 中的段落相同或高度相似",
                    "本段与 乙.txt 中的段落相同或高度相似"]
    assert model.index(0, 0, group).data(ROLE_SPAN) == (_line_span(4)[0], _line_span(5)[1])
    assert model.total() == 5


def test_compare_grid_and_topic_bars(qtmodeltester: ModelTester) -> None:
    session = _session()
    grid = GridModel(session)
    qtmodeltester.check(grid)
    assert (grid.rowCount(), grid.columnCount()) == (2, 3 + 6)  # report, status, gaps, then the items
    assert [grid.index(0, c).data() for c in range(3)] == ["某区人民政府 · 2023", "未审", 2]
    assert grid.index(0, 4).data() == "○"
    session.set_decision("a" * 64, "shortcomings", "不符合")
    assert grid.index(0, 4).data() == "✗" and grid.index(0, 1).data() == "审阅中"
    figures = figures_to_compare(session.analyses())
    assert [f.zh for f in figures] == ["行政复议案件（件）", "普法（人次）", "行政复议（%）", "行政执法（%）"]
    assert figures[0] is KEY_FIGURES[0]  # the workbook's key figure, not a second reckoning of it
    bars = topic_bars(session.analyses(), figures[2])
    assert [(b.label, b.value, b.unit) for b in bars] == [("某区人民政府 · 2023", 12.5, "%"),
                                                          ("某县司法局 · 2022", 12.5, "%")]


def test_section_label_stops_after_the_title() -> None:
    from reviewer.model import Section
    from ui.text.spans import section_label

    line = "1. 学习贯彻习近平法治思想。区委书记多次专题学习。"
    inline = Section("s1.1.1", 3, "1", line, "学习贯彻习近平法治思想", 0, 30)
    assert section_label(inline) == "1. 学习贯彻习近平法治思想"
    own_line = Section("s1", 1, "一", "一、2021年主要工作举措及成效", "2021年主要工作举措及成效", 0, 30)
    assert section_label(own_line) == "一、2021年主要工作举措及成效"


@pytest.mark.parametrize(("file", "label"), [
    ("/r/14_yueyang_county_2022.docx", "14_yueyang_county_2022"),  # not "… · 2022" again
    ("/r/岳阳县2022年法治政府建设报告.pdf", "岳阳县2022年法治政府建设报告"),
    ("/r/report_12022.txt", "report_12022 · 2022"),  # another number that ends in 2022
    ("/r/report.txt", "report · 2022"),
])
def test_a_report_without_a_unit_is_named_by_its_file_and_the_year_once(file: str, label: str) -> None:
    from ui.session_sync import report_label

    a = make_analysis(year=2022)
    a = replace(a, file=file, meta=replace(a.meta, issuer=None))
    assert report_label(a) == label


def test_a_report_label_too_long_for_its_room_keeps_its_year(qapp: object) -> None:
    """In the report list and on the 对比 chart alike."""
    from PySide6.QtGui import QFont, QFontMetrics

    from ui.labels import elided_report_label

    fm = QFontMetrics(QFont())
    label = "中共泰州市委 泰州市人民政府 · 2021"
    assert elided_report_label(fm, label, fm.horizontalAdvance(label)) == label
    short = elided_report_label(fm, label, fm.horizontalAdvance("中共泰州市委 · 2021"))
    assert short.startswith("中共") and short.endswith("… · 2021")
    assert fm.horizontalAdvance(short) <= fm.horizontalAdvance("中共泰州市委 · 2021")
    plain = elided_report_label(fm, "中共泰州市委 泰州市人民政府", fm.horizontalAdvance("中共泰州市委"))
    assert plain.startswith("中共") and plain.endswith("…")
    narrow = fm.horizontalAdvance(" · 20")  # less than the year needs: cut like any text, within the width
    assert fm.horizontalAdvance(elided_report_label(fm, label, narrow)) <= narrow
    file_name = elided_report_label(fm, "报告 · 修改稿.docx", fm.horizontalAdvance("报告 · 修"))
    assert file_name.startswith("报告") and file_name.endswith("…")  # no year to keep: the name's start stays
    # a note after the year stays whole (found by a reviewer session: 津南区人民政府 · 2021（源…)
    noted = label + "（已更改）"
    room = fm.horizontalAdvance("中共泰州市委 · 2021（已更改）")
    cut = elided_report_label(fm, noted, room)
    assert cut.endswith("… · 2021（已更改）") and fm.horizontalAdvance(cut) <= room
    # … but not at the cost of the unit's name: a tester saw only "… · 2020（源文件已更改）"
    tight = fm.horizontalAdvance("中共泰 · 2021（已更改）")
    kept = elided_report_label(fm, noted, tight)
    assert kept.startswith("中共泰州") and kept.endswith("… · 2021") and fm.horizontalAdvance(kept) <= tight
    # and the number telling apart two reports of one unit and year (paths.report_names)
    numbered = elided_report_label(fm, label + " (2)", fm.horizontalAdvance("中共泰州市委 · 2021 (2)"))
    assert numbered.startswith("中共") and numbered.endswith("… · 2021 (2)")


def test_reports_of_one_unit_and_year_in_files_of_one_name_are_told_apart(qtmodeltester: ModelTester) -> None:
    """Found by a helper session: 和平区/报告.txt and 河西区/报告.txt read 报告.txt in their tooltips,
    and two reports of one unit and year bore the same row label, where the workbook told them apart."""
    from dataclasses import replace

    s = Session(MemoryReviewStore(), "张审")
    shown = [replace(make_analysis("a" * 64), file="/收文/和平区/报告.txt"),
             replace(make_analysis("b" * 64), file="/收文/河西区/报告.txt"),
             replace(make_analysis("c" * 64, issuer="某县司法局", year=2022), file="/收文/某县/报告.docx")]
    s.set_reports(shown, shown)
    model = ReportsModel(s)
    qtmodeltester.check(model)
    rows = [model.index(r, 0) for r in range(3)]
    assert [r.data() for r in rows] == [
        "某区人民政府 · 2023（和平区/报告.txt）", "某区人民政府 · 2023（河西区/报告.txt）", "某县司法局 · 2022"]
    assert [str(r.data(Qt.ItemDataRole.ToolTipRole)).split("\n")[0] for r in rows] == [
        "和平区/报告.txt", "河西区/报告.txt", "报告.docx"]


def test_two_reports_of_one_unit_and_year_are_named_apart_as_the_workbook_names_them(tmp_path: Path) -> None:
    """The 对比 grid and chart showed two identical 津南区人民政府 · 2021 where the workbook said
    ``… (2)`` (found by a tester): both name reports with ``paths.report_names``."""
    import openpyxl

    from reviewer.analyze import analyze_document
    from reviewer.checklist import load_checklist
    from reviewer.export import export
    from reviewer.load import load
    from tests.conftest import seed_path

    first = analyze_document(load(seed_path("000")), load_checklist())
    second = replace(first, sha256="f" * 64, file=str(tmp_path / "津南区2021年报告（修改稿）.txt"))
    session = Session(MemoryReviewStore(), "张审")
    session.set_reports([first, second], [first, second])
    grid = GridModel(session)
    names = ["津南区人民政府 · 2021", "津南区人民政府 · 2021 (2)"]
    assert [grid.index(r, 0).data() for r in range(2)] == names
    assert grid.index(1, 3).data(Qt.ItemDataRole.ToolTipRole).startswith("津南区人民政府 · 2021 (2)\n")
    bars = topic_bars(session.analyses(), KEY_FIGURES[0])  # 行政复议案件: 59 in both
    assert [(b.label, b.value) for b in bars] == [(names[0], 59), (names[1], 59)]
    book = openpyxl.load_workbook(export(session.analyses(), tmp_path / "r.xlsx"))
    assert [r[1] for r in book["指标对比"].iter_rows(min_row=2, max_row=3, values_only=True)] == names
    assert [r[0] for r in book["核查矩阵"].iter_rows(min_row=2, values_only=True)] == names
