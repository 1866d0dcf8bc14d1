"""Container formats (docx, pdf, html) → text. Dispatch by suffix; heavy libraries load lazily."""

from __future__ import annotations

import zipfile
from pathlib import Path

from reviewer.model import LineHint

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
UNSUPPORTED_ADVICE = {
    ".doc": "旧版 Word 文档（.doc）",
    ".wps": "WPS 文档（.wps）",
    ".rtf": "RTF 文档",
    ".mht": "单文件网页（.mht）",
    ".mhtml": "单文件网页（.mhtml）",
}


def sniff_format(data: bytes) -> str | None:
    """What a file really is, from its first bytes: "pdf" | "docx" | "html" | "txt" | None.

    Shared drives and government sites hand out web pages, PDFs, .docx and plain text under a
    ".doc" (or any other) name, so the bytes win over the suffix when they are unambiguous.
    """
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx" if b"word/" in data[:65536] else None
    if data.startswith(OLE_MAGIC[:4]):
        return None
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<") and (b"<html" in head or b"<!doctype html" in head):
        return "html"
    from reviewer.load import bomless_utf16, decode_text

    if bomless_utf16(data) is not None or data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "txt"
    if b"\x00" in data[:4096]:
        return None
    try:
        decode_text(data[:4096].rsplit(b"\n", 1)[0] if len(data) > 4096 else data)
    except UnicodeDecodeError:
        return None
    return "txt"


def load_container(path: Path, data: bytes) -> tuple[str, str | None, str, tuple[LineHint, ...]]:
    """Return (text, encoding, format, hints) for a non-plain-text report file."""
    from reviewer.load import ReportLoadError, load_text_bytes

    suffix = path.suffix.lower()
    kind = sniff_format(data)
    if kind == "html" or (kind is None and suffix in (".html", ".htm", ".xhtml", ".shtml")):
        from reviewer.formats.html import load_html

        text, enc = load_html(data)
        return text, enc, "html", ()
    if kind == "docx" or (kind is None and suffix == ".docx"):
        return _docx(path, data)
    if kind == "pdf" or (kind is None and suffix == ".pdf"):
        return _pdf(path, data)
    # A claimed container that is plain text loads as text; .doc/.wps/.rtf/.mht keep their advice
    # (the last two are text too, but markup).
    if kind == "txt" and suffix not in UNSUPPORTED_ADVICE:
        text, enc = load_text_bytes(path, data)
        return text, enc, "txt", ()
    what = UNSUPPORTED_ADVICE.get(suffix, f"“{suffix or '无扩展名'}”格式的文件")
    raise ReportLoadError(path, "unsupported", f"暂不支持{what}，请用 Word/WPS 另存为 .docx（或 .txt）后再打开")


def _docx(path: Path, data: bytes) -> tuple[str, str | None, str, tuple[LineHint, ...]]:
    from reviewer.load import ReportLoadError

    if data.startswith(OLE_MAGIC):
        raise ReportLoadError(path, "encrypted", "文档已加密（设有打开密码）或实为旧版 .doc，请取消密码并另存为 .docx")
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    from reviewer.formats.docx import load_docx

    try:
        text, hints = load_docx(data)
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, AttributeError, XMLSyntaxError) as exc:
        # python-docx reports a damaged package through any of these, depending on which part is bad.
        raise ReportLoadError(path, "corrupt", "Word 文档已损坏，无法读取；请在 Word 中打开并另存后再试") from exc
    return text, None, "docx", hints


def _pdf(path: Path, data: bytes) -> tuple[str, str | None, str, tuple[LineHint, ...]]:
    from reviewer.formats.pdf import PdfProblem, load_pdf
    from reviewer.load import ReportLoadError

    try:
        return load_pdf(data), None, "pdf", ()
    except PdfProblem as problem:
        messages = {
            "scanned": "PDF 中没有可提取的文字（可能是扫描件），需要先进行文字识别（OCR）",
            "encrypted": "PDF 已加密，无法读取文字；请取消密码后再试",
            "corrupt": "PDF 文件已损坏，无法读取",
        }
        raise ReportLoadError(path, problem.kind, messages[problem.kind]) from problem
