"""Frozen dataclasses that pickle as a call of their constructor.

A frozen, slotted dataclass pickles its state as a list and unpickles it through a Python loop
that looks its fields up again for every object (``dataclasses._dataclass_setstate``). An analysis
of a generated report holds ~250 of them (figures, checks and their evidence, lines, sections): a
forked worker's 100 analyses took 64 ms to unpickle in the process that gathers them, 30 ms as
constructor calls (same objects, ``==``).
"""

from __future__ import annotations

import operator
from dataclasses import fields
from typing import Any, TypeVar

T = TypeVar("T")


def fast_pickle(cls: type[T]) -> type[T]:
    """Give dataclass ``cls`` a ``__reduce__``: its class and its field values, in order."""
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]  # cls is a dataclass
    get = operator.attrgetter(*names)
    if len(names) == 1:
        def reduce_one(self: Any) -> tuple[type[T], tuple[Any, ...]]:
            return cls, (get(self),)

        cls.__reduce__ = reduce_one  # type: ignore[method-assign]
    else:
        def reduce(self: Any) -> tuple[type[T], tuple[Any, ...]]:
            return cls, get(self)

        cls.__reduce__ = reduce  # type: ignore[method-assign]
    return cls
