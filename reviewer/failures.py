"""Files that could not be read, kept in the project: the workbook lists them however often it reopens.

A file that never became a report must not vanish from the record of the review. The list lives in
the project's settings (one JSON value: every store has them, the team's server too), keyed by the
file's absolute path. A file leaves it when it is read, or found to be a copy or another format of a
report the project holds; it is listed again, with its new reason, when it fails again. The list
is read and written back in one step (``update_setting``): on a team's server two reviewers
importing at the same moment each keep the other's entries.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from reviewer.model import LoadError
from reviewer.paths import distinct_names, path_key
from reviewer.review_store import ReviewStore
from reviewer.vocab import Lang

KEY = "load_failures"
_PASSING = frozenset({"needs_ocr", "cancelled"})  # not an outcome: the file is read later, or was not asked for


def kept_failures(store: ReviewStore) -> list[LoadError]:
    """The files of the project that could not be read, in the order they failed."""
    return _parsed(store.setting(KEY))


def _parsed(raw: str | None) -> list[LoadError]:
    try:
        items = json.loads(raw) if raw else []
        return [LoadError(str(i["path"]), str(i["kind"]), str(i["message"])) for i in items]
    except (ValueError, TypeError, KeyError):
        return []  # a value this version cannot read: an empty list rather than a project that will not open


def remember_failures(store: ReviewStore, errors: Sequence[LoadError], read: Iterable[str],
                      walked: Iterable[str] = ()) -> None:
    """Keep ``errors`` of files that failed, and forget files now ``read`` (or accounted for: a copy, a
    report in another format, a changed file whose kept version stands), and, under the folders
    ``walked``, folders that could not be listed before and were listed now, and files no longer there."""
    # a file read is no longer a failure, nor is a folder it lies in (one that could not be listed before)
    whole = [Path(os.path.abspath(p)) for p in read]
    gone = [path_key(str(f)) for p in whole for f in (p, *p.parents)]
    gone += [path_key(e.path) for e in errors if e.kind not in _PASSING and not e.lost]
    failed = {path_key(e.path): LoadError(os.path.abspath(e.path), e.kind, e.message)
              for e in errors if e.kind not in _PASSING and e.lost}
    roots = [path_key(w) for w in walked]
    if not gone and not failed and not roots:
        return
    local = store.journal_mode != "server"

    def change(raw: str | None) -> str | None:
        # read and written in one step: another reviewer's import into the team's server is kept
        kept = {path_key(e.path): e for e in _parsed(raw)}  # one file however its path is spelt
        before = dict(kept)
        for key in gone:
            kept.pop(key, None)
        for key, e in list(kept.items()):  # listed this time (one refused again is in ``failed``)
            if not any(key == r or key.startswith(r.rstrip(os.sep) + os.sep) for r in roots):
                continue
            # a file no longer there when its folder is opened again was deleted or replaced: listed as
            # unreadable for ever, with no way to take it off (found by a helper session). Not on the team's
            # server, where the list is everyone's and the file may be on another reviewer's computer.
            if e.kind == "unlisted" or (local and _gone(e.path)):
                del kept[key]
        kept.update(failed)
        if kept == before:
            return raw
        value = [{"path": e.path, "kind": e.kind, "message": e.message} for e in kept.values()]
        return json.dumps(value, ensure_ascii=False) if value else None

    store.update_setting(KEY, change)


def _gone(path: str) -> bool:
    """Whether the file is no longer in its folder (a folder that cannot be read says nothing)."""
    folder, name = os.path.split(path)
    try:
        return name not in os.listdir(folder or ".")
    except FileNotFoundError:
        return True  # its folder went with it
    except OSError:
        return False


def said_of(errors: Sequence[LoadError], lang: Lang = "zh", among: Sequence[str] = ()) -> list[str]:
    """Each error as the window and the command line say it: files of the same name told apart by
    their folders (和平区/报告.docx, 河西区/报告.docx), from each other and from the files ``among``
    (the reports read beside them, shown by the same names)."""
    names = distinct_names([e.path for e in errors] + list(among))
    return [e.said(lang, name) for e, name in zip(errors, names[: len(errors)], strict=True)]
