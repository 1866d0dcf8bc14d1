"""帮助: the shortcut list (made from the window's own actions) and a short guide to reviewing."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reviewer.vocab import CHECK_STATUS, DECISION, REVIEW_STATUS, TONES
from ui.labels import check_status_name, decision_name, lang, status_name
from ui.reports.view import badge_texts
from ui.text.spans import COPIED_INK

#: Keys that act inside one pane rather than through a menu action.
PANE_KEYS_ZH = (
    ("空格", "在核查清单中勾选 / 取消勾选当前项（符合）"),
    ("1 / 2 / 3 / 4", "在核查清单中把当前项标为 符合 / 不符合 / 不适用 / 未定"),
    ("Delete", "在报告列表中：把选中的报告移出项目（先确认）"),
    ("Esc", "关闭查找栏"),
    ("Tab / Shift+Tab", "在各窗格之间移动"),
)
PANE_KEYS_EN = (
    ("Space", "In the checklist: tick / untick the current item (meets)"),
    ("1 / 2 / 3 / 4", "In the checklist: mark the current item meets / fails / not applicable / undecided"),
    ("Delete", "In the reports list: remove the selected reports from the project (asks first)"),
    ("Esc", "Close the find bar"),
    ("Tab / Shift+Tab", "Move between panes"),
)


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(keys, what they do) for every action with a shortcut, then the keys of single panes."""
    rows = []
    for a in actions:
        keys = " / ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in a.shortcuts() if not s.isEmpty())
        if keys:
            rows.append((keys, a.text().replace("&", "").rstrip("…")))
    return rows + list(PANE_KEYS_EN if lang() == "en" else PANE_KEYS_ZH)


class ShortcutsDialog(QDialog):
    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("快捷键"))
        rows = shortcut_rows(actions)
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([self.tr("按键"), self.tr("作用")])
        for r, (keys, what) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(keys))
            self.table.setItem(r, 1, QTableWidgetItem(what))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        _layout(self, self.table)
        self.resize(560, 520)


def _chip(text: str, tone: str) -> str:
    t = TONES[tone]
    return f"<span style='background:{t.fill or '#ffffff'};color:{t.ink}'>&nbsp;{text}&nbsp;</span>"


def guide_html() -> str:
    """The guide's text: our own words (no report text), so it may be rich text."""
    auto = "　".join(_chip(f"{CHECK_STATUS.glyph(c)} {check_status_name(c)}", CHECK_STATUS[c].tone)
                    for c in CHECK_STATUS)
    decided = "　".join(_chip(f"{DECISION.glyph(c)} {decision_name(c)}", DECISION[c].tone)
                       for c in DECISION if DECISION.glyph(c))
    statuses = "　".join(_chip(status_name(c), REVIEW_STATUS[c].tone) for c in REVIEW_STATUS)
    gaps, findings = (text.replace("1", "N") for text, _colour in badge_texts(1, 1))  # as the list draws them
    guide = _GUIDE_EN if lang() == "en" else _GUIDE_ZH
    return guide.format(auto=auto, decided=decided, statuses=statuses, copied=COPIED_INK, gaps=gaps,
                        findings=findings)


_GUIDE_ZH = """
<h3>怎样审阅一份报告</h3>
<ol>
<li>在左侧报告列表中选一份报告（Alt+↓ / Alt+↑ 切换）。中间是报告原文：标题加粗，数据按主题着色，
问题画下划线，网页杂项淡化；鼠标停在上面可看说明。</li>
<li>右侧核查清单逐项列出程序的初步判断。点一项，正文中以深蓝底白字显示其依据；没有依据的项不标正文。</li>
<li>作出判断：勾选或按空格＝符合；按 1–4 或点按钮＝符合 / 不符合 / 不适用 / 未定；在下方写审阅意见，
停止输入即自动保存。不符合、未定项的意见写入批注版和审阅意见书发给单位；符合、不适用项的意见只记在项目和工作簿中。</li>
<li>全部看过后，在上方“结论”中选“通过”或“需修改”，写总体意见。</li>
<li>“对比”（Ctrl+2）把全部报告放在一起：核查矩阵可筛选、排序，指标图可看各单位的同一数据。</li>
<li>Ctrl+E 导出 Excel 工作簿。</li>
</ol>
<h3>颜色和标记</h3>
<p>程序判断：{auto}</p>
<p>审阅决定：{decided}</p>
<p>审阅状态：{statuses}</p>
<p>报告列表右侧的标记：<b>{gaps}</b>（红）＝核查清单中缺失或部分具备的项数；<b>{findings}</b>（橙）＝“问题”标签页中的问题数。
目录中红色的“缺：…”是报告没有的必备部分，橙色是只部分具备的部分。</p>
<h3>与上一年度对比</h3>
<p>同一单位上一年度的报告在项目中或在“工具 → 往年报告库”指定的去年项目（或文件夹）中时，“往年对比”标签页给出：
与上年重复的文字比例（全文和各部分；正文中<span style='color:{copied}'>紫色文字</span>即与上年相同或高度相似的
段落和句子），两年可对比的数据及其变化（×10、÷10 且未说明原因、比率超过 100% 的列为问题），以及上年“下一年度安排”
逐项是否在今年的举措中有所报告——核实后勾选“已落实”。配对不对时，在标签页上方改选上一年度的报告，或选“不与往年对比”。</p>
<h3>不会丢失</h3>
<p>每一次修改都立即写入审阅项目文件；写不进去时（文件被占用、磁盘已满、网络盘断开），窗口上方会出现提示，
修改先暂存在本机，恢复后自动写入。项目文件保存报告正文，换电脑或源文件夹移走也能原样打开。</p>
"""

_GUIDE_EN = """
<h3>Reviewing a report</h3>
<ol>
<li>Pick a report in the list on the left (Alt+Down / Alt+Up move on). The middle shows the report as written:
headings bold, figures coloured by topic, findings underlined, web clutter dimmed; hover for details.</li>
<li>The checklist on the right gives the program's first judgement of each item. Click one to see its evidence
in the text (white on dark blue); items without evidence mark nothing.</li>
<li>Decide: tick or press Space = meets; press 1–4 or click the buttons = meets / fails / not applicable /
undecided; write a comment below, saved as you type. The comment on a failing or undecided item goes to the unit
in the annotated copy and the letter; on a met or not-applicable item it stays in the project and the workbook.</li>
<li>When done, set the verdict above to Accepted or Needs revision, with an overall comment.</li>
<li>Compare (Ctrl+2) shows every report side by side: a filterable, sortable matrix and one figure across units.</li>
<li>Ctrl+E exports the review to an Excel workbook.</li>
</ol>
<h3>Colours and marks</h3>
<p>Program: {auto}</p>
<p>Reviewer: {decided}</p>
<p>Review status: {statuses}</p>
<p>Badges in the report list: <b>{gaps}</b> (red) = checklist items missing or partial;
<b>{findings}</b> (amber) = findings in the Findings tab. A red “Missing: …” row in the outline is a required
part the report lacks.</p>
<h3>Last year beside this year</h3>
<p>When a unit's report of the year before is in the project, or in last year's project or folder chosen in Tools →
Last year's reports, the Last year tab shows how much of the text repeats last year's (whole and per part; in the text
<span style='color:{copied}'>purple</span> paragraphs and sentences are the same or nearly so), the figures of both
years with their change (×10 or ÷10 without a word of explanation, or a rate over 100 %, are findings), and each item
of last year's plan with whether this year's measures report on it — tick Kept once you have checked. When the pairing
is wrong, choose last year's report above the tab, or Do not compare.</p>
<h3>Nothing is lost</h3>
<p>Every change is written to the project file at once; when it cannot be (file locked, disk full, share
offline) a bar says so at the top, the change waits on this computer and is written when possible.</p>
"""


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("审阅指南"))
        self.browser = QTextBrowser()
        self.browser.setHtml(guide_html())
        self.browser.setOpenLinks(False)
        _layout(self, self.browser)
        self.resize(640, 600)


def _layout(dialog: QDialog, body: QWidget) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    lay = QVBoxLayout(dialog)
    lay.addWidget(body, 1)
    lay.addWidget(buttons, 0, Qt.AlignmentFlag.AlignRight)
