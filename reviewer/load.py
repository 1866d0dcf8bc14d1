"""Loading report files into ``Document``s: format and encoding detection, one error type.

Formats are read by ``reviewer.formats`` (listed once in ``reviewer.formats.registry``); this
module owns reading the file (regular files only, the size limit), hashing, turning a reader's
problem into a ``ReportLoadError`` naming the file, and reading a batch (the files it reads:
``reviewer.report_files``).
"""

from __future__ import annotations

import errno
import hashlib
import logging
import math
import os
import stat
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.formats.base import Extracted
from reviewer.formats.registry import BY_NAME
from reviewer.messages import os_reason
from reviewer.model import Document, LoadError
from reviewer.report_files import iter_report_files

if TYPE_CHECKING:  # the comparing module is imported only for a batch that needs it
    from reviewer.samereport import Outcome

log = logging.getLogger(__name__)
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
# Pages kept as images (a stamped scan: 2–3 MB a page at 300 dpi) are read page by page; 50 MB would
# refuse an ordinary 20-page scan. Text is held whole: a text file this large is no annual report.
PAGES_MAX_BYTES = 300 * 1024 * 1024
_PAGE_SUFFIXES = frozenset({*BY_NAME["pdf"].suffixes, *BY_NAME["ofd"].suffixes, *BY_NAME["ocr"].suffixes, ".docx"})
# A project file (and SQLite's files beside it) is never read as a report, not even opened: the window
# may hold it open, and closing any descriptor of it would drop the window's locks on it.
_PROJECT_SUFFIXES = frozenset({".review", ".review-wal", ".review-shm", ".review-journal"})
# Read as text whatever the bytes look like (a .txt holding "<html>" is still the text it shows)...
TEXT_SUFFIXES = {*BY_NAME["txt"].suffixes, ""}
# ...but for what no text editor shows as text: a document whose own bytes say what it is (a .docx,
# a PDF, an RTF renamed .txt) is read as that document, not refused or shown as its codes.
READ_AS_WHAT_IT_IS = frozenset({"pdf", "docx", "odt", "ofd", "doc", "rtf", "ocr"})


class ReportLoadError(Exception):
    """A report file that cannot be loaded. ``str(err)`` is a Chinese message naming the file."""

    def __init__(self, path: str | os.PathLike[str], kind: str, problem: str) -> None:
        self.path = str(path)
        self.kind = kind
        self.problem = problem
        super().__init__(f"{Path(self.path).name}：{problem}")

    def as_record(self) -> LoadError:
        return LoadError(path=self.path, kind=self.kind, message=str(self))


def normalise_newlines(text: str) -> str:
    """Every line break made ``\\n``: CR LF, CR, and Unicode's line and paragraph separators."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode report bytes: BOM, then strict UTF-8, then strict GB18030, a detector only last.

    Detectors misread short Chinese texts, and GBK lacks characters real reports use, so the
    fixed cascade comes first; damaged text is read with its bad bytes as � (reviewer.encoding). Raises
    ``UnicodeDecodeError`` when nothing fits (``BadlyDamagedError`` for Chinese text too damaged to read).
    """
    boms = (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    )
    for bom, enc in boms:
        if data.startswith(bom):
            return data.decode(enc), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from reviewer.encoding import big5_or_gb18030, damaged, mixed_lines
    from reviewer.gb_resync import out_of_step

    if (mixed := mixed_lines(data)) is not None:  # a GBK paragraph pasted into UTF-8: both read
        return mixed, "utf-8+gb18030"
    if (utf8 := damaged(data, "utf-8")) is not None:  # not GB18030 nonsense (the analysis names the bad bytes)
        return utf8, "utf-8"
    both = big5_or_gb18030(data)
    if both is not None:
        return both
    try:
        return out_of_step(data, data.decode("gb18030")), "gb18030"  # a stray byte garbles without failing
    except UnicodeDecodeError:
        pass
    if (gbk := damaged(data, "gb18030")) is not None:  # GBK with bad bytes, as UTF-8 above
        return gbk, "gb18030"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise UnicodeDecodeError("unknown", data[:1], 0, 1, "no encoding fits")
    return str(best), best.encoding


def bomless_utf16(data: bytes) -> str | None:
    """The codec of UTF-16 text saved without a BOM (some export tools do that), else None.

    Its NULs sit almost only at odd (LE) or even (BE) offsets: the high byte of ASCII characters
    and line breaks. The decoded text must also be printable, which random binary is not.
    """
    sample = data[:4096]
    if len(data) % 2 or b"\x00" not in sample or sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    odd_nuls, even_nuls = sample[1::2].count(0), sample[0::2].count(0)
    # A few NULs land on the other side: Chinese characters such as 一 (U+4E00) end in 00.
    if odd_nuls > 4 * even_nuls:
        enc = "utf-16-le"
    elif even_nuls > 4 * odd_nuls:
        enc = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(enc)
    except UnicodeDecodeError:
        return None
    printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text[:2048])
    return enc if printable >= 0.95 * min(len(text), 2048) else None


def looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    return b"\x00" in sample


def _listable(folder: Path) -> bool:
    try:
        with os.scandir(folder):
            return True
    except OSError:
        return False


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes. Only regular files are read: a FIFO or a device would block or never end.

    The file is opened without blocking and checked on the open descriptor, so a path swapped for
    a FIFO between a check and the open cannot hang the batch either.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError as exc:
        if path.is_symlink():
            raise ReportLoadError(path, "vanished", "这是一个链接（快捷方式），它指向的文件已不存在") from exc
        # where it was looked for: with several paths given, a name alone did not say which was wrong
        where = os.path.dirname(os.path.abspath(path))
        raise ReportLoadError(path, "vanished", f"文件不存在（在 {where} 中找不到），或读取时已被移走") from exc
    except IsADirectoryError as exc:
        raise ReportLoadError(path, "unsupported", "这是一个文件夹，不是报告文件") from exc
    except PermissionError as exc:
        if path.is_dir():  # Windows refuses to open a folder with a permission error
            raise ReportLoadError(path, "unsupported", "这是一个文件夹，不是报告文件") from exc
        raise ReportLoadError(path, "unreadable", "没有读取权限") from exc
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ReportLoadError(path, "unreadable", "这是一个链接（快捷方式），它指向自己或绕成一圈，找不到文件"
                                  ) from exc
        raise ReportLoadError(path, "unreadable", f"读取失败（{os_reason(exc).render()}）") from exc
    with os.fdopen(fd, "rb") as fh:
        try:
            info = os.fstat(fh.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise ReportLoadError(path, "unsupported", "这是一个文件夹，不是报告文件")
            if not stat.S_ISREG(info.st_mode):
                raise ReportLoadError(path, "special", "不是普通文件（而是管道、设备或套接字），未读取")
            if info.st_size > max_bytes:
                mb = max_bytes / 1024 / 1024
                size = math.ceil(info.st_size / 1024 / 1024 * 10) / 10  # up: a hair over is not "50.0 MB"
                raise ReportLoadError(path, "too_large", f"文件过大（{size:.1f} MB，上限 {mb:.0f} MB）；"
                                      "请确认它是报告，扫描件可降低分辨率或拆分后再打开")
            return fh.read(max_bytes + 1)
        except OSError as exc:
            raise ReportLoadError(path, "unreadable", f"读取失败（{os_reason(exc).render()}）") from exc


def load(
    path: str | os.PathLike[str],
    *,
    max_bytes: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    draft: Callable[[Document, int, int], None] | None = None,
    ocr: bool = True,
) -> Document:
    """Load one report file. Raises ``ReportLoadError`` with a Chinese message on any problem.

    ``progress(done, total)`` reports pages of a file read page by page (OCR), ``cancelled()`` is
    asked between pages; a cancelled load raises ``ReportLoadError`` of kind "cancelled".
    ``draft(document so far, pages done, pages in all)`` receives such a file's pages read so far.
    ``ocr=False``: a file that needs OCR raises ``ReportLoadError`` of kind "needs_ocr" instead.
    ``max_bytes``: the largest file read; by default ``PAGES_MAX_BYTES`` for a PDF, OFD or page image,
    ``DEFAULT_MAX_BYTES`` for the others.
    """
    from reviewer.formats import extract, sniff_format
    from reviewer.formats.base import Context, FormatProblem, check_text
    from reviewer.formats.text import read_text

    p = Path(path)
    if p.is_dir() and not _listable(p):
        raise ReportLoadError(p, "unlisted", "文件夹没有读取权限，其中的报告未能读取；"
                                             "请让管理员开放权限或把报告复制出来")
    if p.suffix.lower() in _PROJECT_SUFFIXES:
        raise ReportLoadError(p, "unsupported", "这是审阅项目文件，不是报告；请用“文件 → 打开审阅项目…”打开它")
    if max_bytes is None:
        max_bytes = PAGES_MAX_BYTES if p.suffix.lower() in _PAGE_SUFFIXES else DEFAULT_MAX_BYTES
    data = _read_bytes(p, max_bytes)
    if not data.strip():
        raise ReportLoadError(p, "empty", "文件是空的")
    digest = hashlib.sha256(data).hexdigest()
    suffix = p.suffix.lower()
    ctx = Context(progress, cancelled, _drafts(str(path), digest, len(data), draft), ocr)
    try:
        as_text = suffix in TEXT_SUFFIXES and sniff_format(data) not in READ_AS_WHAT_IT_IS
        got = read_text(data, ctx) if as_text else extract(data, suffix, ctx)
        check_text(got.text)
    except FormatProblem as problem:
        raise ReportLoadError(p, problem.kind, problem.problem) from problem
    if not got.text.strip():
        raise ReportLoadError(p, "empty", "文件中没有文字内容")
    return Document(path=str(path), text=got.text, sha256=digest, format=got.format, encoding=got.encoding,
                    size=len(data), hints=got.hints, uncertain=got.uncertain)


def _drafts(path: str, digest: str, size: int, draft: Callable[[Document, int, int], None] | None
            ) -> Callable[[Extracted, int, int], None] | None:
    """A reader's text so far as the document it will become (the same file, content hash and size)."""
    if draft is None:
        return None
    take = draft

    def show(got: Extracted, done: int, total: int) -> None:
        if got.text.strip():
            take(Document(path=path, text=got.text, sha256=digest, format=got.format, encoding=got.encoding,
                          size=size, hints=got.hints, uncertain=got.uncertain), done, total)

    return show


def _pages_of(f: Path, pages: Callable[[Path, int, int], None] | None) -> Callable[[int, int], None] | None:
    if pages is None:
        return None
    report = pages
    return lambda done, total: report(f, done, total)


def load_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    max_bytes: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    pages: Callable[[Path, int, int], None] | None = None,
    drafts: Callable[[Document, int, int], None] | None = None,
    ocr: bool = True,
    one_each: bool = True,
) -> tuple[list[Document], list[LoadError]]:
    """Load every report under ``paths``; one bad file never stops the batch.

    ``progress(done, total)`` counts files; ``pages(file, done, total)`` counts the pages of a file
    read page by page (OCR), and ``drafts`` receives such a file's text so far (see ``load``).
    ``cancelled()`` is asked between files and between such pages. ``ocr=False``: files that need OCR
    are errors of kind "needs_ocr" (read them in a second call, after the others are shown).
    ``one_each``: a report sent as several files is loaded once (``reviewer.samereport``; a caller
    with a project compares the files with its reports as well, and asks for that itself).
    """
    files = iter_report_files(paths)
    docs: list[Document] = []
    errors: list[LoadError] = []
    first_path: dict[str, str] = {}
    copies: dict[int, str] = {}  # error index → the content of the file it copies
    for i, f in enumerate(files):
        if cancelled is not None and cancelled():
            break
        read = _load_file(f, lambda path: load(path, max_bytes=max_bytes, cancelled=cancelled,
                                               progress=_pages_of(path, pages), draft=drafts, ocr=ocr))
        if read is None:
            break
        if isinstance(read, LoadError):
            errors.append(read)
        elif read.sha256 in first_path:  # the review is keyed by content: a second copy would share (and confuse) it
            copies[len(errors)] = read.sha256
            errors.append(ReportLoadError(f, "duplicate", f"与已打开的 {first_path[read.sha256]} 内容完全相同，"
                                                          "未重复打开").as_record())
        else:
            first_path[read.sha256] = str(f)
            docs.append(read)
        if progress is not None:
            progress(i + 1, len(files))
    if not one_each or len(docs) < 2:  # one file is one report: no comparing module to import
        return docs, errors
    from reviewer.samereport import one_per_report

    outcome = one_per_report(docs)
    return outcome.kept, _copies_of_kept(errors, copies, first_path, outcome) + outcome.said


def _load_file(f: Path, read: Callable[[Path], Document]) -> Document | LoadError | None:
    """The file read, or why it could not be; None when the reading was cancelled."""
    try:
        return read(f)
    except ReportLoadError as exc:
        return None if exc.kind == "cancelled" else exc.as_record()
    except Exception as exc:  # the per-file boundary: a reader's slip must not stop the batch
        log.error("reading %s failed:\n%s", f, traceback.format_exc())
        return LoadError(str(f), "unreadable", f"{f.name}：读取时出错（{type(exc).__name__}），未打开；"
                                               "请在 Word/WPS 中打开并另存后再试")


def _copies_of_kept(errors: list[LoadError], copies: dict[int, str], first_path: dict[str, str],
                    outcome: Outcome) -> list[LoadError]:
    """A copy of a file left out as another format of a report names the file opened instead: it
    said 与已打开的 r3.txt 内容完全相同 of an r3.txt that was not opened (r3.docx was)."""
    opened = {d.sha256: d.path for d in outcome.kept}
    out = list(errors)
    for i, sha in copies.items():
        first = first_path[sha]
        kept = opened.get(outcome.same_as.get(first, ""))
        if kept is not None:
            name, twin, report = Path(out[i].path).name, Path(first).name, Path(kept).name
            out[i] = LoadError(out[i].path, "duplicate",
                               f"{name}：与 {twin} 内容完全相同，两者与已打开的 {report} 是同一份报告，未重复打开")
    return out
