"""A server project's whole content read out and written in (``project_copy``), in one transaction each.

Writing in is the owner's or a lead's: the rows keep the names and times of those who made them,
and the history is copied as it was (the server's history triggers stand aside while copying).
"""

from __future__ import annotations

from typing import Any

import psycopg

from reviewer.model import ReportVerdict
from reviewer.project_copy import KeptReport, ProjectDump
from reviewer.review_store import HistoryEntry
from reviewer.store_lastyear import PairingFix, PromiseTick

_REPORTS = "sha256, path, path_raw, issuer, year, level, changed_from, name, name_raw, format, size, mtime"


def _iso(value: Any) -> str | None:
    return None if value is None else value.isoformat(timespec="seconds")


def dump_server(db: psycopg.Connection[Any]) -> ProjectDump:
    from reviewer.server_store import DECISION_COLUMNS, VERDICT_COLUMNS, decision_row, report_row

    reports = [KeptReport(report_row(r[:12]), _iso(r[12]) or "", _iso(r[13]))
               for r in db.execute(f"SELECT {_REPORTS}, added, removed FROM reports ORDER BY seq")]
    texts = {sha: bytes(blob) for sha, blob in db.execute("SELECT sha256, data FROM texts")}
    analyses = [(s, v, bytes(d)) for s, v, d in db.execute("SELECT sha256, version, data FROM analyses")]
    checklists = [(v, n, bytes(d), _iso(a) or "") for v, n, d, a in
                  db.execute("SELECT version, name, data, added FROM checklists ORDER BY added")]
    settings = {k: v for k, v in db.execute("SELECT key, value FROM settings")}
    decisions = [decision_row(r) for r in db.execute(
        f"SELECT DISTINCT ON (report, item) {DECISION_COLUMNS} FROM decision_log ORDER BY report, item, at DESC,"
        " id DESC")]
    verdicts = [ReportVerdict(*r) for r in db.execute(
        f"SELECT DISTINCT ON (report) {VERDICT_COLUMNS} FROM verdict_log ORDER BY report, at DESC, id DESC")]
    history = [HistoryEntry(*r) for r in db.execute(
        "SELECT time, reviewer, report, item, field, old, new FROM history ORDER BY id")]
    assignments: dict[str, list[str]] = {}
    for report, name in db.execute("SELECT a.report, m.display FROM assignments a JOIN members m ON m.login = a.login"
                                   " ORDER BY a.time"):
        assignments.setdefault(report, []).append(name)
    pairings = [PairingFix(*r) for r in db.execute("SELECT report, previous, reviewer, time FROM pairings")]
    promises = [PromiseTick(*r) for r in db.execute("SELECT report, item, kept, reviewer, time FROM promises")]
    return ProjectDump(reports, texts, analyses, checklists, settings, decisions, verdicts, history, assignments,
                       pairings, promises)


def restore_server(db: psycopg.Connection[Any], dump: ProjectDump) -> None:
    from reviewer.server_store import path_text as _raw

    db.execute("SET LOCAL fazhi.copying = 'on'")
    with db.cursor() as cur:
        cur.executemany(
            f"INSERT INTO reports({_REPORTS}, added, removed) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,"
            "%s::timestamptz,%s::timestamptz)",
            [(k.record.sha256, *_raw(k.record.path), k.record.issuer, k.record.year, k.record.level,
              k.record.changed_from, *_raw(k.record.name), k.record.format, k.record.size, k.record.mtime,
              k.added or None, k.removed) for k in dump.reports])
        cur.executemany("INSERT INTO texts(sha256, data) VALUES (%s,%s)", list(dump.texts.items()))
        cur.executemany("INSERT INTO analyses(sha256, version, data) VALUES (%s,%s,%s)", dump.analyses)
        cur.executemany("INSERT INTO checklists(version, name, data, added) VALUES (%s,%s,%s,%s::timestamptz)"
                        " ON CONFLICT DO NOTHING", [(v, n, d, a or None) for v, n, d, a in dump.checklists])
        cur.executemany("INSERT INTO settings(key, value) VALUES (%s,%s) ON CONFLICT (key) DO UPDATE"
                        " SET value = excluded.value", list(dump.settings.items()))
        cur.executemany("INSERT INTO decision_log(report, item, decision, comment, reviewer, time, at, stale)"
                        " VALUES (%s,%s,%s,%s,%s,%s,%s::timestamptz,%s)",
                        [(d.report, d.item, d.decision, d.comment, d.reviewer, d.time, d.time, d.stale)
                         for d in dump.decisions])
        cur.executemany("INSERT INTO verdict_log(report, verdict, comment, reviewer, time, at)"
                        " VALUES (%s,%s,%s,%s,%s,%s::timestamptz)",
                        [(v.report, v.verdict, v.comment, v.reviewer, v.time, v.time) for v in dump.verdicts])
        cur.executemany("INSERT INTO history(time, reviewer, report, item, field, old, new) VALUES (%s,%s,%s,%s,%s,"
                        "%s,%s)", [(h.time, h.reviewer, h.report, h.item, h.field, h.old, h.new)
                                   for h in dump.history])
        cur.executemany("INSERT INTO pairings(report, previous, reviewer, time) VALUES (%s,%s,%s,%s)",
                        [(p.report, p.previous, p.reviewer, p.time) for p in dump.pairings])
        cur.executemany("INSERT INTO promises(report, item, kept, reviewer, time) VALUES (%s,%s,%s,%s,%s)",
                        [(p.report, p.item, p.kept, p.reviewer, p.time) for p in dump.promises])
        cur.executemany("INSERT INTO assignments(report, login) SELECT %s, login FROM members WHERE display = %s"
                        " ON CONFLICT DO NOTHING",
                        [(report, name) for report, names in dump.assignments.items() for name in names])
