"""Excel export of a whole review: one workbook a colleague can open, filter and print.

Sheets: 汇总, 核查矩阵, 核查明细, 数据指标, 指标对比, 问题清单. Written with openpyxl in
write-only mode (constant memory, fast for thousands of reports) to a temporary file in the
target folder and moved into place, so a failed export never leaves a half-written workbook.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from openpyxl.chart import BarChart, Reference
from openpyxl.workbook import Workbook

from reviewer import export_rows as rows
from reviewer.checklist import Checklist
from reviewer.model import Analysis
from reviewer.review_store import ReviewStore
from reviewer.xlsx import Cells, finish_sheet, new_workbook, setup_sheet

SAMPLE = 200  # rows looked at to fit column widths


class ExportError(Exception):
    """The workbook could not be written; the message is Chinese and names the file."""


def _sheet(wb: Workbook, title: str, headers: Sequence[str], data: Sequence[Sequence[object]],
           wrap: Sequence[str] = ()) -> None:
    ws = wb.create_sheet(title)
    wrap_cols = frozenset(headers.index(h) for h in wrap)
    setup_sheet(ws, headers, data[:SAMPLE])
    cells = Cells(ws)
    for values in data:
        ws.append(cells.row(values, wrap_cols))
    finish_sheet(ws, len(headers), len(data))


def _matrix(wb: Workbook, analyses: Sequence[Analysis], decisions: rows.Decisions,
            checklist: Checklist | None) -> None:
    cols = rows.item_columns(analyses, checklist)
    ws = wb.create_sheet("核查矩阵")
    headers = ["报告单位", "文件", *[c.name for c in cols]]
    setup_sheet(ws, headers, [], max_width=14)
    make = Cells(ws)
    for a in analyses:
        by_id = {r.id: r for r in a.checklist}
        mine = decisions.get(a.sha256, {})
        cells = [make.text(rows.unit_of(a)), make.text(Path(a.file).name)]
        for c in cols:
            text, fill, comment = rows.matrix_cell(by_id.get(c.id), mine.get(c.id))
            cells.append(make.text(text, fill=fill, comment=comment))
        ws.append(cells)
    finish_sheet(ws, len(headers), len(analyses))


def _comparison(wb: Workbook, analyses: Sequence[Analysis]) -> None:
    """Metric counts per topic × report (pandas pivot), then key figures with a bar chart."""
    import pandas as pd

    ws = wb.create_sheet("指标对比")
    names = [rows.unit_of(a) for a in analyses]
    records = [(rows.unit_of(a), m.topic) for a in analyses for m in a.metrics]
    frame = pd.DataFrame(records, columns=["report", "topic"])
    pivot = pd.crosstab(frame["topic"], frame["report"]) if records else pd.DataFrame()
    pivot = pivot.reindex(columns=list(dict.fromkeys(names)), fill_value=0)
    key = [[label, *[rows.key_figure(a, topic, units) for a in analyses]] for label, topic, units in rows.KEY_FIGURES]
    setup_sheet(ws, ["关键数据", *names], key, max_width=24)
    cells = Cells(ws)
    for r in key:
        ws.append(cells.row(r))
    n_counts = sum(1 for _, _, units in rows.KEY_FIGURES if "%" not in units)
    if analyses:
        chart = BarChart()
        chart.type, chart.title, chart.y_axis.title = "col", "关键数据对比（件/人）", "数量"
        chart.height, chart.width = 9, max(16, min(40, 2 + 1.2 * len(analyses)))
        data = Reference(ws, min_col=1, max_col=1 + len(analyses), min_row=2, max_row=1 + n_counts)
        chart.add_data(data, from_rows=True, titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=2, max_col=1 + len(analyses), min_row=1, max_row=1))
        ws.add_chart(chart, f"A{len(key) + 4 + len(pivot.index) + 3}")
    ws.append([])
    ws.append(cells.row(["各主题指标数量", *names]))
    for topic, counts in pivot.iterrows():
        ws.append(cells.row([str(topic), *[int(v) for v in counts.tolist()]]))


def build_workbook(analyses: Sequence[Analysis], decisions: rows.Decisions, verdicts: rows.Verdicts,
                   checklist: Checklist | None) -> Workbook:
    wb = new_workbook()
    summary = [rows.summary_row(i, a, decisions.get(a.sha256, {}), verdicts.get(a.sha256))
               for i, a in enumerate(analyses, start=1)]
    _sheet(wb, "汇总", rows.SUMMARY_HEADERS, summary, wrap=("缺失项", "审阅意见"))
    _matrix(wb, analyses, decisions, checklist)
    detail = [r for a in analyses for r in rows.detail_rows(a, decisions.get(a.sha256, {}))]
    _sheet(wb, "核查明细", rows.DETAIL_HEADERS, detail, wrap=("程序说明", "审阅意见", "依据"))
    metrics = [r for a in analyses for r in rows.metric_rows(a)]
    _sheet(wb, "数据指标", rows.METRIC_HEADERS, metrics, wrap=("上下文",))
    _comparison(wb, analyses)
    findings = [r for a in analyses for r in rows.finding_rows(a)]
    _sheet(wb, "问题清单", rows.FINDING_HEADERS, findings, wrap=("说明", "摘录"))
    return wb


def export(
    analyses: Sequence[Analysis],
    path: str | os.PathLike[str],
    *,
    decisions: rows.Decisions | None = None,
    verdicts: rows.Verdicts | None = None,
    checklist: Checklist | None = None,
    progress: Callable[[str], None] | None = None,
) -> Path:
    """Write the review workbook to ``path`` atomically. Raises ``ExportError`` with a Chinese message."""
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        target = target.with_suffix(".xlsx")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".~", suffix=".xlsx.tmp", dir=target.parent)
    except FileNotFoundError as exc:
        raise ExportError(f"{target.name}：保存位置不存在（{target.parent}）") from exc
    except PermissionError as exc:
        raise ExportError(f"{target.name}：没有写入该文件夹的权限，请换一个保存位置") from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        if progress:
            progress("正在生成工作簿…")
        build_workbook(analyses, decisions or {}, verdicts or {}, checklist).save(tmp)
        os.replace(tmp, target)
    except PermissionError as exc:
        raise ExportError(f"{target.name}：无法写入，文件可能正在 Excel 中打开；请关闭后重试") from exc
    except OSError as exc:
        raise ExportError(f"{target.name}：导出失败（{exc.strerror or exc}）") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return target


def export_from_store(analyses: Sequence[Analysis], path: str | os.PathLike[str], store: ReviewStore,
                      checklist: Checklist | None = None) -> Path:
    """Export with the reviewer's decisions and verdicts from a project store."""
    verdicts = {a.sha256: v for a in analyses if (v := store.verdict(a.sha256)) is not None}
    return export(analyses, path, decisions=store.all_decisions(), verdicts=verdicts, checklist=checklist)
