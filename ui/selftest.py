"""``reviewer-gui --self-test``: a smoke test a reviewer (or CI, or the frozen build) can run.

Once the sample reports are open: show every report, tick one checklist item in the scratch
project, export the review to a scratch workbook and read it back. Any failure raises
``SelfTestError`` with a Chinese message; success returns the figures as a dict.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow


class SelfTestError(Exception):
    """A step of the self-test failed; the message says which."""


def _walk_reports(window: MainWindow, app: QApplication) -> float:
    """Show each report in turn; returns the slowest switch in seconds."""
    slowest = 0.0
    for a in window.session.analyses():
        t0 = time.perf_counter()
        window.show_report(a.sha256)
        app.processEvents()
        slowest = max(slowest, time.perf_counter() - t0)
    return slowest


def _tick_and_export(window: MainWindow, folder: Path) -> tuple[str, str, Path]:
    from reviewer.export import export_from_store

    first = window.session.analyses()[0]
    if not first.checklist:
        raise SelfTestError("第一份示例报告没有核查结果")
    item = first.checklist[0]
    window.session.set_decision(first.sha256, item.id, "符合", "自检")
    writer = window.session.writer
    if writer is not None and not writer.flush(10.0):
        raise SelfTestError("勾选的核查项 10 秒内没有写入项目")
    saved = window.session.store.decisions(first.sha256).get(item.id)
    if saved is None or saved.decision != "符合":
        raise SelfTestError("勾选的核查项没有保存到项目中")
    out = export_from_store(window.session.analyses(), folder / "self-test.xlsx", window.session.store)
    return first.meta.issuer or first.file, item.name, out


def _check_workbook(path: Path, reports: int, unit: str, item: str) -> None:
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True)
    expected = ["汇总", "核查矩阵", "核查明细", "数据指标", "指标对比", "问题清单"]
    if wb.sheetnames != expected:
        raise SelfTestError(f"导出的工作簿缺少工作表：{wb.sheetnames}")
    rows = list(wb["汇总"].iter_rows(min_row=3, values_only=True))  # row 1 names the project, row 2 heads
    if len(rows) != reports:
        raise SelfTestError(f"汇总表应有 {reports} 行，实际 {len(rows)} 行")
    ticked = [r for r in wb["核查明细"].iter_rows(min_row=2, values_only=True)
              if r[0] == unit and r[3] == item and r[6] == "符合"]
    if len(ticked) != 1:
        raise SelfTestError("导出的核查明细中找不到刚才勾选的核查项")
    wb.close()


def run(window: MainWindow, app: QApplication) -> dict[str, Any]:
    """Run every step on an open window; raises ``SelfTestError`` on the first failure."""
    analyses = window.session.analyses()
    if not analyses:
        raise SelfTestError("没有打开任何示例报告")
    if any(not a.sections for a in analyses):
        raise SelfTestError("有示例报告没有分出章节")
    slowest = _walk_reports(window, app)
    with tempfile.TemporaryDirectory(prefix="reviewer-self-test-") as tmp:
        unit, item, out = _tick_and_export(window, Path(tmp))
        _check_workbook(out, len(analyses), unit, item)
    return {
        "ok": True,
        "reports": len(analyses),
        "sections": [len(a.sections) for a in analyses],
        "metrics": sum(len(a.metrics) for a in analyses),
        "slowest_switch_ms": round(slowest * 1000, 1),
        "journal_mode": window.session.store.journal_mode,
    }
