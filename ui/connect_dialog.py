"""文件 → 连接审阅服务器: the server's address, the reviewer's login and password.

The dialog connects before it closes, so a wrong password or an unreachable server is said in
the dialog itself and the reviewer can correct it. The password goes to the system keychain when
asked (``reviewer.credentials``), never to settings.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reviewer.location import ServerAddress, parse_server
from reviewer.review_store import ReviewStore
from reviewer.store_schema import StoreError

CONNECT_TIMEOUT_S = 5.0


class ConnectDialog(QDialog):
    """After ``exec()`` accepted: ``store`` is the open project, ``location`` its URL (no password)."""

    def __init__(self, parent: QWidget | None = None, url: str = "", user: str = "", message: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("连接审阅服务器"))
        self.store: ReviewStore | None = None
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
        self.error = QLabel(message)
        self.error.setObjectName("connectError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # may quote the server's own words
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e")
        self.error.setVisible(bool(message))
        form = QFormLayout()
        form.addRow(self.tr("服务器地址"), self.url)
        form.addRow(self.tr("用户名"), self.user)
        form.addRow(self.tr("密码"), self.password)
        form.addRow("", self.remember)
        hint = QLabel(self.tr("地址、用户名和密码由项目组长提供。断网时修改先保存在本机，联网后自动同步。"))
        hint.setWordWrap(True)
        hint.setObjectName("legend")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("连接"))
        self.buttons.accepted.connect(self._connect)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(hint)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        (self.password if url and user else self.url).setFocus()

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
        from reviewer.credentials import save_password
        from reviewer.server_store import open_server_store

        address = self._address()
        if address is None:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.store = open_server_store(address.url(with_password=True), timeout_s=CONNECT_TIMEOUT_S)
        except StoreError as exc:
            self._say(str(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.location = address.url(with_password=False)
        if self.remember.isChecked() and address.password and not save_password(address.key, address.password):
            self.kept = False  # told by the caller: this computer has no keychain
        self.accept()

    kept = True

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
