"""jieba's default segmentation (``Tokenizer.cut(s, HMM=True)``) over the memory-mapped dictionary.

The same algorithm as jieba 0.42 step by step — the prefix DAG, the most probable route by
``log(freq) - log(total)``, unknown runs of single characters handed to the HMM (Viterbi over
B/M/E/S) — and the same float operations in the same order, so the words are jieba's exactly
(the tests compare the two on every clause of the sample reports and on random text). What
differs is where the frequencies come from: ``reviewer.prefixdict`` instead of a dict unmarshalled
at start-up. Lookups are remembered per process, so a batch of reports pays for each string once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from math import log
from typing import Any

from reviewer.prefixdict import ABSENT

# jieba's own patterns (jieba/__init__.py and jieba/finalseg/__init__.py), unchanged.
_RE_HAN = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)", re.U)
_RE_SKIP = re.compile("(\r\n|\\s)", re.U)
_RE_HMM_HAN = re.compile("([\u4E00-\u9FD5]+)")
_RE_HMM_SKIP = re.compile("([a-zA-Z0-9]+(?:\\.\\d+)?%?)")
_MIN_FLOAT = -3.14e100
_PREV_STATUS = {"B": "ES", "M": "MB", "S": "SE", "E": "BM"}
_MEMO_LIMIT = 2_000_000  # remembered lookups before the memo starts again (bounded memory)


class Segmenter:
    """Cuts text into words as jieba does, with frequencies from ``lookup``."""

    def __init__(self, lookup: Callable[[str], int], total: int, hmm: Callable[[], Any]) -> None:
        self._lookup = lookup
        self._memo: dict[str, int] = {}
        self._weights: dict[str, float] = {}
        self._logtotal = log(total)
        self._load_hmm = hmm
        self._hmm: Any = None

    def freq(self, word: str) -> int:
        """jieba's ``FREQ.get(word)``, with ``ABSENT`` for a string that is not in it."""
        f = self._memo.get(word)
        if f is None:
            if len(self._memo) > _MEMO_LIMIT:
                self._memo.clear()
            f = self._memo[word] = self._lookup(word)
        return f

    def cut(self, sentence: str) -> Iterator[str]:
        """``jieba.Tokenizer.cut(sentence)`` (accurate mode with the HMM)."""
        for blk in _RE_HAN.split(sentence):
            if not blk:
                continue
            if _RE_HAN.match(blk):
                yield from self._cut_dag(blk)
            else:
                for x in _RE_SKIP.split(blk):
                    if _RE_SKIP.match(x):
                        yield x
                    else:
                        yield from x

    def _dag(self, sentence: str) -> list[list[int]]:
        freq, known, n = self.freq, self._memo.get, len(sentence)
        dag: list[list[int]] = []
        for k in range(n):
            ends: list[int] = []
            i, frag = k, sentence[k]
            while i < n:
                f = known(frag)  # the memo first: a call of freq() for each of them cost a tenth more
                if f is None:
                    f = freq(frag)
                if f == ABSENT:
                    break
                if f:
                    ends.append(i)
                i += 1
                frag = sentence[k : i + 1]
            dag.append(ends or [k])
        return dag

    def weight(self, word: str) -> float:
        """jieba's ``log(FREQ.get(word) or 1) - logtotal`` (absent words and prefixes count 1), remembered."""
        w = self._weights.get(word)
        if w is None:
            if len(self._weights) > _MEMO_LIMIT:
                self._weights.clear()
            w = self._weights[word] = log(max(self.freq(word), 0) or 1) - self._logtotal
        return w

    def _route(self, sentence: str, dag: list[list[int]]) -> list[tuple[float, int]]:
        weight, n = self.weight, len(sentence)
        route: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
        route[n] = (0, 0)
        for idx in range(n - 1, -1, -1):
            ends = dag[idx]
            if len(ends) == 1:  # one way on from here (most characters): no generator to make
                x = ends[0]
                route[idx] = (weight(sentence[idx : x + 1]) + route[x + 1][0], x)
            else:  # jieba: max over (weight + route[x + 1][0], x), the same sums in the same order
                route[idx] = max((weight(sentence[idx : x + 1]) + route[x + 1][0], x) for x in ends)
        return route

    def _cut_dag(self, sentence: str) -> Iterator[str]:
        route = self._route(sentence, self._dag(sentence))
        x, n, buf = 0, len(sentence), ""
        while x < n:
            y = route[x][1] + 1
            word = sentence[x:y]
            if y - x == 1:
                buf += word
            else:
                if buf:
                    yield from self._unknown(buf)
                    buf = ""
                yield word
            x = y
        if buf:
            yield from self._unknown(buf)

    def _unknown(self, buf: str) -> Iterator[str]:
        """A run of single characters: one word, or known characters, or the HMM's words."""
        if len(buf) == 1:
            yield buf
        elif self.freq(buf) <= 0:
            yield from self._hmm_cut(buf)
        else:
            yield from buf

    def _hmm_cut(self, sentence: str) -> Iterator[str]:
        """``jieba.finalseg.cut``."""
        if self._hmm is None:
            self._hmm = self._load_hmm()
        force_split = self._hmm[3]
        for blk in _RE_HMM_HAN.split(sentence):
            if _RE_HMM_HAN.match(blk):
                for word in self._viterbi_words(blk):
                    if word not in force_split:
                        yield word
                    else:
                        yield from word
            else:
                yield from (x for x in _RE_HMM_SKIP.split(blk) if x)

    def _viterbi_words(self, sentence: str) -> Iterator[str]:
        positions = _viterbi(sentence, *self._hmm[:3])
        begin, nexti = 0, 0
        for i, char in enumerate(sentence):
            pos = positions[i]
            if pos == "B":
                begin = i
            elif pos == "E":
                yield sentence[begin : i + 1]
                nexti = i + 1
            elif pos == "S":
                yield char
                nexti = i + 1
        if nexti < len(sentence):
            yield sentence[nexti:]


def _viterbi(obs: str, start_p: dict[str, float], trans_p: dict[str, dict[str, float]],
             emit_p: dict[str, dict[str, float]]) -> list[str]:
    """``jieba.finalseg.viterbi`` over the states B, M, E, S: the most probable state of each character."""
    states = "BMES"
    v: list[dict[str, float]] = [{y: start_p[y] + emit_p[y].get(obs[0], _MIN_FLOAT) for y in states}]
    path = {y: [y] for y in states}
    for t in range(1, len(obs)):
        v.append({})
        newpath = {}
        for y in states:
            em_p = emit_p[y].get(obs[t], _MIN_FLOAT)
            prob, state = max([(v[t - 1][y0] + trans_p[y0].get(y, _MIN_FLOAT) + em_p, y0) for y0 in _PREV_STATUS[y]])
            v[t][y] = prob
            newpath[y] = path[state] + [y]
        path = newpath
    _prob, state = max((v[len(obs) - 1][y], y) for y in "ES")
    return path[state]
