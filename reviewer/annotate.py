"""Send the review back to the unit: per report, an annotated Word copy and a review letter.

``annotate_reports`` writes, for each report, ``<单位>_<年度>年度_批注版.docx`` (the report's
text with the review as Word comments, ``reviewer.wordfile``) and, when asked,
``<单位>_<年度>年度_审阅意见书.docx`` (the letter filled from its template, ``reviewer.letter``).
Names are made safe for Windows and distinct within the run (a second report of the same unit
and year gets ``（2）``); each file is written atomically. The CLI (``reviewer annotate``) and the
window (导出 → 退回单位（批注版）…) both call it, with the review as the project holds it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from docx.document import Document as DocxDocument

from reviewer.annotations import Note, Voice, notes_for
from reviewer.checklist import Checklist
from reviewer.letter import LetterError, fill_letter, letter_fields, load_template
from reviewer.messages import MessageError, msg, os_reason
from reviewer.model import Analysis, ItemDecision, ReportVerdict
from reviewer.outfiles import FileNames, safe_stem, write_atomically
from reviewer.paths import readable_stem, says_year
from reviewer.review import summarize
from reviewer.vocab import Lang
from reviewer.wordfile import annotated_document

# The files' names, in the copy's language: an English copy was named 庐阳区人民政府_2020年度_批注版.docx
# (found by a helper session). The unit's own name stays as it is written.
_FILE_WORDS: dict[Lang, tuple[str, str, str]] = {
    "zh": ("{year}年度", "批注版", "审阅意见书"),
    "en": ("{year}", "annotated", "review_letter"),
}
UNREVIEWED = "未审"  # the review status (vocab.REVIEW_STATUS) of a report nobody has reviewed


class AnnotateError(MessageError):
    """A file could not be written or the letter template cannot be used (the message names it)."""


class NoReviewerNameError(AnnotateError):
    """No name to sign with: none given and none recorded with the review of some report."""


@dataclass(frozen=True)
class AnnotateOptions:
    """How to write: who signs the comments, the letter (None: no letter) and the language."""

    reviewer: str = ""  # "" → each report's last reviewer in the project; never a placeholder word
    letter: bool = False
    template: str | Path | None = None  # None → the built-in template
    office: str = ""  # the reviewing office's name for {审阅单位}; "" leaves a blank to fill by hand
    lang: Lang = "zh"
    # Reports nobody has reviewed yet (status 未审) are skipped unless asked for: their files would
    # carry only the program's checks, and the letter then says so (it never claims a review).
    include_unreviewed: bool = False
    # Who signs a report nobody has reviewed: the project's last reviewer, so that a report is signed
    # alike whichever reports are written with it ("" → the last reviewer of the reports written).
    project_reviewer: str = ""


@dataclass(frozen=True)
class Written:
    sha256: str
    annotated: Path
    comments: int
    letter: Path | None = None


@dataclass
class AnnotateResult:
    written: list[Written] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # sha256 of the reports skipped as 未审
    cancelled: bool = False
    # files of the same name that were there before and were written over (scripts rerun into one folder
    # rely on it; a reviewer is told, not left to find their earlier copies gone)
    replaced: list[Path] = field(default_factory=list)

    @property
    def files(self) -> list[Path]:
        return [p for w in self.written for p in (w.annotated, w.letter) if p is not None]

    def skipped_note(self, lang: Lang = "zh") -> str:
        """Why fewer reports were written than chosen ("" when none was skipped)."""
        return msg("annotate.skipped", n=len(self.skipped), status=UNREVIEWED).render(lang) if self.skipped else ""


def report_stem(a: Analysis, lang: Lang = "zh") -> str:
    """``<单位>_<年度>年度``, or the source file's name when the unit is not known, with the year only
    when the name does not say it (14_yueyang_county_2022_2022年度_批注版.docx: found by a tester)."""
    name = a.meta.issuer or readable_stem(a.file)
    unit = safe_stem(name)
    year = _FILE_WORDS[lang][0].format(year=a.meta.report_year)
    if not a.meta.report_year or (not a.meta.issuer and says_year(name, a.meta.report_year)):
        return unit
    return f"{unit}_{year}"


def voice_of(a: Analysis, decisions: Mapping[str, ItemDecision], verdict: ReportVerdict | None,
             options: AnnotateOptions, fallback: str = "") -> Voice:
    """Who signs the program's notes: the reviewer named, else whoever last changed the review, else
    ``fallback`` (the project's last reviewer; "" when none is known); at the time of the review's last
    change (now when never touched)."""
    rv = summarize(a, decisions, verdict)
    author = options.reviewer.strip() or rv.reviewer.strip() or fallback
    return Voice(author, rv.time or datetime.now().astimezone().isoformat(timespec="seconds"))


def _last_reviewer(analyses: Sequence[Analysis],
                   review: Mapping[str, tuple[Mapping[str, ItemDecision], ReportVerdict | None]]) -> str:
    """Whoever last changed any review of these reports: a report nobody has reviewed yet is sent by
    the same reviewer as the rest (the window signs with its own reviewer the same way)."""
    latest = max(((rv.time, rv.reviewer.strip()) for a in analyses
                  if (rv := summarize(a, *review[a.sha256])).reviewer.strip() and rv.time), default=("", ""))
    return latest[1]


def _save(doc: DocxDocument, target: Path, replaced: list[Path]) -> Path:
    """``doc`` written to ``target``; ``target`` added to ``replaced`` when a file was there already."""
    existed = target.exists()
    path = write_atomically(target, lambda tmp: doc.save(str(tmp)), AnnotateError, "Word")
    if existed:
        replaced.append(path)
    return path


def annotated_for(a: Analysis, notes: Sequence[Note], voice: Voice, lang: Lang, reviewed: bool = True) -> DocxDocument:
    """The annotated copy; its header names the reviewer, or says the report was not reviewed yet."""
    header = msg("annot.header" if reviewed else "annot.header_unreviewed", unit=a.meta.issuer or readable_stem(a.file),
                 reviewer=voice.author, date=voice.time[:10]).render(lang)
    return annotated_document(a, notes, header, voice.author)


def annotate_reports(
    analyses: Sequence[Analysis],
    folder: str | Path,
    *,
    decisions: Mapping[str, Mapping[str, ItemDecision]] | None = None,
    verdicts: Mapping[str, ReportVerdict] | None = None,
    checklist: Checklist | None = None,
    options: AnnotateOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> AnnotateResult:
    """Write the files of every report into ``folder`` (created if need be); raise ``AnnotateError``."""
    opts = options or AnnotateOptions()
    out = Path(folder)
    review = {a.sha256: ((decisions or {}).get(a.sha256, {}), (verdicts or {}).get(a.sha256)) for a in analyses}
    fallback = opts.project_reviewer.strip() or _last_reviewer(analyses, review)
    unsigned = [a for a in analyses if not voice_of(a, *review[a.sha256], opts, fallback).author
                and (opts.include_unreviewed or summarize(a, *review[a.sha256]).status != UNREVIEWED)]
    if unsigned:  # before anything is written
        raise NoReviewerNameError(msg("annotate.no_reviewer", n=len(unsigned)))
    template = _template_and_folder(opts, out)
    names, result = FileNames(), AnnotateResult()
    for i, a in enumerate(analyses):
        if cancelled is not None and cancelled():
            result.cancelled = True
            break
        mine, verdict = review[a.sha256]
        reviewed = summarize(a, mine, verdict).status != UNREVIEWED
        if not opts.include_unreviewed and not reviewed:
            result.skipped.append(a.sha256)
            if progress is not None:
                progress(i + 1, len(analyses))
            continue
        voice = voice_of(a, mine, verdict, opts, fallback)
        notes = notes_for(a, mine, checklist, voice, opts.lang)
        stem = names.claim(report_stem(a, opts.lang))
        _year, annotated_word, letter_word = _FILE_WORDS[opts.lang]
        annotated = _save(annotated_for(a, notes, voice, opts.lang, reviewed), out / f"{stem}_{annotated_word}.docx",
                          result.replaced)
        letter = None
        if template is not None:
            fields = letter_fields(a, mine, verdict, reviewer=voice.author, office=opts.office,
                                   annotated=annotated.name, lang=opts.lang, today=date.today())
            letter = _save(fill_letter(template, fields), out / f"{stem}_{letter_word}.docx", result.replaced)
        result.written.append(Written(a.sha256, annotated, len(notes), letter))
        if progress is not None:
            progress(i + 1, len(analyses))
    return result


def _template_and_folder(opts: AnnotateOptions, out: Path) -> bytes | None:
    """The letter's template (None without letters), and ``out`` made: before any file is written."""
    try:
        template = load_template(opts.template, opts.lang) if opts.letter else None
        out.mkdir(parents=True, exist_ok=True)
    except LetterError as exc:  # in the letter's language (it was Chinese under --lang en)
        raise AnnotateError(exc.message) from exc
    except OSError as exc:
        raise AnnotateError(msg("out.no_folder_made", folder=str(out), reason=os_reason(exc))) from exc
    return template
