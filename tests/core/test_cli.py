"""``reviewer analyze``: JSON shape, Chinese summary, stderr for bad files and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reviewer.cli import main
from tests.conftest import SEED_FILES, seed_path


def test_one_file_gives_one_object(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(seed_path("004")), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert isinstance(out, dict)
    assert out["schema"] == "reviewer.analysis/2"
    assert out["issuer"] == "重庆市渝北区大盛镇人民政府"
    kinds = sorted(f["kind"] for f in out["findings"])
    assert kinds == ["duplicate_paragraph", "issuer_mismatch", "misquoted_regulation"]


def test_several_files_give_an_array_with_batch_duplicates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "copy.txt"  # another unit's report copied from 001
    copy.write_text(seed_path("001").read_text(encoding="utf-8").replace("泰州", "扬州"), encoding="utf-8")
    assert main(["analyze", str(seed_path("001")), str(copy), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [Path(o["file"]).name for o in out] == [seed_path("001").name, "copy.txt"]
    across = [f for f in out[0]["findings"] if f["kind"] == "duplicate_across_reports"]
    assert across and all("copy.txt" in f["message"] for f in across)


def test_folder_with_a_bad_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(seed_path("002"), tmp_path / "a.txt")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary")
    code = main(["analyze", str(tmp_path), "--json"])
    cap = capsys.readouterr()
    assert code == 1
    assert "b.txt" in cap.err
    out = json.loads(cap.out)
    assert isinstance(out, list)
    assert [Path(o["file"]).name for o in out] == ["a.txt", "b.txt"]
    assert "error" not in out[0] and out[1]["error"]["kind"] == "binary"  # the failure is in the output too


def test_a_folder_of_one_is_still_an_array(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(seed_path("003"), tmp_path / "a.txt")
    assert main(["analyze", str(tmp_path), "--json"]) == 0
    assert isinstance(json.loads(capsys.readouterr().out), list)


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["analyze"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["analyze", "x.txt", "--bogus"])
    assert exc.value.code == 2


def test_bad_checklist_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "c.toml"
    bad.write_text('[[item]]\nid = "x"\nrule = "findings_absent"\ngroup = "form"\nname = "x"\n'
                   'kinds = ["duplicate_paragraf"]\n', encoding="utf-8")
    assert main(["analyze", str(seed_path("000")), "--checklist", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.strip() == (
        "核查清单 c.toml 第 6 行，第 1 项（x） 字段 “kinds” 中的问题类型 “duplicate_paragraf” 不存在；"
        "可用的问题类型：“duplicate_paragraph”、“duplicate_across_reports”"
    )


def test_missing_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(tmp_path / "none.txt")]) == 1
    assert "none.txt" in capsys.readouterr().err


def test_summary_is_readable_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(seed_path("004"))]) == 0
    out = capsys.readouterr().out
    assert "标题：重庆市渝北区大盛镇人民政府关于2023年度法治政府建设情况的报告" in out
    assert "层级：乡镇" in out and "年度：2023" in out
    assert "主要举措和成效：已具备" in out
    assert "核查清单得分：" in out
    assert "第 14 行 [警告] 重复段落" in out
    assert "[缺失] 形式规范·无重复段落：发现重复段落 1 处" in out
    assert "数据指标：" in out


def test_export_of_a_mistyped_project_creates_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing, out = tmp_path / "nope.review", tmp_path / "y.xlsx"
    assert main(["export", "--project", str(missing), "-o", str(out)]) == 2
    assert "找不到审阅项目" in capsys.readouterr().err
    assert not missing.exists() and not out.exists()


def test_the_summary_lists_the_required_parts_as_the_window_counts_them(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(seed_path("000"))]) == 0
    lines = capsys.readouterr().out.splitlines()
    at = lines.index("组成部分：4/4")
    assert lines[at + 1:at + 5] == ["  主要举措和成效：已具备", "  存在的不足和原因：已具备",
                                    "  党政主要负责人履行第一责任人职责情况：已具备", "  下一年度主要安排：已具备"]
    assert not [ln for ln in lines if ln.startswith("  其他需要报告的情况")]  # optional: 不适用 on screen, no gap


def test_help_and_usage_errors_are_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("用法：reviewer [-h]") and "选项" in out and "显示本帮助并退出" in out
    assert not {"usage:", "options", "positional arguments", "show this help"} & {w for w in out.split("\n")}
    assert "usage" not in out and "show this help" not in out
    with pytest.raises(SystemExit):
        main(["analyze", "x.txt", "--lang", "fr"])
    assert "reviewer analyze：错误：参数 --lang：'fr' 不是可选值（可选：'zh', 'en'）" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["analyze"])
    assert "缺少参数：paths" in capsys.readouterr().err


def test_the_installed_command_flushes_runs_exit_handlers_and_keeps_the_code(tmp_path: Path) -> None:
    """``command`` leaves without the interpreter's teardown, but nothing a normal exit does is lost:
    the whole output, the exit handlers, the exit code (1 for a folder with a bad file)."""
    import os
    import subprocess
    import sys

    shutil.copy(seed_path("002"), tmp_path / "a.txt")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary")
    marker = tmp_path / "handler-ran"
    script = ("import atexit, pathlib, sys; from reviewer.cli import command;"
              f"atexit.register(pathlib.Path({str(marker)!r}).write_text, 'yes');"
              "atexit.register(print, 'LAST LINE');"  # written by an exit handler: flushed too
              "command()")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # buffered, as usual
    proc = subprocess.run([sys.executable, "-c", script, "analyze", "--json", str(tmp_path)],
                          capture_output=True, text=True, encoding="utf-8", timeout=120, env=env)
    assert proc.returncode == 1 and "b.txt" in proc.stderr
    body, last = proc.stdout.rstrip("\n").rsplit("\n", 1)
    out = json.loads(body)  # whole: the last bytes were flushed before leaving
    assert [Path(o["file"]).name for o in out] == ["a.txt", "b.txt"]
    assert out[0]["issuer"] and out[1]["error"]["kind"] == "binary"
    assert marker.read_text() == "yes" and last == "LAST LINE"


def test_the_installed_command_waits_for_other_threads(tmp_path: Path) -> None:
    """With another thread alive (a process pool's manager) the normal exit is kept, so that
    thread ends its work: here it writes a file after the command has returned."""
    import subprocess
    import sys

    marker = tmp_path / "thread-done"
    script = ("import pathlib, threading, time; from reviewer.cli import command;"
              f"threading.Thread(target=lambda: (time.sleep(0.5), pathlib.Path({str(marker)!r}).write_text('done'))"
              ").start(); command()")
    proc = subprocess.run([sys.executable, "-c", script, "analyze", str(seed_path("003"))],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert proc.returncode == 0 and "==" in proc.stdout
    assert marker.read_text() == "done"


def test_a_mistyped_project_is_refused_by_annotate_as_by_export(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """No new, empty project, no output folder, no "已生成 0 份" claiming success."""
    gone = tmp_path / "不存在.review"
    for command in (["annotate", "--project", str(gone), "-o", str(tmp_path / "out"), "--reviewer", "王"],
                    ["export", "--project", str(gone), "-o", str(tmp_path / "out.xlsx")]):
        assert main(command) == 2
        assert capsys.readouterr().err == (f"找不到审阅项目 {gone}；"
                                           "请检查路径（要新建项目，请同时给出报告文件或文件夹）\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_mistyped_or_empty_project_is_refused_by_project_copy_and_an_empty_one_by_export(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found by a helper session: 'project copy' of a mistyped name made that name an empty project,
    copied it and said 已复制 0 份报告 (exit 0); a 0-byte project file, most likely a copy that did not
    finish, was made a new project and exported as 0 reports."""
    gone, empty, copy = tmp_path / "不存在.review", tmp_path / "空.review", tmp_path / "副本.review"
    assert main(["project", "copy", str(gone), str(copy)]) == 1
    assert capsys.readouterr().err.endswith(f"找不到审阅项目 {gone}；请检查路径\n")
    empty.write_bytes(b"")
    said = f"审阅项目文件 {empty} 是空的（0 字节），可能没有复制完整；请找到完整的项目文件"
    assert main(["project", "copy", str(empty), str(copy)]) == 1
    assert capsys.readouterr().err.endswith(said + "\n")
    assert main(["export", "--project", str(empty), "-o", str(tmp_path / "out.xlsx")]) == 2
    assert capsys.readouterr().err == said + "\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["空.review"] and empty.stat().st_size == 0


def test_when_no_file_can_be_read_nothing_is_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A folder of unreadable files: each named, then why nothing was written; exit 1; no empty
    workbook and no empty folder of annotated copies."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "b.txt").write_bytes(b"\x00\x01\x02binary")
    (folder / "e.txt").write_bytes(b"")
    for command in (["export", str(folder), "-o", str(tmp_path / "out.xlsx")],
                    ["annotate", str(folder), "-o", str(tmp_path / "out"), "--reviewer", "王", "--include-unreviewed"]):
        assert main(command) == 1
        err = capsys.readouterr().err.splitlines()
        assert [line.split("：")[0] for line in err[:2]] == ["b.txt", "e.txt"]
        assert err[2:] == ["2 个文件都未能读取，没有可以处理的报告，未生成任何文件"]
    assert main(["export", str(tmp_path / "nowhere"), "-o", str(tmp_path / "out.xlsx")]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == "这个文件未能读取，没有可以处理的报告，未生成任何文件"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


def test_the_systems_reasons_are_said_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Not "No such file or directory" or "File exists" in the middle of a Chinese sentence."""
    assert main(["analyze", str(seed_path("003")), "--checklist", str(tmp_path / "清单.toml")]) == 2
    assert capsys.readouterr().err == "无法读取核查清单 清单.toml：文件或文件夹不存在\n"
    taken = tmp_path / "out"
    taken.write_text("a file where the folder should go", encoding="utf-8")
    assert main(["annotate", str(seed_path("003")), "-o", str(taken), "--reviewer", "王", "--include-unreviewed"]) == 1
    assert capsys.readouterr().err == f"无法创建文件夹 {taken}：已有同名的文件\n"


def test_export_lists_the_files_it_could_not_read_in_the_workbook(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    import openpyxl

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(seed_path("002"), folder / "a.txt")
    (folder / "b.txt").write_bytes(b"\x00\x01\x02binary")
    assert main(["export", str(folder), "-o", str(tmp_path / "out.xlsx")]) == 1
    assert capsys.readouterr().err.startswith("b.txt：")
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx")["汇总"]
    rows = [[c for c in r if c is not None] for r in sheet.iter_rows(values_only=True)]
    assert rows[-2:] == [["未能读取的文件（1 个，未计入本工作簿各表）"],
                         ["b.txt", "不是文本文件（内容为二进制数据），请另存为 .txt 或 .docx 后再打开"]]


def test_changes_the_window_could_not_write_are_named_by_export_and_annotate(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Found by a helper session: with the window's ticks waiting in its journal (the project was
    locked when it saved them), ``export`` and ``annotate --project`` wrote the old review without a word."""
    from reviewer.journal import Change, Journal, data_dir, journal_path
    from reviewer.store import open_store

    monkeypatch.setenv("FAZHI_REVIEWER_DATA", str(tmp_path / "data"))
    project = tmp_path / "p.review"
    assert main(["export", str(seed_path("000")), "--project", str(project), "-o", str(tmp_path / "a.xlsx")]) == 0
    (sha,) = [r.sha256 for r in open_store(project).reports()]
    capsys.readouterr()
    journal = Journal(journal_path(data_dir(), str(project)))  # where the window keeps them (ui.project)
    journal.append(Change("decision", sha, "measures", "不符合", "缺数据", "王审阅", "2027-03-02T10:00:00+08:00"))
    journal.append(Change("verdict", sha, None, "需修改", "", "王审阅", "2027-03-02T10:01:00+08:00"))
    said = ("注意：本机还有 2 项审阅修改尚未写入 p（窗口保存时项目无法写入），这次的结果不含这些修改；"
            "在窗口中打开这个项目即会写入，之后再运行一次")
    assert main(["export", "--project", str(project), "-o", str(tmp_path / "b.xlsx")]) == 0
    assert said in capsys.readouterr().err
    main(["annotate", "--project", str(project), "-o", str(tmp_path / "out"), "--reviewer", "王审阅"])
    assert said in capsys.readouterr().err
    journal.clear()
    assert main(["export", "--project", str(project), "-o", str(tmp_path / "c.xlsx")]) == 0
    assert "注意" not in capsys.readouterr().err


def test_a_server_projects_outbox_does_not_depend_on_the_folder_the_program_started_in(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found by a code review: a server URL was made absolute like a file's path, so the window's
    outbox (and the command line's look for it) depended on the folder each was started in."""
    from reviewer.journal import Change, Journal, adopt_earlier_journal, data_dir, journal_path, waiting_for

    monkeypatch.setenv("FAZHI_REVIEWER_DATA", str(tmp_path / "data"))
    from reviewer.location import redact

    url = "postgresql://张三:密码@db.example/fazhi2026"
    key = redact(url)  # as the window keeps its outbox (ui.project.make_writer)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    monkeypatch.chdir(tmp_path / "a")
    Journal(journal_path(data_dir(), key)).append(Change("decision", "a" * 64, "measures", "符合", "", "张三", "t"))
    monkeypatch.chdir(tmp_path / "b")
    assert waiting_for(url) == 1
    # an outbox kept by an earlier version, under the folder it was started in, is taken over
    Journal(journal_path(data_dir(), key)).clear()
    import hashlib
    import os

    digest = hashlib.sha256(os.path.abspath(key).encode()).hexdigest()[:16]
    earlier = Journal(data_dir() / "journals" / f"fazhi2026-{digest}.jsonl")
    earlier.append(Change("decision", "a" * 64, "measures", "不符合", "", "张三", "t"))
    adopt_earlier_journal(data_dir(), key)
    assert waiting_for(url) == 1 and not earlier.path.exists()


def test_file_names_never_act_on_the_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file named with an escape sequence turned a reviewer's terminal red, a bell rang, and a newline
    split an error in two (found by a tester): each control character is shown as its sign."""
    shutil.copy(seed_path("003"), tmp_path / "ctl\x07bell\x1b[31mred.txt")
    (tmp_path / "new\nline.txt").write_bytes(b"")
    assert main(["analyze", str(tmp_path)]) == 1
    cap = capsys.readouterr()
    assert cap.err == "new␊line.txt：文件是空的\n"
    assert f"== {tmp_path}/ctl␇bell␛[31mred.txt\n" in cap.out
    assert not any(c in cap.out + cap.err for c in "\x07\x1b")
    assert main(["analyze", str(tmp_path), "--json"]) == 1
    files = [o["file"] for o in json.loads(capsys.readouterr().out)]  # the JSON keeps the names as they are
    assert sorted(Path(f).name for f in files) == ["ctl\x07bell\x1b[31mred.txt", "new\nline.txt"]


def test_an_empty_folder_gives_an_empty_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(tmp_path), "--json"]) == 1
    cap = capsys.readouterr()
    assert json.loads(cap.out) == []
    assert cap.err == f"没有找到可以分析的报告文件（{tmp_path}）\n"


def test_a_link_to_itself_is_said_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "报告.txt").symlink_to("报告.txt")
    assert main(["analyze", str(tmp_path / "报告.txt")]) == 1
    assert capsys.readouterr().err == "报告.txt：这是一个链接（快捷方式），它指向自己或绕成一圈，找不到文件\n"


def test_with_lang_en_what_the_command_says_is_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--lang en gave an English summary and workbook, but every file error and every line of what was
    written stayed Chinese (found by a tester)."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(seed_path("004"), folder / "a.txt")
    (folder / "b.txt").write_bytes(b"\x00\x01\x02binary")
    (folder / "e.txt").write_bytes(b"")
    assert main(["analyze", str(folder), "--lang", "en"]) == 1
    assert capsys.readouterr().err.splitlines() == ["b.txt: Not a text file", "e.txt: The file is empty"]
    assert main(["export", str(folder), "-o", str(tmp_path / "r.xlsx"), "--lang", "en"]) == 1
    cap = capsys.readouterr()
    assert cap.out == f"Exported the review of 1 report: {tmp_path / 'r.xlsx'}\n"
    assert main(["annotate", str(folder), "-o", str(tmp_path / "out"), "--lang", "en", "--include-unreviewed"]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == ("No reviewer's name: the comments and letters of 1 report "
                                                        "cannot be signed: give the reviewer's name with --reviewer")
    assert main(["annotate", str(folder), "-o", str(tmp_path / "out"), "--lang", "en"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"Wrote 0 annotated copies: {tmp_path / 'out'}",
        "1 report has not been reviewed yet (“Not started”: no decision or comment yet): no annotated copy or "
        "letter was written for it:",
        "  重庆市渝北区大盛镇人民政府_2023",
        "To write it from the program's checks, add --include-unreviewed (the letter says it was not reviewed)"]
    assert main(["analyze", str(tmp_path / "nothing"), "--lang", "en"]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == "nothing: The file is no longer there"


def test_an_english_workbook_names_the_checklist_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import load_workbook

    assert main(["export", str(seed_path("004")), "-o", str(tmp_path / "r.xlsx"), "--lang", "en"]) == 0
    line = str(load_workbook(tmp_path / "r.xlsx")["Summary"]["A1"].value)
    assert line.startswith("Project: -   Checklist: Default checklist for annual reports on building rule-of-law "
                           "government (")
    assert main(["export", str(seed_path("004")), "-o", str(tmp_path), "--lang", "en"]) == 0  # a folder
    assert capsys.readouterr().err == ("The output is a folder; the workbook is written in it: "
                                       f"{tmp_path / 'review.xlsx'}\n")


def test_a_folder_holding_no_report_is_said_so_with_exit_1_though_a_spreadsheet_is_there(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found by a helper session: a folder with only a spreadsheet printed the spreadsheet's note and
    exited 0, never saying that nothing was analysed (export gave 1 for the same folder)."""
    (tmp_path / "附表.xlsx").write_bytes(b"PK\x03\x04")
    assert main(["analyze", str(tmp_path)]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == f"没有找到可以分析的报告文件（{tmp_path}）"
    assert main(["analyze", "--json", str(tmp_path)]) == 1
    said = json.loads(capsys.readouterr().out)
    assert [(e["file"], e["error"]["kind"]) for e in said] == [(str(tmp_path / "附表.xlsx"), "not_report")]


def test_export_to_a_folder_that_does_not_exist_is_refused_before_any_report_is_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Found by a helper session: a thousand reports were read and analysed (5.6 s) before the export
    said that the folder it was to write in did not exist."""
    import reviewer.load

    read: list[object] = []
    monkeypatch.setattr(reviewer.load, "load", lambda *a, **k: read.append(a) or pytest.fail("read"))
    out = tmp_path / "没有的文件夹" / "审阅.xlsx"
    assert main(["export", str(SEED_FILES[0]), "-o", str(out)]) == 2
    assert capsys.readouterr().err == f"审阅.xlsx：保存位置不存在（{out.parent}）\n"
    assert read == [] and not out.parent.exists()
    # a folder named with its slash: the workbook's name inside it, not ".xlsx" (a code review)
    assert main(["export", str(SEED_FILES[0]), "-o", f"{out.parent}/"]) == 2
    assert capsys.readouterr().err == f"审阅结果.xlsx：保存位置不存在（{out.parent}）\n"


def test_the_version_is_said(capsys: pytest.CaptureFixture[str]) -> None:
    """'reviewer --version' answered 缺少参数：command (a helper session)."""
    from reviewer import __version__

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out == f"reviewer {__version__}\n"


def test_export_says_when_it_adds_reports_to_the_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found by a helper session: 'export FILE --project P' added the file to the project without a word
    (the project went from 5 reports to 6). It is said; a report the project held already is not new."""
    project = tmp_path / "p.review"
    assert main(["export", str(SEED_FILES[0]), "--project", str(project), "-o", str(tmp_path / "a.xlsx")]) == 0
    assert "已把 1 份新报告加入审阅项目 p" in capsys.readouterr().err.splitlines()
    assert main(["export", str(SEED_FILES[0]), str(SEED_FILES[1]), "--project", str(project),
                 "-o", str(tmp_path / "b.xlsx"), "--lang", "en"]) == 0
    assert "Added 1 new report to the project p" in capsys.readouterr().err.splitlines()
    assert main(["export", str(SEED_FILES[1]), "--project", str(project), "-o", str(tmp_path / "c.xlsx")]) == 0
    assert "加入审阅项目" not in capsys.readouterr().err
