"""The reference library of last year's reports (往年报告库): another project, or a folder of reports.

The library is read, never written: a project file is opened read-only (not through
``open_store``, which would migrate it or check and back it up), its kept texts are taken as they
are and its cached analyses reused when they were made by this version of the analyser. A folder is
loaded like any folder of reports. What must be analysed anew is analysed with the open project's
cache, so opening the project again does not analyse the library again.

``last_year_inputs`` gathers, from the open project, what the comparison with last year needs: the
library's analyses, the reviewer's pairing corrections and promise ticks. ``set_library`` is the one
way a project's library is chosen: the window's 工具 → 往年报告库 and ``reviewer export --previous``.
"""

from __future__ import annotations

import json
import os
import sqlite3
import zlib
from collections.abc import Callable, Mapping
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reviewer.batch import AnalysisCache, analyse_documents, analysis_version
from reviewer.checklist import Checklist
from reviewer.messages import msg
from reviewer.model import Analysis, Document, LoadError
from reviewer.review_store import ReviewStore
from reviewer.serialize import document_from_json
from reviewer.store_lastyear import LIBRARY_SETTING, PairingFix, PromiseTick
from reviewer.store_schema import APPLICATION_ID

Cancelled = Callable[[], bool]
PoolFactory = Callable[[], Executor | None]  # the caller's warm pool, asked for only when needed


@dataclass(frozen=True)
class LastYearInputs:
    """What a project's comparison with last year needs, read together off the GUI thread."""

    library_path: str = ""  # the reference library chosen in 往年报告库 ("" when none)
    library: tuple[Analysis, ...] = ()  # its reports (those not in the project itself)
    corrections: dict[str, str] = field(default_factory=dict)  # report → previous sha256 ("" for none)
    fixes: dict[str, PairingFix] = field(default_factory=dict)
    ticks: dict[tuple[str, str], PromiseTick] = field(default_factory=dict)
    errors: tuple[LoadError, ...] = ()


class LibraryError(Exception):
    """The reference library cannot be read; the message is Chinese and names it."""


def _unpack(blob: bytes) -> Any:
    return json.loads(zlib.decompress(blob).decode("utf-8", "surrogatepass"))


def _connect(path: Path) -> sqlite3.Connection:
    """The project file read-only, as a read-only project is read (``store_readonly``)."""
    from reviewer.store_readonly import read_only_connection
    from reviewer.store_schema import StoreError

    try:
        return read_only_connection(path, msg("store.why_library"))
    except StoreError as exc:
        raise LibraryError(str(exc)) from exc


class _ProjectCache:
    """Analyses cached in the library project (read) and in the open project (read and kept)."""

    def __init__(self, theirs: Mapping[str, dict[str, Any]], mine: AnalysisCache | None) -> None:
        self.theirs, self.mine = theirs, mine
        self._seen: dict[str, dict[str, Any] | None] = {}  # asked twice: whether a pool is needed, then to use

    def cached_analysis(self, sha256: str, version: str) -> dict[str, Any] | None:
        if sha256 not in self._seen:
            found = self.theirs.get(sha256)
            if found is None and self.mine is not None:
                found = self.mine.cached_analysis(sha256, version)
            self._seen[sha256] = found
        return self._seen[sha256]

    def save_analysis(self, sha256: str, version: str, analysis: dict[str, Any]) -> None:
        if self.mine is not None:
            self.mine.save_analysis(sha256, version, analysis)

    def save_packed(self, sha256: str, version: str, blob: bytes) -> None:
        if self.mine is not None:
            self.mine.save_packed(sha256, version, blob)


def _is_project(path: Path) -> bool:
    """Read by SQLite, not ``open()``: the library may be the project this program has open."""
    from reviewer.store_schema import is_sqlite

    return is_sqlite(path)


def read_project(path: Path, version: str) -> tuple[list[Document], dict[str, dict[str, Any]]]:
    """A project file's reports (kept texts) and its analyses cached at ``version``, read-only."""
    conn = _connect(path)
    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise LibraryError(f"{path.name}：不是审阅项目文件，不能作为往年报告库")
        rows = conn.execute("SELECT r.sha256, r.path, t.data FROM reports r JOIN texts t ON t.sha256 = r.sha256"
                            " WHERE r.removed IS NULL ORDER BY r.added, r.rowid").fetchall()
        docs = [document_from_json(_unpack(blob), path_) for _sha, path_, blob in rows]
        cached = {sha: _unpack(blob) for sha, blob in
                  conn.execute("SELECT sha256, data FROM analyses WHERE version=?", (version,))}
    except sqlite3.Error as exc:
        raise LibraryError(str(exc)) from exc
    finally:
        conn.close()
    return docs, cached


def library_analyses(path: str | Path, checklist: Checklist, cache: AnalysisCache | None = None,
                     skip: frozenset[str] = frozenset(), cancelled: Cancelled | None = None,
                     pool: PoolFactory | None = None) -> tuple[list[Analysis], list[LoadError]]:
    """Every report of the library (a project file or a folder) analysed, but those in ``skip``."""
    from reviewer.load import load_many

    p = Path(path)
    errors: list[LoadError] = []
    if p.is_dir() or (p.is_file() and not _is_project(p)):  # a folder of reports, or one report
        docs, load_errors = load_many([p], cancelled=cancelled)
        errors += load_errors
        theirs: dict[str, dict[str, Any]] = {}
    elif p.is_file():
        try:
            docs, theirs = read_project(p, analysis_version(checklist))
        except LibraryError as exc:
            return [], [LoadError(str(p), "library", str(exc))]
    else:
        # not "本次不与往年报告对比": the project's (or the batch's) own last-year reports are still paired
        return [], [LoadError(str(p), "library",
                              f"{p.name}：往年报告库不存在（已移动或删除？），本次只与项目（或本批）中的上一年度报告对比")]
    docs = [d for d in docs if d.sha256 not in skip]
    both = _ProjectCache(theirs, cache)
    version = analysis_version(checklist)
    needed = pool is not None and any(both.cached_analysis(d.sha256, version) is None for d in docs)
    analyses, _ = analyse_documents(docs, checklist, both, cancelled=cancelled, failures=errors,
                                    pool=pool() if needed and pool is not None else None)
    return analyses, errors


def last_year_inputs(store: ReviewStore, checklist: Checklist, have: frozenset[str] = frozenset(),
                     cancelled: Cancelled | None = None, pool: PoolFactory | None = None) -> LastYearInputs:
    """The open project's library (its reports not among ``have``), pairing corrections and ticks."""
    path = store.setting(LIBRARY_SETTING) or ""
    fixes = store.pairing_fixes()
    ticks = store.promise_ticks()
    library: list[Analysis] = []
    errors: list[LoadError] = []
    if path and Path(path).resolve() != Path(store.location or "/nonexistent").resolve():
        library, errors = library_analyses(path, checklist, store, have, cancelled, pool)
    return LastYearInputs(path, tuple(library), {k: f.previous for k, f in fixes.items()}, fixes, ticks,
                          tuple(errors))


def set_library(store: ReviewStore, path: str) -> str:
    """Keep ``path`` as the project's 往年报告库 ("" for none) and return it as kept: absolute, since
    the project is opened again from anywhere (a command's working folder means nothing then). On the
    team's server only the lead may (it pairs the whole team's reports): the server refuses anyone
    else, said as that (``RefusedError``); a project that cannot be written raises ``StoreError``."""
    from reviewer.server_errors import RefusedError

    kept = os.path.abspath(path) if path else ""
    try:
        store.set_setting(LIBRARY_SETTING, kept or None)
    except RefusedError as exc:  # the server's "只有组长可以更改共享项目的这项设置", said of the library
        raise RefusedError(msg("sync.lead_only_library")) from exc
    return kept


def same_library(a: str, b: str) -> bool:
    """Whether two paths name one library (spelt differently, or through a link)."""
    return Path(a).resolve() == Path(b).resolve()


def with_library(analyses: list[Analysis], path: str, checklist: Checklist) -> tuple[list[Analysis], list[LoadError]]:
    """``reviewer analyze --previous PATH``: the batch compared with last year's reports of a library too."""
    from reviewer.lastyear import with_previous_years

    library, errors = library_analyses(path, checklist, skip=frozenset(a.sha256 for a in analyses))
    return with_previous_years(analyses, library), errors
