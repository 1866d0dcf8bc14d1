"""The reports pane: filter box, status filter and the report → section tree with gap badges."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, QPersistentModelIndex, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFontMetrics, QKeyEvent, QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reviewer.vocab import TONES
from ui.labels import REPORT_STATUSES, elided_report_label, status_name
from ui.reports.empty import FilteredOut
from ui.reports.filter import ReportsFilter
from ui.reports.model import ROLE_BADGE, ROLE_KIND, ROLE_SHA, ROLE_START, ReportsModel

GAPS_COLOUR = TONES["bad"].ink  # items the program found missing or partial: the 核查清单's red
FINDINGS_COLOUR = TONES["partial"].ink  # findings: what the 问题 tab lists


def badge_texts(gaps: int, findings: int) -> list[tuple[str, str]]:
    """(text, colour) of the pills at a report row's right edge; none for a zero count."""
    out = []
    if gaps:
        out.append((QCoreApplication.translate("badges", "缺{n}").format(n=gaps), GAPS_COLOUR))
    if findings:
        out.append((QCoreApplication.translate("badges", "问{n}").format(n=findings), FINDINGS_COLOUR))
    return out


class BadgeDelegate(QStyledItemDelegate):
    """Paints a report's counts as labelled pills at the row's right edge: 缺 (checklist items
    missing or partial, as in the 核查清单) and 问 (findings, as in the 问题 tab)."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        """A report's label that does not fit loses the end of the unit's name, never its year
        (eliding in the middle made 津南区人民政府 · 2021 read 津南区…021)."""
        super().initStyleOption(option, index)
        if " · " not in option.text:
            return
        style = option.widget.style() if option.widget is not None else QApplication.style()
        text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, option.widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, option.widget) + 1
        room = text.width() - 2 * margin - 1  # as the style lays the text out in that rectangle
        option.text = elided_report_label(QFontMetrics(option.font), option.text, room)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        counts = index.data(ROLE_BADGE)
        pills = badge_texts(*counts) if isinstance(counts, tuple) else []
        if not pills:
            super().paint(painter, option, index)
            return
        fm = option.fontMetrics
        widths = [fm.horizontalAdvance(t) + 10 for t, _ in pills]
        rect = option.rect
        opt = QStyleOptionViewItem(option)
        opt.rect = rect.adjusted(0, 0, -(sum(widths) + 4 * len(pills) + 4), 0)
        super().paint(painter, opt, index)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        x = rect.right() - 4
        for (text, colour), width in zip(reversed(pills), reversed(widths), strict=True):
            pill = QRectF(x - width, rect.center().y() - fm.height() / 2, width, fm.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
            painter.setPen(QColor("white"))
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
            x -= width + 4
        painter.restore()


class ReportsTree(QTreeView):
    """Delete asks to remove the selected reports from the project. ``by_hand`` is true while a mouse
    or key event of the reviewer's is handled (a row opened then is opened by hand)."""

    delete_pressed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.by_hand = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self.delete_pressed.emit()
            event.accept()
            return
        with self._handling():
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        with self._handling():
            super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        idx = self.indexAt(event.position().toPoint())
        # A report row opens as it is selected (the first click): the double click leaves it open.
        self.setExpandsOnDoubleClick(not idx.isValid() or idx.parent().isValid())
        try:
            with self._handling():
                super().mouseDoubleClickEvent(event)
        finally:
            self.setExpandsOnDoubleClick(True)

    @contextmanager
    def _handling(self) -> Iterator[None]:
        """``by_hand`` while one of the reviewer's events is handled."""
        self.by_hand = True
        try:
            yield
        finally:
            self.by_hand = False


class ReportsPanel(QWidget):
    """Signals: report_selected(sha256), position_requested(sha256, offset),
    remove_requested(list of sha256)."""

    report_selected = Signal(str)
    position_requested = Signal(str, int)
    remove_requested = Signal(list)

    def __init__(self, model: ReportsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = ReportsFilter()
        self.proxy.setSourceModel(model)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("按单位或文件名筛选"))
        self.filter_edit.setClearButtonEnabled(True)
        self.scope_box = QComboBox()  # a shared project only: the reports assigned to me, or all
        self.scope_box.addItem(self.tr("全部报告"), False)
        self.scope_box.addItem(self.tr("我的报告"), True)
        self.scope_box.setToolTip(self.tr("只看分配给我的报告，或看项目中的全部报告（分配给我的排在前面）"))
        self.scope_box.hide()
        self._scoped = False  # set once "我的报告" was chosen for the reviewer when assignments arrived
        self.status_box = QComboBox()
        self.status_box.addItem(self.tr("全部状态"), "")
        for status in REPORT_STATUSES:
            self.status_box.addItem(status_name(status), status)
        self.tree = ReportsTree()
        self.tree.setModel(self.proxy)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.remove_action = QAction(self.tr("从项目中移除…"), self.tree)
        self.tree.addAction(self.remove_action)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setItemDelegate(BadgeDelegate(self.tree))
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a long unit name keeps its year in view
        # The report the tree opened itself when it was selected (folded again when another is), and the
        # reports the reviewer opened by hand (left open).
        self._opened: str | None = None
        self._by_hand: set[str] = set()
        self._folding = False
        self.legend = QLabel(self.tr("缺：程序判断缺失或部分具备的核查项\n问：问题（见“问题”页）"))
        self.legend.setObjectName("legend")
        self.legend.setWordWrap(True)
        self.filtered_out = FilteredOut(model, self.proxy)
        self._layout()
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.status_box.currentIndexChanged.connect(lambda _i: self.proxy.set_status(self.status_box.currentData()))
        self.scope_box.currentIndexChanged.connect(
            lambda _i: self.proxy.set_mine_only(bool(self.scope_box.currentData())))
        for changed in (self.filter_edit.textChanged, self.status_box.currentIndexChanged,
                        self.scope_box.currentIndexChanged):  # after the filter: the report still listed stays
            changed.connect(lambda _v: self.proxy.pin(self.current_report() or ""))
        # 我的报告 chosen (by itself when assignments arrive): one of them opens if the report shown is not
        # (a reviewer's window opened blank on a project with reports: found by a helper session)
        self.scope_box.currentIndexChanged.connect(lambda _i: self._select_first(unless_shown=True))
        self.model.session.team_changed.connect(self._team_changed)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.delete_pressed.connect(lambda: self.remove_requested.emit(self.selected_reports()))
        self.remove_action.triggered.connect(lambda: self.remove_requested.emit(self.selected_reports()))
        self.model.modelReset.connect(self._after_reset)
        self.tree.expanded.connect(lambda idx: self._hand(idx, True))
        self.tree.collapsed.connect(lambda idx: self._hand(idx, False))
        self.filtered_out.clear.clicked.connect(self.clear_filters)

    def _layout(self) -> None:
        self._filters = QGridLayout()
        self._filters.setContentsMargins(0, 0, 0, 0)
        self._filters.setColumnStretch(0, 1)
        self._place_filters(shared=False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 0, 4)
        lay.addLayout(self._filters)
        lay.addWidget(self.filtered_out)
        lay.addWidget(self.tree, 1)
        lay.addWidget(self.legend)

    def _place_filters(self, shared: bool) -> None:
        """The filter keeps a row of its own when the 我的报告/全部报告 box joins (it was cut to 按单位或文…)."""
        grid = self._filters
        for w in (self.filter_edit, self.scope_box, self.status_box):
            grid.removeWidget(w)
        if shared:
            grid.addWidget(self.filter_edit, 0, 0, 1, 2)
            grid.addWidget(self.scope_box, 1, 0)
            grid.addWidget(self.status_box, 1, 1)
        else:
            grid.addWidget(self.filter_edit, 0, 0)
            grid.addWidget(self.status_box, 0, 1)

    def filters(self) -> tuple[str, str, bool]:
        """The filter text, the status filter ("" for all) and whether 全部报告 was chosen by hand over
        the reviewer's own reports."""
        everyone = self.model.session.team.shared and self._scoped and self.scope_box.currentIndex() == 0
        return self.filter_edit.text(), str(self.status_box.currentData() or ""), everyone

    def set_filters(self, text: str, status: str, everyone: bool, keep: str = "") -> None:
        """Filter the list as ``filters`` said; ``keep``: a report listed whatever the filters (the one
        the project was left on: its status may have changed since, out of the status filter)."""
        self.filter_edit.setText(text)
        self.status_box.setCurrentIndex(max(self.status_box.findData(status), 0))
        if everyone:
            self._scoped = True  # not switched to 我的报告 when the assignments arrive
            self.scope_box.setCurrentIndex(0)
        if keep:
            self.proxy.pin(keep)

    def clear_filters(self) -> None:
        """Every report listed: no text, 全部状态, 全部报告."""
        self.set_filters("", "", everyone=False)
        self.scope_box.setCurrentIndex(0)

    def _team_changed(self) -> None:
        """On a shared project the reviewer's own reports come first, and can be shown alone."""
        team = self.model.session.team
        self.scope_box.setVisible(team.shared)
        self._place_filters(team.shared)
        if team.shared and any(team.mine(s) for s in team.assigned):
            self.proxy.sort(0)
            if self.scope_box.currentIndex() == 0 and not self._scoped:
                self._scoped = True  # the first time assignments arrive: start with my reports
                self.scope_box.setCurrentIndex(1)
        else:
            self.proxy.sort(-1)  # the project's order
            if not team.shared:
                self.scope_box.setCurrentIndex(0)
                self._scoped = False

    def _after_reset(self) -> None:
        self._opened, self._by_hand = None, set()
        if self.proxy.rowCount() and not self.tree.currentIndex().isValid():
            # a reset leaves every row collapsed; open the first report until one is selected
            self._open(self.proxy.index(0, 0))

    def _hand(self, idx: QModelIndex, opened: bool) -> None:
        """A report row opened or folded by the reviewer (not by the selection following a report)."""
        if self._folding or not self.tree.by_hand or idx.parent().isValid():
            return
        sha = str(idx.data(ROLE_SHA))
        if opened:
            self._by_hand.add(sha)
        else:
            self._by_hand.discard(sha)
        if self._opened == sha:
            self._opened = None

    def _open(self, idx: QModelIndex) -> None:
        """Open the report row ``idx`` (folding the one opened for the report selected before)."""
        sha = str(idx.data(ROLE_SHA))
        self._folding = True
        try:
            if self._opened is not None and self._opened != sha and self._opened not in self._by_hand:
                left = self.proxy.mapFromSource(self.model.report_index(self._opened))
                if left.isValid():
                    self.tree.collapse(left)  # a report left behind folds away: the tree never becomes a wall
            if not self.tree.isExpanded(idx):
                self.tree.expand(idx)
        finally:
            self._folding = False
        self._opened = None if sha in self._by_hand else sha

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        report = current
        while report.parent().isValid():
            report = report.parent()
        if str(report.data(ROLE_SHA)) != self._opened:
            self._open(report)
        sha = str(current.data(ROLE_SHA))
        self.proxy.pin(sha)
        self.report_selected.emit(sha)
        start = current.data(ROLE_START)
        if current.data(ROLE_KIND) == "section" and isinstance(start, int) and start >= 0:
            self.position_requested.emit(sha, start)

    def selected_reports(self) -> list[str]:
        """The reports of the selected rows (a section row stands for its report), in tree order."""
        rows = sorted(self.tree.selectionModel().selectedRows(), key=lambda i: (i.parent().row(), i.row()))
        shas = [str(i.data(ROLE_SHA)) for i in rows]
        if not shas and (current := self.current_report()):
            shas = [current]
        return list(dict.fromkeys(shas))

    def _select(self, idx: QModelIndex) -> None:
        """Make ``idx`` the one current, selected row. (``setCurrentIndex`` would read the keyboard's
        modifiers at that moment: with Ctrl held it toggles, adding to the selection.)"""
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.tree.selectionModel().setCurrentIndex(idx, flags)

    def visible_reports(self) -> list[str]:
        """The reports the filter lets through, in tree order."""
        return [str(self.proxy.index(r, 0).data(ROLE_SHA)) for r in range(self.proxy.rowCount())]

    def neighbour(self, removed: Sequence[str]) -> str | None:
        """The report to show once ``removed`` leave the list: the next one shown after the last of
        them, else the one before the first."""
        shown, gone = self.visible_reports(), set(removed)
        at = [i for i, s in enumerate(shown) if s in gone]
        if not at:
            return None
        after = [s for s in shown[at[-1] + 1:] if s not in gone]
        before = [s for s in shown[: at[0]] if s not in gone]
        return after[0] if after else (before[-1] if before else None)

    def current_report(self) -> str | None:
        idx = self.tree.currentIndex()
        return str(idx.data(ROLE_SHA)) if idx.isValid() else None

    def reveal(self, shas: Sequence[str]) -> None:
        """All reports listed if 我的报告 hides one of ``shas`` (a reviewer's own import of a report nobody
        is assigned was said to be opened, and was nowhere to be seen: found by a helper session)."""
        if self.scope_box.currentIndex() != 0 and any(
                not self.proxy.mapFromSource(self.model.report_index(s)).isValid() for s in shas):
            self.scope_box.setCurrentIndex(0)  # 全部报告

    def select_report(self, sha256: str, or_first: bool = False) -> None:
        """Open the report's row; ``or_first``: the first listed if the filter hides that one."""
        idx = self.proxy.mapFromSource(self.model.report_index(sha256))
        if idx.isValid():
            self._select(idx)
            self.tree.scrollTo(idx)
        elif or_first:
            self._select_first()

    def _select_first(self, unless_shown: bool = False) -> None:
        if self.proxy.rowCount() and not (unless_shown and self.current_report()):
            self._select(self.proxy.index(0, 0))

    def step_report(self, delta: int) -> None:
        """Select the next (+1) or previous (-1) visible report."""
        rows = self.proxy.rowCount()
        if rows == 0:
            return
        cur = self.tree.currentIndex()
        while cur.isValid() and cur.parent().isValid():
            cur = cur.parent()
        row = (cur.row() + delta) if cur.isValid() else 0
        row = min(max(row, 0), rows - 1)
        idx = self.proxy.index(row, 0)
        self._select(idx)  # opens it, and folds the report left (see _open)
        self.tree.scrollTo(idx)

    def section_index(self, sha256: str, section_id: str) -> QModelIndex:
        """The proxy index of a section row (for tests and navigation)."""
        start = self.proxy.mapFromSource(self.model.report_index(sha256))
        stack = [start]
        while stack:
            idx = stack.pop()
            if self.proxy.canFetchMore(idx):
                self.proxy.fetchMore(idx)
            row = self.model.row_of(self.proxy.mapToSource(idx))
            if row is not None and row.section is not None and row.section.id == section_id:
                return idx
            stack.extend(self.proxy.index(r, 0, idx) for r in range(self.proxy.rowCount(idx)))
        return QModelIndex()
