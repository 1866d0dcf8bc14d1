"""The bar that says the project could not be written, and stays until every change is saved."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from ui.dialogs import show_message
from ui.session import Session
from ui.statusbar import StatusBar


class SaveBar(QFrame):
    """Hidden while saving works. Signals: retry_requested()."""

    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saveBar")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # the message may quote a file name
        self.retry = QPushButton(self.tr("立即重试"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 6)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.retry)
        self.retry.clicked.connect(self.retry_requested)
        self.hide()

    def show_failure(self, message: str, pending: int, journal_ok: bool) -> None:
        kept = (self.tr("已暂存在本机，恢复后自动写入；关闭程序也不会丢失。") if journal_ok
                else self.tr("本机也无法暂存，只保存在内存中：请先不要关闭程序。"))
        self.label.setText(self.tr("无法保存到审阅项目：{m}\n{n} 项修改尚未写入项目，{kept}正在自动重试。", "",
                                   pending).format(m=message, n=pending, kept=kept))
        self.show()


class SaveWatch(QObject):
    """Shows save failures in the bar, hides it once all is written, and guards closing the window."""

    def __init__(self, window: QWidget, session: Session, bar: SaveBar, status: StatusBar) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.bar = bar
        self.status = status
        session.save_failed.connect(self._failed)
        session.save_recovered.connect(self._recovered)
        bar.retry_requested.connect(self._retry)

    def _retry(self) -> None:
        if self.session.writer is not None:
            self.session.writer.retry_now()

    def _failed(self, message: str, pending: int, offline: bool) -> None:
        if offline:  # the team's server is away: the status bar counts the outbox (ui.team), no alarm
            return
        ok = self.session.writer.journal_ok if self.session.writer is not None else False
        self.bar.show_failure(message, pending, ok)
        self.status.set_unsaved(True)

    def _recovered(self) -> None:
        self.status.set_unsaved(False)
        if self.bar.isVisible():
            self.bar.hide()
            self.status.showMessage(self.tr("全部修改已写入审阅项目"), 8000)

    def changes_written_or_kept(self) -> bool:
        """Wait a moment for changes on their way; if some cannot be written, say where they are.
        False when the reviewer chose not to close (the changes exist nowhere but in memory)."""
        writer = self.session.writer
        # Writes failing already (offline, locked): no long wait to learn what the bar already says
        team = getattr(self.window, "team", None)
        known = writer is not None and (writer.failing or (team is not None and team.offline))
        if writer is None or writer.flush(timeout=0.3 if known else 3.0):
            return True
        n = len(writer.pending())
        w = self.window
        if writer.journal_ok:
            text = self.tr("{n} 项修改还没能写入审阅项目，已暂存在本机；下次打开这个项目时会自动写入。", "", n)
            show_message(w, QMessageBox.Icon.Warning, self.tr("修改尚未写入项目"), text.format(n=n))
            return True
        text = self.tr("{n} 项修改既没能写入审阅项目，也没能暂存在本机。关闭程序会丢失它们。", "", n).format(n=n)
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("修改会丢失"), text,
                          QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Close, w)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Close
