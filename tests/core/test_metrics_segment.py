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
