"""PDF → report text: the text layer in reading order, with a fallback for CID fonts.

Government PDFs often embed Chinese fonts without a ToUnicode map; pdfminer (under pdfplumber)
then yields ``(cid:123)``. PDFium decodes most of those through the predefined Adobe-GB1 CMaps,
so it is the fallback (Apache/BSD licensed, unlike the AGPL MuPDF).
"""

from __future__ import annotations

import io
import re
from typing import Any

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


_Row = list[dict[str, Any]]
_HEADING_START = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|第[一二三四五六七八九十百]+[章节条部分])"
)


def unwrap(lines: list[dict[str, Any]], page_width: float) -> str:
    """A page's printed lines re-joined into paragraphs where the PDF hard-wrapped them.

    A line reaching the page's right text edge continues on the next line, unless that line is
    indented or starts like a heading. The edge must be real: several lines reach it and the text
    block spans at least half the page, so a page of short lines is left alone.
    """
    rows = [(str(ln["text"]), float(ln["x0"]), float(ln["x1"])) for ln in lines if str(ln["text"]).strip()]
    if not rows:
        return ""
    per_char = sorted((x1 - x0) / max(len(t), 1) for t, x0, x1 in rows)[len(rows) // 2] or 10.0
    left, right = min(r[1] for r in rows), max(r[2] for r in rows)
    full = [x1 >= right - 1.5 * per_char for _, _, x1 in rows]
    if sum(full) < 3 or right - left < 0.5 * page_width:
        return "\n".join(t for t, _, _ in rows)
    out = [rows[0][0]]
    for i in range(1, len(rows)):
        text, x0, _ = rows[i]
        if full[i - 1] and x0 < left + per_char and not _HEADING_START.match(text):
            latin = re.search(r"[A-Za-z,.;:]$", out[-1]) and re.match(r"[A-Za-z]", text)
            out[-1] += (" " if latin else "") + text  # Chinese wraps anywhere, even inside a number
        else:
            out.append(text)
    return "\n".join(out)


def _rows(words: list[dict[str, Any]]) -> list[_Row]:
    """Words grouped into printed rows by their top edge."""
    rows: list[_Row] = []
    for w in sorted(words, key=lambda w: (round(float(w["top"])), float(w["x0"]))):
        if rows and abs(float(rows[-1][0]["top"]) - float(w["top"])) < 3:
            rows[-1].append(w)
        else:
            rows.append([w])
    return rows


def _left_width(row: _Row, x: float) -> float:
    return max(float(w["x1"]) for w in row if float(w["x1"]) <= x) - min(float(w["x0"]) for w in row)


def _gutter(rows: list[_Row], width: float) -> float | None:
    """The x of the blank strip between two text columns, or None for a one-column page.

    Both columns must be full of long lines, so a two-column table of short labels and values
    (索引号 | 123) is not mistaken for a column layout.
    """
    best: tuple[int, float] | None = None
    for x in range(int(width * 0.3), int(width * 0.7), 3):
        crossing = sum(any(float(w["x0"]) < x < float(w["x1"]) for w in row) for row in rows)
        both = [r for r in rows if any(float(w["x1"]) <= x for w in r) and any(float(w["x0"]) >= x for w in r)]
        if crossing > 0.2 * len(rows) or len(both) < max(3, 0.4 * len(rows)):
            continue
        left = sorted(_left_width(r, x) for r in both)
        if left[len(left) // 2] < 0.2 * width:
            continue
        if best is None or crossing < best[0]:
            best = (crossing, float(x))
    return None if best is None else best[1]


def _page_text(page: Any) -> str:
    """Page text in reading order: a two-column band is read left column first, then right."""
    rows = _rows(page.extract_words())
    gutter = _gutter(rows, float(page.width)) if len(rows) >= 3 else None
    if gutter is None:
        return unwrap(page.extract_text_lines(return_chars=False), float(page.width))
    out: list[str] = []
    band: list[_Row] = []

    def crop(x0: float, x1: float, rs: list[_Row]) -> str:
        top = min(float(w["top"]) for r in rs for w in r) - 1
        bottom = max(float(w["bottom"]) for r in rs for w in r) + 1
        return str(page.crop((x0, max(top, 0), x1, min(bottom, float(page.height)))).extract_text() or "")

    def flush() -> None:
        if band:
            out.extend(t for t in (crop(0, gutter, band), crop(gutter, float(page.width), band)) if t)
            band.clear()

    for row in rows:
        if any(float(w["x0"]) < gutter < float(w["x1"]) for w in row):
            flush()
            out.append(crop(0, float(page.width), [row]))
        else:
            band.append(row)
    flush()
    return "\n".join(out)


def _with_pdfplumber(data: bytes) -> str:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return "\n".join(_page_text(page) for page in pdf.pages)
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
