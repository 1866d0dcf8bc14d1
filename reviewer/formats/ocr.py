"""Text from page images by OCR: RapidOCR's Chinese models on onnxruntime, offline, on the CPU.

The models travel inside the rapidocr wheel; nothing is fetched at run time. Pages are read one
at a time with progress and a cancel check between them (a page takes seconds). Each character
keeps the engine's confidence so the reviewer can see what to check against the page.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from difflib import SequenceMatcher
from functools import partial
from typing import Any

from reviewer.formats.base import Context, Extracted, FormatProblem
from reviewer.formats.layout import (
    PageLine,
    assemble,
    drop_running_lines,
    gaps_are_layout,
    join_pages,
    tidy_spaces,
    unwrap,
)

MAX_PIXELS = 120_000_000  # a 600 dpi A3 scan is 70 M; beyond this it is not a page
MAX_SIDE = 3500  # larger scans are shrunk first: the models read 150-300 dpi text as well and far faster
MAX_PAGES = 2000
MIN_CHARS = 20  # fewer characters on all pages: not a page of a report
MIN_LAYER = 10  # fewer characters than this on a page with an image: the words are in the image
PT2_PER_CHAR = 5000.0  # page area per character of a "short" text layer: on A4 some 100, a tenth of a page
_engine: Any = None
_lock = threading.Lock()  # one engine per process, used by one page at a time


def _get_engine() -> Any:
    global _engine
    if _engine is None:
        from rapidocr import RapidOCR

        params = {
            "Global.log_level": "error",
            "Global.return_word_box": True,
            "Global.return_single_char_box": True,  # a confidence per character, Latin included
            "Global.text_score": 0.3,  # keep doubtful lines: they are shown as doubtful, not dropped
            # No per-line angle classifier: report pages are upright, and on slightly skewed scans it
            # turned whole lines upside down into garbage (character agreement 0.988 → 0.9998).
            "Global.use_cls": False,
        }
        _engine = RapidOCR(params=params)
    return _engine


def _char_confs(text: str, words: Any, line_score: float) -> tuple[float, ...]:
    """One confidence per character of ``text``; the line's own score where the boxes don't line up."""
    chars = [(str(w[0]), float(w[1])) for w in words or () if w and w[0]]
    flat = "".join(c for c, _ in chars)
    if flat != "".join(text.split()):
        return (line_score,) * len(text)
    out: list[float] = []
    scores = iter(s for c, s in chars for _ in c)
    for ch in text:
        out.append(1.0 if ch.isspace() else next(scores))
    return tuple(out)


def _merge_row(items: list[tuple[float, float, str, tuple[float, ...], float, float]]) -> PageLine:
    """Boxes on one baseline, left to right, a space where the gap is wider than two characters."""
    items.sort(key=lambda it: it[0])
    line = PageLine(items[0][2], items[0][0], items[0][1], items[0][3])
    for x0, x1, text, conf, _, height in items[1:]:
        wide = x0 - line.x1 > 2 * height
        line = line.joined(PageLine(text, x0, x1, conf), " " if wide else "")
    return line


def ocr_page(image: Any) -> list[PageLine]:
    """The printed lines of one page image (RGB numpy array), top to bottom."""
    with _lock:
        result = _get_engine()(image)
    if result.boxes is None or not result.txts:
        return []
    words = result.word_results if len(result.word_results) == len(result.txts) else [None] * len(result.txts)
    boxes = []
    for box, text, score, word in zip(result.boxes, result.txts, result.scores, words, strict=True):
        xs, ys = [float(p[0]) for p in box], [float(p[1]) for p in box]
        boxes.append((min(xs), max(xs), str(text), _char_confs(str(text), word, float(score)), min(ys), max(ys)))
    boxes.sort(key=lambda b: (b[4] + b[5]) / 2)
    rows: list[list[tuple[float, float, str, tuple[float, ...], float, float]]] = []
    for x0, x1, text, conf, top, bottom in boxes:
        mid, height = (top + bottom) / 2, bottom - top
        if rows and abs(mid - rows[-1][0][4]) < 0.5 * max(height, rows[-1][0][5]):
            rows[-1].append((x0, x1, text, conf, mid, height))
        else:
            rows.append([(x0, x1, text, conf, mid, height)])
    return [_merge_row(r) for r in rows]


Compose = Callable[[list[list[PageLine]]], Extracted]


def ocr_pages(count: int, render: Callable[[int], tuple[Any, float]], ctx: Context,
              compose: Compose | None = None) -> list[list[PageLine]]:
    """OCR pages 0..count-1 in turn; ``render(i)`` gives page i as (RGB array, width) only when its turn
    comes, so a long scan never sits in memory as images. Progress and cancel between pages; after each
    page the reader's ``compose`` of the pages read so far goes to the context's draft."""
    ctx.need_ocr()
    ctx.tick(0, count)  # said at once: the first page takes a while (and the engine loads before it)
    pages: list[list[PageLine]] = []
    for i in range(count):
        ctx.check()
        image, width = render(i)
        pages.append(unwrap(ocr_page(image), width))
        del image
        if compose is not None:
            ctx.show(partial(compose, list(pages)), i + 1, count)
        ctx.tick(i + 1, count)
    return pages


def tidy_pages(pages: list[list[PageLine]]) -> list[list[PageLine]]:
    """OCR pages without the spaces it read into the room Word leaves around digits and Latin."""
    if not gaps_are_layout([ln.text for page in pages for ln in page]):
        return pages
    return [[tidy_spaces(ln) for ln in page] for page in pages]


def _squeezed(line: PageLine) -> str:
    return "".join(line.text.split())


def scanned_page(read: list[PageLine], layer: list[PageLine]) -> list[PageLine]:
    """An OCR'd page without the lines its text layer put over the image.

    Such a layer on a scan is what was added after scanning (a print stamp: 打印时间 … 打印人),
    not the report, so its lines are dropped from what OCR read, misread characters allowed for.
    When the image adds less than the layer holds (a short page over a background picture, a
    letterhead), the layer is the page's text and its characters are the surer ones.
    """
    stamps = [_squeezed(ln) for ln in layer]
    rest = [ln for ln in read if not any(SequenceMatcher(None, _squeezed(ln), s).ratio() >= 0.8 for s in stamps)]
    return rest if sum(map(len, map(_squeezed, rest))) > sum(map(len, stamps)) else layer


def scan_limit(area: float, covered: float) -> int | None:
    """How few characters of text a page needs to be taken for a scan, from its area in pt² and the
    area its images cover; None for a page without images.

    A scanner or an office system often prints a line onto the scanned image (庐阳区人民政府办公室
    2021-02-10 打印 第1页): a page mostly covered by an image whose text is short for the page is
    still a scan. A searchable scan (a full OCR layer under the image) has far more and is kept.
    """
    if covered <= 0:
        return None
    if covered < 0.5 * area:
        return MIN_LAYER
    return max(MIN_LAYER, int(area / PT2_PER_CHAR))


def open_image(data: bytes) -> Any:
    from PIL import Image, UnidentifiedImageError

    try:
        img = Image.open(io.BytesIO(data))
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise FormatProblem("corrupt", "图片已损坏或格式无法识别，无法读取") from exc
    if img.width * img.height > MAX_PIXELS:
        raise FormatProblem("too_large", f"图片过大（{img.width}×{img.height} 像素），不像一页扫描件，未读取")
    return img


def image_array(page: Any) -> tuple[Any, float]:
    """A PIL image as the RGB array the engine reads, big scans shrunk first."""
    import numpy as np

    page = page.convert("RGB")
    if max(page.size) > MAX_SIDE:
        page.thumbnail((MAX_SIDE, MAX_SIDE))
    return np.asarray(page), float(page.width)


def read_image(data: bytes, ctx: Context) -> Extracted:
    """A scanned page (or a multi-page TIFF, page by page) read by OCR."""
    img = open_image(data)
    count = min(int(getattr(img, "n_frames", 1) or 1), MAX_PAGES)

    def render(i: int) -> tuple[Any, float]:
        try:
            img.seek(i)
            return image_array(img)
        except (OSError, ValueError, EOFError, SyntaxError) as exc:
            raise FormatProblem("corrupt", f"图片已损坏（第 {i + 1} 页无法解码），无法读取") from exc

    extracted = _scan_text(ocr_pages(count, render, ctx, _scan_text))
    count = len("".join(extracted.text.split()))
    if count < MIN_CHARS:  # a photo or a logo in a folder of reports, not a scanned page
        raise FormatProblem("scanned", f"图片中几乎没有文字（识别出 {count} 个字），不像报告的扫描页，未打开")
    return extracted


def read_pictures(pictures: list[bytes], ctx: Context, fmt: str) -> Extracted:
    """Pages pasted as pictures into a document (scans in a Word file), read by OCR in their order;
    ``fmt``: the document's format name, e.g. "docx+ocr"."""

    ctx.need_ocr()  # before decoding any picture: the first, quick pass puts the file off at once
    readable = [p for p in pictures if _renders(p)]  # a drawing (EMF, WMF) or a broken picture is no page
    if not readable:
        raise FormatProblem("scanned", "文档中只有图片，且图片无法识别为扫描页，未打开")

    def render(i: int) -> tuple[Any, float]:
        return image_array(open_image(readable[i]))

    extracted = _scan_text(ocr_pages(min(len(readable), MAX_PAGES), render, ctx, _scan_text))
    count = len("".join(extracted.text.split()))
    if count < MIN_CHARS:  # a logo or a photo, not pages of a report
        raise FormatProblem("scanned", f"文档中只有图片，图片中几乎没有文字（识别出 {count} 个字），未打开")
    return Extracted(extracted.text, fmt, None, (), extracted.uncertain)


def _renders(data: bytes) -> bool:
    try:
        image = open_image(data)
        image.load()
        return True
    except (FormatProblem, OSError, ValueError, SyntaxError, EOFError):
        return False


def _scan_text(pages: list[list[PageLine]]) -> Extracted:
    text, spans = assemble(join_pages(drop_running_lines(tidy_pages(pages))))
    return Extracted(text, "ocr", None, (), spans)
