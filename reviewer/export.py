"""Excel export of a whole review: one workbook a colleague can open, filter and print.

Sheets: 汇总, 核查矩阵, 核查明细, 数据指标, 指标对比 (``export_compare``), 问题清单, and for reports
compared with last year's 往年对比, 往年数据对比 and 上年安排落实 (``export_lastyear``). Written with
openpyxl in write-only mode (constant memory, fast for thousands of reports) to a temporary file in
the target folder and moved into place, so a failed export never leaves a half-written workbook.
Every sheet prints on A4, one page wide, its header row on every page, with a footer naming the
project, the sheet, the page and the export time.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from openpyxl.workbook import Workbook

from reviewer import export_rows as rows
from reviewer.checklist import Checklist
from reviewer.export_compare import write_comparison
from reviewer.export_lastyear import Ticks, write_last_year
from reviewer.messages import MessageError, msg
from reviewer.model import Analysis, LoadError
from reviewer.outfiles import write_atomically
from reviewer.paths import distinct_names, report_names
from reviewer.review import ReportReview, cell_state, finished_count, item_columns, recheck_label, summarize
from reviewer.review_store import ReviewStore
from reviewer.vocab import Lang
from reviewer.xlsx import Cells, Footer, finish_sheet, footer_text, new_workbook, setup_sheet
from reviewer.xlsx_layout import ROTATED_PT, lay_out, rotated_headers

SAMPLE = 200  # rows looked at to fit column widths
SHEET_NAMES: dict[str, tuple[str, str]] = {
    "summary": ("汇总", "Summary"), "matrix": ("核查矩阵", "Matrix"), "detail": ("核查明细", "Items"),
    "metrics": ("数据指标", "Figures"), "compare": ("指标对比", "Comparison"), "findings": ("问题清单", "Findings"),
}
# Columns of long text: they wrap whatever the rows looked at hold (a comment written in the 300th
# row). Every other column of text wraps too; the widths are ``xlsx_layout.lay_out``'s.
WRAPPED: dict[str, frozenset[int]] = {
    "summary": frozenset({1, 4, 9, 12, 13}),  # 13: everyone who reviewed the report
    "detail": frozenset({0, 1, 3, 5, 7, 10}),
    "metrics": frozenset({0, 1, 2, 4, 8}),
    "findings": frozenset({0, 1, 2, 4, 5}),
}
MATRIX_HEADER_PT = ROTATED_PT  # height of the matrix's row of rotated item names
MATRIX_NAMES = frozenset({0, 1})


class ExportError(MessageError):
    """The workbook could not be written; the message names the file."""


@dataclass(frozen=True, slots=True)
class ExportInfo:
    """What the workbook says about itself on 汇总: the project and the checklist that judged it."""

    project: str = ""
    checklist: str = ""  # name of the checklist
    checklist_version: str = ""
    lang: Lang = "zh"
    failures: tuple[LoadError, ...] = ()  # files given that could not be read: listed, not lost


def _name(key: str, lang: Lang) -> str:
    zh, en = SHEET_NAMES[key]
    return en if lang == "en" else zh


def page_footer(info: ExportInfo, now: datetime) -> Footer:
    """Every printed page: the project (left), sheet and page number (centre), export time (right)."""
    stamp = now.strftime("%Y-%m-%d %H:%M")
    if info.lang == "en":
        return Footer(footer_text(f"Project: {info.project or '-'}"), "&A · Page &P of &N",
                      footer_text(f"Exported {stamp}"))
    return Footer(footer_text(f"审阅项目：{info.project or '—'}"), "&A　第 &P 页 共 &N 页",
                  footer_text(f"导出时间：{stamp}"))


def _sheet(wb: Workbook, title: str, key: str, data: Sequence[Sequence[object]], lang: Lang,
           footer: Footer) -> None:
    headers = rows.headers(key, lang)
    ws = wb.create_sheet(title)
    layout = lay_out(headers, data[:SAMPLE], WRAPPED[key])
    setup_sheet(ws, layout.widths, footer)
    cells = Cells(ws, layout.widths)
    cells.add_header(headers)
    for values in data:
        cells.add_row(values, layout.wrap)
    finish_sheet(ws, len(headers), len(data))


def _info_line(info: ExportInfo, reviews: Sequence[ReportReview], now: datetime) -> str:
    done, total = finished_count(reviews)
    stamp = now.strftime("%Y-%m-%d %H:%M")
    if info.lang == "en":
        return (f"Project: {info.project or '-'}   Checklist: {info.checklist or '-'} ({info.checklist_version})   "
                f"Exported: {stamp}   Reviews finished: {done}/{total}")
    return (f"审阅项目：{info.project or '—'}　核查清单：{info.checklist or '—'}（版本 {info.checklist_version}）　"
            f"导出时间：{stamp}　已审结：{done}/{total} 份")


def _summary(wb: Workbook, analyses: Sequence[Analysis], reviews: Sequence[ReportReview],
             decisions: rows.Decisions, verdicts: rows.Verdicts, info: ExportInfo, now: datetime,
             names: Sequence[str]) -> None:
    lang = info.lang
    headers = rows.headers("summary", lang)
    data = [rows.summary_row(i, a, rv, verdicts.get(a.sha256),
                             rows.reviewer_names(a, decisions.get(a.sha256, {}), verdicts.get(a.sha256), lang), lang,
                             name, decisions.get(a.sha256, {}))
            for i, (a, rv, name) in enumerate(zip(analyses, reviews, names, strict=True), start=1)]
    ws = wb.create_sheet(_name("summary", lang))
    layout = lay_out(headers, data[:SAMPLE], WRAPPED["summary"])
    setup_sheet(ws, layout.widths, page_footer(info, now), header_row=2)
    cells = Cells(ws, layout.widths)
    cells.append([cells.text(_info_line(info, reviews, now))])
    cells.add_header(headers)
    for values in data:
        cells.add_row(values, layout.wrap)
    finish_sheet(ws, len(headers), len(data), header_row=2)
    _failures(cells, info, [a.file for a in analyses])


def _failures(cells: Cells, info: ExportInfo, among: Sequence[str]) -> None:
    """Below the table, the files that could not be read: the workbook is the record of the review,
    and a report that never reached it must not vanish from it. Named apart from each other and from
    the reports ``among`` of the same name."""
    failures = [err for err in info.failures if err.lost]
    if not failures:
        return
    names = distinct_names([err.path for err in failures] + list(among))  # 和平区/报告.docx, 河西区/报告.docx
    n = len(failures)
    title = (f"Files that could not be read ({n}; not in the sheets of this workbook)" if info.lang == "en"
             else f"未能读取的文件（{n} 个，未计入本工作簿各表）")
    cells.append([])
    cells.append([cells.text(title)])
    for err, name in zip(failures, names[: len(failures)], strict=True):  # the file, then its problem unwrapped
        cells.add_row(["", name, err.reason(info.lang)])


def _matrix(wb: Workbook, analyses: Sequence[Analysis], decisions: rows.Decisions,
            checklist: Checklist | None, lang: Lang, footer: Footer, files: Sequence[str]) -> None:
    cols = item_columns(analyses, checklist)
    ws = wb.create_sheet(_name("matrix", lang))
    summary_headers = rows.headers("summary", lang)
    headers = [summary_headers[1], summary_headers[4], *[c.label(lang) for c in cols]]
    # The unit with its year, told apart where two coincide: two reports of one unit read alike otherwise.
    names = [[unit, name] for unit, name in zip(report_names(analyses), files, strict=True)]
    items, item_widths = rotated_headers(headers[2:], MATRIX_HEADER_PT)
    layout = lay_out(headers[:2], names[:SAMPLE], MATRIX_NAMES, beside=item_widths)
    widths = [*layout.widths, *item_widths]
    headers = [*headers[:2], *items]
    setup_sheet(ws, widths, footer)
    make = Cells(ws, widths)
    make.add_header(headers, rotated=frozenset(range(2, len(headers))), height=MATRIX_HEADER_PT)
    for a, unit_file in zip(analyses, names, strict=True):
        by_id = {r.id: r for r in a.checklist}
        mine = decisions.get(a.sha256, {})
        cells = [make.text(name, wrap=True) for name in unit_file]
        for c in cols:
            d = mine.get(c.id)
            state = cell_state(by_id.get(c.id), d)
            notes = [recheck_label(state.recheck, lang)] if state.recheck else []  # 符合（待复核）
            comment = "\n".join([*notes, d.comment] if d is not None and d.comment else notes) or None
            cells.append(make.text(state.glyph, fill=state.tone.fill, comment=comment, center=True,
                                   author=d.reviewer if d is not None else ""))
        make.append(cells, make.lines(unit_file, (0, 1)))
    finish_sheet(ws, len(headers), len(analyses))


def build_workbook(analyses: Sequence[Analysis], decisions: rows.Decisions, verdicts: rows.Verdicts,
                   checklist: Checklist | None, info: ExportInfo | None = None, promises: Ticks | None = None
                   ) -> Workbook:
    info = info or ExportInfo(checklist=checklist.label() if checklist else "",
                              checklist_version=checklist.version if checklist else "")
    lang, now = info.lang, datetime.now()
    footer = page_footer(info, now)
    wb = new_workbook()
    reviews = [summarize(a, decisions.get(a.sha256, {}), verdicts.get(a.sha256)) for a in analyses]
    # 和平区/报告.docx, 河西区/报告.docx: units' files of one name told apart on every sheet
    files = distinct_names([a.file for a in analyses])
    _summary(wb, analyses, reviews, decisions, verdicts, info, now, files)
    _matrix(wb, analyses, decisions, checklist, lang, footer, files)
    shown = list(zip(analyses, files, strict=True))
    detail = [r for a, name in shown for r in rows.detail_rows(a, decisions.get(a.sha256, {}), lang, name)]
    _sheet(wb, _name("detail", lang), "detail", detail, lang, footer)
    metrics = [r for a, name in shown for r in rows.metric_rows(a, info.lang, name)]
    _sheet(wb, _name("metrics", lang), "metrics", metrics, lang, footer)
    write_comparison(wb, _name("compare", lang), analyses, lang, footer)
    findings = [r for a, name in shown for r in rows.finding_rows(a, lang, name)]
    _sheet(wb, _name("findings", lang), "findings", findings, lang, footer)
    write_last_year(wb, analyses, promises or {}, lang, footer)
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
    promises: Ticks | None = None,
) -> Path:
    """Write the review workbook to ``path`` atomically. Raises ``ExportError`` with a Chinese message."""
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        target = target.with_suffix(".xlsx")

    def write(tmp: Path) -> None:
        if progress:
            progress(msg("export.building").render(info.lang if info is not None else "zh"))
        build_workbook(analyses, decisions or {}, verdicts or {}, checklist, info, promises).save(tmp)

    return write_atomically(target, write, ExportError, "Excel")


def export_from_store(analyses: Sequence[Analysis], path: str | os.PathLike[str], store: ReviewStore,
                      checklist: Checklist | None = None, info: ExportInfo | None = None) -> Path:
    """Export with the reviewer's decisions and verdicts from a project store."""
    verdicts = {a.sha256: v for a in analyses if (v := store.verdict(a.sha256)) is not None}
    return export(analyses, path, decisions=store.all_decisions(), verdicts=verdicts, checklist=checklist,
                  info=info, promises=store.promise_ticks())
