"""Precision and recall against the hand-made list of every figure in the five seeds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reviewer.metrics import extract_metrics
from reviewer.model import Outline
from tests.conftest import SEEDS

GOLD = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "seed_metrics_gold.json").read_text("utf-8"))
EMPTY = Outline(sections=(), lines=())

Key = tuple[int, str, float, str]


def _key(item: dict[str, Any]) -> Key:
    return (item["start"], item["text"], round(float(item["value"]), 6), item["unit"])


def _predicted(name: str) -> list[dict[str, Any]]:
    text = (SEEDS / name).read_text(encoding="utf-8")
    return [
        {"start": m.start, "text": m.text, "value": m.value, "unit": m.measure, "qualifier": m.qualifier,
         "topic": m.topic}
        for m in extract_metrics(text, EMPTY)
    ]


@pytest.fixture(scope="module")
def predictions() -> dict[str, list[dict[str, Any]]]:
    return {name: _predicted(name) for name in GOLD["seeds"]}


def test_gold_covers_all_five_seeds_and_spans_are_exact() -> None:
    assert sorted(GOLD["seeds"]) == sorted(p.name for p in SEEDS.glob("*.txt"))
    for name, items in GOLD["seeds"].items():
        text = (SEEDS / name).read_text(encoding="utf-8")
        for item in items:
            assert text[item["start"] : item["start"] + len(item["text"])] == item["text"], (name, item)


def test_value_unit_span_precision_and_recall(predictions: dict[str, list[dict[str, Any]]]) -> None:
    gold = {(name, _key(i)) for name, items in GOLD["seeds"].items() for i in items}
    pred = {(name, _key(i)) for name, items in predictions.items() for i in items}
    hits = len(gold & pred)
    assert hits / len(pred) >= 0.95, sorted(pred - gold)
    assert hits / len(gold) >= 0.95, sorted(gold - pred)


def test_qualifier_and_topic_agreement(predictions: dict[str, list[dict[str, Any]]]) -> None:
    by_key = {(name, _key(i)): i for name, items in predictions.items() for i in items}
    pairs = [
        (g, by_key[(name, _key(g))])
        for name, items in GOLD["seeds"].items()
        for g in items
        if (name, _key(g)) in by_key
    ]
    assert all(g["qualifier"] == p["qualifier"] for g, p in pairs)
    topic_ok = sum(g["topic"] == p["topic"] for g, p in pairs)
    gold_total = sum(len(items) for items in GOLD["seeds"].values())
    pred_total = sum(len(items) for items in predictions.values())
    wrong = [(g["text"], g["topic"], p["topic"]) for g, p in pairs if g["topic"] != p["topic"]]
    assert topic_ok / gold_total >= 0.85, wrong
    assert topic_ok / pred_total >= 0.85
