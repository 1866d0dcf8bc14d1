"""Qt tree model over the open reports: report → sections, with gap rows; a thin adapter."""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from reviewer.model import Analysis
from reviewer.outline_marks import gap_state, section_state
from reviewer.paths import distinct_names
from reviewer.review import gap_counts, parts_count
from ui import plain
from ui.coalesce import Coalesced
from ui.icons import AMBER, GREY, RED, status_icon
from ui.labels import decision_name, lang, part_name, status_name, text
from ui.reports.rows import Row, build_report_row, has_rows
from ui.session import Session
from ui.session_sync import report_label
from ui.text.spans import section_label

Index = QModelIndex | QPersistentModelIndex
ROLE_SHA = Qt.ItemDataRole.UserRole + 1
ROLE_START = Qt.ItemDataRole.UserRole + 2  # text offset of the row (sections), or -1
ROLE_KIND = Qt.ItemDataRole.UserRole + 3
ROLE_BADGE = Qt.ItemDataRole.UserRole + 4  # (checklist gaps, findings) of report rows
ROLE_STATUS = Qt.ItemDataRole.UserRole + 5  # 未审/审阅中/通过/需修改 (report rows)
ROLE_FILE = Qt.ItemDataRole.UserRole + 6  # the report's path (report rows)
ROLE_MINE = Qt.ItemDataRole.UserRole + 7  # assigned to this window's reviewer (a shared project)
_ROOT = QModelIndex()
TIP_CHARS = 300
ROWS_MS = 150
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # asked of every row at each layout


_MARK_ROLES = frozenset({Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.DecorationRole})
_GAP_ROLES = frozenset({*_MARK_ROLES, Qt.ItemDataRole.DisplayRole})


def _italic() -> QFont:
    font = QFont()
    font.setItalic(True)
    return font


class ReportsModel(QAbstractItemModel):
    """One column; rows are ``Row`` objects rebuilt whenever the session's reports change."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session
        self._roots: list[Row] = []
        self._position: dict[str, int] = {}
        self._built: dict[str, tuple[object, ...]] = {}  # report → what its shown rows were made of
        self._told_apart: dict[str, str] | None = None  # report → its file told apart (see ``_apart``)
        self._shared: set[str] | None = None  # labels two reports bear (see ``_labels_shared``)
        self._labels: Counter[str] = Counter()
        session.reports_changed.connect(self.reload)
        # Rows of a folder opening arrive some forty times: after the first, they are put in at most
        # every ROWS_MS (each insertion lays the tree out and paints it, a stall of the window).
        self._added_later = Coalesced(self._added, self, ROWS_MS)
        session.reports_added.connect(lambda _n: self._added() if not self._roots else self._added_later.request())
        session.review_changed.connect(self._report_changed)
        session.analysis_changed.connect(self._analysis_changed)
        session.review_reloaded.connect(self._all_reviews_changed)
        session.team_changed.connect(self._team_changed)
        self.reload()

    def _apart(self, sha256: str) -> str:
        """The report's file as the workbook names it (和平区/报告.txt beside 河西区/报告.txt:
        ``paths.distinct_names``), worked out once for all reports until they change."""
        if self._told_apart is None:
            analyses = self._session.analyses()
            names = distinct_names([a.file for a in analyses])
            self._told_apart = {a.sha256: n for a, n in zip(analyses, names, strict=True)}
        return self._told_apart.get(sha256, "")

    def _labels_shared(self) -> set[str]:
        """Report labels (unit · year) borne by more than one report: such rows name their file too."""
        if self._shared is None:
            self._shared = {label for label, n in self._labels.items() if n > 1}
        return self._shared

    def _count_labels(self, analyses: list[Analysis], fresh: bool) -> None:
        """The labels counted again (``fresh``), or those of reports just added counted in: not every
        report's again each time rows arrive while a folder opens."""
        if fresh:
            self._labels.clear()
        self._labels.update(report_label(a) for a in analyses)
        self._told_apart, self._shared = None, None

    def reload(self) -> None:
        self._added_later.cancel()
        analyses = self._session.analyses()
        self._count_labels(analyses, fresh=True)
        shas = [a.sha256 for a in analyses]
        if len(shas) == len(self._roots) and set(shas) == set(self._position):
            self._reorder(shas)
            self._refresh(analyses)
            return
        self.beginResetModel()
        self._roots = [Row("report", a.sha256, filled=False) for a in analyses]
        self._position = {r.report: i for i, r in enumerate(self._roots)}
        self._built.clear()
        self.endResetModel()

    def _reorder(self, shas: list[str]) -> None:
        """The same reports in another order (as they arrived → project order): rows moved, not made
        again, so what is open and selected stays so."""
        if shas == [r.report for r in self._roots]:
            return
        self.layoutAboutToBeChanged.emit()
        by_sha = {r.report: r for r in self._roots}
        self._roots = [by_sha[s] for s in shas]
        self._position = {s: i for i, s in enumerate(shas)}
        before = self.persistentIndexList()
        self.changePersistentIndexList(before, [self._moved(idx) for idx in before])
        self.layoutChanged.emit()

    def _moved(self, index: QModelIndex) -> QModelIndex:
        """Where a row is after ``_reorder``: a report row at its new place, a section row unmoved."""
        node = self.row_of(index)
        if node is None:
            return QModelIndex()
        row = self._position[node.report] if node.parent is None else node.row_in_parent()
        return self.createIndex(row, index.column(), node)

    def _refresh(self, analyses: list[Analysis]) -> None:
        """The same reports in the same order (a job ended, adding findings over the whole project):
        the rows stay, with what the reviewer opened and selected; a report's rows are made again
        only where its sections or parts changed, and every count is drawn again."""
        for a in analyses:
            if (built := self._built.get(a.sha256)) is not None and built != self._inputs(a):
                self._analysis_changed(a.sha256)
        if self._roots:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._roots) - 1, 0))

    def _inputs(self, a: Analysis) -> tuple[object, ...]:
        """What a report's rows are made of (``build_report_row``)."""
        return (a.sections, a.parts, a.sha256 not in self._session.reading)

    def _added(self) -> None:
        """Reports appended at the end, without resetting what the reviewer has open."""
        analyses = self._session.analyses()
        first = len(self._roots)
        new = analyses[first:]
        self._count_labels(new, fresh=False)
        if not new:
            return
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        self._roots += [Row("report", a.sha256, filled=False) for a in new]
        self._position = {r.report: i for i, r in enumerate(self._roots)}
        self.endInsertRows()

    def _report_changed(self, sha256: str) -> None:
        idx = self.report_index(sha256)
        if idx.isValid():
            self.dataChanged.emit(idx, idx)
            self._children_changed(idx)

    def _children_changed(self, idx: QModelIndex) -> None:
        """A report's rows drawn again: a gap row says what the reviewer judged of its part."""
        node = self.row_of(idx)
        if node is not None and node.filled and node.children:
            self.dataChanged.emit(self.index(0, 0, idx), self.index(len(node.children) - 1, 0, idx))

    def _all_reviews_changed(self) -> None:
        """Every report's decisions read anew: the rows repainted."""
        if self._roots:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._roots) - 1, 0))
            for i, node in enumerate(self._roots):  # only reports whose rows were made (opened)
                if node.filled and node.children:
                    self._children_changed(self.index(i, 0))

    def _analysis_changed(self, sha256: str) -> None:
        """A report analysed anew (a scan's next pages read): its section rows made again if they were shown."""
        self._count_labels(self._session.analyses(), fresh=True)
        idx = self.report_index(sha256)
        node = self.row_of(idx)
        if node is None:
            return
        if node.filled and node.children:
            self.beginRemoveRows(idx, 0, len(node.children) - 1)
            node.children = []
            self.endRemoveRows()
        if node.filled:
            node.filled = False
            self.fetchMore(idx)
        self.dataChanged.emit(idx, idx)

    @property
    def session(self) -> Session:
        return self._session

    def _team_changed(self) -> None:
        if self._roots:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._roots) - 1, 0))

    def report_index(self, sha256: str) -> QModelIndex:
        i = self._position.get(sha256)
        return self.index(i, 0) if i is not None else QModelIndex()

    def row_of(self, index: Index) -> Row | None:
        ptr = index.internalPointer() if index.isValid() else None
        return ptr if isinstance(ptr, Row) else None

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        siblings = self._children(parent)
        if row >= len(siblings):
            return QModelIndex()
        return self.createIndex(row, 0, siblings[row])

    def _children(self, parent: Index) -> list[Row]:
        if not parent.isValid():
            return self._roots
        node = self.row_of(parent)
        return node.children if node is not None else []

    # A report's section rows are made when the tree first expands it (Qt's fetchMore): a reopened
    # project of 1000 reports would otherwise build 20 000 rows before the window is usable.
    def canFetchMore(self, parent: Index) -> bool:
        node = self.row_of(parent)
        return node is not None and not node.filled

    def fetchMore(self, parent: Index) -> None:
        node = self.row_of(parent)
        a = self._session.analysis(node.report) if node is not None and not node.filled else None
        if node is None or a is None:
            return
        children = build_report_row(a, gaps=node.report not in self._session.reading).children
        self._built[node.report] = self._inputs(a)
        for child in children:
            child.parent = node
        if children:
            self.beginInsertRows(parent, 0, len(children) - 1)
            node.children = children
            self.endInsertRows()
        node.filled = True

    def hasChildren(self, parent: Index = _ROOT) -> bool:
        node = self.row_of(parent)
        if node is not None and not node.filled:
            a = self._session.analysis(node.report)
            return a is not None and has_rows(a)
        return self.rowCount(parent) > 0

    def parent(self, index: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        node = self.row_of(index)
        if node is None or node.parent is None:
            return QModelIndex()
        up = node.parent
        row = self._position[up.report] if up.parent is None else up.row_in_parent()
        return self.createIndex(row, 0, up)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children(parent))

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ROW_FLAGS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section == 0:
            return self.tr("报告")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.row_of(index)
        if node is None:
            return None
        if role == ROLE_SHA:
            return node.report
        if role == ROLE_KIND:
            return node.kind
        if role == ROLE_START:
            return node.start if node.start is not None else -1
        if node.kind == "report":
            return self._report_data(node, role)
        if node.kind == "gap":
            return self._gap_data(node, role)
        return self._section_data(node, role)

    def _report_data(self, node: Row, role: int) -> Any:
        a = self._session.analysis(node.report)
        if a is None:
            return None
        changed = node.report in self._session.changed_on_disk
        if role == Qt.ItemDataRole.DisplayRole:
            label = report_label(a)
            if label in self._labels_shared():  # two reports of one unit and year: which file is which
                label += self.tr("（{file}）").format(file=self._apart(a.sha256))
            label += self.tr("（已更改）") if changed else ""  # the tooltip says what to do
            if (reading := self._session.reading.get(node.report)) is not None:
                label += self.tr("（识别中 {done}/{total} 页）").format(done=reading[0], total=reading[1])
            return label
        rv = self._session.review(node.report)  # worked out once, in the session
        if rv is None:
            return None
        if role == ROLE_STATUS:
            return rv.status
        if role == ROLE_MINE:
            return self._session.team.mine(node.report)
        if role == ROLE_BADGE:  # a scan half read lacks its later parts only because they are not read yet
            return (rv.gaps, rv.findings) if node.report not in self._session.reading else None
        if role == Qt.ItemDataRole.DecorationRole:
            return status_icon(rv.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.tr("{name}\n状态：{status}　已核 {done}/{total}　必备部分 {parts}\n"
                          "{gaps}；问题 {findings} 处").format(
                name=self._apart(a.sha256), status=status_name(rv.status), done=rv.decided, total=rv.items,
                parts=parts_count(rv, lang()), gaps=gap_counts(rv, lang()), findings=rv.findings)
            if changed:
                tip += self.tr("\n源文件已更改：可用“审阅 → 重新导入已更改的报告”读入新版本")
            if names := self._session.team.assignees(node.report):
                tip += self.tr("\n分配给：{names}").format(names="、".join(names))
            return plain.tip(tip)
        if role == ROLE_FILE:
            return a.file
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _gap_data(self, node: Row, role: int) -> Any:
        """A part the program found lacking, as the reviewer judged it (``review.parts_judged``): one
        judged present (符合) or not required (不适用) says so, in grey, and is no longer a gap."""
        if role not in _GAP_ROLES:
            return None if role != Qt.ItemDataRole.FontRole else _italic()
        name = part_name(node.part or "")
        state = self._judged(node)
        if role == Qt.ItemDataRole.DisplayRole:
            if state in ("found", "not_applicable"):
                decided = decision_name("符合" if state == "found" else "不适用")
                return self.tr("{part}（审阅认定{decision}）").format(part=name, decision=decided)
            if state == "failed":
                return self.tr("不符合：{part}").format(part=name)
            return (self.tr("缺：{part}") if state == "missing" else self.tr("部分具备：{part}")).format(part=name)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor({"missing": RED, "failed": RED, "partial": AMBER}.get(state, GREY)))
        if role == Qt.ItemDataRole.DecorationRole:
            icon = {"found": "符合", "not_applicable": "不适用", "failed": "不符合"}.get(state, state or "missing")
            return status_icon(icon)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain.tip(text(node.note) if node.note is not None else name)
        return None

    def _section_data(self, node: Row, role: int) -> Any:
        s = node.section
        if s is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return section_label(s)
        marked = node.part is not None and role in _MARK_ROLES  # a part's section, as the reviewer judged it
        state = self._section_state(node) if marked else None
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = s.heading.strip()[:TIP_CHARS]
            if state == "partial" and node.note is not None:
                tip = self.tr("{heading}\n部分具备：{note}").format(heading=tip, note=text(node.note))
            elif state == "failed":
                tip = self.tr("{heading}\n审阅认定不符合").format(heading=tip)
            return plain.tip(tip)
        if role == Qt.ItemDataRole.ForegroundRole and state in ("partial", "failed"):
            return QBrush(QColor(AMBER if state == "partial" else RED))
        if role == Qt.ItemDataRole.DecorationRole and state in ("partial", "failed"):
            return status_icon("partial" if state == "partial" else "不符合")
        return None

    def _section_state(self, node: Row) -> str | None:
        """The section's mark (``outline_marks.section_state``), from the review worked out once in the session."""
        a = self._session.analysis(node.report)
        rv = self._session.review(node.report)
        if a is None or rv is None or node.section is None:
            return node.part_state
        return section_state(a, dict(rv.parts), node.section.id)

    def _judged(self, node: Row) -> str:
        """The gap row's part as the reviewer judged it (``outline_marks.gap_state``), from the review
        worked out once in the session."""
        rv = self._session.review(node.report)
        if rv is None:
            return node.part_state or ""
        return gap_state(dict(rv.parts), node.part or "")
