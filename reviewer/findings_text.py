"""Findings read off the wording: garbled dates, misquoted regulation titles, rates changed in %.

Each function takes the text and the spans to leave alone (the 落款, which ``meta`` checks) and
returns findings in text order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from functools import lru_cache

from reviewer.messages import msg
from reviewer.model import Finding
from reviewer.resources import resource_path

Span = tuple[int, int]

# A year range whose dash was lost: "20212025年", "(20152020)".
_RANGE = re.compile(r"((?:19|20)\d\d)((?:19|20)\d\d)(?=年|[)）])")
# A date that lost its 月: "每年41日前", "2022年31日".
_NO_MONTH = re.compile(r"年(\d{2,3})日")  # after 4 digits or one of _YEAR_WORDS
_YEAR_WORDS = "每当同次今明上本"
# A document number that lost its closing bracket: "〔202018号".
_DOCNO = re.compile(r"[〔\[［【]((?:19|20)\d\d)(\d{1,4})号")
# A document number that lost its opening bracket: "政发2021〕5号".
_DOCNO_OPEN = re.compile(r"((?:19|20)\d\d)[〕\]］】](\d{1,4})号")  # not after an opening bracket
# A full date, checked for an impossible month or day.
_FULL_DATE = re.compile(r"((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日")
_RATE_CHANGE = re.compile(r"同比(?:上升|下降|提高|提升|增长|增加|降低|减少|下滑)了?\s*\d+(?:\.\d+)?\s*[%％]")
_RATE_BEFORE = re.compile(r"[\u4e00-\u9fff]{0,6}率[^，。；;,\n]{0,8}?\d+(?:\.\d+)?\s*[%％][^。；;\n]{0,6}$")


def not_after(text: str, matches: Iterable[re.Match[str]], chars: str = "") -> Iterator[re.Match[str]]:
    """The matches whose preceding character is neither a decimal digit nor one of ``chars``.

    Checked here rather than by a leading lookbehind: sre drops its fast search for the first
    character when a pattern starts with one, which made each scan of a report ~5x slower.
    A rejected match hides no accepted one, as none of these patterns can start inside itself.
    """
    for m in matches:
        s = m.start()
        if s == 0 or not (text[s - 1].isdecimal() or text[s - 1] in chars):
            yield m


def _ends_year(text: str, at: int) -> bool:
    """Whether the 年 at ``at`` ends a year: four digits or a word such as 每 before it."""
    return (at >= 1 and text[at - 1] in _YEAR_WORDS) or (at >= 4 and text[at - 4 : at].isdecimal())


def _outside(start: int, skip: Sequence[Span]) -> bool:
    return not any(s <= start < e for s, e in skip)


def garbled_dates(text: str, skip: Sequence[Span] = ()) -> list[Finding]:
    """Year ranges, dates and document numbers that lost a separator."""
    out: list[Finding] = []
    for m in not_after(text, _RANGE.finditer(text)):
        a, b = int(m.group(1)), int(m.group(2))
        if 0 < b - a <= 20 and _outside(m.start(), skip):
            note = msg("garbled.range", text=m.group(0), a=a, b=b)
            out.append(Finding("garbled_date", "warning", note, m.start(), m.end()))
    for m in _NO_MONTH.finditer(text):
        digits = m.group(1)
        if _ends_year(text, m.start()) and _outside(m.start(1), skip):
            if len(digits) == 2:
                note = msg("garbled.no_month_guess", digits=digits, month=digits[0], day=digits[1:])
            else:
                note = msg("garbled.no_month", digits=digits)
            out.append(Finding("garbled_date", "warning", note, m.start(1), m.end()))
    for m in _DOCNO.finditer(text):
        if _outside(m.start(), skip):
            note = msg("garbled.docno_close", text=m.group(0), year=m.group(1), n=m.group(2))
            out.append(Finding("garbled_date", "warning", note, m.start(), m.end()))
    out += _broken_numbers(text, skip)
    return sorted(out, key=lambda f: f.start)


def _broken_numbers(text: str, skip: Sequence[Span]) -> list[Finding]:
    out: list[Finding] = []
    for m in not_after(text, _DOCNO_OPEN.finditer(text), "〔[［【"):
        if _outside(m.start(), skip):
            note = msg("garbled.docno_open", text=m.group(0))
            out.append(Finding("garbled_date", "warning", note, m.start(), m.end()))
    for m in not_after(text, _FULL_DATE.finditer(text)):
        y, mo, d = (int(g) for g in m.groups())
        try:
            date(y, mo, d)
        except ValueError:
            if _outside(m.start(), skip):
                note = msg("garbled.impossible", text=m.group(0))
                out.append(Finding("garbled_date", "warning", note, m.start(), m.end()))
    return out


def rate_changes_in_percent(text: str) -> list[Finding]:
    """A rate followed by its change in % (同比上升0.55%): a rate's change is in 个百分点."""
    out: list[Finding] = []
    for m in _RATE_CHANGE.finditer(text):
        before = text[max(0, m.start() - 30) : m.start()]
        r = _RATE_BEFORE.search(before)
        if r is None:
            continue
        start = _clause_start(text, m.start() - len(before) + r.start())
        note = msg("rate.percent", text=text[start : m.end()])
        out.append(Finding("rate_change_in_percent", "info", note, start, m.end()))
    return out


_CLAUSE_END = re.compile(r"[，。；;,:：、\n（(]")


def _clause_start(text: str, start: int, reach: int = 24) -> int:
    """Where the clause holding ``start`` begins, if near: the quote sent to the unit began inside a word
    (责人出庭应诉率99.19%, from 负责人: found by a helper session)."""
    head = text[max(0, start - reach) : start]
    ends = list(_CLAUSE_END.finditer(head))
    if ends:
        return start - len(head) + ends[-1].end()
    return 0 if start <= reach else start  # the text's own start is a clause's


# ---- regulation titles ----

_CITED = re.compile(r"《([^《》\n]{2,60})》")
_DASHES = re.compile(r"[\s\u3000\xa0\-—–－―‐~～至]+")
_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,10}?(?:省|自治区|市|区|县|旗|州|盟|镇|乡|街道)")
_DOC_TYPE = re.compile(r"(规定|条例|纲要|规划|办法|意见|通知|决定|方案|细则|法|规则|制度|清单)(?:\([^()]*\))?$")


def normalise_title(title: str) -> str:
    """Comparable form: ASCII brackets, no dashes/spaces, no 中华人民共和国, no 年 in a year range."""
    t = title.replace("（", "(").replace("）", ")").replace("〈", "<").replace("〉", ">")
    t = _DASHES.sub("", t)
    t = re.sub(r"(\d{8})年\)", r"\1)", t)
    return t.removeprefix("中华人民共和国")


@lru_cache(maxsize=4)
def canonical_titles(path: str | None = None) -> tuple[str, ...]:
    """Titles from ``resources/regulations.txt`` (or ``path``): one a line, ``#`` comments."""
    p = resource_path("regulations.txt") if path is None else path
    with open(p, encoding="utf-8") as fh:
        lines = (ln.strip().strip("《》") for ln in fh)
        return tuple(ln for ln in lines if ln and not ln.startswith("#"))


def _distance(a: str, b: str, bound: int) -> int:
    """Levenshtein distance, or ``bound + 1`` once it is known to exceed ``bound``."""
    if abs(len(a) - len(b)) > bound:
        return bound + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > bound:
            return bound + 1
        prev = cur
    return prev[-1]


def _doc_type(t: str) -> str | None:
    m = _DOC_TYPE.search(t)
    return m.group(1) if m else None


@lru_cache(maxsize=8)
def _prepared(canon: tuple[str, ...]) -> tuple[tuple[str, str, str | None, frozenset[str]], ...]:
    """(title, normalised, document type, characters) of each canonical title, worked out once."""
    out = []
    for title in canon:
        n = normalise_title(title)
        out.append((title, n, _doc_type(n), frozenset(n)))
    return tuple(out)


def closest_canonical(cited: str, canon: Sequence[str]) -> str | None:
    """The canonical title ``cited`` misquotes, or None when it is exact, a short form or another document."""
    return _closest(cited, tuple(canon))


@lru_cache(maxsize=4096)
def _closest(cited: str, canon: tuple[str, ...]) -> str | None:
    # Cached: the same few dozen titles are cited in report after report.
    c = normalise_title(cited)
    if _PLACE.match(c):
        return None  # a local document: its own title is not in the national list
    c_type, c_chars = _doc_type(c), set(c)
    best: tuple[int, str] | None = None
    for title, n, n_type, n_chars in _prepared(canon):
        if c == n or c in n or n in c:
            return None
        if c_type != n_type:
            continue
        bound = max(2, len(n) // 8)
        if len(c_chars & n_chars) < 0.7 * len(n_chars):
            continue
        d = _distance(c, n, bound)
        if d <= bound and (best is None or d < best[0]):
            best = (d, title)
    return best[1] if best else None


def misquoted_regulations(text: str, canon: Sequence[str] | None = None) -> list[Finding]:
    """Every 《…》 close to, but not equal to, a canonical title."""
    titles = canonical_titles() if canon is None else tuple(canon)
    out: list[Finding] = []
    for m in _CITED.finditer(text):
        hit = closest_canonical(m.group(1), titles)
        if hit is not None:
            note = msg("misquoted", cited=m.group(1), canonical=hit)
            out.append(Finding("misquoted_regulation", "warning", note, m.start(), m.end()))
    return out
