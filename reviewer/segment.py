"""Word segmentation of short clauses with jieba and the legal-terms dictionary, loaded lazily.

jieba costs about a second to initialise, so nothing here runs at import time: the tokenizer is
built on first use, once per process, behind a ``functools.cache`` accessor. Its dictionary cache
goes to a per-user folder, never the shared ``/tmp/jieba.cache`` (which breaks for a second user
and is an unsafe marshal file).
"""

from __future__ import annotations

import functools
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

import platformdirs

from reviewer.resources import resource_path

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
def tokenizer() -> Any:
    """The process-wide jieba tokenizer with the legal-terms user dictionary loaded."""
    import jieba  # deferred: importing jieba alone costs ~0.15 s

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.tmp_dir = str(cache_dir())
    tok.initialize()
    tok.load_userdict(str(resource_path(*USER_DICT)))
    return tok


def token_spans(clause: str) -> list[tuple[int, int]]:
    """``[start, end)`` offsets of the words of ``clause`` (which should be short: one clause)."""
    return [(start, end) for _word, start, end in tokenizer().tokenize(clause)]
