"""Per-text look-up structures for the metric stage: boundaries by bisection, fragile-word verdicts."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from reviewer.fastpickle import fast_init

SENTENCE_STOPS = "。！？!?；;\n"
CLAUSE_STOPS = SENTENCE_STOPS + "，,：:"


@fast_init
@dataclass(frozen=True, slots=True)
class Stops:
    """Positions of the stop characters of one kind in a text, for O(log n) boundary look-ups."""

    positions: tuple[int, ...]
    length: int

    @classmethod
    def of(cls, text: str, chars: str) -> Stops:
        pattern = re.compile(f"[{re.escape(chars)}]")
        return cls(tuple([m.start() for m in pattern.finditer(text)]), len(text))

    def back(self, pos: int, floor: int = 0) -> int:
        """Start of the run holding ``pos``: just after the last stop before ``pos`` (not below ``floor``)."""
        i = bisect.bisect_left(self.positions, pos)
        return max(floor, self.positions[i - 1] + 1) if i else floor

    def forward(self, pos: int) -> int:
        """End of the run holding ``pos``: the first stop at or after ``pos``, or the text's end."""
        i = bisect.bisect_left(self.positions, pos)
        return self.positions[i] if i < len(self.positions) else self.length


@dataclass(frozen=True, slots=True)
class TextIndex:
    """What the metric stage computes once per text: clause, sentence and paragraph boundaries, and
    the verdicts on fragile keywords (filled in as they are asked for; private to one text)."""

    clause: Stops
    sentence: Stops
    paragraph: Stops
    whole_words: dict[tuple[int, int], bool] = field(default_factory=dict)

    @classmethod
    def of(cls, text: str) -> TextIndex:
        # Each kind of stop is also a stop of the finer kinds: scan once, then filter.
        clause = Stops.of(text, CLAUSE_STOPS)
        sentence = tuple(p for p in clause.positions if text[p] in SENTENCE_STOPS)
        paragraph = tuple(p for p in sentence if text[p] == "\n")
        return cls(clause, Stops(sentence, len(text)), Stops(paragraph, len(text)))
