"""This year beside last year, on seed 003 (塘沽街道, 2024) and its 2023 report made by editing it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from reviewer.analyze import analyze_many
from reviewer.dedup import normalise
from reviewer.lastyear import attach, compare, with_next_years, with_previous_years
from reviewer.lastyear_json import previous_year_from_json
from reviewer.load import load_many
from reviewer.model import Analysis
from reviewer.resources import resource_path
from reviewer.serialize import from_json, to_json
from tests.core import lastyear_fixtures as fx


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Analysis, Analysis]:
    """(2023, 2024): each report's own analysis."""
    previous, current = fx.write_pair(tmp_path_factory.mktemp("pair"))
    docs, errors = load_many([previous, current])
    assert not errors
    older, newer = analyze_many(docs, across=False)
    assert (older.meta.report_year, newer.meta.report_year) == (2023, 2024)
    return older, newer


@pytest.fixture(scope="module")
def compared(pair: tuple[Analysis, Analysis]) -> Analysis:
    """The 2024 report as the batch shows it: beside 2023's."""
    out = with_previous_years(list(pair))
    assert out[0].previous_year is None  # nothing of 2022 in the batch
    assert out[1].previous_year is not None
    return out[1]


def _chars(*lines: str) -> int:
    """Characters that count: those of sentences of 10 or more (no whitespace or punctuation)."""
    sentences = (normalise(x) for line in lines for x in re.split(r"(?<=[。！？!?；;])", line))
    return sum(len(x) for x in sentences if len(x) >= 10)


def test_copied_share_is_the_kept_paragraphs_and_sentences(compared: Analysis) -> None:
    s = fx.seed_lines()
    py = compared.previous_year
    assert py is not None and py.paired_by == "auto" and py.year == 2023 and py.issuer == "塘沽街道"
    # Kept whole (figures changed): the first two topic paragraphs and the shortcomings; kept as
    # sentences: four headings, the plan's heading (its year apart) and the first two sentences of (七).
    whole = [s[fx.P1], s[fx.P2], s[fx.P_SHORT]]
    sentences = [s[fx.H1], s[fx.H2], s[fx.H7], s[fx.H_FIRST], s[fx.H_PLAN], fx.P7_KEPT]
    assert [p.level for p in py.passages].count("paragraph") == 3
    assert [compared.text[p.start : p.end] for p in py.passages if p.level == "paragraph"] == whole
    assert py.copied.copied == _chars(*whole, *sentences) == 1007
    assert py.copied.total == _chars(*s[1:30]) == 4625  # the prose: all but the title and the site's footer
    assert round(100 * (py.copied.share or 0), 1) == 21.8


def test_copied_share_per_part(compared: Analysis) -> None:
    s = fx.seed_lines()
    py = compared.previous_year
    assert py is not None
    shares = {k: (v.copied, v.total) for k, v in py.parts.items()}
    # 三、存在的不足和原因 is too short to count (every report has it, every year)
    assert shares["shortcomings"] == (_chars(s[fx.P_SHORT]), _chars(s[fx.H_SHORT], s[fx.P_SHORT])) == (209, 209)
    assert shares["first_responsible"] == (_chars(s[fx.H_FIRST]), _chars(*s[fx.H_FIRST : fx.H_SHORT])) == (18, 509)
    assert shares["next_year"] == (_chars(s[fx.H_PLAN]), _chars(*s[23:30])) == (13, 588)
    assert shares["measures"] == (767, _chars(*s[2:19])) == (767, 3139)
    assert "other" not in shares  # the report has no such part


def test_figures_side_by_side_with_their_change(compared: Analysis) -> None:
    py = compared.previous_year
    assert py is not None
    got = [(f.topic, f.measure, f.previous.text, f.current.text) for f in py.figures]
    assert got == [
        ("普法/学法", "个", "14个", "14个"),
        ("普法/学法", "场次", "150余场次", "200余场次"),
        ("普法/学法", "分", "90.5分", "92.3分"),
        ("政务服务", "件", "272件", "2725件"),
        ("政务服务", "家", "8家", "10家"),
        ("政务服务", "个", "25余个", "30余个"),
        ("执法人员", "人次", "6800人次", "7235人次"),
        ("行政执法", "次", "1900次", "2080次"),  # 开展行政检查
        ("行政执法", "次", "1200次", "1354次"),  # 责令改正违法行为; 批评教育505余次 has no counterpart
        ("行政执法", "次", "140次", "151次"),  # 实施处罚
    ]
    school = py.figures[1]
    assert (school.change, round(school.change_percent or 0, 2)) == (50, 33.33)
    assert [f.jump for f in py.figures] == [None, None, None, "up", None, None, None, None, None, None]


def test_last_years_plan_items_reported_or_not(compared: Analysis) -> None:
    py = compared.previous_year
    assert py is not None
    assert [p.title for p in py.plan] == ["抓好理论学习中心组学习", "组织干部学法考试", "建设智慧法务平台",
                                          "做优企业服务", "推行无人机巡查执法", "开展行政检查"]
    assert [p.status for p in py.plan] == fx.PLAN_STATUSES
    passages = {p.title: compared.text[p.start : p.end] for p in py.plan if p.start is not None and p.end is not None}
    assert passages["抓好理论学习中心组学习"].startswith("一是街道党工委理论学习中心组积极开展习近平法治思想专题学习")
    assert passages["做优企业服务"].startswith("二是持续做优企业服务。开展“三看三听一服”全覆盖走访,为科技型企业")
    assert "规范行政检查事项" in passages["开展行政检查"]
    measures = compared.parts["measures"]
    assert all(measures.start is not None and measures.end is not None and measures.start <= p.start < measures.end
               for p in py.plan if p.start is not None)
    unreported = [p for p in py.plan if p.status == "not_mentioned"]
    assert all(p.start is None and p.matched == () for p in unreported)
    assert len({p.key for p in py.plan}) == 6  # each item its own id for the reviewer's tick


def test_findings_a_tenfold_jump_and_a_part_copied_entirely(compared: Analysis) -> None:
    mine = [f for f in compared.findings if f.kind in ("figure_jump", "copied_from_last_year")]
    assert [(f.kind, compared.text[f.start : f.end]) for f in mine] == [
        ("figure_jump", "2725件"),
        ("copied_from_last_year", "三、存在的不足和原因"),
    ]
    jump, copied = mine
    assert jump.message.render() == "“2725件”是上一年度（272件）的 10 倍，报告未说明原因"
    assert copied.message.render() == ("“存在的不足和原因”部分照搬上一年度报告 塘沽街道2023.txt："
                                       "100% 的文字与之相同或高度相似")
    assert copied.message.render("en").startswith("The part “Shortcomings and causes” is copied from last year's")


def test_json_previous_year_follows_the_schema_and_reads_back(compared: Analysis) -> None:
    schema = json.loads(resource_path("schema", "analysis.schema.json").read_text(encoding="utf-8"))
    data = json.loads(json.dumps(to_json(compared), ensure_ascii=False))
    jsonschema.validate(data, schema)
    py = data["previous_year"]
    assert (py["copied_chars"], py["total_chars"], py["copied_share"]) == (1007, 4625, 0.2177)
    assert py["parts"]["shortcomings"] == {"copied_share": 1.0, "copied_chars": 209, "total_chars": 209}
    assert [i["status"] for i in py["plan_items"]] == fx.PLAN_STATUSES
    assert py["figures"][3]["jump"] == "up" and py["figures"][3]["change"] == 2453
    assert previous_year_from_json(py) == compared.previous_year
    assert from_json(data, compared.text).previous_year == compared.previous_year


def test_a_report_alone_has_no_previous_year_key(pair: tuple[Analysis, Analysis]) -> None:
    assert "previous_year" not in to_json(pair[0])


def test_attach_none_takes_the_comparison_and_its_findings_away(compared: Analysis) -> None:
    bare = attach(compared, None)
    assert bare.previous_year is None
    assert not [f for f in bare.findings if f.kind in ("figure_jump", "copied_from_last_year")]
    assert len(bare.findings) == len(compared.findings) - 2


def test_compare_is_the_same_whoever_asks(pair: tuple[Analysis, Analysis], compared: Analysis) -> None:
    assert compare(pair[1], pair[0]) == compared.previous_year
    assert compare(pair[1], pair[0], "reviewer").paired_by == "reviewer"


def test_identical_reports_copy_everything(pair: tuple[Analysis, Analysis]) -> None:
    py = compare(pair[1], pair[1])
    assert py.copied.copied == py.copied.total == 4625
    assert all(s.copied == s.total for s in py.parts.values())
    assert all(f.change == 0 for f in py.figures)


def test_plan_items_of_every_seed() -> None:
    from reviewer.plan import plan_items
    from reviewer.resources import seeds_dir

    docs, _ = load_many([seeds_dir()])
    counts = {}
    for a in analyze_many(docs, across=False):
        items = plan_items(a.text, a.sections, a.parts["next_year"])
        counts[Path(a.file).name[:3]] = [i.title for i in items]
    assert [len(v) for v in counts.values()] == [6, 3, 2, 9, 5]
    assert counts["000"][0] == "始终坚持党对法治政府建设的领导"  # 一是 … at each paragraph's start
    assert counts["001"][2] == "以优化法治化营商环境为保障,全力护航企业高质量发展"  # （三） sub-heading
    assert counts["002"][1] == "进一步检视法治政府建设过程中的问题短板"  # one paragraph: its sentences
    assert counts["003"][3:6] == ["丰富宣传形式", "打造法治文化阵地", "针对性开展法治宣传"]  # 一是 under （二）
    assert counts["004"][4] == "进一步完善法治政府建设审查"  # numbered items under the plan's heading


def test_paragraphs_shared_only_with_last_years_report_are_said_once(tmp_path: Path) -> None:
    """In one batch the 2024 report's kept paragraphs are also "shared with another report" — the
    2023 one: the comparison says it already, so those findings step aside, and come back unpaired."""
    docs, _ = load_many(list(fx.write_pair(tmp_path)))
    older, newer = analyze_many(docs)
    assert newer.previous_year is not None and len(newer.previous_year.absorbed) == 3
    assert not [f for f in newer.findings if f.kind == "duplicate_across_reports"]
    bare = attach(newer, None)
    shared = [f for f in bare.findings if f.kind == "duplicate_across_reports"]
    assert [bare.text[f.start : f.end][:12] for f in shared] == ["一是街道党工委理论学习中", "塘沽街秉持“法治是最好的",
                                                                 "2024年,塘沽街道在推"]
    assert attach(bare, older).findings == newer.findings  # paired again: the same as the batch said
    # last year's report gives them up too: it copied nothing (the later report's comparison says it)
    assert not [f for f in older.findings if f.kind == "duplicate_across_reports"]
    assert len(older.absorbed_by_next) == 3
    # unpaired, both reports say them again
    again = with_next_years([older, bare])
    assert len([f for f in again[0].findings if f.kind == "duplicate_across_reports"]) == 3
    assert again[0].absorbed_by_next == () and again[1] is bare


def test_the_earlier_report_is_not_blamed_for_what_the_later_one_copied(tmp_path: Path) -> None:
    """The 2023 report that 2024's was made from (years shifted, two figures changed): 2024 says
    "照搬上一年度" for its parts, and neither report has a paragraph "shared with another report"
    (2023 had 14, for the paragraphs 2024 copied from it)."""
    from reviewer.batch import with_project_findings

    docs, _ = load_many(list(fx.write_shifted_pair(tmp_path)))
    own = analyze_many(docs, across=False)
    for older, newer in (analyze_many(docs), with_project_findings(own)):
        kinds = [[f.kind for f in a.findings] for a in (older, newer)]
        assert [k.count("duplicate_across_reports") for k in kinds] == [0, 0]
        assert [k.count("copied_from_last_year") for k in kinds] == [0, 4]
        assert newer.previous_year is not None and len(newer.previous_year.absorbed) == 14
        assert len(older.absorbed_by_next) == 14


def test_many_pairs_are_compared_in_the_pool_alike(pair: tuple[Analysis, Analysis],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Compared in workers (what they are sent, pickled and back) or here: the same."""
    import pickle
    from concurrent.futures import ThreadPoolExecutor

    import reviewer.lastyear as ly

    monkeypatch.setattr(ly, "PARALLEL_MIN", 1)
    slim = ly._slim
    monkeypatch.setattr(ly, "_slim", lambda a: pickle.loads(pickle.dumps(slim(a))))
    here = with_previous_years(list(pair))
    with ThreadPoolExecutor(2) as pool:
        there = with_previous_years(list(pair), pool=lambda: pool)
        beside = with_previous_years(list(pair), pool=lambda: pool, beside=1)  # this process compares too
    for other in (there, beside):
        assert [a.previous_year for a in other] == [a.previous_year for a in here]
        assert [a.findings for a in other] == [a.findings for a in here]


def test_a_figure_down_to_a_tenth_is_said_as_the_share_it_is() -> None:
    """Found by a helper session: 869名 against last year's 8690名 was said to be 不到十分之一 (less than a
    tenth), though it is a tenth exactly."""
    from reviewer.figure_pairs import FigurePair, FigureSide
    from reviewer.lastyear import _jump_finding

    def side(value: float, text: str) -> FigureSide:
        return FigureSide(value, text, 0, len(text), "")

    pair = FigurePair("执法人员", "名", side(8690, "8690名"), side(869, "869名"), "down")
    finding = _jump_finding(pair)
    assert finding.message.render() == "“869名”只有上一年度（8690名）的约 1/10，报告未说明原因"
    assert finding.message.render("en") == ("“869名” is about 1/10 of last year's figure (8690名); "
                                            "the report does not say why")


def test_a_plan_items_title_does_not_end_inside_a_bracket() -> None:
    """Found by a helper session: an item of seed 000's plan was titled 做好津南区落实中共中央、国务院《法治政府
    建设实施纲要(202, cut at 30 characters inside the book title. It is cut before the bracket."""
    from reviewer.analyze import analyze_document
    from reviewer.load import load
    from tests.conftest import SEED_FILES

    a = analyze_document(load(SEED_FILES[0]))
    assert "做好津南区落实中共中央、国务院" in [p.title for p in a.plan]
    from reviewer.plan import _cut

    # too little would be left before the bracket: the title is cut inside it rather than made a word or none
    assert _cut("落实《法治政府建设实施纲要（2021—2025年）》的各项任务", 20) == "落实《法治政府建设实施纲要（2021—2"
    assert not [p.title for p in a.plan if p.title.count("《") != p.title.count("》")]


def test_a_compound_key_word_is_found_through_its_parts() -> None:
    """落实普法责任制 is one word of the legal-terms dictionary; this year's 落实“谁执法谁普法”责任制
    holds its parts but not the whole (the quotation marks stand between): it counts as found."""
    from reviewer.lastyear_model import PlanEntry
    from reviewer.plan import key_terms
    from reviewer.promises import Sentences, compounds, match_item

    last = ("二是落实普法责任制。街道各部门要严格落实“谁执法谁普法”责任制,将普法工作纳入年度工作计划,"
            "明确责任分工,确保普法工作取得实效。")
    terms = key_terms(last)
    assert terms == ("普法责任制", "执法", "普法", "责任制", "纳入", "计划", "明确责任", "分工", "取得实效")
    assert compounds(terms) == {"普法责任制": ("普法", "责任制")}
    now = "认真贯彻落实“八五”普法规划,落实“谁执法谁普法”“谁主管谁普法”“谁服务谁普法”责任制,开展普法宣传活动110余次。"
    item = match_item(PlanEntry("k", "落实普法责任制", 0, len(last), terms), last, Sentences(now, [(0, len(now))]))
    assert (item.status, item.matched) == ("reported", ("普法责任制", "执法", "普法", "责任制"))
    for other in ("全面落实行政执法责任制，开展普法宣传活动110余次。",  # the parts about other things
                  "严格落实安全生产责任制。组织执法人员参加普法考试。"):
        item = match_item(PlanEntry("k", "落实普法责任制", 0, len(last), terms), last,
                          Sentences(other, [(0, len(other))]))
        assert item.status == "not_mentioned", other
