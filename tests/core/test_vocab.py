"""One vocabulary and one message catalogue: every code and message reads in Chinese and English."""

from __future__ import annotations

import re
import string
from dataclasses import replace
from pathlib import Path

import pytest

from reviewer.analyze import analyze_document
from reviewer.checklist import load_checklist
from reviewer.load import load
from reviewer.messages import CATALOGUE, Message, msg
from reviewer.model import Analysis
from reviewer.serialize import from_json, to_json
from reviewer.vocab import CHECK_STATUS, DECISION, FINDING_KIND, TONES, VOCABULARIES
from tests.conftest import SEED_FILES, seed_path

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def seeds() -> list[Analysis]:
    checklist = load_checklist()
    return [analyze_document(load(p), checklist) for p in SEED_FILES]


def _fields(template: str) -> set[str]:
    """The parameters and their vocabularies; an English plural form (``count:``/``form:``) is the
    plain parameter's."""
    return {f"{name}:{'' if spec.startswith(('count:', 'form:')) else spec}"
            for _, name, spec, _ in string.Formatter().parse(template) if name}


def test_both_languages_use_the_same_parameters() -> None:
    for key, (zh, en) in CATALOGUE.items():
        if key != "custom":  # a checklist file's own words: {zh} and {en}
            assert _fields(zh) == _fields(en), key


def test_every_message_the_code_makes_is_in_the_catalogue() -> None:
    used: set[str] = set()
    for path in (ROOT / "reviewer").rglob("*.py"):
        used |= set(re.findall(r'\bmsg\(\s*"([a-z_.]+)"', path.read_text(encoding="utf-8")))
    assert used, "the pattern no longer finds the calls"
    assert used - set(CATALOGUE) == set()


def test_every_template_vocabulary_exists() -> None:
    specs = {spec for zh, en in CATALOGUE.values() for t in (zh, en)
             for _, name, spec, _ in string.Formatter().parse(t) if name and spec}
    plural = {s for s in specs if s.startswith(("count:", "form:")) and s.count(":") == 2}  # one and many
    assert specs - set(VOCABULARIES) - plural == {"seq"}


def test_every_tone_is_defined_and_glyphs_tell_program_from_reviewer() -> None:
    for terms in VOCABULARIES.values():
        for code in terms:
            assert terms.tone(code) in TONES.values()
    auto = {CHECK_STATUS.glyph(c) for c in CHECK_STATUS}
    decided = {DECISION.glyph(c) for c in DECISION} - {""}
    assert len(auto) == 4 and len(decided) == 3 and not auto & decided


def test_seed_findings_render_in_english_with_their_quotes(seeds: list[Analysis]) -> None:
    dasheng = seeds[4]
    (dup,) = [f for f in dasheng.findings if f.kind == "duplicate_paragraph"]
    assert dup.message.render() == "本段与第 10 行的段落“积极配合区政府创新优化法治化营商…”高度相似（94%）"
    en = "This paragraph is 94% similar to the one at line 10 (“积极配合区政府创新优化法治化营商…”)"
    assert dup.message.render("en") == en
    for a in seeds:
        for f in a.findings:
            assert FINDING_KIND.label(f.kind) != f.kind, f.kind  # every kind has a name
            en = f.message.render("en")
            assert "{" not in en and en != f.message.id
        for r in a.checklist:
            assert r.label("en") and r.note.render("en") != r.note.id


def test_lists_and_vocabulary_fields_render_per_language() -> None:
    m = msg("check.findings_found", counts=(msg("count.finding", kind="garbled_date", n=2),
                                            msg("count.finding", kind="heading_numbering", n=1)))
    assert m.render() == "发现日期或数字缺损 2 处、标题序号错误 1 处"
    assert m.render("en") == "Found: Garbled date or number ×2, Heading numbering ×1"
    assert msg("part.missing", part="next_year").render("en") == "No part “Plans for next year” found"


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: Path(p).name[:3])
def test_json_round_trip_keeps_every_message(path: Path) -> None:
    a = analyze_document(load(path), load_checklist())
    back = from_json(to_json(a), a.text)
    assert back == replace(a, meta=replace(a.meta, findings=()))  # the meta's findings are in a.findings
    assert back.checklist_name == "法治政府建设年度报告默认核查清单" and len(back.checklist_version) == 16


def test_json_gives_the_chinese_text_beside_the_id(seeds: list[Analysis]) -> None:
    out = to_json(seeds[4])
    f = next(f for f in out["findings"] if f["kind"] == "duplicate_paragraph")
    assert f["message"].startswith("本段与第 10 行") and f["message_id"] == "dup.within_similar"
    assert f["message_params"]["line"] == 10


def test_message_values_stay_hashable() -> None:
    m = Message("heading.gap", (("missing", ("“二、”", "“三、”")),))
    assert hash(m) and m.render() == "标题序号不连续：缺少“二、”、“三、”"


def test_cli_summary_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    from reviewer.cli import main

    assert main(["analyze", str(seed_path("004")), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Issuing unit: 重庆市渝北区大盛镇人民政府   Level: Town   Year: 2023" in out
    assert "Parts: 4/4" in out
    assert "[Warning] Repeated paragraph: This paragraph is 94% similar to the one at line 10" in out


def test_english_counts_agree_with_their_nouns() -> None:
    """Found by a reviewer session: "1 figures on this", "1 reports have not been reviewed yet"."""
    from reviewer.messages import msg

    assert msg("check.metrics_found", n=1, example="59件").render("en") == "1 figure on this, e.g. “59件”"
    assert msg("check.metrics_found", n=2, example="59件").render("en") == "2 figures on this, e.g. “59件”"
    assert msg("check.metrics_found", n=1, example="59件").render("zh") == "找到 1 处相关数据，如“59件”"
    assert msg("annotate.skipped", n=1, status="未审").render("en") == (
        "1 report has not been reviewed yet (“Not started”: no decision or comment yet): no annotated copy or "
        "letter was written for it")
    assert msg("undecodable", n=1, encoding="UTF-8").render("en").startswith(
        "1 byte of the file is not valid UTF-8 and shows as �")


def test_the_decision_and_verdict_codes_are_the_vocabularys() -> None:
    """The model types its codes (Literal) and the vocabulary words them: one list, checked here, so a code
    added to one is never unworded or untyped in the other (found by a code review)."""
    from reviewer.model import DECISIONS, VERDICTS
    from reviewer.vocab import DECISION, VERDICT

    assert tuple(DECISION) == DECISIONS and tuple(VERDICT) == VERDICTS
