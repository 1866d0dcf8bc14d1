"""What ``reviewer server …`` and ``reviewer project …`` say, and what the team's server refuses, in
Chinese and English: part of the one catalogue (``reviewer.messages.CATALOGUE`` takes these in). These
commands spoke Chinese only, without ``--lang`` (a helper session); the window's status bar and
dialogs render the same messages in Chinese, as before.
"""

from __future__ import annotations

SERVER_WORDS: dict[str, tuple[str, str]] = {
    # reviewer server init / add-reviewer (reviewer.cli_server, reviewer.server_admin)
    "server.up_to_date": ("审阅项目 {name} 已是最新（格式版本 {now}）",
                          "The review project {name} is up to date (format version {now})"),
    "server.made": ("审阅项目 {name} 已建立（格式版本 {before} → {now}）",
                    "The review project {name} is set up (format version {before} → {now})"),
    "server.added": ("已把 {name} 加入审阅项目（{role}）", "Added {name} to the review project ({role})"),
    "server.login_added": ("已建立账号并把 {name} 加入审阅项目（{role}）",
                           "Made a login for {name} and added them to the review project ({role})"),
    "server.role_lead": ("组长", "lead"),
    "server.role_reviewer": ("审阅人", "reviewer"),
    "server.password_unreadable": ("无法读取密码文件 {path}：{reason}",
                                   "Cannot read the password file {path}: {reason}"),
    "server.password_empty": ("密码文件 {path} 的第一行是空的", "The first line of the password file {path} is empty"),
    "server.password_prompt": ("{name} 的密码（已有账号时直接回车，不修改）：",
                               "{name}'s password (press Enter to keep the login's password as it is): "),
    "server.password_again": ("再输入一次：", "Once more: "),
    "server.password_mismatch": ("两次输入的密码不一致，未做任何修改", "The two passwords differ; nothing was changed"),
    "server.newer": ("审阅项目 {database} 由更新版本的审阅器建立（格式版本 {version}），请升级程序",
                     "The review project {database} was set up by a newer version of the reviewer (format "
                     "{version}); update the program"),
    "server.newer_connect": ("审阅项目 {database} 由更新版本的审阅器建立（格式版本 {version}），请升级程序后再连接",
                             "The review project {database} was set up by a newer version of the reviewer (format "
                             "{version}); update the program, then connect"),
    "server.init_not_admin": ("{user} 不能建立或升级审阅项目 {database}：只有服务器管理员（数据库的所有者，"
                              "能建立登录账号的账号）才能做；组长和审阅人的账号都不能",
                              "{user} cannot set up or upgrade the review project {database}: only the server's "
                              "administrator (the database's owner, a login that may make logins) can; neither "
                              "the lead's login nor a reviewer's can"),
    "server.init_failed": ("无法在 {database} 上建立审阅项目：{error}",
                           "Cannot set up the review project on {database}: {error}"),
    "server.bad_name": ("审阅人名称“{name}”不可用：不能为空，最长 21 个汉字或 63 个字母",
                        "The reviewer's name “{name}” cannot be used: it must not be empty, and be at most 21 "
                        "Chinese characters or 63 letters long"),
    "server.not_initialised": ("{database} 还不是审阅项目：请先运行 reviewer server init",
                               "{database} is not a review project yet: run reviewer server init first"),
    "server.not_initialised_connect": ("服务器上的数据库 {database} 还不是审阅项目："
                                       "请先运行 reviewer server init 建立项目",
                                       "The server's database {database} is not a review project yet: run reviewer "
                                       "server init to set it up first"),
    "server.add_not_admin": ("{user} 不能添加审阅人：只有服务器管理员（能建立登录账号的账号，如建立这个审阅项目、"
                             "运行 reviewer server init 的那个）才能添加，组长和审阅人的账号都不能；"
                             "请把审阅人的名字告诉服务器管理员",
                             "{user} cannot add reviewers: only the server's administrator (a login that may make "
                             "logins, such as the one that set up this project with reviewer server init) can; "
                             "neither the lead's login nor a reviewer's can. Give the reviewer's name to the "
                             "server's administrator"),
    "server.add_failed": ("无法添加审阅人 {name}：{error}", "Cannot add the reviewer {name}: {error}"),
    "server.no_login": ("审阅人 {name} 在服务器上还没有登录账号：请给出密码",
                        "The reviewer {name} has no login on the server yet: give a password"),
    # where a project is (reviewer.location)
    "address.not_server": ("“{url}”不是审阅服务器地址（应以 postgresql:// 开头）",
                           "“{url}” is not a review server's address (it starts with postgresql://)"),
    "address.no_database": ("服务器地址 {url} 没有写数据库名（例如 postgresql://服务器:5432/法治年报2026）",
                            "The server address {url} names no database (e.g. postgresql://server:5432/法治年报2026)"),
    "address.bad_port": ("服务器地址 {url} 中的端口号不对：应是 1–65535 之间的数字（例如 5432）",
                         "The port in the server address {url} is wrong: it is a number from 1 to 65535 (e.g. 5432)"),
    # reviewer project copy / assign / unassign (reviewer.cli_server, reviewer.project_copy)
    "project.copied": ("已复制 {reports} 份报告、{decisions} 条审阅意见、{verdicts} 个结论、{history} 条历史记录："
                       "{source} → {destination}",
                       "Copied {reports:count:report:reports}, {decisions:count:decision:decisions}, "
                       "{verdicts:count:verdict:verdicts} and {history:count:history entry:history entries}: "
                       "{source} → {destination}"),
    "project.not_found": ("找不到审阅项目 {source}；请检查路径",
                          "The review project {source} was not found; check the path"),
    "project.not_empty": ("目标项目 {location} 已有 {n} 份报告；请复制到一个新的（空的）项目",
                          "The destination {location} already holds {n:count:report:reports}; copy to a new "
                          "(empty) project"),
    "project.assign_file": ("只有审阅服务器上的项目才能分配报告；项目文件只有一位审阅人",
                            "Only a project on a review server has reports to assign; a project file has one "
                            "reviewer"),
    "project.no_report": ("项目中没有报告“{name}”", "The project has no report “{name}”"),
    "project.assigned": ("已把 {n} 份报告分配给 {reviewer}（新分配 {new} 份）",
                         "Assigned {n:count:report:reports} to {reviewer} ({new} newly)"),
    "project.unassigned": ("已收回分配给 {reviewer} 的 {n} 份报告",
                           "Took {n:count:report:reports} back from {reviewer}"),
    "project.no_reviewer": ("{database}：项目里没有审阅人“{reviewer}”",
                            "{database}: the project has no reviewer “{reviewer}”"),
    # what the server refuses once connected (reviewer.server_errors.refused_in_words)
    "server.refused": ("{database}：服务器拒绝了这次修改（{reason}）",
                       "{database}: the server refused this change ({reason})"),
    "server.save_failed": ("{database}：保存失败（{error}）", "{database}: saving failed ({error})"),
    "server.lead_only_details": ("只有组长可以修改报告的单位、年度等信息或恢复移出的报告",
                                 "Only the team lead changes a report's unit, year and other details, or puts a "
                                 "removed report back"),
    "server.refused_promises": ("您不能勾选这份报告的上年安排落实情况：它已分配给其他审阅人，或已被组长移出项目",
                                "You cannot tick last year's plan for this report: it is assigned to another "
                                "reviewer, or the lead removed it from the project"),
    "server.refused_pairings": ("您不能改变这份报告与上一年度报告的配对：它已分配给其他审阅人，或已被组长移出项目",
                                "You cannot change this report's pairing with last year's: it is assigned to "
                                "another reviewer, or the lead removed it from the project"),
    "server.lead_only_settings": ("只有组长可以更改共享项目的这项设置",
                                  "Only the team lead changes this setting of the shared project"),
    "server.refused_reimport": ("这份报告的上一版本已分配给其他审阅人，您不能重新读入它",
                                "The earlier version of this report is assigned to another reviewer: you cannot "
                                "read it again"),
    "server.lead_only_copy": ("只有项目所有者或组长可以把整个项目复制到服务器上",
                              "Only the project's owner or the team lead copies a whole project onto the server"),
}
