"""What a report says beside its previous year's: copied text, figures that moved, last year's plans.

Built by :mod:`reviewer.lastyear` once a report has been paired with the report of the same unit
for the year before (:mod:`reviewer.pairing`). Every span is a ``[start, end)`` offset into the
text of the report it names: ``start``/``end`` into this year's text, ``previous_*`` into last
year's. Characters are counted after ``dedup.normalise`` (no whitespace or punctuation), so a
share does not depend on how a report was spaced or punctuated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from reviewer.fastpickle import fast_record
from reviewer.model import Finding

CopyLevel = Literal["paragraph", "sentence"]
PairedBy = Literal["auto", "reviewer"]
PromiseStatus = Literal["reported", "not_mentioned"]
JumpKind = Literal["up", "down", "over_100"]


@fast_record
@dataclass(frozen=True, slots=True)
class CopiedPassage:
    """A paragraph or sentence of this year's text that repeats one of last year's."""

    start: int
    end: int
    previous_start: int
    previous_end: int
    level: CopyLevel
    chars: int  # normalised characters of this year's passage


@fast_record
@dataclass(frozen=True, slots=True)
class CopiedShare:
    """How much of a text (the whole report or one part) repeats last year's, in normalised characters."""

    copied: int
    total: int

    @property
    def share(self) -> float | None:
        return self.copied / self.total if self.total else None


@fast_record
@dataclass(frozen=True, slots=True)
class FigureSide:
    """One year's figure: the metric's value, measure, text as written, span and sentence."""

    value: float
    text: str
    start: int
    end: int
    context: str


@fast_record
@dataclass(frozen=True, slots=True)
class FigurePair:
    """The same figure (topic, measure word and what it counts) last year and this year."""

    topic: str
    measure: str
    previous: FigureSide
    current: FigureSide
    jump: JumpKind | None = None  # set when the change is large and the report does not explain it

    @property
    def change(self) -> float:
        """This year minus last year (percentage points for a rate in %)."""
        return self.current.value - self.previous.value

    @property
    def change_percent(self) -> float | None:
        """The change relative to last year, in % (None when last year's figure is 0)."""
        if self.previous.value == 0:
            return None
        return 100 * self.change / self.previous.value


@fast_record
@dataclass(frozen=True, slots=True)
class PlanEntry:
    """An item of a report's own next-year plan, as the analysis reads it (``Analysis.plan``)."""

    key: str  # a hash of its normalised text: the same item has the same key in any version
    title: str  # its first clause, without its ordinal (一是 / （一）)
    start: int
    end: int
    terms: tuple[str, ...]  # the key words it is recognised by in next year's report


@fast_record
@dataclass(frozen=True, slots=True)
class PlanItem:
    """An item of last year's next-year plan, and where this year's report gives account of it."""

    key: str  # stable id of the item (a hash of its normalised text): reviewers' ticks refer to it
    title: str  # its first clause, without its ordinal (一是 / （一）)
    text: str  # the item as written last year
    previous_start: int
    previous_end: int
    status: PromiseStatus
    start: int | None  # the passage of this year's measures that reports it (None when not mentioned)
    end: int | None
    terms: tuple[str, ...]  # the item's key words that were looked for
    matched: tuple[str, ...]  # those found in the passage


@fast_record
@dataclass(frozen=True, slots=True)
class PreviousYear:
    """This report beside the report of the same unit for the year before."""

    file: str
    sha256: str
    issuer: str | None
    year: int | None
    paired_by: PairedBy
    copied: CopiedShare
    parts: dict[str, CopiedShare]  # part id → share, for the parts this year's report has
    passages: tuple[CopiedPassage, ...]
    figures: tuple[FigurePair, ...]
    plan: tuple[PlanItem, ...]
    # This report's "shared with another report" findings that only say what ``passages`` say (the
    # paragraph is last year's own): kept here, out of the findings, to come back if the pairing goes.
    absorbed: tuple[Finding, ...] = field(default=(), compare=False, repr=False)

    @property
    def reported(self) -> int:
        return sum(1 for p in self.plan if p.status == "reported")

    @property
    def jumps(self) -> int:
        return sum(1 for f in self.figures if f.jump is not None)
