"""The pipeline: Document → Analysis (outline → meta → parts → metrics → findings → checklist)."""

from __future__ import annotations

from reviewer import checklist as checklist_mod
from reviewer.findings import find_findings
from reviewer.meta import extract_meta
from reviewer.metrics import extract_metrics
from reviewer.model import Analysis, Document
from reviewer.outline import build_outline
from reviewer.parts import find_parts


def analyze_document(doc: Document, checklist: checklist_mod.Checklist | None = None) -> Analysis:
    cl = checklist if checklist is not None else checklist_mod.load_checklist()
    text = doc.text
    outline = build_outline(text, doc)
    meta = extract_meta(text, outline)
    parts = find_parts(text, outline, meta)
    metrics = extract_metrics(text, outline)
    findings = outline.findings + meta.findings + find_findings(text, outline, meta, parts, metrics)
    results = checklist_mod.evaluate(cl, text, outline, meta, parts, metrics, findings)
    return Analysis(
        file=doc.path,
        sha256=doc.sha256,
        encoding=doc.encoding,
        format=doc.format,
        meta=meta,
        sections=outline.sections,
        lines=outline.lines,
        parts=parts,
        metrics=metrics,
        checklist=results,
        findings=tuple(sorted(findings, key=lambda f: (f.start, f.end, f.kind))),
        text=text,
    )
