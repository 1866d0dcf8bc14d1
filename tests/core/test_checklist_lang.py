"""Why a checklist file cannot be used, in English with ``--lang en`` (and in the English window);
Chinese as before without it. Found by a helper session: every checklist error stayed Chinese."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reviewer.checklist import ChecklistError, load_checklist, parse_checklist
from reviewer.cli import main
from reviewer.messages import CATALOGUE
from tests.conftest import seed_path

CJK = re.compile(r"[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]")
ITEM = 'id = "x1"\ngroup = "topic"\nname = "n"\nrule = "keywords"\nkeywords = ["a"]\n'
PART = 'id = "{id}"\ngroup = "required_part"\nname = "n"\nrule = "part"\npart = "measures"\n'
BODIES = [  # one for each way a file is refused
    ITEM.replace('group = "topic"', 'group = "topics"'), ITEM.replace('id = "x1"\n', ""),
    ITEM.replace('keywords = ["a"]', 'keywords = ["(a"]'), ITEM.replace('keywords = ["a"]', "keywords = []"),
    ITEM.replace('keywords = ["a"]', 'keywords = "a"'), ITEM.replace('name = "n"', 'name = ""'),
    ITEM.replace('rule = "keywords"', 'rule = "magic"'), ITEM + "applies_to_years = [2025, 2021]\n",
    ITEM + "min_hits = -1\n", ITEM.replace('rule = "keywords"', 'rule = "deadline"') + 'deadline = "4-1"\n',
    *(ITEM.replace('rule = "keywords"', f'rule = "{rule}"') for rule in ("part", "absent", "metrics",
                                                                          "findings_absent", "meta")),
    ITEM + 'part = "intro"\n', ITEM + 'kind = ["x"]\n', ITEM + 'zzz = 1\n', ITEM + 'severity = "fatal"\n',
    ITEM + 'topics = ["zzz"]\n', ITEM + 'kinds = ["zzz"]\n', ITEM + 'fields = ["zzz"]\n',
    ITEM + "[[item]]\n" + ITEM, PART.format(id="p1") + "[[item]]\n" + PART.format(id="p2"),
]


@pytest.mark.parametrize("body", BODIES)
def test_every_checklist_error_reads_in_english_and_as_before_in_chinese(body: str) -> None:
    with pytest.raises(ChecklistError) as err:
        parse_checklist(("[[item]]\n" + body).encode(), "my.toml")
    english = err.value.message.render("en")
    assert english.startswith("The checklist my.toml") and not CJK.search(english), english
    assert err.value.message.render("zh") == str(err.value) and str(err.value).startswith("核查清单 my.toml")


@pytest.mark.parametrize("data", [b"not = [toml", b"[checklist]\nname = 'x'\n", b"\xff\xfe\x00", b"item = [1]"])
def test_a_file_that_is_no_checklist_is_said_in_english(data: bytes) -> None:
    with pytest.raises(ChecklistError) as err:
        parse_checklist(data, "bad.toml")
    assert err.value.message.render("en").startswith("The checklist bad.toml")
    assert not CJK.search(err.value.message.render("en"))


def test_the_kinds_of_names_are_in_the_catalogue() -> None:
    assert {f"checklist.what.{w}" for w in ("rule", "part", "group", "severity", "topic", "kind", "field")} <= set(
        CATALOGUE)


def test_the_command_line_says_a_checklist_error_in_its_language(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    report = str(seed_path("004"))
    assert main(["analyze", report, "--checklist", str(tmp_path / "none.toml"), "--lang", "en"]) == 2
    assert capsys.readouterr().err == "Cannot read the checklist none.toml: no such file or folder\n"
    bad = tmp_path / "某省.toml"
    bad.write_text("[[item]]\n" + ITEM.replace('keywords = ["a"]', 'kinds = ["duplicate_paragraf"]'),
                   encoding="utf-8")
    said = ("The checklist 某省.toml, line 6, item 1 (x1): the field “kinds” names an unknown finding kind "
            "“duplicate_paragraf”; valid: “duplicate_paragraph”, “duplicate_across_reports”\n")
    assert main(["export", report, "-o", str(tmp_path / "r.xlsx"), "--checklist", str(bad), "--lang", "en"]) == 2
    assert capsys.readouterr().err == said
    assert main(["annotate", report, "-o", str(tmp_path / "o"), "--checklist", str(bad), "--lang", "en"]) == 2
    assert capsys.readouterr().err == said
    assert main(["analyze", report, "--checklist", str(bad)]) == 2  # Chinese as before
    assert capsys.readouterr().err == ("核查清单 某省.toml 第 6 行，第 1 项（x1） 字段 “kinds” "
                                       "中的问题类型 “duplicate_paragraf” 不存在；"
                                       "可用的问题类型：“duplicate_paragraph”、“duplicate_across_reports”\n")
    assert load_checklist().items  # the built-in one is untouched
