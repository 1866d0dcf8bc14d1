"""A hand-made ``Analysis`` with every kind of mark, and an astral character before a metric."""

from __future__ import annotations

from reviewer.messages import custom as note
from reviewer.messages import msg
from reviewer.model import (
    Analysis,
    CheckResult,
    Evidence,
    Finding,
    Line,
    Metric,
    PartResult,
    ReportMeta,
    Section,
)

LINES = [
    "首页 > 政务公开",  # clutter
    "某区2023年法治政府建设情况报告",  # title
    "一、主要举措和成效",
    "（一）行政复议",
    "𠮷全年办理行政复议案件59件，纠错率12.5%。",
    "（二）行政执法",
    "执法人员持证率达到100%，培训3200余人次。",
    "二、下一年度工作安排",
    "继续推进。" * 40,
    "某区人民政府",
]
TEXT = "\n".join(LINES) + "\n"


def at(fragment: str, after: int = 0) -> int:
    return TEXT.index(fragment, after)


def _line(i: int) -> tuple[int, int]:
    start = sum(len(x) + 1 for x in LINES[:i])
    return start, start + len(LINES[i])


def _section(sid: str, level: int, number: str, line: int, end: int, children: tuple[Section, ...] = ()) -> Section:
    start = _line(line)[0]
    heading = LINES[line]
    return Section(sid, level, number, heading, heading.lstrip("一二（）、"), start, end, children)


def _metric(fragment: str, value: float, unit: str, topic: str, section: str, qualifier: str | None = None) -> Metric:
    start = at(fragment)
    return Metric(fragment, value, unit, qualifier, topic, section, start, start + len(fragment), fragment)


def make_analysis(sha: str = "a" * 64, issuer: str = "某区人民政府", year: int = 2023) -> Analysis:
    end2 = _line(6)[1] + 1
    s11 = _section("s1.1", 2, "一", 3, _line(4)[1] + 1)
    s12 = _section("s1.2", 2, "二", 5, end2)
    s1 = _section("s1", 1, "一", 2, end2, (s11, s12))
    s2 = _section("s2", 1, "二", 7, len(TEXT))
    metrics = (
        _metric("59件", 59, "件", "行政复议", "s1.1"),
        _metric("12.5%", 12.5, "%", "行政复议", "s1.1"),
        _metric("100%", 100, "%", "行政执法", "s1.2"),
        _metric("3200余人次", 3200, "人次", "普法", "s1.2", "余"),
    )
    dup = msg("dup.within", line=9, snippet="继续推进")
    findings = (Finding("duplicate_paragraph", "warning", dup, at("继续推进"), at("继续推进") + 5),)
    checklist = (
        CheckResult(
            "measures", "required_part", "主要举措和成效", "found", (Evidence("s1", s1.start, s1.end),), note("有标题")
        ),
        CheckResult("shortcomings", "required_part", "存在的不足和原因", "missing", (), note("未找到")),
        CheckResult("next_year", "required_part", "下一年度主要安排", "found", (Evidence("s2", s2.start, s2.end),),
                    note("")),
        CheckResult("review", "topic", "行政复议", "found", (Evidence("s1.1", metrics[0].start, metrics[0].end),),
                    note("")),
        CheckResult("review_count", "metric", "行政复议案件数", "found", (Evidence("s1.1", *_span(metrics[0])),),
                    note("")),
        CheckResult("signature", "form", "落款和日期", "partial", (Evidence(None, *_line(9)),), note("缺少日期")),
    )
    parts = {
        "measures": PartResult("found", "heading", "s1", s1.start, s1.end, note("")),
        "shortcomings": PartResult("missing", None, None, None, None, note("未找到存在的不足和原因")),
        "first_responsible": PartResult("partial", "nested", "s1.2", s12.start, s12.end, note("只有一句")),
        "next_year": PartResult("found", "heading", "s2", s2.start, s2.end, note("")),
        "other": PartResult("missing", None, None, None, None, note("")),
    }
    meta = ReportMeta(LINES[1], issuer, "county", year, None, None, _line(1), _line(9))
    lines = (Line("clutter", *_line(0)), Line("title", *_line(1)))
    return Analysis(f"/reports/{issuer}.txt", sha, "utf-8", "txt", meta, (s1, s2), lines, parts, metrics, checklist,
                    findings, TEXT)


def _span(m: Metric) -> tuple[int, int]:
    return m.start, m.end
