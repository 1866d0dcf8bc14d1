"""``reviewer export`` and ``reviewer annotate`` write over files of the same name, as scripts expect, and
say so (found by a helper session: a workbook and a folder of annotated copies and letters were replaced
without a word). A file Excel or Word holds open is still refused with the words it had."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.cli import main
from tests.conftest import seed_path


def _locked(src: object, dst: object) -> None:
    raise PermissionError(13, "locked")


def test_export_says_it_replaced_the_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "审阅.xlsx"
    assert main(["export", str(seed_path("004")), "-o", str(out)]) == 0
    assert "覆盖" not in capsys.readouterr().err  # nothing was there
    assert main(["export", str(seed_path("003")), "-o", str(out)]) == 0
    cap = capsys.readouterr()
    assert cap.err == f"已覆盖原有文件 {out}\n" and cap.out == f"已导出 1 份报告的审阅结果：{out}\n"
    assert main(["export", str(seed_path("003")), "-o", str(out), "--lang", "en"]) == 0
    assert capsys.readouterr().err == f"Replaced the existing file {out}\n"
    before = out.read_bytes()
    monkeypatch.setattr("reviewer.outfiles.os.replace", _locked)  # open in Excel: refused as it was
    assert main(["export", str(seed_path("004")), "-o", str(out)]) == 1
    cap = capsys.readouterr()
    assert cap.err == "审阅.xlsx：无法写入，文件可能正在 Excel 中打开；请关闭后重试\n" and cap.out == ""
    assert out.read_bytes() == before


def test_annotate_says_which_copies_and_letters_it_replaced(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "退回"
    base = ["annotate", str(seed_path("004")), "-o", str(out), "--reviewer", "王", "--include-unreviewed"]
    assert main([*base, "--letter"]) == 0
    assert "覆盖" not in capsys.readouterr().err
    unit = "重庆市渝北区大盛镇人民政府_2023"
    copy, letter = f"{unit}年度_批注版.docx", f"{unit}年度_审阅意见书.docx"
    assert sorted(p.name for p in out.iterdir()) == sorted([copy, letter])
    assert main([*base, "--letter"]) == 0
    assert capsys.readouterr().err == f"已覆盖 {out} 中原有的 2 个文件：{copy}、{letter}\n"
    assert main(base) == 0  # the annotated copy alone
    assert capsys.readouterr().err == f"已覆盖原有文件 {out / copy}\n"
    assert main([*base, "--letter", "--lang", "en"]) == 0  # English names: nothing of the same name was there
    assert "Replaced" not in capsys.readouterr().err
    assert main([*base, "--letter", "--lang", "en"]) == 0
    en = (f"{unit}_annotated.docx", f"{unit}_review_letter.docx")
    assert capsys.readouterr().err == f"Replaced 2 existing files in {out}: {en[0]}, {en[1]}\n"
    monkeypatch.setattr("reviewer.outfiles.os.replace", _locked)  # open in Word: refused as it was
    assert main(base) == 1
    assert capsys.readouterr().err == f"{copy}：无法写入，文件可能正在 Word 中打开；请关闭后重试\n"
