"""The core's vocabulary in the interface's language: every label the window shows for a code.

The words live in ``reviewer.vocab`` and ``reviewer.messages`` (shared with the workbook and the
command line); this module only knows which language the window speaks. That is chosen once at
start-up (``set_language``) and kept on the application object, as a language change needs a
restart anyway.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontMetrics

from reviewer.messages import Message
from reviewer.model import CheckResult
from reviewer.vocab import (
    CHECK_STATUS,
    DECISION,
    FINDING_KIND,
    GROUP,
    LEVEL,
    PART,
    REVIEW_STATUS,
    SEVERITY,
    VERDICT,
    Lang,
    as_lang,
)

__all__ = ["PART_ORDER", "REPORT_STATUSES"]

GROUP_ORDER = GROUP.codes
PART_ORDER = PART.codes
REPORT_STATUSES = REVIEW_STATUS.codes
_PROPERTY = "reviewer_language"


def set_language(language: str) -> None:
    """Record the interface language (``zh_CN`` / ``en``) for every label shown from now on."""
    app = QCoreApplication.instance()
    if app is not None:
        app.setProperty(_PROPERTY, as_lang(language))


def lang() -> Lang:
    app = QCoreApplication.instance()
    value = app.property(_PROPERTY) if app is not None else None
    return as_lang(value if isinstance(value, str) else None)


def group_name(group: str) -> str:
    return GROUP.label(group, lang())


def check_status_name(status: str) -> str:
    return CHECK_STATUS.label(status, lang())


def part_name(part: str) -> str:
    return PART.label(part, lang())


def decision_name(decision: str) -> str:
    return DECISION.label(decision, lang())


def status_name(status: str) -> str:
    """Where a report stands in the review (未审 / 审阅中 / 通过 / 需修改)."""
    return REVIEW_STATUS.label(status, lang())


def verdict_name(verdict: str) -> str:
    """The reviewer's verdict (通过 / 需修改 / 未下结论): its empty choice is not the status 未审, which
    a report with decisions but no verdict is not (found by a reviewer session)."""
    return VERDICT.label(verdict, lang())


def severity_name(severity: str) -> str:
    return SEVERITY.label(severity, lang())


def level_name(level: str) -> str:
    return LEVEL.label(level, lang())


def finding_name(kind: str) -> str:
    return FINDING_KIND.label(kind, lang())


def text(message: Message) -> str:
    """A finding's or a note's words in the interface language."""
    return message.render(lang())


def item_name(result: CheckResult) -> str:
    return result.label(lang())


def elided_report_label(fm: QFontMetrics, label: str, width: int) -> str:
    """A report's label (单位 · 年度) in ``width`` pixels: the end of the unit's name gives way, never
    the year nor the number after it (eliding in the middle made 津南区人民政府 · 2021 read 津南区…021)."""
    if fm.horizontalAdvance(label) <= width:
        return label
    m = _LABEL.match(label)  # a note after the year stays too (（已更改）), while the unit keeps a few characters
    if not m:  # a file's name
        return fm.elidedText(label, Qt.TextElideMode.ElideRight, width)
    year = label[m.start(2) - 3 : m.end(3) if m.group(3) else m.end(2)]
    for tail in (label[m.start(2) - 3 :], year):  # with the note, then without it (a tester saw only … · 2020（…）)
        room = width - fm.horizontalAdvance(tail)
        if room >= fm.horizontalAdvance(m.group(1)[:_UNIT_KEPT] + "…"):
            return fm.elidedText(m.group(1), Qt.TextElideMode.ElideRight, room) + tail
    return fm.elidedText(label, Qt.TextElideMode.ElideRight, width)


_UNIT_KEPT = 4  # characters of the unit's name a report's label keeps before its note


# 单位 · 年度, the number telling apart two of one unit and year (paths.report_names), a note after them.
_LABEL = re.compile(r"^(.*) · (\d{4})( \(\d+\))?(（[^（）]*）)?$")

