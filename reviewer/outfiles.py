"""Files the program writes for people: written atomically, named so that Windows takes them.

``write_atomically`` writes into a temporary file beside the target and moves it into place, so
a failed or killed export never leaves half a file where a colleague expects a whole one. The
workbook export and the annotated reports share it. ``FileNames`` makes a name from a unit and a
year that Windows, macOS and Linux accept, and never hands out the same name twice in one run.
"""

from __future__ import annotations

import os
import re
import time
import unicodedata
import uuid
from collections.abc import Callable
from pathlib import Path

from reviewer.messages import Message, msg, os_reason

TEMP_PREFIX = ".~"
STALE_TEMP_S = 600  # a file takes seconds to write: a temp file this old was left by a killed export


def temp_suffix(target: Path) -> str:
    return f"{target.suffix.lower()}.tmp"


def write_atomically(target: Path, write: Callable[[Path], None], error: Callable[[Message], Exception],
                     app: str) -> Path:
    """Call ``write(tmp)`` and move ``tmp`` onto ``target``; raise ``error(message)`` naming the file.

    ``app`` names the program that may hold the target open (Excel, Word), for the message.
    """
    suffix = temp_suffix(target)
    remove_stale_temp_files(target.parent, suffix)
    tmp = target.parent / f"{TEMP_PREFIX}{os.getpid()}-{uuid.uuid4().hex[:8]}{suffix}"
    name = target.name
    try:
        # Created with the usual permissions (not mkstemp's 0600): colleagues on a shared folder
        # must be able to open the file.
        os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
    except FileNotFoundError as exc:
        raise error(msg("out.no_folder", name=name, folder=str(target.parent))) from exc
    except PermissionError as exc:
        raise error(msg("out.no_permission", name=name)) from exc
    except OSError as exc:
        raise error(msg("out.cannot_write", name=name, reason=os_reason(exc))) from exc
    try:
        write(tmp)
        os.replace(tmp, target)
    except PermissionError as exc:
        raise error(msg("out.in_use", name=name, app=app)) from exc
    except OSError as exc:
        raise error(msg("out.failed", name=name, reason=os_reason(exc))) from exc
    finally:
        tmp.unlink(missing_ok=True)
    return target


def remove_stale_temp_files(folder: Path, suffix: str) -> None:
    """Temp files an interrupted export left behind (a running export's own is never this old)."""
    try:
        for f in folder.glob(f"{TEMP_PREFIX}*{suffix}"):
            if time.time() - f.stat().st_mtime > STALE_TEMP_S:
                f.unlink(missing_ok=True)
    except OSError:
        pass  # cleaning up is a courtesy; the export itself decides success


# Characters Windows refuses in a file name, and the C0/C1 controls no file manager shows.
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f-\x9f]')
_RESERVED = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                       *(f"LPT{i}" for i in range(1, 10))})
MAX_STEM = 60  # characters: the folder path of a shared drive still fits Windows' 260


def safe_stem(name: str, fallback: str = "报告") -> str:
    """``name`` as a file-name stem every system accepts: forbidden characters become ``_``, blank
    runs one space, no trailing dot or space (Windows drops them), no reserved device name."""
    text = unicodedata.normalize("NFC", name)
    text = _FORBIDDEN.sub("_", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = text[:MAX_STEM].rstrip(" .")
    text = text.lstrip(".")  # not a hidden file on Linux and macOS
    if not text or set(text) <= {"_", " "}:
        text = fallback
    if text.split(".")[0].upper() in _RESERVED:
        text = f"_{text}"
    return text


class FileNames:
    """Distinct file names in one folder for one run: a second report of the same unit and year
    gets ``（2）``, a third ``（3）``. Names are compared case-blind, as Windows and macOS do."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, stem: str) -> str:
        """A stem not handed out before in this run (``stem`` itself when it is free)."""
        candidate, n = stem, 1
        while candidate.casefold() in self._taken:
            n += 1
            candidate = f"{stem}（{n}）"
        self._taken.add(candidate.casefold())
        return candidate
