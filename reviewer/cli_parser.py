"""What every command of the command line shares: the argument parser, speaking the language of
``--lang`` (argparse's own words — usage, options, its error messages — are English, which read oddly
beside the Chinese help the program gives; with ``--lang en`` they, and the help, are English), the
checks made before a command writes anything (``missing_project``, ``nothing_read``), and the word on
a scan's pages while they are read (``say_pages``)."""

from __future__ import annotations

import argparse
import functools
import re
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from reviewer.model import LoadError
    from reviewer.vocab import Lang

# argparse's error messages (Python 3.11–3.13) and their Chinese; anything else passes through as is.
_ERRORS = (
    (re.compile(r"the following arguments are required: (.+)"), "缺少参数：{0}"),
    (re.compile(r"unrecognized arguments: (.+)"), "无法识别的参数：{0}"),
    (re.compile(r"argument (.+?): invalid choice: (.+?) \(choose from (.+)\)"),
     "参数 {0}：{1} 不是可选值（可选：{2}）"),
    (re.compile(r"argument (.+?): expected one argument"), "参数 {0} 后面需要一个值"),
    (re.compile(r"argument (.+?): invalid (.+?) value: (.+)"), "参数 {0}：{2} 不是有效的值"),
    (re.compile(r"argument (.+?): not allowed with argument (.+)"), "参数 {0} 不能与 {1} 同时使用"),
)


def chinese_error(message: str) -> str:
    for pattern, words in _ERRORS:
        if (m := pattern.fullmatch(message)) is not None:
            return words.format(*m.groups())
    return message


def argv_lang(argv: Sequence[str]) -> Lang:
    """The language ``--lang`` asks for anywhere on the command line, read before argparse: its usage,
    its errors and ``-h`` come as soon as it meets them, often before it reaches ``--lang`` (which
    stayed Chinese: a tester). The last one counts, as in argparse, which also takes ``--la``/``--lan``."""
    lang: Lang = "zh"
    for i, arg in enumerate(argv):
        if arg == "--":  # what follows is file names
            break
        name, eq, value = arg.partition("=")
        if len(name) >= 4 and "--lang".startswith(name):
            value = value if eq else (argv[i + 1] if i + 1 < len(argv) else "")
            if value in ("zh", "en"):
                lang = "en" if value == "en" else "zh"
    return lang


def words(lang: Lang) -> Callable[[str], str]:
    """The catalogue's words of ``id`` in ``lang``: the options' help texts (``help.*``)."""
    from reviewer.messages import msg

    return lambda id: msg(id).render(lang)


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class CommandParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose headings, help option and errors are Chinese, or argparse's own
    English with ``lang="en"``; its sub-commands' parsers speak as it does."""

    def __init__(self, *args: Any, lang: Lang = "zh", **kwargs: Any) -> None:
        self.lang: Lang = lang
        if lang == "zh":
            kwargs.setdefault("formatter_class", _Formatter)
        add_help = kwargs.pop("add_help", True)
        kwargs["add_help"] = False  # ours, worded in the parser's language, below
        super().__init__(*args, **kwargs)
        if lang == "zh":
            self._positionals.title = "参数"
            self._optionals.title = "选项"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=words(lang)("help.help"))

    def add_subparsers(self, **kwargs: Any) -> Any:
        kwargs.setdefault("parser_class", functools.partial(CommandParser, lang=self.lang))
        return super().add_subparsers(**kwargs)

    def error(self, message: str) -> NoReturn:
        if self.lang == "en":
            super().error(message)  # "usage: …" and "reviewer: error: …", argparse's English
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：错误：{chinese_error(message)}\n")


def missing_project(paths: list[str], project: str | None, lang: Lang = "zh") -> str | None:
    """Why a command must stop before it starts: a project named with no reports to bring in that
    does not exist (a mistyped name must not become a new, empty project and an empty output)."""
    from pathlib import Path

    from reviewer.location import is_server

    if not project or is_server(project):
        return None
    from reviewer.location import empty_project
    from reviewer.messages import msg

    if (empty := empty_project(project)) is not None:
        return empty.render(lang)
    if paths or Path(project).exists():
        return None
    return msg("cli.no_project", project=project).render(lang)


def nothing_read(paths: list[str], read: int, failed: int, lang: Lang = "zh") -> str | None:
    """Why a command writes nothing: none of the files given could be read (each is named on stderr)."""
    from reviewer.messages import msg
    from reviewer.paths import printable
    from reviewer.vocab import LIST_SEP

    if read:
        return None
    if failed:
        return (msg("cli.one_not_read") if failed == 1 else msg("cli.none_read", n=failed)).render(lang)
    return msg("cli.nothing_to_write", paths=LIST_SEP[lang].join(printable(p) for p in paths)).render(lang)


def say_pages(lang: Lang = "zh") -> Callable[[object, int, int], None]:
    """What says, on stderr (stdout stays the output), which page of a scan is being read: a scan takes
    seconds a page."""
    from pathlib import Path

    from reviewer.messages import msg

    def say(path: object, done: int, total: int) -> None:
        if done < total:
            words = msg("cli.scan_page", name=Path(str(path)).name, page=done + 1, total=total)
            print(words.render(lang), file=sys.stderr, flush=True)

    return say


def say_waiting(project: str, read_only: bool = False, lang: Lang = "zh") -> None:
    """Changes the window could not write to ``project`` wait in this user's journal: what a command
    reads from the project lacks them, and the reviewer is told, not left to find out."""
    from reviewer.journal import waiting_for
    from reviewer.location import display_name
    from reviewer.messages import msg

    if n := waiting_for(project):
        what = msg("cli.waiting_read_only" if read_only else "cli.waiting_open")
        print(msg("cli.waiting", n=n, project=display_name(project), what=what).render(lang), file=sys.stderr)


def say_errors(errors: Sequence[LoadError], among: Sequence[str] = (), lang: Lang = "zh") -> None:
    """Each file that could not be read, on stderr, files of one name told apart by their folders
    (from each other and from the reports read, ``among``)."""
    from reviewer.failures import said_of

    for line in said_of(errors, lang, among):
        print(line, file=sys.stderr)
