"""What can go wrong talking to the team's server, worded by the catalogue (``StoreError.said`` says it in
either language; ``str()`` is Chinese), and how connections are made.

Two failures matter to the window: the server cannot be reached (``ServerOfflineError``: changes
wait in the outbox and are sent later) and the server refuses a write (``RefusedError``: it will
refuse it again, so the change is dropped and the reviewer told why).
"""

from __future__ import annotations

from typing import Any

from reviewer.location import ServerAddress
from reviewer.messages import Message, msg
from reviewer.store_schema import StoreError


class ServerOfflineError(StoreError):
    """The server cannot be reached now; the same write may succeed later."""


class RefusedError(StoreError):
    """The server's rights refuse this write; it would be refused again."""


class LoginError(StoreError):
    """The server does not accept this name and password."""


def failure(address: ServerAddress, exc: BaseException) -> StoreError:
    """The error to raise for a failed connection: a refused login is not a passing outage.
    Its ``summary`` is the Chinese explanation, its ``detail`` the driver's words."""
    summary, detail = explain_parts(address, exc)
    if "permission denied for database" in str(exc):
        return RefusedError(msg("server.not_member", user=address.user, database=address.database))
    login = summary.id in ("server.no_password", "server.bad_password")
    return LoginError(summary, detail) if login else ServerOfflineError(summary, detail)


def connect_kwargs(address: ServerAddress, timeout_s: float) -> dict[str, Any]:
    """libpq settings for every connection: the project's schema, a bounded wait, and keepalives so a
    dead network is noticed in seconds rather than minutes. ``sslmode`` and the rest of the URL's
    query are honoured as given."""
    from urllib.parse import parse_qsl

    kw: dict[str, Any] = dict(parse_qsl(address.query))
    kw.setdefault("connect_timeout", max(1, int(timeout_s)))
    kw.setdefault("application_name", "fazhi-reviewer")
    kw.update(options="-c search_path=fazhi", keepalives=1, keepalives_idle=5, keepalives_interval=2,
              keepalives_count=3)
    kw.setdefault("user", address.user or None)
    if address.password is not None:
        kw["password"] = address.password
    return {k: v for k, v in kw.items() if v is not None}


def explain(address: ServerAddress, exc: BaseException) -> str:
    """Why the server could not be used, for the status bar and the command line."""
    summary, detail = explain_parts(address, exc)
    return f"{summary.render()}（{detail}）" if detail else summary.render()


def explain_parts(address: ServerAddress, exc: BaseException) -> tuple[Message, str]:
    """(why, a message of the catalogue; the technical cause in the driver's own words, or "" when the
    first says it all)."""
    where = f"{address.host}:{address.port}/{address.database}"
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    low = text.lower()
    if "no password supplied" in low:  # not a wrong password: none was given
        return msg("server.no_password", where=where), ""
    if "password authentication failed" in low:
        return msg("server.bad_password", where=where), ""
    if "does not exist" in low and "database" in low:
        return msg("server.no_database", server=f"{address.host}:{address.port}", database=address.database), ""
    if "ssl" in low:
        return msg("server.no_ssl", where=where), text
    if "connection refused" in low:
        why = "server.why_refused"
    elif "resolve host" in low or "translate host name" in low or "name or service not known" in low:
        why = "server.why_unknown_host"
    elif "timeout" in low or "timed out" in low:
        why = "server.why_timeout"
    elif "no route to host" in low or "network is unreachable" in low:
        why = "server.why_no_route"
    else:
        why = "server.why_other"
    return msg("server.unreachable", where=where, why=msg(why)), text


def refusal(assignees: list[str]) -> str:
    """Why a checklist decision (or its comment) was refused: the report belongs to someone else.
    (The report's verdict, 审阅结论, is refused by its own message: only the lead sets it.)"""
    if assignees:
        return f"该报告已分配给 {'、'.join(assignees)}，您不能修改它的核查项判断"
    return "服务器拒绝了这次修改：您没有修改这份报告核查项判断的权限"


# The server's own words for what it refuses (server_schema's RAISE and its row-level security), as a
# reviewer reads them; anything else is said as the server says it.
_REFUSALS = (
    ("only a lead removes reports", "sync.lead_only_remove"),
    ("only a lead changes a report's details", "server.lead_only_details"),
    ('row-level security policy for table "promises"', "server.refused_promises"),
    ('row-level security policy for table "pairings"', "server.refused_pairings"),
    ('row-level security policy for table "settings"', "server.lead_only_settings"),
    ('row-level security policy for table "reports"', "server.refused_reimport"),
)


def refused_in_words(database: str, server_said: str) -> Message:
    """A refusal by the server, in the reviewer's words where it is one we know (in either language:
    ``reviewer project …`` says it in the language of ``--lang``)."""
    reason = next((msg(id) for key, id in _REFUSALS if key in server_said), server_said)
    return msg("server.refused", database=database, reason=reason)
