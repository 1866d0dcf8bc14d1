"""Regenerate review_letter.docx, the built-in template of the review letter (审阅意见书), as a file.

Usage (from the repository root): python resources/letters/make_template.py

The program builds its built-in letter from ``reviewer.letter_template`` (the sentences of the
message catalogue, in Chinese or English); this file is the Chinese one, for an office to copy and
edit in Word or WPS: any placeholder of README.md may stand anywhere in the text, a table, a header
or a footer.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from reviewer.letter_template import build  # noqa: E402

OUT = HERE / "review_letter.docx"

if __name__ == "__main__":
    build("zh").save(OUT)
    print(OUT)
