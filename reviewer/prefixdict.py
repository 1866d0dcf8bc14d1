"""jieba's prefix dictionary as a memory-mapped file that opens in milliseconds.

jieba keeps its dictionary (about 580 000 words and word prefixes with their frequencies) in a
Python dict that it unmarshals on first use: 0.6 s and 100 MB in every process, holding the GIL
all the while. The analyser looks up only the few thousand strings around its short clauses, so
the same table is written once into the per-user cache as an open-addressing hash table and
memory-mapped: opening it reads a header, each lookup touches one or two pages, and every
process on the machine shares the pages.

The file is made from jieba itself (its dictionary with the legal-terms user dictionary added, as
``reviewer.segment.jieba_tokenizer`` loads it), so the frequencies, the total and the HMM tables
are exactly jieba's. Its name carries a key of everything it is made from; anything changed
(jieba upgraded, the user dictionary edited) makes a new file.
"""

from __future__ import annotations

import hashlib
import importlib.util
import marshal
import mmap
import os
import struct
import tempfile
import zlib
from array import array
from pathlib import Path
from typing import Any

FORMAT = b"FZPFX001"
_HEADER = struct.Struct("<8sQQQQQ")  # magic, slots, total, blob offset, HMM offset, HMM length
_ENTRY = struct.Struct("<IH")  # frequency, key length in bytes; the UTF-8 key follows
_SLOT = 4  # bytes per slot: entry offset in the blob + 1, 0 for an empty slot
ABSENT = -1


class PrefixDict:
    """Read-only lookups in a dictionary file made by ``build``."""

    def __init__(self, path: Path) -> None:
        with open(path, "rb") as fh:
            self._mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        magic, slots, self.total, self._blob, self._hmm, self._hmm_len = _HEADER.unpack_from(self._mm, 0)
        if magic != FORMAT or slots & (slots - 1):
            raise ValueError(f"{path}: not a prefix dictionary of this version")
        self._mask = slots - 1
        self._slots = memoryview(self._mm)[_HEADER.size : _HEADER.size + slots * _SLOT].cast("I")

    def lookup(self, word: str) -> int:
        """The word's frequency; 0 for a prefix of a word only; ``ABSENT`` when not in the dictionary."""
        key = word.encode("utf-8")
        mm, slots, mask = self._mm, self._slots, self._mask
        i = zlib.crc32(key) & mask
        while True:
            at = slots[i]
            if not at:
                return ABSENT
            at += self._blob - 1
            freq, n = _ENTRY.unpack_from(mm, at)
            if n == len(key) and mm[at + _ENTRY.size : at + _ENTRY.size + n] == key:
                return int(freq)
            i = (i + 1) & mask

    def hmm(self) -> Any:
        """(start, transition, emission probabilities, force-split words): jieba's ``finalseg`` model."""
        return marshal.loads(self._mm[self._hmm : self._hmm + self._hmm_len])


def source_key(user_dict: Path) -> str:
    """What the dictionary is made from: jieba's own data files and the user dictionary."""
    digest = hashlib.sha256(FORMAT + user_dict.read_bytes())
    spec = importlib.util.find_spec("jieba")  # finds the package without importing it
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    for folder in folders[:1]:
        for name in ("dict.txt", "finalseg/prob_emit.py", "finalseg/prob_emit.p", "__init__.py"):
            try:
                st = os.stat(Path(folder, name))
                digest.update(f"{name}:{st.st_size}:{st.st_mtime_ns}".encode())
            except OSError:
                digest.update(f"{name}:-".encode())
    return digest.hexdigest()[:16]


def build(path: Path, freq: dict[str, int], total: int, hmm: tuple[Any, ...]) -> None:
    """Write ``freq`` (jieba's ``Tokenizer.FREQ``), ``total`` and the HMM model to ``path`` atomically."""
    slots = 1 << max(4, (2 * len(freq)).bit_length())  # at most half full: short probe runs
    table = array("I", bytes(slots * _SLOT))
    blob = bytearray()
    mask = slots - 1
    for word, f in freq.items():
        key = word.encode("utf-8")
        i = zlib.crc32(key) & mask
        while table[i]:
            i = (i + 1) & mask
        table[i] = len(blob) + 1
        blob += _ENTRY.pack(f, len(key)) + key
    blob_at = _HEADER.size + slots * _SLOT
    model = marshal.dumps(hmm)
    header = _HEADER.pack(FORMAT, slots, total, blob_at, blob_at + len(blob), len(model))
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(header)
            fh.write(table.tobytes())
            fh.write(blob)
            fh.write(model)
        os.replace(tmp, path)  # readers see the old file or the whole new one, never half of it
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
