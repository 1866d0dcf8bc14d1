"""The room a printed page has, and how a sheet's text columns share it.

Measures text as Excel lays it out (a Chinese character two units of width, a line of 11-point text
15 points tall), works out the scale a sheet prints at on A4, and widens the text columns where it
saves the most lines of print (``share_room``), trying many widths on a sample of rows at once.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import combinations
from typing import Any

LONGEST = 60  # widest a text column gets: 30 Chinese characters a line still read as one line
MIN_SCALE = 0.75  # the smallest print scale the shared room may bring a sheet to (legible at 11 pt)
# A4 is 210 × 297 mm; with 12.7 mm side margins about 95 (portrait) or 145 (landscape) widths of
# Excel's default digit fit across at 100 %. Wider sheets print landscape and are scaled to fit.
PORTRAIT_WIDTH = 95
SIDE_IN, TOP_IN, BOTTOM_IN = 0.5, 0.6, 0.75  # margins in inches; header and footer sit 0.3 in from the edge
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


def page_room(widths: Sequence[float], header_pt: float) -> float:
    """Points of rows (at 100 %) that one printed page holds below the repeated header.

    An estimate that errs short: the scale is worked out from Excel's default column unit (7 pixels);
    LibreOffice and Excel with 等线 draw a unit wider, so the sheet shrinks more and a page holds more.
    """
    return _room(widths, sum(widths) > PORTRAIT_WIDTH) - header_pt


def print_scale(widths: Sequence[float]) -> float:
    """The scale a sheet of these columns prints at, one page wide (landscape when wider than portrait)."""
    return _scale(widths, sum(widths) > PORTRAIT_WIDTH)


def _scale(widths: Sequence[float], landscape: bool) -> float:
    page_w = 842.0 if landscape else 595.0
    sheet_w = sum(w * 7 + 5 for w in widths) * 0.75  # pixels at 96 dpi → points
    return min(1.0, (page_w - 72 * 2 * SIDE_IN) / sheet_w)


def _room(widths: Sequence[float], landscape: bool) -> float:
    page_h = 595.0 if landscape else 842.0
    return (page_h - 72 * (TOP_IN + BOTTOM_IN)) / _scale(widths, landscape)



class _Rows:
    """The sample's text cells as the widths of their lines, rows alike counted once: the lines a
    set of column widths takes, worked out fast enough to try many (numpy: a column's lines at a
    width are worked out once, for every row at a time)."""

    def __init__(self, rows: Sequence[Sequence[Any]], columns: Sequence[int]) -> None:
        import numpy as np  # pandas's own dependency; only an export needs it

        keys = Counter(tuple(_line_widths(r[i] if i < len(r) else None) for i in columns) for r in rows)
        cells = list(keys)
        self.columns = list(columns)
        self.weights = np.array([keys[k] for k in cells], dtype=float)
        self._segments = {}  # per column: each row's line widths, -1 past its last line
        for j, c in enumerate(columns):
            table = np.full((len(cells), max(len(k[j]) for k in cells)), -1.0)
            for r, k in enumerate(cells):
                table[r, : len(k[j])] = k[j]
            self._segments[c] = table
        self._memo: dict[tuple[int, float], Any] = {}

    def _column(self, c: int, width: float) -> Any:
        """Each row's lines in column ``c`` at ``width`` (``wrapped_lines``, an empty cell one line)."""
        if (c, width) not in self._memo:
            import numpy as np

            table = self._segments[c]
            lines = np.where(table >= 0, np.maximum(1.0, np.ceil(table / max(width - 3, 2.0))), 0.0)
            self._memo[c, width] = lines.sum(axis=1)
        return self._memo[c, width]

    def next_widths(self, c: int, width: float, top: float) -> list[float]:
        """The next few widths of column ``c`` past ``width`` (up to ``top``) at which some cell of it
        takes a line less: where widening it can save anything at all."""
        import numpy as np

        table = self._segments[c]
        lines = np.ceil(table / max(width - 3, 2.0))
        fewer = table[(table > 0) & (lines > 1)] / (lines[(table > 0) & (lines > 1)] - 1)
        wanted = np.unique(np.ceil(fewer) + 3)
        return [float(w) for w in wanted[(wanted > width) & (wanted <= top)][:NEXT_WIDTHS]]

    def width_for(self, c: int, lines: int, low: float, high: float) -> float:
        """The narrowest width from ``low`` to ``high`` at which nine in ten of the sample's rows take at
        most ``lines`` lines in column ``c`` (``high`` when none is)."""
        w = low
        while w < high and self.weights @ (self._column(c, w) <= lines) < EVEN_SHARE * self.weights.sum():
            w += 1
        return min(w, high)

    def lines(self, widths: Sequence[float]) -> float:
        """Lines of the sample's rows (each as tall as its tallest text cell)."""
        import numpy as np

        tallest = np.maximum.reduce([self._column(c, widths[c]) for c in self.columns])
        return float(self.weights @ tallest)


def _line_widths(v: Any) -> tuple[int, ...]:
    if not isinstance(v, str) or not v:
        return (0,)  # one line, as tall as any
    return tuple(_width(line) for line in v.split("\n"))


EVEN_LINES, EVEN_SHARE = 12, 0.9  # tried: every column holding 9 in 10 of its cells in 1, 2, … 12 lines
NEXT_WIDTHS = 4  # widths tried for a column at each step: its next few at which a cell takes a line less


def _cost(rows: _Rows, widths: Sequence[float], landscape: bool) -> float:
    """Pages the sample's rows fill: fewer lines, or lines printed smaller, make fewer."""
    return rows.lines(widths) * LINE_PT / _room(widths, landscape)


def share_room(widths: list[float], free: Sequence[int], sample: Sequence[Sequence[Any]]) -> None:
    """Widen the ``free`` text columns where it saves the most lines per unit of width, on a portrait
    page and on a landscape one, and keep the one that prints on fewer pages: widened a little at a
    time a portrait sheet never turns landscape (its first step across is a step to a smaller print)."""
    if not free or not sample:
        return
    rows = _Rows(sample, free)
    top = {i: float(min(LONGEST, max((display_width(r[i]) + 3 for r in sample if i < len(r) and r[i]),
                                     default=0))) for i in free}
    # A sheet too wide already for MIN_SCALE (the 核查矩阵's 37 items) may still give its names a little.
    floor = min(MIN_SCALE, 0.9 * _scale(widths, landscape=True))

    def portrait(trial: Sequence[float]) -> bool:
        return sum(trial) <= PORTRAIT_WIDTH

    def landscape(trial: Sequence[float]) -> bool:
        return _scale(trial, landscape=True) >= floor

    tall, wide = (_best(widths, free, rows, top, fits) for fits in (portrait, landscape))
    widths[:] = tall if _cost(rows, tall, sum(tall) > PORTRAIT_WIDTH) <= _cost(rows, wide, True) else wide


def _best(widths: list[float], free: Sequence[int], rows: _Rows, top: Mapping[int, float],
          fits: Callable[[Sequence[float]], bool]) -> list[float]:
    """The fewer lines of two ways of widening: a step at a time from the narrowest, and from the widths
    at which every column holds its text in as few lines as fit (a row of a long unit name, a long file
    name and a long note only gets shorter once all three are wider: no one step of one column saves)."""
    even = _even(widths, free, rows, top, fits)
    ways = [_widen(list(widths), free, rows, top, fits), _widen(even, free, rows, top, fits)]
    return min(ways, key=rows.lines)


def _even(widths: list[float], free: Sequence[int], rows: _Rows, top: Mapping[int, float],
          fits: Callable[[Sequence[float]], bool]) -> list[float]:
    """For the fewest lines ``t`` that fit, each column as wide as nine in ten of its cells need to take
    at most ``t`` lines; ``widths`` when no ``t`` fits."""
    for t in range(1, EVEN_LINES + 1):
        trial = [*widths]
        for i in free:
            trial[i] = rows.width_for(i, t, widths[i], max(top[i], widths[i]))
        if fits(trial):
            return trial
    return widths


def _widen(widths: list[float], free: Sequence[int], rows: _Rows, top: Mapping[int, float],
           fits: Callable[[Sequence[float]], bool]) -> list[float]:
    """Widen, a step at a time, what saves the most lines per unit of width, while anything saves a
    line and the widths ``fits``."""
    lines = rows.lines(widths)
    while True:
        best: tuple[float, list[float]] | None = None
        for trial in _steps(widths, free, rows, top):
            if not fits(trial):
                continue
            gain = (lines - rows.lines(trial)) / (sum(trial) - sum(widths))
            if gain > 1e-9 and (best is None or gain > best[0]):
                best = (gain, trial)
        if best is None:
            return widths
        widths = best[1]
        lines = rows.lines(widths)


def _steps(widths: list[float], free: Sequence[int], rows: _Rows, top: Mapping[int, float]) -> Iterator[list[float]]:
    """Widths to try next: one column to each of its next few widths where a cell takes a line less;
    two columns, and all, to their next (a row of a long unit name and a long file name is only
    shorter once both are wider)."""
    nexts = {i: ws for i in free if (ws := rows.next_widths(i, widths[i], top[i]))}
    for i, ws in nexts.items():
        for w in ws:
            yield [*widths[:i], w, *widths[i + 1 :]]
    for group in [*combinations(nexts, 2), tuple(nexts)] if len(nexts) > 1 else ():
        trial = [*widths]
        for i in group:
            trial[i] = nexts[i][0]
        yield trial
