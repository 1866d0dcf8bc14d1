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


def save_password(key: str, password: str) -> bool:
    """Keep the password; False when this computer has no keychain to keep it in."""
    try:
        import keyring

        keyring.set_password(SERVICE, key, password)
        return True
    except Exception as exc:
        log.info("cannot keep the password: %s", exc)
        return False


def forget_password(key: str) -> None:
    try:
        import keyring

        keyring.delete_password(SERVICE, key)
    except Exception as exc:
        log.info("no password to forget: %s", exc)
