"""The segmenter: per-user cache, legal terms as single words, offsets into the clause."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from reviewer.segment import cache_dir, jieba_tokenizer, token_spans, tokenizer


def test_cache_is_per_user_not_tmp() -> None:
    assert Path(jieba_tokenizer().tmp_dir) == cache_dir() == Path(platformdirs.user_cache_dir("fazhi-reviewer"))


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
    flat = re.compile("|".join(re.escape(w) for w in words))
    tree = topic_table().pattern
    for text in [p.read_text(encoding="utf-8") for p in SEED_FILES] + ["违法规范性文件行政复议调解和解率"]:
        for lo in range(0, len(text), 97):
            hi = min(len(text), lo + 150)
            at = [(pos, m.group()) for pos in range(lo, hi) if (m := tree.match(text, pos, hi))]
            expected = [(pos, m.group()) for pos in range(lo, hi) if (m := flat.match(text, pos, hi))]
            assert at == expected
    assert re.fullmatch(trie_pattern(["行政", "行政复议", "复议"]), "行政复议")


def test_keyword_hits_of_a_text_are_those_its_windows_find() -> None:
    """One scan of the whole text gives, for any window, the hits a scan of that window alone gives
    (longest keyword at each position; of two overlapping, the longer, then the leftmost), unless a
    keyword crosses the window's edge."""
    import re

    from reviewer.topics import KeywordHits, topic_table, trie_pattern
    from tests.conftest import SEED_FILES

    # every position's longest keyword, overlaps included, as a lookahead finds them
    pattern = re.compile("(?=(" + trie_pattern(topic_table().topic_of) + "))")

    def windowed(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
        found = [(m.start(), m.start() + len(m.group(1)), m.group(1)) for m in pattern.finditer(text, lo, hi)]
        return [
            (s, e, w) for s, e, w in found
            if not any((fe - fs, -fs) > (e - s, -s) and fs < e and s < fe for fs, fe, _ in found)
        ]

    for text in [p.read_text(encoding="utf-8") for p in SEED_FILES] + ["违法规范性文件行政复议调解和解率"]:
        hits = KeywordHits.of(text)
        whole = [(hits.starts[i], hits.ends[i], hits.words[i]) for i in range(len(hits.starts))]
        assert whole == windowed(text, 0, len(text))
        compared = 0
        for lo in range(0, len(text), 89):
            hi = min(len(text), lo + 160)
            if not any(s < lo < e or s < hi < e for s, e, _ in whole):
                assert [whole[i] for i in hits.within(lo, hi)] == windowed(text, lo, hi)
                compared += 1
        assert compared >= len(text) // 89 // 3
    assert KeywordHits.of("违法规范性文件").words == ("规范性文件",)  # not 法规
