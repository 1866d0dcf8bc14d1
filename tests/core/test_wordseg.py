"""The segmenter over the memory-mapped dictionary cuts exactly as jieba does, and starts at once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer import segment
from reviewer.prefixdict import ABSENT, PrefixDict, build
from reviewer.wordseg import Segmenter
from tests.conftest import SEED_FILES

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "openings"


def _jieba_words(text: str) -> list[str]:
    return [w for w, _s, _e in segment.jieba_tokenizer().tokenize(text)]


def _texts() -> list[str]:
    files = SEED_FILES + (sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else [])
    return [p.read_text(encoding="utf-8") for p in files]


def test_every_clause_and_window_of_the_samples_is_cut_as_jieba_cuts_it() -> None:
    seg = segment.tokenizer()
    compared = 0
    for text in _texts():
        windows = re.split(r"[，。；：\n]", text) + [text[i : i + 1 + i % 37] for i in range(0, len(text), 5)]
        for w in windows:
            assert list(seg.cut(w)) == _jieba_words(w), w
            compared += 1
    assert compared > 5000


_ALPHABET = ("的一是了法治政府建设行政复议诉讼执法人员出庭应诉率年月日"
             "abcXYZ0123456789.%-+#&_ 　\n\t\r，。！？（）《》〔〕")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_any_text_is_cut_as_jieba_cuts_it(text: str) -> None:
    assert list(segment.tokenizer().cut(text)) == _jieba_words(text)


def test_unknown_runs_go_through_the_hmm_as_in_jieba() -> None:
    text = "石家庄市鹿泉区铜冶镇南甘子村委会与龚家坝社区"  # place names jieba does not know whole
    assert list(segment.tokenizer().cut(text)) == _jieba_words(text)


def test_the_dictionary_file_holds_jieba_frequencies(tmp_path: Path) -> None:
    path = tmp_path / "d.bin"
    build(path, {"法治": 7, "法": 0, "政府": 3, "政": 0}, 10, ({}, {}, {}, frozenset()))
    table = PrefixDict(path)
    assert (table.lookup("法治"), table.lookup("法"), table.lookup("政府"), table.lookup("府")) == (7, 0, 3, ABSENT)
    assert table.total == 10 and table.hmm() == ({}, {}, {}, frozenset())


def test_a_damaged_dictionary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "d.bin"
    path.write_bytes(b"not a dictionary" * 10)
    with pytest.raises(ValueError):
        PrefixDict(path)


def test_made_once_then_opened_without_jieba(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(segment, "cache_dir", lambda: tmp_path)
    segment.tokenizer.cache_clear()
    try:
        first = segment.tokenizer()
        clause = "全区行政机关负责人出庭应诉率达到100%"
        expected = _jieba_words(clause)
        (made,) = tmp_path.glob("prefixdict-*.bin")
        segment.tokenizer.cache_clear()
        monkeypatch.setattr(segment, "jieba_tokenizer", lambda: pytest.fail("jieba loaded again"))
        again = segment.tokenizer()
        assert list(again.cut(clause)) == list(first.cut(clause)) == expected
        assert list(tmp_path.glob("prefixdict-*.bin")) == [made]
    finally:
        segment.tokenizer.cache_clear()


def test_an_unwritable_cache_cuts_with_jieba_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(segment, "cache_dir", lambda: tmp_path / "missing")
    segment.tokenizer.cache_clear()
    try:
        seg = segment.tokenizer()
        clause = "行政复议案件和规范性文件合法性审核"
        assert isinstance(seg, Segmenter) and list(seg.cut(clause)) == _jieba_words(clause)
    finally:
        segment.tokenizer.cache_clear()
