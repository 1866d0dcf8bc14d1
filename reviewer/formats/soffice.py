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


def convert(data: bytes, suffix: str, target: str) -> bytes | None:
    """The document converted by LibreOffice (``target``: a "--convert-to" argument such as
    "docx:MS Word 2007 XML"), or None when it is absent or fails."""
    exe = soffice()
    if exe is None:
        return None
    with tempfile.TemporaryDirectory(prefix="reviewer-lo-") as tmp:
        src = Path(tmp) / f"report{suffix}"
        src.write_bytes(data)
        out_dir = Path(tmp, "out")  # apart from the source: a conversion to the same suffix would overwrite it
        cmd = [exe, f"-env:UserInstallation={Path(tmp, 'profile').as_uri()}", "--headless", "--norestore",
               "--convert-to", target, "--outdir", str(out_dir), str(src)]
        try:
            subprocess.run(cmd, capture_output=True, timeout=TIMEOUT_S, check=False, stdin=subprocess.DEVNULL)
        except (OSError, subprocess.SubprocessError):
            return None
        outs = list(out_dir.glob("report.*"))
        return outs[0].read_bytes() if outs else None


def convert_to_docx(data: bytes, suffix: str) -> bytes | None:
    """The document as LibreOffice saves it as .docx: tables, list labels and tracked changes kept
    as such (its plain-text export prints deleted text as if it were there and runs cells together)."""
    return convert(data, suffix, "docx:MS Word 2007 XML")
