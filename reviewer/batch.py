"""Open a batch of report files: load, reuse cached analyses, analyse only what changed.

Reopening a project of a thousand reports must not re-analyse them: analyses are cached in the
project store under the report's content hash and ``analysis_version`` (the analyser's code and
data plus the checklist), so any change to either makes the cache miss instead of lying.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from reviewer import __version__
from reviewer.checklist import Checklist
from reviewer.model import Analysis, Document, LoadError

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class AnalysisCache(Protocol):
    def cached_analysis(self, sha256: str, version: str) -> dict[str, Any] | None: ...

    def save_analysis(self, sha256: str, version: str, analysis: dict[str, Any]) -> None: ...


@dataclass
class BatchResult:
    analyses: list[Analysis] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)
    cancelled: bool = False
    from_cache: int = 0


@cache
def code_fingerprint() -> str:
    """Hash of the analyser's source and data files (the package version in a frozen build)."""
    from reviewer.resources import resources_dir

    here = Path(__file__).resolve().parent
    files = sorted(here.rglob("*.py"))
    try:
        files += sorted(p for p in resources_dir().rglob("*") if p.suffix in {".toml", ".txt", ".json"})
    except FileNotFoundError:
        pass
    if not files:
        return __version__
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.name.encode())
        digest.update(f.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def analysis_version(checklist: Checklist) -> str:
    return f"{code_fingerprint()}/{checklist.version}"


def _from_cache(docs: Sequence[Document], store: AnalysisCache | None, version: str
                ) -> tuple[dict[str, Analysis], list[Document]]:
    from reviewer.serialize import from_json

    hits: dict[str, Analysis] = {}
    misses: list[Document] = []
    with long_lived_objects():
        for d in docs:
            data = store.cached_analysis(d.sha256, version) if store is not None else None
            if data is not None:
                # OCR confidences come with the loaded document, as its text does.
                hits[d.sha256] = replace(from_json({**data, "file": d.path}, d.text), uncertain=d.uncertain)
            else:
                misses.append(d)
    return hits, misses


@contextmanager
def long_lived_objects() -> Iterator[None]:
    """Build many small objects that will live as long as the project is open (a reopened project).

    The cyclic garbage collector is off while they are built: every few hundred allocations it
    would walk all the analyses built so far again, a third of the time of reopening 1000
    reports. Afterwards everything is moved to its permanent generation (``gc.freeze``), so it
    never walks them later either (a full pass over a thousand analyses stalls the window for
    0.1-0.2 s). Decoded analyses hold no reference cycles, so reference counting alone frees
    them when they are dropped. The collector's previous on/off state is restored.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def open_reports(
    paths: Sequence[str | Path],
    checklist: Checklist,
    store: AnalysisCache | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    workers: int | None = None,
) -> BatchResult:
    """Load every report under ``paths`` and analyse it (cached where possible), in path order."""
    from reviewer.load import load_many

    def tick(done: int, total: int) -> None:
        if progress is not None:
            progress(done, total)

    docs, errors = load_many(paths, progress=lambda d, t: tick(d, 2 * t), cancelled=cancelled)
    version = analysis_version(checklist)
    hits, misses = _from_cache(docs, store, version)
    base = len(docs) + len(errors) + len(hits)
    if misses:  # the analyser's imports (cn2an alone takes 0.2 s) only when something is not cached
        from reviewer.analyze import analyze_many
        from reviewer.serialize import to_json

        fresh = analyze_many(misses, checklist, workers=workers, cancelled=cancelled,
                             progress=lambda d, t: tick(base + d, 2 * (len(docs) + len(errors))))
        for a in fresh:
            if store is not None:
                store.save_analysis(a.sha256, version, to_json(a))
            hits[a.sha256] = a
    result = BatchResult(errors=list(errors), from_cache=len(docs) - len(misses))
    result.analyses = [hits[d.sha256] for d in docs if d.sha256 in hits]
    result.cancelled = bool(cancelled and cancelled()) or len(result.analyses) < len(docs)
    return result
