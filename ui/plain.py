"""Report text shown in tooltips and labels must never be read as HTML by Qt.

Qt guesses rich text (``Qt.mightBeRichText``) for tooltips and auto-format labels, so a report
line such as ``<b>…`` would be rendered. ``tip`` escapes such text; widgets showing report
text in labels set ``Qt.TextFormat.PlainText``.
"""

from __future__ import annotations

import html

from PySide6.QtGui import Qt


def tip(text: str) -> str:
    """``text`` unchanged when Qt would show it verbatim, else escaped inside a pre-wrap block."""
    if not Qt.mightBeRichText(text):
        return text
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"
