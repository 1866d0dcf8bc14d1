"""The review rules, once: where a report stands, how far its review is, its gaps and key figures.

The window (tree, badges, status bar, checklist header, 对比 grid), the workbook and the command
line all call these functions, so every count a reviewer sees is the same count everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from reviewer.checklist import Checklist, score
from reviewer.messages import Message, msg
from reviewer.model import Analysis, CheckResult, Finding, ItemDecision, ReportVerdict
from reviewer.vocab import CHECK_STATUS, DECISION, REQUIRED_PARTS, TONES, Lang, Tone

Decisions = Mapping[str, ItemDecision]
#: Statuses of a report whose review is finished.
FINISHED = ("通过", "需修改")


def in_force(decisions: Decisions) -> dict[str, ItemDecision]:
    """The decisions that stand. One carried over from an earlier version of the report (its file
    changed and was read again) waits for the reviewer to confirm it (待复核): until then it counts as
    no decision, in the window, the workbook and what is sent to the unit. An item left 未定 has
    nothing to confirm: its comment stands as it is shown."""
    return {k: d for k, d in decisions.items() if not is_to_recheck(d)}


def is_to_recheck(d: ItemDecision | None) -> bool:
    """A decision carried over from an earlier version of the report, to be confirmed; and a remark on an
    item left 未定, carried over likewise: it may be about what the unit has since put right, and it went
    to the unit unmarked (found by a helper session). An item carried over 未定 without a word has
    nothing to re-check."""
    return d is not None and d.stale and (d.decision != "未定" or bool(d.comment.strip()))


SENT_WITH = ("不符合", "未定")  # the decisions whose comment is the reviewer's word to the unit


def comment_sent(d: ItemDecision | None) -> bool:
    """Whether the reviewer's comment on an item goes to the unit (批注版, 审阅意见书): on 不符合, and on an
    item left 未定 (a remark in place of a judgment); not on 符合 or 不适用, where it is the reviewer's
    own note, kept in the project and the workbook; not on a decision waiting to be confirmed."""
    return d is not None and bool(d.comment.strip()) and d.decision in SENT_WITH and not is_to_recheck(d)


def note_goes_out(old: ItemDecision, decision: str) -> bool:
    """Whether deciding ``decision`` would send to the unit a comment written as the reviewer's own note
    (已核对原文第三段, under 符合): unticking the item sent it without a word (found by a helper session)."""
    return bool(old.comment.strip()) and old.decision not in SENT_WITH and decision in SENT_WITH


def remark_items(a: Analysis, decisions: Decisions) -> list[tuple[CheckResult, ItemDecision]]:
    """Items left 未定 with a comment, in checklist order: remarks sent to the unit."""
    return [(r, d) for r in a.checklist
            if (d := decisions.get(r.id)) is not None and d.decision == "未定" and comment_sent(d)]


def failed_items(a: Analysis, decisions: Decisions) -> list[tuple[CheckResult, ItemDecision]]:
    """Items of the report the reviewer marked 不符合, in checklist order (decisions in force: one made
    on an earlier version of the report, not yet confirmed, is not sent to the unit)."""
    return [(r, d) for r in a.checklist
            if (d := decisions.get(r.id)) is not None and d.decision == "不符合" and not is_to_recheck(d)]


def said(d: ItemDecision | None) -> bool:
    """Whether the reviewer gave a decision or a word on an item (one to re-check included)."""
    return d is not None and (d.decision != "未定" or bool(d.comment))


@dataclass(frozen=True, slots=True)
class PassWarnings:
    """What the reviewer is asked about before a report is passed (通过), each in checklist order."""

    undecided: tuple[CheckResult, ...]  # ``open_items``: not decided yet, or to re-check
    missing: tuple[CheckResult, ...]  # found missing by the program, without a word from the reviewer
    failed: tuple[CheckResult, ...]  # judged 不符合: a letter saying 通过 would still list them

    @property
    def clear(self) -> bool:
        """Nothing to ask: the verdict is given at once."""
        return not (self.undecided or self.missing or self.failed)


def pass_warnings(a: Analysis, decisions: Decisions) -> PassWarnings:
    """What stands against passing the report, for the question the window asks before 通过."""
    return PassWarnings(
        undecided=tuple(open_items(a, decisions)),
        missing=tuple(r for r in gap_items(a) if r.status == "missing" and not said(decisions.get(r.id))),
        failed=tuple(r for r, _d in failed_items(a, decisions)),
    )


def review_status(decisions: Decisions, verdict: ReportVerdict | None) -> str:
    """A code of ``vocab.REVIEW_STATUS``: 通过 / 需修改 once decided, else 审阅中 once anything was done."""
    if verdict is not None and verdict.verdict in FINISHED:
        return verdict.verdict
    started = any(d.decision != "未定" or d.comment for d in decisions.values())
    return "审阅中" if started or (verdict is not None and verdict.comment) else "未审"


@dataclass(frozen=True, slots=True)
class ReportReview:
    """Every count shown about one report."""

    sha256: str
    status: str  # vocab.REVIEW_STATUS
    decided: int  # checklist items with a decision other than 未定 (in force: see ``in_force``)
    items: int  # checklist items of the report
    missing: int  # items the program found missing
    partial: int  # items the program found partial
    failed: int  # items the reviewer marked 不符合
    parts_found: int  # required parts present (fully or partly), as the reviewer judged them (``parts_judged``)
    parts_partial: int  # of those, present only in part
    parts_required: int  # less those the reviewer found not applicable
    points: float  # checklist score as the reviewer judged it (``score_judged``): found 1, partial 0.5
    judged: int  # applicable items, less those the reviewer found not applicable
    findings: int
    reviewer: str  # who last changed the review ("" when nobody)
    time: str  # when (ISO 8601, "" when never)
    to_recheck: int = 0  # items decided on an earlier version of the report, to be confirmed (待复核)
    parts: tuple[tuple[str, str], ...] = ()  # each required part's status as judged (``parts_judged``)

    @property
    def gaps(self) -> int:
        """Items found missing or partial: the red badge."""
        return self.missing + self.partial

    @property
    def rate(self) -> float | None:
        """Share of the checklist satisfied (0..1), None when no item applies."""
        return self.points / self.judged if self.judged else None

    @property
    def finished(self) -> bool:
        return self.status in FINISHED


def parts_count(rv: ReportReview, lang: Lang = "zh") -> str:
    """The 必备部分 count where it is short: ``3/4（其中部分具备 2）``, as the letter counts them in full."""
    if rv.parts_partial:
        return msg("review.parts_count_partial", found=rv.parts_found, required=rv.parts_required,
                   partial_status="partial", partial=rv.parts_partial).render(lang)
    return msg("review.parts_count", found=rv.parts_found, required=rv.parts_required).render(lang)


def gap_counts(rv: ReportReview, lang: Lang = "zh") -> str:
    """程序判断缺失 N 项，部分具备 M 项: the program's gaps, worded once for the window and the command line."""
    return msg("review.gap_counts", missing_status="missing", missing=rv.missing, partial_status="partial",
               partial=rv.partial).render(lang)


def parts_judged(a: Analysis, decisions: Decisions) -> dict[str, str]:
    """Each required part's status (``found`` / ``partial`` / ``missing`` / ``failed``): the program's,
    unless the reviewer decided the part's checklist item (a decision in force). 符合 makes it found;
    不符合 makes a part the program found failed (there, but not as required: the unit is not told it
    lacks a part it wrote), and leaves one it did not find missing; 不适用 takes the part out of
    what is required. What the window, the workbook and the letter count
    (``ReportReview.parts_found``), as the letter's gaps leave out the items decided."""
    items = {r.part: r.id for r in a.checklist if r.part}
    out: dict[str, str] = {}
    for p in REQUIRED_PARTS:
        if p not in a.parts:
            continue
        d = decisions.get(items[p]) if p in items else None
        decided = d.decision if d is not None and not is_to_recheck(d) else "未定"
        found = a.parts[p].status
        if decided == "符合":
            out[p] = "found"
        elif decided == "不符合":
            out[p] = "missing" if found == "missing" else "failed"
        elif decided != "不适用":
            out[p] = found
    return out


# What a decision in force makes an item count as in the score: 符合 as found, 不符合 as missing,
# 不适用 out of it; 未定 (or no decision, or one waiting to be re-checked) leaves the program's status.
_DECIDED_STATUS = {"符合": "found", "不符合": "missing", "不适用": "not_applicable"}


def score_judged(a: Analysis, decisions: Decisions) -> tuple[float, int]:
    """(points, applicable items) of the checklist as the reviewer judged it, counted as 必备部分 is
    (``parts_judged``): the score stood beside the reviewer's parts count and said the program's
    (庐阳区 2020: 79% after the reviewer had set two parts 符合 and one 不适用; 27/32 = 84% as judged)."""
    statuses: list[str] = []
    for r in a.checklist:
        d = decisions.get(r.id)
        decided = d.decision if d is not None and not is_to_recheck(d) else "未定"
        statuses.append(_DECIDED_STATUS.get(decided, r.status))
    return score(statuses)


def last_change(decisions: Iterable[ItemDecision], verdicts: Iterable[ReportVerdict], named: bool = False
                ) -> tuple[str, str]:
    """(time, reviewer) of the latest decision or verdict; ``named``: of those that name a reviewer."""
    made = [(d.time, d.reviewer) for d in decisions] + [(v.time, v.reviewer) for v in verdicts]
    return max(((t, r.strip() if named else r) for t, r in made if not named or r.strip()), default=("", ""))


def summarize(a: Analysis, decisions: Decisions, verdict: ReportVerdict | None) -> ReportReview:
    points, judged = score_judged(a, decisions)
    parts = parts_judged(a, decisions)
    ids = {r.id for r in a.checklist}
    every = [d for item, d in decisions.items() if item in ids]
    mine = [d for d in every if not is_to_recheck(d)]
    last_time, last_reviewer = last_change(every, [verdict] if verdict else [])
    return ReportReview(
        sha256=a.sha256,
        status=review_status(decisions, verdict),
        decided=sum(1 for d in mine if d.decision != "未定"),
        items=len(a.checklist),
        missing=sum(1 for r in a.checklist if r.status == "missing"),
        partial=sum(1 for r in a.checklist if r.status == "partial"),
        failed=sum(1 for d in mine if d.decision == "不符合"),
        parts_found=sum(1 for s in parts.values() if s in ("found", "partial")),
        parts_partial=sum(1 for s in parts.values() if s == "partial"),
        parts_required=len(parts),
        points=points,
        judged=judged,
        findings=len(a.findings),
        reviewer=last_reviewer,
        time=last_time,
        to_recheck=sum(1 for d in every if is_to_recheck(d)),
        parts=tuple(parts.items()),
    )


def finished_count(reviews: Iterable[ReportReview]) -> tuple[int, int]:
    """(reports whose review is finished, reports): the status bar's 已审结 n/m."""
    return finished_of(r.status for r in reviews)


def finished_of(statuses: Iterable[str]) -> tuple[int, int]:
    """``finished_count`` from the reports' statuses alone (``review_status``: no counting of items)."""
    ss = list(statuses)
    return sum(1 for s in ss if s in FINISHED), len(ss)


def gap_items(a: Analysis) -> list[CheckResult]:
    """Items the program found missing or partial, in checklist order."""
    return [r for r in a.checklist if r.status in ("missing", "partial")]


def open_items(a: Analysis, decisions: Decisions) -> list[CheckResult]:
    """Items the reviewer has not decided yet (those to re-check among them)."""
    return [r for r in a.checklist if (d := decisions.get(r.id)) is None or d.decision == "未定" or is_to_recheck(d)]


@dataclass(frozen=True, slots=True)
class CellState:
    """One report × item cell of the grid and of the 核查矩阵 sheet: the same glyph and colour."""

    glyph: str
    tone: Tone
    auto: str  # the program's status code
    decision: str | None  # the reviewer's decision code, None when undecided
    recheck: str | None = None  # a decision made on an earlier version, to be confirmed (待复核)

    def label(self, lang: Lang = "zh") -> str:
        auto = CHECK_STATUS.label(self.auto, lang)
        if self.recheck:
            return f"{auto} · {recheck_label(self.recheck, lang)}"
        return f"{auto} · {DECISION.label(self.decision, lang)}" if self.decision else auto


def recheck_label(decision: str, lang: Lang = "zh") -> str:
    """A decision carried over from an earlier version of the report: 符合（待复核）."""
    return f"{DECISION.label(decision, lang)}{msg('review.to_recheck').render(lang)}"


def decision_label(decision: ItemDecision | None, lang: Lang = "zh") -> str:
    """What the reviewer decided for an item, as the workbook's detail sheet says it."""
    if decision is None:
        return DECISION.label("未定", lang)
    if is_to_recheck(decision):  # nothing to re-check in an item left undecided
        return recheck_label(decision.decision, lang)
    return DECISION.label(decision.decision, lang)


def cell_state(result: CheckResult | None, decision: ItemDecision | None) -> CellState:
    """The reviewer's decision wins (✓ ✗ ⊘); otherwise what the program found (● ◐ ○ —), also while
    a decision carried over from an earlier version waits to be confirmed."""
    auto = result.status if result is not None else "not_applicable"
    decided = decision.decision if decision is not None and decision.decision != "未定" else None
    if decided is not None and decision is not None and decision.stale:  # its glyph, in the colour of work to do
        return CellState(DECISION.glyph(decided), TONES["active"], auto, None, decided)
    if decided is not None:
        return CellState(DECISION.glyph(decided), DECISION.tone(decided), auto, decided)
    return CellState(CHECK_STATUS.glyph(auto), CHECK_STATUS.tone(auto), auto, None)


# An item column sorted puts what needs attention first: failed, missing, partial, then the rest.
_ATTENTION = {"不符合": 0, "missing": 1, "partial": 2, "found": 4, "符合": 5, "not_applicable": 6, "不适用": 7}


def cell_rank(state: CellState) -> int:
    """Where a cell sorts in its item column of the 对比 grid; a decision waiting to be confirmed sorts
    with the decisions it is (a carried ✗ among the ✗), a code from a newer version in the middle."""
    return _ATTENTION.get(state.decision or state.recheck or state.auto, 3)


@dataclass(frozen=True, slots=True)
class ItemColumn:
    id: str
    group: str
    name: str
    name_en: str = ""

    def label(self, lang: Lang = "zh") -> str:
        return self.name_en if lang == "en" and self.name_en else self.name


def item_columns(analyses: Sequence[Analysis], checklist: Checklist | None = None) -> list[ItemColumn]:
    """The grid's columns: checklist items in checklist order (first-seen order without a checklist)."""
    if checklist is not None and checklist.items:
        return [ItemColumn(i.id, i.group, i.name, i.name_en) for i in checklist.items]
    seen: dict[str, ItemColumn] = {}
    for a in analyses:
        for r in a.checklist:
            seen.setdefault(r.id, ItemColumn(r.id, r.group, r.name, r.name_en))
    return list(seen.values())


@dataclass(frozen=True, slots=True)
class FindingRow:
    """One row of the 问题 list: a finding, or a run of paragraphs copied from the same reports."""

    kind: str
    severity: str
    message: Message
    start: int
    end: int
    count: int = 1  # findings the row stands for


@dataclass(frozen=True, slots=True)
class FindingGroup:
    kind: str
    rows: tuple[FindingRow, ...]

    @property
    def count(self) -> int:
        return sum(r.count for r in self.rows)


_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def finding_groups(a: Analysis) -> list[FindingGroup]:
    """The findings grouped by kind (most severe kinds first), in text order within a kind; paragraphs
    copied in a row from the same other reports are one row, not one per paragraph."""
    by_kind: dict[str, list[Finding]] = {}
    for f in sorted(a.findings, key=lambda f: (f.start, f.end)):
        by_kind.setdefault(f.kind, []).append(f)
    groups = [FindingGroup(kind, tuple(_runs(a.text, fs))) for kind, fs in by_kind.items()]
    return sorted(groups, key=lambda g: (min(_SEVERITY_ORDER.get(r.severity, 3) for r in g.rows), g.kind))


def _runs(text: str, findings: list[Finding]) -> list[FindingRow]:
    rows: list[FindingRow] = []
    for f in findings:
        last = rows[-1] if rows else None
        adjacent = last is not None and not text[last.end : f.start].strip()
        if last is not None and adjacent and f.kind == "duplicate_across_reports" == last.kind:
            single = _single(last.message)
            if single == f.message:  # the next paragraph, copied from the same reports
                merged = msg("dup.across_run", n=last.count + 1, message=single)
                rows[-1] = FindingRow(f.kind, f.severity, merged, last.start, f.end, last.count + 1)
                continue
        rows.append(FindingRow(f.kind, f.severity, f.message, f.start, f.end))
    return rows


def _single(m: Message) -> Message:
    """The message of one copied paragraph, also inside a row that stands for a run of them."""
    inner = m.param("message") if m.id == "dup.across_run" else m
    return inner if isinstance(inner, Message) else m
