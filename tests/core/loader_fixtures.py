"""Build docx / pdf / html report files from seed text at test time (no binary fixtures in git)."""

from __future__ import annotations

from pathlib import Path

ABSTRACT = """
<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>"""
NUM = """<w:num xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:numId="90">
  <w:abstractNumId w:val="90"/></w:num>"""


def _number(paragraph: object, ilvl: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    num_pr = OxmlElement("w:numPr")
    lvl = OxmlElement("w:ilvl")
    lvl.set(qn("w:val"), str(ilvl))
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), "90")
    num_pr.append(lvl)
    num_pr.append(nid)
    ppr.insert(0, num_pr)


def make_docx(path: Path, blocks: list[tuple[int | None, str]], table: list[list[str]] | None = None) -> Path:
    """``blocks``: (list level or None, text). Level 0/1/2 are auto-numbered 一、/（一）/1. lists."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(ABSTRACT))
    numbering.append(parse_xml(NUM))
    for level, text in blocks:
        p = document.add_paragraph(text)
        if level is not None:
            _number(p, level)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    document.add_paragraph("特此报告。")
    document.save(str(path))
    return path


def make_pdf(path: Path, lines: list[str]) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4)
    y = 800
    for line in lines:
        if y < 60:
            c.showPage()
            y = 800
        c.setFont("STSong-Light", 10)
        c.drawString(40, y, line)
        y -= 16
    c.save()
    return path


def make_scanned_pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.rect(50, 50, 400, 600, fill=1)
    c.save()
    return path


def make_html(path: Path, lines: list[str], encoding: str = "gb18030") -> Path:
    paragraphs = "\n".join(f"<p>{line}&nbsp;</p>" for line in lines)
    page = f"""<!DOCTYPE html><html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>页面标题</title>
<script>var tracker = "脚本不应出现";</script><style>p {{ margin: 0 }}</style></head>
<body><div class="nav-bar">首页 | 政务公开 | 互动交流</div>
<div class="article">{paragraphs}</div>
<div id="footer">网站地图 联系我们</div></body></html>"""
    path.write_bytes(page.encode(encoding))
    return path


def make_columns_pdf(path: Path, title: str, left: list[str], right: list[str], x_right: float = 320) -> Path:
    """One page: a full-width title, then ``left`` and ``right`` printed side by side."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("STSong-Light", 16)
    c.drawString(100, 800, title)
    c.setFont("STSong-Light", 10)
    for i, (a, b) in enumerate(zip(left, right, strict=True)):
        c.drawString(40, 760 - 16 * i, a)
        c.drawString(x_right, 760 - 16 * i, b)
    c.save()
    return path


NO_LINE_START = "、，。；：？！）》」』”’%"  # kinsoku: Word never starts a wrapped line with these


def make_wrapped_pdf(path: Path, paragraphs: list[str], width: float = 480) -> Path:
    """Paragraphs hard-wrapped at ``width`` pt as Word's "save as PDF" prints them: the first line
    indented two characters, and no line starting with closing punctuation (it stays on the line above)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4)
    y = 800.0
    for para in paragraphs:
        rows: list[str] = [""]
        for ch in para:
            indent = 24 if len(rows) == 1 else 0
            full = pdfmetrics.stringWidth(rows[-1] + ch, "STSong-Light", 12) + indent > width
            if full and ch not in NO_LINE_START:
                rows.append("")
            rows[-1] += ch
        for i, row in enumerate(rows):
            if y < 60:
                c.showPage()
                y = 800.0
            c.setFont("STSong-Light", 12)
            c.drawString(40 + (24 if i == 0 else 0), y, row)
            y -= 18
    c.save()
    return path
