"""Issue 17 development cases: page-metadata forms, the unit without a title, levels from the table.

Re-formed variants of the seeds (their units, years and dates) with the page furniture and
openings other sites use; exact expected values. The held-out counterparts are in
test_unseen_heldout.py and were not used to write the rules.
"""

from __future__ import annotations

import pytest

from reviewer.divisions import known_division, place_level
from reviewer.meta import extract_meta
from reviewer.model import ReportMeta
from reviewer.outline import build_outline
from reviewer.units import unit_level

_BODY = "一、主要举措和成效\n全年办理行政复议案件59件。\n"
_TITLE = "津南区2021年法治政府建设情况报告\n"


def _meta(text: str) -> ReportMeta:
    return extract_meta(text, build_outline(text))


@pytest.mark.parametrize(
    ("header", "published"),
    [
        ("发布时间：2022-03-11", "2022-03-11"),
        ("发布日期:2022/03/11 09:12:45", "2022-03-11"),
        ("发布时间 ： 2022.03.11", "2022-03-11"),
        ("发布日期2022年3月11日", "2022-03-11"),
        ("时间:2022-03-11 10:20 来源:区司法局 浏览次数:35", "2022-03-11"),
        ("信息来源：区司法局 发布时间：2022年03月11日 字号：[大 中 小]", "2022-03-11"),
        ("更新时间：2022-03-11", "2022-03-11"),
        ("- 日期:2022-03-11", "2022-03-11"),
        ("- [ 发布日期 ] 2022-03-11", "2022-03-11"),
        ("【 发布日期 】2022-03-11", "2022-03-11"),
        ("  • 2022-03-11", "2022-03-11"),
        ("区政府办公室 2022-03-11", "2022-03-11"),
        ("发布时间:\n2022-03-11", "2022-03-11"),
        ("[ 成文日期 ]\n2022-02-28\n[ 发布日期 ]\n2022-03-11", "2022-03-11"),
        ("成文日期 2022-02-28\n发布日期:2022-03-11 00:00", "2022-03-11"),
        ("索 引 号: 000014349/2022-00017 发布日期: 2022-03-11 发布机构: 津南区司法局", "2022-03-11"),
        ("发布日期：2022-03-11　更新时间：2022-03-15", "2022-03-11"),
        ("成文日期：2022-02-28", None),
        ("发文日期：2022年2月28日", None),
    ],
)
def test_published_date_in_every_page_form(header: str, published: str | None) -> None:
    meta = _meta(f"{header}\n{_TITLE}{_BODY}")
    assert (meta.published_date, meta.issuer, meta.report_year) == (published, "津南区", 2021)


def test_signature_and_body_dates_are_not_the_publication_date() -> None:
    text = f"{_TITLE}2022年2月25日，区政府常务会议审议本报告。\n{_BODY}津南区人民政府\n2022年2月28日\n"
    meta = _meta(text)
    assert (meta.published_date, meta.signed_date) == (None, "2022-02-28")


@pytest.mark.parametrize(
    ("opening", "unit", "level"),
    [
        ("2021年，津南区法治政府建设工作在区委的坚强领导下取得新成效。", "津南区", "county"),
        ("2021年，泰州市人民政府认真贯彻落实法治政府建设实施纲要。", "泰州市人民政府", "city"),
        ("庐阳区司法局在区委、区政府的正确领导下，全面推进依法行政。", "庐阳区司法局", "department"),
        ("2021年，在天津市委、市政府的坚强领导下，塘沽街道深入推进法治建设。", "塘沽街道", "street"),
        ("2021年，在区委、区政府的领导下，我局全面推进法治政府建设。", None, "department"),
        ("2021年，在渝北区委的领导下，我镇认真落实法治政府建设各项任务。", None, "town"),
        ("2021年，高新区综治局严格依法履行职责。", None, "department"),
    ],
)
def test_unit_from_the_opening_sentence(opening: str, unit: str | None, level: str) -> None:
    meta = _meta(f"{opening}\n{_BODY}")
    assert (meta.title, meta.issuer, meta.level) == (None, unit, level)


def test_unit_from_publisher_metadata_then_from_the_signature() -> None:
    body = "2021年，我区全面推进法治政府建设。\n" + _BODY
    meta = _meta(f"发布机构：津南区人民政府\n发布日期：2022-03-11\n{body}")
    assert (meta.issuer, meta.level) == ("津南区人民政府", "county")
    meta = _meta(f"[ 发布机构 ]\n人民政府办公室\n{body}津南区人民政府\n2022年2月28日\n")
    assert (meta.issuer, meta.level) == ("津南区人民政府", "county")


def test_metadata_value_line_is_not_part_of_the_title() -> None:
    meta = _meta(f"发布机构：\n津南区人民政府\n发布日期：\n2022-03-11\n{_TITLE}{_BODY}")
    assert (meta.title, meta.issuer, meta.published_date) == (_TITLE.strip(), "津南区", "2022-03-11")


def test_title_broken_mid_phrase() -> None:
    title = "大盛镇人民政府关于2023年度法治政府建设\n工作的报告"
    meta = _meta(f"{title}\n2023年，大盛镇全面推进法治政府建设。\n{_BODY}")
    assert (meta.title, meta.issuer, meta.level) == (title, "大盛镇人民政府", "town")


def test_title_run_into_the_text_of_a_flattened_document() -> None:
    text = "文库www.example.com泰州市人民政府关于2021年度法治政府建设情况的报告2021年,市政府坚持依法行政。"
    meta = _meta(text + "一、主要举措")
    assert (meta.issuer, meta.level, meta.report_year) == ("泰州市人民政府", "city", 2021)


def test_title_over_several_years_reports_the_last() -> None:
    meta = _meta("津南区人民政府关于2016-2020年度法治政府建设情况的报告\n" + _BODY)
    assert meta.report_year == 2020


@pytest.mark.parametrize(
    ("unit", "level"),
    [
        ("山东省人民政府", "province"),
        ("内蒙古自治区人民政府", "province"),
        ("重庆市人民政府", "province"),
        ("昆山市人民政府", "county"),  # 县级市
        ("仙桃市人民政府", "county"),  # 省直辖县级市
        ("鄂尔多斯市人民政府", "city"),
        ("黔西南布依族苗族自治州人民政府", "city"),
        ("黔西南州人民政府", "city"),  # short form, not in the table: suffix rule
        ("阿拉善盟行政公署", "city"),
        ("和田地区行政公署", "city"),
        ("东乌珠穆沁旗人民政府", "county"),
        ("东乌旗人民政府", "county"),
        ("重庆市渝北区人民政府", "county"),
        ("高新区(新市区)人民政府", "county"),
        ("中共泰州市委", "city"),
        ("泰州市委 泰州市人民政府", "city"),
        ("北京市教育委员会", "department"),
        ("重庆市教委", "department"),
        ("浙江省卫健委", "department"),
        ("泰州市发展和改革委员会", "department"),
        ("津南区司法局", "department"),
        ("天津经济技术开发区管委会", "other"),  # an agency of its own kind, see levels.toml
        ("大盛镇人民政府", "town"),
        ("都贵玛苏木", "town"),
        ("塘沽街道办事处", "street"),
    ],
)
def test_unit_level_from_the_division_table(unit: str, level: str) -> None:
    assert unit_level(unit) == level


def test_division_table_lookups() -> None:
    assert (known_division("昆山市"), known_division("江苏省苏州市昆山市"), known_division("某某县")) == (
        "county",
        "county",
        None,
    )
    assert (place_level("鄂尔多斯市"), place_level("某某市"), place_level("某某县")) == ("city", "city", "county")
