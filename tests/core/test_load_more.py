"""Loader fixes found by a quality pass over messy, realistic inputs (each failed before its fix)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.load import ReportLoadError, load
from tests.conftest import seed_path


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
