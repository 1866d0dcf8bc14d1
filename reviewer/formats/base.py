"""What every format reader returns and raises, and the limits that keep a hostile file in its box.

Readers work on bytes and know nothing of the file's path; ``reviewer.load`` turns a
``FormatProblem`` into a ``ReportLoadError`` that names the file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reviewer.model import LineHint

# A long annual report is some 50 000 characters in a few thousand paragraphs. The caps sit far above
# any real report (a whole statistical appendix included) and far below what stalls the machine.
MAX_CHARS = 20_000_000  # about what the 50 MB limit lets a plain-text file hold
MAX_PARAGRAPHS = 100_000

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Draft = Callable[["Extracted", int, int], None]


class FormatProblem(Exception):  # noqa: N818 (a signal to reviewer.load, never shown as is)
    """A file a reader cannot read. ``kind`` is a LoadError kind; ``problem`` is Chinese, without the file name."""

    def __init__(self, kind: str, problem: str) -> None:
        super().__init__(problem)
        self.kind = kind
        self.problem = problem


@dataclass(frozen=True, slots=True)
class Extracted:
    """A reader's result: the text with ``\\n`` line ends and what it knows about it."""

    text: str
    format: str
    encoding: str | None = None
    hints: tuple[LineHint, ...] = ()
    uncertain: tuple[tuple[int, int, float], ...] = ()  # OCR spans [start, end) and their confidence


@dataclass(frozen=True, slots=True)
class Context:
    """Per-page progress and cancellation for readers that work page by page (OCR).

    ``draft(text so far, pages done, pages in all)`` receives the text of the pages read so far
    after each page but the last, so that a long scan can be read while the rest is recognised.
    """

    progress: Progress | None = None
    cancelled: Cancelled | None = None
    draft: Draft | None = None
    ocr: bool = True  # False: a file that needs OCR is put off ("needs_ocr"), to be read after the others

    def need_ocr(self) -> None:
        if not self.ocr:
            raise FormatProblem("needs_ocr", "需要文字识别，稍后读取")

    def tick(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(done, total)

    def show(self, make: Callable[[], Extracted], done: int, total: int) -> None:
        """Hand the text read so far to ``draft`` (made only when someone asks for it)."""
        if self.draft is not None and done < total:
            self.draft(make(), done, total)

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise FormatProblem("cancelled", "已取消")


def too_many_chars(count: int) -> FormatProblem:
    return FormatProblem("too_long", f"文字内容过多（超过 {MAX_CHARS // 10000} 万字），不像一份年度报告，未读取")


def too_many_paragraphs(count: int) -> FormatProblem:
    return FormatProblem("too_long", f"段落过多（超过 {MAX_PARAGRAPHS} 段），不像一份年度报告，未读取")


def check_text(text: str, paragraphs: int | None = None) -> str:
    """``text`` if within the caps, else the problem (``paragraphs`` defaults to its line count)."""
    if len(text) > MAX_CHARS:
        raise too_many_chars(len(text))
    count = paragraphs if paragraphs is not None else text.count("\n")
    if count > MAX_PARAGRAPHS:
        raise too_many_paragraphs(count)
    return text
