"""The local journal of changes on their way to the project survives the crash it is there for."""

from __future__ import annotations

from pathlib import Path

from reviewer.journal import Change, Journal, journal_files, journal_path, own_journal_path


def _change(report: str, comment: str = "") -> Change:
    return Change("decision", report, "measures", "不符合", comment, "张三", "2024-03-01T09:00:00+08:00")


def test_a_line_cut_inside_a_character_leaves_the_rest_readable(tmp_path: Path) -> None:
    """Found by a code review: a power cut inside 缺少数据's bytes made the whole journal unreadable, and
    the window could not open the project (UnicodeDecodeError out of the writer)."""
    journal = Journal(tmp_path / "j.jsonl")
    journal.append(_change("a" * 64))
    journal.append(_change("b" * 64, "缺少数据"))
    data = journal.path.read_bytes()
    journal.path.write_bytes(data[: data.rindex("数".encode()) + 1])  # one byte of 数's three
    assert [c.report for c in journal.pending()] == ["a" * 64]


def test_the_change_after_a_cut_line_is_kept(tmp_path: Path) -> None:
    """Found by a code review: the first change after a crash was written on after the cut line, the two
    made one line that could not be read, and that change was lost."""
    journal = Journal(tmp_path / "j.jsonl")
    journal.append(_change("a" * 64))
    journal.path.write_bytes(journal.path.read_bytes() + b'{"kind": "decision", "rep')
    journal.append(_change("c" * 64, "补充后的意见"))
    assert [(c.report, c.comment) for c in journal.pending()] == [("a" * 64, ""), ("c" * 64, "补充后的意见")]


def test_each_window_has_a_journal_of_its_own_and_all_are_found(tmp_path: Path) -> None:
    project = str(tmp_path / "P.review")
    first, second = own_journal_path(tmp_path, project), own_journal_path(tmp_path, project)
    assert first != second and first.parent == journal_path(tmp_path, project).parent
    other = own_journal_path(tmp_path, str(tmp_path / "Q.review"))
    for path in (first, second, journal_path(tmp_path, project), other):
        Journal(path).append(_change("a" * 64))
    assert journal_files(tmp_path, project) == sorted([first, second, journal_path(tmp_path, project)])
