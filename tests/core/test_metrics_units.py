"""Issue 17 development cases: measure words 位 / 轮 / 方面 and compound units, with their non-metrics."""

from __future__ import annotations

import pytest

from reviewer.metrics import extract_metrics
from reviewer.model import Outline

EMPTY = Outline(sections=(), lines=())


def _got(text: str) -> list[tuple[str, float, str, str | None]]:
    return [(m.text, m.value, m.measure, m.qualifier) for m in extract_metrics(text, EMPTY)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("邀请12位专家参与重大行政决策论证。", [("12位", 12, "位", None)]),
        ("两位副区长带头述法。", [("两位", 2, "位", None)]),
        ("开展两轮执法案卷评查。", [("两轮", 2, "轮", None)]),
        ("共组织10余轮集中学法。", [("10余轮", 10, "轮", "余")]),
        ("从三方面加强行政执法监督。", [("三方面", 3, "方面", None)]),
        ("制定了7个方面58项措施。", [("7个", 7, "个", None), ("58项", 58, "项", None)]),
        ("PM10年均浓度为45微克/立方米。", [("45微克/立方米", 45, "微克/立方米", None)]),
        ("细颗粒物浓度30微克每立方米。", [("30微克每立方米", 30, "微克每立方米", None)]),
        ("村居法律顾问补贴1.2万元/年。", [("1.2万元/年", 12000, "元/年", None)]),
        ("政务大厅接待能力达800人次/日。", [("800人次/日", 800, "人次/日", None)]),
        ("执法巡查不少于4次/月。", [("不少于4次/月", 4, "次/月", "超")]),
    ],
)
def test_new_measure_words_and_compound_units(text: str, expected: list[tuple[str, float, str, str | None]]) -> None:
    assert _got(text) == [(t, float(v), u, q) for t, v, u, q in expected]


@pytest.mark.parametrize(
    "text",
    [
        "一方面强化源头治理，另一方面加强执法监督。",
        "深化新一轮政府机构改革。",
        "完成第三轮巡察整改。",
        "规范三轮车停放秩序。",
        "执法人员定期轮岗交流，两轮驱动。",
        "全区排名前三位。",
        "综合考核居全市第1位。",
        "财政收入实现两位数增长。",
        "比值为1/3。",
    ],
)
def test_look_alikes_are_no_figures(text: str) -> None:
    assert _got(text) == []
