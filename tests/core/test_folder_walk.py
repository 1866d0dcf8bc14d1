"""Nothing in a folder of reports goes unmentioned: a subfolder that cannot be listed, pictures of
pages in the formats phones and browsers save, unfinished downloads. Found by a helper session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.failures import kept_failures, remember_failures
from reviewer.formats import sniff_format
from reviewer.load import ReportLoadError, iter_report_files, load, load_many
from reviewer.memory_store import MemoryReviewStore
from reviewer.model import LoadError
from tests.conftest import ROOT, seed_path, without_root_rights
from tests.core import format_fixtures as ff

LINES = ["津南区人民政府关于2021年法治政府建设", "情况的报告", "一、主要举措和成效", "全年办理行政复议案件59件。"]


def test_a_subfolder_that_cannot_be_listed_is_named_and_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "收文" / "河西区").mkdir(parents=True)
    (tmp_path / "收文" / "和平区").mkdir()
    shutil.copy(seed_path("000"), tmp_path / "收文" / "河西区" / "报告.txt")
    shutil.copy(seed_path("001"), tmp_path / "收文" / "和平区" / "报告.txt")
    (tmp_path / "收文" / "河西区").chmod(0)
    try:
        done = subprocess.run([*without_root_rights(), sys.executable, "-m", "reviewer", "analyze",
                               str(tmp_path / "收文")], cwd=ROOT, capture_output=True, text=True, timeout=120)
    finally:
        (tmp_path / "收文" / "河西区").chmod(0o755)
    assert done.returncode == 1
    assert "河西区：文件夹没有读取权限，其中的报告未能读取；请让管理员开放权限或把报告复制出来" in done.stderr
    assert done.stdout.count("== ") == 1  # 和平区's report is read


def test_a_folder_read_since_leaves_the_projects_list_of_failures(tmp_path: Path) -> None:
    store = MemoryReviewStore()
    folder = tmp_path / "河西区"
    remember_failures(store, [LoadError(str(folder), "unlisted", "河西区：文件夹没有读取权限")], [])
    assert [e.path for e in kept_failures(store)] == [str(folder)]
    remember_failures(store, [], [str(tmp_path / "和平区" / "报告.txt")])
    assert [e.path for e in kept_failures(store)] == [str(folder)]  # another folder's file says nothing of it
    remember_failures(store, [], [str(folder / "子目录" / "报告.txt")])
    assert kept_failures(store) == []


def test_pages_saved_by_phones_and_browsers_are_found_and_read(tmp_path: Path) -> None:
    page = ff.page_image(LINES)
    page.convert("RGB").save(tmp_path / "第1页.jfif", "JPEG", quality=95)
    page.save(tmp_path / "第2页.webp", "WEBP", lossless=True)
    page.save(tmp_path / "第3页.gif", "GIF")
    for name in ("第1页.jfif", "第2页.webp", "第3页.gif"):
        assert sniff_format((tmp_path / name).read_bytes()) == "ocr", name
    (tmp_path / "照片.heic").write_bytes(b"\x00\x00\x00\x18ftypheic" + b"\x00" * 64)
    (tmp_path / "报告.docx.crdownload").write_bytes(b"PK\x03\x04" + os.urandom(200))
    assert [p.name for p in iter_report_files([tmp_path])] == [
        "报告.docx.crdownload", "照片.heic", "第1页.jfif", "第2页.webp", "第3页.gif"]
    webp = load(tmp_path / "第2页.webp")
    assert (webp.format, webp.text) == ("ocr", "\n".join(LINES) + "\n")
    for name, said in (("照片.heic", "这是手机照片格式（HEIC），暂不支持；请转换为 JPG 后再打开"),
                       ("报告.docx.crdownload", "这是没有下载完成的文件，请重新下载完整的报告后再打开")):
        with pytest.raises(ReportLoadError) as caught:
            load(tmp_path / name)
        assert caught.value.as_record().message == f"{name}：{said}"


def test_a_download_under_its_temporary_name_is_never_read(tmp_path: Path) -> None:
    """Found by a code review: the first third of a text saved as .crdownload was read as a report
    lacking its later parts."""
    text = seed_path("000").read_bytes()
    (tmp_path / "报告.txt.crdownload").write_bytes(text[: len(text) // 3])
    shutil.copy(seed_path("001"), tmp_path / "报告.docx.part")
    docs, errors = load_many([tmp_path])
    assert docs == [] and [(Path(e.path).name, e.kind) for e in errors] == [
        ("报告.docx.part", "unfinished"), ("报告.txt.crdownload", "unfinished")]


def test_system_folders_that_cannot_be_listed_are_not_named(tmp_path: Path) -> None:
    """Found by a code review: a USB stick's root named $RECYCLE.BIN and System Volume Information as
    reports that could not be read, on every import."""
    for name in ("$RECYCLE.BIN", "System Volume Information", ".Trash-1000", "报告_files", "河西区"):
        (tmp_path / name).mkdir()
    (tmp_path / "报告.html").write_text("<html><body>一、主要举措</body></html>", encoding="utf-8")
    shutil.copy(seed_path("000"), tmp_path / "河西区" / "报告.txt")
    for d in tmp_path.iterdir():
        if d.is_dir():
            d.chmod(0)
    try:
        done = subprocess.run([*without_root_rights(), sys.executable, "-c",
                               "import sys; from reviewer.load import iter_report_files as f; "
                               "print([p.name for p in f([sys.argv[1]])])", str(tmp_path)],
                              cwd=ROOT, capture_output=True, text=True, timeout=60)
    finally:
        for d in tmp_path.iterdir():
            d.chmod(0o755)
    assert done.stdout.strip() == "['报告.html', '河西区']", done.stderr


def test_a_folder_listed_again_leaves_the_projects_list_of_failures(tmp_path: Path) -> None:
    store = MemoryReviewStore()
    folder = tmp_path / "收文" / "河西区"
    remember_failures(store, [LoadError(str(folder), "unlisted", "河西区：文件夹没有读取权限")], [])
    remember_failures(store, [], [], walked=[str(tmp_path / "别处")])
    assert [e.path for e in kept_failures(store)] == [str(folder)]  # another folder walked: still unread
    remember_failures(store, [], [], walked=[str(tmp_path / "收文")])  # walked, listed, no report in it
    assert kept_failures(store) == []


def test_a_file_deleted_since_leaves_the_list_when_its_folder_is_opened_again(tmp_path: Path) -> None:
    """Found by a helper session: 空白.txt, deleted after it was reported empty, stayed in the window's list
    and the workbook's 未能读取的文件 however often the folder was opened again."""
    from reviewer.batch import import_reports
    from reviewer.checklist import load_checklist

    folder = tmp_path / "收文"
    folder.mkdir()
    shutil.copy(seed_path("000"), folder / "报告.txt")
    (folder / "空白.txt").write_bytes(b"")
    (tmp_path / "别处.txt").write_bytes(b"")
    store = MemoryReviewStore()
    import_reports([str(folder), str(tmp_path / "别处.txt")], load_checklist(), store)
    assert sorted(Path(e.path).name for e in kept_failures(store)) == ["别处.txt", "空白.txt"]
    (folder / "空白.txt").unlink()
    (tmp_path / "别处.txt").unlink()
    import_reports([str(folder)], load_checklist(), store)
    assert [Path(e.path).name for e in kept_failures(store)] == ["别处.txt"]  # its folder was not opened


def test_a_file_missing_here_is_kept_on_the_teams_server_and_in_a_folder_that_cannot_be_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found by a code review: the list on the team's server is everyone's (the file may be on another
    reviewer's computer), and a file in a folder this computer cannot read only looks missing."""
    class ServerLike(MemoryReviewStore):
        @property
        def journal_mode(self) -> str:
            return "server"

    folder = tmp_path / "收文"
    (folder / "锁住的").mkdir(parents=True)
    elsewhere = LoadError(str(folder / "张三电脑上的.txt"), "empty", "张三电脑上的.txt：文件是空的")
    locked = LoadError(str(folder / "锁住的" / "空白.txt"), "empty", "空白.txt：文件是空的")
    server, local = ServerLike(), MemoryReviewStore()
    for store in (server, local):
        remember_failures(store, [elsewhere, locked], [])
    listdir = os.listdir

    def refused(path: str) -> list[str]:  # as for a user without the folder's rights (the tests run as root)
        if Path(path).name == "锁住的":
            raise PermissionError(13, "Permission denied", path)
        return listdir(path)

    monkeypatch.setattr(os, "listdir", refused)
    for store in (server, local):
        remember_failures(store, [], [], walked=[str(folder)])
    assert [Path(e.path).name for e in kept_failures(server)] == ["张三电脑上的.txt", "空白.txt"]
    assert [Path(e.path).name for e in kept_failures(local)] == ["空白.txt"]


def test_a_file_that_failed_is_told_apart_from_a_report_of_the_same_name(tmp_path: Path) -> None:
    """Found by a helper session: 报告.txt：文件是空的, beside reports read as 河西区/报告.txt and 和平区/报告.txt."""
    from openpyxl import load_workbook

    for unit, seed in (("河西区", "000"), ("和平区", "001")):
        (tmp_path / "收文" / unit).mkdir(parents=True)
        shutil.copy(seed_path(seed), tmp_path / "收文" / unit / "报告.txt")
    (tmp_path / "收文" / "街道").mkdir()
    (tmp_path / "收文" / "街道" / "报告.txt").write_bytes(b"")
    done = subprocess.run([sys.executable, "-m", "reviewer", "export", str(tmp_path / "收文"), "-o",
                           str(tmp_path / "r.xlsx")], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert "街道/报告.txt：文件是空的" in done.stderr.splitlines()
    rows = [r for r in load_workbook(tmp_path / "r.xlsx")["汇总"].iter_rows(values_only=True) if any(r)]
    assert rows[-1][1:3] == ("街道/报告.txt", "文件是空的")
    assert sorted(r[4] for r in rows[2:4]) == ["和平区/报告.txt", "河西区/报告.txt"]


def test_reports_in_hidden_and_system_folders_are_not_read(tmp_path: Path) -> None:
    """Found by a helper session: a deleted draft in a USB stick's $RECYCLE.BIN was opened as the
    unit's report, and the real one then left out as its copy."""
    for folder in ("$RECYCLE.BIN", ".git", "System Volume Information", "塘沽街道"):
        (tmp_path / folder).mkdir()
        shutil.copy(seed_path("003"), tmp_path / folder / "报告.txt")
    docs, errors = load_many([tmp_path])
    assert [Path(d.path).relative_to(tmp_path).as_posix() for d in docs] == ["塘沽街道/报告.txt"] and errors == []


def test_the_english_workbook_says_what_is_wrong_with_such_files(tmp_path: Path) -> None:
    """Found by a helper session: in English an unfinished download, a phone photo and a cut-off RTF
    all read as "A format that is not supported" or "The file is damaged"."""
    from reviewer.model import LoadError

    said = {kind: LoadError("/x/f", kind, "f：…").reason("en") for kind in ("unfinished", "photo_format", "truncated")}
    assert said == {"unfinished": "An unfinished download: download the whole report again",
                    "photo_format": "A phone photo (HEIC): convert it to JPG first",
                    "truncated": "The file ends too soon (cut off in transfer): ask the unit to send it again"}
    assert all(LoadError("/x/f", kind, "").lost for kind in said)  # missing from the review: counted, kept


def test_a_text_saved_as_an_archive_is_refused_however_it_is_opened(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """Found by a helper session: a report's text saved as 报告.zip (or .rar, .7z) was read as a report
    when named on the command line or dropped on the window, while a folder walk said a true archive
    beside it was not opened. Every archive suffix the walk names is refused alike, from the core."""
    from reviewer.batch import import_reports
    from reviewer.checklist import load_checklist
    from reviewer.cli import main
    from reviewer.formats import ARCHIVES
    from reviewer.report_files import SAID_IN_FOLDERS

    assert ARCHIVES <= SAID_IN_FOLDERS
    files = [tmp_path / f"报告{suffix}" for suffix in sorted(ARCHIVES)]
    for f in files:
        shutil.copy(seed_path("000"), f)
    said = [f"{f.name}：这是压缩包，不会自动解压；请解压后再打开其中的报告" for f in files]
    for f, words in zip(files, said, strict=True):
        assert main(["analyze", str(f)]) == 1
        cap = capsys.readouterr()
        assert (cap.out, cap.err) == ("", f"{words}\n")
    assert main(["analyze", *map(str, files), "--lang", "en"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{f.name}: A compressed archive: it is not opened; unpack it and open the reports in it" for f in files]
    batch = import_reports([str(f) for f in files], load_checklist(), MemoryReviewStore())  # the window's way in
    assert batch.analyses == [] and [e.said() for e in batch.errors] == said
    docs, errors = load_many([tmp_path])  # a folder walk says the same
    assert docs == [] and [e.said() for e in errors] == said
