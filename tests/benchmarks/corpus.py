"""Deterministic synthetic reports for benchmarks, recombined from the seed reports.

``make_reports(n, seed)`` returns ``n`` report texts: a title naming a generated unit and year,
a page-metadata line, a preamble and four level-1 parts taken from different seeds (renumbered),
with years shifted and figures rescaled, then a 落款. ``write_reports(n, folder)`` writes them as
UTF-8 .txt files. Usage: python tests/benchmarks/corpus.py N FOLDER
"""

from __future__ import annotations

import random
import re
import sys
from collections import Counter
from functools import cache
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
_L1 = re.compile(r"^\s*[一二三四五六七八九十]*、", re.M)
_YEAR = re.compile(r"(?<![—\-–~\d])20[12]\d(?=年)")
_FIGURE = re.compile(r"(?<![\d.〔(（])(\d{2,6})(?=(?:余|多)?(?:件|次|人|名|个|家|项|条|份|场|起|户|元))")
_NUMERALS = "一二三四五六七八九十"
_PLACES = tuple(re.findall(r"\S+", "东城 西湖 南山 北塘 青云 白沙 红星 金桥 玉泉 长安 新河 平安 和平 太平 江北"))
_KINDS = (
    ("{p}区人民政府", "county"),
    ("{p}县人民政府", "county"),
    ("{p}镇人民政府", "town"),
    ("{p}街道办事处", "street"),
    ("{p}市司法局", "department"),
    ("{p}市人民政府", "city"),
)


def _body(text: str) -> str:
    """The seed without its trailing short lines (clutter, 落款, date)."""
    lines = text.rstrip().split("\n")
    while lines and len(lines[-1].strip()) < 40:
        lines.pop()
    return "\n".join(lines)


@cache
def _seed_blocks() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(preamble, level-1 blocks) of each seed, years normalised to a {Y} / {Y+1} placeholder."""
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        raw = _body(path.read_text(encoding="utf-8"))
        years = Counter(_YEAR.findall(raw[:800]))
        base = int(years.most_common(1)[0][0]) if years else 2021
        text = _YEAR.sub(lambda m, b=base: f"{{Y{int(m.group()) - b:+d}}}", raw)
        starts = [m.start() for m in _L1.finditer(text)]
        if len(starts) < 2:
            continue
        preamble = text[: starts[0]].strip().split("\n")[-1]
        blocks = [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
        out.append((preamble, tuple(blocks)))
    return tuple(out)


def _renumber(block: str, k: int) -> str:
    return _L1.sub(_NUMERALS[k] + "、", block, count=1)


def make_report(rng: random.Random, index: int) -> str:
    seeds = _seed_blocks()
    place = rng.choice(_PLACES) + ("" if index < len(_PLACES) else str(index))
    unit = rng.choice(_KINDS)[0].format(p=place)
    year = rng.randint(2019, 2024)
    scale = rng.uniform(0.5, 2.0)

    def fix(s: str) -> str:
        s = re.sub(r"\{Y([+-]\d+)\}", lambda m: str(year + int(m.group(1))), s)
        return _FIGURE.sub(lambda m: str(max(1, round(int(m.group(1)) * scale))), s)

    parts = [fix(rng.choice(seeds)[0])]
    for k in range(4):
        _, blocks = rng.choice(seeds)
        parts.append(_renumber(fix(blocks[min(k, len(blocks) - 1)]), k))
    title = f"{unit}关于{year}年度法治政府建设情况的报告"
    meta = f"发布时间:{year + 1}-03-{rng.randint(1, 28):02d}"
    sign = f"{unit}\n{year + 1}年{rng.randint(1, 3)}月{rng.randint(1, 28)}日"
    return "\n\n".join([title, meta, *parts, sign]) + "\n"


def make_reports(n: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    return [make_report(rng, i) for i in range(n)]


def write_reports(n: int, folder: Path, seed: int = 1) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, text in enumerate(make_reports(n, seed)):
        p = folder / f"report_{i:05d}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


if __name__ == "__main__":
    written = write_reports(int(sys.argv[1]), Path(sys.argv[2]))
    print(f"{len(written)} reports in {sys.argv[2]}")
