"""Table models of the 往年对比 tab: figures of both years, and last year's plan items to tick."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from reviewer.lastyear_model import FigurePair, PlanItem, PreviousYear
from reviewer.topics import topic_label
from reviewer.vocab import PROMISE_STATUS, TONES
from ui import plain
from ui.labels import lang
from ui.metrics.model import ROLE_SORT, ROLE_SPAN, HeaderTable, number
from ui.text.spans import topic_colour

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
SNIPPET = 60


def signed(value: float) -> str:
    return ("+" if value > 0 else "") + number(value)


def snippet(text: str, n: int = SNIPPET) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= n else flat[:n] + "…"


class FiguresModel(HeaderTable):
    """One row per figure found in both years; a jump's change is in red. Both years' sentences are in
    the tooltip; a click shows this year's in the text."""

    headers = ("主题", "计量单位", "上一年度", "本年度", "变化", "变化率")

    def __init__(self) -> None:
        super().__init__()
        self._rows: tuple[FigurePair, ...] = ()

    def set_previous(self, py: PreviousYear | None) -> None:
        self.beginResetModel()
        self._rows = py.figures if py is not None else ()
        self.endResetModel()

    def _count(self) -> int:
        return len(self._rows)

    def pair(self, row: int) -> FigurePair:
        return self._rows[row]

    def _change(self, f: FigurePair) -> str:
        points = f.measure == "%"
        text = signed(round(f.change, 2))
        return self.tr("{n} 个百分点").format(n=text) if points else text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        f, col = self._rows[index.row()], index.column()
        pct = f.change_percent
        if role == ROLE_SPAN:
            return (f.current.start, f.current.end)
        if role == ROLE_SORT:
            return (f.topic, f.measure, f.previous.value, f.current.value, f.change,
                    pct if pct is not None else float("inf"))[col]
        if role == Qt.ItemDataRole.DisplayRole:
            return (topic_label(f.topic, lang()), f.measure, f.previous.text, f.current.text, self._change(f),
                    f"{pct:+.1f}%" if pct is not None else "—")[col]
        if role == Qt.ItemDataRole.BackgroundRole and col == 0:
            return QBrush(QColor(topic_colour(f.topic)))
        if role == Qt.ItemDataRole.ForegroundRole and col in (4, 5) and f.jump is not None:
            return QBrush(QColor(TONES["bad"].ink))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (2, 3, 4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain.tip(self._tip(f))
        return None

    def _tip(self, f: FigurePair) -> str:
        tip = self.tr("上一年度：{prev}\n本年度：{cur}").format(prev=f.previous.context, cur=f.current.context)
        if f.jump is not None:
            tip = self.tr("变化异常，报告未说明原因\n") + tip
        return tip


class PlanModel(HeaderTable):
    """Last year's plan items: the reviewer's tick (已落实), the item, what the program found, the passage.

    Signals: tick_changed(item key, kept or None).
    """

    headers = ("已落实", "上一年度工作安排", "本年度报告", "相关内容")
    tick_changed = Signal(str, object)

    def __init__(self) -> None:
        super().__init__()
        self._rows: tuple[PlanItem, ...] = ()
        self._text = ""
        self._ticks: dict[str, bool] = {}
        self._editable = True

    def set_previous(self, py: PreviousYear | None, text: str, ticks: dict[str, bool], editable: bool = True) -> None:
        """``editable``: the reviewer may tick (not another reviewer's report on a shared project)."""
        self.beginResetModel()
        self._rows = py.plan if py is not None else ()
        self._text = text
        self._ticks = dict(ticks)
        self._editable = editable
        self.endResetModel()

    def set_ticks(self, ticks: dict[str, bool]) -> None:
        self._ticks = dict(ticks)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def _count(self) -> int:
        return len(self._rows)

    def item(self, row: int) -> PlanItem:
        return self._rows[row]

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 0 and self._editable else base

    def _passage(self, p: PlanItem) -> str:
        return self._text[p.start : p.end] if p.start is not None and p.end is not None else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        p, col = self._rows[index.row()], index.column()
        kept = self._ticks.get(p.key)
        if role == Qt.ItemDataRole.CheckStateRole and col == 0:
            return Qt.CheckState.Checked if kept else Qt.CheckState.Unchecked
        if role == ROLE_SPAN and p.start is not None and p.end is not None:
            return (p.start, p.end)
        if role == ROLE_SORT:
            return (bool(kept), p.title, p.status, self._passage(p))[col]
        status = PROMISE_STATUS[p.status]
        if role == Qt.ItemDataRole.DisplayRole:
            return ("", p.title, f"{status.glyph} {status.label(lang())}", snippet(self._passage(p)) or "—")[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == 2:
            return QBrush(QColor(PROMISE_STATUS.tone(p.status).ink))
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain.tip(self._tip(p, col))
        return None

    def _tip(self, p: PlanItem, col: int) -> str:
        if col == 0:
            return self.tr("审阅人确认这一项已经落实")
        if col == 3 and p.status == "reported":
            return self.tr("{passage}\n\n找到：{words}").format(passage=self._passage(p), words="、".join(p.matched))
        if col == 2:
            return self.tr("要点：{words}").format(words="、".join(p.terms) or "—")
        return p.text

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0 or index.row() >= len(self._rows):
            return False
        key = self._rows[index.row()].key
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        if checked:
            self._ticks[key] = True
        else:
            self._ticks.pop(key, None)
        self.dataChanged.emit(index, index)
        self.tick_changed.emit(key, True if checked else None)
        return True
