"""GB18030/GBK bytes read back in step after a bad byte.

A GBK character is two bytes, and almost any byte from 0x81 to 0xFE may lead one. A stray byte (or a
character cut in half) makes the plain decoder pair each character's second byte with the next one's
first: every character after it is nonsense up to the next ASCII byte, often a whole paragraph, and
nothing fails, so the damage is not even seen. Those out-of-step characters are rare ones, private-use
code points among them; the in-step reading is full of common characters. So the bytes are read by the
cheapest path through them (Viterbi), where a character costs as much as it is rare (minus the log of
its frequency), and a byte left out (shown as �) more than two rare characters: one bad byte costs only
itself, and the reading is back in step at the next character.

Next to the bad byte the reading can still be wrong: whether the byte before the next character or the
byte after it is the bad one is told only by which of two characters is the more frequent, so now and
then the character beside the � is lost too (one in six of bytes cut from a character, one in twenty of
stray bytes, in a trial on the seeds), where before the whole run up to the next ASCII byte was.
"""

from __future__ import annotations

import re
from functools import cache

# A skipped byte costs as much as two of the rarest characters, so that rare characters in a sound text are not
# read round, and less than a few characters read out of step (each some 6 dearer than in step).
_SKIP = 30.0
_PUA = 18.0  # a private-use code point: user-defined areas, what an out-of-step reading is full of
_UNSEEN = 15.0  # a character the tables never saw
_RARE = 15.0  # a four-byte character
_PUNCT = frozenset("，。、；：？！“”‘’（）《》〈〉【】—…·－")
_PUNCT_COST = 4.0
# Bytes that are never inside a multi-byte character (not a first, second or fourth byte): the text
# splits there, and runs of ASCII are read as they are.
_BOUNDARY = re.compile(rb"([\x00-\x2f\x3a-\x3f]+)")


def _cost(ch: str) -> float:
    if ch in _PUNCT:
        return _PUNCT_COST
    if "\ue000" <= ch <= "\uf8ff":
        return _PUA
    return _char_costs().get(ch, _UNSEEN)


@cache
def _char_costs() -> dict[str, float]:
    """How rare each Chinese character is: minus the log of its likeliest share of jieba's word-position
    emissions (its HMM tables, trained on a large corpus): 2 for 的, 6 for 法, 17 for the rarest seen."""
    from jieba.finalseg.prob_emit import P

    out: dict[str, float] = {}
    for table in P.values():
        for ch, logp in table.items():
            out[ch] = min(out.get(ch, 99.0), -logp)
    return out


@cache
def _pairs() -> dict[int, tuple[str, float]]:
    """Every two-byte GB18030 character, by its bytes, with its cost."""
    out: dict[int, tuple[str, float]] = {}
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            try:
                ch = bytes((lead, trail)).decode("gb18030")
            except UnicodeDecodeError:
                continue
            out[lead << 8 | trail] = (ch, _cost(ch))
    return out


def _four(data: bytes, i: int) -> str | None:
    """The four-byte GB18030 character at ``i``, if one is there."""
    quad = data[i : i + 4]
    if len(quad) < 4 or not (0x30 <= quad[1] <= 0x39 and 0x30 <= quad[3] <= 0x39):
        return None
    try:
        return quad.decode("gb18030")
    except UnicodeDecodeError:
        return None


def _steps(data: bytes, i: int) -> list[tuple[int, float, str]]:
    """(bytes taken, cost, text) for each way to read on from ``i``."""
    b = data[i]
    if b < 0x80:
        return [(1, 0.0, chr(b))]
    steps = [(1, _SKIP, "\ufffd")]
    pair = _pairs().get(b << 8 | data[i + 1]) if i + 1 < len(data) else None
    if pair is not None:
        steps.append((2, pair[1], pair[0]))
    if (ch := _four(data, i)) is not None:
        steps.append((4, _PUA if "\ue000" <= ch <= "\uf8ff" else _RARE, ch))
    return steps


def _cheapest(data: bytes) -> tuple[str, float]:
    """The cheapest reading of ``data`` and its cost: for each end position, the best cost and the step to it."""
    n = len(data)
    best: list[float] = [0.0] + [float("inf")] * n
    back: list[tuple[int, str]] = [(0, "")] * (n + 1)
    for i in range(n):
        for size, cost, text in _steps(data, i):
            if best[i] + cost < best[i + size]:
                best[i + size], back[i + size] = best[i] + cost, (size, text)
    out: list[str] = []
    j = n
    while j > 0:
        size, text = back[j]
        out.append(text)
        j -= size
    return "".join(reversed(out)), best[n]


def _strict_cost(text: str) -> float:
    """What the cheapest path counts for ``text`` read as it is (``_steps``' costs)."""
    return sum(0.0 if ord(ch) < 0x80 else _PUA if "\ue000" <= ch <= "\uf8ff" else
               _pairs_cost(ch) for ch in text)


def _pairs_cost(ch: str) -> float:
    return _cost(ch) if len(ch.encode("gb18030")) == 2 else _RARE


def _stretches(data: bytes) -> list[bytes]:
    """``data`` cut where no multi-byte character can be: a bad byte's harm ends there."""
    return [part for part in _BOUNDARY.split(data) if part]


def resync_gb18030(data: bytes) -> str:
    """``data`` read as GB18030 in step: each bad byte a �, the characters around it as written.

    Only a stretch that does not read strictly is searched, and one longer than ``_LONGEST`` bytes
    is read with plain replacement: the search is pure Python and holds two lists as long as its
    input (a 50 MB file of high bytes took minutes and gigabytes: found by a code review)."""
    return "".join(_in_step(part) for part in _stretches(data))


_LONGEST = 8192  # bytes: a long paragraph without ASCII; memory and time stay small


def _in_step(part: bytes) -> str:
    if part.isascii():
        return part.decode("ascii")
    try:
        return part.decode("gb18030")
    except UnicodeDecodeError:
        pass
    if len(part) > _LONGEST:
        return part.decode("gb18030", errors="replace")
    return _cheapest(part)[0]


# How much cheaper a reading with bytes left out must be than the strict one to be taken instead:
# more than a couple of characters' worth. A stray byte garbles every character after it, each some
# 6 dearer; two user-defined characters side by side (王\ue0bc\ue546同志, their second bytes ASCII
# letters) were read as 王�、`同志 when any saving was taken (found by a code review). Eight such characters in
# a row may still be read round (10 in 200 in a trial on the seeds); runs of up to six never were.
_WORTH = 25.0


def out_of_step(data: bytes, text: str) -> str:
    """``text``, the strict GB18030 reading of ``data``, read again in step where a stretch holds
    private-use code points (what a reading out of step after a stray byte is full of) and reading it
    with a byte left out is much the cheaper; else as it is: a sound file, user-defined characters
    and all, reads as it did."""
    if not any("\ue000" <= ch <= "\uf8ff" for ch in text):
        return text
    out: list[str] = []
    for part in _stretches(data):
        strict = part.decode("gb18030")  # the whole reads strictly, and no character spans a cut
        if len(part) > _LONGEST or not any("\ue000" <= ch <= "\uf8ff" for ch in strict):
            out.append(strict)
            continue
        again, cost = _cheapest(part)
        out.append(again if _strict_cost(strict) - cost >= _WORTH else strict)
    return "".join(out)
