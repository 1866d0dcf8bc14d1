"""How a cached analysis or a kept text is stored: JSON, UTF-8, zlib.

Its own module so that an analysis worker can pack what it made (the window's process then only
writes the bytes) without importing the project store.
"""

from __future__ import annotations

import json
import zlib
from typing import Any


def pack_json(data: Any) -> bytes:
    # surrogatepass: a file name with undecodable bytes (kept as surrogate escapes) round-trips
    return zlib.compress(json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass"), 3)


def unpack_json(blob: bytes) -> Any:
    return json.loads(zlib.decompress(blob).decode("utf-8", "surrogatepass"))
