"""Checked access to one ``[[item]]`` of a checklist file, with errors that point at the line.

A checklist is written by hand (a province writes its own), so a misspelled rule, finding kind,
topic or part name must stop the file from loading rather than make an item that silently
answers the same for every report. Each error names the file, the line, the item, the field,
the unknown name and the closest valid names, in either language (``reviewer.messages_checklist``).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Sequence
from typing import Any

from reviewer.messages import Message, MessageError, msg

_ITEM_HEADER = re.compile(r"^\s*\[\[\s*item\s*\]\]")
_TABLE_HEADER = re.compile(r"^\s*\[")


class ChecklistError(MessageError, ValueError):
    """A checklist file that cannot be used: ``message.render(lang)`` says why, ``str(err)`` in Chinese."""


def closest(name: str, valid: Collection[str], n: int = 3) -> tuple[str, ...]:
    """The closest valid names, quoted (a message joins them in its language), or all of them when few
    and none is close."""
    near = difflib.get_close_matches(name, list(valid), n=n, cutoff=0.5)
    shown = near or (sorted(valid) if len(valid) <= 8 else [])
    return tuple(f"“{v}”" for v in shown)


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
        self.ident: str | Message = ident if isinstance(ident, str) else msg("checklist.no_id")

    def where(self, key: str | None = None) -> Message:
        line = self.source.line_of(self.index, key)
        if line is None:
            return msg("checklist.where", name=self.label, index=self.index, item=self.ident)
        return msg("checklist.where_line", name=self.label, line=line, index=self.index, item=self.ident)

    def fail(self, key: str, problem: Message) -> ChecklistError:
        return ChecklistError(msg("checklist.field", where=self.where(key), key=key, problem=problem))

    def unknown(self, key: str, name: str, valid: Collection[str], what: str) -> ChecklistError:
        """``what``: the kind of name, ``checklist.what.*`` (rule, part, group…)."""
        kind = msg(f"checklist.what.{what}")
        if hint := closest(name, valid):
            return self.fail(key, msg("checklist.unknown_hint", what=kind, name=name, hint=hint))
        return self.fail(key, msg("checklist.unknown", what=kind, name=name))

    def check_keys(self, known: Collection[str]) -> None:
        """A misspelled key (``kind`` for ``kinds``) would be ignored: refuse it instead."""
        for key in self.raw:
            if key not in known:
                if hint := closest(key, known):
                    raise ChecklistError(msg("checklist.unknown_key_hint", where=self.where(key), key=key, hint=hint))
                raise ChecklistError(msg("checklist.unknown_key", where=self.where(key), key=key))

    def text(self, key: str, required: bool = True, default: str = "") -> str:
        v = self.raw.get(key)
        if v is None:
            if required:
                raise self.fail(key, msg("checklist.missing"))
            return default
        if not isinstance(v, str) or (required and not v.strip()):
            raise self.fail(key, msg("checklist.not_text"))
        return v

    def choice(self, key: str, allowed: Sequence[str], what: str, default: str | None = None) -> str:
        v = self.text(key, required=default is None, default=default or "")
        if v not in allowed:
            raise self.unknown(key, v, allowed, what)
        return v

    def strings(self, key: str) -> tuple[str, ...]:
        v = self.raw.get(key, [])
        if not isinstance(v, list) or not all(isinstance(s, str) and s for s in v):
            raise self.fail(key, msg("checklist.not_list"))
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
            raise self.fail(key, msg("checklist.not_count"))
        return v

    def regexes(self, key: str) -> tuple[str, ...]:
        pats = self.strings(key)
        for pat in pats:
            try:
                re.compile(pat)
            except re.error as exc:
                raise self.fail(key, msg("checklist.bad_regex", pattern=pat, error=str(exc))) from exc
        return pats

    def years(self) -> tuple[int, int] | None:
        v = self.raw.get("applies_to_years")
        if v is None:
            return None
        ok = isinstance(v, list) and len(v) == 2 and all(isinstance(y, int) and not isinstance(y, bool) for y in v)
        if not ok or v[0] > v[1]:
            raise self.fail("applies_to_years", msg("checklist.bad_years"))
        return (v[0], v[1])
