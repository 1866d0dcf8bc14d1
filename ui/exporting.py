"""The 导出Excel action: snapshot the review on the GUI thread, write the workbook off it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reviewer.model import ItemDecision, ReportVerdict
from ui.session import Session
from ui.tasks import Cancelled, Progress, Work


@dataclass(frozen=True)
class ExportOutcome:
    path: Path | None
    error: str | None  # Chinese message from the exporter


def export_work(session: Session, path: Path, checklist_path: str | None) -> Work:
    """A background job writing every open report with its decisions and verdict to ``path``.

    The store is read here, on the GUI thread (its one writer); the job only builds the file.
    """
    from reviewer.export import ExportError, export

    analyses = session.analyses()
    decisions: dict[str, dict[str, ItemDecision]] = session.store.all_decisions()
    verdicts: dict[str, ReportVerdict] = {
        a.sha256: v for a in analyses if (v := session.store.verdict(a.sha256)) is not None
    }

    def work(progress: Progress, cancelled: Cancelled) -> ExportOutcome:
        from reviewer.checklist import load_checklist

        try:
            checklist = load_checklist(checklist_path or None)
            out = export(analyses, path, decisions=decisions, verdicts=verdicts, checklist=checklist)
        except ExportError as exc:
            return ExportOutcome(None, str(exc))
        return ExportOutcome(out, None)

    return work
