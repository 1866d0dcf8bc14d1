"""Container formats (docx, pdf, html) → text. Dispatch by suffix."""

from __future__ import annotations

from pathlib import Path

from reviewer.model import LineHint


def load_container(path: Path, data: bytes) -> tuple[str, str | None, str, tuple[LineHint, ...]]:
    """Return (text, encoding, format, hints) for a non-plain-text report file."""
    from reviewer.load import ReportLoadError

    raise ReportLoadError(path, "unsupported", f"不支持的文件格式（{path.suffix or '无扩展名'}）")
