"""Score the analyser against the hand-labelled corpus of real report openings.

Usage: .venv/bin/python tests/benchmarks/score_corpus.py [--corpus ../shared/corpus] [--verbose] [--heldout]

Runs ``reviewer analyze --json`` over ``openings/`` and compares with ``openings.json``:
heading recall/precision (level 1 and 2, whole lines), metric recall/precision (exact text and
value), title / unit / level / year / published-date accuracy, clutter-line recall.

``--heldout`` scores the project's own held-out excerpts instead (tests/core/test_unseen_heldout.py
and test_outline_heldout.py): per-field accuracy, per-part accuracy and metric recall/precision.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def _walk(sections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for s in sections:
        out.append(s)
        out.extend(_walk(s["children"]))
    return out


def _ratio(hit: int, total: int) -> float | None:
    return round(hit / total, 3) if total else None


def _multiset_hits(gold: list[Any], pred: list[Any]) -> int:
    g, p = Counter(gold), Counter(pred)
    return sum(min(n, p[k]) for k, n in g.items())


def _norm_unit(u: str | None) -> str | None:
    return u.replace(" ", "") if u else u


def score(corpus: Path, verbose: bool) -> dict[str, Any]:
    gold = json.loads((corpus / "openings.json").read_text(encoding="utf-8"))
    files = [str(corpus / "openings" / g["file"]) for g in gold]
    proc = subprocess.run(
        [sys.executable, "-m", "reviewer", "analyze", "--json", *files],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    if proc.stderr.strip():
        print(proc.stderr, file=sys.stderr)
    results = {Path(r["file"]).name: r for r in json.loads(proc.stdout)}
    c: Counter[str] = Counter()
    for g in gold:
        r = results.get(g["file"])
        if r is None:
            c["missing_result"] += 1
            continue
        text = (corpus / "openings" / g["file"]).read_text(encoding="utf-8")
        secs = _walk(r["sections"])
        for lvl, key in ((1, "top_headings"), (2, "level2_headings")):
            want = [h.strip() for h in g[key]]
            got = [s["heading"].strip() for s in secs if s["level"] == lvl]
            hits = _multiset_hits(want, got)
            c[f"h{lvl}_gold"] += len(want)
            c[f"h{lvl}_pred"] += len(got)
            c[f"h{lvl}_hit"] += hits
            if verbose and (hits < len(want) or hits < len(got)):
                print(f"[{g['file']}] L{lvl} want {sorted(set(want) - set(got))} extra {sorted(set(got) - set(want))}")
        gm = [(m["text"], float(m["value"]), _norm_unit(m["unit"])) for m in g["metrics"]]
        pm = [(m["text"], float(m["value"]), _norm_unit(m["measure"])) for m in r["metrics"]]
        c["m_gold"] += len(gm)
        c["m_pred"] += len(pm)
        c["m_hit"] += _multiset_hits(gm, pm)
        c["m_text_hit"] += _multiset_hits([m[0] for m in gm], [m[0] for m in pm])
        if verbose:
            miss = Counter(gm) - Counter(pm)
            extra = Counter(pm) - Counter(gm)
            if miss or extra:
                print(f"[{g['file']}] metrics missed {list(miss)} extra {list(extra)}")
        for field, ours in (("unit", "issuer"), ("level", "level"), ("report_year", "report_year"),
                            ("published_date", "published_date"), ("title", "title")):
            ok = r.get(ours) == g[field]
            c[f"{field}_ok"] += ok
            if verbose and not ok:
                print(f"[{g['file']}] {field}: want {g[field]!r} got {r.get(ours)!r}")
        clutter_lines = {
            text[ln["start"]:ln["end"]] for ln in r.get("lines", []) if ln["kind"] in ("clutter", "metadata")
        }
        c["clutter_gold"] += len(g["clutter_lines"])
        c["clutter_hit"] += sum(1 for cl in g["clutter_lines"] if cl in clutter_lines)
    n = len(gold)
    return {
        "reports": n,
        "heading_l1_recall": _ratio(c["h1_hit"], c["h1_gold"]),
        "heading_l1_precision": _ratio(c["h1_hit"], c["h1_pred"]),
        "heading_l2_recall": _ratio(c["h2_hit"], c["h2_gold"]),
        "heading_l2_precision": _ratio(c["h2_hit"], c["h2_pred"]),
        "metric_recall": _ratio(c["m_hit"], c["m_gold"]),
        "metric_precision": _ratio(c["m_hit"], c["m_pred"]),
        "metric_text_recall": _ratio(c["m_text_hit"], c["m_gold"]),
        "title_accuracy": _ratio(c["title_ok"], n),
        "unit_accuracy": _ratio(c["unit_ok"], n),
        "level_accuracy": _ratio(c["level_ok"], n),
        "year_accuracy": _ratio(c["report_year_ok"], n),
        "published_date_accuracy": _ratio(c["published_date_ok"], n),
        "clutter_recall": _ratio(c["clutter_hit"], c["clutter_gold"]),
    }


def score_heldout(verbose: bool) -> dict[str, Any]:
    """Field-by-field accuracy on the held-out excerpts (each case states only some fields)."""
    sys.path.insert(0, str(ROOT))
    from reviewer.model import PART_IDS
    from tests.core import test_outline_heldout as old
    from tests.core import test_unseen_heldout as new

    c: Counter[str] = Counter()
    for case in [*new.CASES, *old.CASES]:
        want, got = new.expected(case), new.case_results(case)
        for field, value in want.items():
            if field == "parts":
                for i, part in enumerate(PART_IDS):
                    c[f"part_{part}_n"] += 1
                    c[f"part_{part}_ok"] += got[field][i] == value[i]  # type: ignore[index]
                c["parts_all_n"] += 1
            c[f"{field}_n"] += 1
            c[f"{field}_ok"] += got[field] == value
            if verbose and got[field] != value:
                print(f"[{case.name}] {field}: want {value!r} got {got[field]!r}")
    gm = [(t, float(v), u) for text, w in new.METRICS for t, v, u in w]
    pm = [m for text, _ in new.METRICS for m in new.metric_results(text)]
    out: dict[str, Any] = {"cases": len(new.CASES) + len(old.CASES)}
    for field in ("title", "unit", "level", "year", "signed", "published", "outline", "parts"):
        out[f"{field}_accuracy"] = _ratio(c[f"{field}_ok"], c[f"{field}_n"])
    for part in PART_IDS:
        out[f"part_{part}_accuracy"] = _ratio(c[f"part_{part}_ok"], c[f"part_{part}_n"])
    out["metric_recall"] = _ratio(_multiset_hits(gm, pm), len(gm))
    out["metric_precision"] = _ratio(_multiset_hits(gm, pm), len(pm))
    return out


def score_seeds() -> dict[str, Any]:
    """Metric precision/recall against the hand-made gold list of every figure in the five seeds."""
    from reviewer.metrics import extract_metrics
    from reviewer.model import Outline

    gold = json.loads((ROOT / "tests" / "fixtures" / "seed_metrics_gold.json").read_text(encoding="utf-8"))
    want: set[tuple[str, int, str, float, str]] = set()
    got: set[tuple[str, int, str, float, str]] = set()
    for name, items in gold["seeds"].items():
        want |= {(name, i["start"], i["text"], round(float(i["value"]), 6), i["unit"]) for i in items}
        text = (ROOT / "seeds" / name).read_text(encoding="utf-8")
        found = extract_metrics(text, Outline(sections=(), lines=()))
        got |= {(name, m.start, m.text, round(m.value, 6), m.measure) for m in found}
    return {"seed_metrics": len(want), "recall": _ratio(len(want & got), len(want)),
            "precision": _ratio(len(want & got), len(got))}


def main() -> None:
    ap = argparse.ArgumentParser()
    default = next((p / "shared" / "corpus" for p in ROOT.parents if (p / "shared" / "corpus").is_dir()), None)
    ap.add_argument("--corpus", default=str(default))
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--heldout", action="store_true", help="score the held-out excerpts in tests/core instead")
    ap.add_argument("--seeds", action="store_true", help="score metrics against the seed gold file instead")
    args = ap.parse_args()
    if args.seeds:
        sys.path.insert(0, str(ROOT))
        result = score_seeds()
    else:
        result = score_heldout(args.verbose) if args.heldout else score(Path(args.corpus), args.verbose)
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
