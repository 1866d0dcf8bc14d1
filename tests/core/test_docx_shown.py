"""A .docx is read as Word shows it: text in content controls, tracked insertions, smart tags and simple
fields is there, text deleted with changes tracked is not (found by a reviewer session: a section in a
content control was judged 缺失)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from reviewer.analyze import analyze_document
from reviewer.load import load
from tests.conftest import SEED_FILES
from tests.core import format_fixtures as ff

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _wrap(element: object, *tags: str) -> object:
    """``element`` moved inside nested new elements ``tags[0]/tags[1]/…`` (at its place, if it has one)."""
    from lxml import etree

    outer = inner = etree.Element(qn(tags[0]))
    for tag in tags[1:]:
        inner = etree.SubElement(inner, qn(tag))
    if element.getparent() is not None:  # type: ignore[attr-defined]
        element.addprevious(outer)  # type: ignore[attr-defined]
    inner.append(element)
    return outer


def _run(text: str, tag: str = "w:t") -> object:
    from lxml import etree

    r = etree.Element(qn("w:r"))
    etree.SubElement(r, qn(tag)).text = text
    return r


def test_a_section_in_a_content_control_and_tracked_changes_read_as_word_shows_them(tmp_path: Path) -> None:
    lines = ff.seed_lines(SEED_FILES[0].read_text(encoding="utf-8"))
    start = next(i for i, ln in enumerate(lines) if ln.startswith("二、"))
    end = next(i for i, ln in enumerate(lines) if ln.startswith("三、"))
    document = docx.Document()
    paragraphs = [document.add_paragraph(ln) for ln in lines]
    control = _wrap(paragraphs[start]._p, "w:sdt", "w:sdtContent")  # the section's heading and body
    for p in paragraphs[start + 1 : end]:
        control[0].append(p._p)  # type: ignore[index]
    last = paragraphs[end + 1]._p
    last.append(_wrap(_run("（新增内容）"), "w:ins"))
    last.append(_wrap(_run("（已删除内容）", "w:delText"), "w:del"))
    last.append(_wrap(_run("（智能标记）"), "w:smartTag"))
    last.append(_wrap(_run("（行内控件）"), "w:sdt", "w:sdtContent"))
    path = tmp_path / "section_in_control.docx"
    document.save(str(path))
    doc = load(path)
    shown = doc.text.splitlines()
    assert shown[start : end] == lines[start:end]  # the whole section, in its place
    assert shown[end + 1] == lines[end + 1] + "（新增内容）（智能标记）（行内控件）"
    assert "已删除内容" not in doc.text
    plain = analyze_document(load(SEED_FILES[0]))
    made = analyze_document(doc)
    assert made.parts["shortcomings"].status == plain.parts["shortcomings"].status == "found"


def test_a_table_cells_content_control_and_nested_table_are_read(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).paragraphs[0].add_run("受理行政复议案件")
    cell = table.cell(0, 1)
    cell.paragraphs[0].add_run("59件")
    _wrap(cell.paragraphs[0]._p, "w:sdt", "w:sdtContent")
    inner = cell.add_table(rows=1, cols=1)
    inner.cell(0, 0).paragraphs[0].add_run("其中纠错12件")
    path = tmp_path / "table.docx"
    document.save(str(path))
    assert load(path).text == "受理行政复议案件\n59件\n其中纠错12件\n"


def test_a_rows_and_a_cells_content_control_are_read_and_an_unfilled_prompt_is_not(tmp_path: Path) -> None:
    """Found in a review: a table row in a content control (a repeating section) and a cell in one
    vanished; an unfilled control's prompt was read as the report's words."""
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate((("行一列一", "行一列二"), ("行二列一", "行二列二"))):
        for c, value in enumerate(row):
            table.cell(r, c).paragraphs[0].add_run(value)
    _wrap(table.rows[1]._tr, "w:sdt", "w:sdtContent")
    _wrap(table.cell(0, 1)._tc, "w:sdt", "w:sdtContent")
    prompt = document.add_paragraph()
    control = _wrap(_run("单击或点击此处输入文字。"), "w:sdt", "w:sdtContent")
    from lxml import etree

    pr = etree.Element(qn("w:sdtPr"))
    etree.SubElement(pr, qn("w:showingPlcHdr"))
    control.insert(0, pr)  # type: ignore[attr-defined]
    prompt._p.append(control)
    document.add_paragraph("特此报告。")
    path = tmp_path / "table.docx"
    document.save(str(path))
    assert load(path).text == "行一列一\n行一列二\n行二列一\n行二列二\n\n特此报告。\n"


def _outline(path: Path) -> list[tuple[int, str]]:
    def walk(sections: tuple[object, ...]) -> list[tuple[int, str]]:
        out: list[tuple[int, str]] = []
        for s in sections:
            out.append((s.level, s.heading))  # type: ignore[attr-defined]
            out.extend(walk(s.children))  # type: ignore[attr-defined]
        return out

    return walk(analyze_document(load(path)).sections)


@pytest.mark.parametrize("item", ["bullet", "numbering off"])
def test_a_bullet_list_and_a_paragraph_with_numbering_off_are_body_text_not_chapters(tmp_path: Path, item: str) -> None:
    """Found in a review: three bullet items under 一、 (or List Paragraphs with numId 0) became level-1
    chapters and 二、 was said not to follow on from them."""
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("某某区人民政府关于2021年度法治政府建设情况的报告")
    document.add_paragraph("一、主要举措和成效", style="Heading 1")
    document.add_paragraph("我区重点抓了以下三项工作：")
    for words in ("健全法律顾问制度", "完善行政执法公示", "推行权责清单动态调整"):
        if item == "bullet":
            document.add_paragraph(words, style="List Bullet")
        else:
            p = document.add_paragraph(words, style="List Paragraph")
            p._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr xmlns:w="{_W}"><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'))
    document.add_paragraph("全年办理行政复议案件59件。")
    document.add_paragraph("二、存在的不足和原因", style="Heading 1")
    document.add_paragraph("执法队伍力量不足。")
    path = tmp_path / "bullets.docx"
    document.save(str(path))
    doc = load(path)
    assert "\n健全法律顾问制度\n完善行政执法公示\n推行权责清单动态调整\n" in doc.text
    assert [(h.level, h.label) for h in doc.hints] == [(1, None), (1, None)]
    assert _outline(path) == [(1, "一、主要举措和成效"), (1, "二、存在的不足和原因")]
    analysis = analyze_document(doc)
    assert not [f for f in analysis.findings if f.kind == "heading_numbering"]


def test_hidden_text_is_left_out_as_word_neither_shows_nor_prints_it(tmp_path: Path) -> None:
    """Found in a review: a run formatted hidden (w:vanish) was read, and its 7777件 became a figure."""
    from lxml import etree

    document = docx.Document()
    p = document.add_paragraph("全年办理行政复议案件59件。")
    hidden = _run("【隐藏文字】本年度共办理行政复议案件7777件。")
    pr = etree.Element(qn("w:rPr"))
    etree.SubElement(pr, qn("w:vanish"))
    hidden.insert(0, pr)  # type: ignore[attr-defined]
    p._p.append(hidden)
    shown = _run("其中纠错12件。")
    pr = etree.Element(qn("w:rPr"))
    etree.SubElement(pr, qn("w:vanish")).set(qn("w:val"), "0")  # hiding switched off again: shown
    shown.insert(0, pr)  # type: ignore[attr-defined]
    p._p.append(shown)
    path = tmp_path / "hidden.docx"
    document.save(str(path))
    doc = load(path)
    assert doc.text == "全年办理行政复议案件59件。其中纠错12件。\n"
    assert [m.text for m in analyze_document(doc).metrics] == ["59件", "12件"]


def _with_chunk(path: Path, content_type: str, blob: bytes, name: str = "afchunk.htm") -> Path:
    """A .docx whose body is a title, an embedded chunk (w:altChunk) and a closing line, as OA systems
    export a web page's body into Word."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from lxml import etree

    document = docx.Document()
    document.add_paragraph("庐阳区人民政府关于2020年度法治政府建设情况的报告")
    closing = document.add_paragraph("庐阳区人民政府")
    part = Part(PackURI(f"/word/{name}"), content_type, blob, document.part.package)
    chunk = etree.Element(qn("w:altChunk"))
    chunk.set(qn("r:id"), document.part.relate_to(part, RT.A_F_CHUNK))
    closing._p.addprevious(chunk)
    document.save(str(path))
    return path


def test_an_embedded_web_page_in_a_docx_is_read_in_its_place(tmp_path: Path) -> None:
    """Found in a review: a .docx whose body is an embedded HTML chunk read as its title alone."""
    page = ("<html><head><meta charset='gb2312'><script>var a = '脚本';</script></head><body>"
            "<p>一、主要举措和成效</p><p>全年办理行政复议案件59件。</p><p>二、存在的不足和原因</p>"
            "<table><tr><td>项目</td><td>数量</td></tr></table></body></html>").encode("gb18030")
    doc = load(_with_chunk(tmp_path / "chunk.docx", "text/html", page))
    assert doc.text == ("庐阳区人民政府关于2020年度法治政府建设情况的报告\n一、主要举措和成效\n"
                        "全年办理行政复议案件59件。\n二、存在的不足和原因\n\n项目\n数量\n"  # as the page alone reads
                        "庐阳区人民政府\n")
    assert [(s.level, s.heading) for s in analyze_document(doc).sections] == [
        (1, "一、主要举措和成效"), (1, "二、存在的不足和原因")]


def test_an_embedded_chunk_of_a_kind_not_read_is_said_not_dropped(tmp_path: Path) -> None:
    from reviewer.load import ReportLoadError

    path = _with_chunk(tmp_path / "嵌入.docx", "application/vnd.ms-excel", b"\xd0\xcf\x11\xe0", "chunk.xls")
    with pytest.raises(ReportLoadError) as caught:
        load(path)
    assert caught.value.as_record().message == (
        "嵌入.docx：Word 文档的正文中嵌有一段无法读取的内容（application/vnd.ms-excel），未读取；"
        "请在 Word 中打开，全选正文复制到新文档另存为 .docx 后再试")


def test_text_hidden_through_a_style_is_left_out_as_word_neither_shows_nor_prints_it(tmp_path: Path) -> None:
    """Text hidden by its paragraph's or its run's style (w:vanish in the style, or in one it is based on)
    was read though Word hides it; a style based on a hidden one that switches hiding off shows its text."""
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    draft = document.styles.add_style("草稿段落", WD_STYLE_TYPE.PARAGRAPH)
    draft.font.hidden = True
    shown = document.styles.add_style("正式段落", WD_STYLE_TYPE.PARAGRAPH)
    shown.base_style, shown.font.hidden = draft, False  # w:vanish w:val="0": hiding switched off again
    inherits = document.styles.add_style("草稿子段落", WD_STYLE_TYPE.PARAGRAPH)
    inherits.base_style = draft  # hidden by what it is based on
    hidden_chars = document.styles.add_style("隐藏字", WD_STYLE_TYPE.CHARACTER)
    hidden_chars.font.hidden = True
    child_chars = document.styles.add_style("隐藏字子", WD_STYLE_TYPE.CHARACTER)
    child_chars.base_style = hidden_chars
    document.add_paragraph("全年办理行政复议案件59件。")
    document.add_paragraph("【草稿】本年度共办理行政复议案件7777件。", style=draft)
    document.add_paragraph("其中纠错12件。", style=shown)
    document.add_paragraph("【草稿】行政诉讼案件6666件。", style=inherits)
    p = document.add_paragraph("行政诉讼案件")
    p.add_run("8888件", style=child_chars)
    p.add_run("31件。")
    cell = document.add_table(rows=1, cols=2).rows[0].cells
    cell[0].paragraphs[0].add_run("复议纠错率")
    cell[1].paragraphs[0].add_run("9999%", style=hidden_chars)
    # hiding toggles: a hidden character style in a hidden paragraph style shows (a code review)
    document.add_paragraph(style=draft).add_run("应诉率100%。", style=hidden_chars)
    path = tmp_path / "hidden_by_style.docx"
    document.save(str(path))
    doc = load(path)
    assert doc.text == "全年办理行政复议案件59件。\n其中纠错12件。\n行政诉讼案件31件。\n复议纠错率\n应诉率100%。\n"
    assert [m.text for m in analyze_document(doc).metrics] == ["59件", "12件", "31件", "100%"]


def test_an_item_whose_text_alone_was_deleted_keeps_its_number_in_the_list(tmp_path: Path) -> None:
    """Found by a code review: a numbered item whose text was deleted with changes tracked, its mark
    kept, is an empty item Word still numbers; the reader dropped it with its number, and the headings
    after it read 二、三、 where the report shows 三、四、. Deleted with its mark, it takes no number."""
    from lxml import etree

    document = docx.Document()
    numbering = document.part.numbering_part.element
    abstract = etree.SubElement(numbering, qn("w:abstractNum"), {qn("w:abstractNumId"): "90"})
    level = etree.SubElement(abstract, qn("w:lvl"), {qn("w:ilvl"): "0"})
    etree.SubElement(level, qn("w:start"), {qn("w:val"): "1"})
    etree.SubElement(level, qn("w:numFmt"), {qn("w:val"): "chineseCounting"})
    etree.SubElement(level, qn("w:lvlText"), {qn("w:val"): "%1、"})
    numbering.insert(0, abstract)
    etree.SubElement(etree.SubElement(numbering, qn("w:num"), {qn("w:numId"): "90"}), qn("w:abstractNumId"),
                     {qn("w:val"): "90"})

    def item(text: str, deleted: str = "") -> None:
        p = document.add_paragraph()
        number = etree.SubElement(p._p.get_or_add_pPr(), qn("w:numPr"))
        etree.SubElement(number, qn("w:ilvl"), {qn("w:val"): "0"})
        etree.SubElement(number, qn("w:numId"), {qn("w:val"): "90"})
        if not deleted:
            p.add_run(text)
            return
        change = {qn("w:id"): "5", qn("w:author"): "审阅人"}
        if deleted == "mark too":
            etree.SubElement(etree.SubElement(p._p.pPr, qn("w:rPr")), qn("w:del"), change)
        gone = etree.SubElement(p._p, qn("w:del"), change)
        etree.SubElement(etree.SubElement(gone, qn("w:r")), qn("w:delText")).text = text

    item("主要举措和成效")
    item("旧标题", deleted="text")
    item("存在的不足和原因")
    item("删去的一段", deleted="mark too")
    item("下一年度工作安排")
    path = tmp_path / "删去文字的编号项.docx"
    document.save(str(path))
    assert load(path).text == "一、主要举措和成效\n三、存在的不足和原因\n四、下一年度工作安排\n"
