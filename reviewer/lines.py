"""Physical lines of a report and the web-page chrome among them (clutter and page metadata).

The patterns live in ``resources/outline/lines.toml`` so a site with other furniture can be
covered by editing data, not code.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from reviewer.fastpickle import fast_init
from reviewer.resources import resource_path

# Every Unicode space (full-width and no-break spaces show up as indentation in pasted pages),
# plus the BOM and zero-width space that str.isspace() does not count.
BLANKS = "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + "\ufeff\u200b"
BULLETS = "•·●▪◆■"
# A markdown list bullet, as a page's menu saved as text gives it (- 设为首页). Not one of ``BULLETS``:
# a short "- xxx" line may be report text (- 全年办理案件59件), so it is not page metadata for that.
_MD_BULLET = re.compile(r"^[-*]\s*")

ChromeKind = Literal["clutter", "metadata"]


@fast_init
@dataclass(frozen=True, slots=True)
class RawLine:
    """One physical line: ``[start, end)`` excludes the newline; ``text`` is stripped of blanks."""

    index: int
    start: int
    end: int
    text: str
    lead: int = 0  # blanks before ``text``: it starts at ``start + lead``

    @property
    def text_start(self) -> int:
        return self.start + self.lead


@dataclass(frozen=True, slots=True)
class ChromeRules:
    metadata: re.Pattern[str]  # the file's patterns as one alternation: one search, not twenty
    clutter: re.Pattern[str]
    max_len: int
    bullet_max_len: int


def split_lines(text: str) -> list[RawLine]:
    """Every line of ``text`` (blank ones included, with empty ``text``), in order."""
    out: list[RawLine] = []
    pos = 0
    for i, raw in enumerate(text.split("\n")):
        stripped = raw.strip(BLANKS)
        lead = len(raw) - len(raw.lstrip(BLANKS)) if stripped else 0
        out.append(RawLine(i, pos, pos + len(raw), stripped, lead))
        pos += len(raw) + 1
    return out


@lru_cache(maxsize=1)
def chrome_rules() -> ChromeRules:
    """The clutter/metadata patterns, read once from the resource file."""
    with resource_path("outline", "lines.toml").open("rb") as fh:
        data = tomllib.load(fh)
    return ChromeRules(
        metadata=re.compile("|".join(f"(?:{p})" for p in data["metadata"])),
        clutter=re.compile("|".join(f"(?:{p})" for p in data["clutter"])),
        max_len=int(data["max_len"]),
        bullet_max_len=int(data["bullet_max_len"]),
    )


def _menu_entry(item: str, r: ChromeRules) -> bool:
    """A list item that is a page's menu entry (设为首页, 分享到 :): short, no figure, and clutter by
    the rules; a longer one (- 分享先进经验, - 纠错整改问题12个) is the report's own list."""
    return len(item) <= _MENU_MAX and not any(c.isdigit() for c in item) and bool(r.clutter.search(item))


_MENU_MAX = 5


def chrome_kind(line: str, rules: ChromeRules | None = None) -> ChromeKind | None:
    """Whether a stripped line is page clutter, page metadata, or neither (``None``)."""
    r = rules or chrome_rules()
    if not line or len(line) > r.max_len:
        return None
    core = line.lstrip(BULLETS + BLANKS)
    if r.metadata.search(core):
        return "metadata"
    if r.clutter.search(core) or (_MD_BULLET.match(core) and _menu_entry(_MD_BULLET.sub("", core, count=1), r)):
        return "clutter"
    if core != line and len(line) <= r.bullet_max_len:
        # A short "  • xxx" line is a page field whose label the copy lost.
        return "metadata"
    return None
