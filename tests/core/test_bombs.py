"""Hostile containers stay in their box: zip bombs, paragraph floods, special files (issue 21 §4)."""

from __future__ import annotations

import os
import signal
import struct
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer.formats import base, zipguard
from reviewer.load import ReportLoadError, load, load_many
from reviewer.vocab import LOAD_PROBLEM
from tests.core import format_fixtures as ff
from tests.core import loader_fixtures as lf


@pytest.fixture
def deadline() -> Iterator[None]:
    """Fail instead of hanging: a loader that blocks is stopped after 10 s."""
    def stop(*_: object) -> None:
        raise TimeoutError("the loader blocked")

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(10)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def _bomb_docx(path: Path, inflated: int) -> Path:
    """A valid .docx whose document.xml pads to ``inflated`` bytes of zeros-like XML (compresses ~1000:1)."""
    lf.make_docx(path, [(None, "正文")])
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    doc = parts["word/document.xml"]
    parts["word/document.xml"] = doc.replace(b"</w:body>", b"<!--" + b" " * inflated + b"--></w:body>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def _load_error(path: Path) -> ReportLoadError:
    with pytest.raises(ReportLoadError) as err:
        load(path)
    return err.value


def test_docx_bomb_refused_from_the_zip_directory(tmp_path: Path, deadline: None) -> None:
    path = _bomb_docx(tmp_path / "bomb.docx", 60 * 1024 * 1024)
    assert path.stat().st_size < 200_000
    opened: list[str] = []
    real_open = zipfile.ZipFile.open
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(zipfile.ZipFile, "open", lambda self, name, *a, **k: opened.append(str(getattr(name, "filename",
                                                                                                   name)))
                   or real_open(self, name, *a, **k))
        err = _load_error(path)
    assert "word/document.xml" not in opened  # refused from the zip directory, before inflating anything
    assert err.kind == "bomb" and str(err).startswith("bomb.docx") and "压缩炸弹" in str(err)


@pytest.mark.parametrize("suffix", [".odt", ".ofd"])
def test_odt_and_ofd_bombs_too(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"bomb{suffix}"
    (ff.make_odt if suffix == ".odt" else ff.make_ofd)(path, ["正文"])
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("Pictures/padding.xml", b" " * (20 * 1024 * 1024))
    err = _load_error(path)
    assert err.kind == "bomb" and "压缩比" in str(err)


def test_total_size_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zipguard, "MAX_UNCOMPRESSED", 10_000)
    path = ff.make_odt(tmp_path / "big.odt", ["正文" * 4000])
    err = _load_error(path)
    assert err.kind == "bomb" and "解压后过大" in str(err)


def test_a_flood_of_empty_paragraphs_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "flood.docx"
    lf.make_docx(path, [(None, "正文")])
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(b"<w:body>", b"<w:body>" + b"<w:p/>" * 150_000)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    err = _load_error(path)  # within the deadline: the paragraphs are counted, not all parsed
    assert err.kind == "too_long" and "段落过多" in str(err)
    # the English window and workbook name the kind: not "too large" for a file far under the size limit
    assert LOAD_PROBLEM.label(err.kind, "en") == "Far more text than a report holds (too many characters or paragraphs)"


def test_character_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(base, "MAX_CHARS", 1000)
    err = _load_error(ff.make_odt(tmp_path / "long.odt", ["法治" * 600]))
    assert err.kind == "too_long" and "文字内容过多" in str(err)


def test_a_directory_that_understates_a_size_cannot_inflate_more(tmp_path: Path) -> None:
    path = ff.make_odt(tmp_path / "liar.odt", ["正文" * 5000])
    data = bytearray(path.read_bytes())
    # Rewrite content.xml's uncompressed size in the central directory to 100 bytes.
    at = data.rfind(b"PK\x01\x02", 0, data.rfind(b"content.xml"))
    struct.pack_into("<I", data, at + 24, 100)
    path.write_bytes(bytes(data))
    err = _load_error(path)
    assert err.kind == "corrupt"


def test_a_fifo_named_on_the_command_line_does_not_hang(tmp_path: Path, deadline: None) -> None:
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    err = _load_error(fifo)
    assert err.kind == "special" and "不是普通文件" in str(err)
    good = tmp_path / "good.txt"
    good.write_text("一、主要举措\n", encoding="utf-8")
    docs, errors = load_many([fifo, good])
    assert [Path(d.path).name for d in docs] == ["good.txt"] and errors[0].kind == "special"


def test_random_bytes_in_every_container_give_a_named_error(tmp_path: Path) -> None:
    import random

    rng = random.Random(16)
    ole, zipped = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"PK\x03\x04"
    heads = {".docx": zipped, ".odt": zipped, ".ofd": zipped, ".doc": ole, ".wps": ole, ".rtf": b"{\\rtf1",
             ".pdf": b"%PDF-1.4", ".png": b"\x89PNG\r\n\x1a\n", ".mht": b"MIME-Version: 1.0\r\n"}
    for suffix, head in heads.items():
        for n in range(5):
            path = tmp_path / f"fuzz{n}{suffix}"
            path.write_bytes(head + rng.randbytes(rng.randrange(10, 3000)))
            try:
                load(path)
            except ReportLoadError as err:
                assert str(err).startswith(path.name)
