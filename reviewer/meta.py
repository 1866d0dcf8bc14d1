"""Report metadata: title, issuing unit, level, report year, signed and published dates."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reviewer.dates import parse_date
from reviewer.frame import last_token, signature_date, title_groups
from reviewer.lines import BLANKS, RawLine, split_lines
from reviewer.messages import msg
from reviewer.model import Finding, Outline, ReportMeta
from reviewer.pagemeta import published_date, publisher
from reviewer.units import level_from_text, named_unit, self_name, unit_from_title, unit_level

# A year not inside a range such as (2015-2020年).
_YEAR = r"(?<![-—–~至到\d])((?:19|20)\d\d|[〇零一二][〇零一二三四五六七八九]{3})\s*年(?![-—–~至到])"
_TITLE_YEAR = re.compile(_YEAR)
# A title over several years (关于2015-2020年度法治政府建设…的报告) reports up to its last year.
_TITLE_RANGE = re.compile(r"(?:19|20)\d\d\s*[-—–~至到]\s*((?:19|20)\d\d)\s*年")
# A title run into the text of a flattened document: 某某省人民政府关于2023年度法治政府建设情况的报告2023年，…
_GLUED_TITLE = re.compile(r"[\u4e00-\u9fff（）()]{2,30}?关于[^。，,\n]{0,30}?法治[^。，,\n]{0,20}?报告")
_REPORT_YEAR_BODY = (
    re.compile(r"现将[^。]{0,40}?" + _YEAR),
    re.compile(r"关于[^。]{0,20}?" + _YEAR + r"度?[^。]{0,20}法治"),
    # "2024年，我们将…" opens a plan for the next year, not the year reported on.
    re.compile(r"^\s*" + _YEAR + r"(?:度)?\s*[,，](?![^。]{0,12}将)", re.M),
    re.compile(_YEAR + r"度?[^。，,《]{0,20}法治政府建设"),
)
_TITLE_CELL = re.compile(r"标\s*题\s*[:：]?\s*[|｜]\s*([^|｜]+)")
_TITLE_TRAIL = " |｜" + BLANKS
_MIN_OPENING = 200
_HEAD_CHARS = 3000


def extract_meta(text: str, outline: Outline) -> ReportMeta:
    """Metadata of a report from its text and outline (line kinds must come from ``build_outline``)."""
    lines = split_lines(text)
    index_at = {ln.start: ln.index for ln in lines}
    kinds = {index_at[ln.start]: ln.kind for ln in outline.lines if ln.start in index_at}
    chrome = {i for i, k in kinds.items() if k in ("clutter", "metadata")}
    groups = title_groups(lines, chrome)
    title, title_span = _title(lines, groups)
    # Lines of a split title join with a space: 中共X县委 / X县人民政府 name two bodies.
    titles = [" ".join(lines[i].text for i in g).rstrip(_TITLE_TRAIL) for g in groups]
    titles += [m.group(1).strip() for i in sorted(chrome) for m in [_TITLE_CELL.search(lines[i].text)] if m]
    sig = [lines[i] for i, k in sorted(kinds.items()) if k == "signature"]
    # The opening paragraph names the reporter and the year; with headings at the very top there is
    # no opening, so read the beginning of the text instead.
    first_heading = outline.sections[0].start if outline.sections else len(text)
    opening = text[:first_heading] if first_heading > _MIN_OPENING else text[:_HEAD_CHARS]
    unit, name = _unit(titles, opening, publisher(lines, chrome), sig)
    level = unit_level(name) if name else level_from_text(text[: 2 * _HEAD_CHARS])
    signed, findings = _signed(sig)
    return ReportMeta(
        title=title,
        issuer=unit,
        level=level,
        report_year=_report_year(titles, outline, opening, text),
        signed_date=signed,
        published_date=published_date(lines, chrome, {i for i in chrome if kinds[i] == "metadata"}),
        title_span=title_span,
        signature_span=(sig[0].text_start, sig[-1].text_start + len(sig[-1].text)) if sig else None,
        findings=tuple(findings),
    )


def _title(lines: Sequence[RawLine], groups: list[list[int]]) -> tuple[str | None, tuple[int, int] | None]:
    if not groups:
        return None, None
    first = [lines[i] for i in groups[0]]
    parts = [ln.text for ln in first]
    parts[-1] = parts[-1].rstrip(_TITLE_TRAIL)
    return "\n".join(parts), (first[0].text_start, first[-1].text_start + len(parts[-1]))


def _unit(
    titles: Sequence[str], opening: str, published_by: str | None, sig: Sequence[RawLine]
) -> tuple[str | None, str | None]:
    """``(unit, name to take the level from)``; the name may be generic (我局) when the unit is unknown.

    In order of trust: the title, the opening sentence's name for the reporter, the page's
    发布机构, the 落款.
    """
    names = [u for t in titles if (u := unit_from_title(t))]
    if names:
        best = names[0]
        # The page title may shorten the name the document's own title gives (津南区 / 津南区人民政府).
        longer = [n for n in names[1:] if n.startswith(best) and len(n) > len(best)]
        unit = longer[0] if longer else best
        return unit, unit
    if (m := _GLUED_TITLE.search(opening)) and (u := unit_from_title(m.group(0))):
        return u, u
    name = self_name(opening)
    if name and (u := named_unit(name)):
        return u, u
    if published_by and (u := named_unit(published_by)):
        return u, u
    for ln in sig:
        date = signature_date(ln.text)
        head = ln.text[: len(ln.text) - len(date)].strip() if date else ln.text
        if head and (u := named_unit(last_token(head))):
            return u, u
    return (None, name) if name else (None, None)


def _report_year(titles: Sequence[str], outline: Outline, opening: str, text: str) -> int | None:
    for t in titles:
        if m := _TITLE_YEAR.search(t) or _TITLE_RANGE.search(t):
            return _year(m.group(1))
    for pat in _REPORT_YEAR_BODY:
        if m := pat.search(opening):
            return _year(m.group(1))
    if outline.sections and (m := _TITLE_YEAR.search(outline.sections[0].heading)):
        return _year(m.group(1))
    for pat in _REPORT_YEAR_BODY:
        if m := pat.search(text[: 2 * _HEAD_CHARS]):
            return _year(m.group(1))
    return None


def _year(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    digits = "".join(str("〇一二三四五六七八九".find(c)) if c != "零" else "0" for c in s)
    return int(digits) if digits.isdigit() else None


def _signed(sig: Sequence[RawLine]) -> tuple[str | None, list[Finding]]:
    for ln in sig:
        date = signature_date(ln.text)
        parsed = parse_date(date) if date else None
        if date is None or parsed is None:
            continue
        iso, garbled = parsed
        if not garbled:
            return iso, []
        start = ln.text_start + len(ln.text) - len(date)
        y, mo, d = iso.split("-")
        message = msg("garbled.signature", date=date, year=y, month=int(mo), day=int(d))
        return iso, [Finding("garbled_date", "warning", message, start, start + len(date))]
    return None, []
