"""Scans read by OCR, offline: one small page image and one PDF with a scanned page (a few seconds)."""

from __future__ import annotations

import socket
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
    assert ticks == [(1, 1)]
    assert all(0 <= s < e <= len(doc.text) and 0 <= c < 1 for s, e, c in doc.uncertain)


def test_only_the_pages_without_text_are_read_by_ocr(tmp_path: Path, no_network: None) -> None:
    title = ["中共某区委 某区人民政府关于2021年度法治政府建设情况的报告", "各位领导："]
    ticks: list[tuple[int, int]] = []
    doc = load(ff.make_mixed_pdf(tmp_path / "mixed.pdf", title, LINES), progress=lambda d, t: ticks.append((d, t)))
    assert doc.format == "pdf+ocr"
    assert doc.text == "\n".join(title + LINES) + "\n"
    assert ticks == [(1, 1)]  # one page needed OCR


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
