"""Line-level building blocks of the outline: page chrome, heading markers, Chinese numerals."""

from __future__ import annotations

import pytest

from reviewer.headings import cn_int, cn_numeral, match_marker
from reviewer.lines import chrome_kind, split_lines
from reviewer.outline import build_outline


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("首页", "clutter"),
        ("首   页 走进汉台 新闻中心 政府信息公开 政务服务 互动交流 专题专栏", "clutter"),
        (">新闻中心>通知公告", "clutter"),
        ("舟山市教育局> 法定主动公开内容> 规划计划> 工作计划与总结>", "clutter"),
        ("您当前的位置:首页 >法定主动公开内容 >其他法定信息", "clutter"),
        ("当前位置:", "clutter"),
        ("适老版 关爱版", "clutter"),
        ("分享到:", "clutter"),
        ("打印 关闭", "clutter"),
        ("【我要打印】【关闭】", "clutter"),
        ("[打印本页] [关闭窗口]", "clutter"),
        ("Produced By 大汉网络 大汉版通发布系统", "clutter"),
        ("主办单位:天津市滨海新区人民政府办公室", "clutter"),
        ("网站标识码:1201160001", "clutter"),
        ("京ICP备05070140号", "clutter"),
        ("返回顶部", "clutter"),
        ("字号:[ ]", "clutter"),
        ("海滨街2020年法治政府建设情况.docx", "clutter"),
        ("浙卫〔2024〕3号《浙江省卫生健康委关于2023年度法治政府建设情况的报告》", "clutter"),
        ("来源:津南区政府办公室 发布时间:2022-03-11 18:18", "metadata"),
        ("信息来源:市司法局 发布日期:2022-02-15 15:49 浏览次数:", "metadata"),
        ("发表时间:2021-02-10 15:54", "metadata"),
        ("时间 : 2021-03-31 15:31:55 来源 : 本网", "metadata"),
        ("索引号 001008009005004/2022-01194", "metadata"),
        ("发文机关：某某县人民政府", "metadata"),
        ("2025-03-04 17:51 字号:", "metadata"),
        ("  • 2023年03月30日 09时24分", "metadata"),
        ("  • 11500224009351624E/2020-00573", "metadata"),
        ("| 索 引 号 | XM00128-30-01-2026-005 | 主题分类 | 文件通知 |", "metadata"),
        ("首页→ 网站公告", "clutter"),
        ("- 设为首页", "clutter"),  # a page's menu saved as a list
        ("- 无障碍阅读", "clutter"),
        ("* 长者版", "clutter"),
        ("- 分享到 :", "clutter"),
        ("打印本页", "clutter"),
        ("大", "clutter"),  # the font-size controls, one a line
        ("大 中 小", "clutter"),
        ("-", "clutter"),
        ("- 全年办理行政复议案件59件", None),  # a list item of the report
        ("- 分享先进经验", None),  # starts like a menu entry, but longer: the report's own list (a code review)
        ("- 纠错整改问题12个", None),
        ("大力推进", None),
        ("2024年1月17日", None),  # a 落款 date, not page metadata
        ("浙卫〔2024〕3号", None),  # a document number is report text
        ("省委、省政府:", None),
        ("一、主要举措和成效", None),
        ("来源:" + "很长的正文" * 30, None),  # too long to be a page field
    ],
)
def test_chrome_kind(line: str, kind: str | None) -> None:
    assert chrome_kind(line.strip()) == kind


@pytest.mark.parametrize(
    ("line", "level", "number", "ordinal"),
    [
        ("一、总体情况", 1, "一", 1),
        ("十一、其他", 1, "十一", 11),
        ("二．存在问题", 1, "二", 2),
        ("第三部分 下一步安排", 1, "三", 3),
        ("第二章 工作举措", 1, "二", 2),
        ("、下一年度主要安排", 1, None, None),
        ("（一）学法", 2, "一", 1),
        ("( 二 )用法", 2, "二", 2),
        ("1.健全制度", 3, "1", 1),
        ("12、完善机制", 3, "12", 12),
        ("3． 规范执法", 3, "3", 3),
        ("（1）专题讲座", 4, "1", 1),
        ("(2)集中学习", 4, "2", 2),
        ("③以案释法", 4, "③", 3),
    ],
)
def test_match_marker(line: str, level: int, number: str | None, ordinal: int | None) -> None:
    m = match_marker(line)
    assert m is not None and (m.level, m.number, m.ordinal) == (level, number, ordinal)


@pytest.mark.parametrize(
    "line", ["一是加强领导", "2021.3月起", "1.5万人次", "2021年,我区", "十四五规划", "(2021-2025年)", "123项"]
)
def test_no_marker(line: str) -> None:
    assert match_marker(line) is None


@pytest.mark.parametrize(
    ("s", "n"), [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("九十九", 99), ("一百零五", 105)]
)
def test_cn_int_and_back(s: str, n: int) -> None:
    assert cn_int(s) == n
    if n < 100:
        assert cn_numeral(n) == s


def test_split_lines_offsets_and_stripping() -> None:
    text = "\ufeff  标题 \n\n\u3000\u3000正文。\r\n"
    lines = split_lines(text)
    assert [(ln.start, ln.end, ln.text, ln.lead) for ln in lines] == [
        (0, 6, "标题", 3),
        (7, 7, "", 0),
        (8, 14, "正文。", 2),
        (15, 15, "", 0),
    ]
    assert all(text[ln.text_start : ln.text_start + len(ln.text)] == ln.text for ln in lines)


def _kinds(text: str) -> dict[str, str]:
    return {text[ln.start : ln.end].strip(): ln.kind for ln in build_outline(text).lines if ln.kind != "body"}


def test_site_columns_above_the_title_are_page_chrome() -> None:
    """新闻中心 or 政府文件 alone above the headline is the site's column; a unit's name there opens the title."""
    text = ("新闻中心\n\n某某市司法局\n关于2023年度法治政府建设情况的报告\n"
            "2023年，我局坚持以习近平新时代中国特色社会主义思想为指导。\n大力推进\n")
    kinds = _kinds(text)
    assert kinds["新闻中心"] == "clutter"
    assert kinds["某某市司法局"] == "title"
    assert "大力推进" not in kinds  # below the title: report text
    court = "某某市人民法院\n关于2023年度法治政府建设情况的报告\n2023年，我院坚持依法行政。\n"
    assert "某某市人民法院" not in _kinds(court)  # a unit's name above the title is not page chrome


def test_a_page_fields_value_on_the_next_line_is_page_metadata() -> None:
    text = ("某某镇人民政府关于2025年法治政府建设情况的报告\n发布时间:\n2026-03-04\n来源:\n某某镇人民政府\n"
            "2025年，某某镇坚持依法行政。\n")
    assert _kinds(text)["某某镇人民政府"] == "metadata"
    salutation = ("某某市人民政府关于2021年度法治政府建设工作的报告\n"
                  "信息来源:市司法局 发布日期:2022-02-15 15:49 浏览次数:\n省委、省政府:\n2021年，全市坚持依法行政。\n")
    assert "省委、省政府:" not in _kinds(salutation)  # the addressee, under a row of fields
    first_words = "某某镇人民政府关于2025年法治政府建设情况的报告\n来源:\n坚持党的领导\n2025年，某某镇坚持依法行政。\n"
    assert "坚持党的领导" not in _kinds(first_words)  # not a unit's name nor a date: the report's words
