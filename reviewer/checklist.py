"""Checklist as data (TOML) and its evaluation.

A checklist file holds ``[checklist]`` (name) and ``[[item]]`` tables. Every item names a ``rule``
that ``reviewer.checklist_rules`` knows how to evaluate; nothing about a particular item lives in
Python. ``load_checklist`` validates the whole file up front and raises ``ChecklistError`` with a
Chinese message naming the item and the field at fault.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer.model import PART_IDS, CheckResult, Finding, Metric, Outline, PartResult, ReportMeta
from reviewer.resources import resource_path

GROUPS = ("required_part", "topic", "metric", "form")
SEVERITIES = ("info", "warning", "error")
RULES = ("part", "keywords", "absent", "metrics", "findings_absent", "meta", "deadline", "metric_density", "length")
META_FIELDS = ("title", "issuer", "report_year", "signed_date", "published_date", "signature")
_MMDD = re.compile(r"(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")


class ChecklistError(ValueError):
    """A checklist file that cannot be used; ``str(err)`` is a Chinese message for the reviewer."""


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


@dataclass(frozen=True, slots=True)
class Checklist:
    name: str
    version: str  # content hash of the file, so caches keyed on it go stale when it changes
    items: tuple[ChecklistItem, ...] = ()


def default_checklist_path() -> Path:
    return resource_path("checklists", "default.toml")


def load_checklist(path: str | Path | None = None) -> Checklist:
    """Read and validate a checklist file (the bundled default when ``path`` is None)."""
    p = Path(path) if path is not None else default_checklist_path()
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ChecklistError(f"无法读取核查清单 {p.name}：{exc.strerror or exc}") from exc
    return parse_checklist(data, p.name)


def parse_checklist(data: bytes, label: str = "核查清单") -> Checklist:
    """Validate checklist TOML bytes; ``label`` names the file in error messages."""
    try:
        doc = tomllib.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ChecklistError(f"核查清单 {label} 不是 UTF-8 编码的文本") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ChecklistError(f"核查清单 {label} 格式错误（TOML）：{exc}") from exc
    head = doc.get("checklist", {})
    name = head.get("name", label) if isinstance(head, dict) else label
    raw_items = doc.get("item")
    if not isinstance(raw_items, list) or not raw_items:
        raise ChecklistError(f"核查清单 {label} 中没有任何 [[item]] 条目")
    items: list[ChecklistItem] = []
    seen: set[str] = set()
    for i, raw in enumerate(raw_items, 1):
        item = _parse_item(raw, i, label)
        if item.id in seen:
            raise ChecklistError(f"核查清单 {label} 第 {i} 项：编号 “{item.id}” 重复")
        seen.add(item.id)
        items.append(item)
    version = hashlib.sha256(data).hexdigest()[:16]
    return Checklist(name=str(name), version=version, items=tuple(items))


class _Fields:
    """Typed access to one raw item table, raising errors that name the item and field."""

    def __init__(self, raw: dict[str, Any], where: str) -> None:
        self.raw = raw
        self.where = where

    def fail(self, key: str, problem: str) -> ChecklistError:
        return ChecklistError(f"{self.where} 字段 “{key}” {problem}")

    def text(self, key: str, required: bool = True, default: str = "") -> str:
        v = self.raw.get(key)
        if v is None:
            if required:
                raise self.fail(key, "缺失")
            return default
        if not isinstance(v, str) or (required and not v.strip()):
            raise self.fail(key, "应为非空文字")
        return v

    def choice(self, key: str, allowed: tuple[str, ...], default: str | None = None) -> str:
        v = self.text(key, required=default is None, default=default or "")
        if v not in allowed:
            raise self.fail(key, f"取值 “{v}” 无效，应为 {' / '.join(allowed)} 之一")
        return v

    def strings(self, key: str) -> tuple[str, ...]:
        v = self.raw.get(key, [])
        if not isinstance(v, list) or not all(isinstance(s, str) and s for s in v):
            raise self.fail(key, "应为文字列表")
        return tuple(v)

    def integer(self, key: str, default: int) -> int:
        v = self.raw.get(key, default)
        if not isinstance(v, int) or isinstance(v, bool) or v < 0:
            raise self.fail(key, "应为非负整数")
        return v

    def regexes(self, key: str) -> tuple[str, ...]:
        pats = self.strings(key)
        for pat in pats:
            try:
                re.compile(pat)
            except re.error as exc:
                raise self.fail(key, f"中的正则表达式 “{pat}” 无效：{exc}") from exc
        return pats

    def years(self) -> tuple[int, int] | None:
        v = self.raw.get("applies_to_years")
        if v is None:
            return None
        ok = isinstance(v, list) and len(v) == 2 and all(isinstance(y, int) and not isinstance(y, bool) for y in v)
        if not ok or v[0] > v[1]:
            raise self.fail("applies_to_years", "应为 [起始年, 截止年] 两个整数")
        return (v[0], v[1])


def _parse_item(raw: object, index: int, label: str) -> ChecklistItem:
    if not isinstance(raw, dict):
        raise ChecklistError(f"核查清单 {label} 第 {index} 项不是表格（[[item]]）")
    ident = raw.get("id")
    where = f"核查清单 {label} 第 {index} 项（{ident if isinstance(ident, str) else '无编号'}）"
    f = _Fields(raw, where)
    rule = f.choice("rule", RULES)
    item = ChecklistItem(
        id=f.text("id"),
        group=f.choice("group", GROUPS),
        name=f.text("name"),
        description=f.text("description", required=False),
        source=f.text("source", required=False),
        severity=f.choice("severity", SEVERITIES, default="warning"),
        rule=rule,
        part=f.text("part", required=False) or None,
        optional=bool(raw.get("optional", False)),
        keywords=f.regexes("keywords"),
        patterns=f.regexes("patterns"),
        topics=f.strings("topics"),
        kinds=f.strings("kinds"),
        fields=f.strings("fields"),
        min_hits=f.integer("min_hits", 1),
        min_count=f.integer("min_count", 0),
        chars_per_metric=f.integer("chars_per_metric", 0),
        min_chars=f.integer("min_chars", 0),
        max_chars=f.integer("max_chars", 0),
        deadline=f.text("deadline", required=False, default="04-01"),
        missing_note=f.text("missing_note", required=False),
        applies_to_years=f.years(),
    )
    _check_rule_params(item, f)
    return item


def _check_rule_params(item: ChecklistItem, f: _Fields) -> None:
    """Each rule needs its own parameters; say which one is missing."""
    if item.part is not None and item.part not in PART_IDS:
        raise f.fail("part", f"取值 “{item.part}” 无效，应为 {' / '.join(PART_IDS)} 之一")
    if item.rule == "part" and not item.part:
        raise f.fail("part", '缺失（rule = "part" 需要指明部分编号）')
    if item.rule == "keywords" and not item.keywords:
        raise f.fail("keywords", '缺失（rule = "keywords" 需要关键词列表）')
    if item.rule == "absent" and not item.patterns:
        raise f.fail("patterns", '缺失（rule = "absent" 需要不应出现的写法列表）')
    if item.rule == "metrics" and not (item.topics or item.patterns):
        raise f.fail("topics", '缺失（rule = "metrics" 需要 topics 或 patterns）')
    if item.rule == "findings_absent" and not item.kinds:
        raise f.fail("kinds", '缺失（rule = "findings_absent" 需要问题类型列表）')
    if item.rule == "meta":
        bad = [x for x in item.fields if x not in META_FIELDS]
        if not item.fields or bad:
            raise f.fail("fields", f"应为 {' / '.join(META_FIELDS)} 中的一项或多项")
    if item.rule == "deadline" and not _MMDD.fullmatch(item.deadline):
        raise f.fail("deadline", f"“{item.deadline}” 不是 MM-DD 格式的日期")


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


def score(results: tuple[CheckResult, ...] | list[CheckResult]) -> tuple[float, int]:
    """(points, applicable items): found counts 1, partial 0.5, missing 0; not_applicable is left out."""
    judged = [r for r in results if r.status != "not_applicable"]
    points = sum(1.0 if r.status == "found" else 0.5 if r.status == "partial" else 0.0 for r in judged)
    return points, len(judged)
