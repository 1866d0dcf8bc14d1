"""Small openpyxl helpers for the review workbook: safe text cells, styled headers, fitted widths.

Report text is untrusted. A string that Excel could read as a formula (leading ``= + - @``, tab
or CR) is stored as a string cell with Excel's quote prefix, so it shows exactly as written and
never evaluates, even after the user edits the cell.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
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

from reviewer.paths import readable

FONT_NAME = "等线"  # ships with Office 2016+ and renders Chinese; Excel substitutes elsewhere
MAX_CELL = 32_767
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_SURROGATES = re.compile("[\ud800-\udfff]")
HEADER_FONT = Font(name=FONT_NAME, bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="2F5597")
WRAP = Alignment(wrap_text=True, vertical="top")
THIN = Border(bottom=Side(style="thin", color="BFBFBF"))
HEADER_ALIGN = Alignment(vertical="center", wrap_text=True)

PERCENT = "0%"


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
    """Makes the cells of one write-only sheet.

    openpyxl hashes a style object into the workbook's style tables every time one is assigned
    to a cell (a third of an export's time); each look (wrapped, filled, quote-prefixed) is
    worked out once here and its style array handed to the cells that share it.
    """

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        self.ws = ws
        self._looks: dict[tuple[bool, bool, str, str], StyleArray] = {}

    def text(self, value: Any, *, wrap: bool = False, fill: str = "", comment: str | None = None,
             number_format: str = "", author: str = "") -> Cell:
        """A cell showing ``value`` as written (formula-like strings get the quote prefix).

        ``fill`` is a colour as ``#rrggbb`` (a ``vocab.TONES`` fill); ``comment`` becomes a cell note.
        """
        value = clean(value)
        quoted = isinstance(value, str) and value.startswith(FORMULA_STARTS)
        look = self._look(quoted, wrap, fill, number_format)
        cell = Cell(self.ws, row=1, column=1, value=value, style_array=look)
        if quoted:
            cell.data_type = "s"
        if comment:
            cell.comment = Comment(clean(comment)[:2000], clean(author)[:100] or "审阅人")
        return cell

    def _look(self, quoted: bool, wrap: bool, fill: str, number_format: str) -> StyleArray | None:
        key = (quoted, wrap, fill, number_format)
        if key == (False, False, "", ""):
            return None
        if key not in self._looks:
            cell = WriteOnlyCell(self.ws)
            cell.quotePrefix = quoted
            if wrap:
                cell.alignment = WRAP
            if fill:
                cell.fill = PatternFill("solid", fgColor=fill.lstrip("#").upper())
            if number_format:
                cell.number_format = number_format
            self._looks[key] = cell._style
        return self._looks[key]

    def row(self, values: Sequence[Any], wrap_cols: frozenset[int] = frozenset(),
            formats: Mapping[int, str] | None = None) -> list[Any]:
        """A row of plain values; only risky strings, wrapped and formatted columns become styled cells.

        Every string of every sheet passes here or through ``text``: none can become a formula.
        """
        out: list[Any] = []
        for i, v in enumerate(values):
            if v == "" or v is None:
                out.append(None)  # no cell at all: openpyxl writes an empty string as a cell
                continue
            risky = isinstance(v, str) and (v.startswith(FORMULA_STARTS) or ILLEGAL_CHARACTERS_RE.search(v)
                                            or _SURROGATES.search(v))
            fmt = formats.get(i, "") if formats else ""
            if risky or i in wrap_cols or fmt:
                out.append(self.text(v, wrap=i in wrap_cols, number_format=fmt))
            else:  # known free of illegal characters: only the length can need cleaning
                out.append(clean(v) if isinstance(v, str) and len(v) > MAX_CELL else v)
        return out

    def header(self, headers: Sequence[str]) -> list[Cell]:
        """The styled header row (header text may hold file or unit names: quoted like any text)."""
        out = []
        for h in headers:
            c = self.text(h)
            c.font, c.fill, c.alignment, c.border = HEADER_FONT, HEADER_FILL, HEADER_ALIGN, THIN
            out.append(c)
        return out


def display_width(value: Any) -> int:
    """Columns Excel needs for ``value``: East Asian wide characters count two."""
    s = str(value) if value is not None else ""
    first_line = s.split("\n", 1)[0]
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in first_line)


def setup_sheet(ws: WriteOnlyWorksheet, headers: Sequence[str], sample: Iterable[Sequence[Any]],
                max_width: int = 60, header_row: int = 1) -> None:
    """Column widths from the header and a sample of rows; frozen header and print titles.

    Call before the first row is appended (a write-only sheet writes these with its first row);
    the caller then appends any rows above the header and the header itself (``Cells.header``).
    """
    widths = [display_width(h) + 2 for h in headers]
    for row in sample:
        for i, v in enumerate(row[: len(widths)]):
            widths[i] = max(widths[i], min(display_width(v) + 2, max_width))
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = min(w, max_width)
    ws.freeze_panes = f"{'B' if len(headers) > 6 else 'A'}{header_row + 1}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1


def finish_sheet(ws: WriteOnlyWorksheet, n_cols: int, n_rows: int, header_row: int = 1) -> None:
    """Autofilter over the header and every data row."""
    last = header_row + max(n_rows, 0)
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(max(n_cols, 1))}{last}"
