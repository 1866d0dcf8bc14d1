"""Report metadata: title, unit, level, year, signed and published dates. (Stub.)"""

from __future__ import annotations

from reviewer.model import Outline, ReportMeta


def extract_meta(text: str, outline: Outline) -> ReportMeta:
    return ReportMeta(title=None, unit=None, level="other", report_year=None, signed_date=None, published_date=None)
