"""Export a review to one Excel workbook a colleague can open, filter and print.

All sheets are written with openpyxl's write-only mode (streamed with lxml), so 1000 reports
take seconds; every text cell goes through ``safe_cell`` so report text never becomes a formula.
The file appears only when complete: it is written under a temporary name in the target folder
and moved into place.
"""

from __future__ import annotations

import os
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter

from reviewer.checklist import Checklist
from reviewer.export_chart import write_comparison
from reviewer.export_sheets import (
    DETAIL_HEADERS,
    FINDING_HEADERS,
    METRIC_HEADERS,
    SUMMARY_HEADERS,
    ReviewData,
    detail_rows,
    file_name,
    finding_rows,
    matrix_cell,
    metric_rows,
    report_label,
    summary_row,
)
from reviewer.model import Analysis
from reviewer.review_store import ReviewStore
from reviewer.safe_cell import safe_cell

FONT_NAME = "等线"  # Excel's default CJK font since 2016; WPS and LibreOffice substitute a CJK face
MAX_WIDTH = 60
WIDTH_SAMPLE = 300  # rows measured for column widths: enough to be right, cheap for 50 000 rows
MATRIX_FILLS = {"ok": "C6EFCE", "part": "FFEB9C", "bad": "FFC7CE", "na": "EDEDED", "open": "FFFFFF"}


class ExportError(Exception):
    """The workbook could not be written; the message is Chinese and names the file."""


def review_from_store(store: ReviewStore) -> ReviewData:
    """The decisions and verdicts of every report in a project, as plain dicts."""
    verdicts = {}
    for rec in store.reports():
        v = store.verdict(rec.sha256)
        if v is not None:
            verdicts[rec.sha256] = v
    return ReviewData(store.all_decisions(), verdicts)


def text_width(text: str) -> int:
    """Display width of the longest line: CJK and full-width characters count as 2."""
    lines = text.split("\n") or [""]
    return max(sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line) for line in lines)


def _styles() -> dict[str, NamedStyle]:
    thin = Side(style="thin", color="B7B7B7")
    header = NamedStyle(name="审阅表头", font=Font(name=FONT_NAME, bold=True, color="FFFFFF", size=11),
                        fill=PatternFill("solid", fgColor="305496"), border=Border(bottom=thin),
                        alignment=Alignment(horizontal="center", vertical="center", wrap_text=True))
    body = NamedStyle(name="审阅正文", font=Font(name=FONT_NAME, size=10.5),
                      alignment=Alignment(vertical="top"))
    wrap = NamedStyle(name="审阅长文", font=Font(name=FONT_NAME, size=10.5),
                      alignment=Alignment(vertical="top", wrap_text=True))
    pct = NamedStyle(name="审阅比率", font=Font(name=FONT_NAME, size=10.5), number_format="0.0%",
                     alignment=Alignment(vertical="top"))
    out = {"header": header, "body": body, "wrap": wrap, "pct": pct}
    for key, colour in MATRIX_FILLS.items():
        out[key] = NamedStyle(name=f"审阅矩阵{key}", font=Font(name=FONT_NAME, size=10.5),
                              fill=PatternFill("solid", fgColor=colour), alignment=Alignment(horizontal="center"))
    return out


def _widths(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> list[int]:
    widths = [text_width(h) + 2 for h in headers]
    for row in rows[:WIDTH_SAMPLE]:
        for i, v in enumerate(row):
            if isinstance(v, str):
                widths[i] = max(widths[i], text_width(v) + 2)
            elif v is not None:
                widths[i] = max(widths[i], 8)
    return [min(w, MAX_WIDTH) for w in widths]


def _prepare(ws: Any, headers: Sequence[str], widths: Sequence[int], freeze: str,
             styles: dict[str, NamedStyle]) -> None:
    """Column widths, frozen header, print titles and the header row (write-only: before any data)."""
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = freeze
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.append([safe_cell(ws, h, styles["header"]) for h in headers])


def write_table(wb: Any, title: str, headers: Sequence[str], rows: Iterable[Sequence[object]],
                styles: dict[str, NamedStyle], freeze: str = "C2", pct_cols: frozenset[int] = frozenset()) -> Any:
    """One flat sheet: styled frozen header, autofilter, fitted widths, long text wrapped."""
    ws = wb.create_sheet(title)
    materialised = [tuple(r) for r in rows]
    widths = _widths(headers, materialised)
    _prepare(ws, headers, widths, freeze, styles)
    col_style = [styles["pct"] if i in pct_cols else styles["wrap"] if w >= MAX_WIDTH else styles["body"]
                 for i, w in enumerate(widths)]
    for row in materialised:
        ws.append([safe_cell(ws, v, col_style[i]) for i, v in enumerate(row)])
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(materialised) + 1}"
    return ws


def _write_matrix(wb: Any, analyses: Sequence[Analysis], review: ReviewData, checklist: Checklist | None,
                  styles: dict[str, NamedStyle]) -> None:
    ws = wb.create_sheet("核查矩阵")
    items = _item_order(analyses, checklist)
    headers = ["序号", "报告单位", "文件", *items.values()]
    label_rows = [(n, report_label(a), file_name(a)) for n, a in enumerate(analyses, start=1)]
    widths = _widths(headers[:3], label_rows) + [min(max(text_width(h) // 2 + 2, 10), 24) for h in items.values()]
    _prepare(ws, headers, widths, "D2", styles)
    for (n, label, name), a in zip(label_rows, analyses, strict=True):
        ds = review.decisions.get(a.sha256, {})
        results = {r.id: r for r in a.checklist}
        row = [safe_cell(ws, v, styles["body"]) for v in (n, label, name)]
        for item in items:
            r = results.get(item)
            if r is None:
                row.append(safe_cell(ws, "", styles["na"]))
                continue
            d = ds.get(item)
            text, key = matrix_cell(r, d)
            cell = safe_cell(ws, text, styles[key])
            if d is not None and d.comment:
                cell.comment = Comment(f"{d.reviewer}：{d.comment}", d.reviewer or "审阅人", width=240, height=90)
            row.append(cell)
        ws.append(row)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(analyses) + 1}"


def _item_order(analyses: Sequence[Analysis], checklist: Checklist | None) -> dict[str, str]:
    """Item id → name, in checklist order, then any item only the analyses know."""
    items = {i.id: i.name for i in checklist.items} if checklist is not None else {}
    for a in analyses:
        for r in a.checklist:
            items.setdefault(r.id, r.name)
    return items


def build_workbook(analyses: Sequence[Analysis], review: ReviewData, checklist: Checklist | None = None) -> Any:
    wb = Workbook(write_only=True)
    styles = _styles()
    numbered = list(enumerate(analyses, start=1))
    write_table(wb, "汇总", SUMMARY_HEADERS, (summary_row(n, a, review) for n, a in numbered), styles,
                pct_cols=frozenset({SUMMARY_HEADERS.index("清单符合率")}))
    _write_matrix(wb, analyses, review, checklist, styles)
    write_table(wb, "核查明细", DETAIL_HEADERS, (r for n, a in numbered for r in detail_rows(n, a, review)), styles)
    write_table(wb, "数据指标", METRIC_HEADERS, (r for n, a in numbered for r in metric_rows(n, a)), styles)
    write_comparison(wb, analyses, styles)
    write_table(wb, "问题清单", FINDING_HEADERS, (r for n, a in numbered for r in finding_rows(n, a)), styles)
    return wb


def export(analyses: Sequence[Analysis], review: ReviewData | None, path: str | os.PathLike[str],
           checklist: Checklist | None = None) -> Path:
    """Write the review workbook to ``path`` (replacing it only once complete). Raises ``ExportError``."""
    target = Path(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".审阅导出-", suffix=".tmp", dir=target.parent)
    except FileNotFoundError as exc:
        raise ExportError(f"无法导出到“{target}”：文件夹不存在") from exc
    except OSError as exc:
        raise ExportError(f"无法导出到“{target}”：该文件夹不可写（{exc.strerror or exc}）") from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        # Built only once the folder is known writable: a write-only workbook that is never
        # saved leaves its streamed sheets open.
        build_workbook(analyses, review or ReviewData(), checklist).save(tmp)
        os.replace(tmp, target)
    except PermissionError as exc:
        raise ExportError(f"无法写入“{target.name}”：文件可能正在 Excel 中打开，或没有写入权限；"
                          "请关闭该文件后重试") from exc
    except OSError as exc:
        raise ExportError(f"无法写入“{target.name}”（{exc.strerror or exc}）") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return target
