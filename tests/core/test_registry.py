"""One registry of formats feeds the folder walk, the open dialog, the frozen build and the README."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from reviewer.formats.registry import FORMATS, frozen_data_packages, frozen_imports, readme_table, report_filter
from reviewer.report_files import iter_report_files
from tests.conftest import ROOT


def test_readme_lists_what_the_registry_reads() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- formats:[^\n]*-->\n(.*?)\n<!-- formats: end -->", readme, re.S)
    assert block is not None and block.group(1) == readme_table()


def test_the_open_dialog_filter_has_every_suffix_first_then_each_format() -> None:
    parts = report_filter().split(";;")
    every = {s for f in FORMATS for s in f.suffixes}
    found = set(re.findall(r"\*(\.\w+)", parts[0]))
    assert {s for s in found if s == s.lower()} == every
    assert {s.upper() for s in every} <= found  # 报告.PDF from a Windows share shows too
    assert parts[-1] == "所有文件 (*)" and len(parts) == len(FORMATS) + 2


def test_the_gui_uses_the_core_filter() -> None:
    source = (ROOT / "ui" / "controller.py").read_text(encoding="utf-8")
    assert 'report_filter(self.w.tr("报告"), self.w.tr("所有文件"))' in source


def test_the_folder_walk_finds_every_format(tmp_path: Path) -> None:
    names = [f"r{i}{s}" for i, f in enumerate(FORMATS) for s in f.suffixes] + ["notes.xyz", "~$lock.doc"]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    found = {p.name for p in iter_report_files([tmp_path])}
    assert found == set(names) - {"notes.xyz", "~$lock.doc"}


def test_the_frozen_build_takes_its_imports_and_data_from_the_registry() -> None:
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert "frozen_imports()" in spec and "frozen_data_packages()" in spec
    for module in frozen_imports():
        assert importlib.util.find_spec(module) is not None, module
    assert "rapidocr" in frozen_data_packages()


def test_the_analysis_schema_allows_every_format_a_reader_gives() -> None:
    import json

    schema = json.loads((ROOT / "resources" / "schema" / "analysis.schema.json").read_text(encoding="utf-8"))
    assert set(schema["$defs"]["analysis"]["properties"]["format"]["enum"]) == {f.name for f in FORMATS} | {
        "pdf+ocr", "docx+ocr"}
