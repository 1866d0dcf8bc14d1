"""Report files in the formats units send, made at test time from seed text.

Real writers where the registries have one (odfpy for .odt); hand-built bytes where none exists:
.doc (see ole_fixtures), .rtf in the shape WPS writes (\\ansicpg936 with GBK byte escapes, \\uN
for characters outside GBK), .ofd after GB/T 33190's structure (zip of OFD.xml, Document.xml and
page content with TextObject/TextCode, one TextCode per few glyphs, headers and page numbers).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from tests.core.ole_fixtures import word97

OFD_NS = "http://www.ofdspec.org/2016"


def seed_lines(text: str) -> list[str]:
    return [ln for ln in text.split("\n") if ln.strip()]


def make_doc(path: Path, lines: list[str]) -> Path:
    path.write_bytes(word97("\r".join(lines) + "\r"))
    return path


def _rtf_escape(text: str) -> str:
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) < 0x80:
            out.append(ch)
        else:
            try:
                out.append("".join(f"\\'{b:02x}" for b in ch.encode("gbk")))
            except UnicodeEncodeError:  # outside GBK: a Unicode escape, signed 16-bit, '?' as fallback
                code = ord(ch)
                units = [code] if code < 0x10000 else list(divmod(code - 0x10000, 0x400))
                if code >= 0x10000:
                    units = [0xD800 + units[0], 0xDC00 + units[1]]
                out.append("".join(f"\\u{u - 0x10000 if u > 0x7FFF else u}?" for u in units))
    return "".join(out)


def make_rtf(path: Path, lines: list[str]) -> Path:
    head = (
        "{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 \\'cb\\'ce\\'cc\\'e5;}}"
        "{\\colortbl;\\red0\\green0\\blue0;}{\\stylesheet{\\s0 Normal;}}"
        "{\\info{\\title \\'b1\\'ea\\'cc\\'e2}{\\author WPS}}{\\*\\generator WPS Office;}"
        "{\\pict\\pngblip\\picw1\\pich1 89504e470d0a1a0a}\n"
    )
    body = "".join(f"\\pard\\f0 {_rtf_escape(line)}\\par\n" for line in lines)
    path.write_bytes((head + body + "}").encode("ascii"))
    return path


def make_odt(path: Path, lines: list[str]) -> Path:
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    doc = OpenDocumentText()
    for line in lines:
        doc.text.addElement(P(text=line))
    doc.save(str(path))
    return path


def _wrap(line: str, width: int) -> list[str]:
    """Rows of at most ``width`` glyphs (the first two shorter: it is indented), no row starting with
    closing punctuation (as Word and WPS lay out Chinese)."""
    from tests.core.loader_fixtures import NO_LINE_START

    rows = [""]
    for ch in line:
        room = width - 2 if len(rows) == 1 else width
        if len(rows[-1]) >= room and ch not in NO_LINE_START:
            rows.append("")
        rows[-1] += ch
    return rows


def _text_code(x: float, y: float, text: str, size: float) -> str:
    from xml.sax.saxutils import escape

    delta = f' DeltaX="g {len(text) - 1} {size}"' if len(text) > 1 else ""
    return f'<ofd:TextCode X="0" Y="{size}"{delta}>{escape(text)}</ofd:TextCode>'


def _text_object(n: int, x: float, y: float, text: str, size: float) -> str:
    return (f'<ofd:TextObject ID="{n}" Boundary="{x} {y - size} {size * (len(text) + 1)} {size * 1.5}" '
            f'Font="2" Size="{size}">{_text_code(x, y, text, size)}</ofd:TextObject>')


def _ofd_rows(lines: list[str], width: int) -> list[tuple[str, bool]]:
    """Printed rows (text, first row of its paragraph): each line hard-wrapped at ``width`` glyphs."""
    return [(row, i == 0) for line in lines for i, row in enumerate(_wrap(line, width))]


def _ofd_pages(rows: list[tuple[str, bool]], size: float, bottom: float = 270) -> list[list[tuple[float, str, bool]]]:
    """Rows placed down A4 pages (baseline y in mm), a blank line before each paragraph, a paragraph
    running on to the next page where the page is full."""
    pages: list[list[tuple[float, str, bool]]] = [[]]
    y = 30.0
    for text, first in rows:
        y += size * 1.5 if first and pages[-1] else 0
        if y > bottom:
            pages.append([])
            y = 30.0
        pages[-1].append((y, text, first))
        y += size * 1.5
    return pages


def _ofd_page(rows: list[tuple[float, str, bool]], page_no: int, header: str, size: float) -> str:
    """One page's content: a running header, the rows (each cut in two TextObjects) and a page number,
    written in reverse order: reading order must come from the positions."""
    objects = [_text_object(1, 25, 15, header, 3.0)]
    n = 10
    for y, row, first in rows:
        x = 25 + (2 * size if first else 0)
        cut = max(len(row) // 2, 1)
        objects.append(_text_object(n, x, y, row[:cut], size))
        if row[cut:]:
            objects.append(_text_object(n + 1, x + size * cut, y, row[cut:], size))
        n += 2
    objects.append(_text_object(n, 100, 285, f"- {page_no} -", 3.0))
    body = "".join(reversed(objects))
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{OFD_NS}"><ofd:Content>'
            f'<ofd:Layer ID="{page_no * 1000}">{body}</ofd:Layer></ofd:Content></ofd:Page>')


def make_ofd(path: Path, lines: list[str], header: str = "某某区人民政府文件", size: float = 4.0) -> Path:
    pages = _ofd_pages(_ofd_rows(lines, 40), size)
    page_refs = "".join(f'<ofd:Page ID="{i + 1}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages)))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{OFD_NS}" Version="1.0" '
                   'DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>0</ofd:DocID></ofd:DocInfo>'
                   "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
        z.writestr("Doc_0/Document.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{OFD_NS}">'
                   "<ofd:CommonData><ofd:MaxUnitID>99999</ofd:MaxUnitID><ofd:PageArea>"
                   "<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
                   "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>"
                   f"<ofd:Pages>{page_refs}</ofd:Pages></ofd:Document>")
        z.writestr("Doc_0/PublicRes.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{OFD_NS}" '
                   'BaseLoc="Res"><ofd:Fonts><ofd:Font ID="2" FontName="宋体" FamilyName="宋体"/>'
                   "</ofd:Fonts></ofd:Res>")
        for i, page in enumerate(pages):
            z.writestr(f"Doc_0/Pages/Page_{i}/Content.xml", _ofd_page(page, i + 1, header, size))
    return path


def _runs(line: str) -> list[str]:
    """The line cut where Chinese meets digits or Latin letters."""
    import re

    return re.findall(r"[0-9A-Za-z%.:/-]+|[^0-9A-Za-z%.:/-]+", line)


def make_autospaced_pdf(path: Path, pages: list[list[str]], header: str = "", footer: str = "第 {n} 页") -> Path:
    """Pages as Word prints them: extra room between Chinese and digits/Latin (its autospace), a
    running header and a page-number footer on every page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4)
    for n, lines in enumerate(pages, 1):
        c.setFont("STSong-Light", 9)
        if header:
            c.drawString(200, 810, header)
        c.drawString(280, 30, footer.format(n=n))
        c.setFont("STSong-Light", 12)
        for i, line in enumerate(lines):
            x = 60.0
            for run in _runs(line):
                c.drawString(x, 770 - 20 * i, run)
                x += pdfmetrics.stringWidth(run, "STSong-Light", 12) + 4  # Word's quarter-em autospace
        c.showPage()
    c.save()
    return path


def noto_font(size: int = 30):  # type: ignore[no-untyped-def]
    import os

    import pylopdf_fonts_zh_cn  # type: ignore[import-untyped]
    from PIL import ImageFont

    folder = os.path.dirname(pylopdf_fonts_zh_cn.__file__)
    return ImageFont.truetype(os.path.join(folder, "NotoSerifSC-Regular.otf"), size)


def page_image(lines: list[str], width: int = 1240, size: int = 30):  # type: ignore[no-untyped-def]
    """A white page with black Chinese lines, as a 150 dpi scan would show them."""
    from PIL import Image, ImageDraw

    img = Image.new("L", (width, 80 + int(size * 2.2) * len(lines)), 255)
    draw = ImageDraw.Draw(img)
    font = noto_font(size)
    for i, line in enumerate(lines):
        draw.text((60, 40 + int(size * 2.2) * i), line, font=font, fill=0)
    return img


def make_scan_png(path: Path, lines: list[str]) -> Path:
    page_image(lines).save(path)
    return path


def make_scan_tiff(path: Path, pages: list[list[str]]) -> Path:
    """A multi-page TIFF, one scanned page per list of lines (as a sheet-fed scanner saves a report)."""
    first, *rest = [page_image(lines) for lines in pages]
    first.save(path, save_all=True, append_images=rest, compression="tiff_deflate")
    return path


def make_mixed_pdf(path: Path, text_lines: list[str], scanned_lines: list[str],
                   more_scans: list[list[str]] = ()) -> Path:  # type: ignore[assignment]
    """Page 1 with a text layer, page 2 (and one page per list in ``more_scans``) only an image of
    printed lines (a scanned page)."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("STSong-Light", 12)
    for i, line in enumerate(text_lines):
        c.drawString(60, 770 - 20 * i, line)
    c.showPage()
    for lines in [scanned_lines, *more_scans]:
        png = io.BytesIO()
        page_image(lines).save(png, format="PNG")
        img = ImageReader(io.BytesIO(png.getvalue()))
        w, h = img.getSize()
        c.drawImage(img, 0, A4[1] - h * 72 / 150, width=w * 72 / 150, height=h * 72 / 150)
        c.showPage()
    c.save()
    return path


def make_stamped_scan_pdf(path: Path, scanned_lines: list[str], stamp: str, height: float = 300) -> Path:
    """One page wholly covered by a scanned image of printed lines, with a line of real text over it at
    the foot, as an office system stamps a scan it prints (某区人民政府办公室 … 打印 第1页).
    The page is short (595 × ``height`` pt) so OCR has little to read."""
    import io

    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    page = Image.new("L", (1240, round(height * 150 / 72)), 255)
    page.paste(page_image(scanned_lines), (0, 0))
    png = io.BytesIO()
    page.save(png, format="PNG")
    c = canvas.Canvas(str(path), pagesize=(595, height))
    c.drawImage(ImageReader(io.BytesIO(png.getvalue())), 0, 0, width=595, height=height)
    c.setFont("STSong-Light", 9)
    c.drawString(200, 12, stamp)
    c.showPage()
    c.save()
    return path


def make_scanned_ofd(path: Path, lines: list[str]) -> Path:
    """An OFD of one page that is only a scanned image (an ImageObject over the page), as a scanner
    that saves OFD writes it. The page is as high as the image of ``lines`` (OCR has little to read)."""
    import io

    png = io.BytesIO()
    image = page_image(lines)
    image.save(png, format="PNG")
    height = round(210 * image.height / image.width, 2)
    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("OFD.xml", f'<ofd:OFD {ns} Version="1.0" DocType="OFD"><ofd:DocBody>'
                   "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
        z.writestr("Doc_0/Document.xml", f"<ofd:Document {ns}><ofd:CommonData><ofd:MaxUnitID>30</ofd:MaxUnitID>"
                   f"<ofd:PageArea><ofd:PhysicalBox>0 0 210 {height}</ofd:PhysicalBox></ofd:PageArea>"
                   "<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes></ofd:CommonData>"
                   '<ofd:Pages><ofd:Page ID="10" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>')
        z.writestr("Doc_0/DocumentRes.xml", f'<ofd:Res {ns} BaseLoc="Res"><ofd:MultiMedias>'
                   '<ofd:MultiMedia ID="20" Type="Image"><ofd:MediaFile>scan.png</ofd:MediaFile></ofd:MultiMedia>'
                   "</ofd:MultiMedias></ofd:Res>")
        z.writestr("Doc_0/Res/scan.png", png.getvalue())
        z.writestr("Doc_0/Pages/Page_0/Content.xml", f'<ofd:Page {ns}><ofd:Content><ofd:Layer ID="21">'
                   f'<ofd:ImageObject ID="22" Boundary="0 0 210 {height}" CTM="210 0 0 {height} 0 0" ResourceID="20"/>'
                   "</ofd:Layer></ofd:Content></ofd:Page>")
    return path


def make_structured_odt(path: Path) -> Path:
    """An .odt as LibreOffice writes a report: headings, a Chinese-numbered list, a table, spaces, a note."""
    from odf.opendocument import OpenDocumentText
    from odf.style import ListLevelProperties
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import (
        H,
        LineBreak,
        List,
        ListItem,
        ListLevelStyleNumber,
        ListStyle,
        Note,
        NoteBody,
        NoteCitation,
        P,
        S,
        Span,
        Tab,
    )

    doc = OpenDocumentText()
    style = ListStyle(name="中文编号")
    for level, fmt, prefix, suffix in ((1, "一, 二, 三, ...", "", "、"), (2, "一, 二, 三, ...", "（", "）")):
        lvl = ListLevelStyleNumber(level=level, numformat=fmt, numprefix=prefix, numsuffix=suffix)
        lvl.addElement(ListLevelProperties())
        style.addElement(lvl)
    doc.automaticstyles.addElement(style)
    doc.text.addElement(H(outlinelevel=1, text="某区2021年法治政府建设情况报告"))
    outer = List(stylename="中文编号")
    for title, subs in (("主要举措和成效", ["加强党的领导", "推进依法行政"]), ("存在的不足和原因", [])):
        item = ListItem()
        item.addElement(P(text=title))
        if subs:
            inner = List()
            for sub in subs:
                sub_item = ListItem()
                sub_item.addElement(P(text=sub))
                inner.addElement(sub_item)
            item.addElement(inner)
        outer.addElement(item)
    doc.text.addElement(outer)
    p = P(text="全年办理")
    p.addElement(S(c=2))
    p.addText("行政复议案件")
    note = Note(noteclass="footnote")
    note.addElement(NoteCitation(text="1"))
    body = NoteBody()
    body.addElement(P(text="脚注不属于正文"))
    note.addElement(body)
    p.addElement(note)
    p.addElement(Span(text="59件"))
    p.addElement(Tab())
    p.addText("同比")
    p.addElement(LineBreak())
    p.addText("增长10%。")
    doc.text.addElement(p)
    table = Table(name="统计")
    table.addElement(TableColumn(numbercolumnsrepeated=2))
    for row in (("项目", "数量"), ("复议", "59件")):
        tr = TableRow()
        for value in row:
            cell = TableCell()
            cell.addElement(P(text=value))
            tr.addElement(cell)
        table.addElement(tr)
    doc.text.addElement(table)
    doc.text.addElement(H(outlinelevel=2, text="下一年度安排"))
    doc.save(str(path))
    return path
