"""The 指标对比 sheet: metric topics × reports (a pandas pivot) with a native Excel bar chart."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
from openpyxl.chart import BarChart, Reference
from openpyxl.utils import get_column_letter

from reviewer.export_sheets import report_label
from reviewer.model import Analysis
from reviewer.safe_cell import safe_cell

CHART_FIGURES = 4  # key figures in the chart: the ones most reports give
CHART_REPORTS = 40  # a bar chart with more categories is unreadable; the table has them all


def comparison_table(analyses: Sequence[Analysis]) -> pd.DataFrame:
    """Rows "topic（unit）", one column per report ("1. unit"), cell = the report's first figure
    for that topic and unit (the headline figure; later ones are usually breakdowns). Rows are
    ordered by how many reports give the figure."""
    columns = [f"{n}. {report_label(a)}" for n, a in enumerate(analyses, start=1)]
    records = [
        {"指标": f"{m.topic}（{m.unit}）", "报告": col, "数值": m.value}
        for col, a in zip(columns, analyses, strict=True) for m in a.metrics
    ]
    if not records:
        return pd.DataFrame(columns=columns, index=pd.Index([], name="指标"), dtype=float)
    frame = pd.DataFrame.from_records(records)
    table = frame.pivot_table(index="指标", columns="报告", values="数值", aggfunc="first", sort=False)
    table = table.reindex(columns=columns)
    coverage = table.notna().sum(axis=1)
    order = sorted(table.index, key=lambda k: (-int(coverage[k]), str(k)))
    return table.loc[order]


def write_comparison(wb: Any, analyses: Sequence[Analysis], styles: dict[str, Any]) -> None:
    ws = wb.create_sheet("指标对比")
    table = comparison_table(analyses)
    headers = ["指标", *table.columns]
    ws.column_dimensions["A"].width = 36
    for i in range(2, len(headers) + 1):
        ws.column_dimensions[get_column_letter(i)].width = 14
    ws.freeze_panes = "B2"
    ws.print_title_rows = "1:1"
    ws.append([safe_cell(ws, h, styles["header"]) for h in headers])
    for name, values in table.iterrows():
        row = [safe_cell(ws, str(name), styles["body"])]
        row += [safe_cell(ws, None if pd.isna(v) else float(v), styles["body"]) for v in values]
        ws.append(row)
    n_rows = len(table.index)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{n_rows + 1}"
    if n_rows and len(analyses):
        _add_chart(ws, min(n_rows, CHART_FIGURES), min(len(analyses), CHART_REPORTS), len(analyses), n_rows)


def _add_chart(ws: Any, figures: int, reports: int, total: int, n_rows: int) -> None:
    chart = BarChart()
    chart.type = "col"
    chart.title = "主要指标对比" + (f"（前 {reports} 份报告）" if reports < total else "")
    chart.y_axis.title = "数值"
    chart.height, chart.width = 9, 24
    data = Reference(ws, min_col=1, max_col=reports + 1, min_row=2, max_row=figures + 1)
    chart.add_data(data, from_rows=True, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=2, max_col=reports + 1, min_row=1, max_row=1))
    ws.add_chart(chart, f"A{n_rows + 4}")
