"""The server password, kept in the system's keychain (Windows Credential Manager, macOS Keychain,
the Secret Service on Linux) through ``keyring`` — never in settings, the project or a journal.

A machine without a usable keychain is normal (a bare Linux desktop, a locked-down office PC):
then nothing is kept and the reviewer types the password at each connection.
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)
SERVICE = "fazhi-reviewer"


def saved_password(key: str) -> str | None:
    """The password kept for ``user@host:port/database``, or None."""
    try:
        import keyring

        return keyring.get_password(SERVICE, key)
    except Exception as exc:  # no keychain, a locked one, a broken backend: all mean "not kept"
        log.info("no password from the keychain: %s", exc)
        return None


NO_KEYCHAIN = "这台电脑没有可用的系统钥匙串（如 Windows 凭据管理器、macOS 钥匙串、GNOME 钥匙串或 KWallet）"


def keychain_problem() -> str | None:
    """Why no password can be kept on this computer (Chinese), or None when a keychain is there."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception as exc:
        log.info("no keychain: %s", exc)
        return f"系统钥匙串无法使用（{type(exc).__name__}）"
    if isinstance(backend, fail.Keyring):
        return NO_KEYCHAIN
    return None


def keep_password(key: str, password: str) -> str | None:
    """Keep the password; the reason (Chinese) when it could not be kept, else None."""
    problem = keychain_problem()
    if problem is not None:
        return problem
    try:
        import keyring

        keyring.set_password(SERVICE, key, password)
        return None
    except Exception as exc:  # a locked keychain, a refusal, a broken backend
        log.info("cannot keep the password: %s", exc)
        return f"系统钥匙串拒绝保存（{type(exc).__name__}: {exc}）"


def save_password(key: str, password: str) -> bool:
    """Keep the password; False when this computer has no keychain to keep it in."""
    return keep_password(key, password) is None


def forget_password(key: str) -> None:
    try:
        import keyring

        keyring.delete_password(SERVICE, key)
    except Exception as exc:
        log.info("no password to forget: %s", exc)
