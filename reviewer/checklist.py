"""Checklist as data (TOML) and its evaluation.

A checklist file holds ``[checklist]`` (name) and ``[[item]]`` tables. Every item names a ``rule``
that ``reviewer.checklist_rules`` knows how to evaluate; nothing about a particular item lives in
Python. ``load_checklist`` validates the whole file up front — every rule, group, part, finding
kind, topic and field name against the vocabulary — and raises ``ChecklistError`` with a message
(Chinese or English) naming the file, the line, the item, the unknown name and the closest valid ones.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from reviewer.checklist_fields import ChecklistError, Fields, SourceLines
from reviewer.messages import msg, os_reason
from reviewer.model import PART_IDS, CheckResult, Finding, Metric, Outline, PartResult, ReportMeta
from reviewer.resources import resource_path
from reviewer.vocab import FINDING_KIND, GROUP, META_FIELD, SEVERITY, Lang

__all__ = ["Checklist", "ChecklistError", "ChecklistItem", "evaluate", "load_checklist", "parse_checklist", "score"]

GROUPS = GROUP.codes
SEVERITIES = SEVERITY.codes
RULES = ("part", "keywords", "absent", "metrics", "findings_absent", "meta", "deadline", "metric_density", "length")
META_FIELDS = META_FIELD.codes
# Names of earlier versions, read as today's so that a province's older checklist still loads.
ALIASES = {"unit": "issuer", "unit_mismatch": "issuer_mismatch"}
ITEM_KEYS = frozenset({
    "id", "group", "name", "name_en", "description", "source", "severity", "rule", "part", "optional",
    "keywords", "patterns", "topics", "kinds", "fields", "min_hits", "min_count", "chars_per_metric",
    "min_chars", "max_chars", "deadline", "missing_note", "missing_note_en", "description_en", "applies_to_years",
})
_MMDD = re.compile(r"(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    """One item. Rule parameters unused by ``rule`` keep their empty defaults."""

    id: str
    group: str
    name: str
    description: str
    source: str
    severity: str
    rule: str
    part: str | None = None
    optional: bool = False
    keywords: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    min_hits: int = 1
    min_count: int = 0
    chars_per_metric: int = 0
    min_chars: int = 0
    max_chars: int = 0
    deadline: str = "04-01"
    missing_note: str = ""  # the note when the item is missing, in the checklist's own words
    applies_to_years: tuple[int, int] | None = None
    name_en: str = ""
    missing_note_en: str = ""
    description_en: str = ""

    def describe(self, lang: Lang = "zh") -> str:
        """What the item requires, in ``lang`` where the checklist says it (else in its own words)."""
        return self.description_en if lang == "en" and self.description_en else self.description


@dataclass(frozen=True, slots=True)
class Checklist:
    name: str
    version: str  # content hash of the file, so caches keyed on it go stale when it changes
    items: tuple[ChecklistItem, ...] = ()
    data: bytes = field(default=b"", repr=False, compare=False)  # the file as read, kept with a project
    name_en: str = ""

    def label(self, lang: Lang = "zh") -> str:
        """The checklist's name in ``lang`` where it gives one."""
        return self.name_en if lang == "en" and self.name_en else self.name


def default_checklist_path() -> Path:
    return resource_path("checklists", "default.toml")


def load_checklist(path: str | Path | None = None) -> Checklist:
    """Read and validate a checklist file (the bundled default when ``path`` is None)."""
    p = Path(path) if path is not None else default_checklist_path()
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ChecklistError(msg("checklist.unreadable", name=p.name, reason=os_reason(exc))) from exc
    return parse_checklist(data, p.name)


def parse_checklist(data: bytes, label: str = "核查清单") -> Checklist:
    """Validate checklist TOML bytes; ``label`` names the file in error messages."""
    try:
        text = data.decode("utf-8-sig")
        doc = tomllib.loads(text)
    except UnicodeDecodeError as exc:
        raise ChecklistError(msg("checklist.not_utf8", name=label)) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ChecklistError(msg("checklist.toml", name=label, error=str(exc))) from exc
    head = doc.get("checklist", {})
    name = head.get("name", label) if isinstance(head, dict) else label
    name_en = head.get("name_en", "") if isinstance(head, dict) else ""
    raw_items = doc.get("item")
    if not isinstance(raw_items, list) or not raw_items:
        raise ChecklistError(msg("checklist.no_items", name=label))
    source = SourceLines(text)
    items: list[ChecklistItem] = []
    seen: set[str] = set()
    parts: set[str] = set()  # one item judges each part: its decision is the part's (review.parts_judged)
    for i, raw in enumerate(raw_items, 1):
        item = _parse_item(raw, i, label, source)
        if item.id in seen:
            raise ChecklistError(msg("checklist.duplicate_id", name=label, line=_line(source, i, "id"), item=item.id))
        if item.rule == "part" and item.part in parts:
            raise ChecklistError(msg("checklist.part_twice", name=label, line=_line(source, i, "part"),
                                     part=str(item.part)))
        seen.add(item.id)
        parts |= {item.part} if item.rule == "part" and item.part else set()
        items.append(item)
    version = hashlib.sha256(data).hexdigest()[:16]
    return Checklist(name=str(name), version=version, items=tuple(items), data=data, name_en=str(name_en))


def _line(source: SourceLines, index: int, key: str) -> int | str:
    line = source.line_of(index, key)
    return line if line is not None else "?"


@cache
def _topic_names() -> frozenset[str]:
    """Topic names from the resource file (read directly: no need for the keyword tables here)."""
    data = tomllib.loads(resource_path("metrics", "topics.toml").read_text(encoding="utf-8"))
    return frozenset(entry["name"] for entry in data["topic"])


def _parse_item(raw: object, index: int, label: str, source: SourceLines) -> ChecklistItem:
    if not isinstance(raw, dict):
        raise ChecklistError(msg("checklist.not_table", name=label, index=index))
    f = Fields(raw, label, index, source)
    f.check_keys(ITEM_KEYS)
    rule = f.choice("rule", RULES, "rule")
    part = f.text("part", required=False) or None
    if part is not None and part not in PART_IDS:
        raise f.unknown("part", part, PART_IDS, "part")
    item = ChecklistItem(
        id=f.text("id"),
        group=f.choice("group", GROUPS, "group"),
        name=f.text("name"),
        description=f.text("description", required=False),
        source=f.text("source", required=False),
        severity=f.choice("severity", SEVERITIES, "severity", default="warning"),
        rule=rule,
        part=part,
        optional=bool(raw.get("optional", False)),
        keywords=f.regexes("keywords"),
        patterns=f.regexes("patterns"),
        topics=f.names("topics", _topic_names(), "topic"),
        kinds=f.names("kinds", FINDING_KIND.codes, "kind", ALIASES),
        fields=f.names("fields", META_FIELDS, "field", ALIASES),
        min_hits=f.integer("min_hits", 1),
        min_count=f.integer("min_count", 0),
        chars_per_metric=f.integer("chars_per_metric", 0),
        min_chars=f.integer("min_chars", 0),
        max_chars=f.integer("max_chars", 0),
        deadline=f.text("deadline", required=False, default="04-01"),
        missing_note=f.text("missing_note", required=False),
        applies_to_years=f.years(),
        name_en=f.text("name_en", required=False),
        missing_note_en=f.text("missing_note_en", required=False),
        description_en=f.text("description_en", required=False),
    )
    _check_rule_params(item, f)
    return item


def _check_rule_params(item: ChecklistItem, f: Fields) -> None:
    """Each rule needs its own parameters; say which one is missing."""
    if item.rule == "part" and not item.part:
        raise f.fail("part", msg("checklist.needs_part"))
    if item.rule == "keywords" and not item.keywords:
        raise f.fail("keywords", msg("checklist.needs_keywords"))
    if item.rule == "absent" and not item.patterns:
        raise f.fail("patterns", msg("checklist.needs_patterns"))
    if item.rule == "metrics" and not (item.topics or item.patterns):
        raise f.fail("topics", msg("checklist.needs_topics"))
    if item.rule == "findings_absent" and not item.kinds:
        raise f.fail("kinds", msg("checklist.needs_kinds"))
    if item.rule == "meta" and not item.fields:
        raise f.fail("fields", msg("checklist.needs_fields", fields=" / ".join(META_FIELDS)))
    if item.rule == "deadline" and not _MMDD.fullmatch(item.deadline):
        raise f.fail("deadline", msg("checklist.bad_deadline", deadline=item.deadline))


def evaluate(
    checklist: Checklist,
    text: str,
    outline: Outline,
    meta: ReportMeta,
    parts: dict[str, PartResult],
    metrics: tuple[Metric, ...],
    findings: tuple[Finding, ...],
) -> tuple[CheckResult, ...]:
    """One ``CheckResult`` per checklist item, in checklist order."""
    from reviewer.checklist_rules import Context, evaluate_item

    ctx = Context(text=text, outline=outline, meta=meta, parts=parts, metrics=metrics, findings=findings)
    return tuple(evaluate_item(item, ctx) for item in checklist.items)


def score(statuses: Iterable[str]) -> tuple[float, int]:
    """(points, applicable items) of items' statuses: found counts 1, partial 0.5, missing 0;
    not_applicable is left out. ``review.score_judged`` gives it the statuses as the reviewer judged them."""
    judged = [s for s in statuses if s != "not_applicable"]
    points = sum(1.0 if s == "found" else 0.5 if s == "partial" else 0.0 for s in judged)
    return points, len(judged)


def describe(checklist: Checklist) -> dict[str, Any]:
    """Name and content hash, as an analysis records which checklist judged it."""
    return {"name": checklist.name, "version": checklist.version}
