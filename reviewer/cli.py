"""``reviewer`` command line: ``analyze`` and ``export``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from reviewer import cli_export
from reviewer.analyze import analyze_document
from reviewer.checklist import load_checklist
from reviewer.load import load_many
from reviewer.serialize import to_json


def _cmd_analyze(args: argparse.Namespace) -> int:
    checklist = load_checklist(args.checklist)
    docs, errors = load_many(args.paths)
    for err in errors:
        print(err.message, file=sys.stderr)
    results = [to_json(analyze_document(d, checklist)) for d in docs]
    if args.json:
        out = results[0] if len(results) == 1 and len(args.paths) == 1 and not errors else results
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for r in results:
            print(f"{r['file']}: {r['title']} ({r['unit']}, {r['report_year']})")
    return 1 if errors else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reviewer", description="法治政府建设年度报告审阅器")
    sub = parser.add_subparsers(dest="command", required=True)
    an = sub.add_parser("analyze", help="分析报告并输出结果")
    an.add_argument("paths", nargs="+")
    an.add_argument("--json", action="store_true", help="输出 JSON (reviewer.analysis/1)")
    an.add_argument("--checklist", default=None, help="核查清单文件 (TOML)")
    an.set_defaults(func=_cmd_analyze)
    cli_export.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
