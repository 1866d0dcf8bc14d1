"""The team's server from the command line.

    reviewer server init URL                      create or migrate the project's schema (idempotent)
    reviewer server add-reviewer URL NAME [--lead] [--password-file F]
    reviewer project copy SRC DEST                a whole project between a file and a server, either way
    reviewer project assign LOCATION --reviewer NAME REPORT...
    reviewer project unassign LOCATION --reviewer NAME REPORT...

Each takes ``--lang zh|en``, as the other commands do: what it says, and what the server refuses, in
that language. Passwords for URLs come from the URL itself, ``PGPASSWORD`` or ``~/.pgpass`` (libpq's
own ways), so they need not appear on a command line.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewer.cli_parser import words
from reviewer.messages import Message, MessageError, msg, os_reason
from reviewer.vocab import as_lang

if TYPE_CHECKING:
    from reviewer.store_schema import StoreError
    from reviewer.vocab import Lang


def register(sub: Any, lang: Lang = "zh") -> None:
    t = words(lang)
    server = sub.add_parser("server", help=t("help.server")).add_subparsers(dest="action", required=True)
    init = server.add_parser("init", help=t("help.server.init"))
    init.add_argument("url", help=t("help.server.url"))
    init.set_defaults(func=_init)
    _lang_option(init, t)
    add = server.add_parser("add-reviewer", help=t("help.server.add"))
    add.add_argument("url", help=t("help.server.url"))
    add.add_argument("name", help=t("help.server.name"))
    add.add_argument("--lead", action="store_true", help=t("help.server.lead"))
    add.add_argument("--password-file", type=Path, default=None, help=t("help.server.password_file"))
    add.set_defaults(func=_add_reviewer)
    _lang_option(add, t)
    project = sub.add_parser("project", help=t("help.project")).add_subparsers(dest="action", required=True)
    cp = project.add_parser("copy", help=t("help.project.copy"))
    cp.add_argument("source", help=t("help.project.source"))
    cp.add_argument("destination", help=t("help.project.destination"))
    cp.set_defaults(func=_copy)
    _lang_option(cp, t)
    for change, func in (("assign", _assign), ("unassign", _unassign)):  # worded alike
        act = project.add_parser(change, help=t(f"help.project.{change}"))
        act.add_argument("location", help=t("help.project.location"))
        act.add_argument("--reviewer", required=True, help=t("help.project.reviewer"))
        act.add_argument("reports", nargs="+", help=t("help.project.reports"))
        act.set_defaults(func=func)
        _lang_option(act, t)


def _lang_option(parser: Any, t: Callable[[str], str]) -> None:
    """``--lang``, as every other command has it (argparse answered "unrecognized arguments": a helper session)."""
    parser.add_argument("--lang", default="zh", choices=("zh", "en"), help=t("help.server.lang"))


def _say(args: argparse.Namespace, message: Message, err: bool = False) -> None:
    print(message.render(as_lang(args.lang)), file=sys.stderr if err else sys.stdout)


def _fail(args: argparse.Namespace, exc: StoreError | MessageError) -> int:
    """The error in the command's language (``str()`` of either is Chinese)."""
    lang = as_lang(args.lang)
    print(exc.message.render(lang) if isinstance(exc, MessageError) else exc.said(lang), file=sys.stderr)
    return 1


class _PasswordError(MessageError):
    """The new login's password cannot be had (its file unreadable, or typed twice differently)."""


def _init(args: argparse.Namespace) -> int:
    from reviewer.location import display_name
    from reviewer.server_admin import init_server
    from reviewer.store_schema import StoreError

    try:
        before, now = init_server(args.url)
    except StoreError as exc:
        return _fail(args, exc)
    name = display_name(args.url)
    _say(args, msg("server.up_to_date", name=name, now=now) if before == now
         else msg("server.made", name=name, before=before, now=now))
    return 0


def _new_password(args: argparse.Namespace) -> str | None:
    lang = as_lang(args.lang)
    if args.password_file is not None:
        path = str(args.password_file)
        try:
            lines = args.password_file.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise _PasswordError(msg("server.password_unreadable", path=path, reason=os_reason(exc))) from exc
        if not lines or not lines[0]:
            raise _PasswordError(msg("server.password_empty", path=path))
        return str(lines[0])
    if not sys.stdin.isatty():
        line = sys.stdin.readline().rstrip("\n")
        return line or None
    first = getpass.getpass(msg("server.password_prompt", name=args.name).render(lang))
    if first and getpass.getpass(msg("server.password_again").render(lang)) != first:
        raise _PasswordError(msg("server.password_mismatch"))
    return first or None


def _add_reviewer(args: argparse.Namespace) -> int:
    from reviewer.server_admin import add_reviewer
    from reviewer.store_schema import StoreError

    try:
        created = add_reviewer(args.url, args.name, _new_password(args), lead=args.lead)
    except (StoreError, _PasswordError) as exc:
        return _fail(args, exc)
    role = msg("server.role_lead" if args.lead else "server.role_reviewer")
    _say(args, msg("server.login_added" if created else "server.added", name=args.name, role=role))
    return 0


def _copy(args: argparse.Namespace) -> int:
    from reviewer.location import redact
    from reviewer.project_copy import copy_project
    from reviewer.store_schema import StoreError

    try:
        n = copy_project(args.source, args.destination)
    except StoreError as exc:
        return _fail(args, exc)
    _say(args, msg("project.copied", **n, source=redact(args.source), destination=redact(args.destination)))
    return 0


def match_reports(records: list[Any], wanted: list[str]) -> tuple[list[str], list[str]]:
    """Reports named by file name, path or (a prefix of at least 8 of) their hash; and names matching none."""
    found: list[str] = []
    unknown: list[str] = []
    for name in wanted:
        hits = [r.sha256 for r in records if name in (r.name, r.path, Path(r.path).name)
                or (len(name) >= 8 and r.sha256.startswith(name.lower()))]
        if hits:
            found += [h for h in hits if h not in found]
        else:
            unknown.append(name)
    return found, unknown


def _assign(args: argparse.Namespace) -> int:
    return _assignment(args, "assign")


def _unassign(args: argparse.Namespace) -> int:
    return _assignment(args, "unassign")


def _assignment(args: argparse.Namespace, change: str) -> int:
    """``project assign`` or ``project unassign``: the reports named, to or from the reviewer."""
    from reviewer.store import open_store
    from reviewer.store_schema import StoreError

    try:
        store = open_store(args.location)
    except StoreError as exc:
        return _fail(args, exc)
    try:
        act = getattr(store, change, None)
        if act is None:
            _say(args, msg("project.assign_file"), err=True)
            return 2
        shas, unknown = match_reports(store.reports(), args.reports)
        for name in unknown:
            _say(args, msg("project.no_report", name=name), err=True)
        n = act(shas, args.reviewer) if shas else 0
    except StoreError as exc:
        return _fail(args, exc)
    finally:
        store.close()
    if change == "assign":
        _say(args, msg("project.assigned", n=len(shas), reviewer=args.reviewer, new=n))
    else:
        _say(args, msg("project.unassigned", reviewer=args.reviewer, n=n))
    return 1 if unknown else 0
