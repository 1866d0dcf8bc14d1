"""``reviewer annotate [PATH...] --project P -o FOLDER [--letter] [--template FILE] [--reviewer NAME]
[--include-unreviewed]``.

Writes, for each report that has been reviewed (reports still 未审 are skipped and listed, unless
``--include-unreviewed``), its annotated Word copy (the review as comments) and, with ``--letter``,
its review letter (审阅意见书) into FOLDER, named after the unit and year. The reports and the
review are gathered as ``reviewer export`` gathers them: with ``--project`` and no paths, every
report of the project with the reviewer's decisions; with paths, those reports (brought into the
project when one is named). Exit codes: 0 written, 1 some report or file failed, 2 bad usage.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from reviewer.cli_parser import missing_project, nothing_read, say_errors, say_waiting, words
from reviewer.model import Analysis, ItemDecision, LoadError, ReportVerdict
from reviewer.vocab import Lang

if TYPE_CHECKING:
    from reviewer.annotate import AnnotateResult


def register(sub: Any, lang: Lang = "zh") -> None:
    t = words(lang)
    an = sub.add_parser("annotate", help=t("help.annotate"))
    an.add_argument("paths", nargs="*", help=t("help.annotate.paths"))
    an.add_argument("-o", "--output", required=True, help=t("help.annotate.output"))
    an.add_argument("--project", default=None, help=t("help.annotate.project"))
    an.add_argument("--letter", action="store_true", help=t("help.annotate.letter"))
    an.add_argument("--template", default=None, help=t("help.annotate.template"))
    an.add_argument("--reviewer", default="", help=t("help.annotate.reviewer"))
    an.add_argument("--office", default="", help=t("help.annotate.office"))
    an.add_argument("--checklist", default=None, help=t("help.checklist_project"))
    an.add_argument("--lang", default="zh", choices=("zh", "en"), help=t("help.annotate.lang"))
    an.add_argument("--include-unreviewed", action="store_true", help=t("help.annotate.unreviewed"))
    an.set_defaults(func=run)


Review = tuple[dict[str, dict[str, ItemDecision]], dict[str, ReportVerdict]]


def _gather(args: argparse.Namespace) -> tuple[list[Analysis], list[LoadError], Review, Any, str]:
    """The analyses, load errors, decisions and verdicts, the checklist, and who signs a report nobody
    reviewed (raises on a bad project or checklist)."""
    from reviewer.cli_export import _checklist, _from_files, _from_project
    from reviewer.review import last_change
    from reviewer.store import READ_ONLY, open_store
    from reviewer.vocab import as_lang

    store = open_store(args.project, check=True) if args.project else None
    if store is not None:
        say_waiting(args.project, store.journal_mode == READ_ONLY, as_lang(args.lang))
    try:
        checklist = _checklist(args.checklist, store)
        if store is None:
            analyses, errors = _from_files(args.paths, checklist, lang=as_lang(args.lang))
            return analyses, errors, ({}, {}), checklist, ""
        analyses, errors = _from_project(args, store, checklist)
        decisions, all_verdicts = store.all_decisions(), store.all_verdicts()
        live = {r.sha256 for r in store.reports()}  # not a removed report's reviewer
        identity = getattr(store, "identity", None)  # on the team's server: who is writing these
        signer = identity[0] if identity else last_change(
            [d for k, ds in decisions.items() if k in live for d in ds.values()],
            [v for k, v in all_verdicts.items() if k in live], named=True)[1]
        verdicts = {a.sha256: all_verdicts[a.sha256] for a in analyses if a.sha256 in all_verdicts}
        return analyses, errors, (decisions, verdicts), checklist, signer
    finally:
        if store is not None:
            store.close()


def run(args: argparse.Namespace) -> int:
    from reviewer.annotate import AnnotateError, AnnotateOptions, NoReviewerNameError, annotate_reports
    from reviewer.checklist import ChecklistError
    from reviewer.messages import msg
    from reviewer.store import StoreError
    from reviewer.vocab import COLON, as_lang

    lang = as_lang(args.lang)
    if not args.paths and not args.project:
        print(msg("cli.no_input").render(lang), file=sys.stderr)
        return 2
    if (refused := missing_project(args.paths, args.project, lang)) is not None:
        print(refused, file=sys.stderr)
        return 2
    try:
        analyses, errors, (decisions, verdicts), checklist, signer = _gather(args)
    except ChecklistError as exc:
        print(exc.message.render(lang), file=sys.stderr)
        return 2
    except StoreError as exc:
        print(exc.said(lang), file=sys.stderr)
        return 1
    if args.paths and (empty := nothing_read(args.paths, len(analyses), len(errors), lang)) is not None:
        say_errors(errors, lang=lang)
        print(empty, file=sys.stderr)
        return 1
    options = AnnotateOptions(reviewer=args.reviewer.strip(), letter=args.letter, template=args.template,
                              office=args.office.strip(), lang=lang,
                              include_unreviewed=args.include_unreviewed,
                              project_reviewer=signer)
    try:
        result = annotate_reports(analyses, args.output, decisions=decisions, verdicts=verdicts,
                                  checklist=checklist, options=options)
    except NoReviewerNameError as exc:
        print(f"{exc.message.render(lang)}{COLON[lang]}{msg('cli.need_reviewer').render(lang)}", file=sys.stderr)
        return 2
    except AnnotateError as exc:
        print(exc.message.render(lang), file=sys.stderr)
        return 1
    say_errors(errors, [a.file for a in analyses], lang)
    _say_written(result, analyses, args, lang)
    return 1 if any(e.lost for e in errors) else 0  # a copy, or a report in another format, is not a failure


def _say_written(result: AnnotateResult, analyses: list[Analysis], args: argparse.Namespace, lang: Lang) -> None:
    """What was written where, and which reports were skipped (still 未审)."""
    from reviewer.annotate import report_stem
    from reviewer.messages import msg
    from reviewer.vocab import COLON

    for w in result.written:
        print(msg("cli.comments", path=str(w.annotated), n=w.comments).render(lang))
        if w.letter is not None:
            print(w.letter)
    done = msg("cli.annotated_letters" if args.letter else "cli.annotated", n=len(result.written), folder=args.output)
    print(done.render(lang))
    if len(result.replaced) == 1:  # written over, as scripts expect, and said (a helper session)
        print(msg("cli.replaced", path=str(result.replaced[0])).render(lang), file=sys.stderr)
    elif result.replaced:
        names = tuple(p.name for p in result.replaced)
        print(msg("cli.replaced_in", folder=args.output, n=len(names), names=names).render(lang), file=sys.stderr)
    if result.skipped:
        print(f"{result.skipped_note(lang)}{COLON[lang].rstrip()}")
        stems = {a.sha256: report_stem(a, lang) for a in analyses}
        for sha in result.skipped:
            print(f"  {stems[sha]}")
        print(msg("cli.skipped_hint", n=len(result.skipped)).render(lang))
