"""Small openpyxl helpers for the review workbook: safe text cells, styled headers, fitted widths,
and a page setup that prints (A4, one page wide, header rows on every page, a footer).

Report text is untrusted. A string that Excel could read as a formula (leading ``= + - @``, tab
or CR) is stored as a string cell with Excel's quote prefix, so it shows exactly as written and
never evaluates, even after the user edits the cell. Footer text is quoted for the footer's own
codes in the same spirit (``&`` doubled).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.workbook import Workbook
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties

from reviewer.paths import readable

FONT_NAME = "等线"  # ships with Office 2016+ and renders Chinese; Excel substitutes elsewhere
MAX_CELL = 32_767
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_SURROGATES = re.compile("[\ud800-\udfff]")
HEADER_FONT = Font(name=FONT_NAME, bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="2F5597")
THIN = Border(bottom=Side(style="thin", color="BFBFBF"))
HEADER_ALIGN = Alignment(vertical="center", wrap_text=True)
# Item names read bottom to top in narrow columns: a matrix of 37 items fits one page wide.
HEADER_ROTATED = Alignment(horizontal="center", vertical="bottom", wrap_text=True, text_rotation=90)

PERCENT = "0%"
DATETIME = "yyyy-mm-dd hh:mm"  # as a reviewer writes a time: 2026-11-30 09:12
DEFAULT_CAP = 30  # widest a column without wrapped text gets
MIN_WIDTH = 5


@dataclass(frozen=True, slots=True)
class Formatted:
    """A number (or time) with its own number format, e.g. a rate shown with the decimals it was written with."""

    value: float | datetime
    number_format: str


def new_workbook() -> Workbook:
    """A write-only workbook whose default font renders Chinese.

    openpyxl has no public setter for the workbook default font; index 0 of the font table is
    what every unstyled cell uses, so it is replaced before any cell is written.
    """
    wb = Workbook(write_only=True)
    wb._fonts = IndexedList([Font(name=FONT_NAME, sz=11, family=2, charset=134, scheme="minor")])
    return wb


def clean(value: Any) -> Any:
    """Strings without characters XML forbids (control characters, the surrogate escapes of an
    undecodable file name) and within Excel's cell limit; others as they are."""
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if _SURROGATES.search(value):
        value = readable(value)
        value = _SURROGATES.sub("\ufffd", value)
    return value[: MAX_CELL - 1] + "…" if len(value) > MAX_CELL else value


class Cells:
    """Makes and appends the rows of one write-only sheet.

    openpyxl hashes a style object into the workbook's style tables every time one is assigned
    to a cell (a third of an export's time); each look (wrapped, filled, quote-prefixed) is
    worked out once here and its style array handed to the cells that share it.

    Rows with wrapped text get their height written: LibreOffice (and so a PDF made from the file)
    keeps the default one-line height of a row that has none, cutting the text. ``widths`` are the
    sheet's column widths, from which the lines of a wrapped cell are counted.
    """

    def __init__(self, ws: WriteOnlyWorksheet, widths: Sequence[float] = ()) -> None:
        self.ws = ws
        self.widths = list(widths)
        self.rows = 0  # rows appended so far
        self.heights: list[float] = []  # of each row appended, in points
        self._looks: dict[tuple[bool, bool, str, str, bool, bool], StyleArray] = {}

    def append(self, cells: Sequence[Any], lines: int = 1, height: float | None = None) -> None:
        """Append one row, ``lines`` of text tall (or ``height`` points)."""
        self.rows += 1
        if height is None and lines > 1:
            height = LINE_PT * lines + 3
        if height is not None:
            # The attributes of the <row> element as a plain mapping, which is what the write-only
            # writer merges into the row (a RowDimension object costs a third of a large export's rows).
            self.ws.row_dimensions[self.rows] = {"ht": f"{height:g}", "customHeight": "1"}
        self.heights.append(height or LINE_PT)
        self.ws.append(list(cells))

    def lines(self, values: Sequence[Any], wrap_cols: Iterable[int]) -> int:
        """Lines of the tallest wrapped cell of a row."""
        most = 1
        for i in wrap_cols:
            if i < len(values) and i < len(self.widths) and isinstance(v := values[i], str):
                if 2.5 * len(v) <= self.widths[i] - 3 and "\n" not in v:
                    continue  # one line whatever its characters (2.5 columns at most); saves measuring names
                most = max(most, wrapped_lines(v, self.widths[i]))
        return most

    def add_row(self, values: Sequence[Any], wrap_cols: frozenset[int] = frozenset(),
                formats: Mapping[int, str] | None = None) -> None:
        """Append a row of plain values (``row``); in a row of several lines every cell is aligned at the top."""
        lines = self.lines(values, wrap_cols)
        self.append(self.row(values, wrap_cols, formats, top=lines > 1), lines)

    def add_header(self, headers: Sequence[str], rotated: frozenset[int] = frozenset(),
                   height: float | None = None) -> None:
        level = [i for i in range(len(headers)) if i not in rotated]
        self.append(self.header(headers, rotated), self.lines(headers, level), height)

    def text(self, value: Any, *, wrap: bool = False, fill: str = "", comment: str | None = None,
             number_format: str = "", author: str = "", center: bool = False, top: bool = False,
             checked: bool = False) -> Cell:
        """A cell showing ``value`` as written (formula-like strings get the quote prefix).

        ``fill`` is a colour as ``#rrggbb`` (a ``vocab.TONES`` fill); ``comment`` becomes a cell note.
        ``checked``: the caller has made sure ``value`` needs no cleaning (``row`` does).
        """
        if not checked:
            value = clean(value)
        quoted = isinstance(value, str) and value.startswith(FORMULA_STARTS)
        look = self._look((quoted, wrap, fill, number_format, center, top))
        cell = Cell(self.ws, row=1, column=1, value=value, style_array=look)
        if quoted:
            cell.data_type = "s"
        if comment:
            cell.comment = Comment(clean(comment)[:2000], clean(author)[:100] or "审阅人")
        return cell

    def _look(self, key: tuple[bool, bool, str, str, bool, bool]) -> StyleArray | None:
        """The style of (quoted, wrap, fill, number format, centred, top): made once per sheet."""
        if key == (False, False, "", "", False, False):
            return None
        if key not in self._looks:
            quoted, wrap, fill, number_format, center, top = key
            cell = WriteOnlyCell(self.ws)
            cell.quotePrefix = quoted
            if wrap or center or top:
                cell.alignment = Alignment(wrap_text=wrap or None, vertical="top",
                                           horizontal="center" if center else None)
            if fill:
                cell.fill = PatternFill("solid", fgColor=fill.lstrip("#").upper())
            if number_format:
                cell.number_format = number_format
            self._looks[key] = cell._style
        return self._looks[key]

    def row(self, values: Sequence[Any], wrap_cols: frozenset[int] = frozenset(),
            formats: Mapping[int, str] | None = None, top: bool = False) -> list[Any]:
        """A row of plain values; only risky strings, wrapped and formatted columns become styled cells
        (every cell when ``top``: aligned at the top of a row of several lines).

        Every string of every sheet passes here or through ``text``: none can become a formula.
        """
        out: list[Any] = []
        for i, v in enumerate(values):
            if v == "" or v is None:
                out.append(None)  # no cell at all: openpyxl writes an empty string as a cell
                continue
            if isinstance(v, Formatted):
                out.append(self.text(v.value, wrap=i in wrap_cols, number_format=v.number_format, top=top))
                continue
            if isinstance(v, datetime):  # naive local time: Excel has no time zones
                out.append(self.text(v, wrap=i in wrap_cols, number_format=DATETIME, top=top))
                continue
            risky = isinstance(v, str) and (v.startswith(FORMULA_STARTS) or ILLEGAL_CHARACTERS_RE.search(v)
                                            or _SURROGATES.search(v))
            fmt = formats.get(i, "") if formats else ""
            if not risky and isinstance(v, str) and len(v) > MAX_CELL:
                v = clean(v)  # known free of illegal characters: only the length can need cleaning
            if risky or top or i in wrap_cols or fmt:
                out.append(self.text(v, wrap=i in wrap_cols, number_format=fmt, top=top, checked=not risky))
            else:
                out.append(v)
        return out

    def header(self, headers: Sequence[str], rotated: frozenset[int] = frozenset()) -> list[Cell]:
        """The styled header row (header text may hold file or unit names: quoted like any text).

        Columns in ``rotated`` read bottom to top (give the row a height: ``ws.row_dimensions``).
        """
        out = []
        for i, h in enumerate(headers):
            c = self.text(h)
            c.font, c.fill, c.border = HEADER_FONT, HEADER_FILL, THIN
            c.alignment = HEADER_ROTATED if i in rotated else HEADER_ALIGN
            out.append(c)
        return out


LINE_PT = 15.0  # height of a line of 11-point text, in points


def _width(line: str) -> int:
    """Display width of one line: ASCII counts one, Chinese (three bytes in UTF-8) two.

    Worked out from the UTF-8 length, in C: an export measures hundreds of thousands of cells. The
    punctuation Chinese text uses (“”、—…) also counts two, as Chinese fonts draw it full width.
    """
    return (len(line.encode("utf-8", "surrogatepass")) + len(line)) // 2


def display_width(value: Any) -> int:
    """Columns Excel needs for the longest line of ``value``: East Asian wide characters count two."""
    s = str(value) if value is not None else ""
    return max(_width(line) for line in s.split("\n"))


def wrapped_lines(value: str, width: float) -> int:
    """Lines ``value`` takes in a wrapping cell ``width`` wide.

    A little of the width goes to the cell's padding, and a line of Chinese ends early when the next
    character may not start a line (a closing bracket or 、 moves down with the character before it).
    """
    room = max(width - 3, 2.0)
    if "\n" not in value:  # the common case, once per wrapped cell of a large export
        return max(1, math.ceil(_width(value) / room))
    return sum(max(1, math.ceil(_width(line) / room)) for line in value.split("\n"))


def _header_need(header: str, lines: int) -> int:
    """Width at which ``header`` fits on ``lines`` lines (header cells wrap), never splitting a Latin word."""
    longest_word = max((display_width(w) for w in header.split()), default=0)
    if any(ord(c) >= 0x2E80 for c in header):
        longest_word = 2  # Chinese breaks between any two characters
    return max(longest_word, math.ceil(display_width(header) / lines)) + 2


def fit_widths(headers: Sequence[str], sample: Iterable[Sequence[Any]], wrap_caps: Mapping[int, int] | None = None,
               *, cap: int = DEFAULT_CAP, header_lines: int = 2) -> list[float]:
    """Column widths from the header and a sample of rows.

    Columns in ``wrap_caps`` hold long text: they wrap and are at most their cap wide. Others are as
    wide as their longest value (at most ``cap``). Headers wrap onto up to ``header_lines`` lines, so a
    short column with a long name (问题数, 报告年度) stays narrow.
    """
    caps = wrap_caps or {}
    need = [_header_need(h, header_lines) for h in headers]
    for row in sample:
        for i, v in enumerate(row[: len(need)]):
            if isinstance(v, datetime | Formatted):
                need[i] = max(need[i], len("2026-11-30 09:12") + 2 if isinstance(v, datetime) else 9)
            elif v is not None and v != "":
                need[i] = max(need[i], display_width(v) + 2)
    return [float(max(MIN_WIDTH, min(w, caps.get(i, cap)))) for i, w in enumerate(need)]


# A4 is 210 × 297 mm; with 12.7 mm side margins about 95 (portrait) or 145 (landscape) widths of
# Excel's default digit fit across at 100 %. Wider sheets print landscape and are scaled to fit.
PORTRAIT_WIDTH = 95
A4_PAPER = 9  # paperSize code of ECMA-376
SIDE_IN, TOP_IN, BOTTOM_IN = 0.5, 0.6, 0.75  # margins in inches; header and footer sit 0.3 in from the edge
FOOTER_TEXT_LIMIT = 60  # Excel allows 255 characters for all of a footer, codes included


def page_room(widths: Sequence[float], header_pt: float) -> float:
    """Points of rows (at 100 %) that one printed page holds below the repeated header.

    An estimate that errs short: the scale is worked out from Excel's default column unit (7 pixels);
    LibreOffice and Excel with 等线 draw a unit wider, so the sheet shrinks more and a page holds more.
    """
    page_w, page_h = (842.0, 595.0) if sum(widths) > PORTRAIT_WIDTH else (595.0, 842.0)
    sheet_w = sum(w * 7 + 5 for w in widths) * 0.75  # pixels at 96 dpi → points
    scale = min(1.0, (page_w - 72 * 2 * SIDE_IN) / sheet_w)
    return (page_h - 72 * (TOP_IN + BOTTOM_IN)) / scale - header_pt


def footer_text(value: str, limit: int = FOOTER_TEXT_LIMIT) -> str:
    """``value`` for a page header or footer, shown as written.

    Excel and LibreOffice read ``&`` as the start of a code (``&P`` page, ``&"font"``, ``&12`` size),
    so it is doubled; control characters and line breaks go; long text is cut (255-character limit).
    """
    text = " ".join(str(clean(value)).split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text.replace("&", "&&")


@dataclass(frozen=True, slots=True)
class Footer:
    """The three parts of a page footer, ready to write: literal text through ``footer_text``, codes as they are."""

    left: str = ""
    center: str = ""
    right: str = ""


def print_setup(ws: WriteOnlyWorksheet, width: float, footer: Footer, title_rows: str = "1:1") -> None:
    """A4, landscape when wider than a portrait page, one page wide and as many down as needed.

    ``fitToWidth`` alone is ignored by Excel, WPS and LibreOffice: ``fitToPage`` switches fitting on,
    and ``fitToHeight = 0`` leaves the number of pages down free. Call before the first row.
    """
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.paperSize = A4_PAPER
    ws.page_setup.orientation = "landscape" if width > PORTRAIT_WIDTH else "portrait"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.page_margins = PageMargins(left=SIDE_IN, right=SIDE_IN, top=TOP_IN, bottom=BOTTOM_IN, header=0.3, footer=0.3)
    ws.print_options.gridLines = True  # rows stay easy to follow across a wide page
    ws.print_title_rows = title_rows
    part = ws.HeaderFooter.oddFooter
    part.left.text, part.center.text, part.right.text = footer.left, footer.center, footer.right


def setup_sheet(ws: WriteOnlyWorksheet, widths: Sequence[float], footer: Footer, header_row: int = 1) -> None:
    """Column widths, frozen header, and the page setup (``print_setup``).

    Call before the first row is appended (a write-only sheet writes these with its first row);
    the caller then appends any rows above the header and the header itself (``Cells.add_header``).
    """
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = f"{'B' if len(widths) > 6 else 'A'}{header_row + 1}"
    print_setup(ws, sum(widths), footer, f"{header_row}:{header_row}")


def finish_sheet(ws: WriteOnlyWorksheet, n_cols: int, n_rows: int, header_row: int = 1) -> None:
    """Autofilter over the header and every data row."""
    last = header_row + max(n_rows, 0)
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(max(n_cols, 1))}{last}"
