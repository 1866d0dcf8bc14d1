"""LibreOffice opens what we write: an annotated seed and its letter converted to PDF (skipped
where LibreOffice is not installed). The comments are exported as PDF notes and counted there."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from reviewer.analyze import analyze_document
from reviewer.annotate import AnnotateOptions, annotate_reports
from reviewer.checklist import load_checklist
from reviewer.load import load
from tests.conftest import seed_path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")]
# Writer's PDF export with every comment as a PDF note (ExportNotes), not only the page text.
WITH_NOTES = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'


def to_pdf(files: list[Path], out: Path) -> list[Path]:
    assert SOFFICE is not None
    profile = (out / "lo-profile").as_uri()  # its own profile: runs beside an open LibreOffice
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", WITH_NOTES,
                    "--outdir", str(out), *map(str, files)], capture_output=True, check=True, timeout=300)
    return [out / f"{f.stem}.pdf" for f in files]


def pdf_notes(path: Path) -> tuple[int, list[str]]:
    """(pages, the text of every note) of a PDF."""
    pdf = pdfium.PdfDocument(str(path))
    notes: list[str] = []
    for i in range(len(pdf)):
        page = pdf[i]
        for j in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
            annot = pdfium_c.FPDFPage_GetAnnot(page.raw, j)
            if pdfium_c.FPDFAnnot_GetSubtype(annot) == pdfium_c.FPDF_ANNOT_TEXT:
                notes.append(_contents(annot))
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return len(pdf), notes


def _contents(annot: object) -> str:
    size = pdfium_c.FPDFAnnot_GetStringValue(annot, b"Contents", None, 0)
    buf = (pdfium_c.FPDF_WCHAR * (size // 2))()
    pdfium_c.FPDFAnnot_GetStringValue(annot, b"Contents", buf, size)
    return bytes(buf).decode("utf-16-le").rstrip("\x00")


def test_an_annotated_seed_and_its_letter_render_in_libreoffice(tmp_path: Path) -> None:
    a = analyze_document(load(seed_path("000")), load_checklist())
    result = annotate_reports([a], tmp_path / "out", options=AnnotateOptions(reviewer="王审阅", letter=True,
                                                                                 include_unreviewed=True))
    (w,) = result.written
    assert w.letter is not None
    report_pdf, letter_pdf = to_pdf([w.annotated, w.letter], tmp_path)
    text = subprocess.run(["pdftotext", str(report_pdf), "-"], capture_output=True, text=True, check=True).stdout
    text = "".join(text.split())  # pdftotext spaces digits from Chinese and breaks lines where the page does
    assert "津南区2021年法治政府建设情况报告" in text and "二、存在的不足和原因" in text
    pages, notes = pdf_notes(report_pdf)
    assert pages >= 3
    assert len(notes) == w.comments == 9
    assert sum(n.startswith("【日期或数字缺损】") for n in notes) == 7
    assert any("请在文末补充落款单位" in n for n in notes)
    letter_pages, _ = pdf_notes(letter_pdf)
    assert letter_pages == 1  # one page per report
