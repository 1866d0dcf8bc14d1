"""An .rtf is read as Word shows it (found in a review): tracked deletions are left out, table cells are
lines as in a .docx, and an automatic number stands at the start of its heading as in a .docx."""

from __future__ import annotations

from pathlib import Path

from reviewer.analyze import analyze_document
from reviewer.load import load
from tests.core.format_fixtures import _rtf_escape as esc

HEAD = r"{\rtf1\ansi\ansicpg936{\fonttbl{\f0\fcharset134 SimSun;}}{\*\revtbl{Unknown;}{x;}}\f0 "


def _rtf(tmp_path: Path, body: str, name: str = "r.rtf") -> Path:
    path = tmp_path / name
    path.write_bytes((HEAD + body + "}").encode("ascii"))
    return path


def test_tracked_deletions_are_left_out_and_insertions_kept(tmp_path: Path) -> None:
    body = (esc("全年办理行政复议案件59件。")
            + r"{\deleted\revauthdel1\revdttmdel-945747968 " + esc("全年共办理行政复议案件") + r"}"
            + r"{\deleted\revauthdel1 9999}{\deleted \u20214\'3f\u12290\'3f}"  # 件。 as Unicode escapes
            + r"{\revised\revauth1 " + esc("其中纠错12件。") + r"}\par"
            + r"\pard{\deleted " + esc("【整段删除】没有不足。") + r"\par}"  # its paragraph mark deleted too
            + r"\pard " + esc("二、存在的不足") + r"\par"
            + r"\pard\plain " + esc("正文") + r"\deleted " + esc("删到组末") + r"{\deleted0 " + esc("保留")
            + r"}\plain " + esc("又保留") + r"\par")
    doc = load(_rtf(tmp_path, body))
    assert doc.text == "全年办理行政复议案件59件。其中纠错12件。\n二、存在的不足\n正文保留又保留\n"
    assert [m.text for m in analyze_document(doc).metrics] == ["59件", "12件"]
