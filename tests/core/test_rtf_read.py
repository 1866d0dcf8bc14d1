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


def _cell_row(*cells: str) -> str:
    return (r"\trowd\cellx2000\cellx4000\cellx6000\pard\intbl "
            + "".join(rf"{{{esc(c)}}}\cell " for c in cells) + r"\row ")


def test_table_cells_are_lines_as_in_a_docx_and_a_real_bar_stays(tmp_path: Path) -> None:
    body = (r"\pard " + esc("附表：2020年主要数据") + r"\par "
            + _cell_row("项目", "2019年", "2020年")
            + _cell_row("受理行政复议案件（件）", "125", "")  # an empty cell is no line, as in a .docx
            + r"\trowd\cellx3000\cellx6000\pard\intbl " + esc("行政诉讼") + r"\par " + esc("败诉率")
            + r"\cell " + esc("3.2%|1.5%") + r"\cell\row "  # two paragraphs in a cell; a bar in the text
            + r"\pard " + esc("特此报告。") + r"\par ")
    doc = load(_rtf(tmp_path, body))
    assert doc.text == ("附表：2020年主要数据\n项目\n2019年\n2020年\n受理行政复议案件（件）\n125\n"
                        "行政诉讼\n败诉率\n3.2%|1.5%\n特此报告。\n")


def test_automatic_numbers_stand_at_the_start_of_their_headings(tmp_path: Path) -> None:
    """As LibreOffice and Word write them: the label in a {\\listtext} group, a space before it and a tab
    after it; the outline got headings " 一、\\t2021年主要工作" (and lost the exact heading text)."""
    def item(label: str, text: str) -> str:
        return (r"\pard\plain \s1{\listtext\pard\plain  " + esc(label) + r"\tab}\ilvl0\ls7 \li0\fi0{"
                + esc(text) + r"}\par ")

    body = (r"\pard " + esc("津南区人民政府关于2021年法治政府建设情况的报告") + r"\par "
            + item("一、", "2021年主要工作举措及成效")
            + item("（一）", "加强党的领导") + r"\pard " + esc("全年办理行政复议案件59件。") + r"\par "
            + r"\pard{\listtext\pard\plain  1.\tab}\ilvl2\ls7 \fi0{ " + esc("严格执法。全年办理案件12件。")
            + r"}\par "
            + item("二、", "存在的不足和原因") + r"\pard " + esc("执法力量不足。") + r"\par ")
    doc = load(_rtf(tmp_path, body))
    assert doc.text.split("\n")[1:3] == ["一、2021年主要工作举措及成效", "（一）加强党的领导"]
    assert doc.text.split("\n")[4] == "1. 严格执法。全年办理案件12件。"  # the paragraph's own space stays
    sections = analyze_document(doc).sections
    assert [(s.level, s.heading) for s in sections] == [
        (1, "一、2021年主要工作举措及成效"), (1, "二、存在的不足和原因")]
    assert [(s.level, s.heading) for s in sections[0].children] == [(2, "（一）加强党的领导")]


def test_old_style_number_labels_stand_at_the_start_of_their_headings_once(tmp_path: Path) -> None:
    """Word 6/95-style numbering (and WordPad's) gives each paragraph's label as plain text in a {\\pntext}
    group, which was dropped with the destination: the heading "一、主要举措和成效" lost its number. The
    label is kept unless the paragraph's number is also in a {\\listtext} group (given once, not twice) or
    it is a bullet (\\pnlvlblt), no number, as a .docx bullet gives none."""
    def old(label: str, text: str, kind: str = r"\pnlvlbody\pnchinese") -> str:
        return (r"\pard\plain {\pntext\f0 " + esc(label) + r"\tab}{\*\pn" + kind + r"\pnf0\pnindent0\pnstart1"
                + r"{\pntxta " + esc("、") + r"}}" + esc(text) + r"\par ")

    body = (r"\pard " + esc("津南区人民政府关于2021年法治政府建设情况的报告") + r"\par "
            + old("一、", "主要举措和成效") + r"\pard " + esc("全年办理行政复议案件59件。") + r"\par "
            + old("（一）", "加强党的领导", r"\pnlvl2\pnchinese")
            + r"\pard{\pntext\f0 " + esc("二、") + r"\tab}{\listtext\pard\plain  " + esc("二、")
            + r"\tab}\ilvl0\ls7 " + esc("存在的不足和原因") + r"\par "  # both groups: the number once
            + old("\u00b7", "执法力量不足。", r"\pnlvlblt")
            + r"\pard{\listtext\pard\plain  " + esc("三、") + r"\tab}\ilvl0\ls7 " + esc("下一年度工作安排")
            + r"{\pntext\f0 " + esc("三、") + r"\tab}\par ")
    doc = load(_rtf(tmp_path, body))
    assert doc.text.split("\n")[1:7] == ["一、主要举措和成效", "全年办理行政复议案件59件。", "（一）加强党的领导",
                                         "二、存在的不足和原因", "执法力量不足。", "三、下一年度工作安排"]
    assert [(s.level, s.heading) for s in analyze_document(doc).sections if s.level == 1] == [
        (1, "一、主要举措和成效"), (1, "二、存在的不足和原因"), (1, "三、下一年度工作安排")]


def test_a_bullet_defined_in_the_header_leaves_the_first_paragraphs_number(tmp_path: Path) -> None:
    """Word 6 writes its list levels in the header, the bullet level among them ({\\*\\pnseclvl11\\pnlvlblt});
    read as the first paragraph's, it took that paragraph's number away."""
    header = (r"{\*\pnseclvl1\pnucrm\pnstart1\pnindent720\pnhang{\pntxta .}}"
              r"{\*\pnseclvl11\pnlvlblt\pnstart1{\pntxtb \'b7}}")
    body = (header + r"\pard\plain {\pntext\f0 " + esc("一、") + r"\tab}{\*\pn\pnlvlbody\pnchinese\pnstart1}"
            + esc("主要举措和成效") + r"\par \pard " + esc("全年办理行政复议案件59件。") + r"\par ")
    doc = load(_rtf(tmp_path, body))
    assert doc.text.split("\n")[:2] == ["一、主要举措和成效", "全年办理行政复议案件59件。"]
