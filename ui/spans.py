"""The one place Python code-point offsets become Qt UTF-16 positions and back.

The core counts characters; Qt counts UTF-16 code units, so every character outside the BMP
(𠮷, emoji) shifts all later Qt positions by one. Every span crossing into a Qt widget goes
through ``Utf16Index``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Index:
    """Offset conversion for one text. Cheap when the text has no astral characters."""

    __slots__ = ("_astral", "_qt_starts")

    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        # UTF-16 position where each astral character's surrogate pair starts.
        self._qt_starts = [offset + k for k, offset in enumerate(self._astral)]

    def to_qt(self, offset: int) -> int:
        """Python offset → Qt position."""
        return offset + bisect_left(self._astral, offset)

    def to_py(self, pos: int) -> int:
        """Qt position → Python offset; a position inside a surrogate pair rounds down."""
        before = bisect_right(self._qt_starts, pos - 2)  # pairs wholly before ``pos``
        offset = pos - before
        inside = before < len(self._qt_starts) and self._qt_starts[before] == pos - 1
        return offset - 1 if inside else offset

    def span_to_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.to_qt(start), self.to_qt(end)
