"""``reviewer export PATH... -o review.xlsx [--project FILE] [--checklist FILE]``."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(sub: Any) -> None:
    ex = sub.add_parser("export", help="导出审阅结果为 Excel 工作簿")
    ex.add_argument("paths", nargs="+", help="报告文件或文件夹")
    ex.add_argument("-o", "--output", required=True, help="输出的 .xlsx 文件")
    ex.add_argument("--project", default=None, help="审阅项目文件（含审阅人的决定和意见）")
    ex.add_argument("--checklist", default=None, help="核查清单文件 (TOML)")
    ex.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from reviewer.analyze import analyze_many
    from reviewer.checklist import ChecklistError, load_checklist
    from reviewer.export import ExportError, export, export_from_store
    from reviewer.load import load_many
    from reviewer.store import StoreError, open_store

    try:
        checklist = load_checklist(args.checklist)
    except ChecklistError as exc:
        print(exc, file=sys.stderr)
        return 2
    docs, errors = load_many(args.paths)
    for err in errors:
        print(err.message, file=sys.stderr)
    analyses = analyze_many(docs, checklist)
    try:
        if args.project:
            store = open_store(args.project)
            for a in analyses:
                store.add_report(a.sha256, a.file, a.meta.issuer, a.meta.report_year, a.meta.level)
            out = export_from_store(analyses, args.output, store, checklist)
            store.close()
        else:
            out = export(analyses, args.output, checklist=checklist)
    except (ExportError, StoreError) as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"已导出 {len(analyses)} 份报告的审阅结果：{out}")
    return 1 if errors else 0
