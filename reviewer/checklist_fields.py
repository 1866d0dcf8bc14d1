"""Checked access to one ``[[item]]`` of a checklist file, with errors that point at the line.

A checklist is written by hand (a province writes its own), so a misspelled rule, finding kind,
topic or part name must stop the file from loading rather than make an item that silently
answers the same for every report. Each error names the file, the line, the item, the field,
the unknown name and the closest valid names.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Sequence
from typing import Any

_ITEM_HEADER = re.compile(r"^\s*\[\[\s*item\s*\]\]")
_TABLE_HEADER = re.compile(r"^\s*\[")


class ChecklistError(ValueError):
    """A checklist file that cannot be used; ``str(err)`` is a Chinese message for the reviewer."""


def closest(name: str, valid: Collection[str], n: int = 3) -> str:
    """The closest valid names, quoted and joined, or all of them when few and none is close."""
    near = difflib.get_close_matches(name, list(valid), n=n, cutoff=0.5)
    shown = near or (sorted(valid) if len(valid) <= 8 else [])
    return "、".join(f"“{v}”" for v in shown)


class SourceLines:
    """Finds the line of an item's key in the file's text (tomllib gives no positions)."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.items = [i for i, ln in enumerate(self.lines) if _ITEM_HEADER.match(ln)]

    def line_of(self, item_index: int, key: str | None = None) -> int | None:
        """1-based line of ``key`` inside the ``item_index``-th (1-based) item, else of its header."""
        if not 0 < item_index <= len(self.items):
            return None
        start = self.items[item_index - 1]
        if key is None:
            return start + 1
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for i in range(start + 1, len(self.lines)):
            if _TABLE_HEADER.match(self.lines[i]):
                break
            if pattern.match(self.lines[i]):
                return i + 1
        return start + 1


class Fields:
    """Typed access to one raw item table, raising errors that name the file, line, item and field."""

    def __init__(self, raw: dict[str, Any], label: str, index: int, source: SourceLines) -> None:
        self.raw = raw
        self.label = label
        self.index = index
        self.source = source
        ident = raw.get("id")
        self.ident = ident if isinstance(ident, str) else "无编号"

    def where(self, key: str | None = None) -> str:
        line = self.source.line_of(self.index, key)
        at = f"第 {line} 行，" if line is not None else ""
        return f"核查清单 {self.label} {at}第 {self.index} 项（{self.ident}）"

    def fail(self, key: str, problem: str) -> ChecklistError:
        return ChecklistError(f"{self.where(key)} 字段 “{key}” {problem}")

    def unknown(self, key: str, name: str, valid: Collection[str], what: str) -> ChecklistError:
        hint = closest(name, valid)
        tail = f"；可用的{what}：{hint}" if hint else ""
        return self.fail(key, f"中的{what} “{name}” 不存在{tail}")

    def check_keys(self, known: Collection[str]) -> None:
        """A misspelled key (``kind`` for ``kinds``) would be ignored: refuse it instead."""
        for key in self.raw:
            if key not in known:
                hint = closest(key, known)
                tail = f"；是否应为 {hint}？" if hint else ""
                raise ChecklistError(f"{self.where(key)} 有未知的字段 “{key}”{tail}")

    def text(self, key: str, required: bool = True, default: str = "") -> str:
        v = self.raw.get(key)
        if v is None:
            if required:
                raise self.fail(key, "缺失")
            return default
        if not isinstance(v, str) or (required and not v.strip()):
            raise self.fail(key, "应为非空文字")
        return v

    def choice(self, key: str, allowed: Sequence[str], what: str, default: str | None = None) -> str:
        v = self.text(key, required=default is None, default=default or "")
        if v not in allowed:
            raise self.unknown(key, v, allowed, what)
        return v

    def strings(self, key: str) -> tuple[str, ...]:
        v = self.raw.get(key, [])
        if not isinstance(v, list) or not all(isinstance(s, str) and s for s in v):
            raise self.fail(key, "应为文字列表")
        return tuple(v)

    def names(self, key: str, valid: Collection[str], what: str, aliases: dict[str, str] | None = None
              ) -> tuple[str, ...]:
        """A list of names, each one of ``valid`` (an old name in ``aliases`` is read as its new one)."""
        out = []
        for name in self.strings(key):
            name = (aliases or {}).get(name, name)
            if name not in valid:
                raise self.unknown(key, name, valid, what)
            out.append(name)
        return tuple(out)

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
