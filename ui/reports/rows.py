"""The rows under one report in the tree: its sections, with gap rows where they belong.

Which sections are marked, and which gap rows stand where, is the core's rule
(``reviewer.outline_marks``); these are the mutable rows the Qt model hangs them on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from reviewer.messages import Message
from reviewer.model import Analysis, Section
from reviewer.outline_marks import PartMark, gap_parts, gap_rows, section_marks

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


def _section_rows(sections: tuple[Section, ...], report: str, parent: Row, marks: dict[str, PartMark]) -> None:
    for s in sections:
        mark = marks.get(s.id)
        row = Row("section", report, parent, s, mark.part if mark else None, mark.status if mark else None,
                  mark.note if mark else None)
        parent.children.append(row)
        _section_rows(s.children, report, row, marks)


def has_rows(a: Analysis) -> bool:
    """Whether the report row has any row under it (without making them)."""
    return bool(a.sections) or bool(gap_parts(a))


def build_report_row(a: Analysis, gaps: bool = True) -> Row:
    """The report row with its section rows and (``gaps``) the gap rows of ``outline_marks.gap_rows``."""
    root = Row("report", a.sha256)
    _section_rows(a.sections, a.sha256, root, section_marks(a))
    # From the last: a row's slot counts the top-level sections before it, and the gap rows already
    # placed all stand after it.
    for g in reversed(gap_rows(a) if gaps else []):
        root.children.insert(g.slot, Row("gap", a.sha256, root, part=g.part, part_state=g.status, note=g.note))
    return root
