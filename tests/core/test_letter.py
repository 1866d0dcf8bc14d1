"""The review letter (审阅意见书) filled from its template, and ``reviewer annotate`` on the command line."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import docx
import pytest

from reviewer.annotate import AnnotateError, AnnotateOptions, annotate_reports
from reviewer.cli import main
from reviewer.letter import LetterError, fill_letter, load_template
from tests.conftest import seed_path
from tests.core.docx_read import read_comments
from tests.core.test_annotate import make_project


@pytest.fixture(scope="module")
def cli_out(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """``reviewer annotate --project P -o OUT --letter`` on a project of the seeds with decisions."""
    root = tmp_path_factory.mktemp("cli")
    make_project(root / "p.review")
    out = root / "退回单位"
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        code = main(["annotate", "--project", str(root / "p.review"), "-o", str(out), "--letter",
                     "--reviewer", "李处长", "--office", "某市司法局"])
    assert code == 0
    return out, buf.getvalue()


def _letter(out: Path, unit: str) -> docx.document.Document:
    return docx.Document(str(out / f"{unit}_审阅意见书.docx"))


def _texts(doc: docx.document.Document) -> list[str]:
    return [p.text for p in doc.paragraphs]


def test_the_cli_writes_a_copy_and_a_letter_per_report(cli_out: tuple[Path, str]) -> None:
    out, stdout = cli_out
    stems = ["庐阳区人民政府_2020年度", "重庆市渝北区大盛镇人民政府_2023年度"]  # the two reviewed
    expected = [f"{s}_{k}.docx" for s in stems for k in ("批注版", "审阅意见书")]
    assert sorted(p.name for p in out.iterdir()) == sorted(expected)
    assert stdout.strip().splitlines()[-6:] == [
        f"已生成 2 份批注版和 2 份审阅意见书：{out}",
        "3 份报告尚未审阅（审阅结论为“未审”），未为其生成批注版和审阅意见书：",
        "  津南区人民政府_2021年度", "  中共泰州市委 泰州市人民政府_2021年度", "  塘沽街道_2024年度",
        "如需按程序的核查结果为其生成，请加 --include-unreviewed（意见书将注明尚未审阅）",
    ]
    assert [len(read_comments(out / f"{s}_批注版.docx")) for s in stems] == [7, 5]
    # an item marked 不符合 keeps the name of whoever decided it
    assert {c.author for c in read_comments(out / f"{stems[0]}_批注版.docx")} == {"李处长", "王审阅"}


def test_the_letter_says_what_the_review_says(cli_out: tuple[Path, str]) -> None:
    doc = _letter(cli_out[0], "庐阳区人民政府_2020年度")
    facts = {r.cells[0].text: r.cells[1].text for r in doc.tables[0].rows}
    assert facts == {
        "报告单位": "庐阳区人民政府", "报告标题": "庐阳区人民政府关于2020年度 法治政府建设情况的报告",
        "报告年度": "2020", "发布日期": "2021年2月10日", "必备部分": "3/4，缺少：党政主要负责人履行第一责任人职责情况",
        "审阅结论": "需修改",
    }
    texts = _texts(doc)
    at = texts.index("三、审阅认定不符合的事项")
    assert texts[at + 1: at + 4] == [
        "必备部分·党政主要负责人履行第一责任人职责情况：未报告党政主要负责人履行第一责任人职责情况",
        "重点任务·依法行政制度体系（规范性文件）：合法性审查只提了一句，请补充具体做法和数量",
        "关键数据·普法/学法/述法：未找到相关数据",  # no comment: the program's note
    ]
    gaps = texts[texts.index("二、需补充完善的核查项") + 1: at]
    # the gaps the program found, less the items the reviewer decided (党政主要负责人, 普法 are above)
    assert len(gaps) == 6 and gaps[0] == "部分具备：必备部分·存在的不足和原因（未单列标题，仅在结尾段落中以文字述及）"
    problems = texts[texts.index("四、文字和形式问题") + 1: texts.index("四、文字和形式问题") + 3]
    assert problems[0].startswith("日期或数字缺损（2 处），如：文号“〔202018号”缺少“〕”")
    assert problems[1] == "缺少落款单位：落款只有日期，没有落款单位"
    assert texts[texts.index("一、总体意见") + 1] == "请补充第一责任人部分后重新报送"
    assert "审阅单位：某市司法局（盖章）" in texts and "审阅人：李处长" in texts
    assert all(p.style.name == "List Bullet" for p in doc.paragraphs if p.text in gaps)
    assert doc.sections[0].footer.paragraphs[0].text == "报告文件：002_07ddf58672798297.txt"
    everything = texts + [c.text for r in doc.tables[0].rows for c in r.cells]
    assert not any("{" in t for t in everything)


def test_the_cli_without_a_project_annotates_the_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # without a project nothing was reviewed: nothing is written unless asked for
    assert main(["annotate", str(seed_path("004")), "-o", str(tmp_path)]) == 0
    assert list(tmp_path.iterdir()) == []
    assert capsys.readouterr().out.splitlines() == [
        f"已生成 0 份批注版：{tmp_path}",
        "1 份报告尚未审阅（审阅结论为“未审”），未为其生成批注版和审阅意见书：", "  重庆市渝北区大盛镇人民政府_2023年度",
        "如需按程序的核查结果为其生成，请加 --include-unreviewed（意见书将注明尚未审阅）"]
    # nobody's name is recorded: the CLI asks for one rather than sign with a placeholder
    assert main(["annotate", str(seed_path("004")), "-o", str(tmp_path), "--include-unreviewed"]) == 2
    assert capsys.readouterr().err == ("没有审阅人的姓名，1 份报告的批注和审阅意见书无法署名："
                                       "请用 --reviewer 给出审阅人姓名\n")
    assert list(tmp_path.iterdir()) == []
    assert main(["annotate", str(seed_path("004")), "-o", str(tmp_path), "--include-unreviewed",
                 "--reviewer", "王审阅"]) == 0
    (only,) = tmp_path.iterdir()
    assert only.name == "重庆市渝北区大盛镇人民政府_2023年度_批注版.docx"
    assert [c.author for c in read_comments(only)] == ["王审阅"] * 3
    assert main(["annotate", "-o", str(tmp_path)]) == 2
    assert "--project" in capsys.readouterr().err


def _template(tmp_path: Path) -> Path:
    """An office's own template: a placeholder Word split over runs, one in the header, a list inline."""
    doc = docx.Document()
    p = doc.add_paragraph()
    for piece in ("致", "{单", "位}", "：请于", "十日内修改。"):
        p.add_run(piece)
    doc.add_paragraph("问题：{主要问题}。结论：{审阅结论}；{未知}不动。")
    doc.sections[0].header.paragraphs[0].text = "{审阅单位}审阅意见"
    path = tmp_path / "本局模板.docx"
    doc.save(str(path))
    return path


def test_an_offices_template_is_filled_wherever_the_placeholders_are(tmp_path: Path) -> None:
    from reviewer.analyze import analyze_document
    from reviewer.checklist import load_checklist
    from reviewer.load import load

    a = analyze_document(load(seed_path("004")), load_checklist())
    options = AnnotateOptions(reviewer="王审阅", letter=True, template=_template(tmp_path), office="某区司法局",
                              include_unreviewed=True)
    result = annotate_reports([a], tmp_path / "out", options=options)
    letter = result.written[0].letter
    assert letter is not None
    doc = docx.Document(str(letter))
    assert _texts(doc)[0] == "致重庆市渝北区大盛镇人民政府：请于十日内修改。"
    assert _texts(doc)[1].startswith("问题：重复段落：本段与第 10 行")
    assert _texts(doc)[1].count("；") == 3 and _texts(doc)[1].endswith("。结论：未审；{未知}不动。")
    assert doc.sections[0].header.paragraphs[0].text == "某区司法局审阅意见"


def test_report_text_in_a_value_is_never_filled_again(tmp_path: Path) -> None:
    template = load_template(_template(tmp_path))
    doc = fill_letter(template, {"单位": "{审阅结论}\x07单位", "审阅结论": "通过", "主要问题": ["{单位}"]})
    assert _texts(doc)[0] == "致{审阅结论}单位：请于十日内修改。"
    assert _texts(doc)[1] == "问题：{单位}。结论：通过；{未知}不动。"


def test_an_unusable_template_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    bad = tmp_path / "坏模板.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(LetterError, match="不是有效的 Word 文档"):
        load_template(bad)
    plain = tmp_path / "无占位符.docx"
    docx.Document().save(str(plain))
    with pytest.raises(LetterError, match="没有任何占位符"):
        load_template(plain)
    with pytest.raises(AnnotateError, match=r"坏模板\.docx"):
        annotate_reports([], tmp_path / "out", options=AnnotateOptions(letter=True, template=bad))
    assert not (tmp_path / "out").exists()
