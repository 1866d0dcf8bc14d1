"""The workbook's last-year sheets, for the reports compared with last year's (none otherwise).

往年对比: one row per report — last year's report, how it was paired, the share of text repeating
last year's (whole and per part), the figures compared and how many jumped, last year's plan items
and how many were reported and confirmed. 往年数据对比: one row per figure of both years. 上年安排落实:
one row per item of last year's plan, with the program's finding, this year's passage and the
reviewer's tick. Each is a plain table (filter, sort, print), all text through ``xlsx.Cells``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from openpyxl.workbook import Workbook

from reviewer.export_rows import as_percent, issuer_of, local_time
from reviewer.lastyear_model import CopiedShare, FigurePair
from reviewer.model import Analysis
from reviewer.paths import distinct_names
from reviewer.store_lastyear import PromiseTick
from reviewer.topics import topic_label
from reviewer.vocab import PAIRED_BY, PART_SHORT, PROMISE_STATUS, REQUIRED_PARTS, TONES, Lang
from reviewer.xlsx import Cells, Footer, Formatted, finish_sheet, setup_sheet
from reviewer.xlsx_layout import lay_out

Ticks = Mapping[tuple[str, str], PromiseTick]
SAMPLE = 200
PARTS = REQUIRED_PARTS

SHEETS: dict[str, tuple[str, str]] = {
    "summary": ("往年对比", "Last year"), "figures": ("往年数据对比", "Figures by year"),
    "plan": ("上年安排落实", "Last year's plans"),
}
_HEADERS: dict[str, tuple[tuple[str, str], ...]] = {
    "summary": (
        ("序号", "No."), ("报告单位", "Issuing unit"), ("报告年度", "Year"), ("上一年度报告", "Last year's report"),
        ("配对", "Paired"), ("与上年重复", "Repeated"),
        *((PART_SHORT[p].zh, PART_SHORT[p].en) for p in REQUIRED_PARTS), ("可对比数据", "Figures compared"),
        ("异常变化", "Jumps"), ("上年安排", "Plan items"), ("已报告", "Reported"), ("未提及", "Not mentioned"),
        ("审阅人确认已落实", "Confirmed kept"),
    ),
    "figures": (
        ("报告单位", "Issuing unit"), ("报告年度", "Year"), ("主题", "Topic"), ("计量单位", "Measure"),
        ("上一年度", "Last year"), ("本年度", "This year"), ("变化（比率为个百分点）", "Change (points for rates)"),
        ("变化率", "Change %"),
        ("异常", "Jump"), ("本年原文", "This year's sentence"), ("上年原文", "Last year's sentence"),
    ),
    "plan": (
        ("报告单位", "Issuing unit"), ("报告年度", "Year"), ("上一年度报告", "Last year's report"), ("序号", "No."),
        ("上一年度工作安排", "Plan item"), ("程序判断", "Program's finding"), ("本年度报告中的相关内容", "Passage"),
        ("审阅人确认", "Reviewer"), ("确认人", "By"), ("确认时间", "Time"), ("安排原文", "Item as written"),
    ),
}
WRAPPED: dict[str, frozenset[int]] = {  # long text: wraps whatever the rows looked at hold
    "summary": frozenset({1, 3}),
    "figures": frozenset({0, 9, 10}),
    "plan": frozenset({0, 2, 4, 6, 10}),
}
_JUMP = {"up": ("×10 以上", "×10 or more"), "down": ("÷10 以下", "÷10 or less"),
         "over_100": ("比率超过100%", "rate over 100%")}
_KEPT = {True: ("已落实", "Kept"), False: ("未落实", "Not kept")}


def _t(pair: tuple[str, str], lang: Lang) -> str:
    return pair[1] if lang == "en" else pair[0]


def headers(sheet: str, lang: Lang) -> list[str]:
    return [_t(h, lang) for h in _HEADERS[sheet]]


def _share(s: CopiedShare | None) -> Formatted | None:
    return None if s is None or s.share is None else Formatted(round(s.share, 4), "0%")


def _value(v: float) -> float | int:
    return int(v) if float(v).is_integer() else v


def _previous_names(analyses: Sequence[Analysis]) -> dict[str, str]:
    """Last year's files as the workbook names them: two units' 报告.docx told apart by their folders."""
    files = sorted({a.previous_year.file for a in analyses if a.previous_year is not None})
    return dict(zip(files, distinct_names(files), strict=True))


def summary_rows(analyses: Sequence[Analysis], ticks: Ticks, lang: Lang) -> list[list[object]]:
    rows: list[list[object]] = []
    names = _previous_names(analyses)
    for a in analyses:
        py = a.previous_year
        if py is None:
            continue
        kept = sum(1 for p in py.plan if (t := ticks.get((a.sha256, p.key))) is not None and t.kept)
        rows.append([len(rows) + 1, issuer_of(a), a.meta.report_year, names[py.file],
                     PAIRED_BY.label(py.paired_by, lang), _share(py.copied), *[_share(py.parts.get(p)) for p in PARTS],
                     len(py.figures), py.jumps, len(py.plan), py.reported, len(py.plan) - py.reported, kept])
    return rows


def _change(f: FigurePair) -> float | int:
    return _value(round(f.change, 4))


def figure_rows(analyses: Sequence[Analysis], lang: Lang) -> list[list[object]]:
    rows: list[list[object]] = []
    for a in analyses:
        for f in a.previous_year.figures if a.previous_year is not None else ():
            pct = f.change_percent
            rate = f.measure == "%"
            rows.append([issuer_of(a), a.meta.report_year, topic_label(f.topic, lang), f.measure,
                         as_percent(f.previous.value) if rate else _value(f.previous.value),
                         as_percent(f.current.value) if rate else _value(f.current.value),
                         _change(f), Formatted(round(pct / 100, 4), "0.0%") if pct is not None else None,
                         _t(_JUMP[f.jump], lang) if f.jump else None, f.current.context, f.previous.context])
    return rows


def plan_rows(analyses: Sequence[Analysis], ticks: Ticks, lang: Lang) -> list[list[object]]:
    rows: list[list[object]] = []
    names = _previous_names(analyses)
    for a in analyses:
        py = a.previous_year
        for i, p in enumerate(py.plan if py is not None else (), start=1):
            assert py is not None
            t = ticks.get((a.sha256, p.key))
            passage = a.text[p.start : p.end] if p.start is not None and p.end is not None else None
            rows.append([issuer_of(a), a.meta.report_year, names[py.file], i, p.title,
                         PROMISE_STATUS.label(p.status, lang), passage, _t(_KEPT[t.kept], lang) if t else None,
                         t.reviewer if t else None, local_time(t.time) if t else None, p.text])
    return rows


def _sheet(wb: Workbook, key: str, data: Sequence[Sequence[object]], lang: Lang, footer: Footer,
           tone_col: int | None = None, tones: Mapping[str, str] | None = None) -> None:
    heads = headers(key, lang)
    ws = wb.create_sheet(_t(SHEETS[key], lang))
    layout = lay_out(heads, data[:SAMPLE], WRAPPED[key])
    setup_sheet(ws, layout.widths, footer)
    cells = Cells(ws, layout.widths)
    cells.add_header(heads)
    wrap = layout.wrap
    for values in data:
        fill = tones.get(str(values[tone_col]), "") if tone_col is not None and tones else ""
        if not fill:
            cells.add_row(values, wrap)
            continue
        lines = cells.lines(values, wrap)
        row = cells.row(values, wrap, top=lines > 1)
        # at the top of its row like the rest of it: 已报告 sat at the foot of a tall row, beside nothing
        row[tone_col] = cells.text(values[tone_col], fill=fill, top=lines > 1)  # type: ignore[index]
        cells.append(row, lines)
    finish_sheet(ws, len(heads), len(data))


def write_last_year(wb: Workbook, analyses: Sequence[Analysis], ticks: Ticks, lang: Lang, footer: Footer) -> None:
    """The three sheets, when any report was compared with last year's."""
    if not any(a.previous_year is not None for a in analyses):
        return
    _sheet(wb, "summary", summary_rows(analyses, ticks, lang), lang, footer)
    jump_fill = {_t(v, lang): TONES["bad"].fill for v in _JUMP.values()}
    _sheet(wb, "figures", figure_rows(analyses, lang), lang, footer, 8, jump_fill)
    status_fill = {PROMISE_STATUS.label(c, lang): PROMISE_STATUS.tone(c).fill for c in PROMISE_STATUS}
    _sheet(wb, "plan", plan_rows(analyses, ticks, lang), lang, footer, 5, status_fill)
