"""The data contract: frozen dataclasses that flow from the core to the CLI, store, export and UI.

Every span is a ``[start, end)`` offset in Python characters (code points) into
``Document.text``; the UI converts to UTF-16 at the Qt boundary.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING, Literal

from reviewer.fastpickle import fast_record
from reviewer.messages import Message
from reviewer.paths import printable, readable_name
from reviewer.vocab import LOAD_PROBLEM, Lang

if TYPE_CHECKING:
    from reviewer.lastyear_model import PlanEntry, PreviousYear

SCHEMA = "reviewer.analysis/2"

Level = Literal["province", "city", "county", "department", "town", "street", "other"]
PartId = Literal["measures", "shortcomings", "first_responsible", "next_year", "other"]
PART_IDS: tuple[PartId, ...] = ("measures", "shortcomings", "first_responsible", "next_year", "other")
PartStatus = Literal["found", "partial", "missing"]
PartHow = Literal["heading", "nested", "text"]
CheckStatus = Literal["found", "partial", "missing", "not_applicable"]
Severity = Literal["info", "warning", "error"]
LineKind = Literal["title", "clutter", "metadata", "heading", "body", "signature"]


@fast_record
@dataclass(frozen=True, slots=True)
class LineHint:
    """A structural hint from the source format (e.g. a Word heading style or list level)."""

    line: int  # 0-based line index in Document.text
    level: int  # outline level 1..4 suggested by the source
    label: str | None = None  # auto-numbering label recovered from the source, e.g. "一、"


@fast_record
@dataclass(frozen=True, slots=True)
class Document:
    """One loaded report: decoded text with '\\n' line endings and nothing else changed."""

    path: str
    text: str
    sha256: str
    format: str  # a name from reviewer.formats.registry, or "pdf+ocr" (a PDF partly read by OCR)
    encoding: str | None  # detected text encoding, None for binary containers
    size: int  # bytes on disk
    hints: tuple[LineHint, ...] = ()
    # Text read by OCR that the engine was unsure of: [start, end) offsets and its confidence (0..1).
    uncertain: tuple[tuple[int, int, float], ...] = ()


@fast_record
@dataclass(frozen=True, slots=True)
class LoadError:
    """A file that could not be loaded; ``message`` is Chinese, names the file and the problem."""

    path: str
    # empty | binary | undecodable | corrupt | encrypted | too_large | too_long (text) | bomb | vanished | unreadable
    # | unlisted (a folder that could not be listed) | special | unfinished (a download) | archive | photo_format (HEIC)
    # | truncated | unsupported | scanned | duplicate | mismatch (a container suffix over text bytes) | same_report (one
    # report sent as several files, see ``reviewer.samereport``)
    kind: str
    message: str

    @property
    def lost(self) -> bool:
        """Whether its report is missing from the review: not when the file is a copy of one opened, or
        the same report in another format (its report is there under the other file's name), or a
        project's report whose file changed (its kept version is there), or no report at all (a
        spreadsheet or slides sent with it)."""
        return not self.copy and self.kind not in ("changed", "not_report")

    @property
    def copy(self) -> bool:
        """Whether the file is a report opened already: the same bytes, or the same report in another file."""
        return self.kind in ("duplicate", "same_report")

    def reason(self, lang: Lang = "zh") -> str:
        """The problem, without the file's name: the message, or in English the kind of problem (the
        messages are worded in Chinese only). What the window and the workbook both say of it."""
        if lang == "en":
            return LOAD_PROBLEM.label(self.kind, "en")
        name = PurePath(self.path).name
        return printable(self.message.removeprefix(f"{name}："))

    def said(self, lang: Lang = "zh", name: str = "") -> str:
        """The file's name (or ``name``: one telling it from others of that name) and its problem."""
        if lang == "en":
            return f"{name or readable_name(self.path)}: {self.reason('en')}"
        own = PurePath(self.path).name
        if name and name != own and self.message.startswith(f"{own}："):
            return f"{name}：{self.reason()}"
        return printable(self.message)  # its file's name as the file system has it: one line, nothing acted on


@fast_record
@dataclass(frozen=True, slots=True)
class Line:
    """A classified non-blank line of the text."""

    kind: LineKind
    start: int
    end: int  # exclusive, before the '\n'


@fast_record
@dataclass(frozen=True, slots=True)
class Section:
    """A heading and everything under it up to the next heading of the same or a higher level."""

    id: str  # path of 1-based indices, e.g. "s1", "s1.2", "s1.2.3"
    level: int  # 1..4
    number: str | None  # the numeral as written ("一", "1", "①") or the inferred one
    heading: str  # the heading line as written (without the trailing newline)
    title: str  # heading text without its number; only the heading part when body text follows
    start: int  # start of the heading line
    end: int  # end of the section's text
    children: tuple[Section, ...] = ()


def walk_sections(sections: Sequence[Section]) -> Iterator[Section]:
    """Every section of a tree, parents before their children, in text order."""
    for s in sections:
        yield s
        yield from walk_sections(s.children)


def heading_length(s: Section) -> int:
    """Characters from ``s.start`` that form the heading: up to the end of its title when body
    text follows on the same line, the whole heading line otherwise."""
    at = s.heading.find(s.title) if s.title else -1
    return at + len(s.title) if at >= 0 else len(s.heading)


@fast_record
@dataclass(frozen=True, slots=True)
class Finding:
    kind: str  # a code of vocab.FINDING_KIND: duplicate_paragraph, garbled_date, misquoted_regulation ...
    severity: Severity
    message: Message  # says what is wrong, with the numbers and quotes it cites; render(lang) words it
    start: int
    end: int


@fast_record
@dataclass(frozen=True, slots=True)
class Outline:
    sections: tuple[Section, ...]
    lines: tuple[Line, ...]
    findings: tuple[Finding, ...] = ()


@fast_record
@dataclass(frozen=True, slots=True)
class ReportMeta:
    title: str | None
    issuer: str | None  # the issuing body (单位), e.g. 津南区人民政府
    level: Level
    report_year: int | None
    signed_date: str | None  # YYYY-MM-DD
    published_date: str | None  # YYYY-MM-DD
    title_span: tuple[int, int] | None = None
    signature_span: tuple[int, int] | None = None  # the 落款 block (unit line(s) and date)
    findings: tuple[Finding, ...] = ()

    @property
    def title_line(self) -> str | None:
        """The title as one line of running text: a title printed over two lines keeps its break in
        ``title`` (it is the report's own layout), which broke the letter's sentence 你单位报送的《…》 in
        two and the command line's 标题 line (a helper session). Latin words keep a space between them."""
        if self.title is None:
            return None
        out = ""
        for part in (p.strip() for p in self.title.splitlines()):
            if part:
                latin = out and out[-1].isascii() and out[-1].isalnum() and part[0].isascii() and part[0].isalnum()
                out += (" " if latin else "") + part
        return out


@fast_record
@dataclass(frozen=True, slots=True)
class PartResult:
    status: PartStatus
    how: PartHow | None
    section: str | None
    start: int | None
    end: int | None
    note: Message


@fast_record
@dataclass(frozen=True, slots=True)
class Metric:
    text: str  # exact substring text[start:end] holding number, unit and qualifier
    value: float
    measure: str  # the measure word (计量单位) as written: 件, 人次, %
    qualifier: str | None
    topic: str
    section: str | None
    start: int
    end: int
    context: str


@fast_record
@dataclass(frozen=True, slots=True)
class Evidence:
    section: str | None
    start: int
    end: int


@fast_record
@dataclass(frozen=True, slots=True)
class CheckResult:
    id: str
    group: str  # required_part | topic | metric | form
    name: str
    status: CheckStatus
    evidence: tuple[Evidence, ...]
    note: Message
    name_en: str = ""  # the item's English name from the checklist file ("" when it gives none)
    part: str = ""  # the required part a ``rule = "part"`` item checks ("" for any other item)

    def label(self, lang: str = "zh") -> str:
        return self.name_en if lang == "en" and self.name_en else self.name


@fast_record
@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the core says about one report; ``to_json`` gives the DESIGN.md schema."""

    file: str
    sha256: str
    encoding: str | None
    format: str
    meta: ReportMeta
    sections: tuple[Section, ...]
    lines: tuple[Line, ...]
    parts: dict[str, PartResult]
    metrics: tuple[Metric, ...]
    checklist: tuple[CheckResult, ...]
    findings: tuple[Finding, ...]
    text: str = field(repr=False, default="")
    checklist_name: str = ""  # the checklist this analysis was evaluated with
    checklist_version: str = ""  # that checklist's content hash
    uncertain: tuple[tuple[int, int, float], ...] = ()  # Document.uncertain: OCR characters to check
    plan: tuple[PlanEntry, ...] = ()  # the items of its next-year plan (reviewer.plan), for next year's report
    # This report beside last year's (reviewer.lastyear); like shared paragraphs it depends on other
    # reports, so it is added over the batch or project and never cached with the report's own analysis.
    previous_year: PreviousYear | None = None
    # Its "shared with another report" findings whose other report is the same unit's report of the next
    # year in the set, which copied them: that report's comparison says so; the earlier one did nothing
    # wrong. Kept out of the findings, to come back if the pairing goes (reviewer.lastyear).
    absorbed_by_next: tuple[Finding, ...] = field(default=(), compare=False, repr=False)


Decision = Literal["符合", "不符合", "不适用", "未定"]
DECISIONS: tuple[Decision, ...] = ("符合", "不符合", "不适用", "未定")
Verdict = Literal["通过", "需修改", "未审"]
VERDICTS: tuple[Verdict, ...] = ("通过", "需修改", "未审")


def not_earlier(new: str, old: str) -> bool:
    """Whether a decision made at ``new`` (ISO 8601) replaces one made at ``old``: the later one is
    current, whatever order they reach the project in (an outbox sends old changes late)."""
    from datetime import datetime

    try:
        a, b = datetime.fromisoformat(new), datetime.fromisoformat(old)
        if (a.tzinfo is None) == (b.tzinfo is None):
            return a >= b
    except ValueError:
        pass
    return new >= old


@fast_record
@dataclass(frozen=True, slots=True)
class ItemDecision:
    """A reviewer's decision on one checklist item of one report."""

    report: str  # sha256
    item: str  # checklist item id
    decision: Decision
    comment: str
    reviewer: str
    time: str  # ISO 8601
    stale: bool = False  # made on an earlier version of the report's content


@fast_record
@dataclass(frozen=True, slots=True)
class ReportVerdict:
    report: str
    verdict: Verdict
    comment: str
    reviewer: str
    time: str
