"""Quality findings on one report. (Stub.)"""

from __future__ import annotations

from reviewer.model import Finding, Metric, Outline, PartResult, ReportMeta


def find_findings(
    text: str, outline: Outline, meta: ReportMeta, parts: dict[str, PartResult], metrics: tuple[Metric, ...]
) -> tuple[Finding, ...]:
    return ()
