"""The selected checklist item: what the program found, the reviewer's decision and comment."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.model import DECISIONS, CheckResult, Decision, ItemDecision
from reviewer.review import SENT_WITH, is_to_recheck
from reviewer.server_errors import refusal
from reviewer.sync import decided_by
from ui.icons import status_icon
from ui.labels import check_status_name, decision_name, text
from ui.session import Session

SAVE_DELAY_MS = 200  # a comment reaches the project within this long of the last keystroke


class CommentEdit(QPlainTextEdit):
    """Signals: focus_left() when the reviewer moves elsewhere (the comment is saved at once)."""

    focus_left = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.focus_left.emit()
        super().focusOutEvent(event)


class ItemDetail(QWidget):
    """Signals: evidence_requested(start, end) when the reviewer asks to see the evidence."""

    evidence_requested = Signal(int, int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._sha: str | None = None
        self._item: CheckResult | None = None
        self._writing_on: Decision = "未定"  # the decision shown when the comment being typed was begun
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("itemNote")
        row = self._decision_row()
        self.comment = CommentEdit()
        self.comment.setPlaceholderText(self.tr("审阅意见（自动保存）"))
        self.comment.setTabChangesFocus(True)
        self.comment.setMaximumHeight(64)
        self.sent = QLabel()  # whether the comment goes to the unit: the reviewer knows before writing it
        self.sent.setObjectName("legend")
        self.sent.setTextFormat(Qt.TextFormat.PlainText)
        # One line of a fixed height that never asks for width: a caption changing with the item would
        # otherwise change the window's least size, and a window below it is resized, the report's text
        # reflowed under the reader (its place in it lost).
        self.sent.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.sent.ensurePolished()  # its style's font, before its height is fixed by it
        self.sent.setFixedHeight(self.sent.fontMetrics().height() + 2)
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 2, 6, 6)
        lay.addWidget(self.note)
        lay.addLayout(row)
        lay.addWidget(self.comment)
        lay.addWidget(self.sent)
        self.buttons.idClicked.connect(self._decide)
        self.comment.textChanged.connect(self._comment_edited)
        self._timer.timeout.connect(self._save_comment)
        self.comment.focus_left.connect(self.flush)
        session.review_changed.connect(self._review_changed)
        session.review_reloaded.connect(lambda: self._review_changed(self._sha) if self._sha else None)
        session.team_changed.connect(lambda: self.set_item(self._sha, self._item))  # who may decide changed
        self.set_item(None, None)

    def _decision_row(self) -> QHBoxLayout:
        """The four decision buttons (keys 1–4 in the checklist) and who made the decision shown."""
        self.buttons = QButtonGroup(self)
        self.buttons.setExclusive(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for i, d in enumerate(DECISIONS):
            b = QToolButton()
            b.setText(decision_name(d))
            b.setToolTip(self.tr("{d}（在核查清单中按 {k}）").format(d=decision_name(d), k=i + 1))
            b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # reachable with Tab, pressed with Space
            b.setCheckable(True)
            b.setIcon(status_icon(d))
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            self.buttons.addButton(b, i)
            row.addWidget(b)
        row.addStretch(1)
        self.who = QLabel()  # who made the decision shown, and when (a shared project has many reviewers)
        self.who.setObjectName("legend")
        self.who.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(self.who)
        return row

    def set_item(self, sha256: str | None, item: CheckResult | None) -> None:
        self.flush()
        self._sha, self._item = sha256, item
        enabled = sha256 is not None and item is not None
        # Another reviewer's report on a shared project: shown, not offered (the server would refuse,
        # and a comment typed there was erased with only a word in the status bar).
        mine = sha256 is None or self._session.team.may_decide(sha256)
        for b in self.buttons.buttons():
            b.setEnabled(enabled and mine)
        self.comment.setEnabled(enabled)
        if item is None:
            self.note.setText(self.tr("选择一个核查项，查看程序发现的依据并作出判断。"))
        else:
            self.note.setText(f"<b>{check_status_name(item.status)}</b>　" + _escape(text(item.note)))
        self._show_decision()

    def _show_decision(self) -> None:
        dec = self._session.decision(self._sha, self._item.id) if self._sha and self._item else None
        decision = dec.decision if dec else "未定"
        self._writing_on = decision
        self.buttons.button(DECISIONS.index(decision)).setChecked(True)
        self.comment.blockSignals(True)
        self.comment.setPlainText(dec.comment if dec else "")
        self.comment.blockSignals(False)
        self._show_who(dec)

    def _show_who(self, dec: ItemDecision | None) -> None:
        by = decided_by(dec)
        self.who.setText(text(by) if by is not None else "")
        # A comment on a decision carried from an earlier version would leave the item 未定, its
        # decision gone (found by a helper session): the decision is confirmed or changed first.
        carried = is_to_recheck(dec)
        self.sent.setText(self._whose(dec) if self._item is not None else "")
        self.sent.setToolTip(self.sent.text())  # whole, where the pane is too narrow for it
        theirs = self._sha is not None and not self._session.team.may_decide(self._sha)
        self.comment.setReadOnly(carried or theirs)
        if theirs:
            self.comment.setToolTip(refusal(self._session.team.assignees(self._sha or "")))
        else:
            self.comment.setToolTip(self.tr("此项的判断来自报告的旧版本，待复核：请先确认或改判，再修改意见")
                                    if carried else "")

    def _whose(self, dec: ItemDecision | None) -> str:
        """Where the item's comment goes (``review.comment_sent``), said beside it."""
        if is_to_recheck(dec):
            return self.tr("待复核：确认或改判之前，此项不写入批注版和审阅意见书")
        if (dec.decision if dec else "未定") in SENT_WITH:
            return self.tr("意见写入批注版和审阅意见书，发给单位")
        return self.tr("符合、不适用项的意见只记在项目和工作簿中，不发给单位")

    def _review_changed(self, sha256: str) -> None:
        if sha256 == self._sha and not self._timer.isActive():
            dec = self._session.decision(sha256, self._item.id) if self._item else None
            decision = dec.decision if dec else "未定"
            self.buttons.button(DECISIONS.index(decision)).setChecked(True)
            self._show_who(dec)
            shown = dec.comment if dec else ""
            if not self.comment.hasFocus():
                self._writing_on = decision
            if not self.comment.hasFocus() and self.comment.toPlainText().strip() != shown:
                self.comment.blockSignals(True)  # another reviewer's comment arrived; not mid-typing
                self.comment.setPlainText(shown)
                self.comment.blockSignals(False)

    def _decide(self, button_id: int) -> None:
        if self._sha and self._item:
            self.flush()
            decision: Decision = DECISIONS[button_id]
            self._writing_on = decision
            self._session.set_decision(self._sha, self._item.id, decision)

    def _comment_edited(self) -> None:
        self._timer.start()

    def flush(self) -> None:
        """Write a pending comment now."""
        if self._timer.isActive():
            self._timer.stop()
            self._save_comment()

    def _save_comment(self) -> None:
        """The comment, with the decision it was written for: another reviewer's decision arriving while
        it was typed (张三's 职责写得清楚 under 李四's 不符合, sent to the unit as the reason for a failure:
        found by a helper session) does not take it over."""
        if not (self._sha and self._item):
            return
        text = self.comment.toPlainText().strip()
        now = self._session.decision(self._sha, self._item.id)
        if now is not None and now.decision != self._writing_on and now.reviewer != self._session.reviewer:
            self._session.set_decision(self._sha, self._item.id, self._writing_on, text)
        else:
            self._session.set_comment(self._sha, self._item.id, text)


def _escape(text: str) -> str:
    # The note is core text (may quote the report): shown as rich text, so escape it.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
