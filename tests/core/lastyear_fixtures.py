"""Previous-year reports made by editing a seed, for the tests of ``reviewer.lastyear``.

``tanggu_2023()`` is 塘沽街道's report on 2023 as it might have been written a year before seed 003
(its report on 2024): some paragraphs kept with their figures changed (one tenfold), one paragraph
of which only its first two sentences were kept, other parts written differently, and a plan for
2024 of six items — four of which seed 003 reports on, two it never mentions.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.resources import seeds_dir

SEED_2024 = "003_99c6fe48d1545a6e.txt"


def seed_lines() -> list[str]:
    return (seeds_dir() / SEED_2024).read_text(encoding="utf-8").split("\n")


def _edit(line: str, *changes: tuple[str, str]) -> str:
    for old, new in changes:
        assert old in line, old
        line = line.replace(old, new)
    return line


# Line numbers (0-based) of seed 003 reused below.
OPENING, H1, P1, H2, P2, H_FIRST, P_FIRST, H_SHORT, P_SHORT, H_PLAN = 1, 3, 4, 5, 6, 19, 20, 21, 22, 23
H7, P7 = 15, 16
P7_KEPT = ("一是创新实践“唠嗑说事”工作机制。"
           "将法治理念与社会治理充分融合,构建政府主导、各方参与的多元共治新格局,共同解决群众“急难愁盼”问题。")

PLAN_2024 = [
    "四、2024年度主要工作安排",
    "(一)深化理论学习",
    "一是抓好理论学习中心组学习。街道党工委理论学习中心组开展习近平法治思想专题学习,带动各党委开展集体法治学习研讨。"
    "二是组织干部学法考试。组织街道全体干部在“天津干部在线”平台参加习近平法治思想专题学习考试。",
    "(二)优化法治化营商环境",
    "一是建设智慧法务平台。引入人工智能辅助审查合同,实现合同审查全流程线上办理。"
    "二是做优企业服务。为科技型企业精准画像,累计认定一批高新技术企业。",
    "(三)规范行政执法",
    "一是推行无人机巡查执法。购置无人机开展违法建设巡查,建立空地一体巡查机制。"
    "二是开展行政检查。规范行政检查事项,全面规范自由裁量权。",
]
#: The plan's items in order, and whether seed 003 reports on them.
PLAN_STATUSES = ["reported", "reported", "not_mentioned", "reported", "not_mentioned", "reported"]


def tanggu_2023_lines() -> list[str]:
    s = seed_lines()
    return [
        "塘沽街道2023年度法治政府建设情况报告 |",
        "来源：塘沽街道办事处 发布时间：2024-01-20",
        "2023年,塘沽街道认真落实上级关于法治政府建设的各项部署,各项工作有序开展。现将有关情况报告如下:",
        s[2],  # 一、主要举措和成效
        s[H1],
        _edit(s[P1], ("200余场次", "150余场次"), ("92.3分", "90.5分")),
        s[H2],
        # 2725 this year is ten times 272: the jump the report does not explain
        _edit(s[P2], ("2024年,累计办理滨海通办2725件", "2023年,累计办理滨海通办272件"), ("10家", "8家"),
              ("2024年,累计帮助企业解决实际问题30余个", "2023年,累计帮助企业解决实际问题25余个")),
        "(三)严格规范执法",
        "全年出动执法人员6800人次,开展行政检查1900次;责令改正违法行为1200次,实施处罚140次。",
        s[H7],
        P7_KEPT + "二是建立矛盾纠纷台账。对排查出的矛盾纠纷逐一登记、限期化解。",
        s[H_FIRST],
        "一是落实主体责任。街道党工委书记切实履行第一责任人职责,召开专题会议研究部署法治建设。"
        "二是带头述法。主要负责同志在年终述职中专门报告法治建设情况。",
        s[H_SHORT],
        _edit(s[P_SHORT], ("2024年,", "2023年,")),
        *PLAN_2024,
        *s[30:],  # the site's footer
    ]


def write_pair(folder: Path) -> tuple[Path, Path]:
    """The 2023 report and seed 003 (2024) as files in ``folder``: (previous, current)."""
    folder.mkdir(parents=True, exist_ok=True)
    previous = folder / "塘沽街道2023.txt"
    previous.write_text("\n".join(tanggu_2023_lines()), encoding="utf-8")
    current = folder / "塘沽街道2024.txt"
    current.write_text((seeds_dir() / SEED_2024).read_text(encoding="utf-8"), encoding="utf-8")
    return previous, current


def write_shifted_pair(folder: Path) -> tuple[Path, Path]:
    """Seed 003 (2024) and a "2023" report that is the same text with every year one earlier and two
    figures changed (the tester's case): (previous, current)."""
    import re

    folder.mkdir(parents=True, exist_ok=True)
    seed = (seeds_dir() / SEED_2024).read_text(encoding="utf-8")
    old = re.sub(r"20(2[2-5])", lambda m: f"20{int(m.group(1)) - 1}", seed)
    old = old.replace("2725件", "2600件").replace("200余场次", "180余场次")
    previous = folder / "塘沽街道2023.txt"
    previous.write_text(old, encoding="utf-8")
    current = folder / "塘沽街道2024.txt"
    current.write_text(seed, encoding="utf-8")
    return previous, current
