"""Checklist header: progress (n/N 已核) and the report verdict with its overall comment."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QWidget,
)

from reviewer.messages import msg
from reviewer.model import VERDICTS, Analysis, Verdict
from reviewer.review import pass_warnings
from ui import plain
from ui.icons import status_icon
from ui.labels import item_name, lang, verdict_name
from ui.session import Session
from ui.session_sync import report_label

SAVE_DELAY_MS = 200  # the overall comment reaches the project within this long of the last keystroke
# A verdict is saved once the reviewer stops on it: ↑ ↑ from 未下结论 to 通过 passes 需修改 on the way, and
# 取消 in 通过's question then put back 需修改, saved on the way past it (found by a helper session).
VERDICT_DELAY_MS = 700


class ReviewHeader(QWidget):
    """Shows one report's progress; verdict and comment are saved as soon as they change."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._sha: str | None = None
        self.title = QLabel()
        self.title.setObjectName("reportTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.progress_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumHeight(8)
        self.verdict_box = QComboBox()
        self.verdict_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # "Needs revision" whole
        for v in VERDICTS:
            self.verdict_box.addItem(status_icon(v), verdict_name(v), v)
        self.comment = QLineEdit()
        self.comment.setPlaceholderText(self.tr("总体意见（自动保存）"))
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._layout()
        self.verdict_box.activated.connect(lambda _i: self._verdict_chosen())
        self.comment.textEdited.connect(lambda _t: self._timer.start(SAVE_DELAY_MS))
        self.comment.editingFinished.connect(self._save)
        self._timer.timeout.connect(self._save)
        session.review_changed.connect(self._review_changed)
        session.review_reloaded.connect(lambda: self._review_changed(self._sha) if self._sha else None)
        session.team_changed.connect(lambda: self.set_report(self._sha))
        self.set_report(None)

    def _layout(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 6, 6, 2)
        grid.addWidget(self.title, 0, 0, 1, 3)
        # The progress line in a row of its own: in the grid's first column, a longer line (0/37 已核，5 项
        # 待复核) widened it and moved the verdict box under it (found by a helper session).
        progress = QHBoxLayout()
        progress.addWidget(self.progress_label)
        progress.addWidget(self.progress_bar, 1)
        grid.addLayout(progress, 1, 0, 1, 3)
        grid.addWidget(QLabel(self.tr("结论：")), 2, 0)
        grid.addWidget(self.verdict_box, 2, 1)
        grid.addWidget(self.comment, 3, 0, 1, 3)
        grid.setColumnStretch(2, 1)
        self.progress_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def set_report(self, sha256: str | None) -> None:
        self.flush()
        self._sha = sha256
        a = self._session.analysis(sha256) if sha256 else None
        judge = self._session.team.may_judge()  # on a shared project, the lead's word
        whole = sha256 not in self._session.reading  # no verdict on a scan before all its pages are read
        for w in (self.verdict_box, self.comment):
            w.setEnabled(a is not None and judge and whole)
            w.setToolTip("" if judge else msg("sync.lead_only").render(lang()))
        self.title.setText(report_label(a) if a is not None else self.tr("未选择报告"))
        self.title.setToolTip(plain.tip(a.meta.title or a.file) if a is not None else "")
        v = self._session.verdict(sha256) if sha256 else None
        self.verdict_box.setCurrentIndex(self.verdict_box.findData(v.verdict if v else "未审"))
        self.comment.setText(v.comment if v else "")
        self._update_progress()

    def _update_progress(self) -> None:
        if self._sha is not None and (reading := self._session.reading.get(self._sha)) is not None:
            self.progress_label.setText(self.tr("正在识别扫描件（已读 {done}/{total} 页），全部读完后再下结论").format(
                done=reading[0], total=reading[1]))
            self.progress_bar.setMaximum(reading[1])
            self.progress_bar.setValue(reading[0])
            return
        done, total, recheck = self._session.progress(self._sha) if self._sha else (0, 0, 0)
        waiting = self._sha is not None and self._session.unsaved(self._sha, None)
        self.progress_label.setText(self.tr("{done}/{total} 已核").format(done=done, total=total)
                                    + (self.tr("，{n} 项待复核").format(n=recheck) if recheck else "")
                                    + (self.tr("　结论未保存") if waiting else ""))
        self.progress_bar.setMaximum(max(total, 1))
        self.progress_bar.setValue(done)

    def _review_changed(self, sha256: str) -> None:
        if sha256 == self._sha:
            self._update_progress()
            v = self._session.verdict(sha256)
            if not self._timer.isActive() and not self.comment.hasFocus():  # a verdict from elsewhere
                self.verdict_box.setCurrentIndex(self.verdict_box.findData(v.verdict if v else "未审"))
                self.comment.setText(v.comment if v else "")

    def flush(self) -> None:
        """Save a pending comment edit now (before switching report or closing)."""
        if self._timer.isActive():
            self._timer.stop()
            self._save()

    def _verdict_chosen(self) -> None:
        """通过 with items still open asks first, naming them, and is saved at once; 取消 puts back the
        verdict saved before the choosing began. Another verdict is saved once the reviewer stops on it
        (``VERDICT_DELAY_MS``), or on leaving the report."""
        a = self._session.analysis(self._sha) if self._sha else None
        if a is None:
            return
        if self.verdict_box.currentData() != "通过":
            self._timer.start(VERDICT_DELAY_MS)
            return
        # Nothing may be saved while the question is open: its dialog runs the event loop, and a pending
        # save (the verdict passed on the way, a comment just typed) would store the 通过 shown.
        self._timer.stop()
        if not self._confirm_pass(a):
            old = self._session.verdict(a.sha256)
            self.verdict_box.setCurrentIndex(self.verdict_box.findData(old.verdict if old else "未审"))
            if self.comment.text().strip() != (old.comment if old else ""):
                self._save()  # a comment typed just before is kept, beside the verdict as it was
            return
        self._save()

    def _confirm_pass(self, a: Analysis) -> bool:
        warn = pass_warnings(a, self._session.decisions(a.sha256))
        if warn.clear:
            return True
        lines = []
        if warn.undecided:
            names = _some(item_name(r) for r in warn.undecided)
            lines.append(self.tr("{n}/{total} 项尚未审阅：{names}").format(n=len(warn.undecided),
                                                                          total=len(a.checklist), names=names))
        if warn.missing:
            names = _some(item_name(r) for r in warn.missing)
            n = len(warn.missing)
            lines.append(self.tr("{n} 项程序判断为缺失，没有审阅意见：{names}", "", n).format(n=n, names=names))
        if warn.failed:  # a letter saying 通过 would still list them, and the annotated copy ask for them
            names = _some(item_name(r) for r in warn.failed)
            n = len(warn.failed)
            lines.append(self.tr("{n} 项已判定为不符合，审阅意见书仍会列出：{names}", "", n).format(n=n, names=names))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("确认结论为“通过”？"),
                          "\n".join(lines) + "\n\n" + self.tr("仍然把这份报告的结论设为“通过”吗？"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _save(self) -> None:
        self._timer.stop()
        if self._sha is None:
            return
        verdict: Verdict = self.verdict_box.currentData()
        self._session.set_verdict(self._sha, verdict, self.comment.text().strip())


def _some(names: Iterable[str], shown: int = 5) -> str:
    """The first few names, listed as the window's language lists them."""
    items = list(names)
    sep, more = ("、", "等") if lang() == "zh" else (", ", ", …")
    return sep.join(items[:shown]) + (more if len(items) > shown else "")
