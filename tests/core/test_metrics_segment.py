"""The lazy jieba tokenizer: per-user cache, legal terms as single words, offsets into the clause."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from reviewer.segment import cache_dir, token_spans, tokenizer


def test_cache_is_per_user_not_tmp() -> None:
    assert Path(tokenizer().tmp_dir) == cache_dir() == Path(platformdirs.user_cache_dir("fazhi-reviewer"))


def test_tokenizer_is_built_once() -> None:
    assert tokenizer() is tokenizer()


def test_legal_terms_are_single_words() -> None:
    clause = "全区行政机关负责人出庭应诉率达到100%,行政复议案件和规范性文件"
    words = [clause[s:e] for s, e in token_spans(clause)]
    assert {"出庭应诉率", "行政复议", "规范性文件"} <= set(words)
    assert "".join(words) == clause


def test_keyword_tree_finds_what_a_longest_first_alternation_finds() -> None:
    import re

    from reviewer.topics import topic_table, trie_pattern
    from tests.conftest import SEED_FILES

    words = sorted(topic_table().topic_of, key=len, reverse=True)
    flat = re.compile("(?=(" + "|".join(re.escape(w) for w in words) + "))")
    tree = topic_table().pattern
    for text in [p.read_text(encoding="utf-8") for p in SEED_FILES] + ["违法规范性文件行政复议调解和解率"]:
        for lo in range(0, len(text), 97):
            hi = min(len(text), lo + 150)
            assert [(m.start(), m.group(1)) for m in tree.finditer(text, lo, hi)] == [
                (m.start(), m.group(1)) for m in flat.finditer(text, lo, hi)
            ]
    assert re.fullmatch(trie_pattern(["行政", "行政复议", "复议"]), "行政复议")
