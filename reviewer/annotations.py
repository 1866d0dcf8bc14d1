"""What the review says to the unit, and on which words of its report: the Word comments (批注).

One note for every finding, one for every checklist item the reviewer marked 不符合, and one for
every required part the report lacks whose item the reviewer left undecided. Each note is anchored
on an exact ``[start, end)`` span of ``Analysis.text``: a finding on its own span; a failed item on
its evidence (its first line, so a whole section is not swamped), else on the part it belongs to,
else on the title; a missing part on the title, saying what is required and where the requirement
comes from (the checklist item's ``description`` and ``source``). The words come from the message
catalogue, in either language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from reviewer.checklist import Checklist, ChecklistItem
from reviewer.messages import Message, msg
from reviewer.model import Analysis, CheckResult, Finding, ItemDecision
from reviewer.review import Decisions, failed_items, is_to_recheck, remark_items
from reviewer.vocab import FINDING_KIND, READING_FINDINGS, REQUIRED_PARTS, Lang

NoteKind = Literal["finding", "failed", "remark", "missing_part"]


@dataclass(frozen=True, slots=True)
class Note:
    """One comment: where it stands, what it says (paragraphs split by ``\\n``), who wrote it when."""

    kind: NoteKind
    start: int
    end: int
    text: str
    author: str
    time: str  # ISO 8601


@dataclass(frozen=True, slots=True)
class Voice:
    """Who speaks for the program's own notes (findings, missing parts): the reviewer sending the
    review back, at the time of the review's last change."""

    author: str
    time: str


def first_line(text: str, start: int, end: int) -> tuple[int, int]:
    """The span's first non-empty line, within the span (the span itself when it is one line)."""
    while start < end and text[start] == "\n":
        start += 1
    nl = text.find("\n", start, end)
    return start, (nl if nl != -1 else end)


def title_anchor(a: Analysis) -> tuple[int, int]:
    """The report's title, else its first line: where a note about the whole report stands."""
    if a.meta.title_span is not None:
        return a.meta.title_span
    if a.lines:
        return a.lines[0].start, a.lines[0].end
    return 0, 0


def _lines(*parts: Message | None, lang: Lang) -> str:
    return "\n".join(p.render(lang) for p in parts if p is not None)


def for_the_unit(m: Message) -> Message:
    """A finding's message as the unit reads it: no other unit's file, no line number of the program's."""
    if m.id in ("dup.across", "dup.across_many"):
        return msg("unit.dup_across")
    if m.id == "dup.across_own":
        return msg("unit.dup_own")
    if m.id.startswith("dup.across_own"):  # _few, _many
        return msg("unit.dup_own_few")
    if m.id == "dup.across_run":
        inner = m.param("message")
        return msg("dup.across_run", n=m.param("n") or 0, message=for_the_unit(inner) if isinstance(inner, Message)
                   else msg("unit.dup_across"))
    if m.id == "dup.other_version":
        return msg("unit.other_version")
    if m.id == "lastyear.copied_part":
        return msg("unit.copied_part", part=m.param("part") or "", percent=m.param("percent") or 0)
    if m.id == "dup.within":
        return msg("unit.dup_within", snippet=m.param("snippet") or "")
    if m.id == "dup.within_similar":
        return msg("unit.dup_within_similar", snippet=m.param("snippet") or "", percent=m.param("percent") or 0)
    return m


def _advice(f: Finding) -> str:
    """The advice's message id: by kind, and for a paragraph shared only within the unit its own."""
    if f.kind not in FINDING_KIND:
        return "advice.other"
    inner = f.message.param("message") if f.message.id == "dup.across_run" else f.message
    if isinstance(inner, Message) and inner.id.startswith("dup.across_own"):
        return "advice.duplicate_own_report"
    return f"advice.{f.kind}"


def finding_note(f: Finding, voice: Voice, lang: Lang = "zh") -> Note:
    advice = Message(_advice(f))
    text = msg("annot.finding", kind=f.kind, message=for_the_unit(f.message), advice=advice).render(lang)
    return Note("finding", f.start, f.end, text, voice.author, voice.time)


def _item_anchor(a: Analysis, r: CheckResult, item: ChecklistItem | None) -> tuple[int, int]:
    if r.evidence:
        return first_line(a.text, r.evidence[0].start, r.evidence[0].end)
    part = a.parts.get(item.part) if item is not None and item.part else None
    if part is not None and part.start is not None and part.end is not None:
        return first_line(a.text, part.start, part.end)  # where the missing point belongs
    return title_anchor(a)


def failed_note(a: Analysis, r: CheckResult, d: ItemDecision, item: ChecklistItem | None, voice: Voice,
                lang: Lang = "zh") -> Note:
    """The reviewer's 不符合 with their comment and what the item requires; not the program's note on
    its evidence (“仅提到 …（至少需要 2 个不同要点）”), which is the reviewer's working note, not
    words to the unit."""
    start, end = _item_anchor(a, r, item)
    text = _lines(
        msg("annot.failed", name=r.label(lang)),
        msg("annot.comment", comment=d.comment.strip()) if d.comment.strip() else None,
        msg("annot.required", description=item.describe(lang)) if item is not None and item.description else None,
        msg("annot.source", source=item.source) if item is not None and item.source else None,
        lang=lang,
    )
    return Note("failed", start, end, text, d.reviewer or voice.author, d.time or voice.time)


def remark_note(a: Analysis, r: CheckResult, d: ItemDecision, item: ChecklistItem | None, voice: Voice,
                lang: Lang = "zh") -> Note:
    """What the reviewer wrote on an item they left 未定, where the item's evidence is."""
    start, end = _item_anchor(a, r, item)
    text = _lines(msg("annot.remark", name=r.label(lang)), msg("annot.comment", comment=d.comment.strip()), lang=lang)
    return Note("remark", start, end, text, d.reviewer or voice.author, d.time or voice.time)


def missing_part_note(a: Analysis, part: str, item: ChecklistItem | None, voice: Voice, lang: Lang = "zh",
                      comment: str = "") -> Note:
    """A required part the report lacks; ``comment``: what the reviewer wrote on its item, left undecided."""
    start, end = title_anchor(a)
    source: str | Message = item.source if item is not None and item.source else msg("annot.part_source")
    text = _lines(
        msg("annot.missing_part", part=part),
        msg("annot.comment", comment=comment) if comment else None,
        msg("annot.part_required", description=item.describe(lang)) if item is not None and item.description
        else None,
        msg("annot.source", source=source),
        lang=lang,
    )
    return Note("missing_part", start, end, text, voice.author, voice.time)


def _part_items(checklist: Checklist | None) -> dict[str, ChecklistItem]:
    return {i.part: i for i in (checklist.items if checklist else ()) if i.rule == "part" and i.part}


def missing_parts(a: Analysis) -> list[str]:
    """Required parts the program did not find (as ``ReportReview.parts_found`` counts them)."""
    return [p for p in REQUIRED_PARTS if p in a.parts and a.parts[p].status == "missing"]


def _undecided_missing(a: Analysis, decisions: Decisions) -> list[str]:
    """Parts the program found missing whose item the reviewer has not decided: each gets its own
    comment (a decided 不符合 has the failed item's; 符合 and 不适用 have none; see
    ``review.parts_judged``)."""
    items = {r.part: r.id for r in a.checklist if r.part}
    return [p for p in missing_parts(a)
            if p not in items or (d := decisions.get(items[p])) is None or d.decision == "未定" or is_to_recheck(d)]


def _undecided_comment(decisions: Decisions, item: ChecklistItem | None) -> str:
    d = decisions.get(item.id) if item is not None else None
    return d.comment.strip() if d is not None and d.decision == "未定" else ""  # a carried 未定's too: it stands


def notes_for(a: Analysis, decisions: Decisions, checklist: Checklist | None, voice: Voice,
              lang: Lang = "zh") -> list[Note]:
    """Every note of one report, in text order (findings, failed items, missing parts)."""
    items = {i.id: i for i in (checklist.items if checklist else ())}
    by_part = _part_items(checklist)
    notes = [finding_note(f, voice, lang) for f in a.findings if f.kind not in READING_FINDINGS]
    notes += [failed_note(a, r, d, items.get(r.id), voice, lang) for r, d in failed_items(a, decisions)]
    missing = _undecided_missing(a, decisions)
    notes += [missing_part_note(a, p, by_part.get(p), voice, lang, _undecided_comment(decisions, by_part.get(p)))
              for p in missing]
    # a comment the missing part's note carries is not said again (only one it does carry: the note's
    # item comes from ``checklist``, which a caller may not have)
    said = {item.id for p in missing if (item := by_part.get(p)) is not None and _undecided_comment(decisions, item)}
    notes += [remark_note(a, r, d, items.get(r.id), voice, lang) for r, d in remark_items(a, decisions)
              if r.id not in said]
    return sorted(notes, key=lambda n: (n.start, n.end))
