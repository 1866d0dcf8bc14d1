"""One report sent as several files is opened once.

Units often send a report both as the editable file and as the signed PDF (or .doc and .ofd, or a
GBK and a UTF-8 text). Opened as two reports, it counted twice in every count and ranking, and each
copy flagged nearly every paragraph as shared with 本单位另一份报告. Files are one report when their
texts are the same but for what a format adds around them:

- the same text, whitespace aside (a text re-encoded, a document saved again, a PDF's line breaks), or
- of different formats, both the report of one known unit for one year, and every difference between
  their texts is page furniture (``_furniture``): a punctuation mark, a running header (short lines
  met on several pages, or heading the text with words the other has nowhere), page numbers in a
  run (1, 2, 3…; - 1 -; 第1页共3页); never a word put into or taken out of a sentence, a sentence,
  a figure or a name. Candidates are found cheaply first (a min-hash of the texts' chunks, at least
  ``NEAR`` of each one's chunks in the other).

A version with a word, a clause or a sentence added or taken out, a figure revised, last year's report
with its year changed, or another unit's copy with its name changed stays a report of its own
(reviewer sessions and two code reviews tried each).

The file kept is the one whose text is read most faithfully (``FIDELITY``); each other becomes a
``LoadError`` of kind ``same_report`` naming it, as a byte-identical copy is of kind ``duplicate``.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from reviewer.model import Document, LoadError
from reviewer.paths import path_key

NEAR = 0.97
SKETCH = 8  # smallest chunk hashes: two reports this alike share one of them (a min-hash), others rarely
BUCKET_CAP = 16  # files sharing one chunk hash beyond this are many reports of one template, not one report
MAX_FURNITURE = 0.03  # of the text: more differences than this are not page furniture
# Formats from the most faithful text to the least: styles and numbering kept, then plain text, then
# text laid out on pages, then text recognised from images.
FIDELITY = ("docx", "odt", "doc", "wps", "rtf", "txt", "html", "mht", "pdf", "ofd",
            "pdf+ocr", "ofd+ocr", "docx+ocr", "ocr")
_SPACE = re.compile(r"\s+")
# A line holding only a page number: Word's bare 1, 2, 3 too, and - 1 -, 第1页共3页, 1/3.
_PAGE_LINE = re.compile(r"[-—–－]?\d{1,4}[-—–－]?|第\d{1,4}页(?:共\d{1,4}页)?|\d{1,4}/\d{1,4}")
_CJK_OR_DIGIT = re.compile(r"[\d\u4e00-\u9fff]")
# A page number run into the text by a PDF reader: 3, -3-, 第3页, 第3页共9页, 3/9.
_PAGE_MARK = re.compile(r"[-—–－]?(\d{1,4})[-—–－]?|第(\d{1,4})页(?:共\d{1,4}页)?|(\d{1,4})/\d{1,4}")
_SENTENCE_END = re.compile(r"[。；！？]")


@dataclass
class Outcome:
    """The files kept (in their order), what is said of each one left out, and which report each
    file left out is (path → content hash of the file kept)."""

    kept: list[Document]
    said: list[LoadError] = field(default_factory=list)
    same_as: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Print:
    """What a document is compared by."""

    key: int  # the hash of the text without whitespace
    bare: str  # the text without whitespace and without lines holding only a page number
    lines: tuple[str, ...]  # those lines, each without whitespace
    repeated: frozenset[str]  # lines met more than once (a running header a reader kept on every page)
    chunks: frozenset[int]
    sketch: tuple[int, ...]


def one_per_report(docs: Sequence[Document], have: Sequence[Document] = ()) -> Outcome:
    """``docs`` with one file kept of each report sent as several, and what is said of each file left
    out. ``have``: reports a project holds already (those of the same units and years suffice); a
    file that is one of them is left out, the project's own file kept whatever its format (the review
    is on it). The same file opened again, or a file changed in place, is not a copy."""
    known = {d.sha256 for d in have}
    changed = {path_key(d.path) for d in docs if d.sha256 not in known}
    held = [h for h in have if path_key(h.path) not in changed]  # a file changed in place replaces its report
    fresh = [d for d in docs if d.sha256 not in known]  # opened again: the project has it already
    # Such a file is kept before any other copy of it: its report's review follows it (待复核).
    replacing = {d.path for d in fresh if path_key(d.path) in changed & {path_key(h.path) for h in have}}
    outcome = _one_per_report([*held, *fresh], len(held), replacing)
    out = set(map(id, outcome.kept))
    outcome.kept = [d for d in docs if d.sha256 in known or id(d) in out]
    return outcome


def unit_and_year(doc: Document) -> tuple[str, int | None] | None:
    """The report's unit (without whitespace) and year, None when its unit is not known."""
    from reviewer.meta import extract_meta  # only for files that may be one report with another
    from reviewer.outline import build_outline

    meta = extract_meta(doc.text, build_outline(doc.text, doc))
    return (_SPACE.sub("", meta.issuer), meta.report_year) if meta.issuer else None


def _one_per_report(docs: Sequence[Document], have: int, replacing: set[str] | frozenset[str] = frozenset()
                    ) -> Outcome:
    """``one_per_report`` of ``docs``, the first ``have`` of which are the project's and never left out;
    a file at a path in ``replacing`` is kept before the other copies of its report."""
    prints = [_print(d.text) for d in docs] if have or len({d.format for d in docs}) > 1 else None
    keys = [p.key for p in prints] if prints is not None else [hash(d.text) for d in docs]
    same: dict[int, int] = {}
    first: dict[int, int] = {}
    for i, key in enumerate(keys):
        if (j := first.setdefault(key, i)) != i and i >= have:
            _join(same, j, i)
    if prints is not None:
        _near(docs, prints, same, have)
    if not same:
        return Outcome(list(docs[have:]))
    groups: dict[int, list[int]] = {}
    for i in range(len(docs)):
        groups.setdefault(_root(same, i), []).append(i)
    outcome = Outcome([])
    dropped: dict[int, LoadError] = {}
    for members in groups.values():
        for group in _consistent(docs, keys, members):
            kept = min(group, key=lambda i: (i >= have, docs[i].path not in replacing, _rank(docs[i].format), i))
            for i in group:
                if i != kept and i >= have:
                    dropped[i] = _said(docs[i], docs[kept], kept < have)
                    outcome.same_as[docs[i].path] = docs[kept].sha256
    outcome.kept = [d for i, d in enumerate(docs) if i not in dropped and i >= have]
    outcome.said = [dropped[i] for i in sorted(dropped)]
    return outcome


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


def _near(docs: Sequence[Document], prints: Sequence[_Print], parent: dict[int, int], have: int) -> None:
    """Join documents of different formats that hold one report (never two of the project's)."""
    buckets: dict[int, list[int]] = {}
    whose: dict[int, tuple[str, int | None] | None] = {}
    for i, p in enumerate(prints):
        seen: set[int] = set()
        for h in p.sketch:
            bucket = buckets.setdefault(h, [])
            if i >= have and len(bucket) <= BUCKET_CAP:
                for j in bucket:
                    if j not in seen and docs[j].format != docs[i].format and _root(parent, j) != _root(parent, i) \
                            and _alike(prints[j], prints[i]) and _one_unit_and_year(docs, whose, j, i) \
                            and _furniture(prints[j], prints[i]):
                        _join(parent, j, i)
                    seen.add(j)
            bucket.append(i)


def _one_unit_and_year(docs: Sequence[Document], whose: dict[int, tuple[str, int | None] | None],
                       a: int, b: int) -> bool:
    """Whether both files are reports of one known unit and year."""
    for i in (a, b):
        if i not in whose:
            whose[i] = unit_and_year(docs[i])
    return whose[a] is not None and whose[a] == whose[b]


def _print(text: str) -> _Print:
    from reviewer import dedup  # for batches of several formats only: a window's import of one format needs none

    lines = tuple(line for raw in text.split("\n") if (line := _SPACE.sub("", raw)) and not _PAGE_LINE.fullmatch(line))
    bare = "".join(lines)
    chunks = frozenset(hash(c) for c in dedup.chunks(dedup.normalise(bare)))
    repeated = frozenset(line for line, n in Counter(lines).items() if n > 1)
    return _Print(hash(bare), bare, lines, repeated, chunks,
                  tuple(heapq.nsmallest(SKETCH, chunks)))


def _alike(a: _Print, b: _Print) -> bool:
    """The cheap test: nearly the same chunks (figures are the close look's: page numbers a reader ran
    into the text, 2 and 10 read as 210, would make two texts of one report differ in their numbers)."""
    shared = len(a.chunks & b.chunks)
    return bool(a.chunks) and shared >= NEAR * len(a.chunks) and shared >= NEAR * len(b.chunks)


def _furniture(pa: _Print, pb: _Print) -> bool:
    """Whether every difference between the two texts (without whitespace and page-number lines) is
    page furniture: a punctuation mark, or a running header (``_running_lines``); never words put
    into or taken out of a sentence, a sentence, or a figure.

    The texts are lined up sentence by sentence first, and only the sentences that differ are
    compared character by character: a character-level diff of two long reports takes seconds."""
    import difflib  # only for the rare pair of files this alike

    running = _running_lines(pa, pb) | _running_lines(pb, pa)
    a = "".join(line for line in pa.lines if line not in running)
    b = "".join(line for line in pb.lines if line not in running)
    ua, ub = _SENTENCES.findall(a), _SENTENCES.findall(b)
    differing = 0
    pages: tuple[list[int], list[int]] = ([], [])  # page numbers a reader ran into the text, on either side
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ua, ub, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        left, right = "".join(ua[i1:i2]), "".join(ub[j1:j2])
        if len(left) + len(right) > _CLOSER_LOOK:
            return False  # whole pages apart: more than furniture, without looking closer
        for op2, k1, k2, l1, l2 in difflib.SequenceMatcher(None, left, right, autojunk=False).get_opcodes():
            if op2 == "equal":
                continue
            for side, (text, k, j) in enumerate(((left, k1, k2), (right, l1, l2))):
                segment = text[k:j]
                if not segment:
                    continue
                if (number := _page_number(segment)) is not None and op2 != "replace":
                    pages[side].append(number)
                elif _CJK_OR_DIGIT.search(segment) or _in_a_figure(text, k, j):
                    return False  # a word or a figure: 会同区公安局, 泰州 → 扬州, 59 → 61, 72.5 → 725
            differing += (k2 - k1) + (l2 - l1)
    return all(_one_after_another(p) for p in pages) and differing <= MAX_FURNITURE * max(len(a), len(b))


def _in_a_figure(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] touches a digit: a point or a comma there is part of a figure."""
    return (start > 0 and text[start - 1].isdigit()) or (end < len(text) and text[end].isdigit())


def _page_number(segment: str) -> int | None:
    m = _PAGE_MARK.fullmatch(segment)
    return int(next(g for g in m.groups() if g)) if m else None


def _one_after_another(numbers: list[int]) -> bool:
    """Page numbers: 1, 2, 3… in order (a single one only for a page 1); a figure edited (15 → 152)
    makes no such run."""
    if not numbers:
        return True
    if len(numbers) == 1:
        return numbers[0] == 1
    return all(b == a + 1 for a, b in pairwise(numbers))


def _running_lines(mine: _Print, other: _Print) -> set[str]:
    """Lines of ``mine`` that are a running header or footer: short, no sentence, and either met on
    several pages, or heading or ending the text with words the other text has nowhere (a line a PDF
    wrapped is a piece of the other's text). 津南区2021年法治政府建设情况报告 over every page repeats
    the title: it goes from both texts."""
    ends = {line for line in (*mine.lines[:3], *mine.lines[-3:]) if line not in other.bare}
    # A line said twice in a report's own words is no header when the other text has it wrapped in a paragraph.
    pages = {line for line in mine.repeated if line not in other.bare or line in set(other.lines)}
    return {line for line in pages | ends if len(line) <= 40 and not _SENTENCE_END.search(line)}


_SENTENCES = re.compile(r"[^。；！？]*[。；！？]|[^。；！？]+$")
_CLOSER_LOOK = 20_000  # characters of differing sentences compared one by one (a header breaks a few)


