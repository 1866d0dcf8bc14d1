"""Others' words in the open project: what the team's server says another reviewer wrote, and the
server's own record shown again where it refused a change of this reviewer's. The rules of which
word stands are the core's (``reviewer.sync``); this module applies them to the session."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from reviewer import paths
from reviewer.journal import Change
from reviewer.messages import msg
from reviewer.model import Analysis, ItemDecision, ReportVerdict
from reviewer.sync import take_decision, take_verdict
from ui.labels import lang

if TYPE_CHECKING:
    from ui.session import Session


def report_label(a: Analysis) -> str:
    return paths.report_label(a.file, a.meta.issuer, a.meta.report_year)


def report_name(session: Session, sha256: str) -> str:
    a = session.analysis(sha256)
    return report_label(a) if a is not None else sha256[:12]


def item_name(session: Session, d: ItemDecision) -> str:
    a = session.analysis(d.report)
    result = next((c for c in a.checklist if c.id == d.item), None) if a is not None else None
    return result.label(lang()) if result is not None else d.item


def take_remote(session: Session, decisions: Iterable[ItemDecision], verdicts: Iterable[ReportVerdict]) -> None:
    """The later word is shown; the reviewer is told where theirs was replaced."""
    changed: set[str] = set()
    notes: list[str] = []
    for d in decisions:
        current = session.decision(d.report, d.item)
        if (current is not None and current.time == d.time and current.reviewer == session.reviewer
                and session.unsaved(d.report, d.item)):
            # made in the same second, and this one still on its way: written after, it is the server's
            # current one (the status bar said another's stood: found by a helper session)
            continue
        took, note = take_decision(current, d, session.reviewer, item_name(session, d),
                                   report=report_name(session, d.report))
        if took:
            session.keep_record(d.report, d.item, d)
            changed.add(d.report)
        if note is not None:
            notes.append(note.render(lang()))
    for v in verdicts:
        took, note = take_verdict(session.verdict(v.report), v, session.reviewer,
                                  report=report_name(session, v.report))
        if took:
            session.keep_record(v.report, None, v)
            changed.add(v.report)
        if note is not None:
            notes.append(note.render(lang()))
    for report in changed:
        session.review_changed.emit(report)
    for text in notes:
        session.notice.emit(text)


def show_refused(session: Session, change: Change, current: object, message: str) -> None:
    """A change the server will never take: its record (``current``, or none) shown again, and why."""
    if change.kind == "decision" and change.item is not None:
        session.keep_record(change.report, change.item, current if isinstance(current, ItemDecision) else None)
    elif change.kind == "verdict":
        session.keep_record(change.report, None, current if isinstance(current, ReportVerdict) else None)
    elif change.kind in ("pairing", "promise"):
        session.lastyear.restore(change)
    session.review_changed.emit(change.report)
    session.notice.emit(msg("sync.refused", reason=message).render(lang()))
    if change.kind == "decision" and change.item is not None:  # said where it stays, with its comment
        item = item_name(session, ItemDecision(change.report, change.item, "未定", "", "", ""))
        comment = msg("sync.refused_comment", comment=change.comment) if change.comment else ""
        line = msg("sync.refused_change", report=report_name(session, change.report), item=item,
                   decision=change.value, comment=comment, reason=message)
        session.refused_change.emit(line.render(lang()))
