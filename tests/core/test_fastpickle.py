"""Analyses travel between processes as constructor calls: the same objects, every field kept."""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import replace

import pytest

from reviewer import lastyear_model, messages, model
from reviewer.analyze import analyze_many
from reviewer.fastpickle import fast_pickle
from reviewer.lastyear import compare
from reviewer.load import load
from reviewer.model import Finding
from tests.conftest import seed_path


@pytest.mark.parametrize("module", [model, lastyear_model, messages])
def test_every_record_of_the_model_pickles_as_a_constructor_call(module: object) -> None:
    records = [v for v in vars(module).values()
               if isinstance(v, type) and dataclasses.is_dataclass(v) and v.__module__ == module.__name__]  # type: ignore[attr-defined]
    assert records
    assert [r.__name__ for r in records if "__reduce__" not in vars(r)] == []


def test_an_analysis_and_its_comparison_come_back_whole() -> None:
    a, b = analyze_many([load(seed_path("000")), load(seed_path("001"))], workers=1)
    extra = (Finding("duplicate_across_reports", "info", "x", 1, 2),)
    a = replace(a, absorbed_by_next=extra)  # not compared by ==: checked on its own
    back = pickle.loads(pickle.dumps(a, pickle.HIGHEST_PROTOCOL))
    assert back == a and back.absorbed_by_next == extra and back.text == a.text
    assert [f.message for f in back.findings] == [f.message for f in a.findings]
    py = replace(compare(a, b), absorbed=extra)
    back_py = pickle.loads(pickle.dumps(py, pickle.HIGHEST_PROTOCOL))
    assert back_py == py and back_py.absorbed == extra and back_py.passages == py.passages


@fast_pickle
@dataclasses.dataclass(frozen=True, slots=True)
class _One:
    value: tuple[int, ...]


def test_a_record_of_one_field_comes_back() -> None:
    assert pickle.loads(pickle.dumps(_One((1, 2)))) == _One((1, 2))
