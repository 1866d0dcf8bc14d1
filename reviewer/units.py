"""The issuing unit of a report and its administrative level."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache

from reviewer.frame import last_token
from reviewer.lines import BLANKS
from reviewer.model import Level
from reviewer.resources import resource_path

_YEAR = re.compile(r"(?:19|20)\d\d\s*年|[〇零一二][〇零一二三四五六七八九]{3}\s*年")
_SUFFIX = r"(?:人民政府|政府|办事处|办公室|管委会|委员会|中心|街道|街|镇|乡|局|厅|部|委|办|署|市|区|县|旗|州)"
_NAME = r"[\u4e00-\u9fff]{1,20}?" + _SUFFIX
_VERBS = r"(?:坚持|深入|全面|认真|紧紧|始终|严格|在|以|高度|按照|围绕|紧扣|聚焦|持续|牢固|积极|大力|扎实|切实|不断)"
# "现将庆隆镇2020年度法治政府建设情况报告如下" / ",虹桥街道深入学习…" (a clause opening with the unit).
_BODY = (
    re.compile(r"现将(" + _NAME + r")(?:关于)?\s*(?:(?:19|20)\d\d|[〇二][〇一二三四五六七八九]{3})\s*年"),
    re.compile(r"(?:^|[，,。；;：:]\s*)(" + _NAME + r")(?=" + _VERBS + ")", re.M),
)
# A bare "县人民政府", "市市场监管局", "省交通运输厅", "我厅" does not name the unit.
_GENERIC = re.compile(r"^(?:省|市|县|区|镇|乡|街道|我|本|全|该)")
_UNIT_SHAPE = re.compile(r"^[\u4e00-\u9fff（）() ]{2,40}$")
_PARTY_COMMITTEE = re.compile(r"(?:省|市|区|县|州|镇|乡)委$")




@lru_cache(maxsize=1)
def _level_data() -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    with resource_path("outline", "levels.toml").open("rb") as fh:
        data = tomllib.load(fh)
    refs = {k: tuple(v) for k, v in data["self_reference"].items()}
    return refs, tuple(data["municipalities"]["names"])


def _clean(u: str) -> str | None:
    u = u.strip(BLANKS + ",，:：|｜").removeprefix("关于")
    if not _UNIT_SHAPE.match(u) or _GENERIC.match(u) or not re.search(_SUFFIX + "$", u):
        return None
    return u


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

    A generic name (我厅, 县人民政府) is no unit, but still tells the level.
    """
    for pat in _BODY:
        if m := pat.search(opening):
            return m.group(1)
    return None


def named_unit(name: str) -> str | None:
    """``name`` cleaned when it really names a unit, None for generic or malformed names."""
    return _clean(name)


def unit_level(unit: str) -> Level:
    """Level of a named unit; for a joint 党委+政府 name the government (last name) decides."""
    last = last_token(unit).removeprefix("中共")
    if last.endswith(("管委会", "管理委员会")):
        return "other"  # a 开发区/园区 committee is sent out by a government: neither a level nor a department
    if re.search(r"(?:局|厅|部|办公室|办|署|中心)$", last):
        return "department"
    if last.endswith("委") and not _PARTY_COMMITTEE.search(last):
        return "department"
    if last.endswith("委员会") and not unit.startswith("中共"):
        return "department"
    core = last
    for suffix in ("办事处", "人民政府", "政府", "委员会", "党工委", "党委", "委"):
        core = core.removesuffix(suffix)
    return _admin_level(core)


def _admin_level(core: str) -> Level:
    _, municipalities = _level_data()
    if core.endswith(("街道", "街")):
        return "street"
    if core.endswith(("镇", "乡")):
        return "town"
    if core.endswith(("省", "自治区")) or core in municipalities:
        return "province"
    if core.endswith(("区", "县", "旗")):
        return "county"
    if core.endswith(("市", "州", "盟")):
        return "city"
    return "other"


def level_from_text(text: str) -> Level:
    """Level from the words a report uses for itself (我局, 县人民政府 …); "other" when unclear."""
    refs, _ = _level_data()
    counts = {level: sum(text.count(w) for w in words) for level, words in refs.items()}
    best = max(counts.values(), default=0)
    winners = [lvl for lvl, n in counts.items() if n == best]
    if best == 0 or len(winners) > 1:
        return "other"
    level = winners[0]
    return level if level in ("province", "city", "county", "department", "town", "street") else "other"  # type: ignore[return-value]
