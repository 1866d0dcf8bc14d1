"""``reviewer server …`` and ``reviewer project …`` on a real PostgreSQL, as an administrator and a lead type them."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import psycopg
import pytest

from reviewer.batch import import_reports
from reviewer.checklist import load_checklist
from reviewer.cli import main
from reviewer.server_admin import init_server
from reviewer.server_schema import MIGRATIONS, SCHEMA_VERSION
from reviewer.store import open_store
from tests.conftest import SEEDS, TeamUrls, as_user
from tests.core.docx_read import read_comments
from tests.pgcluster import PgCluster


def test_init_is_idempotent_and_reviewers_get_logins(capsys: pytest.CaptureFixture[str], pg_cluster: PgCluster,
                                                      tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = pg_cluster.url(pg_cluster.create_database("cli_project"))
    assert main(["server", "init", url]) == 0
    assert capsys.readouterr().out.strip() == f"审阅项目 cli_project 已建立（格式版本 0 → {SCHEMA_VERSION}）"
    assert main(["server", "init", url]) == 0
    assert capsys.readouterr().out.strip() == f"审阅项目 cli_project 已是最新（格式版本 {SCHEMA_VERSION}）"
    secret = tmp_path / "pw.txt"
    secret.write_text("组长的密码\n", encoding="utf-8")
    assert main(["server", "add-reviewer", url, "赵组长", "--lead", "--password-file", str(secret)]) == 0
    assert capsys.readouterr().out.strip() == "已建立账号并把 赵组长 加入审阅项目（组长）"
    monkeypatch.setattr("sys.stdin", io.StringIO("pw-qian\n"))  # a password piped in, not on the command line
    assert main(["server", "add-reviewer", url, "钱审阅"]) == 0
    store = open_store(as_user(url, "赵组长", "组长的密码"))
    assert getattr(store, "identity", None) == ("赵组长", True)
    store.close()
    store = open_store(as_user(url, "钱审阅", "pw-qian"))
    assert getattr(store, "identity", None) == ("钱审阅", False)
    store.close()


def test_a_project_older_than_the_program_is_migrated(pg_cluster: PgCluster) -> None:
    url = pg_cluster.url(pg_cluster.create_database("old_project"))
    with psycopg.connect(url, autocommit=True) as conn, conn.transaction():
        conn.execute(MIGRATIONS[0].encode("utf-8"))
        conn.execute("INSERT INTO fazhi.meta(key, value) VALUES ('schema_version', '1')")
    assert init_server(url) == (1, SCHEMA_VERSION)
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT to_regclass('fazhi.pairings')").fetchone() == ("fazhi.pairings",)


def test_copy_assign_and_export_a_shared_project(capsys: pytest.CaptureFixture[str], team_project: TeamUrls,
                                                 tmp_path: Path) -> None:
    mine = tmp_path / "mine.review"
    store = open_store(mine)
    batch = import_reports([str(SEEDS)], load_checklist(), store)
    first = batch.analyses[0]
    store.set_decision(first.sha256, "measures", "不符合", "缺数据", "张三")
    store.close()
    assert main(["project", "copy", str(mine), team_project.owner]) == 0
    assert "已复制 5 份报告、1 条审阅意见、0 个结论、2 条历史记录" in capsys.readouterr().out
    name = Path(first.file).name
    assert main(["project", "assign", team_project.lead, "--reviewer", "张三", name, "没有这份.txt"]) == 1
    captured = capsys.readouterr()
    assert "项目中没有报告“没有这份.txt”" in captured.err and "已把 1 份报告分配给 张三（新分配 1 份）" in captured.out
    assert main(["project", "assign", team_project.lead, "--reviewer", "李四", batch.analyses[1].sha256[:10]]) == 0
    assert main(["project", "assign", team_project.zhang, "--reviewer", "张三", name]) == 1
    assert "只有组长可以分配报告" in capsys.readouterr().err
    # a wrong assignment is undone by the lead, and by nobody else (found by a helper session: only psql could)
    assert main(["project", "unassign", team_project.li, "--reviewer", "李四", batch.analyses[1].sha256[:10]]) == 1
    assert "只有组长可以收回分配的报告" in capsys.readouterr().err
    assert main(["project", "unassign", team_project.lead, "--reviewer", "李四", batch.analyses[1].sha256[:10]]) == 0
    assert capsys.readouterr().out.strip() == "已收回分配给 李四 的 1 份报告"
    assert main(["project", "assign", team_project.lead, "--reviewer", "李四", batch.analyses[1].sha256[:10]]) == 0
    out = tmp_path / "shared.xlsx"
    assert main(["export", "--project", team_project.li, "-o", str(out)]) == 0
    sheet = openpyxl.load_workbook(out)["核查明细"]
    values = {str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None}
    assert "缺数据" in values  # 张三's comment, exported by 李四 from the server
    # a report nobody reviewed is signed by whoever writes it from the server, not by the last reviewer
    # anywhere in the project (李四's letters were signed 张三: found by a helper session)
    assert main(["annotate", "--project", team_project.li, "-o", str(tmp_path / "letters"),
                 "--include-unreviewed"]) == 0
    unreviewed = tmp_path / "letters" / "庐阳区人民政府_2020年度_批注版.docx"
    assert {c.author for c in read_comments(unreviewed)} == {"李四"}


def test_init_on_a_database_not_yet_made_says_to_make_it_first(capsys: pytest.CaptureFixture[str],
                                                                pg_cluster: PgCluster) -> None:
    assert main(["server", "init", pg_cluster.url("not_made_yet")]) != 0
    err = capsys.readouterr().err
    assert "上没有数据库 not_made_yet：请服务器管理员先建立它（如 createdb not_made_yet），" in err
    assert "再运行 reviewer server init" in err


def test_init_without_a_password_says_that_none_was_given_not_that_it_was_wrong(
        capsys: pytest.CaptureFixture[str], pg_cluster: PgCluster, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))  # no ~/.pgpass of this machine's to find
    db = pg_cluster.create_database("no_password_given")
    assert main(["server", "init", pg_cluster.url(db, password=None)]) != 0
    err = capsys.readouterr().err
    assert ("no_password_given：服务器要求密码，但没有提供"
            "（可写在地址里，或用 PGPASSWORD 环境变量、~/.pgpass 文件）") in err
    assert "不正确" not in err


def test_a_mistyped_port_is_said_in_chinese_without_the_password(capsys: pytest.CaptureFixture[str]) -> None:
    """Found by a helper session: Python's own "Port could not be cast to integer value as '5543x'"."""
    from reviewer.location import parse_server

    with pytest.raises(ValueError) as err:
        parse_server("postgresql://张三:秘密@host:5543x/法治年报2026")
    assert str(err.value) == ("服务器地址 postgresql://张三@host:5543x/法治年报2026 中的端口号不对："
                              "应是 1–65535 之间的数字（例如 5432）")
    assert main(["export", "--project", "postgresql://张三:秘密@host:70000/法治年报2026", "-o", "x.xlsx"]) != 0
    err_text = capsys.readouterr().err
    assert "端口号不对" in err_text and "秘密" not in err_text


def test_a_member_who_adds_a_reviewer_is_told_who_may_in_the_programs_words(
        capsys: pytest.CaptureFixture[str], team_project: TeamUrls, tmp_path: Path) -> None:
    """Found by a helper session: 张三 running add-reviewer read "…（需要可创建角色）：permission denied to
    create role", PostgreSQL's own English. Adding reviewers is the server administrator's; no member's,
    the lead's neither. Nothing is created."""
    secret = tmp_path / "pw.txt"
    secret.write_text("pw-zhou\n", encoding="utf-8")
    for who, url in (("张三", team_project.zhang), ("组长", team_project.lead)):
        assert main(["server", "add-reviewer", url, "周新人", "--password-file", str(secret)]) == 1
        assert capsys.readouterr().err == (
            f"{who} 不能添加审阅人：只有服务器管理员（能建立登录账号的账号，如建立这个审阅项目、"
            "运行 reviewer server init 的那个）才能添加，组长和审阅人的账号都不能；请把审阅人的名字告诉服务器管理员\n")
    assert main(["server", "add-reviewer", team_project.lead, "李四", "--lead", "--password-file", str(secret)]) == 1
    assert "permission denied" not in capsys.readouterr().err  # a login there already: refused alike
    assert main(["server", "init", team_project.zhang]) == 1
    database = team_project.owner.rsplit("/", 1)[1]
    assert capsys.readouterr().err == (f"张三 不能建立或升级审阅项目 {database}：只有服务器管理员（数据库的所有者，"
                                       "能建立登录账号的账号）才能做；组长和审阅人的账号都不能\n")
    with psycopg.connect(team_project.owner) as conn:
        # logins are the whole server's (other tests' projects share it): a name no other test uses
        assert conn.execute("SELECT 1 FROM pg_roles WHERE rolname='周新人'").fetchone() is None
        assert conn.execute("SELECT 1 FROM fazhi.members WHERE login='周新人'").fetchone() is None
        assert conn.execute("SELECT lead FROM fazhi.members WHERE login='李四'").fetchone() == (False,)


def test_one_who_is_not_a_member_is_sent_to_the_server_administrator(
        capsys: pytest.CaptureFixture[str], team_project: TeamUrls, pg_cluster: PgCluster, tmp_path: Path) -> None:
    """Found by a helper session: "…不是审阅项目…的成员，请项目组长添加" sent the reviewer to the lead, who cannot
    add anyone (``server add-reviewer`` is the server administrator's). Said alike whether the server
    refuses the connection (another project's login) or the login is no longer among the members."""
    mine = team_project.owner.rsplit("/", 1)[1]
    other = pg_cluster.create_database(f"{mine}_other", template="fz_template")
    init_server(pg_cluster.url(other))
    elsewhere = as_user(pg_cluster.url(other), "张三", "pw-zhang")
    with psycopg.connect(team_project.owner) as conn:
        conn.execute("DELETE FROM fazhi.members WHERE login='李四'")
    out = str(tmp_path / "x.xlsx")
    for who, url, database in (("张三", elsewhere, other), ("李四", team_project.li, mine)):
        assert main(["export", "--project", url, "-o", out]) == 1
        assert capsys.readouterr().err == (
            f"{who} 不是审阅项目 {database} 的成员：只有服务器管理员（运行 reviewer server init 建立这个项目的账号）"
            "才能添加审阅人，请把名字告诉服务器管理员\n")
        assert main(["export", "--project", url, "-o", out, "--lang", "en"]) == 1
        assert capsys.readouterr().err == (
            f"{who} is not a member of the review project {database}: only the server's administrator (the login "
            "that ran reviewer server init for it) can add reviewers; give them the name\n")


def test_server_and_project_commands_speak_english_with_lang_en(
        capsys: pytest.CaptureFixture[str], team_project: TeamUrls, pg_cluster: PgCluster, tmp_path: Path) -> None:
    """Found by a helper session: these commands had no --lang, and what they said and what the server
    refused (``refused_in_words``) was Chinese only."""
    from reviewer.server_errors import RefusedError

    url = pg_cluster.url(pg_cluster.create_database(f"{team_project.owner.rsplit('/', 1)[1]}_en"))
    assert main(["server", "init", url, "--lang", "en"]) == 0
    database = url.rsplit("/", 1)[1]
    assert capsys.readouterr().out == f"The review project {database} is set up (format version 0 → {SCHEMA_VERSION})\n"
    secret = tmp_path / "pw.txt"
    secret.write_text("pw-lead\n", encoding="utf-8")
    assert main(["server", "add-reviewer", url, "组长", "--lead", "--password-file", str(secret), "--lang", "en"]) == 0
    assert capsys.readouterr().out == "Added 组长 to the review project (lead)\n"  # the login is the server's already
    mine = tmp_path / "mine.review"
    store = open_store(mine)
    batch = import_reports([str(SEEDS / p.name) for p in sorted(SEEDS.glob("*.txt"))[:2]], load_checklist(), store)
    store.close()
    assert main(["project", "copy", str(mine), team_project.owner, "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith("Copied 2 reports, 0 decisions, 0 verdicts and 0 history entries: ")
    name = Path(batch.analyses[0].file).name
    assert main(["project", "assign", team_project.lead, "--reviewer", "张三", name, "无.txt", "--lang", "en"]) == 1
    said = capsys.readouterr()
    assert (said.out, said.err) == ("Assigned 1 report to 张三 (1 newly)\n", "The project has no report “无.txt”\n")
    assert main(["project", "assign", team_project.zhang, "--reviewer", "张三", name, "--lang", "en"]) == 1
    assert capsys.readouterr().err == "Only the team lead assigns reports\n"
    assert main(["project", "unassign", team_project.lead, "--reviewer", "张三", name, "--lang", "en"]) == 0
    assert capsys.readouterr().out == "Took 1 report back from 张三\n"
    assert main(["server", "add-reviewer", team_project.zhang, "周英文", "--password-file", str(secret),
                 "--lang", "en"]) == 1
    assert capsys.readouterr().err.startswith("张三 cannot add reviewers: only the server's administrator")
    zhang = open_store(team_project.zhang)
    with pytest.raises(RefusedError) as refused:  # the server's row-level security, in the reviewer's words
        zhang.set_setting("some.setting", "x")
    zhang.close()
    mine_db = team_project.owner.rsplit("/", 1)[1]
    assert refused.value.said("en") == (f"{mine_db}: the server refused this change (Only the team lead changes "
                                        "this setting of the shared project)")
    assert str(refused.value) == f"{mine_db}：服务器拒绝了这次修改（只有组长可以更改共享项目的这项设置）"


def test_only_the_lead_gives_a_shared_project_its_library(capsys: pytest.CaptureFixture[str], team_project: TeamUrls,
                                                          tmp_path: Path) -> None:
    """``export --previous`` sets a project's 往年报告库 when it has none; on the team's server that is the
    lead's (the server refuses anyone else), said in words, and the export goes on without it."""
    from tests.core import lastyear_fixtures as fx

    previous, current = fx.write_pair(tmp_path / "both")
    library = tmp_path / "2023"
    library.mkdir()
    previous.rename(library / previous.name)
    out = tmp_path / "x.xlsx"
    assert main(["export", str(current), "--project", team_project.zhang, "--previous", str(library),
                 "-o", str(out)]) == 0
    refused = "已忽略 --previous：只有组长可以设置往年报告库（它为全组的报告配对上一年度的报告）"
    assert refused in capsys.readouterr().err
    assert "往年对比" not in openpyxl.load_workbook(out).sheetnames
    assert main(["export", "--project", team_project.zhang, "--previous", str(library), "-o", str(out),
                 "--lang", "en"]) == 0
    assert ("--previous ignored: Only the team lead sets last year's library (it pairs the whole team's reports)"
            in capsys.readouterr().err)
    assert main(["export", "--project", team_project.lead, "--previous", str(library), "-o", str(out)]) == 0
    database = team_project.owner.rsplit("/", 1)[1]
    assert f"已把 {library} 设为审阅项目 {database} 的往年报告库" in capsys.readouterr().err
    assert "往年对比" in openpyxl.load_workbook(out).sheetnames
    assert main(["export", "--project", team_project.zhang, "-o", str(out)]) == 0  # the team's library now
    assert "往年对比" in openpyxl.load_workbook(out).sheetnames
