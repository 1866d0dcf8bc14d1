"""OpenDocument text (.odt, from LibreOffice or WPS) → report text, in document order.

``content.xml`` is walked directly with lxml (odfpy is a writer's toolkit and loads the whole
document model): headings (``text:h`` with ``text:outline-level``) and numbered list items give
``LineHint``s as Word headings do; list labels are drawn from the list styles where the writer
did not store them; tables give one line per non-blank cell paragraph; ``text:s``, ``text:tab`` and
``text:line-break`` are spaces, tabs and line ends. Notes, annotations and frames are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from reviewer.formats.base import Context, Extracted, FormatProblem, check_text
from reviewer.formats.numbering import format_number
from reviewer.model import LineHint

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
WHAT = "OpenDocument 文档"
_SKIP = {f"{TEXT}note", f"{TEXT}number", f"{OFFICE}annotation", f"{OFFICE}annotation-end", f"{TEXT}tracked-changes",
         f"{TEXT}sequence-decls", f"{OFFICE}forms", f"{TEXT}bookmark-ref", f"{TEXT}soft-page-break"}
_CONTAINERS = {f"{TEXT}section", f"{OFFICE}text", f"{TEXT}index-body", f"{TEXT}table-of-content",
               f"{TEXT}alphabetical-index", f"{TEXT}illustration-index", f"{TEXT}table-index", f"{TEXT}user-index",
               f"{TABLE}table-rows", f"{TABLE}table-header-rows", f"{TABLE}table-row-group"}
# ODF writes a number format as its first few numbers ("一, 二, 三, ..."); Word's names for them:
_NUM_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman",
                "一": "chineseCounting", "壹": "chineseLegalSimplified", "①": "decimalEnclosedCircle",
                "甲": "ideographTraditional", "子": "ideographZodiac", "１": "decimalFullWidth", "": "none"}


@dataclass(frozen=True, slots=True)
class _Level:
    fmt: str  # a numbering.FORMATS name, "bullet" or "none"
    prefix: str
    suffix: str
    start: int
    shown: int  # how many levels the label shows ("1.2." has 2)


@dataclass
class _Walk:
    styles: dict[str, dict[int, _Level]]
    lines: list[str] = field(default_factory=list)
    hints: list[LineHint] = field(default_factory=list)
    counters: dict[str, list[int]] = field(default_factory=dict)


def _attr(el: Any, ns: str, name: str, default: str = "") -> str:
    return str(el.get(f"{ns}{name}", default))


def _list_styles(*roots: Any) -> dict[str, dict[int, _Level]]:
    out: dict[str, dict[int, _Level]] = {}
    for root in roots:
        for ls in root.iter(f"{TEXT}list-style", f"{TEXT}outline-style"):
            levels: dict[int, _Level] = {}
            for lv in ls:
                level = int(_attr(lv, TEXT, "level", "1") or 1)
                if lv.tag == f"{TEXT}list-level-style-bullet":
                    levels[level] = _Level("bullet", "", "", 1, 1)
                elif lv.tag in (f"{TEXT}list-level-style-number", f"{TEXT}outline-level-style"):
                    fmt = _attr(lv, STYLE, "num-format").split(",")[0].strip()
                    start = _attr(lv, TEXT, "start-value", "1")
                    levels[level] = _Level(_NUM_FORMATS.get(fmt, "decimal"), _attr(lv, STYLE, "num-prefix"),
                                           _attr(lv, STYLE, "num-suffix"), int(start) if start.isdigit() else 1,
                                           int(_attr(lv, TEXT, "display-levels", "1") or 1))
            out[_attr(ls, STYLE, "name") or "__outline__"] = levels
    return out


def _label(walk: _Walk, style: str, level: int) -> str | None:
    """Advance the list ``style`` at ``level`` (1-based) and draw its label; None for bullets/unknown."""
    levels = walk.styles.get(style)
    if not levels or level not in levels:
        return None
    counts = walk.counters.setdefault(style, [])
    while len(counts) < level:
        counts.append(levels.get(len(counts) + 1, _Level("decimal", "", "", 1, 1)).start - 1)
    counts[level - 1] += 1
    del counts[level:]
    lv = levels[level]
    if lv.fmt in ("bullet", "none"):
        return None
    first = max(level - lv.shown + 1, 1)
    shown = [format_number(counts[k - 1], levels[k].fmt if k in levels else "decimal") for k in range(first, level + 1)]
    return lv.prefix + ".".join(shown) + lv.suffix or None


def _inline(el: Any, out: list[str]) -> None:
    """The text of a paragraph's content, line breaks as ``\\n``."""
    if el.text:
        out.append(el.text)
    for child in el:
        tag = child.tag
        if tag == f"{TEXT}s":
            out.append(" " * int(_attr(child, TEXT, "c", "1") or 1))
        elif tag == f"{TEXT}tab":
            out.append("\t")
        elif tag == f"{TEXT}line-break":
            out.append("\n")
        elif tag not in _SKIP and not tag.startswith("{urn:oasis:names:tc:opendocument:xmlns:drawing"):
            _inline(child, out)
        if child.tail:
            out.append(child.tail)


def _paragraph(walk: _Walk, el: Any, level: int | None, label: str | None) -> None:
    parts: list[str] = []
    number = el.find(f"{TEXT}number")
    if number is not None:  # a label the writer stored itself wins over the one drawn here
        label = "".join(number.itertext()) or label
    _inline(el, parts)
    text = "".join(parts)
    if label and not text.lstrip().startswith(label):
        text = label + text
    if level:
        walk.hints.append(LineHint(len(walk.lines), min(level, 4), label))
    walk.lines.extend(text.split("\n"))


def _list(walk: _Walk, el: Any, style: str, depth: int) -> None:
    style = _attr(el, TEXT, "style-name") or style
    if depth == 1 and _attr(el, TEXT, "continue-numbering") != "true" and not _attr(el, TEXT, "continue-list"):
        walk.counters.pop(style, None)
    for item in el:
        if item.tag not in (f"{TEXT}list-item", f"{TEXT}list-header"):
            continue
        label = _label(walk, style, depth) if item.tag == f"{TEXT}list-item" else None
        for child in item:
            if child.tag in (f"{TEXT}p", f"{TEXT}h"):
                lvl = int(_attr(child, TEXT, "outline-level", "0") or 0) if child.tag == f"{TEXT}h" else 0
                _paragraph(walk, child, lvl or (depth if label else None), label)
                label = None  # only the item's first paragraph carries the number
            elif child.tag == f"{TEXT}list":
                _list(walk, child, style, depth + 1)
            else:
                _block(walk, child)


def _block(walk: _Walk, el: Any) -> None:
    tag = el.tag
    if tag == f"{TEXT}h":
        level = int(_attr(el, TEXT, "outline-level", "1") or 1)
        label = None if _attr(el, TEXT, "is-list-header") == "true" else _label(walk, "__outline__", level)
        _paragraph(walk, el, level, label)
    elif tag == f"{TEXT}p":
        _paragraph(walk, el, None, None)
    elif tag == f"{TEXT}list":
        _list(walk, el, "", 1)
    elif tag == f"{TABLE}table":
        for cell in _cells(el):
            _cell(walk, cell)
    elif tag in _CONTAINERS:
        for child in el:
            _block(walk, child)


def _cell(walk: _Walk, cell: Any) -> None:
    """A cell's non-blank lines: an empty cell (LibreOffice writes an empty paragraph in it) gave a blank
    line in the middle of the table, where a .docx's gives none. Hints follow their lines."""
    start, first_hint = len(walk.lines), len(walk.hints)
    for child in cell:
        _block(walk, child)
    kept = [i for i in range(start, len(walk.lines)) if walk.lines[i].strip()]
    if len(kept) == len(walk.lines) - start:
        return
    moved = {old: start + new for new, old in enumerate(kept)}
    walk.hints[first_hint:] = [LineHint(moved[h.line], h.level, h.label)
                               for h in walk.hints[first_hint:] if h.line in moved]
    walk.lines[start:] = [walk.lines[i] for i in kept]


_ROW_GROUPS = {f"{TABLE}table-rows", f"{TABLE}table-header-rows", f"{TABLE}table-row-group"}


def _cells(table: Any) -> Iterator[Any]:
    """The cells of ``table``'s own rows, row by row: not those of a table nested in a cell, which its
    cell's blocks give in their place (reading every cell below the table gave those twice)."""
    for child in table:
        if child.tag in _ROW_GROUPS:
            yield from _cells(child)
        elif child.tag == f"{TABLE}table-row":
            yield from child.iterchildren(f"{TABLE}table-cell")


def read_odt(data: bytes, ctx: Context) -> Extracted:
    from lxml import etree

    from reviewer.formats.zipguard import check_paragraphs, open_zip, read_member

    with open_zip(data, WHAT) as zf:
        content = read_member(zf, "content.xml", WHAT)
        styles_xml = read_member(zf, "styles.xml", WHAT) if "styles.xml" in zf.namelist() else b""
    check_paragraphs(content, b"p", b"h")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(content, parser)
        styles = etree.fromstring(styles_xml, parser) if styles_xml else None
    except etree.XMLSyntaxError as exc:
        raise FormatProblem("corrupt", f"{WHAT}已损坏（content.xml 不是完整的 XML），无法读取") from exc
    body = root.find(f"{OFFICE}body/{OFFICE}text")
    if body is None:
        raise FormatProblem("corrupt", f"{WHAT}中没有正文（不是文字文档，或已损坏）")
    walk = _Walk(_list_styles(*(r for r in (styles, root) if r is not None)))
    _block(walk, body)
    return Extracted(check_text("\n".join(walk.lines) + "\n", 0), "odt", None, tuple(walk.hints))
