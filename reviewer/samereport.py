"""One report sent as several files is opened once.

Units often send a report both as the editable file and as the signed PDF (or .doc and .ofd, or a
GBK and a UTF-8 text). Opened as two reports, it counted twice in every count and ranking, and each
copy flagged nearly every paragraph as shared with 本单位另一份报告. Files are one report when

- their texts are the same (in one format: a text re-encoded, a document saved again), or
- they are of different formats, and without whitespace and punctuation their texts are the same, or
  nearly so (a PDF's text layer adds page numbers and running headers): at least ``NEAR`` of each
  one's chunks are in the other, their lengths differ by at most ``1 - LENGTHS``, every number of
  one is in the other as often (lines joined: a PDF wraps a number; its page numbers and dates are
  numbers more), and both are the report of one known unit for one year. A report copied from last
  year with its year changed, with a figure revised, or by another unit with its name changed, is
  another report and stays one.

Only whole-report matches are merged here; a revised version (another figure, a sentence added)
remains a report of its own, its shared paragraphs flagged as before.

The file kept is the one whose text is read most faithfully (``FIDELITY``); each other becomes a
``LoadError`` of kind ``same_report`` naming it, as a byte-identical copy is of kind ``duplicate``.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reviewer import dedup
from reviewer.model import Document, LoadError

NEAR = 0.97
LENGTHS = 0.9
SKETCH = 8  # smallest chunk hashes: two reports this alike share one of them (a min-hash), others rarely
# Formats from the most faithful text to the least: styles and numbering kept, then plain text, then
# text laid out on pages, then text recognised from images.
FIDELITY = ("docx", "odt", "doc", "wps", "rtf", "txt", "html", "mht", "pdf", "ofd", "pdf+ocr", "docx+ocr", "ocr")
_NUMBER = re.compile(r"\d+")


@dataclass(frozen=True)
class _Print:
    """What a document is compared by."""

    key: int  # the hash of the text without whitespace and punctuation
    chunks: frozenset[int]
    length: int
    numbers: Counter[str]
    sketch: tuple[int, ...]


def one_per_report(docs: Sequence[Document], have: Sequence[Document] = ()
                   ) -> tuple[list[Document], list[LoadError]]:
    """``docs`` with one file kept of each report sent as several (in their order), and what is said of
    each file left out. ``have``: the reports a project holds already; a file that is one of them is
    left out (the project's own file is kept, whatever its format: the review is on it)."""
    if have:
        known = {d.sha256 for d in have}
        changed = {d.path for d in docs if d.sha256 not in known}
        have = [h for h in have if h.path not in changed]  # a file changed in place replaces its report
        fresh = [d for d in docs if d.sha256 not in known]  # opened again: the project has it already
        kept, said = _one_per_report([*have, *fresh], len(have))
        out = set(map(id, kept))
        return [d for d in docs if d.sha256 in known or id(d) in out], said
    return _one_per_report(docs, 0)


def _one_per_report(docs: Sequence[Document], have: int) -> tuple[list[Document], list[LoadError]]:
    """``one_per_report`` of ``docs``, the first ``have`` of which are the project's and never left out."""
    same = _same_text(docs)
    keys: list[int] = [hash(d.text) for d in docs]  # what "the same text" means in a group
    if len({d.format for d in docs}) > 1:
        prints = [_print(d.text) for d in docs]
        keys = [p.key for p in prints]
        same = _near(docs, prints, same)
    if not same:
        return list(docs[have:]), []
    groups: dict[int, list[int]] = {}
    for i in range(len(docs)):
        groups.setdefault(_root(same, i), []).append(i)
    dropped: dict[int, LoadError] = {}
    for members in groups.values():
        for group in _consistent(docs, keys, members):
            kept = min(group, key=lambda i: (i >= have, _rank(docs[i].format), i))
            dropped |= {i: _said(docs[i], docs[kept], kept < have) for i in group if i != kept and i >= have}
    return [d for i, d in enumerate(docs) if i not in dropped and i >= have], [dropped[i] for i in sorted(dropped)]


def _consistent(docs: Sequence[Document], keys: Sequence[int], members: list[int]) -> list[list[int]]:
    """A group as it may be merged: whole, unless two of its files of one format hold different texts
    (each alike only with a third, of another format): then only its files of the same text."""
    texts: dict[str, set[int]] = {}
    for i in members:
        texts.setdefault(docs[i].format, set()).add(keys[i])
    if all(len(t) == 1 for t in texts.values()):
        return [members] if len(members) > 1 else []
    by_text: dict[int, list[int]] = {}
    for i in members:
        by_text.setdefault(keys[i], []).append(i)
    return [g for g in by_text.values() if len(g) > 1]


def _rank(fmt: str) -> int:
    return FIDELITY.index(fmt) if fmt in FIDELITY else len(FIDELITY)


def _said(doc: Document, kept: Document, in_project: bool) -> LoadError:
    name, other = Path(doc.path).name, Path(kept.path).name
    if in_project:
        how = "正文相同" if doc.format == kept.format else "不同格式"
        why = f"与项目中已有的 {other} 是同一份报告（{how}），未重复打开"
    elif doc.format == kept.format:
        why = f"与已打开的 {other} 正文相同，是同一份报告，未重复打开"
    else:
        why = f"与 {other} 是同一份报告的不同格式，只打开了 {other}"
    return LoadError(doc.path, "same_report", f"{name}：{why}")


def _root(parent: dict[int, int], i: int) -> int:
    while i in parent:
        i = parent[i]
    return i


def _join(parent: dict[int, int], a: int, b: int) -> None:
    ra, rb = _root(parent, a), _root(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)


def _same_text(docs: Sequence[Document]) -> dict[int, int]:
    """Documents of the same text, joined (cheap: a batch of one format costs one hash per text)."""
    first: dict[str, int] = {}
    parent: dict[int, int] = {}
    for i, d in enumerate(docs):
        j = first.setdefault(d.text, i)
        if j != i:
            _join(parent, j, i)
    return parent


def _near(docs: Sequence[Document], prints: Sequence[_Print], parent: dict[int, int]) -> dict[int, int]:
    """``parent`` with documents that hold one report joined as well: the same text without whitespace
    and punctuation, or (of different formats) nearly so."""
    first: dict[int, int] = {}
    for i, p in enumerate(prints):
        if (j := first.setdefault(p.key, i)) != i:
            _join(parent, j, i)
    buckets: dict[int, list[int]] = {}
    whose: dict[int, tuple[str, int | None] | None] = {}
    for i, p in enumerate(prints):
        seen: set[int] = set()
        for h in p.sketch:
            for j in buckets.setdefault(h, []):
                if j not in seen and docs[j].format != docs[i].format and _alike(prints[j], prints[i]) \
                        and _one_unit_and_year(docs, whose, j, i):
                    _join(parent, j, i)
                seen.add(j)
            buckets[h].append(i)
    return parent


def _one_unit_and_year(docs: Sequence[Document], whose: dict[int, tuple[str, int | None] | None],
                       a: int, b: int) -> bool:
    """Whether both files are reports of one known unit and year: another unit's report copied with
    its name changed (泰州 → 扬州 throughout) is as alike as a PDF of the same report."""
    for i in (a, b):
        if i not in whose:
            whose[i] = _unit_and_year(docs[i])
    return whose[a] is not None and whose[a] == whose[b]


def _unit_and_year(doc: Document) -> tuple[str, int | None] | None:
    from reviewer.meta import extract_meta  # only for the rare pair this alike
    from reviewer.outline import build_outline

    meta = extract_meta(doc.text, build_outline(doc.text, doc))
    return (re.sub(r"\s+", "", meta.issuer), meta.report_year) if meta.issuer else None


def _print(text: str) -> _Print:
    key = dedup.normalise(text)
    chunks = frozenset(hash(c) for c in dedup.chunks(key))
    return _Print(hash(key), chunks, len(key), Counter(_NUMBER.findall(text.replace("\n", ""))),
                  tuple(heapq.nsmallest(SKETCH, chunks)))


def _alike(a: _Print, b: _Print) -> bool:
    small, large = (a, b) if a.length <= b.length else (b, a)
    if not small.chunks or small.length < LENGTHS * large.length:
        return False
    if not (a.numbers <= b.numbers or b.numbers <= a.numbers):
        return False
    shared = len(small.chunks & large.chunks)
    return shared >= NEAR * len(small.chunks) and shared >= NEAR * len(large.chunks)
