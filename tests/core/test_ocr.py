"""Scans read by OCR, offline: one small page image and one PDF with a scanned page (a few seconds)."""

from __future__ import annotations

import socket
from dataclasses import replace
from pathlib import Path

import pytest

from reviewer.load import ReportLoadError, load, load_many
from tests.core import format_fixtures as ff

LINES = [
    "一、2021年度推进法治政府建设的主要举措和成效",
    "全年共办理行政复议案件59件，纠错率44%。",
    "（一）加强党的领导",
]


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a connection (a model download) fails the test."""
    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("OCR tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_a_scanned_page_image_reads_as_its_lines(tmp_path: Path, no_network: None) -> None:
    ticks: list[tuple[int, int]] = []
    doc = load(ff.make_scan_png(tmp_path / "scan.png", LINES), progress=lambda d, t: ticks.append((d, t)))
    assert doc.format == "ocr" and doc.encoding is None
    assert doc.text == "\n".join(LINES) + "\n"
    assert ticks == [(0, 1), (1, 1)]  # said before the first page too: it takes seconds
    assert all(0 <= s < e <= len(doc.text) and 0 <= c < 1 for s, e, c in doc.uncertain)


def test_only_the_pages_without_text_are_read_by_ocr(tmp_path: Path, no_network: None) -> None:
    title = ["中共某区委 某区人民政府关于2021年度法治政府建设情况的报告", "各位领导："]
    ticks: list[tuple[int, int]] = []
    doc = load(ff.make_mixed_pdf(tmp_path / "mixed.pdf", title, LINES), progress=lambda d, t: ticks.append((d, t)))
    assert doc.format == "pdf+ocr"
    assert doc.text == "\n".join(title + LINES) + "\n"
    assert ticks == [(0, 1), (1, 1)]  # one page needed OCR


def test_a_scan_with_a_print_stamp_in_its_text_layer_is_read_by_ocr_without_the_stamp(
        tmp_path: Path, no_network: None) -> None:
    stamp = "某区人民政府办公室 2021-02-10 打印 第1页"
    doc = load(ff.make_stamped_scan_pdf(tmp_path / "stamped.pdf", LINES, stamp))
    assert doc.format == "ocr"
    assert doc.text == "\n".join(LINES) + "\n"


def test_a_text_page_over_a_page_sized_picture_is_not_read_by_ocr(tmp_path: Path) -> None:
    text = "全年共办理行政复议案件59件，纠错率44%，行政诉讼败诉率下降，行政应诉工作进一步规范。"
    ticks: list[tuple[int, int]] = []
    doc = load(ff.make_stamped_scan_pdf(tmp_path / "letterhead.pdf", ["某区人民政府"], text),
               progress=lambda d, t: ticks.append((d, t)))
    assert doc.format == "pdf" and ticks == []
    assert doc.text == text + "\n"


def test_a_short_text_page_over_a_picture_keeps_its_text_layer(tmp_path: Path, no_network: None) -> None:
    text = "全年共办理行政复议案件59件，纠错率44%。"
    doc = load(ff.make_stamped_scan_pdf(tmp_path / "short.pdf", ["某区人民政府"], text))
    assert doc.text == text + "\n"


def test_a_scanned_ofd_is_read_by_ocr(tmp_path: Path, no_network: None) -> None:
    doc = load(ff.make_scanned_ofd(tmp_path / "扫描件.ofd", LINES))
    assert doc.format == "ocr"
    assert doc.text == "\n".join(LINES) + "\n"


def test_cancel_between_pages_stops_the_file_and_the_batch(tmp_path: Path) -> None:
    scan = ff.make_scan_png(tmp_path / "a_scan.png", LINES)
    text = tmp_path / "b.txt"
    text.write_text("一、主要举措\n", encoding="utf-8")
    with pytest.raises(ReportLoadError) as err:
        load(scan, cancelled=lambda: True)
    assert err.value.kind == "cancelled"
    calls = iter([False, True])  # the batch asks once before the file, then the page asks
    docs, errors = load_many([scan, text], cancelled=lambda: next(calls, True))
    assert (docs, errors) == ([], [])


def test_a_broken_image_is_named(tmp_path: Path) -> None:
    path = tmp_path / "broken.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    with pytest.raises(ReportLoadError) as err:
        load(path)
    assert err.value.kind == "corrupt" and str(err.value).startswith("broken.png")


def test_the_models_ship_inside_the_package() -> None:
    from importlib.resources import files

    models = [p.name for p in files("rapidocr").joinpath("models").iterdir() if p.name.endswith(".onnx")]
    assert any("det" in m for m in models) and any("rec" in m for m in models)


def test_an_image_with_almost_no_text_is_not_a_report(tmp_path: Path) -> None:
    path = ff.make_scan_png(tmp_path / "logo.png", ["徽标"])
    with pytest.raises(ReportLoadError) as err:
        load(path)
    assert err.value.kind == "scanned" and "几乎没有文字" in str(err.value)


PAGES = [
    ["某区人民政府关于2023年度法治政府建设情况的报告", "一、主要举措和成效", "全年共办理行政复议案件59件。"],
    ["二、存在的不足和原因", "基层执法人员培训不够。"],
    ["三、下一步工作安排", "加强行政执法监督。"],
]


def _text(pages: list[list[str]]) -> str:
    return "\n".join(line for page in pages for line in page) + "\n"


def test_a_long_scan_can_be_read_page_by_page_while_the_rest_is_recognised(tmp_path: Path) -> None:
    drafts: list[tuple[str, str, int, int]] = []
    doc = load(ff.make_scan_tiff(tmp_path / "scan.tif", PAGES),
               draft=lambda d, done, total: drafts.append((d.text, d.sha256, done, total)))
    assert doc.text == _text(PAGES)
    assert drafts == [(_text(PAGES[:1]), doc.sha256, 1, 3), (_text(PAGES[:2]), doc.sha256, 2, 3)]


def test_a_mixed_pdf_draft_holds_its_text_pages_and_the_scans_read_so_far(tmp_path: Path) -> None:
    title = ["某区人民政府关于2023年度法治政府建设情况的报告", "各位领导："]
    drafts: list[tuple[str, str, int, int]] = []
    pdf = ff.make_mixed_pdf(tmp_path / "mixed.pdf", title, PAGES[1], more_scans=[PAGES[2]])
    doc = load(pdf, draft=lambda d, done, total: drafts.append((d.text, d.format, done, total)))
    assert doc.format == "pdf+ocr" and doc.text == _text([title, PAGES[1], PAGES[2]])
    assert drafts == [(_text([title, PAGES[1]]), "pdf+ocr", 1, 2)]


def test_drafts_are_analysed_but_only_the_whole_scan_is_kept(tmp_path: Path) -> None:
    from reviewer.batch import import_reports
    from reviewer.checklist import load_checklist
    from reviewer.memory_store import MemoryReviewStore

    store = MemoryReviewStore()
    seen: list[tuple[list[str], int, int]] = []
    scan = ff.make_scan_tiff(tmp_path / "scan.tif", PAGES)
    result = import_reports([scan], load_checklist(), store, drafts=lambda a, done, total: seen.append(
        ([s.heading for s in a.sections], done, total)))
    assert seen == [(["一、主要举措和成效"], 1, 3), (["一、主要举措和成效", "二、存在的不足和原因"], 2, 3)]
    whole = result.analyses[0]
    assert [s.heading for s in whole.sections] == ["一、主要举措和成效", "二、存在的不足和原因", "三、下一步工作安排"]
    assert whole.file == str(scan) and [m.value for m in whole.metrics] == [59]
    assert [r.sha256 for r in store.reports()] == [whole.sha256]
    assert [d.text for d in store.documents([whole.sha256])] == [_text(PAGES)]


def test_a_figure_with_a_doubtful_character_is_a_finding_for_the_reviewer_only() -> None:
    from reviewer.analyze import analyze_document
    from reviewer.annotations import Voice, notes_for
    from reviewer.model import Document

    text = _text(PAGES)
    at = text.index("59件")
    doc = Document("scan.tif", text, "0" * 64, "ocr", None, 1, (), ((at + 1, at + 2, 0.42), (0, 2, 0.5)))
    a = analyze_document(doc)
    (f,) = [f for f in a.findings if f.kind == "uncertain_figure"]
    assert (f.start, f.end, f.severity) == (at, at + 3, "warning")
    assert f.message.render() == "“59件”中有文字识别（OCR）不确定的字（置信度 42%），请对照原件核对这个数字"
    assert f.message.render("en").startswith("“59件” has characters OCR was unsure of (confidence 42%)")
    notes = notes_for(a, {}, None, Voice("审阅人", "2026-11-30T09:12:00"))
    assert [n.kind for n in notes if n.kind == "finding"] == ["finding"] * (len(a.findings) - 1)
    assert not [n for n in notes if "OCR" in n.text]  # not the unit's doing: never sent back to it
    assert not [f for f in analyze_document(replace(doc, uncertain=())).findings if f.kind == "uncertain_figure"]


def test_a_scan_in_a_folder_is_read_after_the_other_reports_not_in_front_of_them(tmp_path: Path) -> None:
    from reviewer.batch import import_reports
    from reviewer.checklist import load_checklist
    from reviewer.memory_store import MemoryReviewStore

    folder = tmp_path / "in"
    folder.mkdir()
    ff.make_scan_tiff(folder / "a_扫描件.tif", PAGES)  # first by name
    # Another report than the scan's (the same text would be the same report: see test_samereport).
    (folder / "b.txt").write_text("一、主要举措和成效\n全年共办理行政诉讼案件7件。\n", encoding="utf-8")
    (folder / "c.txt").write_text("一、主要举措和成效\n全年共办理行政复议案件12件。\n", encoding="utf-8")
    groups: list[list[str]] = []
    store = MemoryReviewStore()
    result = import_reports([folder], load_checklist(), store,
                            on_done=lambda g: groups.append([Path(a.file).name for a in g]))
    assert [n for g in groups[:-1] for n in g] == ["b.txt", "c.txt"]  # the text reports shown before OCR starts
    assert groups[-1] == ["a_扫描件.tif"]
    assert [Path(a.file).name for a in result.analyses] == ["b.txt", "c.txt", "a_扫描件.tif"]
    assert result.errors == [] and len(result.added) == 3 and len(store.reports()) == 3


def test_the_command_line_says_which_page_of_a_scan_it_is_reading(
    tmp_path: Path, no_network: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page takes seconds: stderr says so from the start; stdout is the output alone."""
    from reviewer.cli import main

    ff.make_scan_png(tmp_path / "扫描件.png", LINES)
    assert main(["analyze", str(tmp_path / "扫描件.png"), "--json"]) == 0
    cap = capsys.readouterr()
    assert cap.err == "正在识别扫描件 扫描件.png：第 1/1 页\n"
    assert cap.out.startswith("{")


def test_a_scan_the_project_holds_is_not_recognised_again_when_its_folder_is_opened_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README says a scan is recognised once (found by a reviewer session: every reopening of the
    folder read it again, 25 s a time)."""
    from reviewer.batch import import_reports
    from reviewer.checklist import load_checklist
    from reviewer.formats import ocr
    from reviewer.store import open_store

    folder = tmp_path / "in"
    folder.mkdir()
    scan = ff.make_scan_tiff(folder / "扫描件.tif", PAGES[:1])
    store = open_store(tmp_path / "p.review")
    first = import_reports([folder], load_checklist(), store, workers=1)
    assert first.errors == [] and len(first.added) == 1
    pages: list[int] = []
    real = ocr.ocr_page
    monkeypatch.setattr(ocr, "ocr_page", lambda image: pages.append(1) or real(image))
    again = import_reports([folder], load_checklist(), store, workers=1)
    assert pages == [] and again.errors == [] and again.added == first.added
    assert [r.path for r in store.reports()] == [str(scan)]
    assert [a.text for a in again.analyses] == [a.text for a in first.analyses]


def test_scanned_pages_pasted_into_a_word_file_are_recognised(tmp_path: Path, no_network: None) -> None:
    """Found by a reviewer session: a .docx holding only the scanned pages said 文件中没有文字内容."""
    import docx
    from docx.shared import Inches

    document = docx.Document()
    for i, page in enumerate(PAGES[:2]):
        picture = tmp_path / f"p{i}.png"
        ff.page_image(page).save(picture)
        document.add_picture(str(picture), width=Inches(6))
    path = tmp_path / "扫描版.docx"
    document.save(str(path))
    deferred = load_many([path], ocr=False)[1]
    assert [e.kind for e in deferred] == ["needs_ocr"]  # read after the other files, as a scan is
    doc = load(path)
    assert doc.format == "docx+ocr" and doc.text == _text(PAGES[:2])
    titled = docx.Document()  # a typed title of more than 20 characters above the pasted pages
    titled.add_paragraph("关于某某区2023年度法治政府建设情况的报告")
    titled.add_picture(str(tmp_path / "p1.png"), width=Inches(6))
    titled.save(str(tmp_path / "有标题的扫描版.docx"))
    title = "关于某某区2023年度法治政府建设情况的报告"
    assert load(tmp_path / "有标题的扫描版.docx").text == f"{title}\n" + _text(PAGES[1:2])
    logo = docx.Document()
    logo.add_picture(str(ff.make_scan_png(tmp_path / "logo.png", ["徽"])), width=Inches(1))
    logo.save(str(tmp_path / "只有徽标.docx"))
    with pytest.raises(ReportLoadError) as err:
        load(tmp_path / "只有徽标.docx")
    assert err.value.kind == "scanned" and "文档中只有图片，图片中几乎没有文字" in str(err.value)
    logo.add_paragraph("一份只有一行字和一个徽标的通知。")  # the typed words stand when the picture holds none
    logo.save(str(tmp_path / "通知.docx"))
    assert load(tmp_path / "通知.docx").text == "\n一份只有一行字和一个徽标的通知。\n"  # the picture: a blank line
