"""Composition root: ``reviewer-gui [PATH...]``. (Stub until the GUI issue.)"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QLabel

    args = list(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication([sys.argv[0], *args])
    label = QLabel("法治年报审阅器")
    label.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
