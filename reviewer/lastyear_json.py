"""``previous_year`` in ``reviewer analyze --json``: a report beside last year's (schema: analysis.schema.json)."""

from __future__ import annotations

from typing import Any

from reviewer.lastyear_model import CopiedPassage, CopiedShare, FigurePair, FigureSide, PlanItem, PreviousYear


def _number(v: float) -> int | float:
    return int(v) if float(v).is_integer() else v


def _share(s: CopiedShare) -> dict[str, Any]:
    share = s.share
    return {"copied_share": round(share, 4) if share is not None else None, "copied_chars": s.copied,
            "total_chars": s.total}


def _side(s: FigureSide) -> dict[str, Any]:
    return {"value": _number(s.value), "text": s.text, "start": s.start, "end": s.end, "context": s.context}


def _figure(f: FigurePair) -> dict[str, Any]:
    pct = f.change_percent
    return {"topic": f.topic, "measure": f.measure, "previous": _side(f.previous), "current": _side(f.current),
            "change": _number(round(f.change, 4)), "change_percent": round(pct, 2) if pct is not None else None,
            "jump": f.jump}


def _item(p: PlanItem) -> dict[str, Any]:
    return {"key": p.key, "title": p.title, "text": p.text, "previous_start": p.previous_start,
            "previous_end": p.previous_end, "status": p.status, "start": p.start, "end": p.end,
            "terms": list(p.terms), "matched": list(p.matched)}


def previous_year_to_json(py: PreviousYear) -> dict[str, Any]:
    return {
        "file": py.file,
        "sha256": py.sha256,
        "issuer": py.issuer,
        "report_year": py.year,
        "paired_by": py.paired_by,
        **_share(py.copied),
        "parts": {k: _share(v) for k, v in py.parts.items()},
        "copied": [{"start": c.start, "end": c.end, "previous_start": c.previous_start,
                    "previous_end": c.previous_end, "level": c.level, "chars": c.chars} for c in py.passages],
        "figures": [_figure(f) for f in py.figures],
        "plan_items": [_item(p) for p in py.plan],
    }


def _side_from(d: dict[str, Any]) -> FigureSide:
    return FigureSide(d["value"], d["text"], d["start"], d["end"], d["context"])


def previous_year_from_json(d: dict[str, Any]) -> PreviousYear:
    return PreviousYear(
        file=d["file"], sha256=d["sha256"], issuer=d["issuer"], year=d["report_year"], paired_by=d["paired_by"],
        copied=CopiedShare(d["copied_chars"], d["total_chars"]),
        parts={k: CopiedShare(v["copied_chars"], v["total_chars"]) for k, v in d["parts"].items()},
        passages=tuple(CopiedPassage(c["start"], c["end"], c["previous_start"], c["previous_end"], c["level"],
                                     c["chars"]) for c in d["copied"]),
        figures=tuple(FigurePair(f["topic"], f["measure"], _side_from(f["previous"]), _side_from(f["current"]),
                                 f["jump"]) for f in d["figures"]),
        plan=tuple(PlanItem(p["key"], p["title"], p["text"], p["previous_start"], p["previous_end"], p["status"],
                            p["start"], p["end"], tuple(p["terms"]), tuple(p["matched"])) for p in d["plan_items"]),
    )
