"""Zip containers (docx, odt, ofd) opened with their sizes checked before anything is inflated.

The 50 MB limit counts compressed bytes only: a 2 MB .docx can hold 2 GiB of XML. The zip's
central directory states every member's size, so a bomb is refused from the directory alone.
``zipfile`` stops each member at its stated size (and fails its CRC if the data runs on), so a
directory that lies cannot make a read inflate more than the sizes checked here.
"""

from __future__ import annotations

import io
import re
import zipfile

from reviewer.formats.base import MAX_PARAGRAPHS, FormatProblem, too_many_paragraphs

MAX_UNCOMPRESSED = 200 * 1024 * 1024  # all members together
MAX_RATIO = 100  # inflated : compressed, for the whole file and for any member of real size
MAX_XML_MEMBER = 64 * 1024 * 1024  # one XML part that is parsed into memory
_RATIO_FROM = 1024 * 1024  # tiny members compress well by nature; only sizeable ones are judged


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def open_zip(data: bytes, what: str) -> zipfile.ZipFile:
    """The archive, after its directory passed the size checks. ``what`` names the format in messages."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise FormatProblem("corrupt", f"{what}已损坏（不是完整的压缩包），无法读取") from exc
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos)
    if total > MAX_UNCOMPRESSED:
        raise FormatProblem(
            "bomb", f"{what}解压后过大（{_mb(total)}，上限 {_mb(MAX_UNCOMPRESSED)}），疑似压缩炸弹，未读取"
        )
    bad = [i for i in infos if i.file_size >= _RATIO_FROM and i.file_size > MAX_RATIO * max(i.compress_size, 1)]
    if bad or (total >= _RATIO_FROM and total > MAX_RATIO * max(packed, 1)):
        worst = bad[0] if bad else None
        ratio = (worst.file_size / max(worst.compress_size, 1)) if worst else total / max(packed, 1)
        raise FormatProblem("bomb", f"{what}压缩比异常（{ratio:.0f}:1，上限 {MAX_RATIO}:1），疑似压缩炸弹，未读取")
    return zf


def read_member(zf: zipfile.ZipFile, name: str, what: str, limit: int = MAX_XML_MEMBER) -> bytes:
    """One member's bytes; its stated size must be within ``limit``."""
    try:
        info = zf.getinfo(name)
    except KeyError as exc:
        raise FormatProblem("corrupt", f"{what}已损坏（缺少 {name}），无法读取") from exc
    if info.file_size > limit:
        raise FormatProblem("bomb", f"{what}中的 {name} 解压后过大（{_mb(info.file_size)}），未读取")
    try:
        return zf.read(info)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as exc:
        # RuntimeError: an encrypted member; NotImplementedError: a compression method zipfile lacks.
        raise FormatProblem("corrupt", f"{what}已损坏（{name} 无法解压），无法读取") from exc


def count_elements(xml: bytes, local_name: bytes, stop: int | None = None) -> int:
    """How many ``<prefix:local_name`` start tags the XML has, whatever its namespace prefix
    (counting stops once past ``stop``: a flood need not be counted to the end)."""
    pattern = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?" + re.escape(local_name) + rb"[\s/>]")
    count = 0
    for _ in pattern.finditer(xml):
        count += 1
        if stop is not None and count > stop:
            break
    return count


def check_paragraphs(xml: bytes, *local_names: bytes) -> None:
    """Refuse XML with more paragraph elements than any report has, before it is parsed."""
    count = 0
    for name in local_names:
        count += count_elements(xml, name, MAX_PARAGRAPHS - count)
        if count > MAX_PARAGRAPHS:
            raise too_many_paragraphs(count)
