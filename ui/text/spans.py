"""What the text view marks, as sorted Qt-position spans built from one ``Analysis``."""

from __future__ import annotations

import zlib
from bisect import bisect_right
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QCoreApplication

from reviewer.model import Analysis, Section, heading_length, walk_sections
from reviewer.paths import readable_name
from reviewer.topics import topic_label
from reviewer.vocab import BRACKETS, QUALIFIER
from ui.labels import lang, severity_name, text
from ui.spans import Utf16Index

MarkKind = Literal["heading", "metric", "finding", "dim", "uncertain", "copied"]

# Light backgrounds that keep black text readable; a topic always gets the same one.
TOPIC_COLOURS = (
    "#ffe8a3", "#c8e6c9", "#bbdefb", "#f8bbd0", "#d1c4e9", "#ffccbc", "#b2ebf2", "#dcedc8", "#f0f4c3", "#cfd8dc",
)


# Text that repeats last year's report: an ink of its own (the pastel backgrounds are the topics').
COPIED_INK = "#7b2fa8"


def topic_colour(topic: str) -> str:
    return TOPIC_COLOURS[zlib.crc32(topic.encode("utf-8")) % len(TOPIC_COLOURS)]


@dataclass(frozen=True, slots=True)
class Mark:
    """A span in Qt (UTF-16) positions with what to draw and the tooltip to show."""

    start: int
    end: int
    kind: MarkKind
    level: int = 0  # heading level
    colour: str = ""
    tip: str = ""


def _tr(text: str) -> str:
    return QCoreApplication.translate("marks", text)


def section_label(s: Section) -> str:
    """The heading as written, cut after its title when body text follows on the same line."""
    return s.heading[: heading_length(s)].strip()


def _value_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def build_marks(a: Analysis, index: Utf16Index) -> list[Mark]:
    """Every mark of one analysis, sorted by start; all positions already in UTF-16."""
    marks: list[Mark] = []
    for ln in a.lines:
        if ln.kind in ("clutter", "metadata"):
            marks.append(Mark(*index.span_to_qt(ln.start, ln.end), "dim"))
    for s in walk_sections(a.sections):
        end = s.start + heading_length(s)
        marks.append(Mark(*index.span_to_qt(s.start, end), "heading", level=s.level))
    for m in a.metrics:
        tip = _tr("{value} {unit}{qual}\n主题：{topic}").format(
            value=_value_text(m.value),
            unit=m.measure,
            qual=BRACKETS[lang()].format(QUALIFIER.label(m.qualifier, lang())) if m.qualifier else "",
            topic=topic_label(m.topic, lang()),
        )
        marks.append(Mark(*index.span_to_qt(m.start, m.end), "metric", colour=topic_colour(m.topic), tip=tip))
    for f in a.findings:
        tip = f"{severity_name(f.severity)}：{text(f.message)}"
        marks.append(Mark(*index.span_to_qt(f.start, max(f.end, f.start + 1)), "finding", tip=tip))
    marks += _copied(a, index)
    for start, end, confidence in a.uncertain:  # characters OCR was unsure of: check them on the page
        tip = _tr("文字识别（OCR）不确定：置信度 {p}%，请对照原件核对").format(p=round(confidence * 100))
        marks.append(Mark(*index.span_to_qt(start, end), "uncertain", tip=tip))
    marks.sort(key=lambda k: (k.start, k.end))
    return marks


def _copied(a: Analysis, index: Utf16Index) -> list[Mark]:
    """Passages that repeat last year's report (a paragraph, or a sentence of a rewritten one)."""
    py = a.previous_year
    if py is None:
        return []
    name = readable_name(py.file)
    tips = {"paragraph": _tr("与上一年度报告（{f}）中的段落相同或高度相似").format(f=name),
            "sentence": _tr("与上一年度报告（{f}）中的句子相同或高度相似").format(f=name)}
    return [Mark(*index.span_to_qt(p.start, p.end), "copied", tip=tips[p.level]) for p in py.passages]


class MarkIndex:
    """Finds the marks overlapping a range quickly (marks sorted by start)."""

    def __init__(self, marks: list[Mark]) -> None:
        self.marks = marks
        self._starts = [m.start for m in marks]
        longest = max((m.end - m.start for m in marks), default=0)
        self._reach = longest

    def overlapping(self, start: int, end: int) -> list[Mark]:
        lo = bisect_right(self._starts, start - self._reach - 1)
        hi = bisect_right(self._starts, end)
        return [m for m in self.marks[lo:hi] if m.end > start and m.start < end]

    def tip_at(self, pos: int) -> str:
        tips = [m.tip for m in self.overlapping(pos, pos + 1) if m.tip]
        return "\n".join(tips)
