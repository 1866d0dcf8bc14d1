"""A report's text as a Word document with comments anchored on exact character spans.

Every line of ``Analysis.text`` becomes one paragraph (blank lines too), so the document's
paragraphs joined by ``\\n`` give the report's text back. The title takes Word's Title style, a
heading line its Heading style, a heading followed by body text on the same line is set in bold,
the signature is right-aligned. The text is untrusted: it is written as plain runs only (never a
field, hyperlink or anything Word would act on), with the characters XML 1.0 cannot hold removed.

A Word comment covers whole runs, so each paragraph is cut into runs at every span boundary that
falls inside it; a comment then runs from the run starting at its span's start to the run ending
at its end. An empty span (a signature missing at the very end) gets an empty run to stand on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import docx
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from reviewer.annotations import Note
from reviewer.model import Analysis, Section, heading_length, walk_sections

# Characters XML 1.0 cannot hold (C0 controls but tab, lone surrogates, U+FFFE/U+FFFF): lxml refuses
# them, Word refuses the file. Newlines never reach a run: each line is its own paragraph.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value: str) -> str:
    return _NOT_XML.sub("", value)


# Fonts of a Chinese government document; Word, WPS and LibreOffice fall back when one is missing.
BODY_FONT, HEADING_FONT, TITLE_FONT = "仿宋", "黑体", "宋体"


def _east_asian(rpr_owner: object, name: str) -> None:
    """Set the East Asian font (python-docx's ``font.name`` sets only the Latin ones)."""
    rpr = rpr_owner.element.get_or_add_rPr()  # type: ignore[attr-defined]
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), name)


def chinese(doc: DocxDocument) -> None:
    """Mark the document's text as Chinese (python-docx's default says en-US): Word, WPS and
    LibreOffice then pick a Chinese font, not a Japanese one, where 仿宋 or 黑体 is missing."""
    for lang in doc.styles.element.iter(qn("w:lang")):
        lang.set(qn("w:val"), "zh-CN")
        lang.set(qn("w:eastAsia"), "zh-CN")


LATIN_FONT = "Times New Roman"
_THEME_FONTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def explicit_fonts(doc: DocxDocument, body: str, by_style: Mapping[str, str]) -> None:
    """Name every font outright: the document's default (``body`` for Chinese, Times New Roman
    for Latin) and the East Asian font of the styles ``by_style``; no theme fonts anywhere.

    python-docx's template names theme fonts (``w:eastAsiaTheme="majorEastAsia"`` …), which win
    over ``w:eastAsia`` and whose theme offers a Japanese face: LibreOffice showed a title in
    ＭＳ ゴシック. Without them every reader takes the font the document names."""
    styles = doc.styles.element
    for rfonts in styles.iter(qn("w:rFonts")):
        for attr in _THEME_FONTS:
            rfonts.attrib.pop(qn(attr), None)
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        for rfonts in defaults.iter(qn("w:rFonts")):
            for attr, value in (("w:ascii", LATIN_FONT), ("w:hAnsi", LATIN_FONT), ("w:cs", LATIN_FONT),
                                ("w:eastAsia", body)):
                rfonts.set(qn(attr), value)
    for name, font in by_style.items():
        _east_asian(doc.styles[name], font)


def new_document() -> DocxDocument:
    """An empty A4 document whose styles read like a Chinese report: black headings, 仿宋 body."""
    doc = docx.Document()
    chinese(doc)
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.size = Pt(12)
    _east_asian(normal, BODY_FONT)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.3
    for name, size in (("Title", 18), ("Heading 1", 15), ("Heading 2", 14), ("Heading 3", 13), ("Heading 4", 12)):
        st = styles[name]
        st.font.size = Pt(size)
        st.font.color.rgb = RGBColor(0, 0, 0)
        st.font.name = "Times New Roman"
        _east_asian(st, TITLE_FONT if name == "Title" else HEADING_FONT)
        st.paragraph_format.space_before = Pt(6)
        st.paragraph_format.space_after = Pt(6)
    styles["Title"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    explicit_fonts(doc, BODY_FONT, {"Title": TITLE_FONT, **{f"Heading {n}": HEADING_FONT for n in (1, 2, 3, 4)}})
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin = section.bottom_margin = Mm(25)
    return doc


@dataclass
class _Layout:
    """Where runs must start and end, and how each line is set."""

    cuts: set[int] = field(default_factory=set)  # offsets where a run must begin or end
    points: set[int] = field(default_factory=set)  # offsets where an empty run is needed
    bold: list[tuple[int, int]] = field(default_factory=list)
    styles: dict[int, str] = field(default_factory=dict)  # line start → paragraph style
    right: set[int] = field(default_factory=set)  # line starts of right-aligned lines


def _anchor(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without newlines at its ends (a paragraph break cannot start or end a run);
    an empty result is a point at ``start``."""
    s, e = start, end
    while s < e and text[s] == "\n":
        s += 1
    while e > s and text[e - 1] == "\n":
        e -= 1
    return (s, e) if s < e else (start, start)


def _layout(a: Analysis, notes: Sequence[Note]) -> _Layout:
    lay = _Layout()
    for n in notes:
        start, end = _anchor(a.text, n.start, n.end)
        if start < end:
            lay.cuts.update((start, end))
        else:
            lay.points.add(start)
    title = a.meta.title_span
    for line in a.lines:
        if title is not None and line.start < title[1] and line.end > title[0]:
            lay.styles[line.start] = "Title"
        elif line.kind == "signature":
            lay.right.add(line.start)
    for sec in walk_sections(a.sections):
        _heading(a.text, sec, lay)
    return lay


def _heading(text: str, s: Section, lay: _Layout) -> None:
    end = s.start + heading_length(s)
    line_end = text.find("\n", s.start)
    line_end = len(text) if line_end == -1 else line_end
    if not text[end:line_end].strip():
        lay.styles.setdefault(s.start, f"Heading {min(max(s.level, 1), 4)}")
    else:  # body text follows on the line: the paragraph stays body text, its heading in bold
        lay.bold.append((s.start, end))
        lay.cuts.update((s.start, end))


@dataclass
class _Runs:
    starting: dict[int, Run] = field(default_factory=dict)
    ending: dict[int, Run] = field(default_factory=dict)
    point: dict[int, Run] = field(default_factory=dict)


def _fill(p: Paragraph, text: str, ls: int, le: int, lay: _Layout, runs: _Runs) -> None:
    """Cut the line ``[ls, le)`` into runs at every boundary inside it."""
    marks = sorted({ls, le} | {c for c in lay.cuts if ls < c < le} | {q for q in lay.points if ls <= q <= le})
    for i, x in enumerate(marks):
        if x in lay.points and x not in runs.point:
            runs.point[x] = p.add_run("")
        nxt = marks[i + 1] if i + 1 < len(marks) else le
        if x < nxt:
            run = p.add_run(xml_safe(text[x:nxt]))
            if any(bs <= x < be for bs, be in lay.bold):
                run.bold = True
            runs.starting[x] = run
            runs.ending[nxt] = run


def write_text(doc: DocxDocument, a: Analysis, notes: Sequence[Note]) -> _Runs:
    """The report's text as paragraphs, cut into runs so that every note has runs to stand on."""
    lay = _layout(a, notes)
    runs = _Runs()
    ls = 0
    for line in a.text.split("\n"):
        le = ls + len(line)
        p = doc.add_paragraph(style=lay.styles.get(ls))
        if ls in lay.right:
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _fill(p, a.text, ls, le, lay, runs)
        ls = le + 1
    return runs


def _word_time(iso: str) -> datetime:
    """The comment's date as Word shows it: Word, WPS and LibreOffice show ``w:date`` as written,
    and Word itself writes local wall-clock time there; so the local time goes in unchanged."""
    try:
        t = datetime.fromisoformat(iso) if iso else datetime.now()
    except ValueError:
        t = datetime.now()
    local = t.astimezone() if t.tzinfo is not None else t
    return local.replace(tzinfo=UTC)


def add_comments(doc: DocxDocument, a: Analysis, notes: Iterable[Note], runs: _Runs) -> int:
    count = 0
    for n in notes:
        s, e = _anchor(a.text, n.start, n.end)
        anchor = [runs.point[s]] if s == e else [runs.starting[s], runs.ending[e]]
        author = xml_safe(n.author)
        comment = doc.add_comment(anchor, text=xml_safe(n.text), author=author, initials=author[:2])
        comment._comment_elm.date = _word_time(n.time)  # python-docx stamps "now"; the decision's time it is
        count += 1
    return count


def annotated_document(a: Analysis, notes: Sequence[Note], header: str, author: str) -> DocxDocument:
    """The report as a Word document with ``notes`` as comments; ``header`` on every page."""
    doc = new_document()
    runs = write_text(doc, a, notes)
    add_comments(doc, a, notes, runs)
    head = doc.sections[0].header.paragraphs[0]
    run = head.add_run(xml_safe(header))
    run.font.size = Pt(9)
    run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    props = doc.core_properties
    props.title = xml_safe(a.meta.title or "")[:250]
    props.author = props.last_modified_by = author
    props.comments = "法治年报审阅器"
    props.created = props.modified = datetime.now(UTC)
    props.revision = 1
    return doc
