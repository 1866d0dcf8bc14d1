"""The review letter (审阅意见书) filled from its template, and ``reviewer annotate`` on the command line."""

from __future__ import annotations

import contextlib
import io
import zipfile
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from reviewer.annotate import AnnotateError, AnnotateOptions, annotate_reports
from reviewer.cli import main
from reviewer.letter import LetterError, default_template, fill_letter, load_template, unit_file_name
from reviewer.letter_template import build
from reviewer.messages import CATALOGUE
from reviewer.vocab import REVIEW_STATUS
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
        "3 份报告尚未审阅（状态为“未审”：还没有任何判断或意见），未为其生成批注版和审阅意见书：",
        "  津南区人民政府_2021年度", "  中共泰州市委 泰州市人民政府_2021年度", "  塘沽街道_2024年度",
        "如需按程序的核查结果为这 3 份报告生成，请加 --include-unreviewed（意见书将注明尚未审阅）",
    ]
    # 庐阳区's missing 第一责任人 part is marked 不符合: the reviewer's comment only (tests/core/test_parts_judged.py)
    assert [len(read_comments(out / f"{s}_批注版.docx")) for s in stems] == [6, 5]
    # an item marked 不符合 keeps the name of whoever decided it
    assert {c.author for c in read_comments(out / f"{stems[0]}_批注版.docx")} == {"李处长", "王审阅"}


def test_the_letter_says_what_the_review_says(cli_out: tuple[Path, str]) -> None:
    doc = _letter(cli_out[0], "庐阳区人民政府_2020年度")
    facts = {r.cells[0].text: r.cells[1].text for r in doc.tables[0].rows}
    # no 报送文件 row: the seed's name 002_07ddf58672798297.txt is not one the unit gave its report
    assert facts == {
        "报告单位": "庐阳区人民政府", "报告标题": "庐阳区人民政府关于2020年度 法治政府建设情况的报告",
        "报告年度": "2020年度", "发布日期": "2021年2月10日",
        "必备部分": "应有 4 项，已具备 1 项，部分具备 2 项；缺失：党政主要负责人履行第一责任人职责情况",
        "审阅状态": "需修改",
    }
    today = date.today()
    assert [(p.text, p.style.name) for p in doc.paragraphs] == [
        ("法治政府建设年度报告审阅意见书", "Letter Title"),
        ("", "Normal"),
        ("庐阳区人民政府：", "Normal"),
        ("你单位报送的《庐阳区人民政府关于2020年度 法治政府建设情况的报告》已经审阅。现将审阅意见反馈如下，"
         "请对照修改完善；需修改之处已在随附的批注版（庐阳区人民政府_2020年度_批注版.docx）中逐处标注。", "Normal"),
        ("一、总体意见", "Letter Heading"),
        ("请补充第一责任人部分后重新报送", "Normal"),
        ("二、需补充完善的核查项", "Letter Heading"),
        # the gaps the program found, less the items the reviewer decided; no checklist note
        ("部分具备：必备部分·存在的不足和原因", "List Bullet"),
        ("部分具备：必备部分·下一年度主要安排", "List Bullet"),
        ("缺失：关键数据·重大行政决策数量", "List Bullet"),
        ("缺失：形式规范·问题具体且分析原因", "List Bullet"),
        # 落款单位和成文日期 and 无缺损的日期和数字 are said once, with their details, under 四
        ("三、审阅认定不符合的事项", "Letter Heading"),
        ("必备部分·党政主要负责人履行第一责任人职责情况：未报告党政主要负责人履行第一责任人职责情况", "List Bullet"),
        ("重点任务·依法行政制度体系（规范性文件）：合法性审查只提了一句，请补充具体做法和数量", "List Bullet"),
        ("关键数据·普法/学法/述法", "List Bullet"),  # no comment: the item alone, not the program's note
        ("四、文字和形式问题", "Letter Heading"),
        ("日期或数字缺损（2 处），如：文号“〔202018号”缺少“〕”，可能是“〔2020〕18号”", "List Bullet"),
        ("缺少落款单位：落款只有日期，没有落款单位", "List Bullet"),
        ("", "Normal"),
        ("审阅单位：某市司法局（盖章）", "Normal"),
        ("审阅人：李处长", "Normal"),
        (f"日期：{today.year}年{today.month}月{today.day}日", "Normal"),
    ]
    assert [p.text for p in doc.sections[0].footer.paragraphs] == [""]  # no internal file name


def test_the_cli_without_a_project_annotates_the_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # without a project nothing was reviewed: nothing is written unless asked for
    assert main(["annotate", str(seed_path("004")), "-o", str(tmp_path)]) == 0
    assert list(tmp_path.iterdir()) == []
    assert capsys.readouterr().out.splitlines() == [
        f"已生成 0 份批注版：{tmp_path}",
        "1 份报告尚未审阅（状态为“未审”：还没有任何判断或意见），未为其生成批注版和审阅意见书：",
        "  重庆市渝北区大盛镇人民政府_2023年度",
        "如需按程序的核查结果为这 1 份报告生成，请加 --include-unreviewed（意见书将注明尚未审阅）"]
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


def test_a_report_nobody_reviewed_is_signed_alike_alone_and_among_all(tmp_path: Path) -> None:
    """Annotating the whole project signed the unreviewed 津南区 report by the project's reviewer;
    annotating it alone stopped for want of a name (found by a tester): both sign it so."""
    make_project(tmp_path / "p.review")
    for out, paths in ((tmp_path / "all", []), (tmp_path / "alone", [str(seed_path("000"))])):
        with contextlib.redirect_stdout(io.StringIO()):
            assert main(["annotate", *paths, "--project", str(tmp_path / "p.review"), "-o", str(out),
                         "--include-unreviewed"]) == 0
        copy = out / "津南区人民政府_2021年度_批注版.docx"
        assert {c.author for c in read_comments(copy)} == {"王审阅"}, out.name


def test_an_unreviewed_reports_signer_does_not_depend_on_the_reports_written_with_it(tmp_path: Path) -> None:
    """Found by a code review: written with 001 (reviewed by 张一) the unreviewed 津南区 report was signed
    张一, alone or with all 李二, the project's last reviewer. A removed report's reviewer never signs."""
    from reviewer.batch import import_reports
    from reviewer.checklist import load_checklist
    from reviewer.store import open_store
    from tests.conftest import SEED_FILES

    store = open_store(tmp_path / "p.review")
    batch = import_reports(SEED_FILES, load_checklist(), store)
    sha = {Path(a.file).name[:3]: a.sha256 for a in batch.analyses}
    store.set_decision(sha["001"], "measures", "符合", "", "张一", at="2024-01-01T09:00:00+08:00")
    store.set_decision(sha["002"], "measures", "符合", "", "李二", at="2024-03-01T09:00:00+08:00")
    store.set_decision(sha["003"], "measures", "符合", "", "赵三", at="2024-04-01T09:00:00+08:00")
    store.remove_reports([sha["003"]], "赵三")
    store.close()
    for tag, paths in (("alone", [seed_path("000")]), ("with_001", [seed_path("000"), seed_path("001")]), ("all", [])):
        with contextlib.redirect_stdout(io.StringIO()):
            assert main(["annotate", *map(str, paths), "--project", str(tmp_path / "p.review"),
                         "-o", str(tmp_path / tag), "--include-unreviewed"]) == 0
        copy = tmp_path / tag / "津南区人民政府_2021年度_批注版.docx"
        assert {c.author for c in read_comments(copy)} == {"李二"}, tag


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
    assert _texts(doc)[1].startswith("问题：重复段落：本段与前文段落“积极配合区政府创新优化法治化营商…”")
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


def _cli(tmp_path: Path, *extra: str) -> Path:
    make_project(tmp_path / "p.review")
    out = tmp_path / "out"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["annotate", "--project", str(tmp_path / "p.review"), "-o", str(out), "--letter",
                     "--reviewer", "李处长", "--office", "某市司法局", *extra]) == 0
    return out


def test_the_letter_of_an_unreviewed_report_never_claims_a_review(tmp_path: Path) -> None:
    out = _cli(tmp_path, "--include-unreviewed")
    doc = _letter(out, "津南区人民政府_2021年度")
    facts = {r.cells[0].text: r.cells[1].text for r in doc.tables[0].rows}
    assert facts["审阅状态"] == "未审"
    assert _texts(doc)[3] == (
        "你单位报送的《津南区2021年法治政府建设情况报告》尚未经审阅人审阅。以下是程序自动核查发现的情况，"
        "仅供参考，不是审阅结论；相关之处已在随附的批注版（津南区人民政府_2021年度_批注版.docx）中标注。")
    assert not any("已经审阅" in t for t in _texts(doc))
    annotated = docx.Document(str(out / "津南区人民政府_2021年度_批注版.docx"))
    header = annotated.sections[0].header.paragraphs[0].text
    assert header == f"程序核查批注版（尚未审阅）　津南区人民政府　{date.today().isoformat()}"
    # a report being reviewed (decisions, no verdict) says so, and that the conclusion is to come
    assert _texts(_letter(out, "重庆市渝北区大盛镇人民政府_2023年度"))[3] == (
        "你单位报送的《重庆市渝北区大盛镇人民政府关于2023年度法治政府建设情况的报告》正在审阅，审阅尚未完成。"
        "现将目前的审阅意见反馈如下，供修改参考；相关之处已在随附的批注版（重庆市渝北区大盛镇人民政府_2023年度_批注版.docx）"
        "中标注，审阅结论另行告知。")


def test_the_english_letter_is_english_but_for_the_reports_own_words(tmp_path: Path) -> None:
    out = _cli(tmp_path, "--lang", "en")
    # named in English, the unit's name as written (found by a helper session: 庐阳区人民政府_2020年度_批注版)
    assert {"庐阳区人民政府_2020_annotated.docx", "庐阳区人民政府_2020_review_letter.docx"} <= {
        p.name for p in out.iterdir()}
    doc = docx.Document(str(out / "庐阳区人民政府_2020_review_letter.docx"))
    facts = {r.cells[0].text: r.cells[1].text for r in doc.tables[0].rows}
    assert facts == {
        "Reporting unit": "庐阳区人民政府", "Report title": "庐阳区人民政府关于2020年度 法治政府建设情况的报告",
        "Year reported on": "2020", "Published on": "2021-02-10",
        "Required parts": "4 required; Present: 1; Partial: 2; Missing: Leaders' duties as first responsible",
        "Review status": "Needs revision",
    }
    texts = [t for t in _texts(doc) if t]
    assert texts[:3] == [
        "Review of the Annual Report on Rule-of-Law Government", "To 庐阳区人民政府:",
        "We have reviewed your “庐阳区人民政府关于2020年度 法治政府建设情况的报告”. Our comments follow; please "
        "revise the report accordingly. Each point is marked in the enclosed annotated copy "
        "(庐阳区人民政府_2020_annotated.docx).",
    ]
    assert texts[3:] == [
        "1. Overall comments", "请补充第一责任人部分后重新报送",  # the reviewer's own words
        "2. Checklist items to complete",
        "Partial: Required parts – Shortcomings and causes", "Partial: Required parts – Plans for next year",
        "Missing: Key figures – Major administrative decisions",
        "Missing: Form – Specific problems with causes",
        "3. Items found not to meet the requirements",
        "Required parts – Leaders' duties as first responsible: 未报告党政主要负责人履行第一责任人职责情况",
        "Key tasks – Administrative rules (normative documents): 合法性审查只提了一句，请补充具体做法和数量",
        "Key figures – Legal education / study / reporting on law",
        "4. Wording and form",
        "Garbled date or number (×2), e.g. The document number “〔202018号” lost its “〕”; perhaps “〔2020〕18号”",
        "No signing unit: The signature has a date but no unit",
        "Reviewing office: 某市司法局 (seal)", "Reviewer: 李处长", f"Date: {date.today().isoformat()}",
    ]
    langs = {e.get(qn("w:val")) for e in doc.styles.element.iter(qn("w:lang"))}
    assert langs == {"en-US"}  # English words break as English; the East Asian language stays Chinese


def test_the_letter_names_chinese_fonts_and_no_theme_font(cli_out: tuple[Path, str]) -> None:
    """A theme font wins over w:eastAsia and python-docx's theme offers a Japanese face (ＭＳ ゴシック)."""
    out = cli_out[0]
    for path in (out / "庐阳区人民政府_2020年度_审阅意见书.docx", out / "庐阳区人民政府_2020年度_批注版.docx"):
        styles = zipfile.ZipFile(path).read("word/styles.xml").decode("utf-8")
        assert "Theme=" not in styles and "cstheme" not in styles, path.name
    letter = _letter(out, "庐阳区人民政府_2020年度")
    assert _east_asian_fonts(letter) == {"docDefaults": "仿宋", "Normal": "仿宋", "List Bullet": "仿宋",
                                         "Letter Title": "黑体", "Letter Heading": "黑体"}
    annotated = docx.Document(str(out / "庐阳区人民政府_2020年度_批注版.docx"))
    assert _east_asian_fonts(annotated) == {"docDefaults": "仿宋", "Normal": "仿宋", "Title": "宋体",
                                            **{f"Heading {n}": "黑体" for n in (1, 2, 3, 4)}}


def _east_asian_fonts(doc: docx.document.Document) -> dict[str, str]:
    fonts: dict[str, str] = {}
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    assert defaults is not None
    for rfonts in defaults.iter(qn("w:rFonts")):
        fonts["docDefaults"] = rfonts.get(qn("w:eastAsia"))
    for style in doc.styles:
        rpr = style.element.rPr
        if rpr is not None and rpr.rFonts is not None and rpr.rFonts.get(qn("w:eastAsia")):
            fonts[style.name] = rpr.rFonts.get(qn("w:eastAsia"))
    return fonts


def test_the_units_own_file_name_is_named_a_program_made_one_is_not(tmp_path: Path) -> None:
    from dataclasses import replace

    from reviewer.analyze import analyze_document
    from reviewer.checklist import load_checklist
    from reviewer.load import load

    assert unit_file_name("/x/000_b98e54cc537f26f1.txt") == ""
    assert unit_file_name("D:\\收文\\2021.pdf") == ""
    assert unit_file_name("/收文/津南区2021年法治政府建设情况报告.docx") == "津南区2021年法治政府建设情况报告.docx"
    a = analyze_document(load(seed_path("000")), load_checklist())
    own = replace(a, file="/收文/津南区2021年法治政府建设情况报告.docx")
    options = AnnotateOptions(reviewer="王审阅", letter=True, include_unreviewed=True)
    result = annotate_reports([a, own], tmp_path, options=options)
    made, named = (docx.Document(str(w.letter)) for w in result.written if w.letter is not None)
    assert [r.cells[0].text for r in made.tables[0].rows] == [
        "报告单位", "报告标题", "报告年度", "发布日期", "必备部分", "审阅状态"]
    rows = {r.cells[0].text: r.cells[1].text for r in named.tables[0].rows}
    assert list(rows)[3] == "报送文件" and rows["报送文件"] == "津南区2021年法治政府建设情况报告.docx"


def test_the_template_file_is_the_built_in_chinese_letter() -> None:
    """resources/letters/review_letter.docx, for an office to copy, says what the program writes."""
    saved = docx.Document(str(default_template()))
    built = build("zh")
    assert _texts(saved) == _texts(built)
    assert [[c.text for c in r.cells] for r in saved.tables[0].rows] == [
        [c.text for c in r.cells] for r in built.tables[0].rows]
    assert [[c.text for c in r.cells] for r in built.tables[0].rows] == [
        ["报告单位", "{单位}"], ["报告标题", "{标题}"], ["报告年度", "{年度}"], ["报送文件", "{文件}"],
        ["发布日期", "{发布日期}"], ["必备部分", "{必备部分}"], ["审阅状态", "{审阅状态}"]]
    assert load_template(default_template()) == default_template().read_bytes()  # it is a usable template


def test_every_review_status_has_its_opening_in_the_catalogue() -> None:
    assert {f"letter.opening.{s}" for s in REVIEW_STATUS} <= set(CATALOGUE)


def test_what_the_program_could_not_find_is_a_blank_to_fill_in_never_未识别() -> None:
    from dataclasses import replace

    from reviewer.analyze import analyze_document
    from reviewer.letter import letter_fields
    from reviewer.load import load

    a = analyze_document(load(seed_path("000")))
    a = replace(a, meta=replace(a.meta, issuer=None, title=None, published_date=None))
    fields = letter_fields(a, {}, None, reviewer="王审阅")
    assert fields["单位"] == fields["标题"] == fields["发布日期"] == "＿＿＿＿＿＿＿＿"
    assert not [v for v in fields.values() if "未识别" in str(v)]


def test_a_report_sent_twice_is_asked_about_once_not_paragraph_by_paragraph(tmp_path: Path) -> None:
    """A unit that sent its report twice (the second with a line added): the two are versions of one
    report. Each copy's comments and letter ask once which one stands; none calls its paragraphs
    copied, from another unit or from its own other report (a tester found 11 such comments)."""
    text = seed_path("004").read_text(encoding="utf-8")
    first, again = tmp_path / "初稿.txt", tmp_path / "修改稿.txt"
    first.write_text(text, encoding="utf-8")
    again.write_text(text + "\n附：修改说明。\n", encoding="utf-8")
    out = tmp_path / "out"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["annotate", str(first), str(again), "-o", str(out), "--letter", "--include-unreviewed",
                     "--reviewer", "王审阅"]) == 0
    annotated = sorted(out.glob("*_批注版.docx"))
    letters = sorted(out.glob("*_审阅意见书.docx"))
    assert len(annotated) == 2 and len(letters) == 2
    for path in annotated:
        comments = [c.text for c in read_comments(path)]
        asked = [t for t in comments if "本单位同一年度报送了不止一份报告，请确认以哪一份为准" in t]
        assert len(asked) == 1 and "请告知以哪一份报告为准" in asked[0]
        assert not [t for t in comments if "相同或高度相似" in t or "初稿" in t or "修改稿" in t]
    for path in letters:
        words = "\n".join(_texts(docx.Document(str(path))))
        assert "本单位同一年度报送了不止一份报告" in words and "相同或高度相似" not in words


def test_a_report_copied_from_last_year_is_told_so_without_the_reviewers_file_names(tmp_path: Path) -> None:
    """The unit learns which parts repeat its report of last year; the files as the reviewer named
    them (津南区2021年报告.txt) stay on the reviewer's side."""
    text = seed_path("000").read_text(encoding="utf-8")
    (tmp_path / "津南区2021年报告.txt").write_text(text, encoding="utf-8")
    (tmp_path / "津南区2022年报告.txt").write_text(text.replace("2021年", "2022年"), encoding="utf-8")
    out = tmp_path / "out"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["annotate", str(tmp_path / "津南区2021年报告.txt"), str(tmp_path / "津南区2022年报告.txt"),
                     "-o", str(out), "--letter", "--include-unreviewed", "--reviewer", "王审阅"]) == 0
    (annotated,) = out.glob("*2022年度_批注版.docx")
    (letter,) = out.glob("*2022年度_审阅意见书.docx")
    comments = [c.text for c in read_comments(annotated)]
    words = "\n".join(_texts(docx.Document(str(letter))))
    assert any(t.startswith("【照搬上一年度报告】“主要举措和成效”部分照搬本单位上一年度报告：100% ") for t in comments)
    assert "部分照搬本单位上一年度报告" in words
    assert not [t for t in [*comments, words] if "年报告.txt" in t]


def test_a_title_printed_over_two_lines_reads_as_one_in_the_letter_and_the_summary(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found by a helper session: 你单位报送的《重庆市开州区发展和改革委员会⏎关于2023年法治政府建设情况的报告》
    broke the letter's sentence in two, and the command line's 标题 line ran onto a line of its own."""
    from reviewer.analyze import analyze_document
    from reviewer.letter import letter_fields
    from reviewer.load import load

    path = tmp_path / "开州区发改委.txt"
    path.write_text("重庆市开州区发展和改革委员会\n关于2023年法治政府建设情况的报告\n"
                    "今年以来，我委坚持以习近平新时代中国特色社会主义思想为指导，扎实推进法治政府建设。\n"
                    "一、推进法治政府建设的主要举措和成效\n全年办理行政复议案件12件。\n", encoding="utf-8")
    a = analyze_document(load(path))
    assert a.meta.title == "重庆市开州区发展和改革委员会\n关于2023年法治政府建设情况的报告"  # the report's own layout
    one = "重庆市开州区发展和改革委员会关于2023年法治政府建设情况的报告"
    fields = letter_fields(a, {}, None, reviewer="张三", today=date(2024, 3, 1))
    assert fields["标题"] == one and f"《{one}》" in str(fields["审阅说明"])
    assert main(["analyze", str(path)]) == 0
    assert capsys.readouterr().out.splitlines()[1] == f"标题：{one}"
