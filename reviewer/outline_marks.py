"""Where the required parts show in a report's outline, and in what state: the tree's marks and gaps.

A section that is a required part's own is marked with the part's state. A required part the
analysis found missing, or found only in part with no section to mark, gets a gap row of its own
among the top-level sections: after the section of the part before it in the required order, or
else before the next one's, so the gap shows where a reader would expect it. What the reviewer
decided of a part (``review.parts_judged``) decides the state drawn. The window's tree only
draws these.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from reviewer.messages import Message
from reviewer.model import Analysis, PartResult, Section
from reviewer.vocab import REQUIRED_PARTS

Judged = Mapping[str, str]  # part → its status as the reviewer judged it (``review.parts_judged``)


@dataclass(frozen=True, slots=True)
class PartMark:
    """The required part a section is the section of, with the program's status (found / partial)."""

    part: str
    status: str
    note: Message


@dataclass(frozen=True, slots=True)
class GapRow:
    """A required part shown as a row of its own, as the program found it (missing / partial)."""

    part: str
    status: str
    note: Message
    slot: int  # top-level sections before it in the tree


def section_marks(a: Analysis) -> dict[str, PartMark]:
    """Section id → the required part it holds, found or partial: the reviewer may judge even a part
    found 不符合. A section holding several parts is marked with the last in the analysis' order."""
    return {p.section: PartMark(pid, str(p.status), p.note)
            for pid, p in a.parts.items()
            if p.status in ("partial", "found") and p.section and pid in REQUIRED_PARTS}


def gap_parts(a: Analysis) -> list[str]:
    """Required parts that get a gap row: missing, or partial without a section to mark."""
    return [pid for pid in REQUIRED_PARTS if (p := a.parts.get(pid)) is not None
            and p.status != "found" and not (p.status == "partial" and p.section)]


def gap_rows(a: Analysis) -> list[GapRow]:
    """The gap rows in tree order: by the slot among the top-level sections, then in required order."""
    tops = list(a.sections)
    rows = [GapRow(pid, str(a.parts[pid].status), a.parts[pid].note, _slot(pid, a.parts, tops)) for pid in gap_parts(a)]
    order = {p: i for i, p in enumerate(REQUIRED_PARTS)}
    return sorted(rows, key=lambda g: (g.slot, order[g.part]))


def _slot(part: str, parts: Mapping[str, PartResult], tops: list[Section]) -> int:
    """Top-level sections before ``part``'s gap row: after the nearest earlier part that has a section,
    else before the nearest later one, else after them all."""
    order = list(REQUIRED_PARTS)
    i = order.index(part)
    for prev in reversed(order[:i]):
        idx = _top_index(parts[prev].section, tops) if prev in parts else None
        if idx is not None:
            return idx + 1
    for nxt in order[i + 1 :]:
        idx = _top_index(parts[nxt].section, tops) if nxt in parts else None
        if idx is not None:
            return idx
    return len(tops)


def _top_index(section_id: str | None, tops: list[Section]) -> int | None:
    if not section_id:
        return None
    top = section_id.split(".")[0]
    return next((i for i, s in enumerate(tops) if s.id == top), None)


def section_state(a: Analysis, judged: Judged, section_id: str) -> str | None:
    """The mark of a section that is a required part's (or several parts', as a closing section holding
    both 不足 and 下一年安排): ``failed`` if the reviewer judged one 不符合, else ``partial`` if one stands
    partial, else None (nothing to mark)."""
    states = {judged.get(pid) for pid, p in a.parts.items() if p.section == section_id}
    return next((s for s in ("failed", "partial") if s in states), None)


def gap_state(judged: Judged, part: str) -> str:
    """A gap row's part as the reviewer judged it: ``not_applicable`` when judged not required (it is
    then not among the parts judged), so the row says so and is no longer a gap."""
    return judged.get(part, "not_applicable")
