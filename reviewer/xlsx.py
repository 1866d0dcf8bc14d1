"""Small openpyxl helpers for the review workbook: safe text cells, styled headers, and a page setup
that prints (A4, one page wide, header rows on every page, a footer). Column widths and header breaks
are ``reviewer.xlsx_layout``'s.

Report text is untrusted. A string that Excel could read as a formula (leading ``= + - @``, tab
or CR) is stored as a string cell with Excel's quote prefix, so it shows exactly as written and
never evaluates, even after the user edits the cell. Footer text is quoted for the footer's own
codes in the same spirit (``&`` doubled).
"""

from __future__ import annotations

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
from reviewer.xlsx_layout import broken_header
from reviewer.xlsx_room import BOTTOM_IN, LINE_PT, PORTRAIT_WIDTH, SIDE_IN, TOP_IN, wrapped_lines

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
        """The header row; a header wider than its column breaks between words (``broken_header``).
        Rotated headers are written as given (the caller breaks them for their height)."""
        level = [i for i in range(len(headers)) if i not in rotated]
        shown = [h if i in rotated or i >= len(self.widths) else broken_header(h, self.widths[i])
                 for i, h in enumerate(headers)]
        self.append(self.header(shown, rotated), self.lines(shown, level), height)

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


FOOTER_TEXT_LIMIT = 60  # Excel allows 255 characters for all of a footer, codes included
A4_PAPER = 9  # paperSize code of ECMA-376


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
