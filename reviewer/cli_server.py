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
from typing import Any


def register(sub: Any) -> None:
    server = sub.add_parser("server", help="审阅服务器（PostgreSQL）的设置").add_subparsers(
        dest="action", required=True)
    init = server.add_parser("init", help="在服务器的数据库上建立（或升级）审阅项目")
    init.add_argument("url", help="postgresql://管理员@服务器:5432/数据库")
    init.set_defaults(func=_init)
    add = server.add_parser("add-reviewer", help="为审阅人建立登录账号并加入项目")
    add.add_argument("url", help="postgresql://管理员@服务器:5432/数据库")
    add.add_argument("name", help="审阅人的名字（也是登录名）")
    add.add_argument("--lead", action="store_true", help="组长：可以分配报告、设定最终结论")
    add.add_argument("--password-file", type=Path, default=None, help="从文件读取新账号的密码（第一行）")
    add.set_defaults(func=_add_reviewer)
    project = sub.add_parser("project", help="复制或分配审阅项目").add_subparsers(dest="action", required=True)
    cp = project.add_parser("copy", help="把整个审阅项目复制到另一处（项目文件或服务器）")
    cp.add_argument("source", help="项目文件或 postgresql:// 地址")
    cp.add_argument("destination", help="项目文件或 postgresql:// 地址（必须还没有报告）")
    cp.set_defaults(func=_copy)
    assign = project.add_parser("assign", help="把报告分配给审阅人（组长）")
    assign.add_argument("location", help="postgresql:// 地址")
    assign.add_argument("--reviewer", required=True, help="审阅人的名字")
    assign.add_argument("reports", nargs="+", help="报告的文件名或内容哈希（sha256，可只写前 8 位以上）")
    assign.set_defaults(func=_assign)
    unassign = project.add_parser("unassign", help="收回分配给审阅人的报告（组长）")
    unassign.add_argument("location", help="postgresql:// 地址")
    unassign.add_argument("--reviewer", required=True, help="审阅人的名字")
    unassign.add_argument("reports", nargs="+", help="报告的文件名或内容哈希（sha256，可只写前 8 位以上）")
    unassign.set_defaults(func=_unassign)


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
