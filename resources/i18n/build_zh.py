"""Regenerate reviewer_zh_CN.ts/.qm: Chinese for the strings Qt's own qtbase_zh_CN leaves in English.

Usage (from the repository root): python resources/i18n/build_zh.py
Qt's file dialog says "Look in:" and "Files of type:" even with qtbase_zh_CN installed, and its key
names read "Alt+上方向" for Alt+Up; these fill the gaps (the program's own interface is written in Chinese and needs no catalogue).
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
TS = HERE / "reviewer_zh_CN.ts"
BIN = Path(sys.executable).parent

ZH = {
    "QFileDialog": {
        "&Look in:": "查找范围(&L)：",
        "Files of &type:": "文件类型(&T)：",
    },
    "QFileSystemModel": {"Size": "大小"},  # qtbase_zh_CN says 体积 (volume)
    # Arrow keys in menus and the shortcut list: qtbase_zh_CN says "Alt+上方向" (the arrow, as on the key).
    "QShortcut": {"Up": "↑", "Down": "↓", "Left": "←", "Right": "→"},
}


def main() -> int:
    root = ET.Element("TS", version="2.1", language="zh_CN")
    for context, messages in ZH.items():
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = context
        for source, translation in messages.items():
            msg = ET.SubElement(ctx, "message")
            ET.SubElement(msg, "source").text = source
            ET.SubElement(msg, "translation").text = translation
    ET.indent(root)
    ET.ElementTree(root).write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
