"""The frame around a report's body: title lines at the top and the 落款 (signature) at the bottom.

Both work on :class:`reviewer.lines.RawLine` lists whose web chrome is already known, and return
line indices, so that :mod:`reviewer.outline` can classify lines and :mod:`reviewer.meta` can
read title, unit and signed date from them.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from reviewer.headings import match_marker
from reviewer.lines import RawLine

_TITLE_MAX = 80
# A title names the subject (法治/依法行政) and ends like a report name; 关于…的报告 also counts.
# A bracketed year may close the title: …情况报告（2023年度）.
_TITLE = re.compile(
    r"(法治|依法行政).*(报告|情况|总结|工作|汇报)\s*(?:[（(][^（）()]{0,12}[)）])?\s*[|｜]?$"
    r"|^关于.*(报告|情况)\s*[|｜]?$"
)
# The first half of a title split over two lines: a unit name, or a unit name ending with 关于.
_TITLE_HEAD = re.compile(
    r"^(中共)?[\u4e00-\u9fff（）() ]{2,40}(关于|人民政府|政府|委员会|党委|党工委|办事处|街道|镇|乡|局|厅|委|办公室|部)$"
)
# The first half of a title broken mid-phrase (…关于2023年度法治政府建设 / 工作的报告).
_TITLE_HALF = re.compile(r"(法治|依法行政).*(?:(?:19|20)\d\d|[〇二][〇一二三四五六七八九]{3})|关于.*(法治|依法行政)")
_TITLE_TAIL_MAX = 20
_SENTENCE = re.compile(r"[。；;！？]")
_YEAR_NOTE = re.compile(r"^[（(]\s*((?:19|20)\d\d|[〇二][〇一二三四五六七八九]{3})\s*年度?\s*[)）]$")

_DATE = re.compile(
    r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$"
    r"|^([〇零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日$"
    r"|^(20\d{4,6})$"
    r"|^(\d{4})\.(\d{1,2})\.(\d{1,2})$"
)
_DOTTED = re.compile(r"^\d{4}\.\d{1,2}\.\d{1,2}$")
_DATE_AT_END = re.compile(
    r"\s(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|[〇零一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,3}\s*月\s*[一二三四五六七八九十]{1,3}\s*日)$"
)
_FOOTNOTE = re.compile(r"^[（(](此件|此页|本件)[^）)]{0,20}[)）]$")
_SIGN_UNIT_MAX = 40
_SIGN_NOT = re.compile(r"[。，,；;：:！？]|特此报告|^此致|^敬礼")


def last_token(s: str) -> str:
    """The last whitespace-separated part of a non-empty stripped line (the government in 中共X委 X人民政府)."""
    parts = s.split()
    return parts[-1] if parts else s


def is_title_line(s: str) -> bool:
    """Whether a stripped line reads like (part of) a report title."""
    return len(s) <= _TITLE_MAX and not _SENTENCE.search(s) and bool(_TITLE.search(s)) and not match_marker(s)


def _is_body(s: str) -> bool:
    return len(s) > _TITLE_MAX or bool(_SENTENCE.search(s)) or match_marker(s) is not None


def title_groups(lines: Sequence[RawLine], chrome: Collection[int]) -> list[list[int]]:
    """Groups of line indices forming titles at the top, before the first body paragraph.

    A group is one title line, or up to two unit/关于 lines followed (blank lines allowed) by a title line.
    """
    groups: list[list[int]] = []
    pending: list[int] = []
    half: RawLine | None = None  # the line before, when it may be a title's first half
    prev = -1  # index of the previous non-blank, non-chrome line
    for ln in lines:
        if not ln.text:
            continue
        if ln.index in chrome:
            pending, half = [], None  # page metadata between unit lines and a title: not one title
            continue
        prev, cur = ln.index, prev
        s, first_half, half = ln.text, half, None
        if is_title_line(s):
            groups.append([*pending, ln.index])
            pending = []
        elif first_half and len(s) <= _TITLE_TAIL_MAX and is_title_line(first_half.text + s):
            groups.append([*pending, first_half.index, ln.index])
            pending = []
        elif groups and not pending and groups[-1][-1] == cur and _YEAR_NOTE.match(s):
            groups[-1].append(ln.index)  # （2023年度） on the line under the title
        elif _is_body(s):
            break
        elif _TITLE_HEAD.match(s) and len(s) <= _SIGN_UNIT_MAX:
            pending = [*pending, ln.index][-2:]  # 中共X县委 / X县人民政府 / 关于…的报告
        elif _TITLE_HALF.search(s):
            half = ln
        else:
            pending = []
    return groups


def date_line(s: str) -> bool:
    """Whether a stripped line is only a date (as written in a 落款, garbled digit runs included)."""
    return bool(_DATE.match(s))


def signature_date(s: str) -> str | None:
    """The date part of a 落款 line: the whole line, or the end of "某某县人民政府  2024年3月8日"."""
    if date_line(s):
        return s
    m = _DATE_AT_END.search(s)
    if m and (head := s[: m.start()].strip()) and _TITLE_HEAD.match(last_token(head)):
        return m.group(0).strip()
    return None


def signature_lines(lines: Sequence[RawLine], chrome: Collection[int], dotted_ok: bool = True) -> list[int]:
    """Indices of the 落款 block at the end: unit line(s) and/or the date line, in text order.

    A closing note such as （此件公开发布） after the date belongs to the block.
    """
    found: list[int] = []
    have_date = False
    dotted: int | None = None  # a 2023.2.28 date looks like a page date: it needs a unit line above it
    for ln in reversed(lines):
        if not ln.text:
            continue
        s = ln.text
        if ln.index in chrome:
            if found or not dotted_ok or not _DOTTED.match(s):
                continue
            dotted = ln.index
        if not found and _FOOTNOTE.match(s):
            found.append(ln.index)
            continue
        if not have_date and signature_date(s) is not None and len(found) <= 1:
            found.append(ln.index)
            have_date = True
            continue
        is_unit = len(s) <= _SIGN_UNIT_MAX and not _SIGN_NOT.search(s) and match_marker(s) is None
        if is_unit and len(found) < 4 and _TITLE_HEAD.match(last_token(s)):
            found.append(ln.index)
            continue
        break
    if found and not have_date and all(_FOOTNOTE.match(lines[i].text) for i in found):
        return []
    if dotted is not None and (dotted not in found or len(found) < 2):
        return signature_lines(lines, chrome, dotted_ok=False)  # it was a page date after all
    return sorted(found)


# A site's column or name above the page's headline (新闻中心, 政府文件): a few Chinese characters
# alone on a line before the first title, and not a unit's name, which may open the title.
_COLUMN = re.compile(r"^[\u4e00-\u9fff]{2,8}$")
# A page field alone on its line with its value on the next (来源: / 万古镇人民政府); not a row of
# fields whose last is empty (… 浏览次数:) above a salutation (省委、省政府:), which ends with a colon too.
_EMPTY_FIELD = re.compile(r"^\S{1,8}\s*[:：]$")
_FIELD_VALUE_MAX = 30
# Units _TITLE_HEAD does not name, which may stand above a title (某某市人民法院, 高新区管委会).
_UNIT_END = re.compile(r"(院|会|所|队|站|处|局|委|办|府|部|厅)$")


def above_title(lines: Sequence[RawLine], kinds: Collection[int], first_title: int) -> list[int]:
    """Site columns and names standing alone above the first title line (page chrome)."""
    return [ln.index for ln in lines[:first_title] if ln.text and ln.index not in kinds
            and _COLUMN.match(ln.text) and not _TITLE_HEAD.match(ln.text) and not _UNIT_END.search(ln.text)]


def field_values(lines: Sequence[RawLine], metadata: Collection[int], taken: Collection[int]) -> list[int]:
    """A unit's name or a date right under a page field left empty on its own line (``metadata``), not
    ``taken``; any other short line there may be the report's first words (坚持党的领导, a salutation)."""
    out: list[int] = []
    prev: RawLine | None = None
    for ln in lines:
        if not ln.text:
            continue
        if (prev is not None and prev.index in metadata and _EMPTY_FIELD.search(prev.text)
                and ln.index not in taken and len(ln.text) <= _FIELD_VALUE_MAX and not _is_body(ln.text)
                and not is_title_line(ln.text) and ln.text[-1] not in ":："
                and bool(_TITLE_HEAD.match(ln.text) or _UNIT_END.search(ln.text) or date_line(ln.text))):
            out.append(ln.index)
        prev = ln
    return out
