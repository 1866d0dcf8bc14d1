"""How the review workbook prints: the five seeds exported and converted to PDF by LibreOffice.

    python tests/benchmarks/bench_workbook_pdf.py [--before REV] [--reports 300] [--png DIR]

Exports the seeds, converts the workbook (and a copy of each sheet alone) to PDF with
``soffice --headless``, and prints the pages of every sheet; asserts that 汇总 of the seeds is one
A4 landscape page holding every column, and that every page of every sheet is A4. Also times the
export of ``--reports`` analyses made from the seeds. With ``--before REV`` the same is done with
the program as it was at that git revision (``git archive``), in the same run, for comparison.
``--png DIR`` renders the first page of each sheet with ``pdftoppm`` to look at.

LibreOffice is a test-time tool only (Debian: ``apt-get install libreoffice-calc-nogui``).
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
A4 = (595.3, 841.9)  # points
ROUNDS = 3  # exports of the large batch by each version, taken in turn; the fastest is reported


def _child(tree: Path, out: Path, n: int) -> None:
    """Export the seeds and ``n`` reports with the ``reviewer`` found in ``tree``; print the time as JSON."""
    sys.path.insert(0, str(tree))
    from reviewer.analyze import analyze_document
    from reviewer.checklist import load_checklist
    from reviewer.export import ExportInfo, export
    from reviewer.load import load

    assert Path(load.__code__.co_filename).is_relative_to(tree), "reviewer imported from the wrong tree"
    spec = importlib.util.spec_from_file_location("many_reports", ROOT / "tests" / "core" / "many_reports.py")
    assert spec is not None and spec.loader is not None
    many = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(many)
    checklist = load_checklist()
    seeds = [analyze_document(load(p), checklist) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    info = ExportInfo(project="示例报告 R&D", checklist=checklist.name, checklist_version=checklist.version)
    export(seeds, out / "seeds.xlsx", checklist=checklist, info=info)
    batch = many.many_analyses(seeds, n)
    t0 = time.perf_counter()
    export(batch, out / "many.xlsx", checklist=checklist, info=info)
    print(json.dumps({"export_s": round(time.perf_counter() - t0, 2)}))


def _export_with(tree: Path, out: Path, n: int) -> float:
    """Seconds the version in ``tree`` takes to export ``n`` reports (its seeds' workbook left in ``out``)."""
    out.mkdir(parents=True, exist_ok=True)
    run = subprocess.run([sys.executable, __file__, "--child", str(tree), str(out), str(n)],
                         capture_output=True, text=True, check=False, cwd=tree)
    if run.returncode:
        raise SystemExit(f"export with {tree} failed:\n{run.stderr}")
    return float(json.loads(run.stdout.strip().splitlines()[-1])["export_s"])


def _tree_at(rev: str, into: Path) -> Path:
    """The program's files at git revision ``rev``, unpacked into ``into``."""
    data = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "reviewer", "resources", "seeds"],
                          capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into


def _sheet_copies(xlsx: Path, out: Path) -> dict[str, Path]:
    """One workbook per sheet (the others removed), so each sheet's pages can be counted."""
    import openpyxl

    names = openpyxl.load_workbook(xlsx, read_only=True).sheetnames
    copies = {}
    for i, name in enumerate(names):
        wb = openpyxl.load_workbook(xlsx)
        for other in names:
            if other != name:
                wb.remove(wb[other])
        copies[name] = out / f"{xlsx.stem}-{i}.xlsx"
        wb.save(copies[name])
    return copies


def _to_pdf(files: list[Path], out: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice not found: apt-get install libreoffice-calc-nogui")
    profile = (out / "lo-profile").as_uri()  # its own profile: runs beside an open LibreOffice
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out), *map(str, files)], capture_output=True, check=True, timeout=600)


WHITE = ((1.0, 1.0, 1.0), (1.0,))  # header cells have white text on blue; nothing else does


def _pages(pdf: Path) -> list[tuple[float, float, str]]:
    """(width, height, the characters of header cells) of every page."""
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        return [(float(p.width), float(p.height),
                 "".join(c["text"] for c in p.chars if tuple(c["non_stroking_color"] or ()) in WHITE))
                for p in doc.pages]


def _holds(text: str, header: str) -> bool:
    """Every character of ``header`` is in ``text`` (a wrapped header is not read back in one piece)."""
    return not Counter(header) - Counter(text)


def _is_a4(width: float, height: float) -> bool:
    return abs(min(width, height) - A4[0]) < 2 and abs(max(width, height) - A4[1]) < 2


def measure(xlsx: Path, work: Path) -> dict[str, list[tuple[float, float, str]]]:
    """Pages of the whole workbook (key "") and of each sheet printed alone."""
    copies = _sheet_copies(xlsx, work)
    _to_pdf([xlsx, *copies.values()], work)
    pages = {"": _pages(work / f"{xlsx.stem}.pdf")}
    pages.update({name: _pages(work / f"{copy.stem}.pdf") for name, copy in copies.items()})
    return pages


def _first_and_last_headers(xlsx: Path) -> dict[str, tuple[str, str]]:
    import openpyxl

    wb = openpyxl.load_workbook(xlsx, read_only=True)
    heads = {}
    for ws in wb.worksheets:
        row = 2 if ws.title == "汇总" else 1
        values = [str(v) for v in next(ws.iter_rows(min_row=row, max_row=row, values_only=True)) if v]
        heads[ws.title] = ("".join(values[0].split()), "".join(values[-1].split()))
    return heads


def check(pages: dict[str, list[tuple[float, float, str]]], heads: dict[str, tuple[str, str]]) -> list[str]:
    """What is wrong with how the seeds' workbook prints (empty when it prints as it should).

    Every page A4; 汇总 one landscape page; every page of a sheet shows its first and its last
    column's header: the sheet is one page wide and its header row repeats.
    """
    problems = []
    for name, ps in pages.items():
        sizes = sorted({f"{w:.0f}×{h:.0f} pt" for w, h, _ in ps if not _is_a4(w, h)})
        if sizes:
            problems.append(f"{name or 'workbook'}: pages not A4 ({', '.join(sizes)})")
        first, last = heads.get(name, ("", ""))
        lacking = [i for i, (_, _, text) in enumerate(ps, 1) if not (_holds(text, first) and _holds(text, last))]
        if name and lacking:
            problems.append(f"{name}: pages {lacking} lack the header {first} or {last}")
    summary = pages.get("汇总", [])
    if len(summary) != 1 or summary[0][0] < summary[0][1]:
        problems.append(f"汇总 of the five seeds prints on {len(summary)} pages, not one landscape page")
    return problems


def _png(pages_pdf: Path, out: Path, stem: str) -> None:
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", str(pages_pdf), str(out / stem)],
                       check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", help="git revision to compare with, e.g. main")
    parser.add_argument("--reports", type=int, default=300)
    parser.add_argument("--png", type=Path, help="folder for a PNG of the first page of each sheet")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        trees = {"after": ROOT}
        if args.before:
            trees = {"before": _tree_at(args.before, Path(tmp) / "before-src"), **trees}
        times: dict[str, list[float]] = {label: [] for label in trees}
        for _ in range(ROUNDS):  # in turn, so that both see the same load on the machine
            for label, tree in trees.items():
                times[label].append(_export_with(tree, Path(tmp) / label, args.reports))
        report: dict[str, Any] = {}
        for label in trees:
            work = Path(tmp) / label
            pages = measure(work / "seeds.xlsx", work)
            report[label] = {"pages": {name or "workbook": len(ps) for name, ps in pages.items()},
                             f"export_{args.reports}_reports_s": min(times[label]), "export_runs_s": times[label],
                             "problems": check(pages, _first_and_last_headers(work / "seeds.xlsx"))}
            if args.png:
                args.png.mkdir(parents=True, exist_ok=True)
                for i, name in enumerate(pages):
                    if name:
                        _png(work / f"seeds-{i - 1}.pdf", args.png, f"{label}-{i - 1}")
        print(json.dumps(report, ensure_ascii=False, indent=1))
        assert not report["after"]["problems"], report["after"]["problems"]


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        _child(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))
    else:
        main()
