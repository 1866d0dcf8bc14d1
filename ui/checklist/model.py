"""Qt tree model of one report's checklist: groups → items, with the reviewer's decisions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from reviewer.messages import msg
from reviewer.model import CheckResult, Decision
from reviewer.review import is_to_recheck
from reviewer.vocab import BRACKETS, COLON
from ui import plain
from ui.icons import STATUS_COLOURS, status_icon
from ui.labels import GROUP_ORDER, check_status_name, decision_name, group_name, item_name, lang, text
from ui.session import Session

Index = QModelIndex | QPersistentModelIndex
ROLE_ITEM = Qt.ItemDataRole.UserRole + 1  # the CheckResult of an item row
_ROOT = QModelIndex()
COLUMNS = ("核查项", "", "审阅")  # the program's column is an icon, named in its tooltip


@dataclass(eq=False)
class _Group:
    group: str
    items: list[_Item] = field(default_factory=list)


@dataclass(eq=False)
class _Item:
    group: _Group
    row: int
    result: CheckResult


def _groups(results: tuple[CheckResult, ...]) -> list[_Group]:
    by_group: dict[str, _Group] = {}
    for r in results:
        g = by_group.setdefault(r.group, _Group(r.group))
        g.items.append(_Item(g, len(g.items), r))
    known = [by_group[g] for g in GROUP_ORDER if g in by_group]
    return known + [g for k, g in by_group.items() if k not in GROUP_ORDER]


class ChecklistModel(QAbstractItemModel):
    """Column 0 is checkable: ticked means the reviewer decided 符合. Writes go to the session."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session
        self._sha: str | None = None
        self._groups: list[_Group] = []
        session.review_changed.connect(self._review_changed)
        session.review_reloaded.connect(lambda: self._review_changed(self._sha) if self._sha else None)

    @property
    def report(self) -> str | None:
        return self._sha

    def set_report(self, sha256: str | None) -> None:
        self.beginResetModel()
        a = self._session.analysis(sha256) if sha256 else None
        self._sha = sha256 if a is not None else None
        self._groups = _groups(a.checklist) if a is not None else []
        self.endResetModel()

    def _review_changed(self, sha256: str) -> None:
        if sha256 != self._sha:
            return
        for gi, g in enumerate(self._groups):
            if g.items:
                parent = self.index(gi, 0)
                self.dataChanged.emit(self.index(0, 0, parent), self.index(len(g.items) - 1, len(COLUMNS) - 1, parent))

    def item_index(self, item_id: str) -> QModelIndex:
        for gi, g in enumerate(self._groups):
            for it in g.items:
                if it.result.id == item_id:
                    return self.index(it.row, 0, self.index(gi, 0))
        return QModelIndex()

    def result(self, index: Index) -> CheckResult | None:
        node = index.internalPointer() if index.isValid() else None
        return node.result if isinstance(node, _Item) else None

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if row < 0 or not 0 <= column < len(COLUMNS):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, self._groups[row]) if row < len(self._groups) else QModelIndex()
        node = parent.internalPointer()
        if isinstance(node, _Group) and parent.column() == 0 and row < len(node.items):
            return self.createIndex(row, column, node.items[row])
        return QModelIndex()

    def parent(self, index: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        node = index.internalPointer() if index.isValid() else None
        if isinstance(node, _Item):
            return self.createIndex(self._groups.index(node.group), 0, node.group)
        return QModelIndex()

    def rowCount(self, parent: Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self._groups)
        node = parent.internalPointer()
        return len(node.items) if isinstance(node, _Group) and parent.column() == 0 else 0

    def columnCount(self, parent: Index = _ROOT) -> int:
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section < len(COLUMNS):
            return self.tr(COLUMNS[section]) if COLUMNS[section] else ""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole and section == 1:
            return self.tr("程序判断")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        mine = self._sha is None or self._session.team.may_decide(self._sha)  # not another reviewer's report
        if isinstance(index.internalPointer(), _Item) and index.column() == 0 and mine:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = index.internalPointer() if index.isValid() else None
        if isinstance(node, _Group):
            return self._group_data(node, index.column(), role)
        if isinstance(node, _Item):
            return self._item_data(node.result, index.column(), role)
        return None

    def _group_data(self, g: _Group, column: int, role: int) -> Any:
        if column == 0 and role == Qt.ItemDataRole.DisplayRole:
            return group_name(g.group) + BRACKETS[lang()].format(len(g.items))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _item_data(self, r: CheckResult, column: int, role: int) -> Any:
        if role == ROLE_ITEM:
            return r
        dec = self._session.decision(self._sha, r.id) if self._sha else None
        decision = dec.decision if dec else "未定"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain.tip(self._tooltip(r, dec.comment if dec else ""))
        if column == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return item_name(r)
            if role == Qt.ItemDataRole.CheckStateRole:  # a carried 符合 half ticked: a click confirms it
                if decision == "符合":
                    return Qt.CheckState.PartiallyChecked if is_to_recheck(dec) else Qt.CheckState.Checked
                return Qt.CheckState.Unchecked
        elif column == 1:  # an icon only: the names keep the width (the tooltip says the status)
            if role == Qt.ItemDataRole.DecorationRole:
                return status_icon(r.status)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(STATUS_COLOURS.get(r.status, "#555555")))
        elif column == 2:
            if role == Qt.ItemDataRole.DisplayRole:
                mark = " ✎" if dec and dec.comment else ""
                stale = text(msg("review.to_recheck")) if is_to_recheck(dec) else ""
                waiting = self.tr("（未保存）") if self._sha and self._session.unsaved(self._sha, r.id) else ""
                shown = ("" if decision == "未定" else decision_name(decision)) + mark
                note = stale + waiting  # on a line of its own: the column is as wide as "不符合 ✎"
                return f"{shown}\n{note}" if shown and note else shown + note
            if role == Qt.ItemDataRole.DecorationRole and decision != "未定":
                return status_icon(decision)
        return None

    def _tooltip(self, r: CheckResult, comment: str) -> str:
        lines = [item_name(r), check_status_name(r.status) + COLON[lang()] + text(r.note)]
        if comment:
            lines.append(self.tr("审阅意见：{c}").format(c=comment))
        if self._sha and self._session.unsaved(self._sha, r.id):
            lines.append(self.tr("这项修改尚未写入审阅项目（已暂存在本机，会自动重试）"))
        dec = self._session.decision(self._sha, r.id) if self._sha else None
        if is_to_recheck(dec):
            lines.append(self.tr("此判断针对报告的旧版本，请复核"))
        return "\n".join(lines)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        r = self.result(index)
        if r is None or self._sha is None or role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked if isinstance(value, int | Qt.CheckState) else False
        self._session.set_decision(self._sha, r.id, "符合" if checked else "未定")
        return True

    def decide(self, index: Index, decision: Decision) -> None:
        r = self.result(index)
        if r is not None and self._sha is not None:
            self._session.set_decision(self._sha, r.id, decision)

    def toggle(self, index: Index) -> None:
        """Tick or untick an item row (Space)."""
        r = self.result(index)
        if r is None or self._sha is None:
            return
        dec = self._session.decision(self._sha, r.id)
        ticked = dec is not None and dec.decision == "符合" and not is_to_recheck(dec)  # a carried one is confirmed
        item = self.index(index.row(), 0, index.parent())
        self.setData(item, Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
