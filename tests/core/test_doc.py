"""Odd Word 97-2003 (.doc) files a reviewer was handed: tracked changes, damaged piece tables, tables
and lists, broken copies. Files are built byte by byte (ole_fixtures) or, where LibreOffice is
installed, saved by it from a .docx made here."""

from __future__ import annotations

import random
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from reviewer.analyze import analyze_document
from reviewer.formats.base import Context
from reviewer.load import ReportLoadError, load
from tests.core import loader_fixtures as lf
from tests.core.ole_fixtures import word97

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
WORD_AT = 3 * 512  # the WordDocument stream is the first stream after the FAT and directory sectors
KEPT, GONE = "全年共办理行政复议案件123件。", "全年共办理行政复议案件9999件。"


def _tracked_docx(path: Path) -> Path:
    """A .docx with a tracked deletion inside a paragraph and a whole deleted paragraph."""
    import docx
    from docx.oxml.ns import qn
    from lxml import etree

    document = docx.Document()
    p = document.add_paragraph("现将报告如下：")
    for tag, text in (("w:del", GONE), ("w:ins", KEPT)):
        change = etree.SubElement(p._p, qn(tag), {qn("w:id"): str(len(tag)), qn("w:author"): "x"})
        run = etree.SubElement(change, qn("w:r"))
        etree.SubElement(run, qn("w:delText" if tag == "w:del" else "w:t")).text = text
    gone = document.add_paragraph()
    rpr = etree.SubElement(gone._p.get_or_add_pPr(), qn("w:rPr"))
    etree.SubElement(rpr, qn("w:del"), {qn("w:id"): "9", qn("w:author"): "x"})
    change = etree.SubElement(gone._p, qn("w:del"), {qn("w:id"): "8", qn("w:author"): "x"})
    etree.SubElement(etree.SubElement(change, qn("w:r")), qn("w:delText")).text = "四、存在的不足和原因：没有不足。"
    document.add_paragraph("特此报告。")
    document.save(str(path))
    return path


def _saved_as_doc(src: Path) -> Path:
    assert SOFFICE is not None
    subprocess.run([SOFFICE, f"-env:UserInstallation={(src.parent / 'profile').as_uri()}", "--headless",
                    "--convert-to", "doc:MS Word 97", "--outdir", str(src.parent / "doc"), str(src)],
                   check=True, capture_output=True, timeout=120)
    return src.parent / "doc" / f"{src.stem}.doc"


def test_tracked_deleted_text_in_a_doc_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "修订.doc"
    body = f"现将报告如下：{GONE}{KEPT}\r特此报告。\r"
    path.write_bytes(word97(body, deleted=(len("现将报告如下："), len("现将报告如下：") + len(GONE))))
    doc = load(path)
    assert doc.text == f"现将报告如下：{KEPT}\n特此报告。\n"
    assert [m.value for m in analyze_document(doc).metrics] == [123]


def test_a_paragraph_deleted_whole_leaves_no_blank_line(tmp_path: Path) -> None:
    """A paragraph all of whose text is a tracked deletion, its mark not (as LibreOffice saves a deleted
    paragraph), was read as a blank line where Word's final view shows nothing."""
    path = tmp_path / "删除整段.doc"
    body = f"现将报告如下：\r{GONE}\r特此报告。\r"
    path.write_bytes(word97(body, deleted=(len("现将报告如下：\r"), len("现将报告如下：\r") + len(GONE))))
    assert load(path).text == "现将报告如下：\n特此报告。\n"


def test_a_paragraph_deleted_whole_in_a_docx_leaves_no_blank_line(tmp_path: Path) -> None:
    """The .docx reader (LibreOffice's route for a .doc) read a paragraph deleted with its mark as a blank line."""
    assert load(_tracked_docx(tmp_path / "修订.docx")).text == f"现将报告如下：{KEPT}\n特此报告。\n"


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_tracked_deletions_stay_out_of_a_doc_libreoffice_saved_and_of_its_route(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reviewer.formats import doc as doc_reader

    path = _saved_as_doc(_tracked_docx(tmp_path / "修订.docx"))
    # LibreOffice keeps the deleted paragraph's mark as a plain one: still, no line for it, as in Word's final view
    assert load(path).text == f"现将报告如下：{KEPT}\n特此报告。\n"
    monkeypatch.setenv("REVIEWER_SOFFICE", "1")
    other = doc_reader._libreoffice(path.read_bytes(), "doc", Context())
    assert other is not None and other.text == f"现将报告如下：{KEPT}\n特此报告。\n"


def _clx_zeroed(text: str, nfib: int = 0x00C1) -> bytes:
    """A .doc whose FIB no longer points at the piece table (fcClx = lcbClx = 0), as a damaged copy."""
    data = bytearray(word97(text, nfib=nfib))
    struct.pack_into("<II", data, WORD_AT + 0x9A + 8 * 33, 0, 0)
    return bytes(data)


def _libreoffice_reads(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, lines: list[str]) -> None:
    from reviewer.formats import soffice

    docx = lf.make_docx(tmp_path / "as_libreoffice_reads_it.docx", [(None, ln) for ln in lines]).read_bytes()
    monkeypatch.setattr(soffice, "soffice", lambda: "/usr/bin/soffice")
    monkeypatch.setattr(soffice, "convert_to_docx", lambda data, suffix: docx)


def test_a_doc_with_a_broken_piece_table_is_damaged_not_libreoffices_mojibake(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    body = "一、主要举措和成效\r全年共办理行政复议案件59件，纠错率44%。\r"
    path = tmp_path / "损坏.doc"
    path.write_bytes(_clx_zeroed(body))
    # what LibreOffice makes of it: the UTF-16 text taken for Windows-1252 (Í‘†^^nS:S'YÛvG•ºN…)
    noise = "".join(c for c in body.encode("utf-16-le").decode("cp1252", errors="ignore") if c >= " ")
    _libreoffice_reads(monkeypatch, tmp_path, [noise] * 5)
    with pytest.raises(ReportLoadError) as err:
        load(path)
    assert (err.value.kind, str(err.value)) == ("corrupt", "损坏.doc：Word 文档已损坏（找不到正文的片段表），无法读取")


def test_libreoffice_still_reads_the_old_word_files_this_reader_refuses(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "word95.doc"
    path.write_bytes(word97("旧\r", nfib=0x0065))
    _libreoffice_reads(monkeypatch, tmp_path, ["一、主要举措和成效", "全年共办理行政复议案件59件，纠错率44%。"])
    assert load(path).text == "一、主要举措和成效\n全年共办理行政复议案件59件，纠错率44%。\n特此报告。\n"


def _with_lists(data: bytes) -> bytes:
    """The .doc with lcbPlfLfo set: its paragraphs use Word's automatic numbering."""
    out = bytearray(data)
    struct.pack_into("<I", out, WORD_AT + 0x9A + 8 * 74 + 4, 16)
    return bytes(out)


def test_list_labels_come_from_libreoffice_but_table_cells_stay_apart(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """LibreOffice's import of a .doc can run a table's cells together (12598 for 125 and 98): it gives
    the list labels our reader cannot draw, and nothing else."""
    path = tmp_path / "附表.doc"
    path.write_bytes(_with_lists(word97(
        "主要举措和成效\r附表：主要数据\r项目\x072020年\x07\x07受理行政复议案件（件）\x07125\x0798\x07\x07")))
    from reviewer.formats import soffice

    glued = lf.make_docx(tmp_path / "as_libreoffice_reads_it.docx", [
        (0, "主要举措和成效"), (None, "附表：主要数据"), (None, "项目2020年受理行政复议案件（件）12598")]).read_bytes()
    monkeypatch.setattr(soffice, "soffice", lambda: "/usr/bin/soffice")
    monkeypatch.setattr(soffice, "convert_to_docx", lambda data, suffix: glued)
    doc = load(path)
    assert doc.text == "一、主要举措和成效\n附表：主要数据\n项目\n2020年\n受理行政复议案件（件）\n125\n98\n"
    assert [(h.line, h.level, h.label) for h in doc.hints] == [(0, 1, "一、")]
    assert "12598" not in doc.text


@pytest.mark.parametrize(("name", "data", "message"), [
    ("全零.wps", bytes(40000),
     "全零.wps：不是有效的 WPS 文字文档（文件头不符），可能已损坏；若是 WPS 2000 及更早版本保存的旧格式，"
     "请用 WPS 打开并另存为 .docx 后再打开"),
    ("乱码.wps", random.Random(7).randbytes(5000),
     "乱码.wps：不是有效的 WPS 文字文档（文件头不符），可能已损坏；若是 WPS 2000 及更早版本保存的旧格式，"
     "请用 WPS 打开并另存为 .docx 后再打开"),
    ("全零.doc", bytes(40000), "全零.doc：不是有效的 Word 97-2003 文档（文件头不符），可能已损坏"),
    ("全零.txt", bytes(40000), "全零.txt：文件中没有文字（内容全是空字节），文件已损坏或没有保存完整"),
])
def test_a_broken_copy_is_called_damaged_not_an_old_kingsoft_file(
        tmp_path: Path, name: str, data: bytes, message: str) -> None:
    """Zeros or noise under .wps are a broken copy as they are under .doc, not a guessed old format."""
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReportLoadError) as err:
        load(path)
    assert (err.value.kind, str(err.value)) == ("corrupt", message)
