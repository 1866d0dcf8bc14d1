"""Outline: classify every line and build the section tree of a report.

Levels come from the marker's form (一、=1, （一）=2, 1.=3, （1）/①=4). A marked line becomes a
heading only if its number continues the sequence under its parent (a repeated or skipped number
is accepted with a ``heading_numbering`` finding; anything further off is body text, e.g. a list
restarting deep inside a paragraph). A level-2 heading without a level-1 parent is a top-level
section of level 2.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reviewer.fastpickle import fast_init
from reviewer.frame import above_title, field_values, signature_lines, title_groups
from reviewer.headings import cn_int, cn_numeral, heading_title, match_marker
from reviewer.lines import RawLine, chrome_kind, chrome_rules, split_lines
from reviewer.messages import Message, msg
from reviewer.model import Document, Finding, Line, LineHint, LineKind, Outline, Section

_LOST_NUMERAL_MAX = 50  # a line starting with a bare 、 is a heading only if it is short
# A repeated number is a heading only on a short line of its own (a numbering slip such as
# 一、…一、…), not a list restarting inside the text.
_REPEAT_TITLE_MAX = 40
_HINT_MAX = 60  # an unmarked line suggested by the source format must be short to be a heading
_BODY_KINDS = ("body", "heading")
_SENTENCE_END = re.compile(r"[。；;！？]")


@fast_init
@dataclass(frozen=True, slots=True)
class _Cand:
    line: RawLine
    level: int
    number: str | None
    ordinal: int | None
    title: str
    from_hint: bool = False


@dataclass(slots=True)
class _Node:
    """An accepted heading while the tree is built (mutable, never leaves this module)."""

    cand: _Cand
    number: str | None
    children: list[_Node] = field(default_factory=list)
    last_child: dict[int, int] = field(default_factory=dict)  # level → ordinal of the last child

    @property
    def level(self) -> int:
        return self.cand.level


def build_outline(text: str, doc: Document | None = None) -> Outline:
    """Classify each non-blank line and build the heading tree of ``text``.

    ``doc.hints`` (Word heading styles / list levels) make unmarked short lines headings.
    """
    lines = split_lines(text)
    kinds = _frame_kinds(lines)
    hints = {h.line: h for h in doc.hints} if doc is not None else {}
    cands = _candidates(lines, kinds, hints)
    nodes, findings = _accept(cands)
    for node in _walk(nodes):
        kinds[node.cand.line.index] = "heading"
    body_end = max((ln.end for ln in lines if ln.text and kinds.get(ln.index, "body") in _BODY_KINDS), default=0)
    sections = _sections(text, nodes, "s", body_end)
    out_lines = tuple(Line(kinds.get(ln.index, "body"), ln.start, ln.end) for ln in lines if ln.text)
    return Outline(sections=sections, lines=out_lines, findings=tuple(findings))


def _frame_kinds(lines: Sequence[RawLine]) -> dict[int, LineKind]:
    """Kinds of the lines that are not report body: chrome, title lines, signature."""
    rules = chrome_rules()
    kinds: dict[int, LineKind] = {}
    for ln in lines:
        kind = chrome_kind(ln.text, rules)
        if kind is not None:
            kinds[ln.index] = kind
    groups = title_groups(lines, kinds)
    metadata = {i for i, k in kinds.items() if k == "metadata"}  # a set: asked once a line (a code review)
    for i in field_values(lines, metadata, {i for g in groups for i in g} | kinds.keys()):
        kinds[i] = "metadata"
    for i in above_title(lines, kinds, groups[0][0]) if groups else ():
        kinds[i] = "clutter"
    for group in groups:
        for i in group:
            kinds[i] = "title"
    for i in signature_lines(lines, kinds):
        kinds[i] = "signature"
    return kinds


def _candidates(lines: Sequence[RawLine], kinds: dict[int, LineKind], hints: dict[int, LineHint]) -> list[_Cand]:
    """Lines that may be headings: a marker at the start, or a source-format hint on a short line."""
    out: list[_Cand] = []
    for ln in lines:
        if not ln.text or ln.index in kinds:
            continue
        core = _unemphasised(ln.text)
        marker = match_marker(core)
        if marker is not None:
            if marker.ordinal is None and len(core) > _LOST_NUMERAL_MAX:
                continue
            out.append(
                _Cand(
                    ln,
                    marker.level,
                    marker.number,
                    marker.ordinal,
                    heading_title(core[marker.end :]),
                    ln.index in hints,
                )
            )
        elif (hint := hints.get(ln.index)) is not None and 1 <= hint.level <= 4 and len(ln.text) <= _HINT_MAX:
            label = (hint.label or "").strip("、.．()（） ") or None
            ordinal = (int(label) if label.isdigit() else cn_int(label)) if label else None
            out.append(_Cand(ln, hint.level, label, ordinal, heading_title(ln.text), from_hint=True))
    return out


def _unemphasised(line: str) -> str:
    """A line without the markdown emphasis (**一、…**) that text exported from editors keeps."""
    return line[2:-2].strip() if len(line) > 4 and line.startswith("**") and line.endswith("**") else line


def _accept(cands: Sequence[_Cand]) -> tuple[list[_Node], list[Finding]]:
    """Keep the candidates whose numbers continue their parent's sequence; nest them."""
    root = _Node(_Cand(RawLine(-1, 0, 0, ""), 0, None, None, ""), None)
    stack: list[_Node] = [root]  # the open sections, outermost first
    last_at_level: dict[int, int] = {}
    findings: list[Finding] = []
    for c in cands:
        k = max(i for i, node in enumerate(stack) if node.level < c.level)
        parent = stack[k]
        prev = parent.last_child.get(c.level)
        verdict = _judge(c, prev, last_at_level.get(c.level))
        if verdict is None:
            continue
        ordinal, message = verdict
        number = c.number
        if c.ordinal is None and not c.from_hint:
            number = cn_numeral(ordinal) if c.level == 1 else str(ordinal)
        if message is not None:
            findings.append(Finding("heading_numbering", "warning", message, c.line.start, c.line.end))
        node = _Node(c, number)
        parent.children.append(node)
        parent.last_child[c.level] = ordinal
        last_at_level[c.level] = ordinal
        del stack[k + 1 :]
        stack.append(node)
    return root.children, findings


def _judge(c: _Cand, prev: int | None, last_global: int | None) -> tuple[int, Message | None] | None:
    """``(ordinal, finding message or None)`` when ``c`` is a heading after sibling number ``prev``, else None."""
    expected = (prev or 0) + 1
    if c.from_hint and c.ordinal is None:
        return expected, None  # Word numbering that the text does not show
    if c.ordinal is None:
        return expected, msg("heading.no_number", expected=_show(c.level, expected))
    o = c.ordinal
    if o == expected:
        return o, None
    if prev is None and last_global is not None and o == last_global + 1 and c.level >= 3:
        return o, None  # numbered continuously across parents: 1–4 under （一）, 5–9 under （二）
    bare = len(c.line.text) <= _REPEAT_TITLE_MAX and not _SENTENCE_END.search(c.line.text)
    if prev is not None and o == prev and bare:
        return o, msg("heading.repeated", number=_show(c.level, o))
    if o == expected + 1 or (c.level == 1 and o == expected + 2) or (c.from_hint and o > expected):
        missing = tuple(f"“{_show(c.level, n)}”" for n in range(expected, min(o, expected + 5)))
        return o, msg("heading.gap", missing=missing)
    if c.from_hint:
        return o, msg("heading.out_of_order", number=_show(c.level, o))  # the source format says it is a heading
    return None


def _show(level: int, n: int) -> str:
    if level == 1:
        return f"{cn_numeral(n)}、"
    if level == 2:
        return f"（{cn_numeral(n)}）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"


def _walk(nodes: Sequence[_Node]) -> list[_Node]:
    out: list[_Node] = []
    for n in nodes:
        out.append(n)
        out.extend(_walk(n.children))
    return out


def _sections(text: str, nodes: Sequence[_Node], prefix: str, end: int) -> tuple[Section, ...]:
    """Frozen sections for sibling ``nodes``; each ends where the next sibling starts, the last at ``end``."""
    out: list[Section] = []
    for i, node in enumerate(nodes):
        c = node.cand
        s_end = nodes[i + 1].cand.line.start if i + 1 < len(nodes) else end
        sid = f"{prefix}{i + 1}" if prefix == "s" else f"{prefix}.{i + 1}"
        children = _sections(text, node.children, sid, s_end)
        heading = text[c.line.start : c.line.end]
        out.append(Section(sid, c.level, node.number, heading, c.title, c.line.start, s_end, children))
    return tuple(out)
