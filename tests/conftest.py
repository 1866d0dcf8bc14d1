"""Shared fixtures. GUI tests run offscreen; anything using qtbot/qapp is marked ``gui``."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.pgcluster import PgCluster

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Readers behave the same whether or not LibreOffice happens to be installed (it is a second route only).
os.environ["REVIEWER_SOFFICE"] = "0"

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def seed_path(prefix: str) -> Path:
    """The seed whose file name starts with ``prefix`` (e.g. "000")."""
    (match,) = [p for p in SEED_FILES if p.name.startswith(prefix)]
    return match


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if {"qtbot", "qapp"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """A real PostgreSQL server for the session (Debian's package, run as the postgres user), with a
    template project database that each test's project is copied from."""
    from reviewer.server_admin import init_server
    from tests import pgcluster

    if not pgcluster.available():
        if os.environ.get("FAZHI_REQUIRE_SERVER"):
            pytest.fail("PostgreSQL is not installed (Debian: apt-get install postgresql)")
        pytest.skip("PostgreSQL is not installed (Debian: apt-get install postgresql)")
    with pgcluster.running_cluster() as cluster:
        cluster.create_database("fz_template")
        init_server(cluster.url("fz_template"))
        yield cluster


_projects = itertools.count(1)


@pytest.fixture
def server_project(pg_cluster: PgCluster) -> str:
    """The owner's URL of a fresh, empty project on the test server."""
    from reviewer.server_admin import init_server

    name = pg_cluster.create_database(f"project_{os.getpid()}_{next(_projects)}", template="fz_template")
    url = pg_cluster.url(name)
    init_server(url)  # the project's own reviewer role and rights
    return url


@dataclass(frozen=True)
class TeamUrls:
    """A project on the test server with three reviewers: 张三 and 李四, and 组长 (the lead)."""

    owner: str
    zhang: str
    li: str
    lead: str


def without_root_rights() -> list[str]:
    """A command's prefix that takes root's right to read and write anything away, so that file
    permissions hold as they do for an ordinary user (nothing when not root)."""
    import shutil

    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("setpriv (util-linux) is needed to test permissions as root")
    caps = "-dac_override,-dac_read_search,-fowner"
    return ["setpriv", f"--bounding-set={caps}", f"--inh-caps={caps}"]


def as_user(owner_url: str, user: str, password: str) -> str:
    from tests.pgcluster import SUPERPASS, SUPERUSER

    return owner_url.replace(f"{SUPERUSER}:{SUPERPASS}", f"{user}:{password}")


@pytest.fixture
def team_project(server_project: str) -> TeamUrls:
    from reviewer.server_admin import add_reviewer

    add_reviewer(server_project, "张三", "pw-zhang")
    add_reviewer(server_project, "李四", "pw-li")
    add_reviewer(server_project, "组长", "pw-lead", lead=True)
    return TeamUrls(server_project, as_user(server_project, "张三", "pw-zhang"),
                    as_user(server_project, "李四", "pw-li"), as_user(server_project, "组长", "pw-lead"))
