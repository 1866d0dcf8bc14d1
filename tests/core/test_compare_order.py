"""The order of the 对比 page, once for the window and the workbook: a figure's ranking of the reports
(``keyfigures.largest_first``, cut by ``keyfigures.ends``) and an item column's order of attention
(``review.cell_rank``). These lived in the window's compare page; pinned here on the real seeds."""

from __future__ import annotations

from reviewer.analyze import analyze_document
from reviewer.checklist import load_checklist
from reviewer.export_compare import Ranked, ranked
from reviewer.keyfigures import ENDS, KEY_FIGURES, ends, key_figure, largest_first
from reviewer.load import load
from reviewer.model import ItemDecision
from reviewer.review import cell_rank, cell_state
from tests.conftest import seed_path

SEEDS = [analyze_document(load(seed_path(p)), load_checklist()) for p in ("000", "001", "002", "003", "004")]
FIGURES = {f.zh: f for f in KEY_FIGURES}


def _values(figure: str) -> list[float | None]:
    return [key_figure(a, FIGURES[figure]) for a in SEEDS]


def test_a_figure_ranks_the_seeds_largest_first_ties_in_report_order_silent_ones_last() -> None:
    assert _values("出庭应诉率（%）") == [100.0, 99.19, 100.0, None, None]
    assert largest_first(_values("出庭应诉率（%）")) == [0, 2, 1, 3, 4]
    assert largest_first(_values("执法人员（人）")) == [0, 4, 1, 2, 3]
    assert largest_first(_values("人民调解（件）")) == [1, 0, 3, 4, 2]
    # the workbook's list ranks them the same way
    assert ranked(_values("出庭应诉率（%）")) == [Ranked(1, 0, 100.0), Ranked(2, 2, 100.0), Ranked(3, 1, 99.19)]


def test_a_long_ranking_is_cut_to_its_two_ends_beyond_twice_ends() -> None:
    assert ENDS == 15
    assert ends(list(range(30))) == (list(range(30)), [])
    assert ends(list(range(40))) == (list(range(15)), list(range(25, 40)))


def _d(item: str, decision: str, stale: bool = False) -> ItemDecision:
    return ItemDecision(SEEDS[0].sha256, item, decision, "", "王审阅", "2027-03-02T10:00:00+08:00",  # type: ignore[arg-type]
                        stale=stale)


def test_an_item_column_puts_what_needs_attention_first() -> None:
    a = SEEDS[0]
    order = sorted((cell_rank(cell_state(r, None)), r.id) for r in a.checklist)
    assert order[:6] == [(1, "form_cause_specific"), (1, "form_garbled_numbers"), (1, "form_signature_date"),
                         (1, "metric_major_decision"), (2, "topic_digital"), (4, "first_responsible")]
    measures = next(r for r in a.checklist if r.id == "measures")
    ranks = {d: cell_rank(cell_state(measures, _d("measures", d))) for d in ("不符合", "符合", "不适用", "未定")}
    assert ranks == {"不符合": 0, "符合": 5, "不适用": 7, "未定": 4}
    assert cell_rank(cell_state(measures, _d("measures", "不符合", stale=True))) == 0  # a carried ✗ among the ✗
    assert cell_rank(cell_state(None, None)) == 6  # the report has no such item
