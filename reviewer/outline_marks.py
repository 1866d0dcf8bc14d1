"""Where the required parts show in a report's outline, and in what state: the tree's marks.

A section that is a required part's own is marked with the part's state. What the reviewer
decided of a part (``review.parts_judged``) decides the state drawn. The window's tree only
draws these.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from reviewer.messages import Message
from reviewer.model import Analysis
from reviewer.vocab import REQUIRED_PARTS

Judged = Mapping[str, str]  # part → its status as the reviewer judged it (``review.parts_judged``)


@dataclass(frozen=True, slots=True)
class PartMark:
    """The required part a section is the section of, with the program's status (found / partial)."""

    part: str
    status: str
    note: Message


def section_marks(a: Analysis) -> dict[str, PartMark]:
    """Section id → the required part it holds, found or partial: the reviewer may judge even a part
    found 不符合. A section holding several parts is marked with the last in the analysis' order."""
    return {p.section: PartMark(pid, str(p.status), p.note)
            for pid, p in a.parts.items()
            if p.status in ("partial", "found") and p.section and pid in REQUIRED_PARTS}


def section_state(a: Analysis, judged: Judged, section_id: str) -> str | None:
    """The mark of a section that is a required part's (or several parts', as a closing section holding
    both 不足 and 下一年安排): ``failed`` if the reviewer judged one 不符合, else ``partial`` if one stands
    partial, else None (nothing to mark)."""
    states = {judged.get(pid) for pid, p in a.parts.items() if p.section == section_id}
    return next((s for s in ("failed", "partial") if s in states), None)
