"""The review project store: nothing a reviewer does is ever lost."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reviewer import store as store_mod
from reviewer import store_schema as schema_mod
from reviewer.model import Document
from reviewer.store import SCHEMA_VERSION, StoreError, open_store
from reviewer.store_schema import APPLICATION_ID, MIGRATIONS
from tests.conftest import ROOT, without_root_rights

A, B = "a" * 64, "b" * 64


def test_a_project_reopens_with_its_reports_and_their_texts(tmp_path: Path) -> None:
    s = open_store(tmp_path / "p.review")
    s.add_report(Document("/gone/a.txt", "甲报告正文", A, "txt", "utf-8", 15), "某区人民政府", 2021, "county")
    s.set_decision(A, "measures", "符合", "看过", "张三")
    s.close()
    s = open_store(tmp_path / "p.review")
    assert [(r.sha256, r.issuer) for r in s.reports()] == [(A, "某区人民政府")]
    assert s.documents()[0].text == "甲报告正文"  # the source file is gone; the project holds the text
    assert s.decisions(A)["measures"].comment == "看过"


def test_the_project_file_alone_holds_every_saved_change_while_it_is_open(tmp_path: Path) -> None:
    """A reviewer copies the .review file to a colleague with the window still open (or after a crash):
    the copy must hold every change saved so far, not leave the latest in the -wal file beside it."""
    s = open_store(tmp_path / "p.review")
    assert s.journal_mode == "wal"
    s.add_report(Document("/gone/a.txt", "甲报告正文", A, "txt", "utf-8", 15), "某区人民政府", 2021, "county")
    for i in range(30):
        s.set_decision(A, f"item{i}", "不符合", f"第{i}条意见", "张三")
    s.set_verdict(A, "需修改", "请补充数据", "张三")
    shutil.copy(tmp_path / "p.review", tmp_path / "copy.review")  # the project file only, still open
    copy = open_store(tmp_path / "copy.review")
    assert copy.decisions(A)["item29"].comment == "第29条意见"
    assert len(copy.decisions(A)) == 30
    verdict = copy.verdict(A)
    assert verdict is not None and (verdict.verdict, verdict.comment) == ("需修改", "请补充数据")
    s.close()


def test_an_import_is_in_the_project_file_alone_once_it_ends(tmp_path: Path) -> None:
    """An import's writes are copied into the file once, at its end (each commit copied in made a
    300-report folder load 0.3 s slower); a copy of the file alone then holds every report, and the
    writes after it go in at once again."""
    from reviewer.batch import import_reports
    from reviewer.checklist import load_checklist
    from tests.conftest import SEED_FILES

    s = open_store(tmp_path / "p.review")
    import_reports([str(p) for p in SEED_FILES], load_checklist(), s, workers=1)
    shutil.copy(tmp_path / "p.review", tmp_path / "copy.review")
    assert len(open_store(tmp_path / "copy.review").reports()) == len(SEED_FILES) == 5
    sha = s.reports()[0].sha256
    s.set_decision(sha, "measures", "不符合", "缺少数据", "张三")
    shutil.copy(tmp_path / "p.review", tmp_path / "copy2.review")
    assert open_store(tmp_path / "copy2.review").decisions(sha)["measures"].comment == "缺少数据"
    s.close()


def test_a_version_1_project_is_migrated_and_keeps_its_decisions(tmp_path: Path) -> None:
    p = tmp_path / "old.review"
    with sqlite3.connect(p) as conn:
        conn.executescript(MIGRATIONS[0])
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        conn.execute("PRAGMA user_version=1")
        conn.execute("INSERT INTO reports VALUES (?, '/x/a.txt', '某区', 2021, 'county', NULL, '2025-01-01')", (A,))
        conn.execute("INSERT INTO decisions VALUES (?, 'measures', '符合', '好', '张', '2025-01-01', 0)", (A,))
        conn.execute("INSERT INTO analyses VALUES (?, 'v', x'00')", (A,))
    s = open_store(p)
    assert [(r.sha256, r.issuer, r.path) for r in s.reports()] == [(A, "某区", "/x/a.txt")]
    assert s.documents() == []  # no text kept by version 1: the report is re-imported from its file
    assert s.decisions(A)["measures"].comment == "好"
    assert s.cached_analyses("v") == {}  # made with cross-report findings mixed in: dropped


def test_any_failure_inside_a_write_rolls_back_and_releases_the_lock(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    s = open_store(tmp_path / "p.review")

    def broken(*args: object, **kwargs: object) -> None:
        raise UnicodeEncodeError("utf-8", "x", 0, 1, "surrogates not allowed")

    monkeypatch.setattr(s, "_log", broken)
    with pytest.raises(UnicodeEncodeError):
        s.set_decision(A, "measures", "符合", "", "r")
    monkeypatch.undo()
    other = open_store(tmp_path / "p.review")  # a second writer is not kept waiting by a lost lock
    other._conn.execute("PRAGMA busy_timeout=200")
    other.set_decision(A, "x", "符合", "", "r")
    assert s.decisions(A) == {"x": other.decisions(A)["x"]}


def test_a_folder_is_not_a_project(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="文件夹"):
        open_store(tmp_path)


def test_text_file_is_not_a_project_and_is_left_alone(tmp_path: Path) -> None:
    p = tmp_path / "notes.review"
    p.write_text("这是一份普通文本", encoding="utf-8")
    with pytest.raises(StoreError, match="不是审阅项目文件"):
        open_store(p)
    assert p.read_text(encoding="utf-8") == "这是一份普通文本"


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "other.db"
    with sqlite3.connect(p) as conn:
        conn.execute("CREATE TABLE t (x)")
    before = p.read_bytes()
    with pytest.raises(StoreError, match="其他程序"):
        open_store(p)
    assert p.read_bytes() == before


def test_newer_schema_version_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "p.review"
    open_store(p).close()
    with sqlite3.connect(p) as conn:
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="更新版本"):
        open_store(p)


READ_AND_TRY = """
    import sys
    from reviewer.store import StoreError, open_store
    s = open_store(sys.argv[1])
    print(s.journal_mode, s.decisions("a" * 64)["measures"].comment)
    try:
        s.set_decision("a" * 64, "measures", "不符合", "改", "李四")
    except StoreError as exc:
        print(exc)
"""


@pytest.mark.parametrize("where", ["file", "folder"])
def test_a_read_only_project_opens_to_be_read_and_refuses_changes_saying_why(tmp_path: Path, where: str) -> None:
    """Found by a helper session: a colleague's project on a read-only share could not even be
    exported (项目文件是只读的), and the window showed an empty stand-in instead of the review."""
    folder = tmp_path / "光盘"
    folder.mkdir()
    p = folder / "p.review"
    s = open_store(p)
    s.add_report(Document("/x/a.txt", "甲报告正文", A, "txt", "utf-8", 15), "甲区人民政府", 2023, "county")
    s.set_decision(A, "measures", "符合", "看过", "张三")
    s.close()
    (p if where == "file" else folder).chmod(0o444 if where == "file" else 0o555)
    before = p.read_bytes()
    try:
        done = subprocess.run([*without_root_rights(), sys.executable, "-c", textwrap.dedent(READ_AND_TRY), str(p)],
                              cwd=ROOT, capture_output=True, text=True, timeout=60)
        out = folder / "汇总.xlsx" if where == "file" else tmp_path / "汇总.xlsx"
        export = ["-m", "reviewer", "export", "--project", str(p), "-o", str(out)]
        exported = subprocess.run([*without_root_rights(), sys.executable, *export], cwd=ROOT, capture_output=True,
                                  text=True, timeout=120)
    finally:
        folder.chmod(0o755)
        p.chmod(0o644)
    assert done.stdout.splitlines() == [
        "read-only 看过", "p.review：项目文件是只读的，无法保存审阅结果；请复制到可写的位置后再打开"], done.stderr
    assert p.read_bytes() == before
    assert sorted(f.name for f in folder.iterdir()) == (["p.review", "汇总.xlsx"] if where == "file" else ["p.review"])
    assert exported.returncode == 0, exported.stderr


def test_network_drive_falls_back_to_rollback_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(schema_mod, "is_network_path", lambda path: True)
    s = open_store(tmp_path / "p.review")
    assert s.journal_mode == "delete"
    s.set_decision(A, "x", "符合", "", "r")
    assert s.decisions(A)["x"].decision == "符合"


def test_unc_paths_are_network_paths() -> None:
    assert store_mod.is_network_path(Path("\\\\server\\share\\p.review"))
    assert store_mod.is_network_path(Path("//server/share/p.review"))


def _child(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_sigkill_right_after_set_decision_loses_nothing(tmp_path: Path) -> None:
    p = tmp_path / "p.review"
    child = _child("""
        import sys, time
        from reviewer.store import open_store
        s = open_store(sys.argv[1])
        s.set_decision("a" * 64, "measures", "符合", "已核", "张三")
        print("saved", flush=True)
        time.sleep(60)
    """, str(p))
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "saved"
    child.send_signal(signal.SIGKILL)
    child.wait()
    d = open_store(p).decisions(A)["measures"]
    assert (d.decision, d.comment) == ("符合", "已核")


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    p = tmp_path / "p.review"
    open_store(p).close()
    code = """
        import sys
        from reviewer.store import open_store
        s = open_store(sys.argv[1])
        for i in range(60):
            s.set_decision(sys.argv[2] * 64, f"item{i}", "符合", str(i), sys.argv[2])
        print("done")
    """
    kids = [_child(code, str(p), who) for who in ("a", "b")]
    for k in kids:
        out, err = k.communicate(timeout=60)
        assert out.strip() == "done", err
    s = open_store(p)
    assert len(s.decisions(A)) == 60 and len(s.decisions(B)) == 60
    assert len(s.history()) == 240
    assert s._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_second_connection_in_the_program_keeps_the_first_ones_writes_safe(tmp_path: Path) -> None:
    """The window holds the project open and its writer opens it again (``open_store`` checks the
    file first). That check read the file with ``open()``; closing that descriptor dropped the
    window's locks, so the next program to open and close the project (an export, a second window)
    took itself for the last one and deleted the window's WAL: decisions saved after that, as the
    window showed them, never reached the file. Found by a helper session."""
    p = tmp_path / "p.review"
    made = open_store(p)
    made.add_report(Document("/x/a.txt", "甲报告正文", A, "txt", "utf-8", 15), "甲区人民政府", 2023, "county")
    made.close()
    window, writer = open_store(p), open_store(p)  # the window's connection, then its writer thread's
    code = """
        import sqlite3, sys
        from reviewer.store import open_store
        s = open_store(sys.argv[1])
        if sys.argv[2]:
            s.set_decision("b" * 64, sys.argv[2], "符合", "外部", "李四")
        s.close()
        print(sorted(r[0] for r in sqlite3.connect(sys.argv[1]).execute("SELECT item FROM decisions")))
    """
    for i in range(3):
        writer.set_decision(A, f"item{i}", "不符合", f"意见{i}", "张三")
        out, err = _child(code, str(p), f"other{i}").communicate(timeout=60)
    assert out.strip() == str(["item0", "item1", "item2", "other0", "other1", "other2"]), err
    assert sorted(window.decisions(B)) == ["other0", "other1", "other2"]  # and the window sees theirs
    writer.close()
    window.close()


def test_the_project_given_as_a_report_is_refused_without_being_opened(tmp_path: Path) -> None:
    """Read as a report, the project file would be opened and closed in the window's process: the
    same lost locks as above. It is named as the project it is, and never opened."""
    from reviewer.load import ReportLoadError, load

    p = tmp_path / "p.review"
    open_store(p).close()
    with pytest.raises(ReportLoadError) as caught:
        load(p)
    assert caught.value.as_record().message == "p.review：这是审阅项目文件，不是报告；请用“文件 → 打开审阅项目…”打开它"


def test_a_failed_new_project_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "new.review"

    def broken(conn: sqlite3.Connection, path: Path) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store_mod, "migrate", broken)
    with pytest.raises(StoreError, match="未做任何修改"):
        open_store(p)
    assert list(tmp_path.iterdir()) == []


def _damage(p: Path) -> None:
    data = bytearray(p.read_bytes())
    page = 4096
    for i in range(page * 2, min(len(data), page * 4)):  # overwrite two pages past the header
        data[i] = 0xA5
    p.write_bytes(bytes(data))


def test_a_damaged_project_says_what_to_do_and_the_backup_restores_it(tmp_path: Path) -> None:
    from reviewer.store_backup import CorruptProjectError, backup_path, restore_backup

    p = tmp_path / "p.review"
    s = open_store(p)
    for i in range(40):
        s.add_report(Document(f"/x/{i}.txt", "正文" * 400 + str(i), f"{i:064d}", "txt", "utf-8", 10), None,
                     None, None)
    s.set_decision(A, "measures", "符合", "好", "张")
    s._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    s.close()
    open_store(p, check=True).close()  # a sound open renews the backup
    assert backup_path(p).is_file()
    _damage(p)
    with pytest.raises(CorruptProjectError) as err:
        open_store(p, check=True)
    msg = str(err.value)
    assert msg.startswith("p.review：审阅项目文件已损坏") and "p.review.bak" in msg and "从备份恢复" in msg
    kept = restore_backup(p)
    assert kept.name.startswith("p.review.损坏-") and kept.is_file()
    again = open_store(p, check=True)
    assert again.decisions(A)["measures"].comment == "好" and len(again.reports()) == 40


def test_an_emptied_project_file_is_damaged_and_its_backup_is_left_alone(tmp_path: Path) -> None:
    """Found by a reviewer: SQLite took a 0-byte project for a new one, and opening it renewed the
    backup from it, so the last sound copy of the review was lost as well."""
    from reviewer.cli import main
    from reviewer.store_backup import CorruptProjectError, backup_path, restore_backup

    p = tmp_path / "p.review"
    s = open_store(p)
    s.set_decision(A, "measures", "符合", "好", "张")
    s.close()
    open_store(p, check=True).close()
    sound = backup_path(p).read_bytes()
    p.write_bytes(b"")  # a failed copy onto it, a full disk
    with pytest.raises(CorruptProjectError) as err:
        open_store(p, check=True)
    assert str(err.value).startswith("p.review：审阅项目文件已损坏。可以用自动备份恢复（p.review.bak")
    assert main(["export", "--project", str(p), "-o", str(tmp_path / "r.xlsx")]) == 1
    assert backup_path(p).read_bytes() == sound and p.read_bytes() == b"" and not (tmp_path / "r.xlsx").exists()
    restore_backup(p)
    assert open_store(p, check=True).decisions(A)["measures"].comment == "好"
    fresh = tmp_path / "new.review"
    fresh.write_bytes(b"")  # an empty file with no backup behind it: nothing to lose, a new project
    open_store(fresh, check=True).close()


def test_a_full_disk_is_said_in_the_reviewers_words(tmp_path: Path) -> None:
    """Found by a helper session: a full disk read 无法打开审阅项目（disk I/O error），未做任何修改."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(disk)],
                                           capture_output=True).returncode != 0:
        pytest.skip("a small disk (tmpfs) cannot be mounted here")
    try:
        s = open_store(disk / "p.review")
        s.add_report(Document("/x/a.txt", "甲报告正文", A, "txt", "utf-8", 15), "甲区人民政府", 2023, "county")
        with contextlib.suppress(OSError), (disk / "其他文件").open("wb") as fh:  # its close fails too
            while True:
                fh.write(b"x" * 4096)
                fh.flush()
        with pytest.raises(StoreError) as caught:
            for i in range(200):
                s.set_decision(A, f"item{i}", "符合", "意见" * 200, "张三")
        assert str(caught.value) == ("p.review：磁盘空间已满（所在磁盘剩余 0 KB），无法写入审阅项目；"
                                     "请删除不需要的文件腾出空间，再继续审阅")
        (disk / "其他文件").unlink()
        s.set_decision(A, "measures", "符合", "腾出空间后", "张三")  # the same store goes on
        assert s.decisions(A)["measures"].comment == "腾出空间后"
        s.close()
    finally:
        subprocess.run(["umount", "--lazy", str(disk)], capture_output=True)  # also with the project still open


READ_DECISIONS = """
    import os, sys
    if len(sys.argv) > 2:
        os.access = lambda *a, **k: True  # as Windows answers for a share's file it may not write
    from reviewer.store import StoreError, open_store
    try:
        s = open_store(sys.argv[1])
        print(s.journal_mode, sorted(s.decisions("a" * 64)))
    except StoreError as exc:
        print(exc)
"""


@pytest.mark.parametrize("folder_writable", [True, False])
def test_a_read_only_project_whose_last_changes_are_in_its_wal_shows_them_or_says_why_not(
        tmp_path: Path, folder_writable: bool) -> None:
    """Found by a code review: read as unchangeable, a read-only copy of a project taken with its
    -wal (the window crashed before the changes were copied into the file) showed no decisions."""
    s = open_store(tmp_path / "p.review")
    s.add_report(Document("/x/a.txt", "甲报告正文", A, "txt", "utf-8", 15), "甲区人民政府", 2023, "county")
    s.set_decision(A, "measures", "符合", "看过", "张三")
    copy = tmp_path / "光盘"
    copy.mkdir()
    for suffix in ("", "-wal"):  # while the project is open: its changes are in the -wal
        shutil.copy(f"{tmp_path / 'p.review'}{suffix}", f"{copy / 'p.review'}{suffix}")
    s.close()
    assert (copy / "p.review-wal").stat().st_size > 0
    for f in copy.iterdir():
        f.chmod(0o444)
    copy.chmod(0o755 if folder_writable else 0o555)
    try:
        done = subprocess.run([*without_root_rights(), sys.executable, "-c", textwrap.dedent(READ_DECISIONS),
                               str(copy / "p.review")], cwd=ROOT, capture_output=True, text=True, timeout=60)
    finally:
        copy.chmod(0o755)
    refused = ("p.review：项目文件是只读的，它最近的修改还在旁边的 p.review-wal 中，只读时无法读出；"
               "请把 p.review 和 p.review-wal 一起复制到可写的位置后再打开")
    assert done.stdout.strip() == ("read-only ['measures']" if folder_writable else refused), done.stderr


def test_a_file_the_system_refuses_to_write_opens_read_only_whatever_os_access_says(tmp_path: Path) -> None:
    """Found by a code review: on Windows ``os.access`` sees only the read-only attribute, not a
    share's permissions; the project opened as writable and its first tick failed."""
    p = tmp_path / "p.review"
    s = open_store(p)
    s.set_decision(A, "measures", "符合", "看过", "张三")
    s.close()
    p.chmod(0o444)
    try:
        done = subprocess.run([*without_root_rights(), sys.executable, "-c", textwrap.dedent(READ_DECISIONS),
                               str(p), "windows"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    finally:
        p.chmod(0o644)
    assert done.stdout.strip() == "read-only ['measures']", done.stderr
    assert not (tmp_path / "p.review.bak").exists()


def test_a_windows_share_path_is_given_to_sqlite_as_a_path() -> None:
    """Found by a code review: Path.as_uri() names a share's server as the URI's authority, which
    SQLite refuses (invalid uri authority)."""
    from pathlib import PureWindowsPath

    from reviewer.store_schema import sqlite_uri

    assert sqlite_uri(PureWindowsPath(r"\\fileserver\法制科\x.review"), "mode=ro") == \
        "file:////fileserver/%E6%B3%95%E5%88%B6%E7%A7%91/x.review?mode=ro"
    assert sqlite_uri(PureWindowsPath(r"C:\审阅\a b#1?.review"), "mode=ro") == \
        "file:///C:/%E5%AE%A1%E9%98%85/a%20b%231%3F.review?mode=ro"


def test_a_file_too_short_to_be_a_database_is_no_project_and_is_left_alone(tmp_path: Path) -> None:
    """Found by a code review: SQLite takes a 1-byte file for an empty database."""
    p = tmp_path / "x.review"
    p.write_bytes(b"\n")
    with pytest.raises(StoreError, match="不是审阅项目文件"):
        open_store(p)
    assert p.read_bytes() == b"\n"


def test_a_full_database_on_a_disk_with_room_is_not_called_a_full_disk(tmp_path: Path) -> None:
    from reviewer.store_schema import disk_full

    exc = sqlite3.OperationalError("database or disk is full")
    exc.sqlite_errorcode = 13  # a share's quota, FAT32's 4 GB a file
    assert disk_full(tmp_path / "p.review", exc) is None


def test_a_checkpoint_puts_every_saved_decision_in_the_project_file_itself(tmp_path: Path) -> None:
    """Found by a helper session: a copy of the .review file taken while the window had it open (to a
    USB stick, for a colleague) held none of the decisions made since it was opened: they were in
    its -wal, copied into the file only when the window closed."""
    p = tmp_path / "p.review"
    s = open_store(p)
    s.add_report(Document("/x/a.txt", "甲报告正文", A, "txt", "utf-8", 15), "甲区人民政府", 2023, "county")
    for i in range(5):
        s.set_decision(A, f"item{i}", "符合", "看过", "张三")
    s.set_verdict(A, "需修改", "补充数据", "张三")
    s.checkpoint()  # as the window's writer does once every change is written (ui.writer)
    shutil.copy(p, tmp_path / "copy.review")  # the file alone, while the project is open
    copy = sqlite3.connect(tmp_path / "copy.review")
    assert copy.execute("SELECT count(*) FROM decisions").fetchone()[0] == 5
    assert copy.execute("SELECT verdict FROM verdicts").fetchall() == [("需修改",)]
    copy.close()
    s.close()
