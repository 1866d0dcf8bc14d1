"""Status bar: project and journal mode, review progress, and the load progress with cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStatusBar,
    QStyle,
    QStyleOption,
    QWidget,
)

PROGRESS_MS = 100


class ElidedLabel(QLabel):
    """One line of text cut in the middle with … to the width it is given, the whole of it in the
    tooltip then. It never asks for more width than it has: the labels beside it keep theirs."""

    def __init__(self) -> None:
        super().__init__()
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self._fit()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        line = " ".join(self._full.splitlines())  # one line, as the status bar always showed a message
        # The middle goes: the end says most (the page being read, the file exported to).
        shown = self.fontMetrics().elidedText(line, Qt.TextElideMode.ElideMiddle, self.contentsRect().width())
        self.setText(shown)
        self.setToolTip(self._full if shown != line else "")


class StatusBar(QStatusBar):
    """Signals: cancel_requested()."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The message (``showMessage``, a menu's status tip) shows here, in the room the labels on the
        # right leave it: Qt's own ran on to the first of them, cut mid-character, and read as one
        # line with the connection label.
        self.message = ElidedLabel()
        self.message.setObjectName("statusMessage")
        self.messageChanged.connect(self.message.set_full_text)
        self.project = QLabel()
        self.project.setObjectName("projectLabel")
        self.project.setTextFormat(Qt.TextFormat.PlainText)
        self.review = QLabel()
        self.sync = QLabel()  # the team's server: connected, or offline with changes waiting
        self.sync.setTextFormat(Qt.TextFormat.PlainText)
        self.sync.setObjectName("syncLabel")
        self.sync.hide()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setFormat(self.tr("正在打开 %v/%m"))
        self.cancel = QPushButton(self.tr("取消"))
        self.progress.hide()
        self.cancel.hide()
        # All permanent (QStatusBar hides its other widgets while a message shows). The message takes the
        # width the others leave, once the progress bar has grown to its maximum (both stretch).
        self._items: tuple[QWidget, ...] = (self.message, self.progress, self.cancel, self.sync, self.review,
                                            self.project)
        for widget in self._items:
            self.addPermanentWidget(widget, 1 if widget in (self.message, self.progress) else 0)
        self.cancel.clicked.connect(self.cancel_requested)
        self._step = (0, 2)
        self._project = ("", "")
        self._unsaved = False
        self._step_timer = QTimer(self)
        self._step_timer.setSingleShot(True)
        self._step_timer.setInterval(PROGRESS_MS)
        self._step_timer.timeout.connect(self._show_step)

    def paintEvent(self, event: QPaintEvent) -> None:
        """As ``QStatusBar`` paints itself, but for the message: ``message`` shows it."""
        painter = QPainter(self)
        panel = QStyleOption()
        panel.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, panel, painter, self)
        for widget in self._items:
            if widget.isVisible():
                frame = QStyleOption()
                frame.rect = widget.geometry().adjusted(-2, -1, 2, 1)
                frame.palette = self.palette()
                frame.state = QStyle.StateFlag.State_None
                self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameStatusBarItem, frame, painter, widget)

    def set_sync(self, text: str, warn: bool = False) -> None:
        """The server connection's state; hidden for a project file."""
        self.sync.setText(text)
        self.sync.setProperty("warn", warn)
        self.sync.style().unpolish(self.sync)
        self.sync.style().polish(self.sync)
        self.sync.setVisible(bool(text))

    def set_project(self, name: str, journal: str) -> None:
        self._project = (name, journal)
        self._show_project()

    def set_unsaved(self, unsaved: bool) -> None:
        """While changes cannot be written, the project's label says so instead of 随时保存."""
        self._unsaved = unsaved
        self._show_project()

    def _show_project(self) -> None:
        # What the reviewer needs to know is whether it is saved, not how SQLite journals it.
        name, journal = self._project
        mode = {"wal": self.tr("随时保存"), "delete": self.tr("随时保存，网络位置"),
                "memory": self.tr("仅内存，未保存"), "server": self.tr("审阅服务器"),
                "read-only": self.tr("只读，修改不会保存")}.get(journal, journal)
        if self._unsaved and journal == "read-only":
            mode = self.tr("只读，有修改未能写入")
        elif self._unsaved and journal != "server":  # the server's outbox is counted by the sync label
            mode = self.tr("有修改尚未写入")
        self.project.setText(self.tr("项目：{name}（{mode}）").format(name=name, mode=mode))
        self.project.setProperty("warn", self._unsaved and journal != "server")
        self.project.style().unpolish(self.project)
        self.project.style().polish(self.project)

    def set_review_progress(self, reviewed: int, total: int) -> None:
        self.review.setText(self.tr("已审结 {done}/{total} 份").format(done=reviewed, total=total))

    def loading(self, done: int, total: int) -> None:
        """Show file progress (the core counts two steps per file: load, analyse), at most every
        ``PROGRESS_MS``: a folder of 300 reports sends 600 steps, and each shown step repainted the
        window then and there (``QProgressBar.setValue`` repaints at once, and with it every
        widget waiting to be painted: the reports tree growing meanwhile) — 0.8 s of the GUI
        thread, in stalls of up to 0.4 s."""
        self._step = (done, total)
        if self.progress.isHidden():
            self._show_step()
        elif not self._step_timer.isActive():
            self._step_timer.start()

    def _show_step(self) -> None:
        done, total = self._step
        files = max(total // 2, 1)
        self.progress.setUpdatesEnabled(False)  # painted with the rest of the window, not on its own now
        self.progress.setFormat(self.tr("正在打开 %v/%m"))
        self.progress.setMaximum(files)
        self.progress.setValue(min(done // 2, files))
        self.progress.setUpdatesEnabled(True)
        self.progress.show()
        self.cancel.show()

    def reading_pages(self, name: str, done: int, total: int) -> None:
        """A scan being recognised: which file and which page (cancel stops between pages). Scans are
        read after the other files, so the bar counts the scan's pages: the files' count is full by then."""
        if done < total:
            self.showMessage(self.tr("正在识别扫描件 {name}：第 {page}/{total} 页").format(
                name=name, page=done + 1, total=total))
            self._step_timer.stop()  # a last file step due now would put the files' count back
            self.progress.setFormat(self.tr("识别扫描件 %v/%m 页"))
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(done)
            self.progress.show()
            self.cancel.show()
        else:
            self.clearMessage()

    def loading_done(self) -> None:
        self._step_timer.stop()
        self.progress.hide()
        self.cancel.hide()
