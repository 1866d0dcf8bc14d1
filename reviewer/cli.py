"""``reviewer`` command line: ``analyze``, ``export`` and ``annotate``.

``reviewer analyze PATH... [--json] [--checklist FILE] [--previous PROJECT|FOLDER]``: one JSON object
for a single file argument, an array for several files or a folder. A report whose unit's report of
the year before is in the batch or in ``--previous`` gains a ``previous_year`` object. Unreadable
files are named on stderr.
Exit codes: 0 all loaded, 1 some failed to load, 2 bad usage (argparse) or an unusable checklist.
"""

from __future__ import annotations

import argparse
import atexit
import bisect
import contextlib
import gc
import itertools
import os
import sys
import threading
from collections.abc import Generator, Iterator, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from reviewer import __version__, cli_annotate, cli_export, cli_server
from reviewer.analyze import analyze_many
from reviewer.checklist import ChecklistError, load_checklist
from reviewer.cli_parser import CommandParser, argv_lang, say_errors, say_pages, words
from reviewer.load import load_many
from reviewer.messages import msg
from reviewer.model import Analysis, LoadError
from reviewer.paths import printable, readable
from reviewer.review import gap_counts, gap_items, parts_count, summarize
from reviewer.serialize import error_json, to_json
from reviewer.vocab import (
    BRACKETS,
    CHECK_STATUS,
    FINDING_KIND,
    GROUP,
    LEVEL,
    LIST_SEP,
    PART,
    REQUIRED_PARTS,
    SEVERITY,
    UNRECOGNISED,
    Lang,
    as_lang,
)


def _cmd_analyze(args: argparse.Namespace) -> int:
    lang = as_lang(args.lang)
    try:
        checklist = load_checklist(args.checklist)
    except ChecklistError as exc:
        print(exc.message.render(lang), file=sys.stderr)
        return 2
    docs, load_errors = load_many(args.paths, pages=say_pages(lang))
    errors = list(load_errors)
    analyses = analyze_many(docs, checklist, failures=errors)
    args.kept.append(analyses)  # freed by the system at exit (see ``command``), not object by object
    if args.previous:  # last year's reports from a reference project or folder (往年报告库)
        from reviewer.library import with_library

        analyses, library_errors = with_library(analyses, args.previous, checklist)
        errors += library_errors
    say_errors(errors, [a.file for a in analyses], lang)
    single = len(args.paths) == 1 and Path(args.paths[0]).is_file()
    if not docs and not any(e.lost for e in errors):  # nothing to analyse, if only a spreadsheet (a helper session)
        paths = LIST_SEP[lang].join(printable(p) for p in args.paths)
        print(msg("cli.nothing_found", paths=paths).render(lang), file=sys.stderr)
        if args.json:  # what reads the output still gets JSON: a list, of what was said
            write_json([], errors, False, sys.stdout)
        return 1
    if args.json:
        write_json(analyses, errors, single, sys.stdout)
    else:
        for a in analyses:
            write_summary(a, sys.stdout, lang)
    return 1 if any(e.lost for e in errors) else 0  # a copy, or a report in another format, is not a failure


def write_json(analyses: Sequence[Analysis], errors: Sequence[LoadError], single: bool, out: TextIO) -> None:
    """The analyses, then an error object for each file that could not be read or analysed, as
    ``json.dump(..., ensure_ascii=False, indent=1)`` writes them; an array is written report by
    report (``reviewer.jsonout``: the same text, a third of the time, never held whole), a large
    batch's reports encoded by this process and forked copies of it (``reviewer.forkmap``)."""
    from reviewer import jsonout

    if single and len(analyses) + len(errors) == 1:
        out.write(jsonout.dumps(to_json(analyses[0]) if analyses else error_json(errors[0])))
    else:
        encoded = _encoded(analyses)
        try:
            reports = itertools.chain.from_iterable(encoded)
            jsonout.write_array(itertools.chain(reports, (jsonout.dumps(error_json(e), 1) for e in errors)), out)
        finally:
            encoded.close()  # forked encoders stopped now, not when the interpreter ends
    out.write("\n")


def _encoded(analyses: Sequence[Analysis], size: int = 8) -> Generator[list[str], None, None]:
    """Each group of ``size`` analyses encoded as array items, in order."""
    from reviewer import jsonout
    from reviewer.forkmap import forked_map, in_order
    from reviewer.pool import fork_workers

    groups = [analyses[i : i + size] for i in range(0, len(analyses), size)]

    def encode(i: int) -> list[str]:
        return [jsonout.dumps(to_json(a), 1) for a in groups[i]]

    return in_order(forked_map(encode, len(groups), fork_workers(len(analyses))))


_SUMMARY = {
    "zh": {
        "title": "标题", "issuer": "单位", "level": "层级", "year": "年度", "signed": "成文日期",
        "published": "发布日期", "parts": "组成部分", "score": "核查清单得分", "none": "无适用条目",
        "findings": "问题：{n} 处", "line": "第 {n} 行", "metrics": "数据指标：{n} 项", "unknown": UNRECOGNISED["zh"],
        "sep": "：", "space": "　",
    },
    "en": {
        "title": "Title", "issuer": "Issuing unit", "level": "Level", "year": "Year", "signed": "Signed",
        "published": "Published", "parts": "Parts", "score": "Checklist score", "none": "no applicable item",
        "findings": "Findings: {n}", "line": "line {n}", "metrics": "Figures: {n}", "unknown": UNRECOGNISED["en"],
        "sep": ": ", "space": "   ",
    },
}


def write_summary(a: Analysis, out: TextIO, lang: Lang = "zh") -> None:
    """A readable summary of one analysis in ``lang``, worded through the one vocabulary."""
    t = _SUMMARY[lang]
    m, sep, sp = a.meta, t["sep"], t["space"]

    def w(line: str) -> None:  # report text and file names: nothing in them may act on the terminal
        out.write(printable(line, lines=True))

    rv = summarize(a, {}, None)
    w(f"== {readable(a.file)}\n")
    w(f"{t['title']}{sep}{m.title_line or t['unknown']}\n")
    w(f"{t['issuer']}{sep}{m.issuer or t['unknown']}{sp}{t['level']}{sep}{LEVEL.label(m.level, lang)}{sp}"
      f"{t['year']}{sep}{m.report_year or t['unknown']}\n")
    w(f"{t['signed']}{sep}{m.signed_date or '—'}{sp}{t['published']}{sep}{m.published_date or '—'}\n")
    w(f"{t['parts']}{sep}{parts_count(rv, lang)}\n")
    for pid in REQUIRED_PARTS:  # as the window and the workbook count them; optional parts are not gaps
        if (p := a.parts.get(pid)) is not None:
            w(f"  {PART.label(pid, lang)}{sep}{CHECK_STATUS.label(p.status, lang)}\n")
    score = f"{rv.points:g}/{rv.judged}" + BRACKETS[lang].format(f"{rv.rate:.0%}") if rv.rate is not None else t["none"]
    w(f"{t['score']}{sep}{score}{sp}{gap_counts(rv, lang)}\n")
    for c in gap_items(a):
        w(f"  [{CHECK_STATUS.label(c.status, lang)}] {GROUP.label(c.group, lang)}·{c.label(lang)}{sep}"
          f"{c.note.render(lang)}\n")
    w(t["findings"].format(n=rv.findings) + "\n")
    # Line numbers by bisection over the newlines, not by counting from the start for every finding.
    breaks = [i for i, ch in enumerate(a.text) if ch == "\n"]
    for f in a.findings:
        where = t["line"].format(n=bisect.bisect_left(breaks, f.start) + 1) if a.text else ""
        w(f"  {where} [{SEVERITY.label(f.severity, lang)}] {FINDING_KIND.label(f.kind, lang)}{sep}"
          f"{f.message.render(lang)}\n")
    w(t["metrics"].format(n=len(a.metrics)) + "\n\n")


def build_parser(lang: Lang = "zh") -> argparse.ArgumentParser:
    """The command line's parser, its help and errors in ``lang``."""
    t = words(lang)
    parser = CommandParser(prog="reviewer", description=t("help.reviewer"), lang=lang)
    parser.add_argument("--version", action="version", version=f"reviewer {__version__}", help=t("help.version"))
    sub = parser.add_subparsers(dest="command", required=True)
    an = sub.add_parser("analyze", help=t("help.analyze"))
    an.add_argument("paths", nargs="+", help=t("help.paths"))
    an.add_argument("--json", action="store_true", help=t("help.analyze.json"))
    an.add_argument("--checklist", default=None, help=t("help.checklist"))
    an.add_argument("--lang", default="zh", choices=("zh", "en"), help=t("help.analyze.lang"))
    an.add_argument("--previous", default=None, metavar="PATH", help=t("help.analyze.previous"))
    an.set_defaults(func=_cmd_analyze)
    cli_export.register(sub, lang)
    cli_server.register(sub, lang)
    cli_annotate.register(sub, lang)
    return parser


def main(argv: Sequence[str] | None = None, kept: list[object] | None = None) -> int:
    """Run one command; what it makes that lives to the end is appended to ``kept``."""
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(argv_lang(argv))
    args = parser.parse_args(argv)
    args.kept = kept if kept is not None else []
    try:
        with _few_collections():
            code: int = args.func(args)
    except BrokenPipeError:  # the reader stopped reading (… | head): stop quietly, as other tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return 1
    except KeyboardInterrupt:  # Ctrl+C: said in a word, as other tools do, not as a traceback (a helper session)
        print(msg("cli.interrupted").render(as_lang(getattr(args, "lang", "zh"))), file=sys.stderr)
        return 130
    return code


def command() -> NoReturn:
    """The installed ``reviewer`` command: ``main``, then an exit without the interpreter's teardown.

    A batch leaves millions of objects. Freeing them one by one, then every module, took 0.07-0.09 s
    of a 1.1 s run over 200 reports, for memory the system takes back at once. Output is flushed
    and exit handlers run first; with another thread alive (a process pool's) the normal exit
    waits for it instead.
    """
    kept: list[object] = []
    code = main(kept=kept)
    if threading.active_count() > 1:
        sys.exit(code)
    atexit._run_exitfuncs()  # logging's shutdown and the like, as a normal exit runs them
    try:  # after the exit handlers: what they write is flushed too
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # the reader left before the end: nothing more can reach it
        code = code or 1
    os._exit(code)


@contextlib.contextmanager
def _few_collections() -> Iterator[None]:
    """Collect cyclic garbage less often while a command runs, as it was after.

    A batch makes millions of objects that live to the end (the analyses) and almost no cycles; at
    the default threshold the collector walked them ~300 times over 200 reports: 0.06-0.08 s of a
    1.3 s run (measured with gc.callbacks; the same saving as turning it off)."""
    before = gc.get_threshold()
    gc.set_threshold(50_000, 20, 20)
    try:
        yield
    finally:
        gc.set_threshold(*before)


if __name__ == "__main__":
    command()
