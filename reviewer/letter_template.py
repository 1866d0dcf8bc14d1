"""The built-in template of the review letter (审阅意见书), in Chinese or English.

Its fixed sentences are the catalogue's (``reviewer.messages``, ids ``letter.t.*``), so the letter
reads in one language and in the program's one vocabulary; its placeholders (``reviewer.letter``)
are filled per report. resources/letters/review_letter.docx is the Chinese one saved as a file,
for an office to copy and edit (resources/letters/make_template.py writes it from here).

Fonts are named outright as a Chinese official letter sets them: the title and headings in 黑体,
the text in 仿宋 (Times New Roman for Latin), with no theme font for a reader to replace.
"""

from __future__ import annotations

import io
from functools import cache

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from reviewer.messages import Message
from reviewer.vocab import Lang
from reviewer.wordfile import chinese, explicit_fonts

BODY_FONT, HEADING_FONT = "仿宋", "黑体"
# (label, placeholder) of the table at the top; the 报送文件 row is left out when the file name is not the unit's
FACTS = (("letter.t.unit", "单位"), ("letter.t.title_row", "标题"), ("letter.t.year", "年度"),
         ("letter.t.file", "文件"), ("letter.t.published", "发布日期"), ("letter.t.parts", "必备部分"),
         ("letter.t.status", "审阅状态"))
SECTIONS = (("letter.t.overall", "总体意见", "Normal"), ("letter.t.gaps", "缺项", "List Bullet"),
            ("letter.t.failed", "不符合项", "List Bullet"), ("letter.t.problems", "主要问题", "List Bullet"))
SIGNATURE = ("letter.t.office", "letter.t.reviewer", "letter.t.date")
TITLE_STYLE, HEADING_STYLE = "Letter Title", "Letter Heading"


def text(id: str, lang: Lang) -> str:
    """A fixed sentence of the letter with its placeholders left as ``{名}`` for filling."""
    from reviewer.letter import PLACEHOLDERS

    return Message(id, tuple((p, "{" + p + "}") for p in PLACEHOLDERS)).render(lang)


def _para(doc: DocxDocument, content: str, *, style: str = "Normal", align: WD_ALIGN_PARAGRAPH | None = None,
          indent: bool = False) -> None:
    p = doc.add_paragraph(style=style)
    p.add_run(content)
    if align is not None:
        p.alignment = align
    if indent:
        p.paragraph_format.first_line_indent = Pt(22)  # two characters of the body's size


def build(lang: Lang = "zh") -> DocxDocument:
    doc = docx.Document()
    chinese(doc)  # the report's quotes are Chinese in either language
    if lang == "en":  # English words break and hyphenate as English
        for tag in doc.styles.element.iter(qn("w:lang")):
            tag.set(qn("w:val"), "en-US")
    _page_and_styles(doc)
    _para(doc, text("letter.t.heading", lang), style=TITLE_STYLE)
    _facts_table(doc, lang)
    _para(doc, "")
    _para(doc, text("letter.t.salutation", lang))
    _para(doc, "{审阅说明}", indent=lang == "zh")
    for label, field, style in SECTIONS:
        _para(doc, text(label, lang), style=HEADING_STYLE)
        _para(doc, "{" + field + "}", style=style)
    _para(doc, "")
    for line in SIGNATURE:
        _para(doc, text(line, lang), align=WD_ALIGN_PARAGRAPH.RIGHT)
    props = doc.core_properties
    props.title, props.author = text("letter.t.heading", lang), "法治年报审阅器"
    props.comments = "模板：占位符见 resources/letters/README.md"
    return doc


def _page_and_styles(doc: DocxDocument) -> None:
    """A4 with the letter's margins; the body, title and heading styles with explicit fonts."""
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin = section.bottom_margin = Mm(22)
    styles = doc.styles
    styles["Normal"].font.size = Pt(11)
    styles["Normal"].paragraph_format.space_after = Pt(2)
    styles["List Bullet"].font.size = Pt(10.5)
    title = styles.add_style(TITLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    title.base_style = styles["Normal"]
    title.font.size = Pt(18)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(10)
    heading = styles.add_style(HEADING_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    heading.base_style = styles["Normal"]
    heading.font.size = Pt(12)
    heading.paragraph_format.space_before = Pt(6)
    heading.paragraph_format.keep_with_next = True
    explicit_fonts(doc, BODY_FONT, {"Normal": BODY_FONT, "List Bullet": BODY_FONT, TITLE_STYLE: HEADING_FONT,
                                    HEADING_STYLE: HEADING_FONT})


def _facts_table(doc: DocxDocument, lang: Lang) -> None:
    """The report's facts (unit, year, …) as label | placeholder rows."""
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = (Mm(30), Mm(130)) if lang == "zh" else (Mm(40), Mm(120))
    for label, field in FACTS:
        cells = table.add_row().cells
        cells[0].width, cells[1].width = widths
        cells[0].paragraphs[0].add_run(text(label, lang)).bold = True
        cells[1].paragraphs[0].add_run("{" + field + "}")
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid LibreOffice and WPS lay the table out by


@cache
def builtin(lang: Lang = "zh") -> bytes:
    """The built-in template as a .docx file's bytes."""
    buf = io.BytesIO()
    build(lang).save(buf)
    return buf.getvalue()
