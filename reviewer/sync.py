"""How a reviewer's window takes in what others wrote on the team's server.

The later decision is current, whoever made it and whenever it arrived (``model.not_earlier``);
a reviewer whose own decision is replaced by someone else's later one is told who changed it,
when and to what, since what they saw when deciding was stale.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from reviewer.messages import Message, msg
from reviewer.model import ItemDecision, ReportVerdict, not_earlier
from reviewer.review import is_to_recheck


def short_time(iso: str, today: datetime | None = None) -> str:
    """``09:14`` for today, ``03-01 09:14`` for another day (the time as the deciding reviewer saw it)."""
    try:
        t = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    now = today or datetime.now(t.tzinfo)
    return t.strftime("%H:%M") if t.date() == now.date() else t.strftime("%m-%d %H:%M")


def take_decision(current: ItemDecision | None, incoming: ItemDecision, me: str, item_name: str,
                  today: datetime | None = None, report: str = "") -> tuple[bool, Message | None]:
    """Whether ``incoming`` (from the server) replaces what the window shows, and the note to show
    when it replaces a different decision of this reviewer's own."""
    if current is not None and (current == incoming or not not_earlier(incoming.time, current.time)):
        return False, None
    mine = current is not None and current.reviewer == me and incoming.reviewer != me
    changed = current is not None and (current.decision, current.comment) != (incoming.decision, incoming.comment)
    note = (msg("sync.superseded", reviewer=incoming.reviewer, time=short_time(incoming.time, today), item=item_name,
                decision=incoming.decision, report=report) if mine and changed else None)
    return True, note


def take_verdict(current: ReportVerdict | None, incoming: ReportVerdict, me: str,
                 today: datetime | None = None, report: str = "") -> tuple[bool, Message | None]:
    if current is not None and (current == incoming or not not_earlier(incoming.time, current.time)):
        return False, None
    mine = current is not None and current.reviewer == me and incoming.reviewer != me
    changed = current is not None and (current.verdict, current.comment) != (incoming.verdict, incoming.comment)
    note = (msg("sync.verdict", reviewer=incoming.reviewer, time=short_time(incoming.time, today),
                verdict=incoming.verdict, report=report) if mine and changed else None)
    return True, note


def decided_by(decision: ItemDecision | None, today: datetime | None = None) -> Message | None:
    """Who made the decision shown, and when (shown beside it on a shared project)."""
    if decision is None or not decision.reviewer or (decision.decision == "未定" and not decision.comment):
        return None  # nothing decided, nothing said: a decision taken back
    # an item left 未定 with a comment was not decided by anyone (found by a helper session)
    key = "review.by_stale" if is_to_recheck(decision) else "review.by_comment" if decision.decision == "未定" \
        else "review.by"
    return msg(key, reviewer=decision.reviewer, time=short_time(decision.time, today))


@dataclass(frozen=True, slots=True)
class Team:
    """Who this window's reviewer is on a shared project, and who reviews which report. The server
    enforces the same rules (``server_schema``); the window only spares the reviewer a refusal."""

    me: str = ""
    lead: bool = True  # a project file has one reviewer, who may do everything
    shared: bool = False
    assigned: dict[str, tuple[str, ...]] = field(default_factory=dict)  # report → reviewers' names

    def assignees(self, report: str) -> list[str]:
        return list(self.assigned.get(report, ()))

    def mine(self, report: str) -> bool:
        return self.me in self.assigned.get(report, ())

    def may_decide(self, report: str) -> bool:
        names = self.assigned.get(report)
        return self.lead or not names or self.me in names

    def may_judge(self) -> bool:
        return self.lead

    def may_remove(self) -> bool:
        """Whether reports may be taken out of the project here: on a shared one, the lead's (the server
        refuses a reviewer's removal, and the window then lost the report from its list)."""
        return self.lead

    def may_set_library(self) -> bool:
        """Whether the project's 往年报告库 may be set here: on a shared one, the lead's. It pairs every
        reviewer's reports, and a path on one reviewer's computer means nothing on the others' (any
        reviewer could change it for the whole team: found by a helper session)."""
        return self.lead


Review = tuple[dict[str, dict[str, ItemDecision]], dict[str, ReportVerdict]]  # decisions by report, verdicts


def merge_review(decisions: Mapping[str, Mapping[str, ItemDecision]], verdicts: Mapping[str, ReportVerdict],
                 mine: Iterable[ItemDecision], mine_verdicts: Iterable[ReportVerdict]) -> Review:
    """The decisions and verdicts as read, except where a word known here (``mine``) is as late or later."""
    out_d = {k: dict(v) for k, v in decisions.items()}
    out_v = dict(verdicts)
    for d in mine:
        old = out_d.get(d.report, {}).get(d.item)
        if old is None or d.time >= old.time:
            out_d.setdefault(d.report, {})[d.item] = d
    for v in mine_verdicts:
        if (old_v := out_v.get(v.report)) is None or v.time >= old_v.time:
            out_v[v.report] = v
    return out_d, out_v


def same_review(a: Review, b: Review) -> bool:
    """Whether two reads hold the same decisions and verdicts (a report without any counts as absent)."""
    return {k: v for k, v in a[0].items() if v} == {k: v for k, v in b[0].items() if v} and a[1] == b[1]
