"""The review letter (审阅意见书): a Word template the reviewing office edits, filled per report.

The template is any .docx holding placeholders such as ``{单位}`` in its text, tables, headers or
footers (``PLACEHOLDERS``; resources/letters/README.md lists them). The values say what the window
and the workbook say, through ``reviewer.review``: the review status, the gaps the program found
(less those the reviewer overruled), the required parts as the reviewer judged them
(``review.parts_judged``), the items marked 不符合 with the reviewer's comments, and the findings grouped
by kind. A list placeholder alone in its paragraph becomes one paragraph per entry; anywhere else
its entries are joined with “；”. Word often splits a placeholder the office typed over several
runs; filling works on the paragraph's text, so that does not matter.
"""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.table import Table
from docx.text.paragraph import Paragraph

from reviewer.annotations import for_the_unit
from reviewer.messages import Message, MessageError, msg, os_reason
from reviewer.model import Analysis, ItemDecision, ReportVerdict
from reviewer.paths import readable_name
from reviewer.resources import resource_path
from reviewer.review import (
    Decisions,
    failed_items,
    finding_groups,
    gap_items,
    in_force,
    parts_judged,
    remark_items,
    summarize,
)
from reviewer.vocab import READING_FINDINGS, REVIEW_STATUS, Lang
from reviewer.wordfile import xml_safe

LIST_FIELDS = ("缺项", "不符合项", "主要问题")
PLACEHOLDERS = ("单位", "标题", "年度", "发布日期", "成文日期", "文件", "审阅状态", "审阅结论", "审阅说明", "总体意见",
                "必备部分", *LIST_FIELDS, "审阅单位", "审阅日期", "审阅人", "批注版")
_FIELD = re.compile(r"\{(" + "|".join(PLACEHOLDERS) + r")\}")
OFFICE_BLANK = "＿" * 12  # where the office writes or stamps its name when the template does not say it
Fields = Mapping[str, str | Sequence[str]]


class LetterError(MessageError):
    """The template cannot be used; the message names the file (``str()`` in Chinese)."""


def default_template() -> Path:
    return resource_path("letters", "review_letter.docx")


def load_template(path: str | Path | None = None, lang: Lang = "zh") -> bytes:
    """The template's bytes, checked: a Word document holding at least one placeholder. No path:
    the built-in template in ``lang``, its sentences from the message catalogue."""
    if not path:
        from reviewer.letter_template import builtin

        return builtin(lang)
    p = Path(path)
    try:
        data = p.read_bytes()
        doc = docx.Document(io.BytesIO(data))
    except OSError as exc:
        raise LetterError(msg("template.unreadable", name=p.name, reason=os_reason(exc))) from exc
    except Exception as exc:  # python-docx raises zip, XML and package errors alike
        raise LetterError(msg("template.not_docx", name=p.name)) from exc
    if not any(_FIELD.search(par.text) for par in _all_paragraphs(doc)):
        raise LetterError(msg("template.no_fields", name=p.name))
    return data


def _day(iso: str | None, lang: Lang) -> str:
    if not iso:
        return msg("letter.unknown").render(lang)
    try:
        d = date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return d.isoformat() if lang == "en" else f"{d.year}年{d.month}月{d.day}日"


def _render(items: Sequence[Message], lang: Lang) -> list[str]:
    return [m.render(lang) for m in items] or [msg("letter.none").render(lang)]


def _listed(a: Analysis, decisions: Decisions, lang: Lang) -> dict[str, list[str]]:
    """The three lists: gaps not overruled by the reviewer, items marked 不符合 (with the reviewer's
    comment), findings by kind. The checklist's notes on its evidence (“仅提到 …（至少需要 2 个不同
    要点）”) are the reviewer's working notes, not words to the unit: they stay out."""
    standing = in_force(decisions)
    decided = {k for k, d in standing.items() if d.decision != "未定"}

    def name(group: str, label: str) -> Message:
        return msg("letter.item", group=group, name=label)

    groups = [g for g in finding_groups(a) if g.kind not in READING_FINDINGS]  # how we read it: not the unit's
    found_kinds = {g.kind for g in groups}
    # A gap that only stands for findings listed below (缺少落款单位 …) is said once, there, with its details.
    listed = [r for r in gap_items(a) if r.id not in decided and not (_finding_kinds(r.note) or {""}) <= found_kinds]
    gaps = [_gap(r.status, name(r.group, r.label(lang)), standing.get(r.id)) for r in listed]
    # What the reviewer wrote on other items left 未定: a remark for the unit, beside the gaps
    gaps += [msg("letter.remark", name=name(r.group, r.label(lang)), comment=d.comment.strip())
             for r, d in remark_items(a, decisions) if r not in listed]
    failed = [msg("letter.failed", name=name(r.group, r.label(lang)), comment=d.comment.strip()) if d.comment.strip()
              else msg("letter.failed_plain", name=name(r.group, r.label(lang)))
              for r, d in failed_items(a, decisions)]
    found = [msg("letter.findings", kind=g.kind, n=g.count, message=for_the_unit(g.rows[0].message)) if g.count > 1
             else msg("letter.finding", kind=g.kind, message=for_the_unit(g.rows[0].message)) for g in groups]
    return {"缺项": _render(gaps, lang), "不符合项": _render(failed, lang), "主要问题": _render(found, lang)}


def _gap(status: str, name: Message, d: ItemDecision | None) -> Message:
    """A gap the reviewer left undecided, with what they wrote on it: their words are for the unit."""
    comment = d.comment.strip() if d is not None else ""
    return msg("letter.gap_comment", status=status, name=name, comment=comment) if comment else \
        msg("letter.gap", status=status, name=name)


def _finding_kinds(note: Message) -> set[str]:
    """The finding kinds a checklist gap stands for (a ``findings_absent`` item names them in its note)."""
    if note.id != "check.findings_found":
        return set()
    counts = note.param("counts")
    return {str(c.param("kind")) for c in counts if isinstance(c, Message)} if isinstance(counts, tuple) else set()


def letter_fields(a: Analysis, decisions: Decisions, verdict: ReportVerdict | None, *, reviewer: str,
                  office: str = "", annotated: str = "", lang: Lang = "zh", today: date | None = None
                  ) -> dict[str, str | list[str]]:
    """Every placeholder's value for one report."""
    rv = summarize(a, decisions, verdict)
    unknown = msg("letter.unknown").render(lang)
    title = a.meta.title_line
    report = msg("letter.report", title=title) if title else msg("letter.report_untitled")
    values: dict[str, str | list[str]] = {
        "单位": a.meta.issuer or unknown, "标题": a.meta.title_line or unknown,
        "年度": msg("letter.year", year=a.meta.report_year).render(lang) if a.meta.report_year else unknown,
        "发布日期": _day(a.meta.published_date, lang), "成文日期": _day(a.meta.signed_date, lang),
        "文件": unit_file_name(a.file), "审阅状态": REVIEW_STATUS.label(rv.status, lang),
        # 审阅结论: the same value, under the name templates made before 审阅状态 use
        "审阅结论": REVIEW_STATUS.label(rv.status, lang),
        "审阅说明": msg(f"letter.opening.{rv.status}", report=report, annotated=annotated).render(lang),
        "总体意见": (verdict.comment.strip() if verdict is not None else "") or msg("letter.none").render(lang),
        "必备部分": _parts(parts_judged(a, decisions), lang), "审阅单位": office or OFFICE_BLANK,
        "审阅日期": _day((today or date.today()).isoformat(), lang), "审阅人": reviewer, "批注版": annotated,
    }
    values.update(_listed(a, decisions, lang))
    return values


def _parts(status: Mapping[str, str], lang: Lang) -> str:
    """The 必备部分 row: how many parts are required, whole, in part, and which are lacking."""
    lacking = tuple(msg("letter.part", part=p) for p, s in status.items() if s == "missing")
    failed = tuple(msg("letter.part", part=p) for p, s in status.items() if s == "failed")
    partial = sum(1 for s in status.values() if s == "partial")
    parts = [msg("letter.parts", required=len(status), found_status="found",
                 found=sum(1 for s in status.values() if s == "found"))]
    if partial:
        parts.append(msg("letter.parts_partial", partial_status="partial", partial=partial))
    if lacking:
        parts.append(msg("letter.parts_missing", missing_status="missing", parts=lacking))
    if failed:
        parts.append(msg("letter.parts_failed", decision="不符合", parts=failed))
    return "".join(p.render(lang) for p in parts)


_MACHINE_MADE = re.compile(r"[0-9a-f]{12,}", re.IGNORECASE)


def unit_file_name(path: str) -> str:
    """The report's file name as the unit would know it; "" when the name is one a program made
    (a hash like ``000_b98e54cc537f26f1.txt``, or digits and signs only), which tells the unit nothing."""
    name = readable_name(path)
    stem = name.rpartition(".")[0] or name
    if _MACHINE_MADE.search(stem) or not any(ch.isalpha() for ch in stem):
        return ""
    return name


def _all_paragraphs(doc: DocxDocument) -> Iterator[Paragraph]:
    yield from _in(doc.paragraphs, doc.tables)
    for section in doc.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            if part.is_linked_to_previous:
                continue
            yield from _in(part.paragraphs, part.tables)


def _in(paragraphs: Sequence[Paragraph], tables: Sequence[Table]) -> Iterator[Paragraph]:
    yield from list(paragraphs)  # a copy: list placeholders add paragraphs while we walk
    for t in tables:
        for row in t.rows:
            for cell in row.cells:
                yield from _in(cell.paragraphs, cell.tables)


def _replace(p: Paragraph, start: int, end: int, value: str) -> None:
    """Put ``value`` in place of the paragraph's characters ``[start, end)``, keeping the formatting
    of the run where the placeholder begins; the runs it spans give up their part of it."""
    pos = 0
    for run in p.runs:
        text = run.text
        lo, hi = pos, pos + len(text)
        pos = hi
        if hi <= start or lo >= end:
            continue
        head = text[: max(start - lo, 0)]
        tail = text[min(end - lo, len(text)):] if hi > end else ""
        run.text = head + (value if lo <= start < hi else "") + tail


def _run_text(p: Paragraph) -> str:
    """The text of the paragraph's own runs (not of hyperlinks or tracked changes): what ``_replace`` edits."""
    return "".join(r.text for r in p.runs)


def _fill_paragraph(p: Paragraph, fields: Fields) -> None:
    whole = _FIELD.fullmatch(_run_text(p).strip())
    if whole and isinstance(fields.get(whole.group(1)), list | tuple):
        _expand(p, [xml_safe(v) for v in fields[whole.group(1)]])
        return
    for m in reversed(list(_FIELD.finditer(_run_text(p)))):
        value = fields.get(m.group(1), "")
        text = value if isinstance(value, str) else "；".join(value)
        _replace(p, m.start(), m.end(), xml_safe(text))


def _expand(p: Paragraph, entries: Sequence[str]) -> None:
    """One paragraph per entry, each a copy of ``p`` (its style and first run's formatting)."""
    for entry in reversed(entries[1:]):
        twin = copy.deepcopy(p._p)
        p._p.addnext(twin)
        _set_text(Paragraph(twin, p._parent), entry)
    _set_text(p, entries[0] if entries else "")


def _set_text(p: Paragraph, text: str) -> None:
    runs = p.runs
    if not runs:
        p.add_run(text)
        return
    runs[0].text = text
    for r in runs[1:]:
        r._r.getparent().remove(r._r)


def _drop_empty_rows(doc: DocxDocument, fields: Fields) -> None:
    """Leave out a table row whose placeholders all have no value (报送文件 when the name is not the unit's)."""
    for table in doc.tables:
        for row in list(table.rows):
            named = [m.group(1) for c in row.cells for m in _FIELD.finditer(c.text)]
            if named and all(fields.get(n, "") == "" for n in named):
                row._tr.getparent().remove(row._tr)


def fill_letter(template: bytes, fields: Fields) -> DocxDocument:
    """A new document from ``template`` with every placeholder replaced by its value."""
    doc = docx.Document(io.BytesIO(template))
    _drop_empty_rows(doc, fields)
    for p in list(_all_paragraphs(doc)):
        if "{" in _run_text(p):
            _fill_paragraph(p, fields)
    return doc
