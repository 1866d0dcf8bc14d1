"""The 往年对比 tab beside 数据指标 and 问题: which report of last year, how much is copied, what moved,
and last year's plans — each with the passage of this year's text, one click away."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reviewer.lastyear_model import PreviousYear
from reviewer.messages import msg
from reviewer.model import Analysis
from reviewer.pairing import same_unit, unit_key
from reviewer.paths import readable_name, report_label
from reviewer.store_lastyear import AUTO
from reviewer.vocab import PART_SHORT
from ui.columns import fit_columns
from ui.labels import lang
from ui.lastyear.models import FiguresModel, PlanModel
from ui.metrics.model import ROLE_SPAN, TableFilter
from ui.session import Session
from ui.text.spans import COPIED_INK

# Short names of the parts: the whole names (党政主要负责人履行第一责任人职责情况) fill the line.


def percent(share: float | None) -> str:
    return "—" if share is None else f"{100 * share:.0f}%"


def _table(model: FiguresModel | PlanModel) -> tuple[QTableView, TableFilter]:
    proxy = TableFilter()
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)
    view.verticalHeader().setDefaultSectionSize(24)
    view.verticalHeader().hide()
    return view, proxy


class LastYearPanel(QWidget):
    """Signals: span_activated(start, end) — show this year's passage; library_requested(); refreshed()."""

    span_activated = Signal(int, int)
    library_requested = Signal()
    refreshed = Signal()  # another report shown, or the same compared anew: the tab's title may change

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.state = session.lastyear
        self.sha: str | None = None
        self.library_action: QAction | None = None  # 工具 → 往年报告库… (set by the window's wiring)
        self.pairing = QComboBox()
        self.pairing.setMinimumContentsLength(24)
        self.pairing.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._pairing_tip = self.tr("与哪一份上一年度报告对比：默认按报告单位和年度自动配对，可在此更正")
        self.pairing.setToolTip(self._pairing_tip)
        library = self.library_button = QPushButton(self.tr("往年报告库…"))
        library.setToolTip(self.tr("指定去年的审阅项目或报告文件夹，作为往年报告的来源"))
        library.clicked.connect(self.library_requested)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.figures = FiguresModel()
        self.plan = PlanModel()
        self.figures_view, _ = _table(self.figures)
        self.plan_view, _ = _table(self.plan)
        self.inner = QTabWidget()
        self.inner.setDocumentMode(True)
        self.inner.addTab(self.plan_view, self.tr("上年安排"))
        self.inner.addTab(self.figures_view, self.tr("数据变化"))
        self._layout(library)
        self._wire()
        fit_columns(self.figures_view.horizontalHeader(), self.fontMetrics(), 0,
                    {1: ["计量单位"], 2: ["12,345件"], 3: ["12,345件"], 4: ["+12.5 个百分点"], 5: ["+901.8%"]})
        fit_columns(self.plan_view.horizontalHeader(), self.fontMetrics(), 3,
                    {1: ["以落实第一责任人职责为抓手"], 2: ["○ 未提及"]})
        self.set_report(None)

    def _layout(self, library: QPushButton) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("上一年度报告：")))
        top.addWidget(self.pairing, 1)
        top.addWidget(library)
        legend = QLabel(self.tr("紫色文字：与上年重复"))
        legend.setToolTip(self.tr("正文中紫色的段落和句子与上一年度报告相同或高度相似"))
        legend.setStyleSheet(f"color: {COPIED_INK}; padding-right: 4px;")
        self.inner.setCornerWidget(legend, Qt.Corner.TopRightCorner)  # beside the tabs, where room is
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        lay.addWidget(self.summary)
        lay.addWidget(self.inner, 1)

    def _wire(self) -> None:
        self.pairing.activated.connect(self._pairing_chosen)
        self.plan.tick_changed.connect(self._ticked)
        for view in (self.figures_view, self.plan_view):
            view.clicked.connect(self._activated)
            view.activated.connect(self._activated)
            view.selectionModel().currentChanged.connect(lambda cur, _prev: self._activated(cur))
        self.state.changed.connect(lambda sha: self.set_report(sha) if sha == self.sha else None)
        self.state.library_changed.connect(lambda: self.set_report(self.sha))
        self.session.team_changed.connect(lambda: self.set_report(self.sha))  # who may change what, anew

    # -- showing one report ----------------------------------------------------
    def set_report(self, sha256: str | None) -> None:
        a = self.session.analysis(sha256) if sha256 is not None else None
        self.sha = sha256 if a is not None else None
        py = a.previous_year if a is not None else None
        self._fill_pairing(a)
        self.figures.set_previous(py)
        ticks = {k[1]: t.kept for k, t in self.state.ticks().items() if k[0] == self.sha}
        mine = a is None or self.session.team.may_decide(a.sha256)
        self.plan.set_previous(py, a.text if a is not None else "", ticks, editable=mine)
        self.summary.setText(self._summary(a, py))
        n_jumps = py.jumps if py is not None else 0
        self.inner.setTabText(0, self.tr("上年安排 ({k}/{n} 已报告)").format(k=py.reported if py else 0,
                                                                         n=len(py.plan) if py else 0))
        self.inner.setTabText(1, self.tr("数据变化 ({n}，异常 {j})").format(n=len(py.figures) if py else 0, j=n_jumps))
        # another reviewer's report on a shared project: shown, not offered (the server refused, and the
        # tick stayed though the window said the server's record was back: found by a helper session)
        self.pairing.setEnabled(a is not None and mine)
        self.pairing.setToolTip(self._pairing_tip if mine or a is None else
                                msg("sync.not_mine_lastyear", names="、".join(self.session.team.assignees(a.sha256)))
                                .render(lang()))
        self.refreshed.emit()

    def set_library_allowed(self, allowed: bool) -> None:
        """On a shared project the library is the lead's: a reviewer is told so, not refused after choosing."""
        tip = self.tr("指定去年的审阅项目或报告文件夹，作为往年报告的来源") if allowed else \
            msg("sync.lead_only_library").render(lang())
        for control in (self.library_button, self.library_action):
            if control is not None:
                control.setEnabled(allowed)
                control.setToolTip(tip)

    def tab_title(self) -> str:
        a = self.session.analysis(self.sha) if self.sha else None
        py = a.previous_year if a is not None else None
        if py is None:
            return self.tr("往年对比")
        return self.tr("往年对比 ({p})").format(p=percent(py.copied.share))

    def _summary(self, a: Analysis | None, py: PreviousYear | None) -> str:
        if a is None:
            return self.tr("未选择报告")
        errors = "；".join(self.state.errors())
        if py is None:
            year = a.meta.report_year
            want = self.tr("{y} 年度").format(y=year - 1) if year else self.tr("前一年度")
            text = self.tr("未与往年报告对比：没有找到同一单位 {want}的报告。可在上方选择，"
                           "或在“往年报告库”中指定去年的审阅项目或报告文件夹。").format(want=want)
            return text + (f"\n{errors}" if errors else "")
        parts = " · ".join(f"{PART_SHORT.label(p, lang())} {percent(py.parts[p].share)}" for p in PART_SHORT
                           if p in py.parts)
        text = self.tr("与上年重复 {all}（{parts}）").format(all=percent(py.copied.share), parts=parts)
        theirs, mine = unit_key(py.issuer), unit_key(a.meta.issuer)
        if theirs and mine and not same_unit(theirs, mine):  # a pairing made by hand, most likely
            text = self.tr("注意：所选的上一年度报告是另一单位的（{unit}）").format(
                unit=py.issuer or readable_name(py.file)) + "\n" + text
        # the counts of figures, jumps and plan items stand in the tabs' titles below: a second line
        # saying them again left the tables two rows at 1366×768 (a helper session)
        return text + (f"\n{errors}" if errors else "")

    def _fill_pairing(self, a: Analysis | None) -> None:
        box = self.pairing
        box.blockSignals(True)
        box.clear()
        if a is None:
            box.blockSignals(False)
            return
        fix = self.state.fix(a.sha256)
        py = a.previous_year
        if fix is None:  # what is shown is the automatic pairing
            auto = self._name(py.file, py.issuer, py.year) if py is not None else None
        else:  # the reviewer chose another: say what choosing 自动 again would give
            found = self.state.automatic(a.sha256)
            auto = self._name(found.file, found.meta.issuer, found.meta.report_year) if found is not None else None
        box.addItem(self.tr("自动配对：{r}").format(r=auto or self.tr("未找到")), AUTO)
        box.addItem(self.tr("不与往年对比"), "")
        box.insertSeparator(box.count())
        in_project = {x.sha256 for x in self.session.analyses()}
        for c in self.state.candidates(a.sha256):
            where = "" if c.sha256 in in_project else self.tr("（往年报告库）")
            box.addItem(self._name(c.file, c.meta.issuer, c.meta.report_year) + where, c.sha256)
        chosen = AUTO if fix is None else fix.previous
        if box.findData(chosen) < 0 and py is not None and py.sha256 == chosen:  # another year, chosen by hand
            box.addItem(self._name(py.file, py.issuer, py.year), py.sha256)
        if box.findData(chosen) < 0 and chosen:  # the report chosen by hand is gone (the library changed):
            gone = self.tr("所选的报告已不在项目或往年报告库中，按自动配对：{r}")  # said, not shown as 自动 alone
            box.addItem(gone.format(r=auto or self.tr("未找到")), chosen)
        box.setCurrentIndex(max(box.findData(chosen), 0))
        box.blockSignals(False)

    def _name(self, file: str, issuer: str | None, year: int | None) -> str:
        return f"{report_label(file, issuer, year)} — {readable_name(file)}"

    # -- the reviewer's doing ----------------------------------------------------
    def _pairing_chosen(self, index: int) -> None:
        if self.sha is None:
            return
        data = self.pairing.itemData(index)
        self.state.set_pairing(self.sha, None if data == AUTO else str(data))

    def _ticked(self, key: str, kept: object) -> None:
        if self.sha is not None:
            self.state.set_tick(self.sha, key, kept if isinstance(kept, bool) else None)

    def _activated(self, index: QModelIndex) -> None:
        span = index.data(ROLE_SPAN)
        if isinstance(span, tuple):
            self.span_activated.emit(int(span[0]), int(span[1]))
