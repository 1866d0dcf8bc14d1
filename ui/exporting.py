"""The 导出Excel action's bridge to ``reviewer.export`` (which may not be installed yet)."""

from __future__ import annotations

from pathlib import Path

from ui.session import Session


class ExportUnavailableError(Exception):
    """The export module is missing; ``str()`` is the Chinese message to show."""


def export_workbook(session: Session, path: Path) -> Path:
    """Write the open reports and every decision in the project to ``path``."""
    try:
        from reviewer import export as export_mod  # type: ignore[attr-defined,unused-ignore]
    except ImportError as exc:
        raise ExportUnavailableError("导出功能尚未安装（reviewer.export 缺失），审阅记录已自动保存在项目中。") from exc
    fn = getattr(export_mod, "export", None)
    if fn is None:
        raise ExportUnavailableError("导出功能尚未安装（reviewer.export 缺失），审阅记录已自动保存在项目中。")
    fn(session.analyses(), session.store, path)
    return path
