"""The team's server from the command line.

    reviewer server init URL                      create or migrate the project's schema (idempotent)
    reviewer server add-reviewer URL NAME [--lead] [--password-file F]
    reviewer project copy SRC DEST                a whole project between a file and a server, either way
    reviewer project assign LOCATION --reviewer NAME REPORT...
    reviewer project unassign LOCATION --reviewer NAME REPORT...

Passwords for URLs come from the URL itself, ``PGPASSWORD`` or ``~/.pgpass`` (libpq's own ways),
so they need not appear on a command line.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewer.cli_parser import words

if TYPE_CHECKING:
    from reviewer.vocab import Lang


def register(sub: Any, lang: Lang = "zh") -> None:
    t = words(lang)
    server = sub.add_parser("server", help=t("help.server")).add_subparsers(dest="action", required=True)
    init = server.add_parser("init", help=t("help.server.init"))
    init.add_argument("url", help=t("help.server.url"))
    init.set_defaults(func=_init)
    add = server.add_parser("add-reviewer", help=t("help.server.add"))
    add.add_argument("url", help=t("help.server.url"))
    add.add_argument("name", help=t("help.server.name"))
    add.add_argument("--lead", action="store_true", help=t("help.server.lead"))
    add.add_argument("--password-file", type=Path, default=None, help=t("help.server.password_file"))
    add.set_defaults(func=_add_reviewer)
    project = sub.add_parser("project", help=t("help.project")).add_subparsers(dest="action", required=True)
    cp = project.add_parser("copy", help=t("help.project.copy"))
    cp.add_argument("source", help=t("help.project.source"))
    cp.add_argument("destination", help=t("help.project.destination"))
    cp.set_defaults(func=_copy)
    for change, func in (("assign", _assign), ("unassign", _unassign)):  # worded alike
        act = project.add_parser(change, help=t(f"help.project.{change}"))
        act.add_argument("location", help=t("help.project.location"))
        act.add_argument("--reviewer", required=True, help=t("help.project.reviewer"))
        act.add_argument("reports", nargs="+", help=t("help.project.reports"))
        act.set_defaults(func=func)


def _fail(exc: Exception) -> int:
    print(exc, file=sys.stderr)
    return 1


def _init(args: argparse.Namespace) -> int:
    from reviewer.location import display_name
    from reviewer.server_admin import init_server
    from reviewer.store_schema import StoreError

    try:
        before, now = init_server(args.url)
    except StoreError as exc:
        return _fail(exc)
    name = display_name(args.url)
    print(f"审阅项目 {name} 已是最新（格式版本 {now}）" if before == now
          else f"审阅项目 {name} 已建立（格式版本 {before} → {now}）")
    return 0


def _new_password(args: argparse.Namespace) -> str | None:
    if args.password_file is not None:
        try:
            lines = args.password_file.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise ValueError(f"无法读取密码文件 {args.password_file}：{exc.strerror or exc}") from exc
        if not lines or not lines[0]:
            raise ValueError(f"密码文件 {args.password_file} 的第一行是空的")
        return str(lines[0])
    if not sys.stdin.isatty():
        line = sys.stdin.readline().rstrip("\n")
        return line or None
    first = getpass.getpass(f"{args.name} 的密码（已有账号时直接回车，不修改）：")
    if first and getpass.getpass("再输入一次：") != first:
        raise ValueError("两次输入的密码不一致，未做任何修改")
    return first or None


def _add_reviewer(args: argparse.Namespace) -> int:
    from reviewer.server_admin import add_reviewer
    from reviewer.store_schema import StoreError

    try:
        created = add_reviewer(args.url, args.name, _new_password(args), lead=args.lead)
    except (StoreError, ValueError) as exc:
        return _fail(exc)
    role = "组长" if args.lead else "审阅人"
    print(f"已{'建立账号并' if created else ''}把 {args.name} 加入审阅项目（{role}）")
    return 0


def _copy(args: argparse.Namespace) -> int:
    from reviewer.location import redact
    from reviewer.project_copy import copy_project
    from reviewer.store_schema import StoreError

    try:
        n = copy_project(args.source, args.destination)
    except StoreError as exc:
        return _fail(exc)
    print(f"已复制 {n['reports']} 份报告、{n['decisions']} 条审阅意见、{n['verdicts']} 个结论、"
          f"{n['history']} 条历史记录：{redact(args.source)} → {redact(args.destination)}")
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
        return _fail(exc)
    try:
        act = getattr(store, change, None)
        if act is None:
            print("只有审阅服务器上的项目才能分配报告；项目文件只有一位审阅人", file=sys.stderr)
            return 2
        shas, unknown = match_reports(store.reports(), args.reports)
        for name in unknown:
            print(f"项目中没有报告“{name}”", file=sys.stderr)
        n = act(shas, args.reviewer) if shas else 0
    except StoreError as exc:
        return _fail(exc)
    finally:
        store.close()
    if change == "assign":
        print(f"已把 {len(shas)} 份报告分配给 {args.reviewer}（新分配 {n} 份）")
    else:
        print(f"已收回分配给 {args.reviewer} 的 {n} 份报告")
    return 1 if unknown else 0
