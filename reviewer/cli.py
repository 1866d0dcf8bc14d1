"""``reviewer`` command line: ``analyze`` and ``export``.

``reviewer analyze PATH... [--json] [--checklist FILE]``: one JSON object for a single file
argument, an array for several files or a folder. Unreadable files are named on stderr.
Exit codes: 0 all loaded, 1 some failed to load, 2 bad usage (argparse) or an unusable checklist.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from reviewer import cli_export
from reviewer.analyze import analyze_many
from reviewer.checklist import ChecklistError, load_checklist, score
from reviewer.load import load_many
from reviewer.messages import GROUP_LABELS, SEVERITY_LABELS, STATUS_LABELS, finding_label
from reviewer.model import Analysis
from reviewer.serialize import to_json

_LEVELS = {
    "province": "省级",
    "city": "市级",
    "county": "县级",
    "department": "部门",
    "town": "乡镇",
    "street": "街道",
    "other": "其他",
}
_PART_NAMES = {
    "measures": "主要举措和成效",
    "shortcomings": "存在的不足和原因",
    "first_responsible": "第一责任人履职情况",
    "next_year": "下一年度主要安排",
    "other": "其他需要报告的情况",
}


def _cmd_analyze(args: argparse.Namespace) -> int:
    try:
        checklist = load_checklist(args.checklist)
    except ChecklistError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    docs, errors = load_many(args.paths)
    for err in errors:
        print(err.message, file=sys.stderr)
    analyses = analyze_many(docs, checklist)
    single = len(args.paths) == 1 and Path(args.paths[0]).is_file()
    if args.json:
        results = [to_json(a) for a in analyses]
        out: Any = results[0] if single and len(results) == 1 else results
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for a in analyses:
            write_summary(a, sys.stdout)
    return 1 if errors else 0


def _score(a: Analysis) -> str:
    points, judged = score(a.checklist)
    if not judged:
        return "无适用条目"
    return f"{points:g}/{judged}（{points / judged:.0%}）"


def write_summary(a: Analysis, out: TextIO) -> None:
    """A readable Chinese summary of one analysis."""
    m = a.meta
    w = out.write
    w(f"== {a.file}\n")
    w(f"标题：{m.title or '（未识别）'}\n")
    level = _LEVELS.get(m.level, m.level)
    w(f"单位：{m.issuer or '（未识别）'}　层级：{level}　年度：{m.report_year or '（未识别）'}\n")
    w(f"成文日期：{m.signed_date or '—'}　发布日期：{m.published_date or '—'}\n")
    w("组成部分：\n")
    for pid, p in a.parts.items():
        w(f"  {_PART_NAMES.get(pid, pid)}：{STATUS_LABELS.get(p.status, p.status)}\n")
    w(f"核查清单得分：{_score(a)}\n")
    for c in a.checklist:
        if c.status in ("missing", "partial"):
            w(f"  [{STATUS_LABELS[c.status]}] {GROUP_LABELS.get(c.group, c.group)}·{c.name}：{c.note}\n")
    w(f"问题：{len(a.findings)} 处\n")
    for f in a.findings:
        line = a.text.count("\n", 0, f.start) + 1 if a.text else 0
        sev = SEVERITY_LABELS.get(f.severity, f.severity)
        w(f"  第 {line} 行 [{sev}] {finding_label(f.kind)}：{f.message}\n")
    w(f"数据指标：{len(a.metrics)} 项\n\n")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reviewer", description="法治政府建设年度报告审阅器")
    sub = parser.add_subparsers(dest="command", required=True)
    an = sub.add_parser("analyze", help="分析报告并输出结果")
    an.add_argument("paths", nargs="+", help="报告文件或文件夹")
    an.add_argument("--json", action="store_true", help="输出 JSON (reviewer.analysis/2)")
    an.add_argument("--checklist", default=None, help="核查清单文件 (TOML)，默认用内置清单")
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
