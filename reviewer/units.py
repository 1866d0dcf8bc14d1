"""The issuing unit of a report and its administrative level.

A unit name is a place and an organ (昆山市 + 人民政府, 南京市江宁区 + 市场监督管理局); the words
for both, and the level rules, are data in ``resources/outline/levels.toml``; the places' levels
come from the division table (:mod:`reviewer.divisions`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

from reviewer.divisions import level_rules, place_level
from reviewer.frame import last_token
from reviewer.lines import BLANKS
from reviewer.model import Level

_YEAR = re.compile(r"(?:19|20)\d\d\s*年|[〇零一二][〇零一二三四五六七八九]{3}\s*年")
_YEAR_DIGITS = r"(?:(?:19|20)\d\d|[〇二][〇一二三四五六七八九]{3})"
_VERBS = (
    r"(?:坚持|深入|全面|认真|紧紧|始终|严格|在|以|高度|按照|围绕|紧扣|聚焦|持续|牢固|积极|大力|扎实|切实|不断"
    r"|法治政府建设|法治建设|依法行政|推进|贯彻|落实)"
)
# A superior body named in passing is never the reporter: 在区委、区政府的领导下 / 在市委的指导下.
_UNDER = re.compile(r"在[^。；;！？\n]{0,40}?(?:领导|指导|监督|支持|帮助|关心|关怀|部署)下")

@dataclass(frozen=True, slots=True)
class _Words:
    organs: tuple[str, ...]  # every organ word, longest first
    places: tuple[str, ...]  # every place suffix, longest first
    generic: re.Pattern[str]  # names that name no particular unit
    needs_place: tuple[str, ...]  # government and party organs, 办公室
    not_a_name: re.Pattern[str]  # words that never occur inside a unit's name


@lru_cache(maxsize=1)
def _words() -> _Words:
    rules = level_rules()
    organs = sorted({w for ws in rules["organs"].values() for w in ws}, key=len, reverse=True)
    places = sorted({w for ws in rules["place_suffixes"].values() for w in ws}, key=len, reverse=True)
    gen = rules["generic"]
    generic = re.compile(
        "^(?:" + "|".join(map(re.escape, gen["places"])) + ")(?![（(])"
        "|^(?:" + "|".join(map(re.escape, gen["prefixes"])) + ")"
    )
    needs = (*rules["organs"]["government"], "党委", "党工委", "办公室")
    not_a_name = re.compile("|".join(map(re.escape, gen["not_in_names"])))
    return _Words(tuple(organs), tuple(places), generic, needs, not_a_name)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], tuple[re.Pattern[str], ...]]:
    """(unit-shape check, name at the end, opening-sentence patterns)."""
    w = _words()
    suffix = "(?:" + "|".join(map(re.escape, w.organs + w.places)) + ")"
    name = r"[\u4e00-\u9fff（）()]{1,24}?" + suffix
    body = (
        # 现将庆隆镇2020年度法治政府建设情况报告如下
        re.compile(r"现将(" + name + r")(?:关于)?\s*" + _YEAR_DIGITS + r"\s*年"),
        # …，虹桥街道深入学习… / 2022年，某某区法治政府建设工作… / 某某局在区政府的正确领导下…
        re.compile(r"(?:^|[，,。；;：:])\s*(" + name + r")(?=" + _VERBS + ")", re.M),
    )
    return re.compile(r"^[\u4e00-\u9fff（）() ]{2,40}$"), re.compile(suffix + "$"), body


def _clean(u: str) -> str | None:
    shape, ends, _ = _patterns()
    u = u.strip(BLANKS + ",，:：|｜").removeprefix("关于")
    if not shape.match(u) or _words().generic.match(u) or not ends.search(u) or not _has_place(u):
        return None
    return u


def _has_place(u: str) -> bool:
    """A government or party organ needs a place before it (人民政府办公室, 党委政府 name no unit)."""
    last = last_token(u).removeprefix("中共")
    if not last.endswith(_words().needs_place):
        return True  # a place itself (津南区, 塘沽街道) or a body that may be national (自然资源部)
    return any(p in last[:-2] for p in _words().places)


def unit_from_title(title: str) -> str | None:
    """The unit a title names before 关于 / the year / 法治 (``津南区人民政府关于…`` → 津南区人民政府)."""
    flat = title.replace("\n", "")
    if m := _YEAR.match(flat.lstrip(BLANKS)):
        flat = flat.lstrip(BLANKS)[m.end() :].removeprefix("度")  # 2023年某某县法治政府建设情况报告
    for cut in (flat.find("关于"), (m.start() if (m := _YEAR.search(flat)) else -1), flat.find("法治")):
        if cut > 0:
            return _clean(flat[:cut])
    return None


def self_name(opening: str) -> str | None:
    """How the opening paragraph names the reporter (``2021年,自然资源部坚持…``), generic names included.

    A generic name (我厅, 县人民政府) is no unit, but still tells the level. Superior bodies named
    in passing (在市委、市政府的领导下) are skipped; the first name that is not a clause wins.
    """
    text = _UNDER.sub("在下", opening)  # keep 在: "某某局在区政府的领导下" still reads as a name + verb
    for pat in _patterns()[2]:
        for m in pat.finditer(text):
            if not _words().not_a_name.search(m.group(1)):
                return m.group(1)
    return None


def named_unit(name: str) -> str | None:
    """``name`` cleaned when it really names a unit, None for generic or malformed names."""
    return _clean(name)


def unit_level(unit: str) -> Level:
    """Level of a named unit; for a joint 党委+政府 name the government (last name) decides."""
    rules = level_rules()["organs"]
    last = last_token(unit)
    party = last.startswith("中共")
    last = last.removeprefix("中共")
    if last.endswith(tuple(rules["agency"])):
        return "other"
    for organ in sorted(rules["government"], key=len, reverse=True):
        if last.endswith(organ) and len(last) > len(organ):
            return place_level(last[: -len(organ)])
    for organ in rules["party"]:
        core = last.removesuffix(organ)
        if core != last and (party or organ in ("党委", "党工委") or _is_place(core)):
            return place_level(core)
    if last.endswith(tuple(rules["department"])):
        return "department"
    return place_level(last)


def _is_place(core: str) -> bool:
    """Whether ``core`` (the part before 委) is a place: 泰州市委 is a party committee, 卫健委 is not."""
    return core.endswith(_words().places)


def level_from_text(text: str) -> Level:
    """Level from the words a report uses for itself (我局, 县人民政府 …); "other" when unclear."""
    refs = level_rules()["self_reference"]
    text = _UNDER.sub("在下", text)
    counts = {level: sum(text.count(w) for w in words) for level, words in refs.items()}
    best = max(counts.values(), default=0)
    winners = [lvl for lvl, n in counts.items() if n == best]
    if best == 0 or len(winners) > 1:
        return "other"
    level = winners[0]
    return cast(Level, level) if level in ("province", "city", "county", "department", "town", "street") else "other"
