"""PDF → report text: the text layer in reading order, with a fallback for CID fonts, and OCR.

Government PDFs often embed Chinese fonts without a ToUnicode map; pdfminer (under pdfplumber)
then yields ``(cid:123)``. PDFium decodes most of those through the predefined Adobe-GB1 CMaps,
so it is the fallback (Apache/BSD licensed, unlike the AGPL MuPDF). Pages that are only an
image (a scan, a stamped-and-scanned copy) are rendered by PDFium and read by OCR, page by page,
also when a short line of text (a print stamp) lies over the scanned image; pages with a text
layer of their own are never OCR'd. The page lines then lose what printing added
(``reviewer.formats.layout``): hard wraps, running headers, footers and page numbers, and the
spaces Word's autospace leaves between Chinese and digits.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace
from typing import Any

from reviewer.formats.base import Context, Extracted, FormatProblem
from reviewer.formats.layout import (
    PageLine,
    assemble,
    drop_running_lines,
    gaps_are_layout,
    join_pages,
    tidy_spaces,
    unwrap_pages,
)
from reviewer.formats.ocr import MIN_LAYER, scan_limit, scanned_page

_CJK = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]"
_SPACE_BETWEEN_CJK = re.compile(rf"(?<={_CJK})[ \t]+(?={_CJK})")
_CJK_PAIR = re.compile(rf"{_CJK}(?={_CJK})")
_CID = re.compile(r"\(cid:\d+\)")


def _garbled_share(text: str) -> float:
    bad = sum(len(m.group()) for m in _CID.finditer(text)) + text.count("\ufffd")
    return bad / max(len(text), 1)


_Row = list[dict[str, Any]]


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


def _page_text(page: Any) -> list[PageLine]:
    """Page lines in reading order: a two-column band is read left column first, then right.

    One-column pages keep their lines' x positions (for re-joining wrapped lines across the
    document); lines from a two-column page have none (x0 = x1 = 0) and are left as printed.
    """
    rows = _rows(page.extract_words())
    gutter = _gutter(rows, float(page.width)) if len(rows) >= 3 else None
    if gutter is None:
        lines = [PageLine(str(ln["text"]), float(ln["x0"]), float(ln["x1"]))
                 for ln in page.extract_text_lines(return_chars=False)]
        return lines
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
    return _plain_lines("\n".join(out))


def _unwrap_laid_out(pages: list[list[PageLine]], width: float) -> list[list[PageLine]]:
    """Wrapped lines re-joined on the pages whose lines have positions, the text block found over all."""
    laid_out = [i for i, page in enumerate(pages) if any(ln.x1 > 0 for ln in page)]
    joined = unwrap_pages([pages[i] for i in laid_out], width)
    out = list(pages)
    for i, page in zip(laid_out, joined, strict=True):
        out[i] = page
    return out


def _plain_lines(text: str) -> list[PageLine]:
    return [PageLine(ln) for ln in text.split("\n") if ln.strip()]


def _joined(lines: list[PageLine]) -> str:
    return "\n".join(ln.text for ln in lines)


_ENCRYPTED = FormatProblem("encrypted", "PDF 已加密，无法读取文字；请取消密码后再试")
_CORRUPT = "PDF 文件已损坏，无法读取"
OCR_DPI = 150  # 五号字 is some 20 px high at 150 dpi: enough for the models, and twice as fast as 200


def _with_pdfplumber(data: bytes) -> tuple[list[list[PageLine]], list[int | None]] | None:
    """Each page's text and its OCR limit (``_ocr_below``); None when pdfminer cannot parse the file."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            texts, images = [], []
            for page in pdf.pages:
                texts.append(_page_text(page))
                images.append(_ocr_below(page))
            width = max((float(p.width) for p in pdf.pages), default=595.0)
            return _unwrap_laid_out(texts, width), images
    except PDFPasswordIncorrect as exc:
        raise _ENCRYPTED from exc
    except Exception as exc:  # pdfminer raises many undocumented types on damaged files
        if "password" in str(exc).lower() or "encrypt" in type(exc).__name__.lower():
            raise _ENCRYPTED from exc
        return None


def _open_pdfium(data: bytes) -> Any:
    import pypdfium2

    try:
        return pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise _ENCRYPTED from exc
        raise FormatProblem("corrupt", _CORRUPT) from exc


def _pdfium_texts(pdf: Any) -> list[list[PageLine]]:
    texts = (pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    return [_plain_lines(t.replace("\r\n", "\n").replace("\r", "\n")) for t in texts]


def _ocr_below(page: Any) -> int | None:
    """How few characters of text layer make the page a scan (``ocr.scan_limit``)."""
    width, height = float(page.width), float(page.height)
    covered = sum(max(0.0, min(float(i["x1"]), width) - max(float(i["x0"]), 0.0))
                  * max(0.0, min(float(i["bottom"]), height) - max(float(i["top"]), 0.0)) for i in page.images)
    return scan_limit(width * height, covered) if page.images else None


def _chars(text: str) -> int:
    return len(re.sub(r"\s", "", text))


def _needs_ocr(text: str, below: int | None) -> bool:
    """A page with an image that may hold the words: its text layer is short for it, or garbage."""
    return below is not None and (_chars(text) < below or _garbled_share(text) > 0.3)


def _page_texts(data: bytes, pdf: Any) -> tuple[list[list[PageLine]], list[int | None]]:
    """Text layer per page: pdfplumber's layout reading, PDFium where that fails or gives (cid:…)."""
    got = _with_pdfplumber(data)
    if got is not None and len(got[0]) == len(pdf):
        texts, images = got
        if _garbled_share("\n".join(_joined(t) for t in texts)) <= 0.05:
            return texts, images
    else:
        images = [MIN_LAYER] * len(pdf)  # unknown: let OCR look at any page without text
    return _pdfium_texts(pdf), images


def _render(pdf: Any, numbers: list[int]) -> Any:
    from reviewer.formats.ocr import image_array

    def render(i: int) -> tuple[Any, float]:
        bitmap = pdf[numbers[i]].render(scale=OCR_DPI / 72)
        return image_array(bitmap.to_pil())

    return render


def read_pdf(data: bytes, ctx: Context) -> Extracted:
    """The text layer, and OCR for pages that are only an image (scans, stamped copies)."""
    from reviewer.formats.ocr import ocr_pages

    pdf = _open_pdfium(data)
    try:
        texts, images = _page_texts(data, pdf)
        todo = [i for i, (t, img) in enumerate(zip(texts, images, strict=True)) if _needs_ocr(_joined(t), img)]

        def compose(read: list[list[PageLine]]) -> Extracted:
            return _compose(texts, todo, read)

        read = ocr_pages(len(todo), _render(pdf, todo), ctx, compose) if todo else []
    finally:
        pdf.close()
    got = _compose(texts, todo, read)
    if _chars(got.text) < 20:
        raise FormatProblem("scanned", "PDF 中没有可提取的文字，文字识别（OCR）也未能读出文字")
    return got


def _compose(texts: list[list[PageLine]], todo: list[int], read: list[list[PageLine]]) -> Extracted:
    """The report's text from the text layer and the OCR pages ``read`` so far (the first of ``todo``;
    pages still to be recognised, and whatever follows them, are left out)."""
    from reviewer.formats.ocr import tidy_pages

    layer = [_joined(t) for i, t in enumerate(texts) if i not in todo]
    spaced, gaps = _spaced_han("\n".join(layer)), gaps_are_layout(layer)
    pages = [_text_lines(t, spaced, gaps) for t in texts]
    for i, lines in zip(todo, tidy_pages(read), strict=False):
        pages[i] = _scanned_page(lines, pages[i])
    if len(read) < len(todo):
        pages = pages[:todo[len(read)]]
    text, spans = assemble(join_pages(drop_running_lines(pages)))
    fmt = "pdf" if not todo else ("ocr" if len(todo) == len(texts) else "pdf+ocr")
    return Extracted(text, fmt, None, (), spans)


def _scanned_page(read: list[PageLine], layer: list[PageLine]) -> list[PageLine]:
    if _garbled_share(_joined(layer)) > 0.3:  # (cid:…) codes: the layer is no text to weigh or drop
        return read
    return scanned_page(read, layer)


def _text_lines(lines: list[PageLine], spaced: bool, gaps: bool) -> list[PageLine]:
    if spaced:
        lines = [replace(ln, text=_SPACE_BETWEEN_CJK.sub("", ln.text)) for ln in lines]
    return [tidy_spaces(ln) for ln in lines] if gaps else lines


def _spaced_han(text: str) -> bool:
    """Whether the extractor put spaces between Chinese characters everywhere.

    Some extractors space out every Han character; a report's own spaces (中共泰州市委 泰州市人民政府)
    are rare, so they are only removed when spaced pairs are common.
    """
    spaced = len(_SPACE_BETWEEN_CJK.findall(text))
    joined = len(_CJK_PAIR.findall(text))
    return spaced > 0.3 * (spaced + joined)


def _unspace(text: str) -> str:
    return _SPACE_BETWEEN_CJK.sub("", text) if _spaced_han(text) else text
