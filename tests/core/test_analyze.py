"""The pipeline on the seeds (exact findings and checklist results) and the batch runner."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reviewer.analyze import analyze_document, analyze_many
from reviewer.annotations import for_the_unit
from reviewer.checklist import load_checklist
from reviewer.findings import batch_duplicates
from reviewer.load import load
from reviewer.model import Analysis, Document, Line
from reviewer.packing import unpack_json
from reviewer.pool import batch_pool
from reviewer.serialize import to_json
from tests.conftest import seed_path

CHECKLIST = load_checklist()
OTHER_STAGES = {"heading_numbering"}  # outline's; meta's garbled 落款 date is excluded by span below


def _analysis(prefix: str) -> Analysis:
    return analyze_document(load(seed_path(prefix)), CHECKLIST)


def _mine(a: Analysis) -> list[tuple[str, str]]:
    """This module's findings as (kind, text at span), leaving out those of outline and meta."""
    theirs = set(a.meta.findings)
    return [(f.kind, a.text[f.start : f.end]) for f in a.findings if f.kind not in OTHER_STAGES and f not in theirs]


EXPECTED = {
    "000": [("garbled_date", "20212025")]
    + [("garbled_date", "41日")]
    + [("garbled_date", "20212025")] * 4
    + [("missing_signature", "2022228")],  # the 落款 is a date only
    "001": [("rate_change_in_percent", "出庭应诉率99.19%,同比上升0.55%")],
    "002": [("garbled_date", "〔202018号"), ("missing_signature", "2021210")],
    "003": [("missing_date", ""), ("missing_signature", "")],
    "004": [
        ("misquoted_regulation", "《党政主要负责人履行推进法治政府建设第一责任人职责规定》"),
        ("duplicate_paragraph", None),
        ("issuer_mismatch", "重庆市渝北区大盛镇镇人民政府"),
    ],
}


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_findings_exactly(prefix: str) -> None:
    got = _mine(_analysis(prefix))
    want = EXPECTED[prefix]
    assert [k for k, _ in got] == [k for k, _ in want]
    for (_, text), (_, expected) in zip(got, want, strict=True):
        if expected is not None:
            assert text.endswith(expected)


def test_meta_garbled_signature_dates_are_not_repeated() -> None:
    for prefix, date in (("000", "2022228"), ("002", "2021210")):
        a = _analysis(prefix)
        hits = [f for f in a.findings if f.kind == "garbled_date" and a.text[f.start : f.end] == date]
        assert len(hits) == 1
        assert not any(f.kind == "missing_date" for f in a.findings)


def _status(a: Analysis) -> dict[str, str]:
    return {c.id: c.status for c in a.checklist}


def test_seed_checklist_results() -> None:
    s000, s001, s002, s004 = (_status(_analysis(p)) for p in ("000", "001", "002", "004"))
    assert s000["form_garbled_numbers"] == "missing"
    assert s000["form_publish_deadline"] == "found"  # 2022-03-11 ≤ 2022-04-01
    assert s000["form_regulation_titles"] == "found"
    assert s000["form_signature_date"] == "missing"  # a (garbled) date but no unit
    assert s001["form_signature_date"] == "found"
    assert s001["form_cause_specific"] == "missing"  # problems listed, no causes
    assert s000["form_cause_specific"] == "missing"  # 原因 only in the heading "存在的不足和原因"
    assert s001["form_signature_matches"] == "found"  # 中共泰州市委 泰州市人民政府 as in the title
    assert s001["metric_appearance_rate"] == "found"
    assert s002["topic_digital"] == "not_applicable"  # 2020 report: 2015—2020 纲要 tasks
    assert s002["topic_capability"] == "found"
    assert s004["topic_capability"] == "not_applicable"
    assert s004["form_no_duplicates"] == "missing"
    assert s004["form_signature_matches"] == "missing"
    assert s004["form_regulation_titles"] == "missing"
    assert s004["form_serious_typos"] == "missing"  # 镇镇人民政府
    assert s000["form_serious_typos"] == s001["form_serious_typos"] == s002["form_serious_typos"] == "found"
    assert s004["form_publish_deadline"] == "not_applicable"  # no publication date on the page


def _docs(n: int) -> list[Document]:
    seeds = [load(seed_path(p)) for p in ("000", "001", "002", "003", "004")]
    return [replace(seeds[i % 5], path=f"r{i:03d}_{seeds[i % 5].path.rsplit('/', 1)[-1]}") for i in range(n)]


def test_pool_matches_inline_and_reports_progress() -> None:
    docs = _docs(16)
    seen: list[tuple[int, int]] = []
    pooled = analyze_many(docs, CHECKLIST, workers=2, progress=lambda i, n: seen.append((i, n)))
    inline = analyze_many(docs, CHECKLIST, workers=1)
    assert [a.file for a in pooled] == [d.path for d in docs]
    assert pooled == inline
    assert seen[-1] == (16, 16)
    versions = [f for f in pooled[0].findings if f.kind == "other_version"]  # the same seed again: a version
    assert versions and "r005_000" in versions[0].message.render()


def test_cancel_stops_the_inline_batch() -> None:
    done: list[int] = []
    out = analyze_many(
        _docs(5), CHECKLIST, workers=1, progress=lambda i, n: done.append(i), cancelled=lambda: len(done) >= 2
    )
    assert len(out) == 2


def test_batch_duplicates_name_the_other_file() -> None:
    shared = "各部门认真落实行政执法三项制度，全面推行执法公示、执法全过程记录和重大执法决定法制审核制度。"
    reports = [
        ("a/甲.txt", f"开头\n{shared}\n结尾段落。", (), "甲区", 2021),
        ("b/乙.txt", f"{shared}\n其他内容。", (), "乙区", 2021),
        ("c/丙.txt", "完全不同的内容，没有任何与其他报告相同的段落，这里写的是另一件事情。", (), "丙区", 2021),
    ]
    a, b, c = batch_duplicates(reports)
    assert [(f.kind, f.start, f.end) for f in a] == [("duplicate_across_reports", 3, 3 + len(shared))]
    assert "乙.txt" in a[0].message.render() and "甲.txt" in b[0].message.render()
    assert a[0].message.id == b[0].message.id == "dup.across"
    assert c == []


def test_batch_duplicates_within_one_unit_say_so_and_only_then() -> None:
    """Shared only with the same unit's other report: "of the same unit"; with another unit's too, or
    with a report whose unit is unknown: the plain wording."""
    shared = "各部门认真落实行政执法三项制度，全面推行执法公示、执法全过程记录和重大执法决定法制审核制度。"

    def ids(*units: str | None) -> list[str]:
        reports = [(f"{i}.txt", f"第{i}份\n{shared}", (), unit, 2019 + i) for i, unit in enumerate(units)]
        return [fs[0].message.id for fs in batch_duplicates(reports)]

    assert ids("甲区", "甲区") == ["dup.across_own", "dup.across_own"]
    assert ids("甲区", "甲区", "乙区") == ["dup.across", "dup.across", "dup.across"]
    assert ids("天津市津南区", "津南区") == ["dup.across_own", "dup.across_own"]  # the city left out once
    assert ids("津南区", "南区") == ["dup.across", "dup.across"]  # too short a key to match on its end
    assert ids("马鞍山市", "鞍山市") == ["dup.across", "dup.across"]  # 马 is no place: two cities
    assert ids("铁东区", "鞍山市铁东区", "四平市铁东区") == ["dup.across"] * 3  # one name, two units
    assert ids("甲区", "甲区", "甲区") == ["dup.across_own_few"] * 3
    assert ids("甲区", None) == ["dup.across", "dup.across"]
    assert ids(None, None) == ["dup.across", "dup.across"]
    assert ids(*["甲区"] * 5) == ["dup.across_own_many"] * 5
    assert ids(*["甲区"] * 4, "乙区") == ["dup.across_many"] * 5


def test_two_reports_of_one_unit_and_year_are_versions_not_copies() -> None:
    """A unit that sent its report twice (a .docx and a revised .txt): what the two share is not
    copying; each says once that the other exists. A third report of the same unit but another year
    still counts as the unit's other report."""
    shared = "各部门认真落实行政执法三项制度，全面推行执法公示、执法全过程记录和重大执法决定法制审核制度。"
    title = "津南区人民政府关于2021年法治政府建设情况的报告"
    lines = (Line("title", 0, len(title)),)
    reports = [("a/津南.docx", f"{title}\n{shared}", lines, "天津市津南区", 2021),
               ("b/津南修改稿.txt", f"{title}\n{shared}", lines, "津南区", 2021)]
    a, b = batch_duplicates(reports)
    assert [(f.kind, f.severity, f.start, f.end) for f in a] == [("other_version", "warning", 0, len(title))]
    assert a[0].message.render() == ("本单位同一年度还有 1 份报告 津南修改稿.txt，可能是同一报告的其他版本："
                                     "请确认以哪一份为准")
    assert for_the_unit(a[0].message).render() == "本单位同一年度报送了不止一份报告，请确认以哪一份为准"
    assert [f.kind for f in b] == ["other_version"] and "津南.docx" in b[0].message.render()
    a, b, c = batch_duplicates([*reports, ("c/津南2020.txt", f"其他\n{shared}", (), "津南区", 2020)])
    assert [f.message.id for f in a] == ["dup.other_version", "dup.across_own"]
    assert "津南2020.txt" in a[1].message.render() and "修改稿" not in a[1].message.render()
    assert [f.message.id for f in c] == ["dup.across_own_few"]  # the 2020 report shares with both
    party = "中共津南区委关于2021年法治建设工作情况的报告"  # the same place's party committee: another report
    a, b = batch_duplicates([reports[0], ("c/区委.txt", f"{party}\n{shared}", (Line("title", 0, len(party)),),
                                           "天津市津南区", 2021)])
    assert [f.message.id for f in a] == [f.message.id for f in b] == ["dup.across_own"]


def test_batch_duplicates_over_300_reports() -> None:
    """300 reports (5 seeds, each copy perturbed): every copy is found (the time is measured in
    tests/benchmarks/bench_dedup.py, not asserted here)."""
    texts = [load(seed_path(p)).text for p in ("000", "001", "002", "003", "004")]
    reports = [(f"r{i}.txt", texts[i % 5].replace("。", f"。{i}", 3), (), f"单位{i}", 2021) for i in range(300)]
    out = batch_duplicates(reports)
    assert [len(f) for f in out[:5]] == [29, 26, 21, 14, 30] and sum(map(len, out)) == 7200


def test_cancel_stops_the_pool() -> None:
    out = analyze_many(_docs(24), CHECKLIST, workers=2, cancelled=lambda: True)
    assert len(out) < 24
    assert all(a.file.startswith("r") for a in out)


@pytest.mark.parametrize("in_pool", [False, True])
def test_each_analysis_comes_packed_as_the_project_caches_it(in_pool: bool) -> None:
    """Packed in the worker that made it: the bytes unpack to the cache's dict of that analysis."""
    docs = _docs(5)
    packed: dict[str, bytes] = {}
    told: list[int] = []
    with batch_pool(1) as pool:
        out = analyze_many(docs, CHECKLIST, workers=1, across=False, packed=packed, pool=pool if in_pool else None,
                           on_done=lambda group: told.append(sum(a.sha256 in packed for a in group) - len(group)))
    assert sorted(packed) == sorted(a.sha256 for a in out) and len(packed) == 5
    assert all(unpack_json(packed[a.sha256]) == to_json(a) for a in out)
    assert set(told) == {0}  # packed before the caller hears of the group


def test_one_units_many_reports_are_told_apart_once_per_paragraph(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whether a paragraph's holders are one unit is asked once per paragraph, over their distinct
    units: the check per holder and per pair of holders made a 300-report folder stall the window
    for half a second (counted here, not timed)."""
    import reviewer.findings as findings

    calls: list[int] = []
    real = findings.same_unit
    monkeypatch.setattr(findings, "same_unit", lambda a, b: calls.append(1) or real(a, b))
    shared = "各部门认真落实行政执法三项制度，全面推行执法公示、执法全过程记录和重大执法决定法制审核制度。"
    reports = [(f"{i}.txt", f"第{i}份\n{shared}", (), "天津市津南区" if i % 2 else "津南区", None)
               for i in range(300)]
    out = batch_duplicates(reports)
    assert {fs[0].message.id for fs in out} == {"dup.across_own_many"} and len(calls) == 1
