"""Opening reports reuses cached analyses: nothing is re-analysed on reopening a project."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from reviewer import analyze as analyze_mod
from reviewer.batch import analysis_version, open_reports
from reviewer.checklist import load_checklist
from reviewer.serialize import to_json
from reviewer.store import open_store
from tests.conftest import SEED_FILES


def test_reopening_uses_the_cache_and_gives_the_same_analyses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for s in SEED_FILES:
        shutil.copy(s, folder / s.name)
    checklist = load_checklist()
    store = open_store(tmp_path / "p.review")
    first = open_reports([folder], checklist, store, workers=1)
    assert first.from_cache == 0 and len(first.analyses) == 5 and not first.errors

    def no_analysis(*args: object, **kwargs: object) -> list[object]:
        assert not args[0], "a cached report was analysed again"
        return []

    monkeypatch.setattr(analyze_mod, "analyze_many", no_analysis)
    again = open_reports([folder], checklist, open_store(tmp_path / "p.review"))
    assert again.from_cache == 5
    assert [to_json(a) for a in again.analyses] == [to_json(a) for a in first.analyses]
    assert again.analyses[0].text == first.analyses[0].text


def test_a_different_checklist_misses_the_cache(tmp_path: Path) -> None:
    checklist = load_checklist()
    other = replace(checklist, version="other")
    assert analysis_version(checklist) != analysis_version(other)
    store = open_store(tmp_path / "p.review")
    open_reports([SEED_FILES[0]], checklist, store, workers=1)
    assert open_reports([SEED_FILES[0]], other, store, workers=1).from_cache == 0


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_paused_while_decoding_and_left_as_it_was(enabled: bool) -> None:
    import gc

    from reviewer.batch import long_lived_objects

    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        gc.unfreeze()  # earlier tests' reopens froze theirs
        with long_lived_objects():
            assert not gc.isenabled()
            built = [object()]
        assert gc.isenabled() is enabled
        assert gc.get_freeze_count() > 0  # what was built is never walked by the collector again
        with pytest.raises(RuntimeError), long_lived_objects():
            raise RuntimeError("a corrupt cache entry")
        assert gc.isenabled() is enabled
        del built
    finally:
        gc.unfreeze()
        gc.enable() if was else gc.disable()


def test_a_fully_cached_reopen_does_not_load_the_analyser(tmp_path: Path) -> None:
    import subprocess
    import sys

    folder = tmp_path / "reports"
    folder.mkdir()
    for p in SEED_FILES[:2]:
        shutil.copy(p, folder / p.name)
    project = tmp_path / "p.review"
    store = open_store(project)
    assert open_reports([folder], load_checklist(), store).from_cache == 0
    store.close()
    code = (
        "import sys; from reviewer.batch import open_reports; from reviewer.checklist import load_checklist;"
        "from reviewer.store import open_store;"
        f"r = open_reports([{str(folder)!r}], load_checklist(), open_store({str(project)!r}));"
        "print(r.from_cache, 'reviewer.analyze' in sys.modules, 'cn2an' in sys.modules, 'jieba' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["2", "False", "False", "False"]
