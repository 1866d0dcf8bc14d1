"""OFD (GB/T 33190-2016, the national fixed-layout format) → report text, page by page.

An OFD file is a zip of XML: ``OFD.xml`` names each document's root (``DocBody/DocRoot``), whose
``Pages/Page/@BaseLoc`` lead to page content. Text is drawn by ``TextObject``s (``Boundary`` "x y
w h" in mm) holding ``TextCode``s placed at ``X``/``Y`` (the baseline) with per-glyph advances
in ``DeltaX`` ("g 3 4.2" repeats 4.2 three times). Nothing orders them as read, so a page is
read by baseline then left to right; pieces on one baseline join into a line, a wide vertical
gap starts a paragraph and hard-wrapped lines are joined. Templates (running headers and
footers), annotations and signatures are not text of the report. A page that is a scanned
image (an ``ImageObject`` whose ``ResourceID`` names a ``MultiMedia`` of the resource files) with
little or no text is read by OCR, as PDF scans are.
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


@dataclass(frozen=True, slots=True)
class _Page:
    content: str  # the zip member of its content
    width: float  # mm
    height: float
    media: dict[str, str]  # image resource ID → zip member, for the page's document


def _media(zf: zipfile.ZipFile, names: dict[str, str], doc: Any, base: str) -> dict[str, str]:
    """Image resource ID → the zip member holding the image, from the document's resource files."""
    out: dict[str, str] = {}
    for tag in ("DocumentRes", "PublicRes"):
        for res in doc.iter(f"{NS}{tag}"):
            loc = _resolve(base, res.text or "")
            if loc.lower() not in names:
                continue
            xml = _xml(zf, names[loc.lower()])
            res_base = _resolve(posixpath.dirname(loc), xml.get("BaseLoc", ""))
            for item in xml.iter(f"{NS}MultiMedia"):
                path = _resolve(res_base, item.findtext(f"{NS}MediaFile") or "")
                out[item.get("ID", "")] = names.get(path.lower(), path)
    return out


def _page_locations(zf: zipfile.ZipFile) -> list[_Page]:
    """Every page of every document, in order."""
    names = {n.lower(): n for n in zf.namelist()}
    root = _xml(zf, names.get("ofd.xml", "OFD.xml"))
    out: list[_Page] = []
    for doc_root in root.iter(f"{NS}DocRoot"):
        doc_name = _resolve("", doc_root.text or "")
        doc = _xml(zf, names.get(doc_name.lower(), doc_name))
        base = posixpath.dirname(doc_name)
        area = [*_floats(doc.findtext(f"{NS}CommonData/{NS}PageArea/{NS}PhysicalBox")), 0, 0, 210.0, 297.0][2:4]
        media = _media(zf, names, doc, base)
        for page in doc.iter(f"{NS}Page"):
            loc = _resolve(base, page.get("BaseLoc", ""))
            out.append(_Page(names.get(loc.lower(), loc), area[0] or 210.0, area[1] or 297.0, media))
    return out


_PT_PER_MM = 72 / 25.4


def _scan(content: Any, page: _Page, chars: int) -> str | None:
    """The zip member of the page's scanned image, when the page is a scan (``ocr.scan_limit``)."""
    from reviewer.formats.ocr import scan_limit

    images: list[tuple[float, str]] = []
    for obj in content.iter(f"{NS}ImageObject") if content is not None else ():
        x, y, w, h = [*_floats(obj.get("Boundary")), 0.0, 0.0, 0.0, 0.0][:4]
        area = max(0.0, min(x + w, page.width) - max(x, 0.0)) * max(0.0, min(y + h, page.height) - max(y, 0.0))
        if obj.get("ResourceID") in page.media:
            images.append((area, page.media[obj.get("ResourceID")]))
    mm2 = _PT_PER_MM * _PT_PER_MM
    limit = scan_limit(page.width * page.height * mm2, sum(a for a, _ in images) * mm2)
    return max(images)[1] if limit is not None and chars < limit else None


def read_ofd(data: bytes, ctx: Context) -> Extracted:
    """The text layer page by page; pages that are a scanned image (ImageObject) are read by OCR."""
    from reviewer.formats.zipguard import check_paragraphs, open_zip, read_member

    pages: list[list[PageLine]] = []
    scans: dict[int, str] = {}
    with open_zip(data, WHAT) as zf:
        locations = _page_locations(zf)
        if not locations:
            raise FormatProblem("corrupt", f"{WHAT}中没有页面（OFD.xml 或 Document.xml 不完整），无法读取")
        for i, page in enumerate(locations):
            check_paragraphs(read_member(zf, page.content, WHAT), b"TextCode")
            content = _xml(zf, page.content).find(f"{NS}Content")
            glyphs = [g for obj in content.iter(f"{NS}TextObject") for g in _glyphs(obj)] if content is not None else []
            pages.append(_lines(glyphs))
            image = _scan(content, page, sum(len("".join(g.text.split())) for g in glyphs))
            if image is not None:
                scans[i] = image
            ctx.tick(i + 1, len(locations))
        pages = unwrap_pages(pages, max(p.width for p in locations))
        read = _ocr(zf, list(scans.values()), ctx, lambda r: _compose(pages, list(scans), r)) if scans else []
    got = _compose(pages, list(scans), read)
    if scans and len("".join(got.text.split())) < 20:
        raise FormatProblem("scanned", f"{WHAT}是扫描件，文字识别（OCR）也未能读出文字")
    return got


def _ocr(zf: zipfile.ZipFile, images: list[str], ctx: Context, compose: Any) -> list[list[PageLine]]:
    from reviewer.formats.ocr import image_array, ocr_pages, open_image
    from reviewer.formats.zipguard import read_member

    def render(i: int) -> tuple[Any, float]:
        return image_array(open_image(read_member(zf, images[i], WHAT, MAX_IMAGE)))

    return ocr_pages(len(images), render, ctx, compose)


MAX_IMAGE = 300 * 1024 * 1024  # one scanned page (the file limit for OFD)


def _compose(pages: list[list[PageLine]], todo: list[int], read: list[list[PageLine]]) -> Extracted:
    """The text layer with the scanned pages ``read`` so far (pages after the first unread scan left out)."""
    from reviewer.formats.ocr import scanned_page, tidy_pages

    fmt = "ofd" if not todo else ("ocr" if len(todo) == len(pages) else "ofd+ocr")
    pages = list(pages)
    for i, lines in zip(todo, tidy_pages(read), strict=False):
        pages[i] = scanned_page(lines, pages[i])
    if len(read) < len(todo):
        pages = pages[: todo[len(read)]]
    text, spans = assemble(join_pages(drop_running_lines(pages)))
    return Extracted(check_text(text), fmt, None, (), spans)
