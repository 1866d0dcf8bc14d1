"""Report files → text. The bytes decide the format where they are unambiguous, the suffix otherwise.

Shared drives and government sites hand out web pages, PDFs, .docx and plain text under a
".doc" name, so a file is read as what it is. A suffix that names a container (.docx, .odt, .ofd,
.pdf) is kept to its word, though: no program writes text under it, so text bytes there are a
damaged or mislabelled file, refused rather than analysed as a report. Readers are listed in
``reviewer.formats.registry`` and imported only when a file needs them.
"""

from __future__ import annotations

import io
import zipfile

from reviewer.formats.base import Context, Extracted, FormatProblem
from reviewer.formats.registry import BY_NAME, format_for_suffix

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"GIF87a", b"GIF89a")
_ZIP_SUFFIXES = (".docx", ".odt", ".ofd", ".xlsx")
# Suffixes of binary containers: the bytes must be a container (this one or another), never text.
_CONTAINER_SUFFIXES = {".docx", ".odt", ".ofd", ".pdf", ".xlsx", ".xls"}
# Legacy Word suffixes that office systems also write web pages, RTF and plain text under: text is read
# there, but text without a single Chinese character is no Chinese report.
_LEGACY_WORD_SUFFIXES = {".doc", ".wps"}
_TEXT_KINDS = {"txt", "html", "mht", "rtf"}
_KIND_WORDS = {"txt": "纯文本", "html": "网页", "mht": "网页存档", "rtf": "RTF 文本"}


def _zip_kind(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            mimetype = zf.read("mimetype")[:80] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError):
        return None
    if "word/document.xml" in names:
        return "docx"
    if mimetype.startswith(b"application/vnd.oasis.opendocument.text") or (not mimetype and "content.xml" in names):
        return "odt"
    if any(n.lower() == "ofd.xml" for n in names):
        return "ofd"
    return None


def _is_bmp(data: bytes) -> bool:
    # "BM" alone starts plenty of text; the header's own file size and DIB header size must fit too.
    return (
        data.startswith(b"BM")
        and len(data) > 26
        and int.from_bytes(data[2:6], "little") in (len(data), 0)
        and int.from_bytes(data[14:18], "little") in (12, 40, 52, 56, 64, 108, 124)
    )


def sniff_format(data: bytes) -> str | None:
    """What a file really is, from its bytes: a registry format name, or None when they don't say."""
    if data.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if data.startswith(OLE_MAGIC[:4]):  # the reader says whether the rest is a damaged container
        return "doc"
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith(_IMAGE_MAGIC) or _is_bmp(data) or (data.startswith(b"RIFF") and data[8:12] == b"WEBP"):
        return "ocr"
    return _sniff_text(data)


def _sniff_text(data: bytes) -> str | None:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<") and (b"<html" in head or b"<!doctype html" in head):
        return "html"
    if head.startswith(b"mime-version:") or b"\ncontent-type: multipart/related" in head:
        return "mht"
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


# A unit's archive of reports (the archive suffixes of ``report_files.SAID_IN_FOLDERS``): never opened,
# whatever its bytes. A text saved under such a name was read as a report when named directly on the
# command line, or dropped on the window, while a true archive beside it was said to be one.
ARCHIVES = frozenset({".zip", ".rar", ".7z"})
# A browser's download still running, or broken off: never read (its text may stop anywhere).
UNFINISHED_DOWNLOADS = frozenset({".crdownload", ".part", ".partial", ".download"})
_PHONE_PHOTOS = frozenset({".heic", ".heif"})
# Spreadsheets and slides: Office containers like a Word file's, never a report to read as one.
_OTHER_OFFICE = frozenset({".xls", ".xlsx", ".et", ".ppt", ".pptx", ".dps"})


def extract(data: bytes, suffix: str, ctx: Context | None = None) -> Extracted:
    """Read ``data`` (from a file with ``suffix``). Raises ``FormatProblem``."""
    ctx = ctx or Context()
    suffix = suffix.lower()
    if suffix in UNFINISHED_DOWNLOADS:  # whatever its bytes: a text cut short reads as a report lacking parts
        raise FormatProblem("unfinished", "这是没有下载完成的文件，请重新下载完整的报告后再打开")
    if suffix in ARCHIVES:
        raise FormatProblem("archive", "这是压缩包，不会自动解压；请解压后再打开其中的报告")
    kind = sniff_format(data)
    if kind in _TEXT_KINDS and _not_what_the_suffix_says(data, suffix, kind):
        raise _mislabelled(suffix, kind)
    if suffix in _OTHER_OFFICE:
        raise FormatProblem("not_report", f"“{suffix}”是表格或演示文稿，不是报告文件，未读取（报告的附件请另行查看）")
    if kind == "doc" and suffix in _ZIP_SUFFIXES:
        return _ole_named_as_zip(data, ctx)
    if kind == "doc" and suffix == ".wps":
        kind = "wps"
    fmt = BY_NAME[kind] if kind is not None else format_for_suffix(suffix)
    if fmt is None and suffix in _PHONE_PHOTOS:
        raise FormatProblem("photo_format", "这是手机照片格式（HEIC），暂不支持；请转换为 JPG 后再打开")
    if fmt is None:
        what = f"“{suffix}”格式的文件" if suffix else "无扩展名、内容也无法识别的文件"
        raise FormatProblem("unsupported", f"暂不支持{what}，请用 Word/WPS 另存为 .docx（或 .txt）后再打开")
    return fmt.read(data, ctx)


def _not_what_the_suffix_says(data: bytes, suffix: str, kind: str) -> bool:
    if suffix in _CONTAINER_SUFFIXES:
        return True
    if suffix in _LEGACY_WORD_SUFFIXES and kind == "txt":
        from reviewer.load import decode_text

        try:
            text, _ = decode_text(data[:65536])
        except UnicodeDecodeError:
            return False  # the text reader says so
        return not any("\u4e00" <= ch <= "\u9fff" for ch in text)
    return False


def _mislabelled(suffix: str, kind: str) -> FormatProblem:
    fmt = format_for_suffix(suffix)
    label = fmt.label if fmt is not None else f"{suffix} 文件"
    label = f" {label}" if label[:1].isascii() else label  # 不是 Word 文档, 不是 .xlsx 文件: a space before Latin
    return FormatProblem(
        "mismatch",
        f"扩展名是 {suffix}，内容却不是{label}（而是{_KIND_WORDS[kind]}），文件可能已损坏或被改了扩展名，未读取；"
        f"请找到原始文件，或确认内容后改为正确的扩展名再打开",
    )


def _ole_named_as_zip(data: bytes, ctx: Context) -> Extracted:
    """An Office file protected by a password is an OLE file holding the encrypted package."""
    from reviewer.formats.doc import is_word_binary

    if is_word_binary(data):  # a .doc renamed to .docx
        return BY_NAME["doc"].read(data, ctx)
    raise FormatProblem("encrypted", "文档已加密（设有打开密码）或实为旧版 .doc，请取消密码并另存为 .docx")
