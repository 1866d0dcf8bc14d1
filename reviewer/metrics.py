"""Quantitative facts (figures with units) with topic and span. (Stub.)"""

from __future__ import annotations

from reviewer.model import Metric, Outline


def extract_metrics(text: str, outline: Outline) -> tuple[Metric, ...]:
    return ()
