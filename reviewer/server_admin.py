"""Setting up a project on the team's server: ``reviewer server init`` and ``server add-reviewer``.

Run by whoever administers the server (a role that may create roles, owning the database). The
schema is created or migrated in one transaction under a lock, so running ``init`` twice, or two
administrators at once, is harmless.
"""

from __future__ import annotations

from typing import Any

import psycopg
from psycopg import sql

from reviewer.location import AddressError, ServerAddress, parse_server
from reviewer.messages import msg
from reviewer.server_errors import connect_kwargs, failure
from reviewer.server_schema import GRANTS, MIGRATIONS, SCHEMA_VERSION, group_role
from reviewer.store_schema import StoreError

_INIT_LOCK = 0x465A5256  # one init at a time on a server


def _connect(address: ServerAddress) -> psycopg.Connection[Any]:
    try:
        return psycopg.connect(address.url(with_password=False), **connect_kwargs(address, 10))
    except psycopg.OperationalError as exc:
        raise failure(address, exc) from exc


def _address(url: str, password: str | None = None) -> ServerAddress:
    try:
        return parse_server(url, password=password)
    except AddressError as exc:
        raise StoreError(exc.message) from exc


def init_server(url: str, password: str | None = None) -> tuple[int, int]:
    """Create or migrate the project's schema; returns (version before, version now)."""
    address = _address(url, password)
    role = group_role(address.database)
    with _connect(address) as conn:
        try:
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (_INIT_LOCK,))
                before = _version(conn)
                if before > SCHEMA_VERSION:
                    raise StoreError(msg("server.newer", database=address.database, version=before))
                for target in range(before + 1, SCHEMA_VERSION + 1):
                    conn.execute(MIGRATIONS[target - 1].encode("utf-8"))
                    conn.execute("INSERT INTO fazhi.meta(key, value) VALUES ('schema_version', %s) ON CONFLICT (key)"
                                 " DO UPDATE SET value = excluded.value", (str(target),))
                _ensure_group(conn, role, address.database)
        except psycopg.errors.InsufficientPrivilege as exc:  # not the server's raw "permission denied for table meta"
            raise StoreError(msg("server.init_not_admin", user=address.user, database=address.database)) from exc
        except psycopg.Error as exc:
            raise StoreError(msg("server.init_failed", database=address.database,
                                 error=exc.diag.message_primary or str(exc))) from exc
    return before, SCHEMA_VERSION


def _version(conn: psycopg.Connection[Any]) -> int:
    if conn.execute("SELECT to_regclass('fazhi.meta')").fetchone() == (None,):
        return 0
    row = conn.execute("SELECT value FROM fazhi.meta WHERE key='schema_version'").fetchone()
    return int(row[0]) if row else 0


def _ensure_group(conn: psycopg.Connection[Any], role: str, database: str) -> None:
    """The project's reviewer role, its rights, and no one else connecting to the database."""
    exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname=%s", (role,)).fetchone()
    if not exists:
        conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(role)))
    for grant in GRANTS:
        conn.execute(sql.SQL(grant).format(role=sql.Identifier(role)))
    db = sql.Identifier(database)
    conn.execute(sql.SQL("REVOKE CONNECT ON DATABASE {} FROM PUBLIC").format(db))
    conn.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(db, sql.Identifier(role)))
    conn.execute("INSERT INTO fazhi.meta(key, value) VALUES ('group_role', %s) ON CONFLICT (key)"
                 " DO UPDATE SET value = excluded.value", (role,))


def add_reviewer(url: str, name: str, new_password: str | None, lead: bool = False,
                 password: str | None = None) -> bool:
    """Give ``name`` a login on the server (or reuse theirs) and make them a reviewer of this
    project; returns True when the login was created. The password travels only as a SCRAM
    verifier computed here, never in clear text, so it is not in any server log."""
    address = _address(url, password)
    name = name.strip()
    if not name or len(name.encode("utf-8")) > 63:
        raise StoreError(msg("server.bad_name", name=name))
    with _connect(address) as conn:
        try:
            with conn.transaction():
                if _version(conn) == 0:
                    raise StoreError(msg("server.not_initialised", database=address.database))
                created = _ensure_login(conn, name, new_password)
                role = group_role(address.database)
                conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(role), sql.Identifier(name)))
                conn.execute("INSERT INTO fazhi.members(login, display, lead) VALUES (%s,%s,%s) ON CONFLICT (login)"
                             " DO UPDATE SET lead = excluded.lead", (name, name, lead))
        except psycopg.errors.InsufficientPrivilege as exc:
            # A reviewer or the lead got the server's "permission denied to create role" after Chinese words
            # that did not say who may: the server's administrator, as the README has it; no member may.
            raise StoreError(msg("server.add_not_admin", user=address.user)) from exc
        except psycopg.Error as exc:
            raise StoreError(msg("server.add_failed", name=name, error=exc.diag.message_primary or str(exc))) from exc
    return created


def _ensure_login(conn: psycopg.Connection[Any], name: str, new_password: str | None) -> bool:
    exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname=%s", (name,)).fetchone() is not None
    if not exists and not new_password:
        raise StoreError(msg("server.no_login", name=name))
    if not exists:
        conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(name)))
    if new_password:
        verifier = conn.pgconn.encrypt_password(new_password.encode("utf-8"), name.encode("utf-8"), b"scram-sha-256")
        conn.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(sql.Identifier(name),
                                                                 sql.Literal(verifier.decode("ascii"))))
    return not exists
