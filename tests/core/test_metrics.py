"""Metric extraction: exact figures on the seeds, every hard form, every non-metric form, sections."""

from __future__ import annotations

import pytest

from reviewer.metrics import extract_metrics
from reviewer.model import Line, Metric, Outline, Section
from reviewer.outline import build_outline
from reviewer.topics import topic_names, topic_table
from tests.conftest import seed_path

EMPTY = Outline(sections=(), lines=())


def _seed(prefix: str) -> str:
    return seed_path(prefix).read_text(encoding="utf-8")


def _at(text: str, phrase: str, figure: str) -> Metric:
    """The metric whose text is ``figure`` inside the first occurrence of ``phrase``."""
    pos = text.index(phrase) + phrase.index(figure)
    (found,) = [m for m in extract_metrics(text, EMPTY) if m.start == pos]
    assert found.text == figure == text[found.start : found.end]
    return found


def _only(text: str) -> Metric:
    (m,) = extract_metrics(text, EMPTY)
    return m


@pytest.mark.parametrize(
    ("prefix", "phrase", "figure", "value", "unit", "qualifier", "topic"),
    [
        ("000", "全年共办理本区行政复议案件59件", "59件", 59, "件", None, "行政复议"),
        ("000", "纠错率44%", "44%", 44, "%", None, "行政复议"),
        ("000", "本年度化解信访积案150余件", "150余件", 150, "件", "余", "信访"),
        ("000", "播放量72.5万余次", "72.5万余次", 725_000, "次", "余", "普法/学法"),
        ("000", "3700余名学员", "3700余名", 3700, "名", "余", "普法/学法"),
        ("001", "出庭应诉率99.19%", "99.19%", 99.19, "%", None, "出庭应诉"),
        ("001", "同比上升0.55%", "0.55%", 0.55, "%", None, "出庭应诉"),
        ("001", "公开各类文件近6000件", "近6000件", 6000, "件", "近", "政务公开"),
        ("001", "注册人数超过3.5万人", "超过3.5万人", 35_000, "人", "超", "矛盾纠纷/人民调解"),
        ("001", "实名注册用户超100万人", "超100万人", 1_000_000, "人", "超", "政务服务"),
        ("001", "接访下访1422人次", "1422人次", 1422, "人次", None, "信访"),
        ("002", "10多个文件", "10多个", 10, "个", "多", "合法性审核"),
        ("002", "7700 多个政务服务事项", "7700 多个", 7700, "个", "多", "政务服务"),
        ("002", "不规范金额74356万元", "74356万元", 743_560_000, "元", None, "审计"),
        ("002", "上诉率45.23%", "45.23%", 45.23, "%", None, "行政诉讼"),
        ("003", "处罚金额26150元", "26150元", 26150, "元", None, "行政执法"),
        ("003", "平均成绩92.3分", "92.3分", 92.3, "分", None, "普法/学法"),
        ("003", "举报减少九成", "九成", 9, "成", None, "行政执法"),
        ("003", "不少于30人的应急救援队伍", "不少于30人", 30, "人", "超", "其他"),
        ("003", "年度各组织一场应急演练", "一场", 1, "场", None, "其他"),
        ("004", "全镇16名行政执法人员", "16名", 16, "名", None, "执法人员"),
        ("004", "消除风险隐患80余处", "80余处", 80, "处", "余", "行政执法"),
    ],
)
def test_seed_figures(
    prefix: str, phrase: str, figure: str, value: float, unit: str, qualifier: str | None, topic: str
) -> None:
    m = _at(_seed(prefix), phrase, figure)
    assert (m.value, m.measure, m.qualifier, m.topic) == (pytest.approx(value), unit, qualifier, topic)


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit", "qualifier"),
    [
        ("办理案件150余件。", "150余件", 150, "件", "余"),
        ("公开文件近6000件。", "近6000件", 6000, "件", "近"),
        ("播放量72.5万余次。", "72.5万余次", 725_000, "次", "余"),
        ("注册3.5万人。", "3.5万人", 35_000, "人", None),
        ("用户超100万人。", "超100万人", 1_000_000, "人", "超"),
        ("资金1.2亿元。", "1.2亿元", 120_000_000, "元", None),
        ("资金1.1亿元。", "1.1亿元", 110_000_000, "元", None),
        ("纠错率44%。", "44%", 44, "%", None),
        ("率达100%。", "100%", 100, "%", None),
        ("同比上升0.55%。", "0.55%", 0.55, "%", None),
        ("持证率９８．５％。", "９８．５％", 98.5, "%", None),
        ("提高5.42个百分点。", "5.42个百分点", 5.42, "个百分点", None),
        ("检查1,234家次。", "1,234家次", 1234, "家次", None),
        ("组建十余个小组。", "十余个", 10, "个", "余"),
        ("培训三千七百余名干部。", "三千七百余名", 3700, "名", "余"),
        ("惠及两万人。", "两万人", 20_000, "人", None),
        ("从三个层面制定。", "三个", 3, "个", None),
        ("每年召开一次专题会议。", "一次", 1, "次", None),
        ("每年开展1次评估。", "1次", 1, "次", None),
        ("每季度至少一次专题学习。", "一次", 1, "次", None),
        ("取得工作证人数7人。", "7人", 7, "人", None),
        ("支付律师费逾20万元。", "逾20万元", 200_000, "元", "超"),
        ("持证比例98%以上。", "98%以上", 98, "%", "超"),
        ("约300人参加。", "约300人", 300, "人", "约"),
        ("辖区 72 个网格。", "72 个", 72, "个", None),
        ("专职人员 260 余名。", "260 余名", 260, "名", "余"),
        ("连续三年举办培训。", "三年", 3, "年", None),
        ("在3个工作日内办结。", "3个工作日", 3, "个工作日", None),
        ("新增2000余路视频。", "2000余路", 2000, "路", "余"),
        ("PM2.5浓度为29.8微克每立方米。", "29.8微克每立方米", 29.8, "微克每立方米", None),
        ("挽回经济损失3000余万元。", "3000余万元", 30_000_000, "元", "余"),
        ("近千人参加。", "近千人", 1000, "人", "近"),
        ("百分之九十五的群众满意。", "百分之九十五", 95, "%", None),
        ("满意度达百分之九十八点五。", "百分之九十八点五", 98.5, "%", None),
        ("出庭应诉1236件次。", "1236件次", 1236, "件次", None),
        ("工作满1年以上。", "1年以上", 1, "年", "超"),
        ("300人左右参加。", "300人左右", 300, "人", "约"),
        ("参与群众千余人。", "千余人", 1000, "人", "余"),
        ("发生两起安全事故。", "两起", 2, "起", None),
        ("新增三十余家。", "三十余家", 30, "家", "余"),
        ("受理一百二十件。", "一百二十件", 120, "件", None),
    ],
)
def test_hard_forms(text: str, figure: str, value: float, unit: str, qualifier: str | None) -> None:
    m = _only(text)
    assert (m.text, m.value, m.measure, m.qualifier) == (figure, pytest.approx(value), unit, qualifier)
    assert text[m.start : m.end] == figure


@pytest.mark.parametrize(
    "text",
    [
        "2021年,我区坚持依法行政。",
        "2022年2月13日",
        "第四季度全区完成任务。",
        "1-6月共受理案件。",
        "发布时间:2022-03-11 18:18",
        "庐政办秘〔2020〕9号",
        "(庐政办秘〔202018号)",
        "高标准打好“八五”普法规划开局之战。",
        "全面贯彻党的十九大和十九届六中全会精神。",
        "全面贯彻党的二十届三中全会精神。",
        "《法治政府建设实施纲要(2021—2025年)》",
        "《津南区重大行政决策事项年度目录管理办法等11个重大行政决策程序制度》",
        "合肥市第四届优秀公职律师。",
        "简报2020年第14专版刊登。",
        "升级为1.0模式。",
        "决策“1+1+X”制度体系。",
        "打造“五个一”审批新模式。",
        "建立“四项清单”。",
        "开展“4.15”国家安全日活动。",
        "上线“12345政风热线”。",
        "12348安徽法网正式运行。",
        "由45岁以下人员组成。",
        "一是加强领导,二是强化监督。",
        "全力打造“一次告知、一表申请、一窗受理”。",
        "办事上一张网,进一扇门,最多跑一次3.0模式。",
        "实行一次性告知制度。",
        "落实三项制度工作档案。",
        "市委五届十三次全会召开。",
        "市第六次党代会提出。",
        "第三批特邀执法监督员。",
        "无一起复议决定被撤销。",
        "打造一批法治品牌项目。",
        "建立一个平台。",
        "辖区“三个 100%”工作要求。",
        "这项工作十分重要。",
        "近三年来持续推进。",
        "年均浓度PM2.5下降。",
        "千家万户受益。",
        "数十个部门参与。",
        "对每一项行政权力运行流程进行优化。",
        "2023年03月30日 09时24分",
        "按照三个“一号工程”决策部署。",
        "获评全市前三名。",
        "编制五年规划和三年行动计划。",
        "围绕法治政府建设五年实施纲要验收开展工作。",
        "入选千人计划。",
        "惠及千家万户。",
        "选聘第 3 批监督员。",
        "二〇二一年工作总结。",
        "坚持三个代表重要思想,胸怀两个大局。",
        "推进两所一庭联动,开展三所联动。",
        "完成二期工程建设。",
        "依据GB/T 19001-2016标准。",
        "启动“十四五”规划,2019年至2021年。",
    ],
)
def test_non_metrics(text: str) -> None:
    assert extract_metrics(text, EMPTY) == ()


@pytest.mark.parametrize("figure", ["0.07万人", "1.1亿元", "0.14万件", "12.36亿元", "72.5万余次"])
def test_magnitudes_fold_without_float_noise(figure: str) -> None:
    m = _only(f"共{figure}。")
    assert m.value == round(m.value)


def test_ordinal_before_real_figure_keeps_the_figure() -> None:
    (m,) = extract_metrics("选聘第三批特邀执法监督员36名。", EMPTY)
    assert (m.text, m.value, m.measure) == ("36名", 36, "名")


def test_clutter_and_metadata_lines_hold_no_metrics() -> None:
    text = "浏览次数:12次 共3条\n发布时间:2022-03-11 来源:5个部门\n全年办理案件59件。"
    first_end = text.index("\n")
    second_end = text.index("\n", first_end + 1)
    lines = (
        Line("clutter", 0, first_end),
        Line("metadata", first_end + 1, second_end),
        Line("body", second_end + 1, len(text)),
    )
    found = extract_metrics(text, Outline(sections=(), lines=lines))
    assert [m.text for m in found] == ["59件"]
    assert [m.text for m in extract_metrics(text, EMPTY)] == ["12次", "3条", "5个", "59件"]


def test_a_stray_straight_quote_does_not_hide_figures() -> None:
    text = '开展"法治进社区活动,全年办理案件59件,调解纠纷12起"。'
    assert [m.text for m in extract_metrics(text, EMPTY)] == ["59件", "12起"]


def test_context_is_the_sentence() -> None:
    text = "一是加强执法。全年开展执法检查500余次,消除隐患80余处。二是其他。"
    first, second = extract_metrics(text, EMPTY)
    assert first.context == second.context == "全年开展执法检查500余次,消除隐患80余处。"


def _sections_by_id(sections: tuple[Section, ...]) -> dict[str, Section]:
    found: dict[str, Section] = {}
    for s in sections:
        found[s.id] = s
        found.update(_sections_by_id(s.children))
    return found


@pytest.mark.parametrize(
    ("prefix", "phrase", "figure", "section", "headings"),
    [
        ("000", "全年共办理本区行政复议案件59件", "59件", "s1.7.2", {"s1.7": "(七)社会矛盾纠纷", "s1.7.2": "16. 严格"}),
        ("000", "纠错率44%", "44%", "s1.7.2", {"s1.7": "(七)"}),
        ("001", "出庭应诉率99.19%", "99.19%", "s1.6.2", {"s1.6": "(六)强化行政权力制约监督", "s1.6.2": "2.加强"}),
        ("002", "10多个文件", "10多个", "s1", {"s1": "一、紧盯重点环节"}),
        ("003", "处罚金额26150元", "26150元", "s1.4", {"s1.4": "(四)严格规范公正文明执法"}),
        ("004", "全镇16名行政执法人员", "16名", "s1.5", {"s1.5": "(五)以综合行政执法改革为突破口"}),
    ],
)
def test_seed_sections_with_the_real_outline(
    prefix: str, phrase: str, figure: str, section: str, headings: dict[str, str]
) -> None:
    text = _seed(prefix)
    outline = build_outline(text)
    pos = text.index(phrase) + phrase.index(figure)
    (m,) = [m for m in extract_metrics(text, outline) if m.start == pos]
    assert m.section == section
    by_id = _sections_by_id(outline.sections)
    for sid, start in headings.items():
        assert by_id[sid].heading.startswith(start)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_seed_metric_sits_in_its_innermost_section(prefix: str) -> None:
    text = _seed(prefix)
    outline = build_outline(text)
    by_id = _sections_by_id(outline.sections)
    for m in extract_metrics(text, outline):
        assert m.section is not None, m
        holder = by_id[m.section]
        assert holder.start <= m.start < holder.end
        assert not any(c.start <= m.start < c.end for c in holder.children)


def _section(sid: str, level: int, start: int, end: int, title: str, children: tuple[Section, ...] = ()) -> Section:
    return Section(sid, level, None, title, title, start, end, children)


def test_section_is_the_innermost_holder() -> None:
    text = "一、主要举措\n(一)行政复议\n办理行政复议案件59件。\n二、不足\n问题3个。"
    inner_start = text.index("(一)")
    part_two = text.index("二、")
    inner = _section("s1.1", 2, inner_start, part_two, "行政复议")
    outline = Outline(
        sections=(
            _section("s1", 1, 0, part_two, "主要举措", (inner,)),
            _section("s2", 1, part_two, len(text), "不足"),
        ),
        lines=(),
    )
    first, second = extract_metrics(text, outline)
    assert (first.text, first.section) == ("59件", "s1.1")
    assert (second.text, second.section) == ("3个", "s2")


def test_section_title_gives_the_topic_when_the_text_does_not() -> None:
    text = "(七)社会矛盾纠纷有效化解\n全年共处理172起。"
    outline = Outline(sections=(_section("s1", 2, 0, len(text), "社会矛盾纠纷有效化解"),), lines=())
    (m,) = extract_metrics(text, outline)
    assert (m.section, m.topic) == ("s1", "矛盾纠纷/人民调解")


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # 协调解决 holds 调解 across a word boundary; jieba's segmentation says so.
        ("帮助企业协调解决问题30余个。", "政务服务"),
        ("开通法律援助代办点,向28462户低保家庭推送法援惠民政策。", "其他"),
        ("组织送法进企业活动12场。", "普法/学法"),
    ],
)
def test_fragile_keywords_count_only_as_whole_words(text: str, topic: str) -> None:
    (m,) = extract_metrics(text, EMPTY)
    assert m.topic == topic


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("全年共收到行政复议申请123件,直接纠错率为20.4%。", "行政复议"),
        ("审核各类合同协议236份,涉及金额12.36亿元。", "合法性审核"),
        ("聘请法律顾问25名,列席会议126次。", "法律顾问"),
        ("全年办理行政许可事项12.8万件。", "政务服务"),
        ("全区共有持证执法人员1200余人。", "执法人员"),
        ("人民调解组织调解纠纷8,563件。", "矛盾纠纷/人民调解"),
        ("处理群众来信来访3200余件次。", "信访"),
    ],
)
def test_topic_of_common_sentences(text: str, topic: str) -> None:
    assert extract_metrics(text, EMPTY)[-1].topic == topic


def test_topics_are_the_issue_list() -> None:
    assert topic_names() == (
        "行政复议", "行政诉讼", "出庭应诉", "规范性文件", "合法性审核", "重大行政决策", "行政执法", "执法人员",
        "法律顾问", "政务公开", "矛盾纠纷/人民调解", "信访", "普法/学法", "人大建议/政协提案", "政务服务",
        "权责清单", "审计", "其他",
    )


def test_weak_and_fragile_words_are_keywords() -> None:
    table = topic_table()
    assert table.weak <= set(table.topic_of)
    assert table.fragile <= set(table.topic_of)


def test_every_metric_topic_is_a_listed_topic() -> None:
    names = set(topic_names())
    for prefix in ("000", "001", "002", "003", "004"):
        assert {m.topic for m in extract_metrics(_seed(prefix), EMPTY)} <= names


@pytest.mark.parametrize(
    ("patterns", "expected"),
    [
        (["最多跑一次", "[一二]项(?:制度|机制)", "每一[个项]"], "最一二每"),
        (["a|b"], None),  # a top-level alternative may start anywhere
        (["(?:ab)"], None),
        (["a?b"], None),
        (["[ab]*c"], None),
        (["\\d年"], None),
        (["x(a|b)"], "x"),
    ],
)
def test_first_characters_of_set_phrases(patterns: list[str], expected: str | None) -> None:
    from reviewer.metric_patterns import first_chars

    assert first_chars(patterns) == expected


def test_set_phrase_prefix_changes_no_match_on_the_seeds() -> None:
    import re

    from reviewer.metric_patterns import NONMETRIC_FILE, _read_lines, nonmetric_pattern
    from tests.conftest import SEED_FILES

    fast = nonmetric_pattern()
    assert fast.pattern.startswith("(?=[")  # the shipped phrases all start plainly
    plain = re.compile("|".join(f"(?:{p})" for p in _read_lines(NONMETRIC_FILE)))
    for path in SEED_FILES:
        text = path.read_text(encoding="utf-8")
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
