"""``reviewer export`` subcommand. (Stub until the export issue.)"""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    ex = sub.add_parser("export", help="导出审阅结果为 Excel 工作簿")
    ex.add_argument("paths", nargs="+")
    ex.add_argument("-o", "--output", required=True)
    ex.add_argument("--project", default=None)
    ex.add_argument("--checklist", default=None)
    ex.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    raise SystemExit("export: not implemented yet")
