"""Dialogs at 1366×768: their text whole, their rows apart; the server's failure said in Chinese,
the driver's own words a click away; a keychain that is not there is not offered."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from reviewer.credentials import NO_KEYCHAIN, keep_password, keychain_problem
from ui.connect_dialog import ConnectDialog
from ui.lastyear.library import LibraryDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def no_keychain() -> Iterator[None]:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


class RefusingKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError("keychain is locked")

    def delete_password(self, service: str, username: str) -> None:
        pass


def test_the_library_dialog_shows_its_whole_explanation(qtbot: QtBot) -> None:
    d = LibraryDialog("")
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    note = d.note
    assert note.height() >= note.heightForWidth(note.width())  # not cut at the top or the bottom
    assert note.geometry().top() >= 0 and note.geometry().bottom() < d.path.geometry().top()


def test_a_failed_connection_is_said_in_chinese_and_the_rows_stay_apart(qtbot: QtBot, no_keychain: None) -> None:
    d = ConnectDialog(None, url="postgresql://127.0.0.1:1/法治年报2026", user="张三")
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    d.password.setText("secret")
    connect = d.buttons.button(QDialogButtonBox.StandardButton.Ok)
    connect.click()  # off the GUI thread: the window is not held still while the server does not answer
    assert not connect.isEnabled() and d.error.text() == "正在连接审阅服务器…"
    qtbot.waitUntil(connect.isEnabled, timeout=10_000)
    assert d.store is None and d.error.isVisible()
    assert d.error.text() == ("无法连接审阅服务器 127.0.0.1:1/法治年报2026：服务器没有在这个地址和端口上运行，"
                              "请核对地址和端口，或请管理员确认服务器已启动")
    assert d.detail_button.isVisible() and not d.detail.isVisible()
    d.detail_button.click()
    assert d.detail.isVisible() and "Connection refused" in d.detail.text()
    rows = [d.url, d.user, d.password, d.remember, d.no_keychain, d.error, d.detail, d.buttons]
    for upper, lower in pairwise(rows):
        assert upper.geometry().bottom() < lower.geometry().top(), (upper, lower)
    for field in (d.url, d.user, d.password):  # not squashed
        assert field.height() >= field.sizeHint().height()


def test_without_a_keychain_remembering_is_not_offered(qtbot: QtBot, no_keychain: None) -> None:
    assert keychain_problem() == NO_KEYCHAIN
    d = ConnectDialog(None, url="postgresql://127.0.0.1:1/x", user="张三")
    qtbot.addWidget(d)
    assert not d.remember.isChecked() and not d.remember.isEnabled()
    assert d.no_keychain.text() == f"{NO_KEYCHAIN}，无法记住密码：每次连接时需输入密码。"
    assert keep_password("张三@127.0.0.1:1/x", "pw") == NO_KEYCHAIN


def test_a_keychain_that_refuses_says_why() -> None:
    before = keyring.get_keyring()
    keyring.set_keyring(RefusingKeyring())
    try:
        assert keychain_problem() is None
        assert keep_password("张三@h:1/x", "pw") == "系统钥匙串拒绝保存（RuntimeError: keychain is locked）"
    finally:
        keyring.set_keyring(before)


def test_cancelled_while_connecting_the_window_is_free_at_once(qtbot: QtBot, no_keychain: None) -> None:
    """Found by a code review: connecting held the window still for the connection's timeout, and after
    取消 the wait cursor stayed as long. A server that takes the connection and never answers."""
    import socket

    from PySide6.QtGui import QGuiApplication

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)  # the connection is taken (the backlog) and nothing is ever said
    port = silent.getsockname()[1]
    d = ConnectDialog(None, url=f"postgresql://127.0.0.1:{port}/法治年报2026", user="张三")
    qtbot.addWidget(d)
    d.show()
    d.password.setText("secret")
    d.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert QGuiApplication.overrideCursor() is not None and d.error.text() == "正在连接审阅服务器…"
    qtbot.wait(300)  # the window answers meanwhile: this test's own event loop runs
    d.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert QGuiApplication.overrideCursor() is None and d.store is None
    qtbot.waitUntil(lambda: d._trying is None, timeout=15_000)  # the attempt ends by itself, to no effect
    assert QGuiApplication.overrideCursor() is None and d.store is None
    silent.close()


def test_a_connect_dialog_done_with_is_deleted_once_its_attempt_ends(qtbot: QtBot, no_keychain: None) -> None:
    """Each 连接审阅服务器 left its dialog as a child of the window for the whole session (a code
    review). Released while its attempt is on its way, it goes when the attempt ends; else at once."""
    import socket

    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)
    d = ConnectDialog(window, url=f"postgresql://127.0.0.1:{silent.getsockname()[1]}/法治年报2026", user="张三")
    d.password.setText("secret")
    d.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    d.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    d.release()
    qtbot.wait(50)
    assert window.findChildren(ConnectDialog) == [d]  # its attempt still holds a connection to close
    qtbot.waitUntil(lambda: not window.findChildren(ConnectDialog), timeout=15_000)
    silent.close()
    idle = ConnectDialog(window)
    idle.reject()
    idle.release()
    qtbot.waitUntil(lambda: not window.findChildren(ConnectDialog), timeout=1000)
