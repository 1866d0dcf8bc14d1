"""The one list of what the program reads.

Each format names its suffixes, its Chinese label, its reader (imported only when a file of
that format is opened) and what a frozen build must carry for it. The folder walk, the open-file
dialog's filter, build.spec's hidden imports and the README's table are all made from this list.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reviewer.formats.base import Context, Extracted

Reader = Callable[[bytes, "Context"], "Extracted"]


@dataclass(frozen=True, slots=True)
class Format:
    name: str  # Document.format of a file read this way
    label: str  # what the reviewer calls it
    suffixes: tuple[str, ...]
    reader: str  # "module:function", imported lazily
    libraries: tuple[str, ...] = ()  # imported lazily by the reader: hidden imports of a frozen build
    data_packages: tuple[str, ...] = ()  # packages whose data files (models, tables) a frozen build needs
    note: str = ""  # one line for the README

    @property
    def module(self) -> str:
        return self.reader.split(":", 1)[0]

    def read(self, data: bytes, ctx: Context) -> Extracted:
        module, func = self.reader.split(":", 1)
        reader: Reader = getattr(importlib.import_module(module), func)
        return reader(data, ctx)


_OCR_LIBS = ("rapidocr", "onnxruntime", "cv2", "PIL", "numpy")

FORMATS: tuple[Format, ...] = (
    Format("txt", "纯文本", (".txt", ".text", ".md"), "reviewer.formats.text:read_text", ("charset_normalizer",),
           note="UTF-8、GB18030/GBK、UTF-16（有无 BOM 均可）"),
    Format("docx", "Word 文档", (".docx",), "reviewer.formats.docx:read_docx", ("docx", "lxml.etree"),
           note="含 Word 自动编号、表格"),
    Format("doc", "Word 97-2003 文档", (".doc",), "reviewer.formats.doc:read_doc", ("olefile",),
           note="域保留显示结果；加密文档给出提示"),
    Format("wps", "WPS 文字文档", (".wps",), "reviewer.formats.doc:read_wps", ("olefile",),
           note="WPS 2003 起的 Word 兼容格式；更早的金山格式给出提示"),
    Format("odt", "OpenDocument 文本", (".odt",), "reviewer.formats.odt:read_odt", ("lxml.etree",),
           note="标题级别、列表编号、表格"),
    Format("rtf", "RTF 文档", (".rtf",), "reviewer.formats.rtf:read_rtf", (),
           note="GBK（\\ansicpg936）与 Unicode 转义"),
    Format("pdf", "PDF 文档", (".pdf",), "reviewer.formats.pdf:read_pdf", ("pdfplumber", "pypdfium2", *_OCR_LIBS),
           data_packages=("rapidocr",), note="文字层；无文字的页自动文字识别（OCR）"),
    Format("ofd", "OFD 版式文档", (".ofd",), "reviewer.formats.ofd:read_ofd", ("lxml.etree", *_OCR_LIBS),
           data_packages=("rapidocr",), note="GB/T 33190 文字层，按版面阅读顺序；扫描页自动文字识别（OCR）"),
    Format("html", "网页", (".html", ".htm", ".xhtml", ".shtml"), "reviewer.formats.html:read_html",
           ("bs4", "lxml.etree"), note="去除导航、脚本"),
    Format("mht", "单文件网页", (".mht", ".mhtml"), "reviewer.formats.html:read_mht", ("bs4", "lxml.etree"),
           note="IE、Word 另存的网页存档"),
    Format("ocr", "扫描图片", (".png", ".jpg", ".jpeg", ".jfif", ".jpe", ".tif", ".tiff", ".bmp",
                               ".webp", ".gif"), "reviewer.formats.ocr:read_image",
           _OCR_LIBS, data_packages=("rapidocr",), note="文字识别（OCR），不确定的字标出"),
)

BY_NAME: dict[str, Format] = {f.name: f for f in FORMATS}
BY_SUFFIX: dict[str, Format] = {s: f for f in FORMATS for s in f.suffixes}

# Document.format values that are not a reader's own name.
_EXTRA_LABELS = {"ocr": "扫描件 (OCR)", "pdf+ocr": "PDF（部分页为扫描件，OCR）",
                 "docx+ocr": "Word 文档中的扫描页（OCR）", "ofd+ocr": "OFD（部分页为扫描件，OCR）"}


def format_for_suffix(suffix: str) -> Format | None:
    return BY_SUFFIX.get(suffix.lower())


def report_suffixes() -> frozenset[str]:
    """Every suffix a folder walk picks up."""
    return frozenset(BY_SUFFIX)


def format_label(name: str) -> str:
    """The Chinese name of a ``Document.format`` value ("ocr" → "扫描件 (OCR)")."""
    if name in _EXTRA_LABELS:
        return _EXTRA_LABELS[name]
    return BY_NAME[name].label if name in BY_NAME else name


def report_filter(reports: str = "报告", everything: str = "所有文件") -> str:
    """The open-file dialog's filter (Qt's syntax, plain text): all reports, each format, any file."""
    def globs(suffixes: tuple[str, ...]) -> str:
        # Qt's filter is case-sensitive on Linux: 报告.PDF from a Windows share must show too.
        return " ".join(f"*{s} *{s.upper()}" for s in suffixes)

    every = tuple(s for f in FORMATS for s in f.suffixes)
    parts = [f"{reports} ({globs(every)})", *(f"{f.label} ({globs(f.suffixes)})" for f in FORMATS)]
    return ";;".join([*parts, f"{everything} (*)"])


def frozen_imports() -> list[str]:
    """Modules a frozen build must carry: the readers and the libraries they import lazily."""
    names = ["reviewer.formats.registry", "reviewer.formats.base", "reviewer.formats.zipguard"]
    for f in FORMATS:
        names += [f.module, *f.libraries]
    return list(dict.fromkeys(names))


def frozen_data_packages() -> list[str]:
    return list(dict.fromkeys(p for f in FORMATS for p in f.data_packages))


def readme_table() -> str:
    """The README's table of what the program reads (a test keeps the README equal to it)."""
    rows = ["| 格式 | 扩展名 | 说明 |", "|---|---|---|"]
    for f in FORMATS:
        rows.append(f"| {f.label} | {' '.join(f.suffixes)} | {f.note} |")
    return "\n".join(rows)
