"""``reviewer export [PATH...] -o review.xlsx [--project FILE] [--checklist FILE] [--lang zh|en]``.

With ``--project`` the named reports are brought into the project (their texts kept there) and
exported with the reviewer's decisions; with no paths, every report of the project is exported.
Findings that compare reports (shared paragraphs, last year's report beside this year's, from the
project or its 往年报告库) are worked out over the whole project, with the reviewer's pairings.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from reviewer.checklist import Checklist, ChecklistError, load_checklist
from reviewer.cli_parser import missing_project, nothing_read, say_errors, say_pages, say_waiting, words
from reviewer.model import Analysis, LoadError
from reviewer.review_store import ReviewStore
from reviewer.vocab import Lang


def register(sub: Any, lang: Lang = "zh") -> None:
    t = words(lang)
    ex = sub.add_parser("export", help=t("help.export"))
    ex.add_argument("paths", nargs="*", help=t("help.export.paths"))
    ex.add_argument("-o", "--output", required=True, help=t("help.export.output"))
    ex.add_argument("--project", default=None, help=t("help.export.project"))
    ex.add_argument("--checklist", default=None, help=t("help.checklist_project"))
    ex.add_argument("--lang", default="zh", choices=("zh", "en"), help=t("help.export.lang"))
    ex.add_argument("--previous", default=None, metavar="PATH", help=t("help.export.previous"))
    ex.set_defaults(func=run)


def _from_project(args: argparse.Namespace, store: ReviewStore, checklist: Checklist
                  ) -> tuple[list[Analysis], list[LoadError]]:
    from reviewer.batch import import_reports, project_reports, with_project_findings
    from reviewer.library import last_year_inputs
    from reviewer.report_files import iter_report_files

    errors: list[LoadError] = []
    named: list[str] | None = None
    if args.paths:
        given = [os.path.abspath(f) for f in iter_report_files(args.paths)]
        kept = _changed_sources(given, store)
        batch = import_reports([f for f in given if f not in kept], checklist, store)
        errors += batch.errors + [LoadError(path, "changed", _kept_as_it_was(path)) for path in kept]
        if added := len(batch.added) - len(batch.known):  # the review's record changed: said (a helper session)
            from reviewer.location import display_name
            from reviewer.messages import msg
            from reviewer.vocab import as_lang

            print(msg("cli.added_to_project", n=added, project=display_name(args.project)).render(as_lang(args.lang)),
                  file=sys.stderr)
        # in the order of the files; a copy, or another format of a report, stands for that report
        read = {**batch.same_as, **{os.path.abspath(a.file): a.sha256 for a in batch.analyses}, **kept}
        named = list(dict.fromkeys(sha for f in given if (sha := read.get(f))))
    project = project_reports(store, checklist)
    errors += project.errors
    # last year's reports of the project's library, with the reviewer's pairings, as the window shows them
    last = last_year_inputs(store, checklist, frozenset(a.sha256 for a in project.analyses))
    errors += last.errors
    full = {a.sha256: a for a in with_project_findings(project.analyses, last.library, last.corrections)}
    order = named if named is not None else list(full)
    return [full[sha] for sha in order if sha in full], errors


def _changed_sources(given: list[str], store: ReviewStore) -> dict[str, str]:
    """Files among ``given`` (absolute paths) whose content changed since the project took them in
    (path → the project's version). An export only reads: it does not put a new version in place of a
    report under review (that resets its verdict, and sets its decisions to re-check); the window
    does, when asked. Only the project's files among ``given`` are looked at."""
    from reviewer.batch import changed_sources

    wanted = set(given)
    records = [r for r in store.reports() if os.path.abspath(r.path) in wanted]
    changed = set(changed_sources(records))
    return {os.path.abspath(r.path): r.sha256 for r in records if r.sha256 in changed}


def _kept_as_it_was(path: str, lang: Lang = "zh") -> str:
    """What is said of a project's report whose file changed: its kept version is used. A load
    error's message is Chinese (its English is the kind's label, without the way to the new version),
    so the command says it in ``lang`` itself (``_say_errors``)."""
    from reviewer.messages import msg
    from reviewer.paths import printable

    return msg("cli.kept_as_it_was", name=printable(Path(path).name)).render(lang)


def _say_errors(errors: list[LoadError], among: list[str], lang: Lang) -> None:
    """The files not read, then the files whose kept version was used, each in ``lang``."""
    say_errors([e for e in errors if e.kind != "changed"], among, lang)
    for e in errors:
        if e.kind == "changed":
            print(_kept_as_it_was(e.path, lang), file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from reviewer.store import READ_ONLY, StoreError, open_store
    from reviewer.vocab import as_lang

    lang = as_lang(args.lang)
    if not _usable(args):
        return 2
    store: ReviewStore | None = None
    try:
        store = open_store(args.project, check=True) if args.project else None
        if store is not None:
            say_waiting(args.project, store.journal_mode == READ_ONLY, lang)
        checklist = _checklist(args.checklist, store)
    except (ChecklistError, StoreError) as exc:  # the project's checklist unreadable, or the server gone
        if store is not None:
            store.close()
        print(exc.message.render(lang) if isinstance(exc, ChecklistError) else exc.said(lang), file=sys.stderr)
        return 2 if isinstance(exc, ChecklistError) else 1
    try:
        return _export(args, store, checklist, lang)
    finally:
        if store is not None:  # on every way out: the project's connection is closed, not left to the exit
            store.close()


def _export(args: argparse.Namespace, store: ReviewStore | None, checklist: Checklist, lang: Lang) -> int:
    from reviewer.export import ExportError, ExportInfo, export, export_from_store
    from reviewer.failures import kept_failures
    from reviewer.location import display_name
    from reviewer.messages import msg
    from reviewer.store import StoreError

    replacing = Path(args.output).exists()  # written over, as scripts expect, and said (a helper session)
    info = ExportInfo(project=display_name(args.project) if args.project else "", checklist=checklist.label(lang),
                      checklist_version=checklist.version, lang=lang)
    try:
        if store is not None:
            if args.previous:  # not dropped without a word (a code review)
                _take_previous(args.previous, store, args.project, lang)
            analyses, errors = _from_project(args, store, checklist)
            kept = kept_failures(store)  # the project's list, this run's among them
            listed = {k.path for k in kept}
            failures = (*kept, *(e for e in errors if os.path.abspath(e.path) not in listed))
            out = export_from_store(analyses, args.output, store, checklist, replace(info, failures=failures))
        else:
            analyses, errors = _from_files(args.paths, checklist, args.previous, lang)
            if (empty := nothing_read(args.paths, len(analyses), len(errors), lang)) is not None:
                say_errors(errors, lang=lang)
                print(empty, file=sys.stderr)
                return 1
            out = export(analyses, args.output, checklist=checklist, info=replace(info, failures=tuple(errors)))
    except ExportError as exc:
        print(exc.message.render(lang), file=sys.stderr)
        return 1
    except StoreError as exc:
        print(exc.said(lang), file=sys.stderr)
        return 1
    _say_errors(errors, [a.file for a in analyses], lang)
    if replacing:
        print(msg("cli.replaced", path=str(out)).render(lang), file=sys.stderr)
    print(msg("cli.exported", n=len(analyses), path=str(out)).render(lang))
    return 1 if any(e.lost for e in errors) else 0  # a copy, or a report in another format, is not a failure


def _take_previous(previous: str, store: ReviewStore, project: str, lang: Lang) -> None:
    """``--previous`` with a project: the project's library when it has none yet (a new project, or one
    never given one), said; one the project has stays, said too. The export went on with no last-year
    sheets, and the command line had no way to give a project its library (a helper session)."""
    from reviewer.library import same_library, set_library
    from reviewer.location import display_name
    from reviewer.messages import msg
    from reviewer.paths import printable
    from reviewer.store import StoreError
    from reviewer.store_lastyear import LIBRARY_SETTING

    own = store.setting(LIBRARY_SETTING) or ""
    if own and same_library(own, previous):
        return
    if own:
        said = msg("cli.previous_with_project")
    elif not Path(previous).exists():  # a mistyped path is not kept in the project for every later export
        said = msg("cli.previous_missing", path=printable(previous))
    else:
        try:
            kept = set_library(store, previous)
        except StoreError as exc:  # on the team's server, not the lead (the server refuses); a read-only file
            print(msg("cli.previous_refused", reason=exc.said(lang)).render(lang), file=sys.stderr)
            return
        said = msg("cli.library_set", library=printable(kept), project=display_name(project))
    print(said.render(lang), file=sys.stderr)


def _usable(args: argparse.Namespace) -> bool:
    """Whether the command can go on (else said why); ``args.output`` made the workbook's file name."""
    from reviewer.messages import msg
    from reviewer.vocab import as_lang

    lang = as_lang(args.lang)
    if not args.paths and not args.project:
        print(msg("cli.no_input").render(lang), file=sys.stderr)
        return False
    if (refused := missing_project(args.paths, args.project, lang)) is not None:
        print(refused, file=sys.stderr)
        return False
    output = _workbook_name(args.output, msg("cli.workbook_name").render(lang))
    if output is None:
        given = Path(args.output)
        print(msg("cli.not_xlsx", name=given.name, example=given.with_suffix(".xlsx").name).render(lang),
              file=sys.stderr)
        return False
    if not Path(output).parent.is_dir():  # said before the reports are read, not after (a helper session)
        print(msg("out.no_folder", name=Path(output).name, folder=str(Path(output).parent)).render(lang),
              file=sys.stderr)
        return False
    if output != args.output:
        why = "cli.into_folder" if Path(args.output).is_dir() else "cli.suffix_added"
        print(msg(why, path=output).render(lang), file=sys.stderr)
        args.output = output
    return True


def _workbook_name(output: str, inside: str = "审阅结果.xlsx") -> str | None:
    """The workbook's file name: as given when it ends in .xlsx, with .xlsx added when it has no
    suffix, ``inside`` it when it is a folder; None for another suffix (``-o x.csv`` must not silently
    become x.xlsx)."""
    if Path(output).is_dir() or output.endswith(("/", os.sep)):  # nodir/ is a folder, not "nodir/.xlsx"
        return str(Path(output) / inside)
    suffix = Path(output).suffix.lower()
    if suffix == ".xlsx":
        return output
    return output + ".xlsx" if not suffix else None


def _checklist(path: str | None, store: ReviewStore | None) -> Checklist:
    """The file given, else the one the project's analyses were made with, else the built-in one."""
    if path:
        return load_checklist(path)
    kept = store.checklist() if store is not None else None
    return kept if kept is not None else load_checklist()


def _from_files(paths: list[str], checklist: Checklist, previous: str | None = None, lang: Lang = "zh"
                ) -> tuple[list[Analysis], list[LoadError]]:
    """The files analysed, compared with last year's reports of the batch and of ``previous`` (往年报告库:
    export had no --previous, so its three last-year sheets needed both years in one batch: a helper session)."""
    from reviewer.analyze import analyze_many
    from reviewer.load import load_many

    docs, load_errors = load_many(paths, pages=say_pages(lang))
    errors = list(load_errors)
    analyses = analyze_many(docs, checklist, failures=errors)
    if previous and analyses:
        from reviewer.library import with_library

        analyses, library_errors = with_library(analyses, previous, checklist)
        errors += library_errors
    return analyses, errors
