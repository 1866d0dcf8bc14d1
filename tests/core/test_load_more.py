"""Loader fixes found by a quality pass over messy, realistic inputs (each failed before its fix)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.formats.numbering import Numbering, format_number, parse_numbering
from reviewer.load import ReportLoadError, load
from tests.conftest import seed_path
from tests.core.loader_fixtures import make_columns_pdf, make_docx, make_html, make_pdf, make_wrapped_pdf


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_text_without_bom_loads_like_the_utf8_seed(tmp_path: Path, encoding: str) -> None:
    seed = seed_path("001").read_text(encoding="utf-8")
    path = tmp_path / "report.txt"
    path.write_bytes(seed.replace("\n", "\r\n").encode(encoding))
    doc = load(path)
    assert doc.encoding == encoding
    assert doc.text == seed


def test_binary_with_nuls_everywhere_is_still_binary(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(ReportLoadError) as info:
        load(path)
    assert info.value.kind == "binary"


# Government sites and shared drives hand out pages, PDFs and .docx files under a ".doc" name.
LINES = ["一、主要成效", "（一）依法行政", "全年办理行政复议案件59件。"]


def test_web_page_saved_as_doc_loads_as_html(tmp_path: Path) -> None:
    doc = load(make_html(tmp_path / "报告.doc", LINES))
    assert doc.format == "html"
    assert [ln for ln in doc.text.split("\n") if ln] == LINES


def test_pdf_named_doc_loads_as_pdf(tmp_path: Path) -> None:
    doc = load(make_pdf(tmp_path / "报告.doc", LINES))
    assert (doc.format, doc.text) == ("pdf", "\n".join(LINES) + "\n")


def test_docx_named_doc_loads_as_docx(tmp_path: Path) -> None:
    doc = load(make_docx(tmp_path / "报告.doc", [(0, "主要成效")]))
    assert (doc.format, doc.text) == ("docx", "一、主要成效\n特此报告。\n")


# The other way round: a document renamed .txt is read as what its bytes say, not refused as binary
# nor shown as its codes ({\rtf1\ansi …); a .txt holding HTML is still the text a text editor shows.
def test_documents_named_txt_load_as_what_they_are(tmp_path: Path) -> None:
    pdf = load(make_pdf(tmp_path / "a.txt", LINES))
    assert (pdf.format, pdf.text) == ("pdf", "\n".join(LINES) + "\n")
    docx = load(make_docx(tmp_path / "b.txt", [(0, "主要成效")]))
    assert (docx.format, docx.text) == ("docx", "一、主要成效\n特此报告。\n")
    rtf = tmp_path / "c.txt"
    rtf.write_bytes(b"{\\rtf1\\ansi\\ansicpg936 {\\fonttbl{\\f0 SimSun;}}\\f0 "
                    + "\\par ".join(LINES).encode("gb18030") + b"}")
    got = load(rtf)
    assert got.format == "rtf" and [ln for ln in got.text.split("\n") if ln] == LINES
    page = load(make_html(tmp_path / "d.txt", LINES))
    assert page.format == "txt" and "<html" in page.text.lower()


# A container suffix over text bytes is a damaged or mislabelled file: refused, naming the file, not
# analysed as a report ("PK garbage not a zip" named x.docx was opened as a report 缺29).
@pytest.mark.parametrize(("name", "data", "words"), [
    ("x.docx", b"PK garbage not a zip", "内容却不是 Word 文档（而是纯文本）"),
    ("报告.docx", "\r\n".join(LINES).encode("gb18030"), "内容却不是 Word 文档（而是纯文本）"),
    ("x.odt", b"PK garbage not a zip", "内容却不是 OpenDocument 文本（而是纯文本）"),
    ("x.ofd", b"PK garbage not a zip", "内容却不是 OFD 版式文档（而是纯文本）"),
    ("x.pdf", b"PK garbage not a zip", "内容却不是 PDF 文档（而是纯文本）"),
    ("x.pdf", b"<!DOCTYPE html><html><body>404 Not Found</body></html>", "内容却不是 PDF 文档（而是网页）"),
    ("x.xlsx", b"PK garbage not a zip", "内容却不是 .xlsx 文件（而是纯文本）"),
    ("x.doc", b"PK garbage not a zip", "内容却不是 Word 97-2003 文档（而是纯文本）"),
    ("x.wps", b"PK garbage not a zip", "内容却不是 WPS 文字文档（而是纯文本）"),
])
def test_text_under_a_container_suffix_is_refused_naming_the_file(
    tmp_path: Path, name: str, data: bytes, words: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReportLoadError) as info:
        load(path)
    assert info.value.kind == "mismatch"
    assert str(info.value).startswith(f"{name}：扩展名是 {path.suffix}，") and words in str(info.value)


def test_chinese_plain_text_named_doc_still_loads_as_text(tmp_path: Path) -> None:
    # Office systems export reports as text under a ".doc" name; that text is the report.
    path = tmp_path / "报告.doc"
    path.write_bytes("\r\n".join(LINES).encode("gb18030"))
    doc = load(path)
    assert (doc.format, doc.encoding, doc.text) == ("txt", "gb18030", "\n".join(LINES))


def test_text_saved_under_a_legacy_suffix_loads_as_text(tmp_path: Path) -> None:
    path = tmp_path / "文档.wps"
    path.write_bytes("\r\n".join(LINES).encode("gb18030"))
    doc = load(path)
    assert (doc.format, doc.text) == ("txt", "\n".join(LINES))


@pytest.mark.parametrize(("name", "data", "kind", "words"), [
    ("旧版.doc", b"\xd0\xcf\x11\xe0" + b"x" * 50, "corrupt", "损坏"),
    ("文档.wps", b"\x00\x01WPS\xff" * 20, "corrupt", "另存为 .docx"),
])
def test_legacy_suffix_with_foreign_bytes_says_what_they_are(
    tmp_path: Path, name: str, data: bytes, kind: str, words: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReportLoadError) as info:
        load(path)
    assert info.value.kind == kind
    assert words in str(info.value) and str(info.value).startswith(name)


def test_page_declaring_gb2312_but_served_as_utf8_is_not_mojibake(tmp_path: Path) -> None:
    # Migrated sites keep the old declaration; these UTF-8 bytes also decode as GB18030 without
    # error, into "娲ュ崡鍖轰汉姘戞斂搴滃叧".
    path = tmp_path / "migrated.html"
    path.write_bytes('<html><head><meta charset="gb2312"></head><body><p>津南区人民政府关</p></body></html>'.encode())
    doc = load(path)
    assert (doc.encoding, doc.text) == ("utf-8", "津南区人民政府关\n")


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
LEVELS = (
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>'
)


def _numbering(nums: str, levels: str = LEVELS) -> Numbering:
    from lxml import etree

    xml = f'<w:numbering {W_NS}><w:abstractNum w:abstractNumId="7">{levels}</w:abstractNum>{nums}</w:numbering>'
    return parse_numbering(etree.fromstring(xml))


def test_word_lists_sharing_an_abstract_continue_and_start_override_restarts() -> None:
    # Word continues one list across numIds of the same abstractNum; "restart numbering" (and
    # "set numbering value") writes a new numId whose lvlOverride carries a startOverride.
    numbering = _numbering(
        '<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="7"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="7"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>'
    )
    got = [numbering.label(n, lvl) for n, lvl in [("1", 0), ("1", 1), ("2", 0), ("2", 1), ("3", 0), ("3", 0)]]
    assert got == ["一、", "一.1", "二、", "二.1", "五、", "六、"]  # %1 keeps level 1's format (no isLgl)


def test_lvl_override_replaces_the_level_definition() -> None:
    numbering = _numbering(
        '<w:num w:numId="4"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="第%1条"/></w:lvl>'
        "</w:lvlOverride></w:num>"
    )
    assert [numbering.label("4", 0) for _ in range(2)] == ["第1条", "第2条"]


@pytest.mark.parametrize(
    ("n", "fmt", "label"),
    [
        (3, "ideographTraditional", "丙"),  # 甲乙丙丁: heavenly stems, not 壹贰叁
        (3, "chineseLegalSimplified", "叁"),
        (105, "chineseCounting", "一百零五"),
        (120, "chineseCountingThousand", "一百二十"),
        (12, "ideographDigital", "一二"),
        (28, "lowerLetter", "bb"),
        (4, "upperRoman", "IV"),
        (3, "decimalEnclosedParen", "⑶"),
    ],
)
def test_more_word_number_formats(n: int, fmt: str, label: str) -> None:
    assert format_number(n, fmt) == label


def test_vertically_merged_table_cell_is_one_line(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).merge(table.cell(2, 0)).text = "行政复议"
    for r, value in enumerate(["收案59件", "审结43件", "纠错率44%"]):
        table.cell(r, 1).text = value
    path = tmp_path / "merged.docx"
    document.save(str(path))
    assert load(path).text == "行政复议\n收案59件\n审结43件\n纠错率44%\n"


def test_two_column_pdf_reads_the_left_column_first(tmp_path: Path) -> None:
    left = [f"左栏第{i}行依法行政工作持续推进" for i in range(1, 9)]
    right = [f"右栏第{i}行行政复议案件办理规范" for i in range(1, 9)]
    title = "某某区2021年法治政府建设情况的报告（全文发布）"
    doc = load(make_columns_pdf(tmp_path / "two.pdf", title, left, right))
    assert doc.text == "\n".join([title, *left, *right]) + "\n"


def test_label_value_table_in_a_pdf_stays_row_by_row(tmp_path: Path) -> None:
    labels = ["索引号：", "发布机构：", "发文日期：", "主题分类："]
    values = ["11120000/2022-00015", "市司法局", "2022年03月11日", "政务公开/法治政府"]
    doc = load(make_columns_pdf(tmp_path / "meta.pdf", "法治政府建设年度报告", labels, values, x_right=200))
    assert doc.text.split("\n")[1:5] == [f"{a} {b}" for a, b in zip(labels, values, strict=True)]


def test_hard_wrapped_pdf_paragraphs_are_rejoined(tmp_path: Path) -> None:
    paras = [ln.strip() for ln in seed_path("001").read_text(encoding="utf-8").splitlines() if ln.strip()][5:13]
    doc = load(make_wrapped_pdf(tmp_path / "wrapped.pdf", paras))
    # One page (joining across a page break is not attempted); no spaces between Chinese characters.
    assert doc.text.split("\n")[:-1] == paras
