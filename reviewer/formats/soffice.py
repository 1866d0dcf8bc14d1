"""LibreOffice as a second route for old binary formats, used only where it is installed.

The program never requires it: without ``soffice`` on the PATH this returns None and the
reader's own message stands. A private profile folder keeps it from clashing with a LibreOffice
the reviewer has open, and a time limit keeps a stuck conversion from holding up the batch.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

TIMEOUT_S = 120


def soffice() -> str | None:
    """The LibreOffice program, unless absent or turned off (REVIEWER_SOFFICE=0, as the tests do)."""
    if os.environ.get("REVIEWER_SOFFICE", "1") == "0":
        return None
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_text(data: bytes, suffix: str) -> str | None:
    """The document's text as LibreOffice exports it (UTF-8), or None when it is absent or fails."""
    exe = soffice()
    if exe is None:
        return None
    with tempfile.TemporaryDirectory(prefix="reviewer-lo-") as tmp:
        src = Path(tmp) / f"report{suffix}"
        src.write_bytes(data)
        cmd = [exe, f"-env:UserInstallation={Path(tmp, 'profile').as_uri()}", "--headless", "--norestore",
               "--convert-to", "txt:Text (encoded):UTF8", "--outdir", tmp, str(src)]
        try:
            subprocess.run(cmd, capture_output=True, timeout=TIMEOUT_S, check=False, stdin=subprocess.DEVNULL)
        except (OSError, subprocess.SubprocessError):
            return None
        out = Path(tmp) / "report.txt"
        if not out.exists():
            return None
        text = out.read_bytes().decode("utf-8-sig", errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text if text.strip() else None
