"""The one vocabulary: every code the program shows, with its Chinese and English label, glyph and tone.

The window, the workbook, the command line and the JSON all name a status, decision, verdict,
level, part, group, severity or finding kind through these tables, so the same fact reads the
same everywhere. A *tone* is a colour role; ``TONES`` gives each its light fill (cells, rows) and
its ink (text, icons), used alike by the Qt views and the Excel sheets.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")
LIST_SEP: dict[str, str] = {"zh": "、", "en": ", "}
BRACKETS: dict[str, str] = {"zh": "（{}）", "en": " ({})"}  # a note after a name, as each language writes it
COLON: dict[str, str] = {"zh": "：", "en": ": "}  # a label and what it says
UNRECOGNISED: dict[str, str] = {"zh": "（未识别）", "en": "(not recognised)"}  # a field the program could not read


def as_lang(value: str | None) -> Lang:
    """``"en"`` for English settings (``en``, ``en_US`` …), Chinese otherwise."""
    return "en" if value and value.lower().startswith("en") else "zh"


@dataclass(frozen=True, slots=True)
class Tone:
    fill: str  # light background for a cell or row
    ink: str  # strong colour for text and icons


TONES: dict[str, Tone] = {
    "good": Tone("#c8e6c9", "#2e7d32"),  # the program found it
    "partial": Tone("#ffe0a3", "#e69a00"),
    "bad": Tone("#ffcdd2", "#c62828"),
    "muted": Tone("#eceff1", "#8a8f98"),
    "active": Tone("#dbe8fb", "#1565c0"),  # work in progress
    "pass": Tone("#81c784", "#1b5e20"),  # the reviewer passed it: stronger than the program's "good"
    "fail": Tone("#e57373", "#b71c1c"),
    "neutral": Tone("", "#555555"),
}


@dataclass(frozen=True, slots=True)
class Term:
    code: str
    zh: str
    en: str
    glyph: str = ""
    tone: str = "neutral"

    def label(self, lang: Lang = "zh") -> str:
        return self.en if lang == "en" else self.zh


class Terms(Mapping[str, Term]):
    """An ordered table of terms; unknown codes render as written (data from a newer version)."""

    def __init__(self, *terms: Term) -> None:
        self._terms = {t.code: t for t in terms}

    def __getitem__(self, code: str) -> Term:
        return self._terms[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._terms)

    def __len__(self) -> int:
        return len(self._terms)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self._terms)

    def label(self, code: str | None, lang: Lang = "zh") -> str:
        term = self._terms.get(code or "")
        return term.label(lang) if term is not None else (code or "")

    def glyph(self, code: str | None) -> str:
        term = self._terms.get(code or "")
        return term.glyph if term is not None else ""

    def tone(self, code: str | None) -> Tone:
        term = self._terms.get(code or "")
        return TONES[term.tone if term is not None else "neutral"]


# Why a file could not be read (LoadError.kind), in a word: the English workbook's reason (the
# detailed message, naming what to do, is Chinese).
LOAD_PROBLEM = Terms(
    Term("empty", "文件是空的", "The file is empty"),
    Term("binary", "不是文本文件", "Not a text file"),
    Term("undecodable", "无法识别文字编码", "Text in an encoding that could not be recognised"),
    Term("corrupt", "文件已损坏", "The file is damaged"),
    Term("encrypted", "文件已加密", "The file is protected by a password"),
    Term("too_large", "文件过大", "The file is too large"),
    Term("too_long", "文字过多，不像一份报告", "Far more text than a report holds (too many characters or paragraphs)"),
    Term("bomb", "压缩内容异常", "Suspicious compressed content"),
    Term("vanished", "文件不存在", "The file is no longer there"),
    Term("unreadable", "无法读取", "The file could not be read"),
    Term("unlisted", "文件夹无法打开", "A folder that could not be opened"),
    Term("special", "不是普通文件", "Not a regular file"),
    Term("unsupported", "格式不支持", "A format that is not supported"),
    # the English window and workbook name a problem by its kind alone: these say what to do
    Term("unfinished", "没有下载完成", "An unfinished download: download the whole report again"),
    Term("archive", "压缩包（不会自动解压）", "A compressed archive: it is not opened; unpack it and open the reports "
         "in it"),
    Term("photo_format", "手机照片格式（HEIC）", "A phone photo (HEIC): convert it to JPG first"),
    Term("truncated", "文件不完整", "The file ends too soon (cut off in transfer): ask the unit to send it again"),
    Term("scanned", "扫描件无法识别", "Scanned pages that could not be read"),
    Term("needs_ocr", "扫描件需要文字识别", "Scanned pages that need text recognition"),
    Term("mismatch", "内容与扩展名不符", "The content does not match the file's extension: the file may be damaged "
         "or renamed; find the original file, or give it the right extension"),
    Term("duplicate", "与已打开的文件相同", "The same as a file already opened"),
    Term("same_report", "与已打开的文件是同一份报告", "The same report as a file already opened"),
    Term("not_report", "不是报告文件（表格或演示文稿）", "Not a report (a spreadsheet or slides)"),
    Term("changed", "源文件已更改，导出的是项目保存的版本", "The file has changed; the project's version is exported"),
    Term("analysis_failed", "分析失败", "The analysis failed"),
    Term("no_text", "项目中没有保存正文", "The project holds no text of it"),
    Term("removed", "组长已把这份报告移出项目",
         "The lead removed this report from the project; only the lead can put it back"),
    Term("library", "往年报告库无法使用", "Last year's reports could not be used"),
    Term("cancelled", "已取消", "Cancelled"),
)

# What the program found for a checklist item (and for a required part).
CHECK_STATUS = Terms(
    Term("found", "已具备", "Present", "●", "good"),
    Term("partial", "部分具备", "Partial", "◐", "partial"),
    Term("missing", "缺失", "Missing", "○", "bad"),
    Term("not_applicable", "不适用", "Not applicable", "—", "muted"),
)
# What the reviewer decided for an item; the codes are what the project file stores.
DECISION = Terms(
    Term("符合", "符合", "Meets", "✓", "pass"),
    Term("不符合", "不符合", "Fails", "✗", "fail"),
    Term("不适用", "不适用", "Not applicable", "⊘", "muted"),
    Term("未定", "未定", "Undecided", "", "neutral"),
)
VERDICT = Terms(
    Term("通过", "通过", "Accepted", "✓", "pass"),
    Term("需修改", "需修改", "Needs revision", "!", "fail"),
    Term("未审", "未下结论", "No verdict yet", "", "muted"),  # the code stays: projects store it
)
# Where a report stands in the review (derived by reviewer.review from decisions and verdict).
REVIEW_STATUS = Terms(
    Term("未审", "未审", "Not started", "○", "muted"),
    Term("审阅中", "审阅中", "In review", "◐", "active"),
    Term("通过", "通过", "Accepted", "✓", "pass"),
    Term("需修改", "需修改", "Needs revision", "!", "fail"),
)
# A figure's qualifier (reviewer.numbers.normalise_qualifier): 150余件 is "more than 150".
QUALIFIER = Terms(
    Term("余", "余", "more than"),
    Term("多", "多", "more than"),
    Term("超", "超", "over"),
    Term("近", "近", "nearly"),
    Term("约", "约", "about"),
)
LEVEL = Terms(
    Term("province", "省级", "Province"),
    Term("city", "市级", "City"),
    Term("county", "县级", "County"),
    Term("department", "部门", "Department"),
    Term("town", "乡镇", "Town"),
    Term("street", "街道", "Street office"),
    Term("other", "其他", "Other"),
)
# The five parts of 《法治政府建设与责任落实督察工作规定》 第二十五条; the first four are required.
PART = Terms(
    Term("measures", "主要举措和成效", "Measures and results"),
    Term("shortcomings", "存在的不足和原因", "Shortcomings and causes"),
    Term("first_responsible", "党政主要负责人履行第一责任人职责情况", "Leaders' duties as first responsible"),
    Term("next_year", "下一年度主要安排", "Plans for next year"),
    Term("other", "其他需要报告的情况", "Other matters to report"),
)
REQUIRED_PARTS: tuple[str, ...] = ("measures", "shortcomings", "first_responsible", "next_year")
# The parts where space is short: the 往年对比 tab and its sheet's columns (each had its own words).
PART_SHORT = Terms(
    Term("measures", "主要举措", "Measures"),
    Term("shortcomings", "存在的不足", "Shortcomings"),
    Term("first_responsible", "第一责任人", "First responsible"),
    Term("next_year", "下一年度安排", "Plans"),
    Term("other", "其他", "Other"),
)
PART_HOW = Terms(
    Term("heading", "有单独标题", "under its own heading"),
    Term("nested", "包含在其他部分中", "inside another part"),
    Term("text", "仅见于无标题的正文", "only in unheaded text"),
)
GROUP = Terms(
    Term("required_part", "必备部分", "Required parts"),
    Term("topic", "重点任务", "Key tasks"),
    Term("metric", "关键数据", "Key figures"),
    Term("form", "形式规范", "Form"),
)
SEVERITY = Terms(
    Term("error", "错误", "Error", "", "bad"),
    Term("warning", "警告", "Warning", "", "partial"),
    Term("info", "提示", "Note", "", "neutral"),
)
FINDING_KIND = Terms(
    Term("duplicate_paragraph", "重复段落", "Repeated paragraph"),
    Term("duplicate_across_reports", "与其他报告雷同的段落", "Paragraph shared with another report"),
    Term("other_version", "同一单位同年度的另一份报告", "Another report of the same unit and year"),
    Term("heading_numbering", "标题序号错误", "Heading numbering"),
    Term("garbled_date", "日期或数字缺损", "Garbled date or number"),
    Term("misquoted_regulation", "法规文件名称引用有误", "Misquoted regulation title"),
    Term("issuer_mismatch", "落款单位与标题不一致", "Signature unit differs from the title"),
    Term("year_mismatch", "年度不一致", "Year mismatch"),
    Term("late_publication", "公开时间晚于期限", "Published after the deadline"),
    Term("missing_signature", "缺少落款单位", "No signing unit"),
    Term("missing_date", "缺少成文日期", "No date of writing"),
    Term("rate_change_in_percent", "比率变化应以“个百分点”表述", "Rate change given in %"),
    Term("undecodable_characters", "无法解码的字符", "Undecodable characters"),
    Term("copied_from_last_year", "照搬上一年度报告", "Copied from last year's report"),
    Term("figure_jump", "数据较上年异常变化", "Figure changed sharply from last year"),
    Term("uncertain_figure", "数字识别不确定", "Figure OCR was unsure of"),
)
# Findings about how the program read a report, not about what the unit wrote: for the reviewer only,
# never in the notes and letter that go back to the unit.
READING_FINDINGS = frozenset({"uncertain_figure"})
# Whether this year's report gives account of an item of last year's plan (reviewer.promises).
PROMISE_STATUS = Terms(
    Term("reported", "已报告", "Reported", "●", "good"),
    Term("not_mentioned", "未提及", "Not mentioned", "○", "bad"),
)
# How a report was paired with last year's (reviewer.pairing).
PAIRED_BY = Terms(
    Term("auto", "自动配对", "paired automatically"),
    Term("reviewer", "审阅人指定", "chosen by the reviewer"),
)
# Fields a ``meta`` checklist rule can require.
META_FIELD = Terms(
    Term("title", "标题", "title"),
    Term("issuer", "报告单位", "issuing unit"),
    Term("report_year", "报告年度", "report year"),
    Term("signed_date", "成文日期", "date of writing"),
    Term("published_date", "发布日期", "publication date"),
    Term("signature", "落款", "signature"),
)

#: Every table by name, for message templates (``{part:part}``) and checklist validation.
VOCABULARIES: dict[str, Terms] = {
    "check_status": CHECK_STATUS,
    "decision": DECISION,
    "verdict": VERDICT,
    "review_status": REVIEW_STATUS,
    "level": LEVEL,
    "part": PART,
    "part_how": PART_HOW,
    "group": GROUP,
    "severity": SEVERITY,
    "finding_kind": FINDING_KIND,
    "meta_field": META_FIELD,
    "promise_status": PROMISE_STATUS,
    "paired_by": PAIRED_BY,
}
