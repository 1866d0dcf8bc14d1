"""Files that could not be read, kept in the project: the workbook lists them however often it reopens.

A file that never became a report must not vanish from the record of the review. The list lives in
the project's settings (one JSON value: every store has them, the team's server too), keyed by the
file's absolute path. A file leaves it when it is read, or found to be a copy or another format of a
report the project holds; it is listed again, with its new reason, when it fails again.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence

from reviewer.model import LoadError
from reviewer.paths import distinct_names, path_key
from reviewer.review_store import ReviewStore
from reviewer.vocab import Lang

KEY = "load_failures"
_PASSING = frozenset({"needs_ocr", "cancelled"})  # not an outcome: the file is read later, or was not asked for


def kept_failures(store: ReviewStore) -> list[LoadError]:
    """The files of the project that could not be read, in the order they failed."""
    raw = store.setting(KEY)
    try:
        items = json.loads(raw) if raw else []
        return [LoadError(str(i["path"]), str(i["kind"]), str(i["message"])) for i in items]
    except (ValueError, TypeError, KeyError):
        return []  # a value this version cannot read: an empty list rather than a project that will not open


def remember_failures(store: ReviewStore, errors: Sequence[LoadError], read: Iterable[str]) -> None:
    """Keep ``errors`` of files that failed, and forget files now ``read`` (or accounted for: a copy, a
    report in another format, a changed file whose kept version stands)."""
    kept = {path_key(e.path): e for e in kept_failures(store)}  # one file however its path is spelt
    before = dict(kept)
    for path in read:
        kept.pop(path_key(path), None)
    for e in errors:
        if e.kind in _PASSING:
            continue
        if e.lost:
            kept[path_key(e.path)] = LoadError(os.path.abspath(e.path), e.kind, e.message)
        else:
            kept.pop(path_key(e.path), None)
    if kept != before:
        value = [{"path": e.path, "kind": e.kind, "message": e.message} for e in kept.values()]
        store.set_setting(KEY, json.dumps(value, ensure_ascii=False) if value else None)


def said_of(errors: Sequence[LoadError], lang: Lang = "zh") -> list[str]:
    """Each error as the window and the command line say it: files of the same name told apart by
    their folders (和平区/报告.docx, 河西区/报告.docx)."""
    names = distinct_names([e.path for e in errors])
    return [e.said(lang, name) for e, name in zip(errors, names, strict=True)]
