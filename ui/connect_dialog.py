"""文件 → 连接审阅服务器: the server's address, the reviewer's login and password.

The dialog connects before it closes, so a wrong password or an unreachable server is said in
the dialog itself, in Chinese, and the reviewer can correct it (the driver's own words are one click
away, for whoever looks after the server). The password goes to the system keychain when asked
(``reviewer.credentials``), never to settings; a computer without a keychain is said so at once,
and the box is not offered.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.location import ServerAddress, parse_server
from reviewer.review_store import ReviewStore
from reviewer.store_schema import StoreError
from ui.tasks import Task

CONNECT_TIMEOUT_S = 5.0


class ConnectDialog(QDialog):
    """After ``exec()`` accepted: ``store`` is the open project, ``location`` its URL (no password)."""

    def __init__(self, parent: QWidget | None = None, url: str = "", user: str = "", message: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("连接审阅服务器"))
        self.store: ReviewStore | None = None
        self._trying: Task | None = None
        self._abandoned = False
        self.location = ""
        self.url = QLineEdit(url)
        self.url.setPlaceholderText("postgresql://服务器:5432/法治年报2026")
        self.url.setMinimumWidth(380)
        self.user = QLineEdit(user)
        self.user.setPlaceholderText(self.tr("组长为您建立的登录名"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("在系统钥匙串中记住密码"))
        self.remember.setChecked(True)
        self.no_keychain = QLabel()
        self.no_keychain.setObjectName("legend")
        self.no_keychain.setWordWrap(True)
        self.no_keychain.hide()
        self._offer_keychain()
        self._make_messages(message)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("服务器地址"), self.url)
        form.addRow(self.tr("用户名"), self.user)
        form.addRow(self.tr("密码"), self.password)
        form.addRow("", self.remember)
        form.addRow("", self.no_keychain)
        hint = QLabel(self.tr("地址、用户名和密码由项目组长提供。断网时修改先保存在本机，联网后自动同步。"))
        hint.setWordWrap(True)
        hint.setObjectName("legend")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("连接"))
        self.buttons.accepted.connect(self._connect)
        self.buttons.rejected.connect(self.reject)
        self._lay = lay = QVBoxLayout(self)
        # The dialog grows with what it has to say: a wrapped error never squeezes the form's rows.
        lay.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        lay.addLayout(form)
        lay.addWidget(hint)
        lay.addWidget(self.error)
        lay.addWidget(self.detail_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.detail)
        lay.addWidget(self.buttons)
        (self.password if url and user else self.url).setFocus()

    def _make_messages(self, message: str) -> None:
        """The error (or progress) line, and the driver's own words one click away."""
        self.error = QLabel(message)
        self.error.setObjectName("connectError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e")
        self.error.setVisible(bool(message))
        self.detail_button = QPushButton(self.tr("技术细节…"))
        self.detail_button.setCheckable(True)
        self.detail_button.setFlat(True)
        self.detail_button.hide()
        self.detail = QLabel()  # the driver's own words (often English), for whoever looks after the server
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setObjectName("legend")
        self.detail.hide()
        self.detail_button.toggled.connect(self._show_detail)

    def _offer_keychain(self) -> None:
        """Without a keychain the box is not offered as if it worked: it is off, greyed, and says why."""
        from reviewer.credentials import keychain_problem

        problem = keychain_problem()
        if problem is None:
            return
        self.remember.setChecked(False)
        self.remember.setEnabled(False)
        self.no_keychain.setText(self.tr("{why}，无法记住密码：每次连接时需输入密码。").format(why=problem))
        self.no_keychain.show()

    def _address(self) -> ServerAddress | None:
        try:
            address = parse_server(self.url.text(), user=self.user.text().strip() or None,
                                   password=self.password.text() or None)
        except ValueError as exc:
            self._say(str(exc))
            return None
        if not address.user:
            self._say(self.tr("请填写用户名"))
            return None
        return address

    def _connect(self) -> None:
        """Connect off the GUI thread: a server that does not answer held the window still for the
        connection's timeout (found by a code review). 连接 is off meanwhile; 取消 closes the dialog."""
        from reviewer.server_store import open_server_store

        address = self._address()
        if address is None or self._trying is not None:
            return
        url = address.url(with_password=True)

        def work(_progress: object, _cancelled: object) -> object:
            try:
                return open_server_store(url, timeout_s=CONNECT_TIMEOUT_S)
            except StoreError as exc:
                return exc

        self._trying = task = Task(work, self)
        task.finished.connect(lambda result: self._connected(address, result))
        task.failed.connect(lambda message: self._connected(address, StoreError(message)))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.error.setText(self.tr("正在连接审阅服务器…"))
        self.error.setStyleSheet("color: #555555")  # under way, not an error
        self.error.show()
        self.detail_button.hide()
        self.detail.hide()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        task.start()

    def release(self) -> None:
        """Done with (its answer read): deleted now, or once a connection still on its way is closed.
        Each attempt's dialog stayed a child of the window for the session (a code review)."""
        if self._trying is None:
            self.deleteLater()
        else:
            self._release_when_done = True

    _release_when_done = False

    def _connected(self, address: ServerAddress, result: object) -> None:
        try:
            self._take(address, result)
        finally:
            if self._release_when_done:
                self.deleteLater()

    def _take(self, address: ServerAddress, result: object) -> None:
        from reviewer.credentials import keep_password

        if not self._abandoned:  # else restored when it was cancelled
            QGuiApplication.restoreOverrideCursor()
        self._trying = None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        if isinstance(result, StoreError):
            if not self._abandoned:
                self._say(result.summary or str(result), result.detail)
            return
        store = cast(ReviewStore, result)
        if self._abandoned:
            store.close()  # cancelled while connecting: the connection is not wanted
            return
        self.store = store
        self.location = address.url(with_password=False)
        if self.remember.isChecked() and address.password:
            self.not_kept = keep_password(address.key, address.password)  # told by the caller
        self.accept()

    def reject(self) -> None:
        self._abandoned = self._trying is not None  # a connection still on its way is closed when it comes
        if self._abandoned:
            QGuiApplication.restoreOverrideCursor()  # not a wait cursor until the connection's timeout
        super().reject()

    not_kept: str | None = None  # why the password could not be remembered, when it was asked to be

    @property
    def kept(self) -> bool:
        return self.not_kept is None

    def _say(self, text: str, detail: str = "") -> None:
        self.error.setText(text)
        self.error.setStyleSheet("color: #b3261e")
        self.error.show()
        self.detail.setText(detail)
        self.detail_button.setChecked(False)
        self.detail_button.setVisible(bool(detail))
        self._fit()

    def _show_detail(self, shown: bool) -> None:
        self.detail.setVisible(shown)
        self.detail_button.setText(self.tr("隐藏技术细节") if shown else self.tr("技术细节…"))
        self._fit()

    def _fit(self) -> None:
        """Tall enough for every row at the dialog's width (wrapped text included)."""
        lay = self._lay
        lay.activate()
        height = lay.totalHeightForWidth(self.width()) if lay.hasHeightForWidth() else lay.totalSizeHint().height()
        if height > self.height():
            self.resize(self.width(), height)
