"""Every format units send opens and analyses like the plain text it was made from (issue 16)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from reviewer.analyze import analyze_document
from reviewer.load import ReportLoadError, load
from tests.benchmarks.agreement import compare
from tests.conftest import SEED_FILES, seed_path
from tests.core import format_fixtures as ff
from tests.core import loader_fixtures as lf
from tests.core.ole_fixtures import compound_file, word97


def _docx(path: Path, lines: list[str]) -> Path:
    return lf.make_docx(path, [(None, ln) for ln in lines])


def _wps(path: Path, lines: list[str]) -> Path:  # WPS Office saves .wps as Word's binary format
    return ff.make_doc(path, lines)


MAKERS: dict[str, Callable[[Path, list[str]], Path]] = {
    ".doc": ff.make_doc, ".wps": _wps, ".rtf": ff.make_rtf, ".odt": ff.make_odt, ".ofd": ff.make_ofd,
    ".docx": _docx, ".pdf": lf.make_wrapped_pdf,
}
FORMAT_NAMES = {".doc": "doc", ".wps": "wps", ".rtf": "rtf", ".odt": "odt", ".ofd": "ofd", ".docx": "docx",
                ".pdf": "pdf"}


@pytest.mark.parametrize("suffix", sorted(MAKERS))
@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_seed_made_into_each_format_analyses_like_the_plain_seed(seed: Path, suffix: str, tmp_path: Path) -> None:
    plain = analyze_document(load(seed))
    made = MAKERS[suffix](tmp_path / f"report{suffix}", ff.seed_lines(seed.read_text(encoding="utf-8")))
    doc = load(made)
    agreement = compare(plain, analyze_document(doc))
    assert doc.format == FORMAT_NAMES[suffix]
    assert agreement.parts_same and agreement.headings_same
    assert agreement.figures >= 0.98, agreement.missing


def test_doc_fields_cells_and_pieces(tmp_path: Path) -> None:
    body = ("一、主要举措\r全年办理\x13 HYPERLINK \"http://x\" \x14行政复议\x15案件59件。\r"
            "项目\x07数量\x07\x07复议\x0759件\x07\x07第\x13 PAGE \x141\x15页\x0b换行\r")
    path = tmp_path / "r.doc"
    path.write_bytes(word97(body, ascii_head="Report 2021\r", tail="页眉：不属于正文\r"))
    doc = load(path)
    assert doc.text.split("\n") == [
        "Report 2021", "一、主要举措", "全年办理行政复议案件59件。",
        "项目", "数量", "复议", "59件", "第1页", "换行", "",
    ]


def test_doc_with_a_0table_stream(tmp_path: Path) -> None:
    path = tmp_path / "r.doc"
    path.write_bytes(word97("正文第一段\r", one_table=False))
    assert load(path).text == "正文第一段\n"


@pytest.mark.parametrize(("name", "data", "kind", "words"), [
    ("locked.doc", word97("机密\r", encrypted=True), "encrypted", "已加密"),
    ("word95.doc", word97("旧\r", nfib=0x0065), "unsupported", "Word 6.0/95"),
    ("works.wps", compound_file({"CONTENTS": b"x" * 100}), "unsupported", "Works"),
    ("kingsoft.wps", b"\x00\x01WPS\x9c\xff" * 40, "corrupt", "不是有效的 WPS 文字文档"),
    ("password.docx", compound_file({"EncryptionInfo": b"x", "EncryptedPackage": b"y"}), "encrypted", "加密"),
    ("torn.doc", word97("正文\r")[:1500], "corrupt", "损坏"),
    ("noclx.doc", compound_file({"WordDocument": word97("x\r")[:0] + b"\xec\xa5\xc1\x00" + b"\0" * 2000,
                                 "0Table": b""}), "corrupt", "损坏"),
])
def test_bad_word_files_say_what_is_wrong(tmp_path: Path, name: str, data: bytes, kind: str, words: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReportLoadError) as err:
        load(path)
    assert err.value.kind == kind
    assert str(err.value).startswith(name) and words in str(err.value)


def test_doc_renamed_to_docx_still_opens(tmp_path: Path) -> None:
    path = tmp_path / "renamed.docx"
    path.write_bytes(word97("一、主要举措\r"))
    assert (load(path).format, load(path).text) == ("doc", "一、主要举措\n")


def test_rtf_code_pages_unicode_escapes_and_skipped_groups(tmp_path: Path) -> None:
    rtf = (r"{\rtf1\ansi\ansicpg936{\fonttbl{\f0\fcharset134 \'cb\'ce\'cc\'e5;}}{\colortbl;\red0\green0\blue0;}"
           r"{\stylesheet{\s0 Normal;}}{\info{\title \'b1\'ea\'cc\'e2}}{\*\generator WPS;}"
           r"{\pict\pngblip 89504e47}\f0 \'d6\'d0\'ce\'c4 2021\line \u-28711?\u37324?\par"
           r"{\field{\*\fldinst HYPERLINK x}{\fldrslt \'bd\'e1\'b9\'fb}}\par}")
    path = tmp_path / "r.rtf"
    path.write_bytes(rtf.encode("ascii"))
    doc = load(path)
    assert (doc.format, doc.encoding, doc.text) == ("rtf", "gb18030", "中文 2021\n这里\n结果\n")


def test_rtf_in_words_shape_font_charset_and_uc(tmp_path: Path) -> None:
    rtf = r"{\rtf1\ansi\ansicpg1252\uc2{\fonttbl{\f1\fcharset134 SimSun;}}\f1 \'d6\'d0 \u25991\'ce\'c4\par}"
    path = tmp_path / "w.rtf"
    path.write_bytes(rtf.encode("ascii"))
    assert load(path).text == "中 文\n"


def test_rtf_characters_outside_gbk_survive(tmp_path: Path) -> None:
    path = ff.make_rtf(tmp_path / "r.rtf", ["𠮷野家与䶮字的报告"])
    assert load(path).text == "𠮷野家与䶮字的报告\n"


def test_mht_page_opens_as_a_web_page(tmp_path: Path) -> None:
    html = "<html><body><p>一、主要举措</p><p>办理案件59件。</p></body></html>".encode("gb18030")
    mht = (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n'
           b"Content-Type: text/html; charset=gb2312\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
           + html + b"\r\n--b--\r\n")
    path = tmp_path / "page.mht"
    path.write_bytes(mht)
    doc = load(path)
    assert doc.format == "mht" and doc.text == "一、主要举措\n办理案件59件。\n"


def test_odt_headings_lists_tables_and_spacing(tmp_path: Path) -> None:
    doc = load(ff.make_structured_odt(tmp_path / "r.odt"))
    assert doc.text.split("\n") == [
        "某区2021年法治政府建设情况报告",
        "一、主要举措和成效", "（一）加强党的领导", "（二）推进依法行政", "二、存在的不足和原因",
        "全年办理  行政复议案件59件\t同比", "增长10%。",
        "项目", "数量", "复议", "59件",
        "下一年度安排", "",
    ]
    assert [(h.line, h.level, h.label) for h in doc.hints] == [
        (0, 1, None), (1, 1, "一、"), (2, 2, "（一）"), (3, 2, "（二）"), (4, 1, "二、"), (11, 2, None),
    ]


def test_ofd_reading_order_comes_from_positions(tmp_path: Path) -> None:
    lines = ["一、主要举措和成效", "全年办理行政复议案件59件，纠错率44%。", "二、存在的不足和原因"]
    doc = load(ff.make_ofd(tmp_path / "r.ofd", lines, header="某区人民政府"))
    assert doc.format == "ofd" and doc.text == "某区人民政府\n" + "\n".join(lines) + "\n"


@pytest.mark.parametrize(("name", "drop", "words"), [
    ("noroot.ofd", "OFD.xml", "损坏"), ("nodoc.ofd", "Doc_0/Document.xml", "损坏"),
    ("nopage.ofd", "Doc_0/Pages/Page_0/Content.xml", "损坏"),
])
def test_incomplete_ofd_says_so(tmp_path: Path, name: str, drop: str, words: str) -> None:
    import zipfile

    full = ff.make_ofd(tmp_path / "full.ofd", ["正文"])
    with zipfile.ZipFile(full) as src, zipfile.ZipFile(tmp_path / name, "w") as dst:
        for item in src.namelist():
            if item != drop:
                dst.writestr(item, src.read(item))
    with pytest.raises(ReportLoadError) as err:
        load(tmp_path / name)
    assert err.value.kind == "corrupt" and words in str(err.value) and str(err.value).startswith(name)


def test_libreoffice_draws_doc_list_labels_where_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A .doc with automatic numbering goes to LibreOffice when it is there; without it, text without labels."""
    import struct

    from reviewer.formats import soffice

    data = bytearray(word97("主要举措和成效\r"))
    word_at = 3 * 512  # the WordDocument stream is the first stream after the FAT and directory sectors
    struct.pack_into("<I", data, word_at + 0x9A + 8 * 74 + 4, 16)  # lcbPlfLfo: lists are used
    path = tmp_path / "lists.doc"
    path.write_bytes(bytes(data))
    assert load(path).text == "主要举措和成效\n"
    numbered = lf.make_docx(tmp_path / "as_libreoffice_saves_it.docx", [(0, "主要举措和成效")]).read_bytes()
    monkeypatch.setattr(soffice, "soffice", lambda: "/usr/bin/soffice")
    monkeypatch.setattr(soffice, "convert_to_docx", lambda data, suffix: numbered)
    assert load(path).text == "一、主要举措和成效\n"


def test_a_damaged_doc_is_refused_even_where_libreoffice_would_read_it_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """5 KB of noise named .doc: LibreOffice imports any bytes as plain text, so it is not asked;
    the file is refused with the reason, not opened as a report of mojibake."""
    import random

    from reviewer.formats import soffice

    monkeypatch.setenv("REVIEWER_SOFFICE", "1")
    if soffice.soffice() is None:
        pytest.skip("LibreOffice is not installed: the route this guards is not there")
    path = tmp_path / "乱码.doc"
    path.write_bytes(random.Random(7).randbytes(5000))  # LibreOffice reads such bytes as UTF-16 "text"
    with pytest.raises(ReportLoadError) as err:
        load(path)
    assert err.value.kind == "corrupt"
    assert str(err.value) == "乱码.doc：不是有效的 Word 97-2003 文档（文件头不符），可能已损坏"


def test_an_rtf_cut_off_in_transfer_is_refused_not_read_as_a_short_report(tmp_path: Path) -> None:
    """Found by a helper session: the first 35 % of an RTF read as a report lacking three parts."""
    whole = ff.make_rtf(tmp_path / "报告.rtf", ff.seed_lines(seed_path("000").read_text(encoding="utf-8")))
    data = whole.read_bytes()
    cut = tmp_path / "截断.rtf"
    cut.write_bytes(data[: len(data) * 35 // 100])
    with pytest.raises(ReportLoadError) as caught:
        load(cut)
    assert caught.value.as_record().message == (
        "截断.rtf：RTF 文档不完整（文件在正文中间结束，可能没有传完或已损坏），无法完整读取；请让报送单位重新发送")
    assert load(whole).text.endswith("返回顶部\n")  # the whole of it
    gbk = tmp_path / "原始编码.rtf"  # raw GBK text: the second byte of 憑 is "{", so braces are not counted
    gbk.write_bytes(b"{\\rtf1\\ansi\\ansicpg936 " + "依法行政憑证".encode("gbk") + b"\\par}")
    assert load(gbk).text == "依法行政憑证\n"
