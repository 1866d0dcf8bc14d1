"""A keyring backend for tests (selected with ``PYTHON_KEYRING_BACKEND``): keyring's own plugin
interface, kept in a JSON file so a test can read what the program stored. The machine running the
tests has no desktop keychain (no Secret Service on a headless Linux)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


def _file() -> Path:
    return Path(os.environ.get("FAZHI_TEST_KEYRING", "/nonexistent/keyring.json"))


class FileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def _load(self) -> dict[str, str]:
        try:
            return dict(json.loads(_file().read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\x1f{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}\x1f{username}"] = password
        _file().write_text(json.dumps(data), encoding="utf-8")

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        if data.pop(f"{service}\x1f{username}", None) is None:
            raise PasswordDeleteError(username)
        _file().write_text(json.dumps(data), encoding="utf-8")
