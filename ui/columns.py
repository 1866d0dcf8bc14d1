"""Column widths worked out once from what a column can show, not measured again for every report.

``ResizeToContents`` asks the model for the size of every row whenever a report is shown: on the
checklist alone 2 200 ``data()`` calls a switch, most of a switch's time. The texts a status or
decision column can show are a small fixed set, so their width is known up front; the other
columns start at a sensible width and stay resizable by the user.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHeaderView

PADDING = 20  # cell margins and the sort indicator
ICON = 22  # a 16 px decoration and its gap


def fit_columns(
    header: QHeaderView,
    metrics: QFontMetrics,
    stretch: int,
    samples: Mapping[int, Iterable[str]],
    icons: Iterable[int] = (),
) -> None:
    """``stretch`` takes the free width; every other column starts as wide as its widest sample
    (or its header), plus room for an icon in the columns listed in ``icons``."""
    with_icon = set(icons)
    model = header.model()
    for c in range(header.count()):
        if c == stretch:
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
            continue
        texts = [str(model.headerData(c, Qt.Orientation.Horizontal) or ""), *samples.get(c, ())]
        width = max(metrics.horizontalAdvance(t) for t in texts) + PADDING + (ICON if c in with_icon else 0)
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(c, width)
