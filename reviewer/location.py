"""Where a project lives: a project file on this computer or a ``postgresql://`` URL on the team's server.

The same string is what the reviewer types, what settings remember and what journals are keyed
by; a password given in a URL never leaves this module's ``redact`` unscrubbed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

from reviewer.messages import MessageError, msg

if TYPE_CHECKING:
    from reviewer.messages import Message

SCHEMES = ("postgresql://", "postgres://")


class AddressError(MessageError, ValueError):
    """A server address that cannot be used, worded by the catalogue."""


def is_server(location: str | os.PathLike[str]) -> bool:
    return isinstance(location, str) and location.lower().startswith(SCHEMES)


@dataclass(frozen=True, slots=True)
class ServerAddress:
    """The parts of a server URL the program shows and keys things by (never the password)."""

    host: str
    port: int
    database: str
    user: str
    password: str | None
    query: str  # e.g. ``sslmode=require``, kept as given

    @property
    def key(self) -> str:
        """``user@host:port/database``: the keyring entry and the reviewer's view of it."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    def url(self, with_password: bool = False) -> str:
        user = self.user.replace("@", "%40").replace(":", "%3A").replace("/", "%2F")
        if with_password and self.password is not None:
            from urllib.parse import quote

            user += ":" + quote(self.password, safe="")
        host = f"[{self.host}]" if ":" in self.host else self.host
        netloc = f"{user}@{host}:{self.port}" if user else f"{host}:{self.port}"
        return urlunsplit(("postgresql", netloc, "/" + self.database, self.query, ""))


def parse_server(url: str, user: str | None = None, password: str | None = None) -> ServerAddress:
    """Split a server URL; ``user``/``password`` given separately win over those in the URL.

    Raises ``AddressError`` (a ``ValueError``: ``str()`` Chinese, ``message`` in either language) for a
    URL that names no database."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("postgresql", "postgres"):
        raise AddressError(msg("address.not_server", url=url))
    database = unquote(parts.path.lstrip("/"))
    if not database:
        raise AddressError(msg("address.no_database", url=redact(url)))
    query = urlencode(parse_qsl(parts.query, keep_blank_values=True))
    try:
        port = parts.port or 5432
    except ValueError:  # Python's own words ("Port could not be cast to integer value as '5543x'")
        raise AddressError(msg("address.bad_port", url=redact_text(url))) from None
    return ServerAddress(
        host=parts.hostname or "localhost",
        port=port,
        database=database,
        user=user if user else unquote(parts.username or ""),
        password=password if password is not None else (unquote(parts.password) if parts.password else None),
        query=query,
    )


def redact_text(url: str) -> str:
    """A server URL as written, without the password (for a URL too broken to be parsed)."""
    head, at, tail = url.rpartition("@")
    if not at:
        return url
    scheme, sep, credentials = head.partition("://")
    return f"{scheme}{sep}{credentials.split(':')[0]}@{tail}"


def redact(location: str) -> str:
    """A location safe to show and remember: a server URL loses its password."""
    if not is_server(location):
        return location
    try:
        return parse_server(location).url(with_password=False)
    except ValueError:
        return location.split("@")[-1]


def display_name(location: str | os.PathLike[str]) -> str:
    """The project's short name: the file's stem or the server database's name."""
    if is_server(location):
        try:
            return parse_server(str(location)).database
        except ValueError:
            return str(location)
    return Path(location).stem


def empty_project(project: str) -> Message | None:
    """Why an existing project file cannot be used: it is empty (0 bytes), most likely a copy that did
    not finish, and there is no backup beside it (with one, opening it says the file is damaged and
    offers the backup); it was silently made a new, empty project (a helper session)."""
    from reviewer.messages import msg
    from reviewer.store_backup import backup_path

    path = Path(project)
    if path.is_file() and path.stat().st_size == 0 and not backup_path(path).exists():
        return msg("project.empty", project=project)
    return None
