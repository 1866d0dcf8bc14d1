"""Per-format agreement with the plain seeds, OCR speed and memory, and zip bombs' cost.

Usage:
    .venv/bin/python tests/benchmarks/bench_formats.py                 # everything (some minutes)
    .venv/bin/python tests/benchmarks/bench_formats.py --skip-ocr --skip-bombs   # agreement only
    .venv/bin/python tests/benchmarks/bench_formats.py --bombs-only [--code DIR] [--limit-s 120]

Formats are made from the five seeds by the test builders (hand-built .doc/.rtf/.ofd bytes, odfpy,
python-docx, reportlab) and, where LibreOffice is installed, by ``soffice --convert-to`` (a real
office suite writing .doc/.docx/.odt/.rtf). Scans are the seeds drawn on 150 dpi A4 pages
(Noto Serif SC, a little blur and skew) saved as an image-only PDF and read by OCR. Each
OCR run and each bomb runs in a child process, which reports its own time and peak memory
(ru_maxrss). ``--code DIR`` loads the bombs with another checkout's ``reviewer`` (e.g. the
code before this change: ``git archive 5304c2d | tar -x -C /tmp/before``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("REVIEWER_SOFFICE", "0")  # measure our readers, not LibreOffice's fallback


def _seeds() -> list[Path]:
    return sorted((ROOT / "seeds").glob("*.txt"))


def _agreement(made: dict[str, Path]) -> dict[str, object]:
    from reviewer.analyze import analyze_document
    from reviewer.load import ReportLoadError, load
    from tests.benchmarks.agreement import compare

    rows = []
    for seed, path in made.items():
        plain = analyze_document(load(ROOT / "seeds" / seed))
        try:
            doc = load(path)
        except ReportLoadError as err:
            rows.append({"seed": seed[:3], "error": str(err)})
            continue
        a = compare(plain, analyze_document(doc))
        rows.append({"seed": seed[:3], "format": doc.format, "parts": a.parts_same, "headings": a.headings_same,
                     "headings_width_folded": a.headings_same_folded, "figures": round(a.figures, 3),
                     "missing": list(a.missing)[:5]})
    ok = [r for r in rows if "error" not in r]
    figures = sum(float(r["figures"]) for r in ok) / max(len(ok), 1)  # type: ignore[arg-type]
    return {"reports": len(rows), "parts_same": sum(bool(r.get("parts")) for r in rows),
            "headings_same": sum(bool(r.get("headings")) for r in rows),
            "headings_same_width_folded": sum(bool(r.get("headings_width_folded")) for r in rows),
            "mean_figures": round(figures, 4),
            "min_figures": min((float(r["figures"]) for r in ok), default=0.0), "rows": rows}  # type: ignore[arg-type]


def _built(tmp: Path) -> dict[str, dict[str, Path]]:
    from tests.core import format_fixtures as ff
    from tests.core import loader_fixtures as lf

    makers = {".doc": ff.make_doc, ".rtf": ff.make_rtf, ".odt": ff.make_odt, ".ofd": ff.make_ofd,
              ".docx": lambda p, ls: lf.make_docx(p, [(None, x) for x in ls]), ".pdf": lf.make_wrapped_pdf}
    out: dict[str, dict[str, Path]] = {}
    for suffix, make in makers.items():
        out[f"builder{suffix}"] = {
            s.name: make(tmp / f"b_{s.stem}{suffix}", ff.seed_lines(s.read_text(encoding="utf-8")))  # type: ignore[operator]
            for s in _seeds()
        }
    return out


def _libreoffice(tmp: Path) -> dict[str, dict[str, Path]]:
    exe = shutil.which("soffice")
    if exe is None:
        return {}
    out: dict[str, dict[str, Path]] = {}
    for target in ("doc:MS Word 97", "docx", "odt", "rtf"):
        suffix = "." + target.split(":")[0]
        folder = tmp / f"lo{suffix}"
        folder.mkdir()
        cmd = [exe, f"-env:UserInstallation={(tmp / 'lo-profile').as_uri()}", "--headless",
               "--infilter=Text (encoded):UTF8", "--convert-to", target, "--outdir", str(folder),
               *[str(s) for s in _seeds()]]
        subprocess.run(cmd, capture_output=True, check=False, timeout=600)
        out[f"libreoffice{suffix}"] = {s.name: folder / f"{s.stem}{suffix}" for s in _seeds()
                                       if (folder / f"{s.stem}{suffix}").exists()}
    return out


def _scan_pdf(seed: Path, path: Path) -> int:
    """The seed printed on A4 at 150 dpi (五号-like 22 px text), slightly blurred and skewed, as images."""
    from PIL import Image, ImageDraw, ImageFilter

    from tests.core.format_fixtures import noto_font, seed_lines

    font, width, margin, pitch = noto_font(22), 1240, 110, 40
    rows: list[str] = []
    for line in seed_lines(seed.read_text(encoding="utf-8")):
        text, row = "　　" + line, ""
        for ch in text:
            if font.getlength(row + ch) > width - 2 * margin and ch not in "，。、；：？！）》”":
                rows.append(row)
                row = ""
            row += ch
        rows.append(row)
    per_page = (1754 - 2 * margin) // pitch
    pages = []
    for start in range(0, len(rows), per_page):
        img = Image.new("L", (width, 1754), 255)
        draw = ImageDraw.Draw(img)
        for i, row in enumerate(rows[start : start + per_page]):
            draw.text((margin, margin + i * pitch), row, font=font, fill=20)
        pages.append(img.rotate(0.3, fillcolor=255).filter(ImageFilter.GaussianBlur(0.7)))
    pages[0].save(path, save_all=True, append_images=pages[1:], resolution=150)
    return len(pages)


def _peak_mb() -> float:
    """This process's peak resident memory. Not ru_maxrss: Linux carries that across exec from the
    parent that forked us (which held the bombs while writing them); VmHWM belongs to this image."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(kind: str, path: str, code: str | None) -> None:
    """Runs in a child process: load one file, print time, peak memory and the outcome as JSON."""
    if code:
        sys.path.insert(0, code)
    from reviewer.load import ReportLoadError, load

    pages: list[int] = []
    t0 = time.perf_counter()
    try:
        doc = load(path, progress=lambda d, t: pages.append(t)) if kind == "ocr" else load(path)
        outcome = f"loaded {doc.format}, {len(doc.text)} chars, {len(getattr(doc, 'uncertain', ()))} unsure spans"
    except ReportLoadError as err:
        outcome = f"refused: {err}"
    seconds = time.perf_counter() - t0
    peak = _peak_mb()
    print(json.dumps({"seconds": round(seconds, 2), "peak_mb": round(peak), "pages": pages[-1] if pages else 0,
                      "outcome": outcome[:160]}, ensure_ascii=False))


def _run_child(kind: str, path: Path, code: str | None = None, limit: float = 600) -> dict[str, object]:
    cmd = [sys.executable, __file__, "--child", kind, str(path)] + (["--code", code] if code else [])
    t0 = time.perf_counter()
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=limit, check=False)
    except subprocess.TimeoutExpired:
        return {"seconds": f"> {limit:.0f} (stopped)", "outcome": "still running"}
    lines = done.stdout.strip().splitlines()
    if not lines:
        return {"seconds": round(time.perf_counter() - t0, 1), "outcome": f"crashed: {done.stderr[-300:]}"}
    result: dict[str, object] = json.loads(lines[-1])
    return result


def _ocr(tmp: Path) -> dict[str, object]:
    made, runs = {}, []
    for seed in _seeds():
        path = tmp / f"scan_{seed.stem}.pdf"
        _scan_pdf(seed, path)
        made[seed.name] = path
        runs.append(_run_child("ocr", path))
    pages = sum(int(r["pages"]) for r in runs)  # type: ignore[call-overload]
    seconds = sum(float(r["seconds"]) for r in runs)  # type: ignore[arg-type]
    return {"pages": pages, "seconds_per_page": round(seconds / max(pages, 1), 2),
            "peak_mb": max(int(r["peak_mb"]) for r in runs), "agreement": _agreement(made)}  # type: ignore[call-overload]


def _bombs(tmp: Path, code: str | None, limit: float) -> dict[str, object]:
    from tests.core import loader_fixtures as lf

    def docx_with(path: Path, body: bytes) -> Path:
        import zipfile

        lf.make_docx(path, [(None, "正文")])
        with zipfile.ZipFile(path) as z:
            parts = {n: z.read(n) for n in z.namelist()}
        parts["word/document.xml"] = parts["word/document.xml"].replace(b"<w:body>", b"<w:body>" + body)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
            for name, data in parts.items():
                z.writestr(name, data)
        return path

    # Issue 21's two: XML that inflates to 2 GiB, and 3.5 million empty paragraphs in about 1 MB (two
    # spellings of an empty paragraph at random keep the ratio near a real file's, under the 100:1 cap).
    import random

    big = docx_with(tmp / "inflates_2GiB.docx", b"<w:p><w:r><w:t>" + b"A" * (2 * 1024**3) + b"</w:t></w:r></w:p>")
    rng = random.Random(21)
    flood = docx_with(tmp / "paragraphs_3.5M.docx",
                      b"".join(rng.choice((b"<w:p/>", b"<w:p></w:p>")) for _ in range(3_500_000)))
    out: dict[str, object] = {}
    for path in (big, flood):
        out[path.name] = {"file_mb": round(path.stat().st_size / 1024**2, 1), **_run_child("bomb", path, code, limit)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", nargs=2)
    parser.add_argument("--code")
    parser.add_argument("--skip-ocr", action="store_true")
    parser.add_argument("--bombs-only", action="store_true")
    parser.add_argument("--skip-bombs", action="store_true")
    parser.add_argument("--limit-s", type=float, default=600)
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], args.child[1], args.code)
        return
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        report: dict[str, object] = {}
        if not args.bombs_only:
            for label, made in {**_built(tmp), **_libreoffice(tmp)}.items():
                report[label] = _agreement(made)
            if not args.skip_ocr:
                report["scan.pdf (OCR)"] = _ocr(tmp)
        if not args.skip_bombs:
            report["bombs"] = _bombs(tmp, args.code, args.limit_s)
    for label, value in report.items():
        if isinstance(value, dict) and "rows" in value:
            value = {k: v for k, v in value.items() if k != "rows" or any("error" in r or r["figures"] < 1
                                                                             for r in v)}  # type: ignore[union-attr]
        print(f"{label}: {json.dumps(value, ensure_ascii=False)}")


if __name__ == "__main__":
    main()
