"""File paths as people read them.

On Linux a file name is bytes; one made on a Chinese Windows machine (GBK) and copied over
arrives as surrogate escapes that no screen, workbook or terminal can show. The project keeps
such paths losslessly; ``readable`` is only for display.
"""

from __future__ import annotations

import os
import re

_SEPARATORS = re.compile(r"([/\\])")


def _component(part: str) -> str:
    try:
        part.encode("utf-8")
        return part
    except UnicodeEncodeError:
        raw = os.fsencode(part)
    try:
        return raw.decode("gb18030")  # names from Chinese Windows, the usual case
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace")


def readable(path: str) -> str:
    """``path`` with each undecodable file-name part decoded as GB18030 (else shown as �)."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return "".join(_component(p) for p in _SEPARATORS.split(path))


def readable_name(path: str) -> str:
    """The last part of ``path`` (its file name), readable."""
    return readable(os.path.basename(path.replace("\\", "/")))


def readable_stem(path: str) -> str:
    name = readable_name(path)
    stem, dot, _ = name.rpartition(".")
    return stem if dot and stem else name
