"""Regenerate review_letter.docx, the built-in template of the review letter (审阅意见书).

Usage (from the repository root): python resources/letters/make_template.py

The office may instead edit review_letter.docx (or a copy chosen in 设置) in Word or WPS: any
placeholder of README.md may stand anywhere in the text, a table, a header or a footer.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

HERE = Path(__file__).resolve().parent
OUT = HERE / "review_letter.docx"
FACTS = (("报告单位", "{单位}"), ("报告标题", "{标题}"), ("报告年度", "{年度}"), ("发布日期", "{发布日期}"),
         ("必备部分", "{必备部分}"), ("审阅结论", "{审阅结论}"))
SECTIONS = (("一、总体意见", "{总体意见}", "Normal"), ("二、需补充完善的核查项", "{缺项}", "List Bullet"),
            ("三、审阅认定不符合的事项", "{不符合项}", "List Bullet"), ("四、文字和形式问题", "{主要问题}", "List Bullet"))


def _font(style: object, east_asian: str, size: float) -> None:
    style.font.size = Pt(size)  # type: ignore[attr-defined]
    style.font.name = "Times New Roman"  # type: ignore[attr-defined]
    rpr = style.element.get_or_add_rPr()  # type: ignore[attr-defined]
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), east_asian)


def _para(doc: docx.document.Document, text: str, *, bold: bool = False, align: int | None = None,
          style: str = "Normal", size: float | None = None) -> None:
    p = doc.add_paragraph(style=style)
    run = p.add_run(text)
    run.bold = bold
    if size:
        run.font.size = Pt(size)
    if align is not None:
        p.alignment = align


def build() -> docx.document.Document:
    doc = docx.Document()
    for lang in doc.styles.element.iter(qn("w:lang")):  # Chinese text: Chinese fallback fonts
        lang.set(qn("w:val"), "zh-CN")
        lang.set(qn("w:eastAsia"), "zh-CN")
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin = section.bottom_margin = Mm(22)
    _font(doc.styles["Normal"], "仿宋", 11)
    doc.styles["Normal"].paragraph_format.space_after = Pt(2)
    _font(doc.styles["List Bullet"], "仿宋", 10.5)
    _para(doc, "法治政府建设年度报告审阅意见书", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=18)
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for label, value in FACTS:
        cells = table.add_row().cells
        cells[0].width, cells[1].width = Mm(30), Mm(130)
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].paragraphs[0].add_run(value)
    for column, width in zip(table.columns, (Mm(30), Mm(130)), strict=True):
        column.width = width  # the grid LibreOffice and WPS lay the table out by
    _para(doc, "")
    _para(doc, "{单位}：")
    _para(doc, "　　你单位报送的《{标题}》已经审阅。现将审阅意见反馈如下，请对照修改完善；"
               "需修改之处已在随附的批注版（{批注版}）中逐处标注。")
    for heading, value, style in SECTIONS:
        _para(doc, heading, bold=True)
        _para(doc, value, style=style)
    _para(doc, "")
    for line in ("审阅单位：{审阅单位}（盖章）", "审阅人：{审阅人}", "日期：{审阅日期}"):
        _para(doc, line, align=WD_ALIGN_PARAGRAPH.RIGHT)
    footer = section.footer.paragraphs[0]
    footer.text = "报告文件：{文件}"
    footer.runs[0].font.size = Pt(8)
    props = doc.core_properties
    props.title, props.author, props.comments = "审阅意见书", "法治年报审阅器", "模板：占位符见 README.md"
    return doc


if __name__ == "__main__":
    build().save(OUT)
    print(OUT)
