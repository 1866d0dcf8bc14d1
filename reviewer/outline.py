"""Outline: classify lines and build the section tree. (Stub: to be implemented.)"""

from __future__ import annotations

from reviewer.model import Document, Outline


def build_outline(text: str, hints: Document | None = None) -> Outline:
    return Outline(sections=(), lines=(), findings=())
