"""Checklist as data (TOML) and its evaluation. (Stub.)"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reviewer.model import CheckResult, Finding, Metric, Outline, PartResult, ReportMeta


@dataclass(frozen=True, slots=True)
class Checklist:
    name: str
    version: str
    items: tuple[object, ...] = ()


def load_checklist(path: str | Path | None = None) -> Checklist:
    return Checklist(name="default", version="0")


def evaluate(
    checklist: Checklist,
    text: str,
    outline: Outline,
    meta: ReportMeta,
    parts: dict[str, PartResult],
    metrics: tuple[Metric, ...],
    findings: tuple[Finding, ...],
) -> tuple[CheckResult, ...]:
    return ()
