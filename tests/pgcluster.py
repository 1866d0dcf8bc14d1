"""A real PostgreSQL server for tests and benchmarks: Debian's package, a throw-away cluster.

``initdb`` and ``pg_ctl`` refuse to run as root, so as root they run as the ``postgres`` system
user (``runuser``), on a free loopback port, with the data folder and the socket in a temporary
folder. Every login uses a password (scram-sha-256), as on a team's server.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

SUPERUSER = "fz_admin"
SUPERPASS = "admin-secret"


def find_bin(name: str) -> str | None:
    """A PostgreSQL program: Debian keeps them under /usr/lib/postgresql/<version>/bin."""
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name)
                      if p.parent.name.isdigit() else 0)
    for folder in reversed(versions):
        if (folder / name).is_file():
            return str(folder / name)
    return shutil.which(name)


def available() -> bool:
    return all(find_bin(n) for n in ("initdb", "pg_ctl", "postgres"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgCluster:
    """One server: ``start()``, ``stop()``, ``url(db, user, password)``."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="fazhi-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self._as_postgres = os.geteuid() == 0
        if self._as_postgres:
            shutil.chown(self.root, "postgres", "postgres")
        self.root.chmod(0o700)

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        cmd = list(args)
        if self._as_postgres:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, check=check, cwd=self.root)

    def init(self) -> None:
        pwfile = self.root / "pw"
        pwfile.write_text(SUPERPASS, encoding="utf-8")
        if self._as_postgres:
            shutil.chown(pwfile, "postgres", "postgres")
        initdb = find_bin("initdb")
        assert initdb is not None
        self._run(initdb, "-D", str(self.data), "-U", SUPERUSER, f"--pwfile={pwfile}", "-A", "scram-sha-256",
                  "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        pwfile.unlink()
        conf = self.data / "postgresql.conf"
        with conf.open("a", encoding="utf-8") as fh:
            fh.write(f"\nport = {self.port}\nlisten_addresses = '127.0.0.1'\n"
                     f"unix_socket_directories = '{self.root}'\nfsync = off\nmax_connections = 200\n"
                     "shared_buffers = 64MB\n")

    def start(self) -> None:
        pg_ctl = find_bin("pg_ctl")
        assert pg_ctl is not None
        self._run(pg_ctl, "-D", str(self.data), "-l", str(self.root / "log"), "-w", "-t", "60", "start")

    def stop(self, mode: str = "fast") -> None:
        pg_ctl = find_bin("pg_ctl")
        assert pg_ctl is not None
        self._run(pg_ctl, "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop", check=False)

    def url(self, db: str = "postgres", user: str = SUPERUSER, password: str | None = SUPERPASS) -> str:
        auth = f"{user}:{password}" if password is not None else user
        return f"postgresql://{auth}@127.0.0.1:{self.port}/{db}"

    def create_database(self, name: str, template: str = "template1") -> str:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return name

    def log(self) -> str:
        with contextlib.suppress(OSError):
            return (self.root / "log").read_text(encoding="utf-8", errors="replace")
        return ""

    def destroy(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)


@contextlib.contextmanager
def running_cluster() -> Iterator[PgCluster]:
    cluster = PgCluster()
    try:
        cluster.init()
        cluster.start()
        yield cluster
    finally:
        cluster.destroy()


def wait_until(condition: object, timeout: float = 10.0, step: float = 0.05) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if callable(condition) and condition():
            return True
        time.sleep(step)
    return False
