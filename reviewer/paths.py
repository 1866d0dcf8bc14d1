"""File paths as people read them.

On Linux a file name is bytes; one made on a Chinese Windows machine (GBK) and copied over
arrives as surrogate escapes that no screen, workbook or terminal can show. The project keeps
such paths losslessly; ``readable`` is only for display.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the model imports this module: only its type here
    from reviewer.model import Analysis

_SEPARATORS = re.compile(r"([/\\])")
# Characters a terminal, a one-line label or a dialog acts on rather than shows: C0 and C1 controls
# (a file named ctl\x1b[31m.txt turns a terminal red; a newline splits a message in two) and the
# bidirectional overrides that reorder what follows (报告\u202excod.exe).
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_LINE_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _picture(m: re.Match[str]) -> str:
    c = ord(m.group())
    if c < 0x20:
        return chr(0x2400 + c)  # Unicode's pictures of the controls: ␇, ␛, ␊
    return "␡" if c == 0x7F else f"<U+{c:04X}>"


def printable(text: str, lines: bool = False) -> str:
    """``text`` with every control character shown as a visible sign, nothing acted on; with ``lines``,
    line breaks and tabs are kept (a multi-line text for a terminal)."""
    return (_LINE_CONTROLS if lines else _CONTROLS).sub(_picture, text)


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
    """``path`` with each undecodable file-name part decoded as GB18030 (else shown as �), and any
    control character in it shown as a sign (see ``printable``)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        path = "".join(_component(p) for p in _SEPARATORS.split(path))
    return printable(path) if _CONTROLS.search(path) else path


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


def report_label(file: str, issuer: str | None, year: int | None) -> str:
    """A report as the window, the workbook and the 往年 tab name it: ``unit · year`` when known, the file's
    name otherwise (without the year again when the name says it already: "14_yueyang_county_2022", not
    "14_yueyang_county_2022 · 2022"). The workbook wrote "津南区人民政府 2021" where the window wrote
    "津南区人民政府 · 2021" (found by a code review)."""
    if issuer:
        return f"{issuer} · {year}" if year else issuer
    name = readable_stem(file)
    return name if says_year(name, year) else f"{name} · {year}"


def says_year(name: str, year: int | None) -> bool:
    """Whether a file's name says the report's year already (or there is no year to add): a name made
    from it must not add it again ("14_yueyang_county_2022", not "…_2022 · 2022" nor "…_2022_2022年度")."""
    return not year or re.search(rf"(?<!\d){year}(?!\d)", name) is not None


def report_names(analyses: Sequence[Analysis]) -> list[str]:
    """Each report's name where reports stand side by side (the 对比 page and its chart, the workbook's
    核查矩阵 and 指标对比): its ``report_label``, numbered where two coincide ("津南区人民政府 · 2021 (2)").
    One function for the window and the workbook: the window's 对比 page showed two identical names
    where the workbook told them apart (found by a tester). Numbered in the order given, so the same
    reports in the same order get the same names everywhere."""
    names: list[str] = []
    seen: dict[str, int] = {}
    for a in analyses:
        base = report_label(a.file, a.meta.issuer, a.meta.report_year)
        seen[base] = seen.get(base, 0) + 1
        names.append(base if seen[base] == 1 else f"{base} ({seen[base]})")
    return names
