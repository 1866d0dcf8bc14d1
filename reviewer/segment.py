"""Word segmentation of short clauses as jieba does it, with the legal-terms dictionary.

jieba itself costs about a second to initialise in every process (its import and the 0.6 s
unmarshalling of its dictionary, holding the GIL). So jieba is used only to make a memory-mapped
copy of its dictionary once (``reviewer.prefixdict``, in the per-user cache), and the words are
cut by ``reviewer.wordseg``, jieba's algorithm over that copy: the same words, with no start-up
cost. Should the cache be unusable, jieba's own tables serve instead (slower to start, same words).
jieba's dictionary cache goes to a per-user folder too, never the shared ``/tmp/jieba.cache``
(which breaks for a second user and is an unsafe marshal file).
"""

from __future__ import annotations

import functools
import logging
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import platformdirs

from reviewer.prefixdict import ABSENT, PrefixDict, build, source_key
from reviewer.resources import resource_path
from reviewer.wordseg import Segmenter

log = logging.getLogger(__name__)
USER_DICT = ("metrics", "legal_terms.txt")
APP_NAME = "fazhi-reviewer"


def cache_dir() -> Path:
    """Per-user folder for jieba's dictionary cache (created if missing).

    When it cannot be made or written (a locked-down profile, a full disk), a private temporary
    folder of this process is used instead, with a warning: the cache only saves time.
    """
    path = Path(platformdirs.user_cache_dir(APP_NAME))
    try:
        path.mkdir(parents=True, exist_ok=True)
        if os.access(path, os.W_OK):
            return path
    except OSError as exc:
        log.warning("cache folder %s unusable (%s); using a temporary one", path, exc)
    return Path(tempfile.mkdtemp(prefix="fazhi-reviewer-cache-"))


@functools.cache
def jieba_tokenizer() -> Any:
    """A jieba tokenizer with the legal-terms user dictionary loaded (what the prefix dictionary is made of)."""
    import jieba  # deferred: importing jieba alone costs ~0.15 s

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.tmp_dir = str(cache_dir())
    tok.initialize()
    tok.load_userdict(str(resource_path(*USER_DICT)))
    return tok


@functools.cache
def tokenizer() -> Segmenter:
    """The process-wide segmenter: jieba's words, from the memory-mapped dictionary (made on first use)."""
    path = cache_dir() / f"prefixdict-{source_key(resource_path(*USER_DICT))}.bin"
    try:
        table = PrefixDict(path)
    except (OSError, ValueError):
        try:
            table = _make(path)
        except OSError as exc:  # a read-only or full cache: jieba's tables in memory give the same words
            log.warning("prefix dictionary %s not written (%s); using jieba's tables in memory", path, exc)
            return _in_memory()
    return Segmenter(table.lookup, table.total, table.hmm)


def _make(path: Path) -> PrefixDict:
    tok = jieba_tokenizer()
    build(path, tok.FREQ, tok.total, _jieba_hmm())
    for old in path.parent.glob("prefixdict-*.bin"):  # made from an earlier jieba or user dictionary
        if old != path:
            try:
                old.unlink()
            except OSError:
                pass  # still mapped by a running program (Windows): removed next time
    return PrefixDict(path)


def _jieba_hmm() -> tuple[Any, ...]:
    from jieba import finalseg

    return finalseg.start_P, finalseg.trans_P, finalseg.emit_P, frozenset(finalseg.Force_Split_Words)


def _in_memory() -> Segmenter:
    tok = jieba_tokenizer()
    return Segmenter(lambda w: tok.FREQ.get(w, ABSENT), tok.total, _jieba_hmm)


def words(text: str) -> Iterator[str]:
    """The words of ``text`` in order, cut as they are asked for (a caller may stop early)."""
    return tokenizer().cut(text)


def token_spans(clause: str) -> list[tuple[int, int]]:
    """``[start, end)`` offsets of the words of ``clause`` (which should be short: one clause)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for word in tokenizer().cut(clause):
        spans.append((start, start + len(word)))
        start += len(word)
    return spans
