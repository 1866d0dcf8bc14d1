"""Cell values from untrusted report text: never a formula, never an invalid XML character.

Excel runs a cell as a formula when its text starts with ``= + - @`` (and some readers also
after a leading tab or carriage return); openpyxl itself turns any string starting with ``=``
into a formula. So text keeps its characters exactly but is stored as a string cell with
Excel's quote prefix (what typing ``'=...`` in Excel does): shown as written, and it stays
text even when a colleague edits the cell.
"""

from __future__ import annotations

import re
from typing import Any

from openpyxl.cell import WriteOnlyCell

#: Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
MAX_CELL_CHARS = 32_767  # Excel's limit; longer text is cut and marked
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean_text(value: str) -> str:
    """``value`` without characters XML cannot hold, cut to what one Excel cell can hold."""
    text = _ILLEGAL.sub("", value)
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - 1] + "…"
    return text


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def safe_cell(ws: Any, value: object, style: Any = None) -> Any:
    """A write-only cell for ``value``: numbers stay numbers, everything else is literal text."""
    if value is None or (isinstance(value, int | float) and not isinstance(value, bool)):
        cell = WriteOnlyCell(ws, value)
    else:
        text = clean_text(str(value))
        cell = WriteOnlyCell(ws, None)
        cell._value = text  # set directly: the value setter would turn "=..." into a formula
        cell.data_type = "s"
    if style is not None:
        cell.style = style  # before the quote prefix: applying a named style resets it
    if cell.data_type == "s" and looks_like_formula(cell._value):
        cell.quotePrefix = True
    return cell
