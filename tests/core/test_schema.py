"""Every seed's ``reviewer analyze --json`` output validates against resources/schema/analysis.schema.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from reviewer.analyze import analyze_document
from reviewer.checklist import load_checklist
from reviewer.load import load
from reviewer.resources import resource_path
from reviewer.serialize import to_json
from tests.conftest import SEED_FILES

SCHEMA: dict[str, Any] = json.loads(resource_path("schema", "analysis.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def test_schema_is_itself_valid() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: Path(p).name[:3])
def test_seed_output_validates(path: Path) -> None:
    out = to_json(analyze_document(load(path), load_checklist()))
    errors = sorted(VALIDATOR.iter_errors(out), key=str)
    assert errors == []
    assert len(out["checklist"]) == len(load_checklist().items)


def test_schema_rejects_what_the_contract_forbids() -> None:
    out = to_json(analyze_document(load(SEED_FILES[0]), load_checklist()))
    bad = dict(out, level="village")
    assert not VALIDATOR.is_valid(bad)
    bad = dict(out, checklist=[dict(out["checklist"][0], status="ok")])
    assert not VALIDATOR.is_valid(bad)
    bad = {k: v for k, v in out.items() if k != "findings"}
    assert not VALIDATOR.is_valid(bad)
