"""End to end on the real seeds and a real project file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from ui.export_dialog import ExportScopeDialog
from ui.labels import status_name
from ui.reports.model import ROLE_BADGE, ROLE_KIND, ROLE_SHA, ROLE_START, ROLE_STATUS

from .conftest import WindowFactory, answer_with


def _open_seeds(w, qtbot: QtBot, seeds_dir: Path) -> None:  # type: ignore[no-untyped-def]
    w.show()  # a hidden tree puts off laying out its rows, and expanding one then only notes it
    qtbot.waitExposed(w)
    with qtbot.waitSignal(w.loader.loaded, timeout=60000):
        w.controller.open_paths([str(seeds_dir)])
    qtbot.wait(10)  # the tree lays its rows out (in project order now) before the reviewer can click one


def _section_rows(w, row: int) -> int:  # type: ignore[no-untyped-def]
    proxy = w.reports.proxy
    root = proxy.index(row, 0)
    w.reports.tree.expand(root)  # as the reviewer does; the rows are made then
    return sum(1 for r in range(proxy.rowCount(root)) if proxy.index(r, 0, root).data(ROLE_KIND) == "section")


def test_opening_the_seeds_lists_five_reports_with_their_sections(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path
) -> None:
    w = make_window(tmp_path / "p.review")
    _open_seeds(w, qtbot, seeds_dir)
    proxy = w.reports.proxy
    assert proxy.rowCount() == 5
    analyses = w.session.analyses()
    assert [Path(a.file).name[:3] for a in analyses] == ["000", "001", "002", "003", "004"]
    assert [proxy.index(r, 0).data() for r in range(5)] == [
        "津南区人民政府 · 2021",
        "中共泰州市委 泰州市人民政府 · 2021",
        "庐阳区人民政府 · 2020",
        "塘沽街道 · 2024",
        "重庆市渝北区大盛镇人民政府 · 2023",
    ]
    assert [_section_rows(w, r) for r in range(5)] == [4, 3, 6, 4, 4]
    shown = w.session.analysis(w.reports.current_report() or "")  # the first to arrive opens by itself
    assert shown is not None and shown in analyses and w.checklist.model.report == shown.sha256
    assert w.text.editor.toPlainText() == shown.text.replace("\xa0", " ")  # Qt gives no-break spaces as spaces
    assert w.metrics.proxy.rowCount() == len(shown.metrics) > 0


def test_seed_gaps_stand_where_the_part_belongs(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path
) -> None:
    w = make_window(tmp_path / "p.review")
    _open_seeds(w, qtbot, seeds_dir)
    proxy = w.reports.proxy
    luyang = proxy.index(2, 0)  # 庐阳区: no 第一责任人 part at all, 不足 only partly
    w.reports.tree.expand(luyang)
    rows = [proxy.index(r, 0, luyang) for r in range(proxy.rowCount(luyang))]
    assert [r.data(ROLE_KIND) for r in rows] == ["section"] * 6 + ["gap"]
    assert rows[-1].data() == "缺：党政主要负责人履行第一责任人职责情况"
    assert rows[5].data(Qt.ItemDataRole.ForegroundRole).color().name() == "#e69a00"  # 六、… holds partial parts
    taizhou = proxy.index(1, 0)
    w.reports.tree.expand(taizhou)
    shortcomings = proxy.index(1, 0, taizhou)
    assert shortcomings.data().startswith("二、2021年度法治政府建设存在的不足")
    assert shortcomings.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#e69a00"


def test_clicking_a_seed_section_scrolls_the_text_there(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path
) -> None:
    w = make_window(tmp_path / "p.review")
    w.resize(780, 560)
    w.show()
    qtbot.waitExposed(w)
    _open_seeds(w, qtbot, seeds_dir)
    a = w.session.analyses()[0]
    target = a.sections[1]  # 二、存在的不足和原因
    assert target.heading.startswith("二、存在的不足和原因")
    idx = w.reports.section_index(a.sha256, target.id)
    w.reports.tree.expand(idx.parent())
    w.reports.tree.scrollTo(idx)
    rect = w.reports.tree.visualRect(idx)
    qtbot.mouseClick(w.reports.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.text.first_visible_offset() == target.start


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


def test_unticking_an_item_asks_before_its_own_note_goes_to_the_unit(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found by a helper session: 符合 with the note 已核对原文第三段 (said to stay in the project), unticked
    with Space, left the item 未定 and sent the note to the unit in the letter and the annotated copy."""
    w = make_window(tmp_path / "p.review")
    _open_seeds(w, qtbot, seeds_dir)
    sha = w.session.analyses()[0].sha256
    w.reports.select_report(sha)
    model, tree = w.checklist.model, w.checklist.tree
    w.session.set_decision(sha, "measures", "符合", "已核对原文第三段")
    asked: list[str] = []

    def untick(button: str) -> tuple[str, str]:
        answer_with(monkeypatch, button, asked)
        tree.setCurrentIndex(model.item_index("measures"))
        tree.setFocus()
        qtbot.keyClick(tree, Qt.Key.Key_Space)
        d = w.session.decision(sha, "measures")
        assert d is not None
        return d.decision, d.comment

    assert untick("取消") == ("符合", "已核对原文第三段")
    assert asked[0] == ("“主要举措和成效”的意见是在“符合”时写的备注，只记在项目中：\n\n已核对原文第三段\n\n"
                        "改为“未定”后，这条意见会写入批注版和审阅意见书，发给单位。")
    assert untick("发给单位") == ("未定", "已核对原文第三段")
    w.session.set_decision(sha, "measures", "符合", "已核对原文第三段")
    assert untick("清空意见") == ("未定", "")
    assert untick("取消") == ("符合", "") and len(asked) == 3  # ticked again: no note, nothing asked
    w.session.set_decision(sha, "measures", "不适用", "本单位无此职责")
    answer_with(monkeypatch, "发给单位", asked)
    w.checklist.detail.buttons.button(1).click()  # 不符合, by the detail's button: the note is its reason now
    d = w.session.decision(sha, "measures")
    assert len(asked) == 4 and d is not None and (d.decision, d.comment) == ("不符合", "本单位无此职责")
    # another reviewer's decision arriving while the question is open is not overwritten by the answer
    # (found by a helper session: the lead's 不符合 became the note's 未定)
    from datetime import datetime, timedelta

    from reviewer.model import ItemDecision

    w.session.set_decision(sha, "measures", "符合", "已核对原文第三段")
    later = (datetime.now().astimezone() + timedelta(minutes=1)).isoformat(timespec="seconds")

    def arrives_then_sends(box: QMessageBox) -> int:
        w.session.apply_remote([ItemDecision(sha, "measures", "不符合", "缺少2021年数据", "组长", later)], [])
        next(b for b in box.buttons() if b.text() == "发给单位").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", arrives_then_sends)
    tree.setCurrentIndex(model.item_index("measures"))
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    d = w.session.decision(sha, "measures")
    assert d is not None and (d.decision, d.comment, d.reviewer) == ("不符合", "缺少2021年数据", "组长")


def test_inline_heading_is_bold_only_up_to_its_title(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path
) -> None:
    from ui.text.spans import heading_length

    w = make_window(tmp_path / "p.review")
    _open_seeds(w, qtbot, seeds_dir)
    a = w.session.analyses()[0]
    w.reports.select_report(a.sha256)
    stack, inline = list(a.sections), None
    while stack and inline is None:
        s = stack.pop(0)
        inline = s if len(s.heading) > heading_length(s) + 5 else None
        stack.extend(s.children)
    assert inline is not None and inline.heading.startswith("1. 学习贯彻习近平法治思想")
    block = w.text.editor.document().findBlock(inline.start)
    formats = block.layout().formats()
    bold = [(r.start, r.start + r.length) for r in formats if r.format.fontWeight() >= 700]
    assert bold == [(0, heading_length(inline))]


def test_export_writes_the_decision_and_verdict(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import load_workbook

    w = make_window(tmp_path / "p.review")
    w.settings.reviewer = "王审阅"
    w.session.reviewer = "王审阅"
    _open_seeds(w, qtbot, seeds_dir)
    a = w.session.analyses()[3]  # 塘沽街道
    w.reports.select_report(a.sha256)
    item = a.checklist[0]
    w.checklist.tree.setCurrentIndex(w.checklist.model.item_index(item.id))
    w.checklist.detail.buttons.button(1).click()  # 不符合
    w.checklist.detail.comment.insertPlainText("缺少数据支撑")
    box = w.checklist.header.verdict_box
    box.setCurrentIndex(box.findData("需修改"))
    box.activated.emit(box.currentIndex())
    out = tmp_path / "导出" / "审阅结果.xlsx"
    out.parent.mkdir()
    monkeypatch.setattr("ui.commands.QFileDialog.getSaveFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(ExportScopeDialog, "exec", lambda self: ExportScopeDialog.DialogCode.Accepted)  # all
    with qtbot.waitSignal(w.commands.exported, timeout=30000) as blocker:
        w.actions_.export.trigger()
    assert blocker.args == [str(out)]
    wb = load_workbook(out, read_only=True)
    detail = [r for r in wb["核查明细"].iter_rows(values_only=True)]
    head = [str(h).replace("\n", "") for h in detail[0]]  # a header broken between words, read whole
    rows = [dict(zip(head, r, strict=False)) for r in detail[1:]]
    name = Path(a.file).name
    mine = [r for r in rows if r["文件"] and Path(str(r["文件"])).name == name and r["核查项"] == item.name]
    assert len(mine) == 1
    assert (mine[0]["审阅决定"], mine[0]["审阅意见"], mine[0]["审阅人"]) == ("不符合", "缺少数据支撑", "王审阅")
    summary = [r for r in wb["汇总"].iter_rows(min_row=2, values_only=True)]
    names = [str(h).replace("\n", "") for h in summary[0]]
    verdicts = {r[names.index("报告单位")]: r[names.index("审阅状态")] for r in summary[1:]}
    assert verdicts["塘沽街道"] == "需修改"


def test_section_evidence_selects_its_first_line_at_the_top(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path
) -> None:
    w = make_window(tmp_path / "p.review")
    w.resize(780, 560)
    w.show()
    qtbot.waitExposed(w)
    _open_seeds(w, qtbot, seeds_dir)
    a = w.session.analyses()[0]
    w.reports.select_report(a.sha256)
    item = next(c for c in a.checklist if c.id == "part_shortcomings" or c.name.startswith("存在的不足"))
    ev = item.evidence[0]
    w.checklist.tree.setCurrentIndex(w.checklist.model.item_index(item.id))
    span = w.text.highlighted_span()
    assert span is not None
    start, end = span
    assert start == ev.start
    assert a.text[start:end] == a.text[ev.start:].split("\n", 1)[0]
    assert a.text[start:end].startswith("二、存在的不足和原因")
    assert w.text.first_visible_offset() == ev.start


def _key_on_item(w, qtbot: QtBot, item: str, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    tree = w.checklist.tree
    tree.setCurrentIndex(w.checklist.model.item_index(item))
    tree.setFocus()
    qtbot.keyClick(tree, key)


def _window_counts(w, sha: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """What the window shows about one report, read off the widgets."""
    w.reports.select_report(sha)
    proxy = w.reports.proxy
    row = next(proxy.index(r, 0) for r in range(proxy.rowCount()) if proxy.index(r, 0).data(ROLE_SHA) == sha)
    w.reports.tree.expand(row)
    gaps = [proxy.index(r, 0, row) for r in range(proxy.rowCount(row))]
    lacking = sum(1 for g in gaps if g.data(ROLE_KIND) == "gap" and str(g.data()).startswith("缺："))
    tip = str(row.data(Qt.ItemDataRole.ToolTipRole))
    parts = tip.split("必备部分 ")[1].split("\n")[0]
    gaps_badge, findings_badge = row.data(ROLE_BADGE)
    return {
        "badge": gaps_badge,
        "findings_badge": findings_badge,
        "status": status_name(row.data(ROLE_STATUS)),
        "decided": w.checklist.header.progress_label.text().split(" ")[0],
        "findings": int(w.tabs.tabText(1).split("(")[1].rstrip(")")),
        "parts": parts,
        "lacking": lacking,
    }


def test_every_count_the_window_shows_equals_the_workbooks(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import load_workbook

    w = make_window(tmp_path / "p.review")
    _open_seeds(w, qtbot, seeds_dir)
    shas = [a.sha256 for a in w.session.analyses()]
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Yes)  # 通过 with items open
    # A scripted review, by keyboard and clicks: ticks, a 不符合, comments, two verdicts.
    w.reports.select_report(shas[0])
    for item in ("measures", "shortcomings", "next_year"):
        _key_on_item(w, qtbot, item, Qt.Key.Key_Space)
    _key_on_item(w, qtbot, "first_responsible", Qt.Key.Key_2)
    w.checklist.detail.comment.insertPlainText("未单列")
    w.checklist.flush()
    for sha, verdict in ((shas[1], "通过"), (shas[2], "需修改")):
        w.reports.select_report(sha)
        box = w.checklist.header.verdict_box
        box.setCurrentIndex(box.findData(verdict))
        box.activated.emit(box.currentIndex())
    w.reports.select_report(shas[3])
    _key_on_item(w, qtbot, "measures", Qt.Key.Key_3)
    window = {sha: _window_counts(w, sha) for sha in shas}
    status_bar = w.status.review.text()
    out = tmp_path / "r.xlsx"
    monkeypatch.setattr("ui.commands.QFileDialog.getSaveFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(ExportScopeDialog, "exec", lambda self: ExportScopeDialog.DialogCode.Accepted)  # all
    with qtbot.waitSignal(w.commands.exported, timeout=30000):
        w.actions_.export.trigger()
    rows = list(load_workbook(out)["汇总"].iter_rows(values_only=True))
    head = [str(h).replace("\n", "") for h in rows[1]]  # a header broken between words, read whole
    book = {}
    for a, r in zip(w.session.analyses(), rows[2:], strict=True):
        cell = dict(zip(head, r, strict=True))
        missing, partial = (int(x) for x in str(cell["程序判断缺失/部分具备"]).split("/"))
        book[a.sha256] = {"badge": missing + partial, "status": cell["审阅状态"], "decided": cell["已核/总项"],
                          "findings": cell["问题数"], "findings_badge": cell["问题数"], "parts": cell["必备部分"]}
    lacking = {sha: window[sha].pop("lacking") for sha in shas}
    assert window == book
    # the first report's 第一责任人 part, found by the program, was marked 不符合: 3/4 everywhere
    assert (window[shas[0]]["parts"], lacking[shas[0]]) == ("3/4", 0)
    assert window[shas[3]]["parts"] == "3/3"  # 主要举措 found not applicable: no longer required
    assert [window[s]["status"] for s in shas] == ["审阅中", "通过", "需修改", "审阅中", "未审"]
    assert window[shas[0]]["decided"] == f"4/{len(w.session.analyses()[0].checklist)}"
    assert status_bar == "已审结 2/5 份" and str(rows[0][0]).endswith("已审结：2/5 份")


def test_a_lacking_part_judged_present_is_no_longer_a_gap_in_the_tree(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path
) -> None:
    """The tree says what the letter and the workbook say of a part (``review.parts_judged``): found
    by a helper session, the tree still showed 缺：第一责任人… in red after the reviewer judged it 符合."""
    w = make_window(tmp_path / "p.review")
    _open_seeds(w, qtbot, seeds_dir)
    (luyang,) = [a for a in w.session.analyses() if a.parts["first_responsible"].status == "missing"]
    w.reports.select_report(luyang.sha256)
    proxy = w.reports.proxy
    row = next(proxy.index(r, 0) for r in range(proxy.rowCount()) if proxy.index(r, 0).data(ROLE_SHA) == luyang.sha256)
    w.reports.tree.expand(row)

    def gap() -> tuple[str, str]:
        (g,) = [proxy.index(r, 0, row) for r in range(proxy.rowCount(row))
                if "党政主要负责人" in str(proxy.index(r, 0, row).data())]
        tip = str(row.data(Qt.ItemDataRole.ToolTipRole))
        return str(g.data()), tip.split("必备部分 ")[1].split("\n")[0]

    assert gap() == ("缺：党政主要负责人履行第一责任人职责情况", "3/4（其中部分具备 2）")
    _key_on_item(w, qtbot, "first_responsible", Qt.Key.Key_Space)  # 符合
    assert gap() == ("党政主要负责人履行第一责任人职责情况（审阅认定符合）", "4/4（其中部分具备 2）")
    _key_on_item(w, qtbot, "first_responsible", Qt.Key.Key_3)  # 不适用
    assert gap() == ("党政主要负责人履行第一责任人职责情况（审阅认定不适用）", "3/3（其中部分具备 2）")


def test_a_parts_own_section_is_marked_as_the_reviewer_judged_the_part(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, seeds_dir: Path
) -> None:
    """Found by a code review: a partial part's section stayed amber whatever the reviewer decided,
    and a part judged 不符合 had no mark at all in the tree while the letter listed it."""
    from ui.icons import AMBER, RED

    w = make_window(tmp_path / "p.review")
    _open_seeds(w, qtbot, seeds_dir)
    (luyang,) = [a for a in w.session.analyses() if a.parts["first_responsible"].status == "missing"]
    part = luyang.parts["shortcomings"]
    assert part.status == "partial" and part.section == luyang.parts["next_year"].section
    w.reports.select_report(luyang.sha256)
    proxy = w.reports.proxy
    row = next(proxy.index(r, 0) for r in range(proxy.rowCount()) if proxy.index(r, 0).data(ROLE_SHA) == luyang.sha256)
    w.reports.tree.expand(row)
    (section,) = [proxy.index(r, 0, row) for r in range(proxy.rowCount(row))
                  if proxy.index(r, 0, row).data(ROLE_START) == next(
                      s.start for s in luyang.sections if s.id == part.section)]

    def ink() -> str | None:
        brush = section.data(Qt.ItemDataRole.ForegroundRole)
        return brush.color().name() if brush is not None else None

    assert ink() == AMBER.lower()
    _key_on_item(w, qtbot, "shortcomings", Qt.Key.Key_Space)  # 符合
    assert ink() == AMBER.lower()  # 下一年度主要安排 shares the section, and stands partial
    _key_on_item(w, qtbot, "next_year", Qt.Key.Key_Space)
    assert ink() is None
    _key_on_item(w, qtbot, "shortcomings", Qt.Key.Key_2)  # 不符合
    assert ink() == RED.lower() and str(section.data(Qt.ItemDataRole.ToolTipRole)).endswith("审阅认定不符合")
