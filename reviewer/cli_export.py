"""``reviewer export PATH... -o review.xlsx [--project FILE] [--checklist FILE]``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from reviewer.analyze import analyze_many
from reviewer.checklist import ChecklistError, load_checklist
from reviewer.export import ExportError, export, review_from_store
from reviewer.export_sheets import ReviewData
from reviewer.load import load_many
from reviewer.store import StoreError, open_store


def register(sub: Any) -> None:
    ex = sub.add_parser("export", help="导出审阅结果为 Excel 工作簿")
    ex.add_argument("paths", nargs="+", help="报告文件或文件夹")
    ex.add_argument("-o", "--output", required=True, help="输出的 .xlsx 文件")
    ex.add_argument("--project", default=None, help="审阅项目文件（带上审阅人的决定和结论）")
    ex.add_argument("--checklist", default=None, help="核查清单文件 (TOML)")
    ex.set_defaults(func=run)


def _review(project: str | None) -> ReviewData:
    if project is None:
        return ReviewData()
    store = open_store(project)
    try:
        return review_from_store(store)
    finally:
        store.close()


def run(args: argparse.Namespace) -> int:
    """Analyse the reports and write the workbook; 1 when a file could not be read, 2 on failure."""
    try:
        checklist = load_checklist(args.checklist)
        review = _review(args.project)
    except (ChecklistError, StoreError) as exc:
        print(exc, file=sys.stderr)
        return 2
    docs, errors = load_many(args.paths)
    for err in errors:
        print(err.message, file=sys.stderr)
    analyses = analyze_many(docs, checklist)
    try:
        out = export(analyses, review, args.output, checklist)
    except ExportError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(f"已导出 {len(analyses)} 份报告的审阅结果：{out}")
    return 1 if errors else 0
