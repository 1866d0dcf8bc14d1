"""PDF → report text: the text layer in reading order, with a fallback for CID fonts.

Government PDFs often embed Chinese fonts without a ToUnicode map; pdfminer (under pdfplumber)
then yields ``(cid:123)``. PDFium decodes most of those through the predefined Adobe-GB1 CMaps,
so it is the fallback (Apache/BSD licensed, unlike the AGPL MuPDF).
"""

from __future__ import annotations

import io
import re

_CJK = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]"
_SPACE_BETWEEN_CJK = re.compile(rf"(?<={_CJK})[ \t]+(?={_CJK})")
_CJK_PAIR = re.compile(rf"{_CJK}(?={_CJK})")
_CID = re.compile(r"\(cid:\d+\)")


class PdfProblem(Exception):  # noqa: N818 (a signal between two modules, never shown)
    """kind is 'scanned' | 'encrypted' | 'corrupt'."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def _garbled_share(text: str) -> float:
    bad = sum(len(m.group()) for m in _CID.finditer(text)) + text.count("\ufffd")
    return bad / max(len(text), 1)


def _with_pdfplumber(data: bytes) -> str:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return "\n".join(page.extract_text() or "" for page in pdf.pages)
    except PDFPasswordIncorrect as exc:
        raise PdfProblem("encrypted") from exc
    except PDFSyntaxError as exc:
        raise PdfProblem("corrupt") from exc
    except Exception as exc:  # pdfminer raises many undocumented types on damaged files
        if "password" in str(exc).lower() or "encrypt" in type(exc).__name__.lower():
            raise PdfProblem("encrypted") from exc
        raise PdfProblem("corrupt") from exc


def _with_pdfium(data: bytes) -> str:
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise PdfProblem("encrypted" if "password" in str(exc).lower() else "corrupt") from exc
    try:
        return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


def load_pdf(data: bytes) -> str:
    """Raises ``PdfProblem`` for scanned, encrypted or damaged files."""
    try:
        text = _with_pdfplumber(data)
    except PdfProblem as problem:
        if problem.kind == "encrypted":
            raise
        text = ""
    if not text.strip() or _garbled_share(text) > 0.05:
        text = _with_pdfium(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(re.sub(r"\s", "", text)) < 20 or _garbled_share(text) > 0.3:
        raise PdfProblem("scanned")
    return _unspace(text).rstrip("\n") + "\n"


def _unspace(text: str) -> str:
    """Drop spaces between Chinese characters when the extractor put them everywhere.

    Some extractors space out every Han character; a report's own spaces (中共泰州市委 泰州市人民政府)
    are rare, so they are only removed when spaced pairs are common.
    """
    spaced = len(_SPACE_BETWEEN_CJK.findall(text))
    joined = len(_CJK_PAIR.findall(text))
    return _SPACE_BETWEEN_CJK.sub("", text) if spaced > 0.3 * (spaced + joined) else text
