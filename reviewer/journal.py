"""The reviewer's changes on their way to the project, kept in a local journal until written.

Every tick, decision, comment and verdict becomes a ``Change``. It is appended (and synced) to a
journal file on this computer before it is sent to the project, and the journal is emptied once
the project has taken every change. A project that cannot be written — locked by another program,
a full disk, a dropped network share, a read-only file — therefore loses nothing: the changes wait
in the journal, are retried, and are replayed the next time the project is opened.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import secrets
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from reviewer.review_store import ReviewStore
from reviewer.store_lastyear import AUTO

log = logging.getLogger(__name__)
ChangeKind = Literal["decision", "verdict", "remove", "pairing", "promise"]


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class Change:
    """One thing the reviewer did, with the time it was done."""

    kind: ChangeKind
    report: str
    item: str | None  # the checklist item of a decision, the plan item of a promise
    # the decision or verdict ("" for a removal); a pairing's previous report ("" none, "auto" automatic);
    # a promise's "1" kept, "0" not kept, "" taken back
    value: str
    comment: str
    reviewer: str
    time: str


def apply_change(store: ReviewStore, change: Change) -> None:
    """Write one change to the project (raises the store's error when it cannot)."""
    if change.kind == "decision" and change.item is not None:
        store.set_decision(change.report, change.item, change.value, change.comment,  # type: ignore[arg-type]
                           change.reviewer, at=change.time)
    elif change.kind == "verdict":
        store.set_verdict(change.report, change.value, change.comment, change.reviewer,  # type: ignore[arg-type]
                          at=change.time)
    elif change.kind == "remove":
        store.remove_reports([change.report], change.reviewer)
    elif change.kind == "pairing":
        store.set_pairing(change.report, None if change.value == AUTO else change.value, change.reviewer,
                          at=change.time)
    elif change.kind == "promise" and change.item is not None:
        kept = {"1": True, "0": False}.get(change.value)
        store.set_promise(change.report, change.item, kept, change.reviewer, at=change.time)


DATA_ENV = "FAZHI_REVIEWER_DATA"  # overrides the per-user data folder (tests, portable installs)


def data_dir() -> Path:
    """This user's data folder for the program, where the window keeps its journals (``$FAZHI_REVIEWER_DATA``
    wins)."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("fazhi-reviewer", appauthor=False))


def waiting_for(project: str) -> int:
    """How many of the windows' changes to ``project`` wait in this user's journals, not yet written
    (the project was locked, full or read-only when a window saved them). A command reading the
    project does not see them; it says so."""
    from reviewer.location import is_server, redact

    key = redact(project) if is_server(project) else project
    return sum(len(Journal(p).pending()) for p in journal_files(data_dir(), key))


def journal_path(folder: Path, project: str) -> Path:
    """The journal of one project, in this computer's data folder (a network share may be gone). A
    project file is known by its absolute path; a server's project by its address as given (its
    ``redact``ed URL): made absolute, it depended on the folder the program was started in."""
    from reviewer.location import is_server

    return _journal_file(folder, project, project if is_server(project) else os.path.abspath(project))


def own_journal_path(folder: Path, project: str) -> Path:
    """A journal of one window's own on ``project``. Two windows on one project shared one journal,
    and the window that wrote all its changes emptied it under the other, whose waiting changes were
    then lost when it closed (found by a code review)."""
    base = journal_path(folder, project)
    return base.with_name(f"{base.name.removesuffix('.jsonl')}.{os.getpid()}-{secrets.token_hex(4)}.jsonl")


def journal_files(folder: Path, project: str) -> list[Path]:
    """Every journal kept for ``project``: the windows' own and one kept by an earlier version."""
    base, names = _kept(folder, project)
    return sorted(base.parent / n for n in names if n.endswith(".jsonl"))


def orphan_locks(folder: Path, project: str) -> list[Path]:
    """Journals of ``project`` with a lock left and no changes (the lock's name less ``.lock``): a window
    that ended with nothing waiting, without unlocking (it crashed)."""
    base, names = _kept(folder, project)
    return sorted(base.parent / n.removesuffix(".lock") for n in names
                  if n.endswith(".jsonl.lock") and n.removesuffix(".lock") not in names)


def _kept(folder: Path, project: str) -> tuple[Path, set[str]]:
    """The project's first journal's path, and the names of its journals and their locks in its folder."""
    base = journal_path(folder, project)
    stem = base.name.removesuffix(".jsonl")
    try:
        names = {p.name for p in base.parent.iterdir()}
    except OSError:
        return base, set()
    return base, {n for n in names if n.startswith(stem + ".")}


def _journal_file(folder: Path, project: str, key: str) -> Path:
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return folder / "journals" / f"{Path(project).stem}-{digest}.jsonl"


def adopt_earlier_journal(folder: Path, project: str) -> None:
    """A server project's outbox as an earlier version kept it (keyed by the folder the program was
    started in): moved to where it is kept now, so that nothing waiting in it is left behind."""
    from reviewer.location import is_server

    if not is_server(project):
        return
    earlier = _journal_file(folder, project, os.path.abspath(project))
    now = journal_path(folder, project)
    if earlier.exists() and not now.exists():
        try:
            os.replace(earlier, now)
        except OSError:
            pass  # left where it is: the window reads the one it finds


class Journal:
    """An append-only file of changes not yet in the project. Each append is synced to disk."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def append(self, change: Change) -> None:
        """Raises ``OSError`` when the change cannot be kept on this computer either."""
        self.append_all([change])

    def append_all(self, changes: Sequence[Change]) -> None:
        """The changes, synced once (a journal taken over from another window)."""
        if not changes:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        line = "".join(json.dumps(asdict(c), ensure_ascii=False) + "\n" for c in changes).encode(
            "utf-8", "surrogatepass")
        with open(self.path, "a+b") as fh:
            # After a line cut short by a crash, the next change starts a line of its own: written on
            # after it, both made one line that could not be read, and the change was lost.
            if fh.tell() > 0 and (fh.seek(-1, os.SEEK_END), fh.read(1))[1] != b"\n":
                line = b"\n" + line
            fh.write(line)
            fh.flush()
            os.fsync(fh.fileno())

    def pending(self) -> list[Change]:
        """The changes kept; a line cut short by a crash (even inside a character) is left out."""
        try:
            lines = self.path.read_bytes().splitlines()
        except FileNotFoundError:
            return []
        out: list[Change] = []
        for line in lines:
            try:  # line by line: one cut inside a character made the whole journal unreadable
                out.append(Change(**json.loads(line.decode("utf-8", "surrogatepass"))))
            except (ValueError, TypeError):
                log.warning("%s: a line cut short is left out", self.path)
        return out

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)


def replay(journal: Journal, store: ReviewStore) -> int:
    """Write the journal's changes to the project in order; the journal is emptied only when all
    were written. Returns how many were written (raises the store's error on the first failure)."""
    changes = journal.pending()
    for change in changes:
        apply_change(store, change)
    journal.clear()
    return len(changes)
