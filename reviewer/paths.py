"""File paths as people read them.

On Linux a file name is bytes; one made on a Chinese Windows machine (GBK) and copied over
arrives as surrogate escapes that no screen, workbook or terminal can show. The project keeps
such paths losslessly; ``readable`` is only for display.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence

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


def path_key(path: str) -> str:
    """A path as two spellings of one file compare: absolute, and in the system's case (Windows)."""
    return os.path.normcase(os.path.abspath(path))


def same_file(a: str, b: str) -> bool:
    """Whether two paths are one file: by spelling, or (both there) by the file system, which knows a
    mapped drive and its UNC path, or a link, for one file."""
    if path_key(a) == path_key(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def distinct_names(paths: Sequence[str]) -> list[str]:
    """Each path's file name; files of the same name, each with its folders below the ones they share
    (和平区/2021/报告.docx, 河西区/报告.docx): units that send from folders of their own often name
    their files alike."""
    parts = [[p for p in path.replace("\\", "/").split("/") if p] for path in paths]
    by_name: dict[str, list[int]] = {}
    for i, ps in enumerate(parts):
        by_name.setdefault(ps[-1] if ps else "", []).append(i)
    shown = [readable(ps[-1]) if ps else "" for ps in parts]
    for group in by_name.values():
        if len({tuple(parts[i]) for i in group}) < 2:
            continue  # one file (named twice): its name says it
        shared = 0
        while all(len(parts[i]) > shared + 1 and parts[i][shared] == parts[group[0]][shared] for i in group):
            shared += 1
        for i in group:
            shown[i] = "/".join(readable(p) for p in parts[i][shared:])
    return shown


def readable_stem(path: str) -> str:
    name = readable_name(path)
    stem, dot, _ = name.rpartition(".")
    return stem if dot and stem else name
