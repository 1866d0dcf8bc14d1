"""RTF (as WPS, Word and older systems export it) → report text.

striprtf (BSD-3, maintained) does the parsing and was checked on the cases Chinese RTF needs:
``\\'hh`` bytes decoded in the document's code page (``\\ansicpg936`` → GBK) or in the font's
(``\\fcharset134`` under ``\\ansicpg1252``, as Word writes it), ``\\uN`` with negative N and
``\\ucN`` fallbacks, skipped destinations (``{\\*…}``, font/colour tables, stylesheet, info,
pictures), field results kept, ``\\par``/``\\line`` as line ends. What it needs from us is the
code page, read from the header, and the document as Word's final view shows it (``_prepare``).
"""

from __future__ import annotations

import re

from reviewer.formats.base import Context, Extracted, FormatProblem, check_text

_CODEPAGE = re.compile(rb"\\ansicpg(\d+)")
# GB18030 decodes all of GBK/GB2312 and more; Python has no "cp936" that is as complete.
_CODECS = {"936": "gb18030", "54936": "gb18030", "950": "cp950", "65001": "utf-8"}


def _codec(data: bytes) -> str:
    m = _CODEPAGE.search(data[:4096])
    if m is None:
        return "cp1252"  # RTF's own default (\ansi)
    page = m.group(1).decode("ascii")
    codec = _CODECS.get(page, f"cp{page}")
    try:
        "".encode(codec)
    except LookupError:
        return "cp1252"
    return codec


def _cut_short(data: bytes) -> bool:
    """Whether the document ends inside its groups: a file cut off in transfer. Its text would read
    as a whole report that lacks its later parts, and the unit be blamed for them. A file with raw
    8-bit text is not judged: a GBK character's second byte can be a brace."""
    if not data.isascii():
        return False
    bare = data.replace(b"\\\\", b"").replace(b"\\{", b"").replace(b"\\}", b"")
    return bare.count(b"{") > bare.count(b"}")


# RTF's tokens: a control word (its one delimiting space with it), a hex byte, a control symbol, a brace,
# a run of plain text.
_TOKEN = re.compile(r"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'[0-9a-fA-F]{2}|\\[^a-zA-Z]|[{}]|[^\\{}]+|\\")
# Control words that put text on the page (striprtf's special characters among them).
_TEXT_WORDS = frozenset({"u", "par", "line", "tab", "emdash", "endash", "emspace", "enspace", "qmspace",
                         "bullet", "lquote", "rquote", "ldblquote", "rdblquote", "cell", "nestcell", "row",
                         "nestrow", "sect", "page"})


# A cell's or a row's end, put in for striprtf's "|" (which a report's own text may hold too) and
# made a line end afterwards: a Unicode noncharacter, never in a report.
_CELL_END = "\ufdd0"
_CELL_WORDS = frozenset({"cell", "nestcell", "row", "nestrow"})


def _prepare(source: str) -> str:
    """``source`` as Word shows it, for striprtf to read:

    - without tracked deletions: text written while ``\\deleted`` is on (to the end of its group,
      ``\\deleted0`` or ``\\plain``), paragraph marks included, as in the final view; striprtf read them,
      so a unit's deleted 9999件 was counted. Insertions stay.
    - cell and row ends marked with ``_CELL_END`` (see ``_cells_as_lines``).
    - an automatic number (a ``{\\listtext}`` group) without the spaces and the tab around it: striprtf
      gave " 一、\\t标题", and a .docx gives "一、标题".
    """
    out: list[str] = []
    stack: list[tuple[bool, bool]] = []
    deleted = listtext = False
    for m in _TOKEN.finditer(source):
        token, word = m.group(0), m.group(1)
        if token == "{":
            stack.append((deleted, listtext))
        elif token == "}":
            deleted, listtext = stack.pop() if stack else (False, False)
        elif word == "deleted":
            deleted = m.group(2) != "0"
        elif word in ("plain", "listtext"):
            deleted, listtext = False, listtext or word == "listtext"
        elif deleted and (word in _TEXT_WORDS or (not word and token != "\\*")):
            continue  # text (a run, a hex byte, a symbol, \\u with its fallback) of the deleted part
        elif listtext and (word == "tab" or (not word and token[0] != "\\")):
            token = "" if word else token.strip()
        elif word in _CELL_WORDS:
            token = "{}" + _CELL_END  # the group resets striprtf's count of \\u fallbacks to skip
        out.append(token)
    return "".join(out)


# Control words that end a paragraph, for ``_pntext_as_labels``.
_PARAGRAPH_ENDS = frozenset({"par", "sect", "page"}) | _CELL_WORDS


def _pntext_as_labels(source: str) -> str:
    """``source`` with each Word 6/95-style number label (a ``{\\pntext 一、\\tab}`` group, as older Word
    and WordPad write it; striprtf drops it as a destination, and a heading lost its number) made a
    ``{\\listtext}`` group, which is read as the paragraph's leading text. Not in a paragraph whose number
    is in a ``{\\listtext}`` group already (newer writers give both: the number would stand twice), nor
    for a bullet (``\\pnlvlblt``): a bullet is no number, and a .docx gives none either."""
    out: list[str] = []
    paragraph: list[str] = []
    listtext = bullet = False
    for m in _TOKEN.finditer(source):
        token, word = m.group(0), m.group(1)
        listtext = listtext or word == "listtext"
        # A bullet is said after the paragraph's \pard; one before it is the header's list definitions
        # ({\*\pnseclvl11\pnlvlblt …}), which took the first paragraph's number away.
        bullet = (bullet or word == "pnlvlblt") and word != "pard"
        paragraph.append(token)
        if word in _PARAGRAPH_ENDS:
            out.extend(_with_labels(paragraph, listtext or bullet))
            paragraph, listtext, bullet = [], False, False
    out.extend(_with_labels(paragraph, listtext or bullet))
    return "".join(out)


def _with_labels(tokens: list[str], labelled: bool) -> list[str]:
    """A paragraph's tokens, its \\pntext groups made \\listtext ones unless it is ``labelled``."""
    if labelled:
        return tokens
    return ["\\listtext " if re.fullmatch(r"\\pntext ?", t) else t for t in tokens]


def _cells_as_lines(text: str) -> str:
    """Each non-blank paragraph of a table cell on a line of its own, as the .docx reader gives them
    (striprtf wrote "项目|2019年|2020年|")."""
    return re.sub(rf"\s*(?:{_CELL_END}\s*)+", "\n", text) if _CELL_END in text else text


def read_rtf(data: bytes, ctx: Context) -> Extracted:
    from striprtf.striprtf import rtf_to_text

    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"{\\rtf"):
        raise FormatProblem("corrupt", "不是有效的 RTF 文档（缺少 {\\rtf 文件头），可能已损坏")
    if _cut_short(head):
        raise FormatProblem("truncated", "RTF 文档不完整（文件在正文中间结束，可能没有传完或已损坏），无法完整读取；"
                                       "请让报送单位重新发送")
    codec = _codec(head)
    # RTF is 7-bit by rule, but some writers put raw 8-bit text in; it is in the document's code page.
    source = head.decode(codec, errors="replace")
    if "\\pntext" in source:
        source = _pntext_as_labels(source)
    if any(word in source for word in ("\\deleted", "\\cell", "\\row", "\\listtext")):
        source = _prepare(source)
    try:
        text = rtf_to_text(source, encoding=codec, errors="replace")  # type: ignore[no-untyped-call]  # untyped library
    except (ValueError, IndexError, KeyError, LookupError) as exc:
        raise FormatProblem("corrupt", "RTF 文档已损坏，无法读取") from exc
    # \uN gives UTF-16 code units: a character outside the BMP arrives as two surrogates to pair up.
    text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    text = _cells_as_lines(text.replace("\r\n", "\n").replace("\r", "\n"))
    return Extracted(check_text(text if text.endswith("\n") else text + "\n"), "rtf", codec)
