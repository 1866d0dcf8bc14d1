"""Which runs of a .docx Word hides (w:vanish): set on the run, or through its styles.

A unit's template may hide a whole draft paragraph through a style (a 批注/草稿 paragraph style, or a
character style, whose run properties carry ``w:vanish``) rather than on each run; Word neither shows
nor prints that text, so it must not be read. As Word resolves it: the run's own properties win; else
its character style and its paragraph's style (the document's default paragraph style if it names none)
toggle it, so that set in both they cancel; else the document defaults. Within a style, its own setting
comes before the one it is based on (``w:basedOn``). ``w:val`` "0"/"false"/"off" un-hides.
"""

from __future__ import annotations

from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OFF = ("0", "false", "off")


def _vanish(rpr: Any) -> bool | None:
    """The hiding set in run properties ``rpr``: True, False (switched off), or None (not set there)."""
    if rpr is None:
        return None
    el = rpr.find(f"{_W}vanish")
    if el is None:
        return None
    return el.get(f"{_W}val", "true").strip().lower() not in _OFF


class HiddenText:
    """The hiding a document's styles give, resolved once for every style."""

    def __init__(self, styles: Any | None) -> None:
        self._own: dict[str, bool | None] = {}
        self._based: dict[str, str] = {}
        self._default_para: str | None = None
        self._default: bool | None = None
        self._resolved: dict[str, bool | None] = {}
        if styles is not None:
            self._read(styles)

    def _read(self, styles: Any) -> None:
        self._default = _vanish(styles.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr"))
        for style in styles.iterfind(f"{_W}style"):
            sid = style.get(f"{_W}styleId")
            if sid is None:
                continue
            self._own[sid] = _vanish(style.find(f"{_W}rPr"))
            base = style.find(f"{_W}basedOn")
            if base is not None and base.get(f"{_W}val"):
                self._based[sid] = base.get(f"{_W}val")
            if style.get(f"{_W}type") == "paragraph" and style.get(f"{_W}default") in ("1", "true", "on"):
                self._default_para = sid

    def style(self, sid: str | None) -> bool | None:
        """The hiding style ``sid`` gives, its own or inherited; None if no style in its chain sets it."""
        if sid is None:
            return None
        if sid not in self._resolved:
            seen: set[str] = set()  # a basedOn loop (a damaged file) must not hang the reader
            cur: str | None = sid
            value = None
            while cur is not None and cur not in seen and value is None:
                seen.add(cur)
                value = self._own.get(cur)
                cur = self._based.get(cur)
            self._resolved[sid] = value
        return self._resolved[sid]

    def paragraph(self, p: Any) -> bool | None:
        """The hiding a paragraph's style gives its runs (and, with its own mark setting, the mark)."""
        ps = p.find(f"{_W}pPr/{_W}pStyle")
        sid = ps.get(f"{_W}val") if ps is not None else self._default_para
        return self.style(sid)

    def run_hidden(self, r: Any, paragraph: bool | None) -> bool:
        """Whether run ``r`` is hidden, ``paragraph`` being what its paragraph's style gives. Hiding is a
        toggle property (ECMA-376 §17.7.3): set by both the paragraph's and the character style, the two
        cancel and Word shows the text (a code review); the run's own setting is final."""
        rpr = r.find(f"{_W}rPr")
        own = _vanish(rpr)
        if own is not None:
            return own
        char = self._char_style(rpr)
        if char is None and paragraph is None:
            return bool(self._default)
        return bool(char) != bool(paragraph)

    def mark_hidden(self, p: Any) -> bool:
        """Whether the paragraph's mark is hidden: then Word shows no line for a paragraph with no
        shown text."""
        for value in (_vanish(p.find(f"{_W}pPr/{_W}rPr")), self.paragraph(p), self._default):
            if value is not None:
                return value
        return False

    def _char_style(self, rpr: Any) -> bool | None:
        rs = rpr.find(f"{_W}rStyle") if rpr is not None else None
        return self.style(rs.get(f"{_W}val")) if rs is not None else None


def hidden_text(document: Any) -> HiddenText:
    """The document's style hiding; none if it has no styles part (a bare file some tools write)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        part = document.part.part_related_by(RT.STYLES)
    except KeyError:
        return HiddenText(None)
    return HiddenText(getattr(part, "element", None))
