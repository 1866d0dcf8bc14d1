"""A project file's whole content read out and written in (``project_copy``), in one transaction each."""

from __future__ import annotations

import sqlite3
from typing import Any

from reviewer.model import ItemDecision, ReportVerdict
from reviewer.project_copy import KeptReport, ProjectDump
from reviewer.review_store import HistoryEntry, ReportRecord
from reviewer.store_lastyear import PairingFix, PromiseTick

_REPORTS = "sha256, path, issuer, year, level, changed_from, name, format, size, mtime, added, removed"


def dump_file(db: sqlite3.Connection) -> ProjectDump:
    from reviewer.store import path_from

    db.execute("BEGIN")  # one consistent snapshot while another program may be writing
    try:
        reports = [KeptReport(ReportRecord(r[0], path_from(r[1]), r[2], r[3], r[4], r[5], path_from(r[6]), r[7],
                                           r[8], r[9]), r[10], r[11])
                   for r in db.execute(f"SELECT {_REPORTS} FROM reports ORDER BY added, rowid")]
        texts = {sha: bytes(blob) for sha, blob in db.execute("SELECT sha256, data FROM texts")}
        analyses = [(s, v, bytes(d)) for s, v, d in db.execute("SELECT sha256, version, data FROM analyses")]
        checklists = [(v, n, bytes(d), a) for v, n, d, a in
                      db.execute("SELECT version, name, data, added FROM checklists ORDER BY added")]
        settings = dict(db.execute("SELECT key, value FROM settings").fetchall())
        decisions = [ItemDecision(r[0], r[1], r[2], r[3], r[4], r[5], stale=bool(r[6])) for r in db.execute(
            "SELECT report, item, decision, comment, reviewer, time, stale FROM decisions")]
        verdicts = [ReportVerdict(*r) for r in db.execute(
            "SELECT report, verdict, comment, reviewer, time FROM verdicts")]
        history = [HistoryEntry(*r) for r in db.execute(
            "SELECT time, reviewer, report, item, field, old, new FROM history ORDER BY id")]
        pairings = [PairingFix(*r) for r in db.execute("SELECT report, previous, reviewer, time FROM pairings")]
        promises = [PromiseTick(r[0], r[1], bool(r[2]), r[3], r[4]) for r in db.execute(
            "SELECT report, item, kept, reviewer, time FROM promises")]
    finally:
        db.execute("COMMIT")
    return ProjectDump(reports, texts, analyses, checklists, settings, decisions, verdicts, history,
                       pairings=pairings, promises=promises)


def restore_file(db: sqlite3.Connection, dump: ProjectDump) -> None:
    from reviewer.store import path_value

    rows: list[tuple[Any, ...]] = [
        (k.record.sha256, path_value(k.record.path), k.record.issuer, k.record.year, k.record.level,
         k.record.changed_from, path_value(k.record.name), k.record.format, k.record.size, k.record.mtime, k.added,
         k.removed) for k in dump.reports]
    db.execute("BEGIN IMMEDIATE")
    try:
        db.executemany(f"INSERT INTO reports({_REPORTS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        db.executemany("INSERT INTO texts(sha256, data) VALUES (?,?)", dump.texts.items())
        db.executemany("INSERT INTO analyses(sha256, version, data) VALUES (?,?,?)", dump.analyses)
        db.executemany("INSERT OR IGNORE INTO checklists(version, name, data, added) VALUES (?,?,?,?)",
                       dump.checklists)
        db.executemany("INSERT OR REPLACE INTO settings(key, value) VALUES (?,?)", dump.settings.items())
        db.executemany("INSERT INTO decisions(report, item, decision, comment, reviewer, time, stale)"
                       " VALUES (?,?,?,?,?,?,?)",
                       [(d.report, d.item, d.decision, d.comment, d.reviewer, d.time, int(d.stale))
                        for d in dump.decisions])
        db.executemany("INSERT INTO verdicts(report, verdict, comment, reviewer, time) VALUES (?,?,?,?,?)",
                       [(v.report, v.verdict, v.comment, v.reviewer, v.time) for v in dump.verdicts])
        db.executemany("INSERT INTO history(time, reviewer, report, item, field, old, new) VALUES (?,?,?,?,?,?,?)",
                       [(h.time, h.reviewer, h.report, h.item, h.field, h.old, h.new) for h in dump.history])
        db.executemany("INSERT INTO pairings(report, previous, reviewer, time) VALUES (?,?,?,?)",
                       [(p.report, p.previous, p.reviewer, p.time) for p in dump.pairings])
        db.executemany("INSERT INTO promises(report, item, kept, reviewer, time) VALUES (?,?,?,?,?)",
                       [(p.report, p.item, int(p.kept), p.reviewer, p.time) for p in dump.promises])
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
