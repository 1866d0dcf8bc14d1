"""Word .docx → report text: paragraphs and tables in document order, with Word's own numbering.

python-docx's ``paragraph.text`` leaves out automatic numbering and ``document.paragraphs``
skips tables, so the body is walked in order and list labels are rendered from numbering.xml
and put back at the start of their line, where the reviewer sees them in Word. Heading styles
and list levels become ``LineHint``s for the outline. Text boxes, headers and footers are skipped.

The body is read as Word shows it, not only its plain runs: python-docx's ``paragraph.text`` and
``iter_inner_content`` leave out text inside content controls (``w:sdt``, common in units' templates),
tracked insertions not yet accepted (``w:ins``), smart tags, custom XML and simple fields, so a whole
section in a content control went missing and its part was judged 缺失. Deleted text (``w:delText``,
``w:moveFrom``) and hidden text (``w:vanish``, on the run or through its styles) stay out, as in Word's
final view and print; a paragraph deleted or hidden whole leaves no line. A chunk embedded in the body
(``w:altChunk``, a web page as OA systems export one) is read in its place.
"""

from __future__ import annotations

import io
import re
from typing import Any

from reviewer.formats.base import Context, Extracted, FormatProblem, check_text
from reviewer.formats.docx_hidden import HiddenText, hidden_text
from reviewer.formats.numbering import Numbering, parse_numbering
from reviewer.model import LineHint

_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.I)


def _num_pr(paragraph: Any) -> tuple[str, int] | None:
    """(numId, ilvl) from the paragraph, else from its style chain."""
    ppr = paragraph._p.pPr
    num = ppr.numPr if ppr is not None else None
    style = paragraph.style
    while num is None and style is not None:
        spp = style.element.pPr
        num = spp.numPr if spp is not None else None
        style = style.base_style
    if num is None or num.numId is None:
        return None
    ilvl = num.ilvl.val if num.ilvl is not None else 0
    return str(num.numId.val), int(ilvl)


def _heading_level(paragraph: Any) -> int | None:
    style = paragraph.style
    while style is not None:
        m = _HEADING_STYLE.match(style.name or "")
        if m:
            return int(m.group(1))
        style = style.base_style
    return None


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Every run of the paragraph that Word shows: not those deleted or moved away (tracked), nor those
# of a text box or a ruby's reading, wherever they sit (hyperlinks, content controls, insertions…).
# Nor the prompt an unfilled content control shows (单击或点击此处输入文字). Hidden text (w:vanish, on the
# run or through its styles) is left out by ``HiddenText``: Word neither shows nor prints it, and a unit's
# hidden draft figure was counted.
_SHOWN_RUNS = (".//w:r[not(ancestor::w:del or ancestor::w:moveFrom or ancestor::w:txbxContent or ancestor::w:rt"
               " or ancestor::w:sdt[w:sdtPr/w:showingPlcHdr])]")
# A paragraph with tracked deletions in it, or whose mark is deleted: with no text left, it is gone in Word's
# final view. Its mark may have lost the deletion (LibreOffice saves a .doc so): it is gone all the same.
_DELETED = ("boolean(w:pPr/w:rPr/w:del or w:pPr/w:rPr/w:moveFrom or .//w:del//w:delText"
            " or .//w:moveFrom//w:t)")
_MARK_DELETED = "boolean(w:pPr/w:rPr/w:del or w:pPr/w:rPr/w:moveFrom)"
# Wrappers whose children are paragraphs and tables (or a table's rows, or a row's cells) of their own.
_WRAPPERS = {f"{{{_W}}}sdt", f"{{{_W}}}sdtContent", f"{{{_W}}}customXml"}
_PLACEHOLDER = f"{{{_W}}}sdtPr/{{{_W}}}showingPlcHdr"


def _shown_text(p: Any, hidden: HiddenText) -> str:
    style = hidden.paragraph(p)
    return "".join(r.text for r in p.xpath(_SHOWN_RUNS) if not hidden.run_hidden(r, style))


_ALT_CHUNK = f"{{{_W}}}altChunk"


def _blocks(container: Any) -> Any:
    """The paragraphs, tables and embedded chunks of a body or table cell in order, content controls
    opened."""
    for child in container.iterchildren():
        if child.tag in (f"{{{_W}}}p", f"{{{_W}}}tbl", _ALT_CHUNK):
            yield child
        elif child.tag in _WRAPPERS and child.find(_PLACEHOLDER) is None:  # not an unfilled control's prompt
            yield from _blocks(child)


def _paragraph_line(paragraph: Any, numbering: Numbering | None,
                    hidden: HiddenText) -> tuple[str | None, LineHint | None, int]:
    """(line text, hint with line index 0 to be fixed by the caller, level); text None for a paragraph
    Word shows no line for (all of it hidden, its mark too, or all of it deleted)."""
    text = _shown_text(paragraph._p, hidden)
    if not text and paragraph._p.xpath(_DELETED):
        if numbering is not None and not paragraph._p.xpath(_MARK_DELETED) and (num := _num_pr(paragraph)) is not None:
            # its text deleted, its mark kept: Word still numbers the emptied item, and the next one
            # shows the number after it (the headings after it were numbered one short: a code review)
            numbering.label(*num)
        return None, None, 0  # no line: gone from Word's final view, or an empty item
    if not text and hidden.mark_hidden(paragraph._p):
        if numbering is not None and (num := _num_pr(paragraph)) is not None:
            numbering.label(*num)  # a hidden item still takes its number in Word: the next one shows it
        return None, None, 0
    label = None
    level = _heading_level(paragraph)
    num = _num_pr(paragraph)
    if num is not None and numbering is not None:
        label = numbering.label(*num)  # advanced even for a bullet: it is a step of its list all the same
        if label:  # a bullet item, or one whose numbering is off (numId 0), is body text, not a heading
            if not text.lstrip().startswith(label):
                text = label + text
            level = level or num[1] + 1
    hint = LineHint(0, min(level, 4), label) if level else None
    return text, hint, level or 0


def _numbering(document: Any) -> Numbering | None:
    try:
        part = document.part.numbering_part
    except (KeyError, NotImplementedError):
        return None
    return parse_numbering(part.element)


def _table_lines(tbl: Any, part: Any, hidden: HiddenText) -> list[str]:
    """A table's non-blank paragraphs, row by row and cell by cell, read from its XML: rows and cells
    in content controls (a repeating section) count too. Each merged cell is one element, its
    continuations empty."""
    lines: list[str] = []
    for tr in _children(tbl, f"{{{_W}}}tr"):
        for tc in _children(tr, f"{{{_W}}}tc"):
            lines.extend(_cell_lines(tc, part, hidden))
    return lines


def _children(parent: Any, tag: str) -> Any:
    """``parent``'s children of ``tag``, those inside content controls included."""
    for child in parent.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS and child.find(_PLACEHOLDER) is None:
            yield from _children(child, tag)


def _cell_lines(tc: Any, part: Any, hidden: HiddenText) -> list[str]:
    """A cell's non-blank paragraphs, those in its content controls and nested tables included."""
    out: list[str] = []
    for block in _blocks(tc):
        if block.tag == f"{{{_W}}}tbl":
            out.extend(_table_lines(block, part, hidden))
        elif block.tag == _ALT_CHUNK:
            out.extend(line for line in _chunk_lines(block, part) if line.strip())
        elif (text := _shown_text(block, hidden)).strip():
            out.append(text)
    return out


def load_docx(data: bytes) -> Any:
    """The python-docx document. Raises ValueError/KeyError/zipfile.BadZipFile/PackageNotFoundError on
    a broken file."""
    import docx

    return docx.Document(io.BytesIO(data))


def _body_text(document: Any) -> tuple[str, tuple[LineHint, ...]]:
    """The body's text, line by line as Word shows it, and the heading hints."""
    from docx.text.paragraph import Paragraph

    numbering = _numbering(document)
    hidden = hidden_text(document)
    body = document._body
    lines: list[str] = []
    hints: list[LineHint] = []
    for block in _blocks(document.element.body):
        if block.tag == f"{{{_W}}}tbl":
            lines.extend(_table_lines(block, document.part, hidden))
            continue
        if block.tag == _ALT_CHUNK:
            lines.extend(_chunk_lines(block, document.part))
            continue
        text, hint, _ = _paragraph_line(Paragraph(block, body), numbering, hidden)
        if text is None:
            continue
        if hint is not None:
            hints.append(LineHint(len(lines), hint.level, hint.label))
        lines.extend(text.replace("\r", "").split("\n"))  # a soft line break is a line of its own
    return "\n".join(lines) + "\n", tuple(hints)



# Content an embedded chunk (w:altChunk) may hold, and the reader that reads it. OA systems export a
# web page's body into Word this way: Word shows it in the body's flow, python-docx does not see it.
_CHUNK_READERS = {"text/html": "html", "application/xhtml+xml": "html", "message/rfc822": "mht",
                  "multipart/related": "mht", "text/plain": "txt", "application/rtf": "rtf", "text/rtf": "rtf"}


def _chunk_lines(chunk: Any, part: Any) -> list[str]:
    """The lines of an embedded chunk, read by the reader of its kind; one of another kind (a Word
    document, a spreadsheet) is said, not dropped: the report's body may be in it."""
    from reviewer.formats.registry import BY_NAME

    target = part.related_parts.get(chunk.get(f"{{{_REL}}}id") or "")
    if target is None:
        return []  # a reference to nothing: Word shows nothing either
    kind = target.content_type.split(";")[0].strip().lower()
    if kind not in _CHUNK_READERS:
        raise FormatProblem("unsupported", f"Word 文档的正文中嵌有一段无法读取的内容（{kind}），未读取；"
                                           "请在 Word 中打开，全选正文复制到新文档另存为 .docx 后再试")
    try:
        text = BY_NAME[_CHUNK_READERS[kind]].read(target.blob, Context()).text
    except (FormatProblem, UnicodeDecodeError) as exc:
        raise FormatProblem("corrupt", f"Word 文档的正文中嵌入的{BY_NAME[_CHUNK_READERS[kind]].label}无法读取"
                                       "，请在 Word 中打开并另存为 .docx 后再试") from exc
    return text.rstrip("\n").split("\n")


WHAT = "Word 文档"


def read_docx(data: bytes, ctx: Context) -> Extracted:
    """A .docx whose zip directory and paragraph count passed the caps, read by python-docx."""
    import zipfile

    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    from reviewer.formats.zipguard import check_paragraphs, open_zip, read_member

    with open_zip(data, WHAT) as zf:
        for name in zf.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                check_paragraphs(read_member(zf, name, WHAT), b"p")
    try:
        document = load_docx(data)
        text, hints = _body_text(document)
        pictures = _body_pictures(document) if len("".join(text.split())) < _SCANNED_BELOW else []
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, AttributeError, XMLSyntaxError) as exc:
        # python-docx reports a damaged package through any of these, depending on which part is bad.
        raise FormatProblem("corrupt", "Word 文档已损坏，无法读取；请在 Word 中打开并另存后再试") from exc
    if pictures:  # scanned pages pasted into Word (under a typed title, perhaps): read as the scan they are
        from reviewer.formats.ocr import read_pictures

        try:
            scan = read_pictures(pictures, ctx, "docx+ocr")
        except FormatProblem as problem:
            if problem.kind != "scanned" or not text.strip():
                raise
        else:  # the typed words first: the title and the like stand above the pages
            typed = text.strip()
            return Extracted(f"{typed}\n{scan.text}" if typed else scan.text, scan.format, None, (),
                             tuple((a + len(typed) + 1, b + len(typed) + 1, c) for a, b, c in scan.uncertain)
                             if typed else scan.uncertain)
    return Extracted(check_text(text, 0), "docx", None, hints)


# Characters of typed text: fewer, and the document's pictures are its pages (a title of 20 characters
# and a line or two may stand above them); a picture with no words in it leaves the typed text alone.
_SCANNED_BELOW = 300


def _body_pictures(document: Any) -> list[bytes]:
    """The pictures of the document's body, in order (a scanned report pasted into Word page by page)."""
    related = document.part.related_parts
    ids = [el.get(_EMBED) or el.get(_RID) for el in document.element.body.iter(_BLIP, _VML_IMAGE)]
    return [related[i].blob for i in ids if i in related]


_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"  # a picture (DrawingML)
_VML_IMAGE = "{urn:schemas-microsoft-com:vml}imagedata"  # a picture as older Word and WPS save it
_EMBED, _RID = f"{{{_REL}}}embed", f"{{{_REL}}}id"
