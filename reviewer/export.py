"""Excel export of a whole review: one workbook a colleague can open, filter and print.

Sheets: 汇总, 核查矩阵, 核查明细, 数据指标, 指标对比, 问题清单. Written with openpyxl in
write-only mode (constant memory, fast for thousands of reports) to a temporary file in the
target folder and moved into place, so a failed export never leaves a half-written workbook.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from openpyxl.chart import BarChart, Reference
from openpyxl.workbook import Workbook

from reviewer import export_rows as rows
from reviewer.checklist import Checklist
from reviewer.model import Analysis
from reviewer.review import KEY_FIGURES, ReportReview, cell_state, finished_count, item_columns, key_figure, summarize
from reviewer.review_store import ReviewStore
from reviewer.vocab import Lang
from reviewer.xlsx import PERCENT, Cells, finish_sheet, new_workbook, setup_sheet

SAMPLE = 200  # rows looked at to fit column widths
SHEET_NAMES: dict[str, tuple[str, str]] = {
    "summary": ("汇总", "Summary"), "matrix": ("核查矩阵", "Matrix"), "detail": ("核查明细", "Items"),
    "metrics": ("数据指标", "Figures"), "compare": ("指标对比", "Comparison"), "findings": ("问题清单", "Findings"),
}


class ExportError(Exception):
    """The workbook could not be written; the message is Chinese and names the file."""


@dataclass(frozen=True, slots=True)
class ExportInfo:
    """What the workbook says about itself on 汇总: the project and the checklist that judged it."""

    project: str = ""
    checklist: str = ""  # name of the checklist
    checklist_version: str = ""
    lang: Lang = "zh"


def _name(key: str, lang: Lang) -> str:
    zh, en = SHEET_NAMES[key]
    return en if lang == "en" else zh


def _sheet(wb: Workbook, title: str, headers: Sequence[str], data: Sequence[Sequence[object]],
           wrap: Sequence[int] = (), formats: dict[int, str] | None = None) -> None:
    ws = wb.create_sheet(title)
    setup_sheet(ws, headers, data[:SAMPLE])
    cells = Cells(ws)
    ws.append(cells.header(headers))
    wrap_cols = frozenset(wrap)
    for values in data:
        ws.append(cells.row(values, wrap_cols, formats))
    finish_sheet(ws, len(headers), len(data))


def _info_line(info: ExportInfo, reviews: Sequence[ReportReview]) -> str:
    done, total = finished_count(reviews)
    now = datetime.now().strftime("%Y-%m-%d %H:%M")
    if info.lang == "en":
        return (f"Project: {info.project or '-'}   Checklist: {info.checklist or '-'} ({info.checklist_version})   "
                f"Exported: {now}   Reviews finished: {done}/{total}")
    return (f"审阅项目：{info.project or '—'}　核查清单：{info.checklist or '—'}（版本 {info.checklist_version}）　"
            f"导出时间：{now}　已审结：{done}/{total} 份")


def _summary(wb: Workbook, analyses: Sequence[Analysis], reviews: Sequence[ReportReview],
             verdicts: rows.Verdicts, info: ExportInfo) -> None:
    lang = info.lang
    headers = rows.headers("summary", lang)
    data = [rows.summary_row(i, a, rv, verdicts.get(a.sha256), lang)
            for i, (a, rv) in enumerate(zip(analyses, reviews, strict=True), start=1)]
    ws = wb.create_sheet(_name("summary", lang))
    setup_sheet(ws, headers, data[:SAMPLE], header_row=2)
    cells = Cells(ws)
    ws.append([cells.text(_info_line(info, reviews))])
    ws.append(cells.header(headers))
    wrap = frozenset({9, 12})  # the names of the gaps, the reviewer's comment
    for values in data:
        ws.append(cells.row(values, wrap, {6: PERCENT}))
    finish_sheet(ws, len(headers), len(data), header_row=2)


def _matrix(wb: Workbook, analyses: Sequence[Analysis], decisions: rows.Decisions,
            checklist: Checklist | None, lang: Lang) -> None:
    cols = item_columns(analyses, checklist)
    ws = wb.create_sheet(_name("matrix", lang))
    headers = [*rows.headers("summary", lang)[1:2], rows.headers("summary", lang)[4], *[c.label(lang) for c in cols]]
    setup_sheet(ws, headers, [], max_width=14)
    make = Cells(ws)
    ws.append(make.header(headers))
    for a in analyses:
        by_id = {r.id: r for r in a.checklist}
        mine = decisions.get(a.sha256, {})
        cells = [make.text(rows.issuer_of(a)), make.text(Path(a.file).name)]
        for c in cols:
            d = mine.get(c.id)
            state = cell_state(by_id.get(c.id), d)
            comment = d.comment if d is not None and d.comment else None
            cells.append(make.text(state.glyph, fill=state.tone.fill, comment=comment,
                                   author=d.reviewer if d is not None else ""))
        ws.append(cells)
    finish_sheet(ws, len(headers), len(analyses))


def _comparison(wb: Workbook, analyses: Sequence[Analysis], lang: Lang) -> None:
    """Key figures per report with a bar chart, then metric counts per topic × report (pandas)."""
    import pandas as pd

    ws = wb.create_sheet(_name("compare", lang))
    names = rows.report_names(analyses)
    records = [(name, m.topic) for a, name in zip(analyses, names, strict=True) for m in a.metrics]
    frame = pd.DataFrame(records, columns=["report", "topic"])
    pivot = pd.crosstab(frame["topic"], frame["report"]) if records else pd.DataFrame()
    pivot = pivot.reindex(columns=names, fill_value=0)
    key = [[f.label(lang), *[key_figure(a, f) for a in analyses]] for f in KEY_FIGURES]
    head = ["关键数据" if lang == "zh" else "Key figure", *names]
    setup_sheet(ws, head, key, max_width=24)
    cells = Cells(ws)
    ws.append(cells.header(head))
    for r in key:
        ws.append(cells.row(r))
    n_counts = sum(1 for f in KEY_FIGURES if not f.is_rate)
    if analyses:
        chart = BarChart()
        chart.type, chart.title, chart.y_axis.title = "col", "关键数据对比（件/人）", "数量"
        chart.height, chart.width = 9, max(16, min(40, 2 + 1.2 * len(analyses)))
        data = Reference(ws, min_col=1, max_col=1 + len(analyses), min_row=2, max_row=1 + n_counts)
        chart.add_data(data, from_rows=True, titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=2, max_col=1 + len(analyses), min_row=1, max_row=1))
        ws.add_chart(chart, f"A{len(key) + 4 + len(pivot.index) + 3}")
    ws.append([])
    ws.append(cells.row(["各主题指标数量" if lang == "zh" else "Figures per topic", *names]))
    for topic, counts in pivot.iterrows():
        ws.append(cells.row([str(topic), *[int(v) for v in counts.tolist()]]))


def build_workbook(analyses: Sequence[Analysis], decisions: rows.Decisions, verdicts: rows.Verdicts,
                   checklist: Checklist | None, info: ExportInfo | None = None) -> Workbook:
    info = info or ExportInfo(checklist=checklist.name if checklist else "",
                              checklist_version=checklist.version if checklist else "")
    lang = info.lang
    wb = new_workbook()
    reviews = [summarize(a, decisions.get(a.sha256, {}), verdicts.get(a.sha256)) for a in analyses]
    _summary(wb, analyses, reviews, verdicts, info)
    _matrix(wb, analyses, decisions, checklist, lang)
    detail = [r for a in analyses for r in rows.detail_rows(a, decisions.get(a.sha256, {}), lang)]
    _sheet(wb, _name("detail", lang), rows.headers("detail", lang), detail, wrap=(5, 7, 10))
    metrics = [r for a in analyses for r in rows.metric_rows(a)]
    _sheet(wb, _name("metrics", lang), rows.headers("metrics", lang), metrics, wrap=(8,))
    _comparison(wb, analyses, lang)
    findings = [r for a in analyses for r in rows.finding_rows(a, lang)]
    _sheet(wb, _name("findings", lang), rows.headers("findings", lang), findings, wrap=(4, 5))
    return wb


def export(
    analyses: Sequence[Analysis],
    path: str | os.PathLike[str],
    *,
    decisions: rows.Decisions | None = None,
    verdicts: rows.Verdicts | None = None,
    checklist: Checklist | None = None,
    info: ExportInfo | None = None,
    progress: Callable[[str], None] | None = None,
) -> Path:
    """Write the review workbook to ``path`` atomically. Raises ``ExportError`` with a Chinese message."""
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        target = target.with_suffix(".xlsx")
    _remove_stale_temp_files(target.parent)
    tmp = target.parent / f"{TEMP_PREFIX}{os.getpid()}-{uuid.uuid4().hex[:8]}{TEMP_SUFFIX}"
    try:
        # Created with the usual permissions (not mkstemp's 0600): colleagues on a shared folder
        # must be able to open the workbook.
        os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
    except FileNotFoundError as exc:
        raise ExportError(f"{target.name}：保存位置不存在（{target.parent}）") from exc
    except PermissionError as exc:
        raise ExportError(f"{target.name}：没有写入该文件夹的权限，请换一个保存位置") from exc
    except OSError as exc:
        raise ExportError(f"{target.name}：无法在保存位置写入（{exc.strerror or exc}）") from exc
    try:
        if progress:
            progress("正在生成工作簿…")
        build_workbook(analyses, decisions or {}, verdicts or {}, checklist, info).save(tmp)
        os.replace(tmp, target)
    except PermissionError as exc:
        raise ExportError(f"{target.name}：无法写入，文件可能正在 Excel 中打开；请关闭后重试") from exc
    except OSError as exc:
        raise ExportError(f"{target.name}：导出失败（{exc.strerror or exc}）") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return target


TEMP_PREFIX, TEMP_SUFFIX = ".~", ".xlsx.tmp"
STALE_TEMP_S = 600  # an export takes seconds: a temp file this old was left by a killed export


def _remove_stale_temp_files(folder: Path) -> None:
    """Temp files an interrupted export left behind (a running export's own is never this old)."""
    try:
        for f in folder.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
            if time.time() - f.stat().st_mtime > STALE_TEMP_S:
                f.unlink(missing_ok=True)
    except OSError:
        pass  # cleaning up is a courtesy; the export itself decides success


def export_from_store(analyses: Sequence[Analysis], path: str | os.PathLike[str], store: ReviewStore,
                      checklist: Checklist | None = None, info: ExportInfo | None = None) -> Path:
    """Export with the reviewer's decisions and verdicts from a project store."""
    verdicts = {a.sha256: v for a in analyses if (v := store.verdict(a.sha256)) is not None}
    return export(analyses, path, decisions=store.all_decisions(), verdicts=verdicts, checklist=checklist,
                  info=info)
