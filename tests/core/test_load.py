"""Loading every report format a reviewer receives, and every kind of bad file."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from reviewer.load import ReportLoadError, decode_text, load, load_many
from tests.conftest import SEED_FILES, seed_path
from tests.core import loader_fixtures as fx

SEED_001 = seed_path("001").read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "utf-16", "utf-16-le-bom", "utf-16-be-bom"])
@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_encodings_round_trip_to_the_same_text(seed: Path, encoding: str, tmp_path: Path) -> None:
    original = load(seed)
    text = seed.read_text(encoding="utf-8")
    if encoding == "utf-16-le-bom":
        data = b"\xff\xfe" + text.encode("utf-16-le")
    elif encoding == "utf-16-be-bom":
        data = b"\xfe\xff" + text.encode("utf-16-be")
    else:
        data = text.encode(encoding)
    f = tmp_path / "r.txt"
    f.write_bytes(data)
    doc = load(f)
    assert doc.text == original.text
    assert doc.format == "txt" and original.encoding == "utf-8"


def test_crlf_and_cr_become_newlines_and_nothing_else_changes(tmp_path: Path) -> None:
    f = tmp_path / "r.txt"
    f.write_bytes("一、标题\r\n正文　 两个空格  \r末行".encode())
    assert load(f).text == "一、标题\n正文　 两个空格  \n末行"


def test_gb18030_only_characters_are_not_lost() -> None:
    text = "𠮷野家与䶮字的报告"  # outside GBK: decoding as GBK would fail or garble
    assert decode_text(text.encode("gb18030")) == (text, "gb18030")


def test_html_page_gives_the_report_text(tmp_path: Path) -> None:
    lines = [ln for ln in SEED_001.split("\n") if ln.strip()][:40]
    doc = load(fx.make_html(tmp_path / "page.html", lines))
    got = doc.text.split("\n")
    assert doc.format == "html" and doc.encoding == "gb18030"
    assert [ln for ln in got if ln] == [ln.strip() for ln in lines]
    assert "一、2021年度推进法治政府建设的主要举措和成效" in got
    assert "脚本不应出现" not in doc.text and "网站地图" not in doc.text and "政务公开 | 互动" not in doc.text


def test_docx_recovers_word_numbering_and_table_order(tmp_path: Path) -> None:
    blocks: list[tuple[int | None, str]] = [
        (None, "津南区人民政府关于2021年法治政府建设情况的报告"),
        (0, "主要举措和成效"),
        (1, "加强党的领导"),
        (None, "全年共办理行政复议案件59件。"),
        (1, "推进依法行政"),
        (2, "严格执法"),
        (0, "存在的不足和原因"),
        (1, "工作不平衡"),
    ]
    doc = load(fx.make_docx(tmp_path / "r.docx", blocks, table=[["项目", "数量"], ["复议", "59件"]]))
    assert doc.format == "docx" and doc.encoding is None
    assert doc.text.split("\n") == [
        "津南区人民政府关于2021年法治政府建设情况的报告",
        "一、主要举措和成效",
        "（一）加强党的领导",
        "全年共办理行政复议案件59件。",
        "（二）推进依法行政",
        "1.严格执法",
        "二、存在的不足和原因",
        "（一）工作不平衡",
        "项目", "数量", "复议", "59件",
        "特此报告。",
        "",
    ]
    assert [(h.line, h.level, h.label) for h in doc.hints] == [
        (1, 1, "一、"), (2, 2, "（一）"), (4, 2, "（二）"), (5, 3, "1."), (6, 1, "二、"), (7, 2, "（一）"),
    ]


def test_pdf_text_layer_in_reading_order(tmp_path: Path) -> None:
    lines = [ln.strip() for ln in SEED_001.split("\n") if ln.strip()][2:14]
    lines = [ln[:40] for ln in lines]
    doc = load(fx.make_pdf(tmp_path / "r.pdf", lines))
    assert doc.format == "pdf"
    assert [ln for ln in doc.text.split("\n") if ln] == lines


def test_scanned_pdf_asks_for_ocr(tmp_path: Path) -> None:
    with pytest.raises(ReportLoadError, match="OCR") as err:
        load(fx.make_scanned_pdf(tmp_path / "scan.pdf"))
    assert err.value.kind == "scanned" and "scan.pdf" in str(err.value)


def _zip_without_document(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    return path


BAD_FILES = {
    "empty.txt": (lambda p: p.write_bytes(b""), "empty", "空"),
    "blank.txt": (lambda p: p.write_bytes(b"  \n\r\n "), "empty", "空"),
    "binary.txt": (lambda p: p.write_bytes(b"\x00\x01\x02PK\x00" * 50), "binary", "二进制"),
    "random.docx": (lambda p: p.write_bytes(os.urandom(300)), "corrupt", "损坏"),
    "nodoc.docx": (_zip_without_document, "corrupt", "损坏"),
    "locked.docx": (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600), "encrypted", "加密"),
    "broken.pdf": (lambda p: p.write_bytes(b"%PDF-1.4\n garbage"), "corrupt", "损坏"),
    "old.doc": (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0" + b"x" * 50), "corrupt", "损坏"),
    "report.wps": (lambda p: p.write_bytes(b"\x00\x01WPS\xff" * 20), "corrupt", "不是有效的 WPS 文字文档"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_files_give_a_clear_error_naming_the_file(name: str, tmp_path: Path) -> None:
    make, kind, words = BAD_FILES[name]
    path = tmp_path / name
    make(path)
    with pytest.raises(ReportLoadError) as err:
        load(path)
    assert err.value.kind == kind
    assert str(err.value).startswith(name) and words in str(err.value)


def test_too_large_and_vanished(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes("报告".encode() * 1000)
    with pytest.raises(ReportLoadError, match="文件过大") as err:
        load(big, max_bytes=1000)
    assert err.value.kind == "too_large"
    with pytest.raises(ReportLoadError, match="不存在") as err:
        load(tmp_path / "gone.txt")
    assert err.value.kind == "vanished"
    # where it was looked for: with several paths given, a name alone did not say which (a helper session)
    assert str(err.value) == f"gone.txt：文件不存在（在 {tmp_path} 中找不到），或读取时已被移走"
    hair = tmp_path / "刚超.txt"  # 50 MB and a few hundred bytes: not "50.0 MB，上限 50 MB"
    hair.write_bytes(b"a" * (50 * 1024 * 1024 + 300))
    with pytest.raises(ReportLoadError) as err:
        load(hair)
    assert str(err.value) == ("刚超.txt：文件过大（50.1 MB，上限 50 MB）；"
                              "请确认它是报告，扫描件可降低分辨率或拆分后再打开")


def test_a_scan_of_many_pages_is_not_refused_for_its_size(tmp_path: Path) -> None:
    """A stamped 40-page scan weighs ~100 MB (found by a reviewer session): PDFs, OFDs and page images
    may be six times as large as a text file, read page by page."""
    from reviewer.load import PAGES_MAX_BYTES

    scan = tmp_path / "盖章扫描件.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + b"0" * (102 * 1024 * 1024))  # not a real PDF: read, then refused as damaged
    with pytest.raises(ReportLoadError) as err:
        load(scan)
    assert err.value.kind == "corrupt"
    with pytest.raises(ReportLoadError) as err:
        load(scan, max_bytes=PAGES_MAX_BYTES // 3)
    assert err.value.kind == "too_large"


def test_load_many_keeps_going_past_bad_files(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    (folder / "sub").mkdir(parents=True)
    for seed in SEED_FILES[:3]:
        (folder / "sub" / seed.name).write_bytes(seed.read_bytes())
    (folder / "a_empty.txt").write_bytes(b"")
    (folder / "z_binary.txt").write_bytes(b"\x00" * 100)
    (folder / "m.wps").write_bytes(b"\x00\x01WPS\xff" * 20)
    (folder / "~$lock.docx").write_bytes(b"x")  # Word's lock file: not a report
    (folder / ".~lock.报告.docx#").write_bytes(b"x")  # LibreOffice's
    (folder / "._报告.docx").write_bytes(b"\x00\x05\x16\x07")  # the AppleDouble file a Mac copies beside it
    (folder / ".泰州报告.txt").write_bytes(SEED_FILES[3].read_bytes())  # Windows shows it: read, not left out
    (folder / ".#报告.txt").symlink_to("user@host.1234:1700000000")  # Emacs's lock: nobody's document
    (folder / ".a_副本.txt").write_bytes(SEED_FILES[0].read_bytes())  # a hidden copy: the one seen is opened
    ticks: list[tuple[int, int]] = []
    docs, errors = load_many([folder], progress=lambda i, n: ticks.append((i, n)))
    assert [Path(d.path).name for d in docs] == [*(s.name for s in SEED_FILES[:3]), ".泰州报告.txt"]
    assert [(Path(e.path).name, e.kind) for e in errors] == [
        ("a_empty.txt", "empty"), ("m.wps", "corrupt"), ("z_binary.txt", "corrupt"), (".a_副本.txt", "duplicate"),
    ]
    assert ticks[-1] == (8, 8)


def test_the_same_report_twice_is_loaded_once(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "copy.txt"
    a.write_bytes(SEED_FILES[0].read_bytes())
    b.write_bytes(SEED_FILES[0].read_bytes())
    docs, errors = load_many([a, b, a])
    assert [Path(d.path).name for d in docs] == ["a.txt"]
    assert [(Path(e.path).name, e.kind) for e in errors] == [("copy.txt", "duplicate"), ("a.txt", "duplicate")]
    assert "a.txt" in errors[0].message


def test_pdf_extractor_spacing_between_han_characters_is_removed() -> None:
    from reviewer.formats.pdf import _unspace

    assert _unspace("法 治 政 府 建 设 年 度 报 告") == "法治政府建设年度报告"
    joint = "中共泰州市委 泰州市人民政府关于法治政府建设的报告"
    assert _unspace(joint) == joint


def test_a_folder_walk_names_every_file_it_does_not_read(tmp_path: Path) -> None:
    """Found by a reviewer session: a unit's 报告合集.zip, an .xls, a broken link went unmentioned; and
    the pictures a saved web page keeps beside it are no scans to read."""
    import zipfile

    folder = tmp_path / "来件"
    (folder / "页面_files").mkdir(parents=True)
    with zipfile.ZipFile(folder / "报告合集.zip", "w") as z:
        z.writestr("a.txt", "一、主要举措和成效\n")
    (folder / "统计表.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    (folder / "无扩展名").write_bytes(SEED_FILES[0].read_bytes())  # read by what it holds
    (folder / "断开的链接.txt").symlink_to(tmp_path / "gone.txt")
    (folder / "页面.htm").write_text("<p>一、主要举措和成效</p><p>受理行政复议案件59件。</p>", encoding="utf-8")
    (folder / "页面_files" / "image001.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / ".DS_Store").write_bytes(b"\x00")
    (folder / "~$报告.docx").write_bytes(b"x")
    docs, errors = load_many([folder])
    assert sorted(Path(d.path).name for d in docs) == ["无扩展名", "页面.htm"]
    assert sorted((Path(e.path).name, e.kind, e.message.split("：", 1)[1]) for e in errors) == [
        ("报告合集.zip", "archive", "这是压缩包，不会自动解压；请解压后再打开其中的报告"),
        ("断开的链接.txt", "vanished", "这是一个链接（快捷方式），它指向的文件已不存在"),
        ("统计表.xls", "not_report", "“.xls”是表格或演示文稿，不是报告文件，未读取（报告的附件请另行查看）"),
    ]


def test_files_of_one_name_in_units_folders_are_told_apart(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """Found by a reviewer session: 报告.docx：文件是空的 and 报告.docx：Word 文档已损坏, for two units."""
    import openpyxl

    from reviewer.cli import main
    from reviewer.paths import distinct_names

    assert distinct_names(["/收文/和平区/2021/报告.docx", "/收文/河西区/报告.docx", "/收文/b.txt"]) == [
        "和平区/2021/报告.docx", "河西区/报告.docx", "b.txt"]
    (tmp_path / "和平区" / "2021").mkdir(parents=True)
    (tmp_path / "河西区").mkdir()
    (tmp_path / "和平区" / "2021" / "报告.docx").write_bytes(b"")
    (tmp_path / "河西区" / "报告.docx").write_bytes(b"PK\x03\x04 not a zip")
    (tmp_path / "河西区" / "b.txt").write_bytes(SEED_FILES[0].read_bytes())
    assert main(["export", str(tmp_path), "-o", str(tmp_path / "r.xlsx")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "和平区/2021/报告.docx：文件是空的"
    assert err[1].startswith("河西区/报告.docx：")
    rows = [[c for c in r if c is not None] for r in openpyxl.load_workbook(tmp_path / "r.xlsx")["汇总"].iter_rows(
        values_only=True)]
    at = next(i for i, r in enumerate(rows) if r and str(r[0]).startswith("未能读取的文件"))
    assert [r[0] for r in rows[at + 1 :]] == ["和平区/2021/报告.docx", "河西区/报告.docx"]


def test_a_reader_slip_a_drawing_for_a_page_or_a_link_to_a_folder_never_stops_the_batch(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found in a review: a .docx whose only picture is an EMF drawing, and a link to a folder inside
    an opened folder, each raised out of load_many and ended the whole batch."""
    import struct
    import zipfile

    import docx
    from docx.shared import Inches
    from PIL import Image

    from reviewer.formats import docx as docx_reader

    folder = tmp_path / "来件"
    (folder / "2023").mkdir(parents=True)
    (folder / "2023" / "a.txt").write_bytes(SEED_FILES[0].read_bytes())
    (folder / "最新").symlink_to(folder / "2023", target_is_directory=True)
    Image.new("RGB", (50, 50), "white").save(tmp_path / "p.png")
    made = docx.Document()
    made.add_picture(str(tmp_path / "p.png"), width=Inches(1))
    made.save(str(tmp_path / "png.docx"))
    emf = struct.pack("<II4i4i", 1, 108, 0, 0, 100, 100, 0, 0, 2000, 2000) + b" EMF" + \
        struct.pack("<IIHHII", 0x10000, 108, 1, 0, 0, 0) + b"\0" * 48
    with zipfile.ZipFile(tmp_path / "png.docx") as zin, zipfile.ZipFile(folder / "图.docx", "w") as zout:
        for info in zin.infolist():
            zout.writestr(info, emf if info.filename.startswith("word/media/") else zin.read(info.filename))
    docs, errors = load_many([folder])
    assert [Path(d.path).name for d in docs] == ["a.txt"]
    assert [(Path(e.path).name, e.kind) for e in errors] == [("图.docx", "scanned")]
    monkeypatch.setattr(docx_reader, "load_docx", lambda data: 1 / 0)  # any slip of a reader
    (folder / "图.docx").write_bytes((tmp_path / "png.docx").read_bytes())
    docs, errors = load_many([folder])
    assert [Path(d.path).name for d in docs] == ["a.txt"]
    assert [(Path(e.path).name, e.kind, e.message) for e in errors] == [
        ("图.docx", "unreadable", "图.docx：读取时出错（ZeroDivisionError），未打开；请在 Word/WPS 中打开并另存后再试")]


def test_a_spreadsheet_sent_with_a_report_is_said_but_is_no_failure(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """Found in a review: a folder with a report and its 附表 .xlsx exited 1 and listed the spreadsheet
    among the unread files of the workbook, for good in a project."""
    import openpyxl

    from reviewer.cli import main

    folder = tmp_path / "来件"
    folder.mkdir()
    (folder / "报告.txt").write_bytes(SEED_FILES[0].read_bytes())
    book = openpyxl.Workbook()
    book.active.append(["执法人员", 120])
    book.save(folder / "附表1 行政执法统计.xlsx")
    assert main(["export", str(folder), "--project", str(tmp_path / "P.review"), "-o", str(tmp_path / "r.xlsx")]) == 0
    assert capsys.readouterr().err == ("已把 1 份新报告加入审阅项目 P\n"
                                       "附表1 行政执法统计.xlsx：“.xlsx”是表格或演示文稿，不是报告文件，未读取"
                                       "（报告的附件请另行查看）\n")
    rows = openpyxl.load_workbook(tmp_path / "r.xlsx")["汇总"].iter_rows(values_only=True)
    assert not any(c is not None and "未能读取" in str(c) for r in rows for c in r)


def test_a_pipe_named_like_a_report_in_a_folder_is_said_not_skipped(tmp_path: Path) -> None:
    """Found by a helper session: a FIFO named pipe.txt in a folder was passed over without a word."""
    from reviewer.load import load_many

    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "报告.txt").write_text(SEED_FILES[0].read_text(encoding="utf-8"), encoding="utf-8")
    docs, errors = load_many([tmp_path])
    assert [Path(d.path).name for d in docs] == ["报告.txt"]
    assert [(Path(e.path).name, e.kind, e.message) for e in errors] == [
        ("pipe.txt", "special", "pipe.txt：不是普通文件（而是管道、设备或套接字），未读取")]
