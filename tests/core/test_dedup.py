"""The near-duplicate index: edited copies are still found, unrelated paragraphs are not linked."""

from __future__ import annotations

import random

from reviewer import dedup
from tests.conftest import SEED_FILES


def _seed_paragraphs() -> list[str]:
    keys = [p.key for path in SEED_FILES for p in dedup.paragraphs(path.read_text(encoding="utf-8"))]
    return list(dict.fromkeys(keys))


def _edit(key: str, edits: int, rng: random.Random) -> str:
    chars = list(key)
    for _ in range(edits):
        i = rng.randrange(len(chars))
        roll = rng.random()
        if roll < 0.4:
            chars[i] = rng.choice("的了和在区县镇局依法行政")
        elif roll < 0.7:
            chars.insert(i, rng.choice("的了和在区县镇局依法行政"))
        else:
            del chars[i]
    return "".join(chars)


def test_every_edited_copy_alike_enough_is_found() -> None:
    rng = random.Random(7)
    paras = _seed_paragraphs()
    checked = 0
    for _ in range(600):
        key = rng.choice(paras)[: rng.randint(30, 300)]
        copy = _edit(key, rng.randint(1, max(1, len(key) // 15)), rng)
        if dedup.similarity(key, copy) < dedup.THRESHOLD:
            continue
        groups = dedup.duplicate_groups([dedup.Paragraph(0, 0, 1, key), dedup.Paragraph(1, 2, 3, copy)])
        assert groups == [[0, 1]], (key, copy)
        checked += 1
    assert checked > 300


def test_distinct_seed_paragraphs_are_not_linked() -> None:
    paras = [dedup.Paragraph(0, i, i + 1, k) for i, k in enumerate(_seed_paragraphs())]
    linked = [[paras[i].key[:12] for i in g] for g in dedup.duplicate_groups(paras)]
    # the seeds' only near-copy: seed 004 repeats one paragraph under two headings
    assert len(linked) == 1 and len(linked[0]) == 2
