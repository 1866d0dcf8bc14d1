"""The review sent back to the unit: annotated Word copies and letters, read back with python-docx.

A real project (the SQLite store) holds the five seeds and a reviewer's decisions; the files are
written as ``reviewer annotate`` writes them and read back: one comment per finding, per item
marked 不符合 and per missing required part, each on exactly its span, by the reviewer, at the time
of the decision; the document's text outside the comments is the report's text.
"""

from __future__ import annotations

import os
import time
import zipfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from reviewer.annotate import AnnotateOptions, NoReviewerNameError, annotate_reports
from reviewer.annotations import first_line, for_the_unit, missing_parts, title_anchor
from reviewer.batch import import_reports, project_reports, with_project_findings
from reviewer.checklist import Checklist, load_checklist
from reviewer.messages import CATALOGUE
from reviewer.model import Analysis, ItemDecision, ReportVerdict
from reviewer.store import open_store
from reviewer.vocab import FINDING_KIND
from tests.conftest import SEED_FILES, seed_path
from tests.core.docx_read import ReadComment, body_text, read_comments

REVIEWER = "王审阅"
AT = "2024-03-05T09:30:00+08:00"
# (seed, item, comment) marked 不符合; 002 lacks the 第一责任人 part altogether.
FAILED = (
    ("002", "topic_rule_system", "合法性审查只提了一句，请补充具体做法和数量"),
    ("002", "first_responsible", "未报告党政主要负责人履行第一责任人职责情况"),
    ("002", "metric_pufa", ""),
    ("004", "shortcomings", "只列问题，没有分析原因"),
    ("004", "form_no_duplicates", "第三段与第二段几乎相同"),
)
Review = tuple[list[Analysis], dict[str, dict[str, ItemDecision]], dict[str, ReportVerdict], Checklist]


@contextmanager
def in_shanghai() -> Iterator[None]:
    """The reviewer's computer is in China (this one may be anywhere)."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


def _sha(analyses: list[Analysis], prefix: str) -> str:
    (a,) = [a for a in analyses if Path(a.file).name.startswith(prefix)]
    return a.sha256


def make_project(path: Path) -> None:
    """The seeds in a project, with decisions and a verdict made through the real store."""
    checklist = load_checklist()
    store = open_store(path)
    batch = import_reports(SEED_FILES, checklist, store)
    for prefix, item, comment in FAILED:
        store.set_decision(_sha(batch.analyses, prefix), item, "不符合", comment, REVIEWER, at=AT)
    store.set_decision(_sha(batch.analyses, "002"), "measures", "符合", "", REVIEWER, at=AT)
    store.set_verdict(_sha(batch.analyses, "002"), "需修改", "请补充第一责任人部分后重新报送", REVIEWER, at=AT)
    store.close()


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("project") / "审阅.review"
    make_project(path)
    return path


@pytest.fixture(scope="module")
def review(project: Path) -> Review:
    """The project's reports and review, as ``reviewer annotate --project`` gathers them."""
    store = open_store(project)
    checklist = store.checklist() or load_checklist()
    analyses = with_project_findings(project_reports(store, checklist).analyses)
    verdicts = {a.sha256: v for a in analyses if (v := store.verdict(a.sha256)) is not None}
    decisions = store.all_decisions()
    store.close()
    return analyses, decisions, verdicts, checklist


@pytest.fixture(scope="module")
def written(review: Review, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    analyses, decisions, verdicts, checklist = review
    out = tmp_path_factory.mktemp("out")
    with in_shanghai():
        result = annotate_reports(analyses, out, decisions=decisions, verdicts=verdicts, checklist=checklist,
                                  options=AnnotateOptions(reviewer=REVIEWER, letter=True, include_unreviewed=True))
    assert [w.sha256 for w in result.written] == [a.sha256 for a in analyses] and result.skipped == []
    return {Path(a.file).name[:3]: w.annotated for a, w in zip(analyses, result.written, strict=True)}


def _analysis(review: Review, prefix: str) -> Analysis:
    (a,) = [a for a in review[0] if Path(a.file).name.startswith(prefix)]
    return a


def test_one_comment_per_finding_failed_item_and_missing_part(review: Review, written: dict[str, Path]) -> None:
    counts = {prefix: len(read_comments(path)) for prefix, path in written.items()}
    # 002 lacks its 第一责任人 part, which the reviewer marked 不符合: one comment, the reviewer's, not
    # a second 【缺少必备部分】 beside it
    assert counts == {"000": 9, "001": 1, "002": 6, "003": 2, "004": 5}
    for prefix in written:
        a = _analysis(review, prefix)
        failed = sum(1 for d in review[1].get(a.sha256, {}).values() if d.decision == "不符合")
        assert counts[prefix] == len(a.findings) + failed
    assert missing_parts(_analysis(review, "002")) == ["first_responsible"]
    assert review[1][_analysis(review, "002").sha256]["first_responsible"].decision == "不符合"
    assert not comments_of(written["002"], "【缺少必备部分】")


def test_every_finding_comment_stands_on_the_findings_span(review: Review, written: dict[str, Path]) -> None:
    for prefix, path in written.items():
        a = _analysis(review, prefix)
        expected = Counter((f"【{FINDING_KIND.label(f.kind)}】{for_the_unit(f.message).render()}。",
                            a.text[f.start:f.end]) for f in a.findings)
        program = [c for c in read_comments(path) if not c.text.startswith(("【审阅意见", "【缺少必备部分"))]
        got = Counter((c.text.split("\n")[0], c.anchored) for c in program)
        assert got == expected, prefix


def test_a_finding_at_the_very_end_stands_on_an_empty_span(review: Review, written: dict[str, Path]) -> None:
    a = _analysis(review, "003")  # 塘沽街道: no date and no signing unit after the last line
    assert {(f.start, f.end) for f in a.findings} == {(len(a.text), len(a.text))}
    assert [c.anchored for c in read_comments(written["003"])] == ["", ""]


def test_failed_items_stand_on_their_evidence_or_the_title(review: Review, written: dict[str, Path]) -> None:
    for prefix, path in (("002", written["002"]), ("004", written["004"])):
        a = _analysis(review, prefix)
        by_id = {r.id: r for r in a.checklist}
        comments = {c.text.split("\n")[0]: c for c in read_comments(path)}
        for seed, item, remark in FAILED:
            if seed != prefix:
                continue
            r = by_id[item]
            c = comments[f"【审阅意见：不符合】{r.name}"]
            start, end = first_line(a.text, r.evidence[0].start, r.evidence[0].end) if r.evidence else title_anchor(a)
            assert c.anchored == a.text[start:end]
            assert (f"意见：{remark}" in c.text.split("\n")) == bool(remark)
    (rules,) = comments_of(written["002"], "【审阅意见：不符合】依法行政制度体系")
    assert rules.text.split("\n") == [  # the reviewer's verdict and comment, the requirement; no checklist note
        "【审阅意见：不符合】依法行政制度体系（规范性文件）", "意见：合法性审查只提了一句，请补充具体做法和数量",
        "要求：完善依法行政制度体系，加强规范性文件监督管理",
        "依据：《法治政府建设实施纲要（2021—2025年）》第三部分；《法治政府建设实施纲要（2015—2020年）》任务二",
    ]
    for path in written.values():
        assert not any(line.startswith("核查情况") for c in read_comments(path) for line in c.text.split("\n"))
    luyang = _analysis(review, "002")
    assert comments_of(written["002"], "【审阅意见：不符合】党政主要负责人")[0].anchored == \
        luyang.text[slice(*luyang.meta.title_span)] == "庐阳区人民政府关于2020年度 法治政府建设情况的报告"


def comments_of(path: Path, head: str) -> list[ReadComment]:
    return [c for c in read_comments(path) if c.text.startswith(head)]


def test_a_missing_part_says_what_is_required_and_where_from(review: Review, tmp_path: Path) -> None:
    """When the reviewer has not decided the part's item, the program's finding is sent as it is."""
    result = annotate_reports([_analysis(review, "002")], tmp_path, checklist=review[3],
                              options=AnnotateOptions(reviewer=REVIEWER, include_unreviewed=True))
    (c,) = comments_of(result.written[0].annotated, "【缺少必备部分】")
    assert c.anchored == "庐阳区人民政府关于2020年度 法治政府建设情况的报告"
    assert c.text.split("\n") == [
        "【缺少必备部分】报告中没有“党政主要负责人履行第一责任人职责情况”部分，请补充。",
        "要求：年度报告应当包括“上一年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况”。",
        "依据：《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）；《党政主要负责人履行推进法治建设第一责任人职责规定》",
    ]
    english = annotate_reports([_analysis(review, "002")], tmp_path / "en", checklist=review[3],
                               options=AnnotateOptions(reviewer=REVIEWER, include_unreviewed=True, lang="en"))
    # named in English too, the unit's name as it is written (found by a helper session)
    assert english.written[0].annotated.name == "庐阳区人民政府_2020_annotated.docx"
    (c,) = comments_of(english.written[0].annotated, "[Missing part]")
    assert c.text.split("\n")[1] == (  # the checklist's English, not its Chinese, in an English copy
        "Required: the annual report covers “how the principal Party and government leaders fulfilled their duty as "
        "the first persons responsible for advancing the rule of law, and strengthened rule-of-law government, in the "
        "year reported on”.")


def test_the_requirement_sent_to_the_unit_is_the_rules_not_the_programs(review: Review) -> None:
    """The checklist's description is what the unit reads after 要求：; how the program scores (只列问题不讲原因
    为部分具备) or how a checklist may be edited (期限可按本地要求修改) is not for the unit."""
    checklist = review[3]
    for item in checklist.items:
        for words in (item.description, item.describe("en")):
            assert not any(w in words for w in ("部分具备", "可按本地要求修改", "partial")), item.id
        assert item.describe("en") != item.description or not item.description, item.id  # every one has English
    shortcomings = next(i for i in checklist.items if i.id == "shortcomings")
    assert shortcomings.description == "上一年度推进法治政府建设存在的不足和原因"


def test_comments_are_by_the_reviewer_at_the_time_of_the_decision(written: dict[str, Path]) -> None:
    for path in written.values():
        comments = read_comments(path)
        assert {c.author for c in comments} == {REVIEWER}
    luyang = read_comments(written["002"])
    assert {c.author for c in luyang} == {REVIEWER}
    # Word shows w:date as written: the decision's wall-clock time in the reviewer's zone.
    failed = [c for c in luyang if c.text.startswith("【审阅意见")]
    assert {c.time.replace(tzinfo=None) for c in failed if c.time} == {datetime(2024, 3, 5, 9, 30)}


def test_the_text_outside_the_comments_is_the_report(review: Review, written: dict[str, Path]) -> None:
    for prefix, path in written.items():
        assert body_text(path) == _analysis(review, prefix).text, prefix


def test_title_and_headings_take_word_styles(review: Review, written: dict[str, Path]) -> None:
    doc = docx.Document(str(written["000"]))
    styles = Counter(p.style.name for p in doc.paragraphs)
    assert styles["Title"] == 1 and styles["Heading 1"] == 4
    assert doc.paragraphs[_line_of(_analysis(review, "000"), "一、")].style.name == "Heading 1"
    # Chinese text: a viewer without 仿宋/黑体 falls back to a Chinese font, not a Japanese one
    assert {el.get(qn("w:eastAsia")) for el in doc.styles.element.iter(qn("w:lang"))} == {"zh-CN"}


def _line_of(a: Analysis, prefix: str) -> int:
    return next(i for i, line in enumerate(a.text.split("\n")) if line.startswith(prefix))


def test_every_finding_kind_has_advice_in_both_languages() -> None:
    assert {f"advice.{k}" for k in FINDING_KIND} <= set(CATALOGUE)


def test_untrusted_text_stays_plain_text(tmp_path: Path) -> None:
    from reviewer.analyze import analyze_document
    from reviewer.load import load

    hostile = ("某某区人民政府2023年度法治政府建设情况报告\n一、主要举措\n"
               '{ HYPERLINK "http://evil.example" } 见 http://evil.example =cmd|\' /c calc\'!A1\n'
               "控制\x01字符\x0b与\ufffe在此\t制表\n二、存在的不足和原因\n问题。\n")
    src = tmp_path / "hostile.txt"
    src.write_text(hostile, encoding="utf-8")
    a = analyze_document(load(src), load_checklist())
    options = AnnotateOptions(reviewer="王审阅", include_unreviewed=True)
    result = annotate_reports([a], tmp_path / "out", options=options)
    path = result.written[0].annotated
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    for tag in ("w:fldSimple", "w:instrText", "w:fldChar", "w:hyperlink"):
        assert tag not in xml
    assert body_text(path) == a.text.replace("\x01", "").replace("\x0b", "").replace("\ufffe", "")
    assert "字符与在此\t制表" in body_text(path)


def test_names_are_safe_and_distinct(tmp_path: Path) -> None:
    from dataclasses import replace

    from reviewer.analyze import analyze_document
    from reviewer.load import load

    a = analyze_document(load(seed_path("000")), load_checklist())
    twin = replace(a, sha256="0" * 64)
    odd = replace(a, sha256="1" * 64, meta=replace(a.meta, issuer='CON', report_year=None))
    slash = replace(a, sha256="2" * 64, meta=replace(a.meta, issuer='津南区/人民政府: "法治"*?. '))
    options = AnnotateOptions(reviewer="王审阅", letter=True, include_unreviewed=True)
    result = annotate_reports([a, twin, odd, slash], tmp_path, options=options)
    names = [p.name for p in result.files]
    assert names == [
        "津南区人民政府_2021年度_批注版.docx", "津南区人民政府_2021年度_审阅意见书.docx",
        "津南区人民政府_2021年度（2）_批注版.docx", "津南区人民政府_2021年度（2）_审阅意见书.docx",
        "_CON_批注版.docx", "_CON_审阅意见书.docx",
        "津南区_人民政府_ _法治____2021年度_批注版.docx", "津南区_人民政府_ _法治____2021年度_审阅意见书.docx",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names)  # no temp file left behind


def test_a_report_of_no_known_unit_is_named_by_its_file_with_the_year_once(tmp_path: Path) -> None:
    """14_yueyang_county_2022_2022年度_批注版.docx: the year said twice (found by a tester)."""
    from dataclasses import replace

    from reviewer.analyze import analyze_document
    from reviewer.annotate import report_stem
    from reviewer.load import load

    a = analyze_document(load(seed_path("000")), load_checklist())  # 2021
    nobody = replace(a, meta=replace(a.meta, issuer=None))
    named = [replace(nobody, sha256=f"{i}" * 64, file=str(tmp_path / "in" / f)) for i, f in enumerate(
        ("14_jinnan_district_2021.txt", "津南区2021年法治政府建设情况报告.docx", "report_12021.txt"))]
    assert [report_stem(b) for b in named] == [
        "14_jinnan_district_2021", "津南区2021年法治政府建设情况报告", "report_12021_2021年度"]
    assert report_stem(nobody) == "000_b98e54cc537f26f1_2021年度"  # no year in the name: said once
    assert report_stem(named[0], "en") == "14_jinnan_district_2021"
    options = AnnotateOptions(reviewer="王审阅", include_unreviewed=True)
    result = annotate_reports(named[:1], tmp_path / "out", options=options)
    assert [p.name for p in result.files] == ["14_jinnan_district_2021_批注版.docx"]


def test_reports_nobody_reviewed_are_skipped_unless_asked_for(review: Review, tmp_path: Path) -> None:
    analyses, decisions, verdicts, checklist = review
    result = annotate_reports(analyses, tmp_path, decisions=decisions, verdicts=verdicts, checklist=checklist,
                              options=AnnotateOptions(reviewer="李处长", letter=True))
    # 002 has a verdict (需修改) and 004 decisions (审阅中); 000, 001 and 003 were never touched (未审)
    assert [w.sha256 for w in result.written] == [_analysis(review, p).sha256 for p in ("002", "004")]
    assert result.skipped == [_analysis(review, p).sha256 for p in ("000", "001", "003")]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "庐阳区人民政府_2020年度_审阅意见书.docx", "庐阳区人民政府_2020年度_批注版.docx",
        "重庆市渝北区大盛镇人民政府_2023年度_审阅意见书.docx", "重庆市渝北区大盛镇人民政府_2023年度_批注版.docx"]
    assert result.skipped_note("zh") == ("3 份报告尚未审阅（状态为“未审”：还没有任何判断或意见），"
                                         "未为其生成批注版和审阅意见书")
    assert result.skipped_note("en") == ("3 reports have not been reviewed yet (“Not started”: no decision or comment "
                                         "yet): "
                                         "no annotated copy or letter was written for them")


def test_without_a_name_given_the_name_recorded_with_the_review_signs(review: Review, tmp_path: Path) -> None:
    analyses, decisions, verdicts, checklist = review
    result = annotate_reports(analyses, tmp_path, decisions=decisions, verdicts=verdicts, checklist=checklist,
                              options=AnnotateOptions(letter=True))
    assert len(result.written) == 2
    for w in result.written:
        assert {c.author for c in read_comments(w.annotated)} == {REVIEWER}
        assert w.letter is not None
        assert f"审阅人：{REVIEWER}" in [p.text for p in docx.Document(str(w.letter)).paragraphs]
    # the unreviewed reports have no name of their own: the project's last reviewer sends them too
    everything = annotate_reports(analyses, tmp_path / "all", decisions=decisions, verdicts=verdicts,
                                  checklist=checklist, options=AnnotateOptions(letter=True, include_unreviewed=True))
    assert len(everything.written) == 5
    assert {c.author for w in everything.written for c in read_comments(w.annotated)} == {REVIEWER}
    # nobody reviewed anything and no name given: refused, naming why, before anything is written
    with pytest.raises(NoReviewerNameError) as refused:
        annotate_reports(analyses, tmp_path / "none", decisions={}, verdicts={}, checklist=checklist,
                         options=AnnotateOptions(letter=True, include_unreviewed=True))
    assert str(refused.value) == "没有审阅人的姓名，5 份报告的批注和审阅意见书无法署名"
    assert not (tmp_path / "none").exists()


def test_a_unit_reads_no_other_units_file_nor_the_programs_line_numbers() -> None:
    from reviewer.messages import msg

    across = msg("dup.across", files=("乙区报告.docx",))
    assert for_the_unit(across).render() == "本段与其他单位报告中的段落相同或高度相似"
    run = msg("dup.across_run", n=3, message=msg("dup.across_many", files=("乙.docx", "丙.docx"), n=5))
    assert for_the_unit(run).render() == "连续 3 段：本段与其他单位报告中的段落相同或高度相似"
    within = msg("dup.within_similar", line=10, snippet="积极配合…", percent=94)
    assert for_the_unit(within).render() == "本段与前文段落“积极配合…”高度相似（94%）"
    assert for_the_unit(within).render("en") == "This paragraph is 94% similar to an earlier one (“积极配合…”)"


def test_a_paragraph_shared_only_within_the_unit_is_said_so_with_its_own_advice() -> None:
    from reviewer.annotations import Voice, finding_note
    from reviewer.messages import msg
    from reviewer.model import Finding

    own = msg("dup.across_own", files=("修改稿.docx",))
    assert own.render() == "本段与本单位的另一份报告 修改稿.docx 中的段落相同或高度相似"
    assert for_the_unit(own).render() == "本段与本单位另一份报告中的段落相同或高度相似"
    assert for_the_unit(msg("dup.across_own_many", files=("a", "b", "c"), n=4)).render("en") == \
        "This paragraph is the same as, or very close to, one in other reports of your unit"
    few = msg("dup.across_own_few", files=("a", "b"))
    assert for_the_unit(few).render() == "本段与本单位其他报告中的段落相同或高度相似"
    voice = Voice("王审阅", "2026-03-01T09:00:00")
    run = msg("dup.across_run", n=2, message=own)
    for m in (own, run):
        note = finding_note(Finding("duplicate_across_reports", "info", m, 0, 5), voice)
        assert "本单位另一份报告" in note.text and "沿用了本单位其他报告的内容" in note.text
        assert "其他单位" not in note.text
    across = Finding("duplicate_across_reports", "info", msg("dup.across", files=("乙.docx",)), 0, 5)
    other = finding_note(across, voice)
    assert "其他单位" in other.text and "本单位另一份报告" not in other.text


def test_a_unit_is_told_it_copied_its_own_report_of_last_year_without_the_reviewers_file_name() -> None:
    from reviewer.messages import msg

    copied = msg("lastyear.copied_part", part="measures", file="津南区2021年报告.txt", percent=100)
    assert "津南区2021年报告.txt" in copied.render()  # the reviewer sees which file
    assert for_the_unit(copied).render() == "“主要举措和成效”部分照搬本单位上一年度报告：100% 的文字与之相同或高度相似"
    assert for_the_unit(copied).render("en") == ("The part “Measures and results” is copied from your report of "
                                                  "last year: 100% of its text is the same or nearly so")
