"""The 导出Excel action: snapshot the review on the GUI thread, write the workbook off it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reviewer.checklist import Checklist
from reviewer.model import ItemDecision, ReportVerdict
from reviewer.vocab import Lang
from ui import labels
from ui.session import Session
from ui.tasks import Cancelled, Progress, Work


@dataclass(frozen=True)
class ExportOutcome:
    path: Path | None
    error: str | None  # Chinese message from the exporter


def export_work(session: Session, path: Path, checklist: Checklist, project: str, lang: Lang,
                shas: Sequence[str] | None = None) -> Work:
    """A background job writing the reports ``shas`` (all of the project's by default), with their
    decisions and verdicts, to ``path``.

    The review is taken from the session, as the window shows it (changes still on their way to the
    project included); the job only builds the file.
    """
    from reviewer.export import ExportError, ExportInfo, export

    wanted = set(shas) if shas is not None else None
    analyses = [a for a in session.analyses() if wanted is None or a.sha256 in wanted]
    decisions: dict[str, dict[str, ItemDecision]] = session.all_decisions()  # what the window shows
    verdicts: dict[str, ReportVerdict] = session.all_verdicts()
    promises = session.lastyear.ticks()  # the reviewer's ticks on last year's plan items
    info = ExportInfo(project=project, checklist=checklist.label(lang), checklist_version=checklist.version, lang=lang,
                      failures=tuple(session.load_failures.values()))

    shown_in = labels.lang()  # the window's words (the workbook itself is in ``lang``)

    def work(progress: Progress, cancelled: Cancelled) -> ExportOutcome:
        try:
            out = export(analyses, path, decisions=decisions, verdicts=verdicts, checklist=checklist, info=info,
                         promises=promises)
        except ExportError as exc:
            return ExportOutcome(None, exc.message.render(shown_in))
        return ExportOutcome(out, None)

    return work
