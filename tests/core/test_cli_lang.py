"""With ``--lang en`` the command line says everything in English: argparse's usage, errors and help too,
wherever ``--lang`` stands; without it, Chinese as before. Found by a helper session: 用法：…、错误：…
and every -h text stayed Chinese under --lang en."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from reviewer.cli import build_parser, main
from reviewer.cli_parser import argv_lang
from tests.conftest import seed_path

CJK = re.compile(r"[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]")


def _stderr_of(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 2
    return capsys.readouterr().err


@pytest.mark.parametrize(("argv", "said"), [
    (["analyze", "--lang", "en"], "reviewer analyze: error: the following arguments are required: paths"),
    (["analyze", "x.txt", "--bogus", "--lang", "en"], "reviewer: error: unrecognized arguments: --bogus"),
    (["analyze", "x.txt", "--lang", "en", "--checklist"],
     "reviewer analyze: error: argument --checklist: expected one argument"),
    (["export", "x.txt", "--lang=en"], "reviewer export: error: the following arguments are required: -o/--output"),
    (["frob", "--lang", "en"], "reviewer: error: argument command: invalid choice: 'frob' (choose from 'analyze', "
                               "'export', 'server', 'project', 'annotate')"),
    (["annotate", "--lan", "en", "-o"], "reviewer annotate: error: argument -o/--output: expected one argument"),
])
def test_argparse_errors_are_english_wherever_lang_en_stands(argv: list[str], said: str,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    err = _stderr_of(argv, capsys)
    assert err.startswith("usage: reviewer") and err.endswith(f"\n{said}\n")
    assert not CJK.search(err), err


def test_without_lang_en_argparse_stays_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    err = _stderr_of(["analyze", "x.txt", "--bogus"], capsys)
    assert err.startswith("用法：reviewer") and err.endswith("reviewer：错误：无法识别的参数：--bogus\n")
    err = _stderr_of(["analyze", "x.txt", "--lang", "fr"], capsys)  # not a language: Chinese, as before
    assert err.endswith("reviewer analyze：错误：参数 --lang：'fr' 不是可选值（可选：'zh', 'en'）\n")


def _commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command and sub-command of ``parser``, as the words that name it."""
    found = [path]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += _commands(sub, (*path, name))
    return found


def test_every_help_text_is_english_with_lang_en_and_chinese_without(capsys: pytest.CaptureFixture[str]) -> None:
    commands = _commands(build_parser())
    assert ("server", "add-reviewer") in commands and ("project", "unassign") in commands
    for command in commands:
        for lang, heading in (("en", "usage: reviewer"), ("zh", "用法：reviewer")):
            with pytest.raises(SystemExit) as done:
                main([*command, "-h", *(["--lang", "en"] if lang == "en" else [])])
            out = capsys.readouterr().out
            assert done.value.code == 0 and out.startswith(heading), command
            assert "help." not in out, command  # a help text missing from the catalogue shows its id
            if lang == "en":
                assert not CJK.search(out.replace("{审阅单位}", "")), (command, out)  # the letter's placeholder
            else:
                assert "显示本帮助并退出" in out, command


def test_the_language_is_read_from_the_command_line_before_argparse() -> None:
    assert argv_lang(["analyze", "x", "--lang", "en"]) == "en"
    assert argv_lang(["-h", "--lang=en"]) == "en"
    assert argv_lang(["--la", "en", "--lang", "zh"]) == "zh"  # the last one counts, as in argparse
    assert argv_lang(["analyze", "--lang", "fr"]) == argv_lang(["analyze", "--lang"]) == "zh"
    assert argv_lang(["analyze", "--", "--lang", "en"]) == "zh"  # file names after --
    assert argv_lang(["annotate", "--letter", "en"]) == "zh"  # --letter is no --lang


def test_what_export_and_annotate_refuse_before_reading_is_said_in_english(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """-o x.csv, no input, a mistyped project and an empty project file were refused in Chinese only."""
    report = str(seed_path("004"))
    assert main(["export", report, "-o", str(tmp_path / "x.csv"), "--lang", "en"]) == 2
    assert capsys.readouterr().err == ("The export is an Excel workbook (.xlsx) and cannot be written as x.csv: "
                                       "give a name ending in .xlsx, e.g. -o x.xlsx\n")
    for command in ("export", "annotate"):
        assert main([command, "-o", str(tmp_path / "out"), "--lang", "en"]) == 2
        assert capsys.readouterr().err == "Give report files or folders, or a review project with --project\n"
        gone = tmp_path / "gone.review"
        assert main([command, "--project", str(gone), "-o", str(tmp_path / "out"), "--lang", "en"]) == 2
        assert capsys.readouterr().err == (f"The review project {gone} was not found; check the path (to make a new "
                                           "project, give report files or folders with it)\n")
    empty = tmp_path / "empty.review"
    empty.write_bytes(b"")
    assert main(["export", "--project", str(empty), "-o", str(tmp_path / "out.xlsx"), "--lang", "en"]) == 2
    assert capsys.readouterr().err == (f"The review project file {empty} is empty (0 bytes), probably a copy that "
                                       "did not finish; find the whole project file\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.review"]


def test_changes_waiting_in_the_journal_and_a_scans_pages_are_said_in_english(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from reviewer.cli_parser import say_pages
    from reviewer.journal import Change, Journal, data_dir, journal_path

    monkeypatch.setenv("FAZHI_REVIEWER_DATA", str(tmp_path / "data"))
    project = tmp_path / "p.review"
    assert main(["export", str(seed_path("000")), "--project", str(project), "-o", str(tmp_path / "a.xlsx")]) == 0
    capsys.readouterr()
    journal = Journal(journal_path(data_dir(), str(project)))  # where the window keeps them (ui.project)
    journal.append(Change("decision", "a" * 64, "measures", "不符合", "缺数据", "王审阅", "2027-03-02T10:00:00+08:00"))
    said = ("Note: 1 change to the review on this computer is not yet written to p (the project could not be "
            "written when the window saved); this output does not include it. Opening the project in the window "
            "writes what is waiting; then run this again")
    assert main(["export", "--project", str(project), "-o", str(tmp_path / "b.xlsx"), "--lang", "en"]) == 0
    assert said in capsys.readouterr().err.splitlines()
    say_pages("en")(tmp_path / "扫描件.pdf", 1, 4)
    say_pages("zh")(tmp_path / "扫描件.pdf", 1, 4)
    say_pages("en")(tmp_path / "扫描件.pdf", 4, 4)  # read: nothing more to say
    assert capsys.readouterr().err == "Reading the scan 扫描件.pdf: page 2/4\n正在识别扫描件 扫描件.pdf：第 2/4 页\n"


def test_a_letter_template_that_cannot_be_used_is_said_in_english(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """annotate --template with --lang en said why the template could not be used in Chinese only."""
    import docx

    plain = tmp_path / "plain.docx"
    document = docx.Document()
    document.add_paragraph("no placeholder here")
    document.save(str(plain))
    (tmp_path / "text.docx").write_text("not a Word file", encoding="utf-8")
    base = ["annotate", str(seed_path("004")), "-o", str(tmp_path / "out"), "--reviewer", "W", "--letter",
            "--include-unreviewed", "--lang", "en", "--template"]
    for name, said in (("none.docx", "Cannot read the letter template none.docx: no such file or folder"),
                       ("text.docx", "The letter template text.docx is not a valid Word document (.docx)"),
                       ("plain.docx", "The letter template plain.docx has no placeholder (such as {单位} or {标题}) "
                                      "to fill in")):
        assert main([*base, str(tmp_path / name)]) == 1
        assert capsys.readouterr().err == said + "\n"
    assert main([*base[:-3], "--template", str(plain)]) == 1  # Chinese as before
    assert capsys.readouterr().err == "审阅意见书模板 plain.docx 中没有任何占位符（如 {单位}、{标题}），无法填写\n"
    assert not (tmp_path / "out").exists()


def test_a_project_file_that_cannot_be_opened_is_said_in_english(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """export/annotate --project with --lang en said a folder, another file or a damaged project in Chinese."""
    import sqlite3
    from datetime import datetime

    from reviewer.store import open_store
    from reviewer.store_backup import backup_path
    from reviewer.store_schema import APPLICATION_ID

    junk, newer, damaged = tmp_path / "junk.review", tmp_path / "newer.review", tmp_path / "damaged.review"
    junk.write_bytes(b"not a database at all, but long enough to be looked at" * 4)
    with sqlite3.connect(newer) as conn:
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        conn.execute("PRAGMA user_version=99")
    open_store(damaged, check=True).close()
    open_store(damaged, check=True).close()  # a sound open keeps a backup
    damaged.write_bytes(b"")  # then a failed copy onto it
    stamp = datetime.fromtimestamp(backup_path(damaged).stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    for project, said in (
            (tmp_path, f"{tmp_path.name}: this is a folder, not a review project file; name a .review file"),
            (junk, "junk.review: not a review project file (its content is no project's database); "
                   "nothing was changed"),
            (newer, "newer.review: this project was made by a newer version of the reviewer (format 99); "
                    "update the program to open it"),
            (damaged, "damaged.review: the review project file is damaged. It can be restored from the automatic "
                      f"backup (damaged.review.bak, saved {stamp}, as it was when last opened normally): choose "
                      "“Restore the backup” in the program, or close the program and copy damaged.review.bak to "
                      "damaged.review. The damaged file is not changed.\nTechnical details: the file is empty "
                      "(0 bytes)")):
        for command in ("export", "annotate"):
            out = str(tmp_path / ("out.xlsx" if command == "export" else "out"))
            assert main([command, "--project", str(project), "-o", out, "--lang", "en"]) == 1
            assert capsys.readouterr().err == said + "\n", command
    assert main(["export", "--project", str(newer), "-o", str(tmp_path / "out.xlsx")]) == 1  # Chinese as before
    assert capsys.readouterr().err == "newer.review：此项目由更新版本的审阅器创建（格式版本 99），请升级程序后再打开\n"


@pytest.mark.parametrize("said", [
    "fe_sendauth: no password supplied", 'password authentication failed for user "x"',
    'database "db" does not exist', "SSL error: certificate verify failed", "connection refused",
    "could not translate host name \"nowhere\"", "timeout expired", "No route to host", "something else"])
def test_a_server_that_cannot_be_used_is_said_in_english_too(said: str) -> None:
    from reviewer.location import parse_server
    from reviewer.server_errors import failure

    error = failure(parse_server("postgresql://张三@db.example:5432/fazhi"), OSError(said))
    english = error.said("en")
    assert not CJK.search(english.replace("张三", "")) and "review server" in english, english
    assert error.said("zh") == str(error) and CJK.search(str(error))


def test_export_from_a_server_that_is_not_running_says_so_in_english(capsys: pytest.CaptureFixture[str],
                                                                    tmp_path: Path) -> None:
    url = "postgresql://x@127.0.0.1:1/db"
    assert main(["export", "--project", url, "-o", str(tmp_path / "r.xlsx"), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Cannot connect to the review server 127.0.0.1:1/db: no server is running at this address "
                          "and port; check them, or ask the administrator whether the server is up (")
    assert not CJK.search(err), err


def test_server_and_project_commands_take_lang_en(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Found by a helper session: ``reviewer server …`` and ``reviewer project …`` had no --lang (argparse
    answered "unrecognized arguments"), and spoke Chinese whatever the language. (On a running server:
    tests/core/test_cli_server.py.)"""
    project = tmp_path / "p.review"
    assert main(["export", str(seed_path("000")), "--project", str(project), "-o", str(tmp_path / "x.xlsx")]) == 0
    capsys.readouterr()
    assert main(["project", "assign", str(project), "--reviewer", "张三", "x.txt", "--lang", "en"]) == 2
    assert capsys.readouterr().err == ("Only a project on a review server has reports to assign; a project file has "
                                       "one reviewer\n")
    assert main(["project", "copy", str(tmp_path / "gone.review"), str(tmp_path / "new.review"), "--lang", "en"]) == 1
    assert capsys.readouterr().err == f"The review project {tmp_path / 'gone.review'} was not found; check the path\n"
    for argv, said in (
            (["server", "init", "mysql://x/db"], "“mysql://x/db” is not a review server's address (it starts with "
                                                 "postgresql://)"),
            (["server", "init", "postgresql://h:5x/db"], "The port in the server address postgresql://h:5x/db is "
                                                         "wrong: it is a number from 1 to 65535 (e.g. 5432)"),
            (["server", "add-reviewer", "postgresql://h/db", "张三", "--password-file", str(tmp_path / "no.txt")],
             f"Cannot read the password file {tmp_path / 'no.txt'}: no such file or folder")):
        assert main([*argv, "--lang", "en"]) == 1
        assert capsys.readouterr().err == said + "\n"
    assert main(["server", "init", "mysql://x/db"]) == 1  # Chinese without it, as before
    assert capsys.readouterr().err == "“mysql://x/db”不是审阅服务器地址（应以 postgresql:// 开头）\n"
