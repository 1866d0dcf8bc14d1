"""Analysis <-> JSON-ready dicts in the ``reviewer.analysis/2`` schema (DESIGN.md).

The same dicts are the CLI's output, the store's cache and what crosses process boundaries.
Fields beyond DESIGN.md (``format``, ``lines``, ``checklist_used``) are additions the schema file
declares (``plan``: the items of the report's next-year plan, for comparing next year's report).
Every message (a finding's, a part's or a checklist note) is given twice: rendered in
Chinese (``message`` / ``note``) for readers of the JSON, and as its catalogue id and parameters
(``message_id`` … / ``note_id`` …) from which the program renders it in any language.
"""

from __future__ import annotations

from typing import Any

from reviewer.lastyear_model import PlanEntry
from reviewer.messages import Message, message_from_json
from reviewer.model import (
    SCHEMA,
    Analysis,
    CheckResult,
    Document,
    Evidence,
    Finding,
    Line,
    LineHint,
    LoadError,
    Metric,
    PartResult,
    ReportMeta,
    Section,
)


def section_to_dict(s: Section) -> dict[str, Any]:
    return {
        "id": s.id,
        "level": s.level,
        "number": s.number,
        "heading": s.heading,
        "title": s.title,
        "start": s.start,
        "end": s.end,
        "children": [section_to_dict(c) for c in s.children],
    }


def section_from_dict(d: dict[str, Any]) -> Section:
    return Section(
        id=d["id"],
        level=d["level"],
        number=d["number"],
        heading=d["heading"],
        title=d["title"],
        start=d["start"],
        end=d["end"],
        children=tuple(section_from_dict(c) for c in d["children"]),
    )


class SchemaMismatchError(ValueError):
    """A dict of another schema version (an older cache): analyse again rather than misread it."""


def _message_json(m: Message, prefix: str) -> dict[str, Any]:
    data = m.to_json()
    return {prefix: m.render("zh"), f"{prefix}_id": data["id"], f"{prefix}_params": data["params"]}


def _message(d: dict[str, Any], prefix: str) -> Message:
    return message_from_json({"id": d[f"{prefix}_id"], "params": d[f"{prefix}_params"]})


def _finding(d: dict[str, Any]) -> Finding:
    return Finding(d["kind"], d["severity"], _message(d, "message"), d["start"], d["end"])


def _part(d: dict[str, Any]) -> PartResult:
    return PartResult(d["status"], d["how"], d["section"], d["start"], d["end"], _message(d, "note"))


def _value(v: float) -> int | float:
    return int(v) if float(v).is_integer() else v


def to_json(a: Analysis) -> dict[str, Any]:
    out = _own_json(a)
    if a.previous_year is not None:  # only for a report with last year's beside it (never cached)
        from reviewer.lastyear_json import previous_year_to_json

        out["previous_year"] = previous_year_to_json(a.previous_year)
    return out


def _own_json(a: Analysis) -> dict[str, Any]:
    m = a.meta
    return {
        "schema": SCHEMA,
        "file": a.file,
        "sha256": a.sha256,
        "encoding": a.encoding,
        "format": a.format,
        "title": m.title,
        "issuer": m.issuer,
        "level": m.level,
        "report_year": m.report_year,
        "signed_date": m.signed_date,
        "published_date": m.published_date,
        "sections": [section_to_dict(s) for s in a.sections],
        "parts": {
            k: {"status": p.status, "how": p.how, "section": p.section, "start": p.start, "end": p.end,
                **_message_json(p.note, "note")}
            for k, p in a.parts.items()
        },
        "metrics": [_metric_json(x) for x in a.metrics],
        "checklist": [_check_json(c) for c in a.checklist],
        "findings": [
            {"kind": f.kind, "severity": f.severity, **_message_json(f.message, "message"), "start": f.start,
             "end": f.end}
            for f in a.findings
        ],
        "checklist_used": {"name": a.checklist_name, "version": a.checklist_version},
        "plan": [{"key": p.key, "title": p.title, "start": p.start, "end": p.end, "terms": list(p.terms)}
                 for p in a.plan],
        "lines": [{"kind": ln.kind, "start": ln.start, "end": ln.end} for ln in a.lines],
        "_meta": {
            "title_span": list(m.title_span) if m.title_span else None,
            "signature_span": list(m.signature_span) if m.signature_span else None,
        },
    }


def _metric_json(x: Metric) -> dict[str, Any]:
    return {"text": x.text, "value": _value(x.value), "measure": x.measure, "qualifier": x.qualifier,
            "topic": x.topic, "section": x.section, "start": x.start, "end": x.end, "context": x.context}


def _check_json(c: CheckResult) -> dict[str, Any]:
    return {
        "id": c.id, "group": c.group, "name": c.name, "name_en": c.name_en,
        **({"part": c.part} if c.part else {}),
        "status": c.status,
        "evidence": [{"section": e.section, "start": e.start, "end": e.end} for e in c.evidence],
        **_message_json(c.note, "note"),
    }


def from_json(d: dict[str, Any], text: str = "") -> Analysis:
    """The analysis a ``to_json`` dict describes; ``SchemaMismatchError`` for another schema version."""
    if d.get("schema") != SCHEMA:
        raise SchemaMismatchError(f"schema {d.get('schema')!r}, expected {SCHEMA!r}")
    previous = None
    if d.get("previous_year") is not None:
        from reviewer.lastyear_json import previous_year_from_json

        previous = previous_year_from_json(d["previous_year"])
    return Analysis(
        file=d["file"],
        sha256=d["sha256"],
        encoding=d["encoding"],
        format=d.get("format", "txt"),
        meta=_meta(d),
        sections=tuple(section_from_dict(s) for s in d["sections"]),
        lines=tuple(Line(x["kind"], x["start"], x["end"]) for x in d.get("lines", [])),
        parts={k: _part(v) for k, v in d["parts"].items()},
        metrics=tuple(Metric(**x) for x in d["metrics"]),
        checklist=tuple(_check(c) for c in d["checklist"]),
        findings=tuple(_finding(f) for f in d["findings"]),
        text=text,
        checklist_name=d["checklist_used"]["name"],
        checklist_version=d["checklist_used"]["version"],
        plan=tuple(PlanEntry(p["key"], p["title"], p["start"], p["end"], tuple(p["terms"]))
                   for p in d.get("plan", [])),
        previous_year=previous,
    )


def _meta(d: dict[str, Any]) -> ReportMeta:
    extra = d.get("_meta", {})
    ts, ss = extra.get("title_span"), extra.get("signature_span")
    return ReportMeta(
        title=d["title"],
        issuer=d["issuer"],
        level=d["level"],
        report_year=d["report_year"],
        signed_date=d["signed_date"],
        published_date=d["published_date"],
        title_span=(ts[0], ts[1]) if ts else None,
        signature_span=(ss[0], ss[1]) if ss else None,
    )


def _check(c: dict[str, Any]) -> CheckResult:
    return CheckResult(
        id=c["id"],
        group=c["group"],
        name=c["name"],
        status=c["status"],
        evidence=tuple(Evidence(**e) for e in c["evidence"]),
        note=_message(c, "note"),
        name_en=c.get("name_en", ""),
        part=c.get("part", ""),
    )


def document_to_json(doc: Document) -> dict[str, Any]:
    """A loaded report as the project keeps it: its text and everything the loader read beside it."""
    return {
        "path": doc.path,
        "text": doc.text,
        "sha256": doc.sha256,
        "format": doc.format,
        "encoding": doc.encoding,
        "size": doc.size,
        "hints": [[h.line, h.level, h.label] for h in doc.hints],
        "uncertain": [list(u) for u in doc.uncertain],  # OCR read once: its doubts are kept with its text
    }


def document_from_json(d: dict[str, Any], path: str | None = None) -> Document:
    return Document(
        path=path if path is not None else d["path"],
        text=d["text"],
        sha256=d["sha256"],
        format=d["format"],
        encoding=d["encoding"],
        size=d["size"],
        hints=tuple(LineHint(line, level, label) for line, level, label in d.get("hints", [])),
        uncertain=tuple((int(s), int(e), float(c)) for s, e, c in d.get("uncertain", [])),
    )


def error_json(e: LoadError) -> dict[str, Any]:
    """A file that gave no analysis, as ``reviewer analyze --json`` reports it."""
    return {"schema": SCHEMA, "file": e.path, "error": {"kind": e.kind, "message": e.message}}
