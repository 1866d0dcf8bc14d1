"""The 指标对比 sheet: the key figures of every report side by side, readable with hundreds of reports.

One row per report (a column per report printed 300 columns across dozens of pages) with its key
figures, its number of figures and its figures per topic. Below the table, for each key figure,
its units sorted by value — all of them up to 30, else the first and the last 15 — and beside them a
bar chart of exactly those rows. Each figure has its own chart, scale and value labels, so one
unit's 19 864 cases no longer flattens every other bar; rates get a 0–100 % axis.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl.chart import BarChart, Reference
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.text import RichText
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.pagebreak import Break

from reviewer.export_rows import as_percent
from reviewer.keyfigures import ENDS, KEY_FIGURES, KeyFigure, ends, key_figure, largest_first
from reviewer.model import Analysis
from reviewer.paths import report_names
from reviewer.topics import topic_label
from reviewer.vocab import LEVEL, Lang
from reviewer.xlsx import Cells, Footer, Formatted, clean, finish_sheet, setup_sheet
from reviewer.xlsx_layout import ROTATED_PT, lay_out, rotated_headers, values_width
from reviewer.xlsx_room import page_room

SAMPLE = 200
FIXED = 3  # 序号, 报告单位, 层级: the columns before the key figures
ROW_CM = 0.53  # Excel's default row height (15 pt)
BAR_CM, CHART_FRAME_CM, CHART_MIN_CM, CHART_WIDTH_CM = 0.5, 2.0, 5.0, 15.0

_LABELS: dict[str, tuple[str, str]] = {
    "no": ("序号", "No."), "unit": ("报告单位", "Issuing unit"), "level": ("层级", "Level"),
    "total": ("指标总数", "Figures"), "gap": ("⋯", "⋯"),
    # Rows are reports, not units: a unit may have sent two (a correction, another year).
    "all": ("{label}：全部 {n} 份报告，按数值排序", "{label}: all {n} reports, by value"),
    "stated": ("{label}：{n} 份报告写明此数（共 {total} 份），按数值排序",
               "{label}: the {n} of {total} reports that state it, by value"),
    "some": ("{label}：{n} 份报告写明此数（共 {total} 份），列出前 {top} 名和后 {top} 名",
             "{label}: first and last {top} of the {n} of {total} reports that state it"),
    # A topic's column counts the figures found on it, beside the key figures' own values.
    "per_topic": ("{topic}（指标数）", "{topic} (figures)"),
}


def _label(key: str, lang: Lang) -> str:
    zh, en = _LABELS[key]
    return en if lang == "en" else zh


@dataclass(frozen=True, slots=True)
class Ranked:
    rank: int  # 1 = the largest value
    report: int  # index into the analyses
    value: float


def ranked(values: Sequence[float | None], top: int = ENDS) -> list[Ranked | None]:
    """Reports with a value, largest first (ties in report order); beyond ``2 × top`` only the first
    and the last ``top``, with ``None`` standing for the units left out between them."""
    present = [(v, i) for i in largest_first(values) if (v := values[i]) is not None]
    first, last = ends([Ranked(k, i, v) for k, (v, i) in enumerate(present, start=1)], top)
    return [*first, None, *last] if last else [*first]


def _number(value: float | None, figure: KeyFigure) -> float | Formatted | None:
    if value is None:
        return None
    if figure.is_rate:
        return as_percent(value)
    return int(value) if float(value).is_integer() else value


def topics(analyses: Sequence[Analysis]) -> list[str]:
    """Topics that have figures, the most common first (ties by name)."""
    counts = Counter(m.topic for a in analyses for m in a.metrics)
    return sorted(counts, key=lambda t: (-counts[t], t))


def table_rows(analyses: Sequence[Analysis], names: Sequence[str], topic_list: Sequence[str],
               lang: Lang) -> list[list[object]]:
    """One row per report: 序号, name, level, the key figures, the number of figures, figures per topic."""
    rows: list[list[object]] = []
    for i, (a, name) in enumerate(zip(analyses, names, strict=True), start=1):
        per_topic = Counter(m.topic for m in a.metrics)
        rows.append([i, name, LEVEL.label(a.meta.level, lang),
                     *[_number(key_figure(a, f), f) for f in KEY_FIGURES], len(a.metrics),
                     *[per_topic[t] or None for t in topic_list]])  # blank, not 0: the grid reads at a glance
    return rows


def _points(size: int) -> RichText:
    """Text properties of a chart part: ``size`` points."""
    return RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=CharacterProperties(sz=size * 100)),
                                 endParaRPr=CharacterProperties())])


def _chart(figure: KeyFigure, title: str, height_cm: float) -> BarChart:
    chart = BarChart()
    chart.type, chart.title, chart.legend, chart.gapWidth = "bar", clean(title), None, 40
    chart.height, chart.width = height_cm, CHART_WIDTH_CM
    chart.x_axis.scaling.orientation = "maxMin"  # the first row of the list is the top bar
    chart.x_axis.tickLblSkip = 1  # every unit named: in 8 points, 31 names fit beside 31 bars
    chart.x_axis.txPr = _points(8)
    chart.x_axis.delete = chart.y_axis.delete = False  # openpyxl 3.1 hides axes unless told
    # A short bar still says its number; only the number (LibreOffice adds the names unless told).
    chart.dataLabels = DataLabelList(showVal=True, showCatName=False, showSerName=False, showLegendKey=False,
                                     showPercent=False, showLeaderLines=False, txPr=_points(8))
    if figure.is_rate:
        chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, 1
        chart.y_axis.number_format, chart.y_axis.majorUnit = "0%", 0.25
    return chart


def _block(ws: WriteOnlyWorksheet, cells: Cells, col: int, chart_col: str, figure: KeyFigure,
           values: Sequence[float | None], names: Sequence[str], analyses: Sequence[Analysis], lang: Lang) -> None:
    """Append one figure's sorted list with its chart beside it, and rows enough for the chart."""
    first_row = cells.rows + 1
    entries = ranked(values)
    n = sum(v is not None for v in values)
    key = "some" if None in entries else ("all" if n == len(values) else "stated")  # None: the reports left out
    caption = _label(key, lang).format(label=figure.label(lang), n=n, total=len(values), top=ENDS)
    cells.append(cells.row([caption]))
    gap = _label("gap", lang)
    for e in entries:
        row: list[object] = [gap, gap] if e is None else [
            e.rank, names[e.report], LEVEL.label(analyses[e.report].meta.level, lang)]
        if e is not None:
            row += [None] * (col - len(row)) + [_number(e.value, figure)]
        cells.add_row(row, frozenset({1}))
    height = max(CHART_MIN_CM, CHART_FRAME_CM + BAR_CM * len(entries))
    chart = _chart(figure, figure.label(lang), height)
    rows = {"min_row": first_row + 1, "max_row": first_row + len(entries)}
    chart.add_data(Reference(ws, min_col=col + 1, **rows))
    # Unit names are text: a string reference (openpyxl's set_categories makes a numeric one).
    chart.series[0].cat = AxDataSource(strRef=StrRef(f=str(Reference(ws, min_col=2, **rows))))
    ws.add_chart(chart, f"{chart_col}{first_row}")
    while cells.rows < first_row + math.ceil(height / ROW_CM):  # the next block starts below the chart
        cells.append([])


class _Pages:
    """Where printed pages end, estimated, so that a page break never cuts a list and its chart in two."""

    def __init__(self, room: float) -> None:
        self.room, self.used = room, 0.0

    def flow(self, heights: Sequence[float]) -> None:
        for h in heights:
            self.used = h if self.used + h > self.room else self.used + h

    def keep_together(self, ws: WriteOnlyWorksheet, first_row: int, height: float) -> None:
        """Rows from ``first_row`` on, ``height`` points tall, start a new page unless they fit on this one."""
        if self.used > 0 and self.used + height > self.room:
            ws.row_breaks.append(Break(id=first_row - 1))
            self.used = 0.0
        self.flow([height])


def write_comparison(wb: Workbook, title: str, analyses: Sequence[Analysis], lang: Lang, footer: Footer) -> None:
    ws = wb.create_sheet(title)
    names = report_names(analyses)
    topic_list = topics(analyses)
    headers = [_label("no", lang), _label("unit", lang), _label("level", lang),
               *[f.label(lang) for f in KEY_FIGURES], _label("total", lang),
               *[_label("per_topic", lang).format(topic=topic_label(t, lang)) for t in topic_list]]
    data = table_rows(analyses, names, topic_list, lang)
    # The figures' names read bottom to top over columns as narrow as their numbers: 25 of them side
    # by side, each name broken between words (a header row of three lines split 行政复议案/件（件）).
    figure_names, rotated = rotated_headers(headers[FIXED:])
    numbers = [max(w, values_width(data[:SAMPLE], i)) for i, w in enumerate(rotated, start=FIXED)]
    # "重庆市渝北区大盛镇人民政府 · 2023" on one line: a list row as tall as its bar in the chart beside it.
    layout = lay_out(headers[:FIXED], data[:SAMPLE], {1}, one_line={1}, beside=numbers)
    widths = [*layout.widths, *numbers]
    setup_sheet(ws, widths, footer)
    cells = Cells(ws, widths)
    cells.add_header([*headers[:FIXED], *figure_names], rotated=frozenset(range(FIXED, len(headers))),
                     height=ROTATED_PT)
    for values in data:
        cells.add_row(values, layout.wrap)
    finish_sheet(ws, len(headers), len(data))
    chart_col = get_column_letter(FIXED + len(KEY_FIGURES) + 2)  # beside the lists, over the topic columns
    cells.append([])
    pages = _Pages(page_room(widths, cells.heights[0]))
    pages.flow(cells.heights[1:])
    for k, figure in enumerate(KEY_FIGURES):
        figures = [key_figure(a, figure) for a in analyses]
        if any(v is not None for v in figures):
            start = cells.rows
            _block(ws, cells, FIXED + k, chart_col, figure, figures, names, analyses, lang)
            pages.keep_together(ws, start + 1, sum(cells.heights[start:]))

