"""What a project keeps about last year: pairings, ticks on plan items, the library; read-only libraries."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer.batch import import_reports, project_reports, with_project_findings
from reviewer.checklist import load_checklist
from reviewer.journal import Change, apply_change
from reviewer.library import last_year_inputs, library_analyses, set_library
from reviewer.memory_store import MemoryReviewStore
from reviewer.review_store import ReviewStore
from reviewer.store import open_store
from reviewer.store_lastyear import LIBRARY_SETTING
from reviewer.store_schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from tests.core import lastyear_fixtures as fx

A, B, C = "a" * 64, "b" * 64, "c" * 64


@pytest.fixture(params=["sqlite", "memory", "server"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ReviewStore]:
    if request.param == "server":
        s: ReviewStore = open_store(request.getfixturevalue("server_project"))
    else:
        s = open_store(tmp_path / "p.review") if request.param == "sqlite" else MemoryReviewStore()
    yield s
    s.close()


def test_pairings_ticks_and_settings_are_kept_with_their_history(store: ReviewStore) -> None:
    assert store.pairing_fixes() == {} and store.promise_ticks() == {} and store.setting(LIBRARY_SETTING) is None
    store.set_pairing(A, B, "张三")
    store.set_pairing(C, "", "张三")  # not to be compared
    store.set_promise(A, "0123456789ab", True, "李四")
    store.set_promise(A, "ba9876543210", False, "李四")
    store.set_setting(LIBRARY_SETTING, "/x/2023.review")
    assert {k: v.previous for k, v in store.pairing_fixes().items()} == {A: B, C: ""}
    assert {k: v.kept for k, v in store.promise_ticks().items()} == {(A, "0123456789ab"): True,
                                                                    (A, "ba9876543210"): False}
    assert store.setting(LIBRARY_SETTING) == "/x/2023.review"
    store.set_pairing(A, None, "王五")  # back to the automatic pairing
    store.set_promise(A, "0123456789ab", None, "王五")
    store.set_setting(LIBRARY_SETTING, None)
    assert set(store.pairing_fixes()) == {C}
    assert set(store.promise_ticks()) == {(A, "ba9876543210")}
    assert store.setting(LIBRARY_SETTING) is None
    assert [(h.field, h.item, h.old, h.new, h.reviewer) for h in store.history(A)] == [
        ("pairing", None, "auto", B, "张三"),
        ("promise", "0123456789ab", None, "true", "李四"),
        ("promise", "ba9876543210", None, "false", "李四"),
        ("pairing", None, B, "auto", "王五"),
        ("promise", "0123456789ab", "true", None, "王五"),
    ]


def test_the_library_is_set_one_way_and_kept_whole(store: ReviewStore, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's 工具 → 往年报告库 and ``reviewer export --previous`` both set it through ``set_library``:
    a path relative to where it was typed is kept whole, as the project is opened again from anywhere."""
    monkeypatch.chdir(tmp_path)
    assert set_library(store, "2023") == str(tmp_path / "2023")
    assert store.setting(LIBRARY_SETTING) == str(tmp_path / "2023")
    assert set_library(store, "") == "" and store.setting(LIBRARY_SETTING) is None


def test_the_journal_carries_pairings_and_ticks(store: ReviewStore) -> None:
    apply_change(store, Change("pairing", A, None, B, "", "张三", "2026-03-01T10:00:00+08:00"))
    apply_change(store, Change("promise", A, "0123456789ab", "1", "", "张三", "2026-03-01T10:01:00+08:00"))
    assert store.pairing_fixes()[A].time == "2026-03-01T10:00:00+08:00"
    assert store.promise_ticks()[(A, "0123456789ab")].kept is True
    apply_change(store, Change("pairing", A, None, "auto", "", "张三", "2026-03-01T10:02:00+08:00"))
    apply_change(store, Change("promise", A, "0123456789ab", "", "", "张三", "2026-03-01T10:03:00+08:00"))
    assert store.pairing_fixes() == {} and store.promise_ticks() == {}


def test_a_version_2_project_gains_the_tables_and_keeps_everything(tmp_path: Path) -> None:
    p = tmp_path / "v2.review"
    with sqlite3.connect(p) as conn:
        for script in MIGRATIONS[:2]:
            conn.executescript(script)
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        conn.execute("PRAGMA user_version=2")
        conn.execute("INSERT INTO decisions VALUES (?, 'measures', '符合', '好', '张', '2025-01-01', 0)", (A,))
    s = open_store(p)
    assert SCHEMA_VERSION == 3
    assert s._conn.execute("PRAGMA user_version").fetchone()[0] == 3
    assert s.decisions(A)["measures"].comment == "好"
    s.set_pairing(A, B, "张")
    s.close()
    assert open_store(p).pairing_fixes()[A].previous == B


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def last_spring(tmp_path: Path) -> Path:
    """Last spring's project holding the 2023 report, closed."""
    previous, _ = fx.write_pair(tmp_path / "files")
    path = tmp_path / "2023.review"
    s = open_store(path)
    import_reports([previous], load_checklist(), s)
    s.close()
    return path


def test_a_library_project_is_read_and_never_written(last_spring: Path, tmp_path: Path) -> None:
    before = _sha(last_spring)
    (tmp_path / "files" / "塘沽街道2023.txt").unlink()  # the library's project holds the text itself
    analyses, errors = library_analyses(last_spring, load_checklist())
    assert not errors
    assert [(a.meta.issuer, a.meta.report_year) for a in analyses] == [("塘沽街道", 2023)]
    assert _sha(last_spring) == before


def test_a_project_compares_with_its_library(last_spring: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                             ) -> None:
    checklist = load_checklist()
    s = open_store(tmp_path / "2024.review")
    import_reports([tmp_path / "files" / "塘沽街道2024.txt"], checklist, s)
    s.set_setting(LIBRARY_SETTING, str(last_spring))
    inputs = last_year_inputs(s, checklist)
    assert inputs.library_path == str(last_spring) and not inputs.errors
    shown = with_project_findings(project_reports(s, checklist).analyses, inputs.library, inputs.corrections)
    py = shown[0].previous_year
    assert py is not None and py.year == 2023 and py.paired_by == "auto"
    assert [p.status for p in py.plan] == fx.PLAN_STATUSES
    # the library's analyses are cached: opening the project again analyses nothing of them
    import reviewer.analyze

    def no_analysis(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("analysed again")

    monkeypatch.setattr(reviewer.analyze, "analyze_many", no_analysis)
    again = last_year_inputs(s, checklist)
    assert again.library == inputs.library
    s.set_pairing(shown[0].sha256, "", "张三")
    inputs = last_year_inputs(s, checklist)
    shown = with_project_findings(project_reports(s, checklist).analyses, inputs.library, inputs.corrections)
    assert shown[0].previous_year is None
    s.close()


def test_a_missing_library_is_said_and_the_project_opens(tmp_path: Path) -> None:
    s = MemoryReviewStore()
    s.set_setting(LIBRARY_SETTING, str(tmp_path / "gone.review"))
    inputs = last_year_inputs(s, load_checklist())
    assert inputs.library == () and [e.kind for e in inputs.errors] == ["library"]
    assert "往年报告库不存在" in inputs.errors[0].message
    # not "本次不与往年报告对比": the project's own reports of last year are still paired (a helper session)
    assert inputs.errors[0].message.endswith(
        "往年报告库不存在（已移动或删除？），本次只与项目（或本批）中的上一年度报告对比")


def test_a_file_that_is_no_project_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "x.review"
    with sqlite3.connect(p) as conn:
        conn.execute("CREATE TABLE t (x)")
    analyses, errors = library_analyses(p, load_checklist())
    assert analyses == [] and "不是审阅项目文件" in errors[0].message


def test_a_folder_library_is_analysed_once_then_from_the_projects_cache(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    previous, current = fx.write_pair(tmp_path / "files")
    current.unlink()
    s = MemoryReviewStore()
    first, _ = library_analyses(tmp_path / "files", load_checklist(), cache=s)
    import reviewer.analyze

    monkeypatch.setattr(reviewer.analyze, "analyze_many", lambda *a, **k: (_ for _ in ()).throw(AssertionError()))
    again, errors = library_analyses(tmp_path / "files", load_checklist(), cache=s)
    assert not errors and [a.sha256 for a in again] == [a.sha256 for a in first] == [_sha(previous)]


def test_choosing_the_open_project_as_last_years_library_keeps_its_locks(tmp_path: Path) -> None:
    """Found by a code review: the library's header was read with open(), whose close drops the locks
    this process holds on the file, when the library chosen is the project open here."""
    import subprocess
    import sys
    import textwrap

    from reviewer.library import _is_project
    from reviewer.model import Document
    from reviewer.store import open_store
    from tests.conftest import ROOT

    p = tmp_path / "p.review"
    made = open_store(p)
    made.add_report(Document("/x/a.txt", "甲报告正文", "a" * 64, "txt", "utf-8", 15), "甲区人民政府", 2023, "county")
    made.close()
    window, writer = open_store(p), open_store(p)
    assert _is_project(p) and not _is_project(tmp_path / "none.review")
    code = textwrap.dedent("""
        import sys
        from reviewer.store import open_store
        open_store(sys.argv[1]).close()  # another program opens and closes the project
    """)
    subprocess.run([sys.executable, "-c", code, str(p)], cwd=ROOT, check=True, timeout=60)
    writer.set_decision("a" * 64, "measures", "符合", "看过", "张三")
    seen = subprocess.run([sys.executable, "-c", "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("
                           "'SELECT count(*) FROM decisions').fetchone()[0])", str(p)],
                          capture_output=True, text=True, timeout=60)
    assert seen.stdout.strip() == "1"  # another program sees what the window saved
    writer.close()
    window.close()
