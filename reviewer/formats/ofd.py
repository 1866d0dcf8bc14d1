"""OFD (GB/T 33190-2016, the national fixed-layout format) → report text, page by page.

An OFD file is a zip of XML: ``OFD.xml`` names each document's root (``DocBody/DocRoot``), whose
``Pages/Page/@BaseLoc`` lead to page content. Text is drawn by ``TextObject``s (``Boundary`` "x y
w h" in mm) holding ``TextCode``s placed at ``X``/``Y`` (the baseline) with per-glyph advances
in ``DeltaX`` ("g 3 4.2" repeats 4.2 three times). Nothing orders them as read, so a page is
read by baseline then left to right; pieces on one baseline join into a line, a wide vertical
gap starts a paragraph and hard-wrapped lines are joined. Templates (running headers and
footers), annotations and signatures are not text of the report.
"""

from __future__ import annotations

import itertools
import posixpath
import re
import zipfile
from dataclasses import dataclass
from typing import Any

from reviewer.formats.base import Context, Extracted, FormatProblem, check_text
from reviewer.formats.layout import PageLine, assemble, drop_running_lines, join_pages, unwrap_pages

NS = "{http://www.ofdspec.org/2016}"
WHAT = "OFD 文档"
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE]-?\d+)?")


@dataclass(frozen=True, slots=True)
class _Glyphs:
    x: float
    y: float  # baseline, mm from the top
    x1: float
    size: float
    text: str


def _floats(text: str | None) -> list[float]:
    return [float(v) for v in _NUMBER.findall(text or "")]


def _advances(delta: str | None, count: int, size: float) -> list[float]:
    """The advance after each glyph: DeltaX expanded ("g N v" = N times v), an em where missing."""
    out: list[float] = []
    tokens = (delta or "").split()
    i = 0
    while i < len(tokens) and len(out) < count:
        if tokens[i] == "g" and i + 2 < len(tokens):
            n, value = int(float(tokens[i + 1])), float(tokens[i + 2])
            out.extend([value] * min(n, count))
            i += 3
        else:
            try:
                out.append(float(tokens[i]))
            except ValueError:
                pass
            i += 1
    return (out + [size] * count)[: max(count - 1, 0)]


def _glyphs(obj: Any) -> list[_Glyphs]:
    box = [*_floats(obj.get("Boundary")), 0.0, 0.0]
    size = (_floats(obj.get("Size")) or [3.5])[0]
    out: list[_Glyphs] = []
    x, y = box[0], box[1]
    for code in obj.iter(f"{NS}TextCode"):
        text = "".join(code.itertext())
        if not text:
            continue
        cx = box[0] + (_floats(code.get("X")) or [x - box[0]])[0]
        cy = box[1] + (_floats(code.get("Y")) or [y - box[1]])[0]
        width = sum(_advances(code.get("DeltaX"), len(text), size)) + size * (1.0 if ord(text[-1]) > 0x2E80 else 0.5)
        out.append(_Glyphs(cx, cy, cx + width, size, text))
        x, y = cx + width, cy
    return out


def _lines(glyphs: list[_Glyphs]) -> list[PageLine]:
    """Glyph runs on one baseline joined left to right; a gap above 1.8 line pitches starts a paragraph."""
    rows: list[list[_Glyphs]] = []
    for g in sorted(glyphs, key=lambda g: (g.y, g.x)):
        if rows and abs(rows[-1][0].y - g.y) < 0.4 * max(g.size, rows[-1][0].size):
            rows[-1].append(g)
        else:
            rows.append([g])
    pitches = sorted(b[0].y - a[0].y for a, b in itertools.pairwise(rows))
    pitch = pitches[len(pitches) // 2] if pitches else 0.0
    out: list[PageLine] = []
    for n, row in enumerate(rows):
        row.sort(key=lambda g: g.x)
        text = row[0].text
        for prev, g in itertools.pairwise(row):
            text += (" " if g.x - prev.x1 > 1.5 * g.size else "") + g.text
        gap = n > 0 and row[0].y - rows[n - 1][0].y > 1.8 * pitch
        out.append(PageLine(text, row[0].x, max(g.x1 for g in row), gap_above=gap))
    return out


def _xml(zf: zipfile.ZipFile, name: str) -> Any:
    from lxml import etree

    from reviewer.formats.zipguard import read_member

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(read_member(zf, name, WHAT), parser)
    except etree.XMLSyntaxError as exc:
        raise FormatProblem("corrupt", f"{WHAT}已损坏（{name} 不是完整的 XML），无法读取") from exc


def _resolve(base_dir: str, loc: str) -> str:
    loc = loc.strip().replace("\\", "/")
    return posixpath.normpath(loc.lstrip("/") if loc.startswith("/") else posixpath.join(base_dir, loc))


def _page_locations(zf: zipfile.ZipFile) -> list[tuple[str, float]]:
    """(content part, page width in mm) of every page of every document, in order."""
    names = {n.lower(): n for n in zf.namelist()}
    root = _xml(zf, names.get("ofd.xml", "OFD.xml"))
    out: list[tuple[str, float]] = []
    for doc_root in root.iter(f"{NS}DocRoot"):
        doc_name = _resolve("", doc_root.text or "")
        doc = _xml(zf, names.get(doc_name.lower(), doc_name))
        base = posixpath.dirname(doc_name)
        area = _floats(doc.findtext(f"{NS}CommonData/{NS}PageArea/{NS}PhysicalBox")) or [0, 0, 210.0]
        for page in doc.iter(f"{NS}Page"):
            loc = _resolve(base, page.get("BaseLoc", ""))
            out.append((names.get(loc.lower(), loc), area[2] if len(area) > 2 else 210.0))
    return out


def read_ofd(data: bytes, ctx: Context) -> Extracted:
    from reviewer.formats.zipguard import check_paragraphs, open_zip, read_member

    pages: list[list[PageLine]] = []
    widths: list[float] = []
    with open_zip(data, WHAT) as zf:
        locations = _page_locations(zf)
        if not locations:
            raise FormatProblem("corrupt", f"{WHAT}中没有页面（OFD.xml 或 Document.xml 不完整），无法读取")
        for i, (loc, width) in enumerate(locations):
            check_paragraphs(read_member(zf, loc, WHAT), b"TextCode")
            content = _xml(zf, loc).find(f"{NS}Content")
            glyphs = [g for obj in content.iter(f"{NS}TextObject") for g in _glyphs(obj)] if content is not None else []
            pages.append(_lines(glyphs))
            widths.append(width)
            ctx.tick(i + 1, len(locations))
    pages = unwrap_pages(pages, max(widths))
    text, _ = assemble(join_pages(drop_running_lines(pages)))
    return Extracted(check_text(text), "ofd")
