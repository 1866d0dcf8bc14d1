"""The rows under one report in the tree: its sections, with gaps placed where they belong.

A required part the analysis found missing becomes a placeholder row after the section of
the part that precedes it in the required order (or before the next one), so the gap shows
where a reader would expect it. A partial part marks its own section; without one it gets
a placeholder too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from reviewer.messages import Message
from reviewer.model import Analysis, PartResult, Section
from reviewer.outline_marks import PartMark, section_marks
from ui.labels import REQUIRED_PARTS

RowKind = Literal["report", "section", "gap"]


@dataclass(eq=False)
class Row:
    """One tree row. ``part_state`` is the program's status of the part a gap row stands for, or of
    the part whose section a section row is ("missing"/"partial"/"found")."""

    kind: RowKind
    report: str  # sha256 of the report
    parent: Row | None = None
    section: Section | None = None
    part: str | None = None
    part_state: str | None = None
    note: Message | None = None
    children: list[Row] = field(default_factory=list)
    filled: bool = True  # False: a report row whose rows are made when the tree expands it

    def row_in_parent(self) -> int:
        return self.parent.children.index(self) if self.parent is not None else 0

    @property
    def start(self) -> int | None:
        return self.section.start if self.section is not None else None


def _top_index(section_id: str | None, tops: list[Section]) -> int | None:
    if not section_id:
        return None
    top = section_id.split(".")[0]
    return next((i for i, s in enumerate(tops) if s.id == top), None)


def _anchor(part: str, parts: dict[str, PartResult], tops: list[Section]) -> tuple[int, bool]:
    """Insert position among top-level sections for a gap row of ``part``: (index, after?)."""
    order = list(REQUIRED_PARTS)
    i = order.index(part)
    for prev in reversed(order[:i]):
        idx = _top_index(parts[prev].section, tops) if prev in parts else None
        if idx is not None:
            return idx, True
    for nxt in order[i + 1 :]:
        idx = _top_index(parts[nxt].section, tops) if nxt in parts else None
        if idx is not None:
            return idx, False
    return len(tops) - 1, True


def _section_rows(sections: tuple[Section, ...], report: str, parent: Row, marks: dict[str, PartMark]) -> None:
    for s in sections:
        mark = marks.get(s.id)
        row = Row("section", report, parent, s, mark.part if mark else None, mark.status if mark else None,
                  mark.note if mark else None)
        parent.children.append(row)
        _section_rows(s.children, report, row, marks)


def _gap_parts(a: Analysis) -> list[str]:
    """Required parts that get a placeholder row: missing, or partial without a section to mark."""
    out = []
    for pid in REQUIRED_PARTS:
        p = a.parts.get(pid)
        if p is None or p.status == "found" or (p.status == "partial" and p.section):
            continue
        out.append(pid)
    return out


def has_rows(a: Analysis) -> bool:
    """Whether the report row has any row under it (without making them)."""
    return bool(a.sections) or bool(_gap_parts(a))


def build_report_row(a: Analysis, gaps: bool = True) -> Row:
    """The report row with its section rows and (``gaps``) placeholders for the missing parts."""
    root = Row("report", a.sha256)
    _section_rows(a.sections, a.sha256, root, section_marks(a))
    tops = list(a.sections)
    inserts: list[tuple[int, bool, Row]] = []
    for pid in _gap_parts(a) if gaps else ():
        p = a.parts[pid]
        idx, after = _anchor(pid, a.parts, tops)
        inserts.append((idx, after, Row("gap", a.sha256, root, part=pid, part_state=p.status, note=p.note)))
    # Insert from the end so earlier indices stay valid; rows at one anchor keep required order.
    for idx, after, row in sorted(inserts, key=lambda t: (t[0], t[1]), reverse=True):
        pos = max(idx + 1 if after else idx, 0)
        root.children.insert(min(pos, len(root.children)), row)
    _fix_gap_order(root)
    return root


def _fix_gap_order(root: Row) -> None:
    """Consecutive gap rows at one anchor appear in the required order."""
    order = {p: i for i, p in enumerate(REQUIRED_PARTS)}
    out: list[Row] = []
    run: list[Row] = []
    for row in root.children:
        if row.kind == "gap":
            run.append(row)
            continue
        out.extend(sorted(run, key=lambda r: order.get(r.part or "", 0)))
        run = []
        out.append(row)
    out.extend(sorted(run, key=lambda r: order.get(r.part or "", 0)))
    root.children = out
