"""Near-duplicate paragraphs, within one report and across the reports of a batch.

Not quadratic: paragraphs sharing one of their ``SKETCH`` smallest chunk hashes (a bottom-k
sketch, see ``_sketch``) become candidate pairs, and only candidates are compared in full, on their
character 5-gram shingles. Two paragraphs are copies when the shorter one's shingles lie
≥ ``THRESHOLD`` inside the longer one (a copy is often extended or trimmed, which Jaccard would
punish) and the shorter is at least ``MIN_RATIO`` of the longer. Sets that similar share one of
their sketch entries with high probability (≥ 1-(1-J)^k for J the Jaccard of their chunk sets).
Exact copies are grouped by their normalised text first, so boilerplate copied into hundreds of
reports costs one dictionary entry; sketch buckets larger than ``BUCKET_CAP`` are not expanded.

Hashes come from ``hash()``, so sketches are only comparable within one process: build them
where they are compared.
"""

from __future__ import annotations

import functools
import heapq
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from reviewer.fastpickle import fast_init

MIN_CHARS = 30  # shorter paragraphs (headings, slogans) repeat legitimately
SHINGLE = 5
SKETCH = 8
THRESHOLD = 0.8
MIN_RATIO = 0.5
BUCKET_CAP = 64
ANCHOR_EVERY = 4
MIN_CHUNK = 3  # shorter chunks (法治, 的) are shared by unrelated paragraphs
_NOISE = re.compile(r"[\s\u3000\xa0，。、；：,.;:“”\"'‘’（）()！!？?—\-]+")


@fast_init
@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of some report: ``owner`` is the caller's key (e.g. a report index)."""

    owner: int
    start: int
    end: int
    key: str  # normalised text: no whitespace or punctuation


@functools.lru_cache(maxsize=1 << 16)  # as the sketches below: each sentence is met again
def normalise(text: str) -> str:
    """``text`` as paragraphs are compared: without whitespace and punctuation."""
    return _NOISE.sub("", text)


def paragraphs(text: str, owner: int = 0, spans: Sequence[tuple[int, int]] | None = None) -> list[Paragraph]:
    """Paragraphs of at least ``MIN_CHARS`` normalised characters.

    ``spans`` are the candidate lines (e.g. body lines of the outline); default every line.
    """
    if spans is None:
        spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    out: list[Paragraph] = []
    for start, end in spans:
        key = normalise(text[start:end])
        if len(key) >= MIN_CHARS:
            out.append(Paragraph(owner, start, end, key))
    return out


# Sketches and shingles are remembered per process (bounded): comparing each report with last
# year's meets every paragraph of a report twice (as this year's and as last year's), and reports
# of one batch share many paragraphs; a result depends on the key only.
@functools.lru_cache(maxsize=1 << 16)
def _shingles(key: str) -> frozenset[int]:
    return frozenset([hash(key[i : i + SHINGLE]) for i in range(len(key) - SHINGLE + 1)])  # list: ~15% faster


@functools.cache
def _anchor_pattern() -> re.Pattern[str]:
    chars = "".join(chr(c) for c in range(0x30, 0xA000) if c % ANCHOR_EVERY == 0 and chr(c).isprintable())
    return re.compile(f"[{re.escape(chars)}]")


@functools.lru_cache(maxsize=1 << 16)
def _sketch(key: str) -> tuple[int, ...]:
    """The ``SKETCH`` smallest hashes of the paragraph's content-defined chunks.

    Chunks are the runs between anchor characters (code point ≡ 0 mod ``ANCHOR_EVERY``): a copied
    passage is cut the same way wherever it sits and an edit changes only the chunk it falls in,
    while cutting and hashing them takes a third of the time of hashing every shingle. On seed
    paragraphs with random edits, every pair still ≥ ``THRESHOLD`` alike became a candidate.
    """
    return tuple(heapq.nsmallest(SKETCH, {hash(c) for c in chunks(key)}))


def chunks(key: str) -> list[str]:
    """The content-defined chunks of a normalised text (see ``_sketch``)."""
    return [c for c in _anchor_pattern().split(key) if len(c) >= MIN_CHUNK]


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _overlap(a: frozenset[int], b: frozenset[int]) -> float:
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if not small or len(small) < MIN_RATIO * len(large):
        return 0.0
    return len(small & large) / len(small)


def similarity(a: str, b: str) -> float:
    """Share of the shorter text's 5-gram shingles found in the longer (0 when lengths differ > 2×)."""
    return _overlap(_shingles(a), _shingles(b))


def duplicate_groups(paras: Sequence[Paragraph], across_owners_only: bool = False) -> list[list[int]]:
    """Groups (indices into ``paras``, ascending, ≥ 2 members) of exact or near copies.

    With ``across_owners_only`` pairs within one owner are not linked (though a group may still
    hold two paragraphs of one owner through a third).
    """
    uf = _Union(len(paras))
    first_of: dict[str, int] = {}
    unique: list[int] = []
    for i, p in enumerate(paras):
        j = first_of.setdefault(p.key, i)
        if j == i:
            unique.append(i)
        elif not (across_owners_only and paras[j].owner == p.owner):
            uf.join(j, i)
    shingles: dict[int, frozenset[int]] = {}  # filled for candidates only
    buckets: dict[int, list[int]] = {}
    find = uf.find
    for i in unique:
        seen: set[int] = set()
        owner = paras[i].owner if across_owners_only else None  # pairs of one owner are never linked
        root = find(i)
        for h in _sketch(paras[i].key):
            bucket = buckets.get(h)
            if bucket is None:  # most chunks are met once: no list to make, no loop to run
                buckets[h] = [i]
            elif len(bucket) < BUCKET_CAP:
                for j in bucket:
                    # a pair already linked through others needs no comparison
                    if j in seen or paras[j].owner == owner or find(j) == root:
                        continue
                    seen.add(j)
                    if _similar(paras, shingles, j, i):
                        uf.join(j, i)
                        root = find(i)
                bucket.append(i)
    roots = [find(i) for i in range(len(paras))]  # a group's root is its first member (see _Union.join)
    size = Counter(roots)
    groups: dict[int, list[int]] = {}
    for i, root in enumerate(roots):
        if size[root] > 1:  # most paragraphs are in no group: no list made for them
            groups.setdefault(root, []).append(i)
    return list(groups.values())


def _similar(paras: Sequence[Paragraph], shingles: dict[int, frozenset[int]], j: int, i: int) -> bool:
    for k in (i, j):
        if k not in shingles:
            shingles[k] = _shingles(paras[k].key)
    return _overlap(shingles[i], shingles[j]) >= THRESHOLD
