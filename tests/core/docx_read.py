"""Reading an annotated .docx back the way Word does: its comments and the text each one covers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import docx
from docx.oxml.ns import qn

W_T, W_TAB, W_BR = qn("w:t"), qn("w:tab"), qn("w:br")
START, END = qn("w:commentRangeStart"), qn("w:commentRangeEnd")


@dataclass(frozen=True)
class ReadComment:
    id: int
    author: str
    initials: str | None
    time: datetime | None
    text: str  # the comment's own words, paragraphs joined by "\n"
    anchored: str  # the document text between its range start and end


def body_text(path: Path) -> str:
    """The document's paragraphs joined by newlines: the text outside the comments."""
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def _anchored(path: Path) -> dict[int, str]:
    body = docx.Document(str(path)).element.body
    open_ids: set[int] = set()
    texts: dict[int, list[str]] = {}
    paragraphs = body.findall(qn("w:p"))
    for i, p in enumerate(paragraphs):
        for el in p.iter():
            if el.tag == START:
                cid = int(el.get(qn("w:id")))
                open_ids.add(cid)
                texts[cid] = []
            elif el.tag == END:
                open_ids.discard(int(el.get(qn("w:id"))))
            elif el.tag in (W_T, W_TAB, W_BR):
                piece = (el.text or "") if el.tag == W_T else ("\t" if el.tag == W_TAB else "\n")
                for cid in open_ids:
                    texts[cid].append(piece)
        if i + 1 < len(paragraphs):
            for cid in open_ids:
                texts[cid].append("\n")
    return {cid: "".join(parts) for cid, parts in texts.items()}


def read_comments(path: Path) -> list[ReadComment]:
    doc = docx.Document(str(path))
    anchored = _anchored(path)
    return [ReadComment(c.comment_id, c.author, c.initials, c.timestamp, c.text, anchored[c.comment_id])
            for c in doc.comments]
