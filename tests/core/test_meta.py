"""Report metadata on the seeds and on the shapes other reports take."""

from __future__ import annotations

import pytest

from reviewer.dates import parse_date
from reviewer.meta import extract_meta
from reviewer.model import ReportMeta
from reviewer.outline import build_outline
from reviewer.units import unit_from_title, unit_level
from tests.conftest import seed_path


def _meta(text: str) -> ReportMeta:
    return extract_meta(text, build_outline(text))


def _seed(prefix: str) -> tuple[str, ReportMeta]:
    text = seed_path(prefix).read_text(encoding="utf-8")
    return text, _meta(text)


@pytest.mark.parametrize(
    ("prefix", "title", "unit", "level", "year", "signed", "published"),
    [
        ("000", "津南区2021年法治政府建设情况报告", "津南区人民政府", "county", 2021, "2022-02-28", "2022-03-11"),
        (
            "001",
            "中共泰州市委 泰州市人民政府关于2021年度法治政府建设工作的报告",
            "中共泰州市委 泰州市人民政府",
            "city",
            2021,
            "2022-02-13",
            "2022-02-15",
        ),
        (
            "002",
            "庐阳区人民政府关于2020年度 法治政府建设情况的报告",
            "庐阳区人民政府",
            "county",
            2020,
            "2021-02-10",
            "2021-02-10",
        ),
        ("003", "塘沽街道2024年度法治政府建设情况报告", "塘沽街道", "street", 2024, None, None),
        (
            "004",
            "重庆市渝北区大盛镇人民政府关于2023年度法治政府建设情况的报告",
            "重庆市渝北区大盛镇人民政府",
            "town",
            2023,
            "2024-01-17",
            None,
        ),
    ],
)
def test_seed_meta(
    prefix: str, title: str, unit: str, level: str, year: int, signed: str | None, published: str | None
) -> None:
    text, meta = _seed(prefix)
    assert (meta.title, meta.issuer, meta.level, meta.report_year) == (title, unit, level, year)
    assert (meta.signed_date, meta.published_date) == (signed, published)
    assert meta.title_span is not None
    assert text[meta.title_span[0] : meta.title_span[1]] == title


@pytest.mark.parametrize(
    ("prefix", "signature"),
    [
        ("000", "2022228"),
        ("001", "中共泰州市委\xa0\xa0\xa0\xa0\xa0\xa0 泰州市人民政府\n\n2022年2月13日"),
        ("002", "2021210"),
        ("004", "重庆市渝北区大盛镇镇人民政府\n2024年1月17日"),
    ],
)
def test_seed_signature_span(prefix: str, signature: str) -> None:
    text, meta = _seed(prefix)
    assert meta.signature_span is not None
    assert text[meta.signature_span[0] : meta.signature_span[1]] == signature


@pytest.mark.parametrize(("prefix", "garbled"), [("000", "2022228"), ("002", "2021210")])
def test_garbled_signature_date_is_read_and_reported(prefix: str, garbled: str) -> None:
    text, meta = _seed(prefix)
    (finding,) = meta.findings
    assert finding.kind == "garbled_date" and finding.severity == "warning"
    assert text[finding.start : finding.end] == garbled
    assert garbled in finding.message.render()


def test_clean_signature_has_no_finding() -> None:
    _, meta = _seed("004")
    assert meta.findings == ()


@pytest.mark.parametrize(
    ("written", "iso", "garbled"),
    [
        ("2024年1月17日", "2024-01-17", False),
        ("2024 年 3 月 8 日", "2024-03-08", False),
        ("二〇二三年三月十五日", "2023-03-15", False),
        ("二〇二四年十二月三十一日", "2024-12-31", False),
        ("2022228", "2022-02-28", True),
        ("20220301", "2022-03-01", True),
        ("2022112", "2022-01-12", True),  # 1-12 or 11-2: reports are signed early in the year
    ],
)
def test_parse_date(written: str, iso: str, garbled: bool) -> None:
    assert parse_date(written) == (iso, garbled)


@pytest.mark.parametrize("written", ["2022年13月1日", "2022", "20221399", "明年三月"])
def test_unreadable_dates(written: str) -> None:
    assert parse_date(written) is None


@pytest.mark.parametrize(
    ("unit", "level"),
    [
        ("广东省人民政府", "province"),
        ("新疆维吾尔自治区人民政府", "province"),
        ("北京市人民政府", "province"),
        ("泰州市", "city"),
        ("中共泰州市委 泰州市人民政府", "city"),
        ("津南区人民政府", "county"),
        ("赵县人民政府", "county"),
        ("舟山市教育局", "department"),
        ("浙江省卫生健康委", "department"),
        ("厦门市人民政府外事办公室", "department"),
        ("自然资源部", "department"),
        ("重庆市渝北区大盛镇镇人民政府", "town"),
        ("周溪乡", "town"),
        ("中共重庆市铜梁区永嘉镇委员会", "town"),
        ("鲤城区人民政府金龙街道办事处", "street"),
        ("海滨街", "street"),
    ],
)
def test_unit_level(unit: str, level: str) -> None:
    assert unit_level(unit) == level


def test_split_title_is_joined_with_newline() -> None:
    meta = _meta("赵县人民政府\n2022年度法治政府建设情况报告\n2022年,县政府深入学习法治思想,全面落实部署要求。\n")
    assert (meta.title, meta.issuer, meta.level, meta.report_year) == (
        "赵县人民政府\n2022年度法治政府建设情况报告",
        "赵县人民政府",
        "county",
        2022,
    )


def test_page_metadata_bullets_and_breadcrumb() -> None:
    text = (
        "您当前的位置:首页 >法定主动公开内容 >法治政府建设年度报告\n\n  • 11500224009351624E/2020-00573\n"
        "  • 法制\n  • 2020-05-07\n\n永嘉镇2019年法治政府建设工作报告\n\n根据区委有关文件精神,现将情况报告如下。\n"
        "一、加强组织领导  构建依法治镇工作新格局\n"
    )
    meta = _meta(text)
    assert (meta.title, meta.issuer, meta.level, meta.report_year, meta.published_date) == (
        "永嘉镇2019年法治政府建设工作报告",
        "永嘉镇",
        "town",
        2019,
        "2020-05-07",
    )


def test_no_title_unit_from_the_opening_sentence() -> None:
    text = (
        "2016年,在省委、省政府的正确领导下,南通市政府全面贯彻落实《法治政府建设实施纲要(2015-2020年)》。\n"
        "一、全面履行政府职能\n"
    )
    meta = _meta(text)
    assert (meta.title, meta.issuer, meta.level, meta.report_year) == (None, "南通市政府", "city", 2016)


def test_generic_self_name_gives_level_but_no_unit() -> None:
    text = "2024年,我厅深入学习贯彻党的二十大精神,全面推进法治政府建设。\n一、主要举措和成效\n"
    meta = _meta(text)
    assert (meta.issuer, meta.level, meta.report_year) == (None, "department", 2024)


def test_published_date_only_from_page_metadata() -> None:
    text = "某某县人民政府关于2023年度法治政府建设情况的报告\n发布时间:2024-03-28 10:00\n正文写于2024年3月1日。\n"
    assert _meta(text).published_date == "2024-03-28"
    assert _meta("某某县2023年度法治政府建设情况报告\n正文。\n2024年3月1日\n").published_date is None


def test_chinese_numeral_year_in_title() -> None:
    meta = _meta("某某县人民政府关于二〇二三年度法治政府建设情况的报告\n正文。\n")
    assert meta.report_year == 2023 and meta.issuer == "某某县人民政府"


def test_signature_with_unit_and_date_on_one_line_and_a_closing_note() -> None:
    text = "某某县人民政府关于2023年度法治政府建设情况的报告\n正文。\n某某县人民政府  2024年3月8日\n（此件公开发布）\n"
    meta = _meta(text)
    assert (meta.signed_date, meta.issuer) == ("2024-03-08", "某某县人民政府")
    assert meta.signature_span is not None
    assert text[meta.signature_span[0] : meta.signature_span[1]] == "某某县人民政府  2024年3月8日\n（此件公开发布）"


def test_signature_unit_names_the_unit_when_there_is_no_title() -> None:
    text = "一、主要举措和成效\n做了很多工作。\n某某市司法局\n二〇二四年三月八日\n"
    meta = _meta(text)
    got = (meta.issuer, meta.level, meta.signed_date, meta.findings)
    assert got == ("某某市司法局", "department", "2024-03-08", ())


@pytest.mark.parametrize(
    ("title", "unit"),
    [
        ("2023年某某县法治政府建设情况报告", "某某县"),
        ("2023年度某某市司法局法治政府建设工作报告", "某某市司法局"),
        ("关于2023年度法治政府建设情况的报告", None),
        ("某某街道办事处关于2023年度法治政府建设情况的报告", "某某街道办事处"),
    ],
)
def test_unit_from_title_forms(title: str, unit: str | None) -> None:
    assert unit_from_title(title) == unit
