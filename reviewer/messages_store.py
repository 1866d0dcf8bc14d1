"""Why a project file, or the team's server, cannot be used (``StoreError``), in Chinese and English:
part of the one catalogue (``reviewer.messages.CATALOGUE`` takes these in). The command line says
them in the language of ``--lang``; they stayed Chinese under ``--lang en`` (a helper session). What
the server refuses once connected is in ``reviewer.messages_server``.
"""

from __future__ import annotations

STORE_WORDS: dict[str, tuple[str, str]] = {
    "store.folder": ("{name}：这是一个文件夹，不是审阅项目文件；请指定一个 .review 文件",
                     "{name}: this is a folder, not a review project file; name a .review file"),
    "store.read_only_empty": ("{name}：项目文件是只读的，而且是空的，无法作为审阅项目打开",
                              "{name}: the project file is read-only and empty: it cannot be opened as a project"),
    "store.cannot_open": ("{name}：无法打开审阅项目（{error}），未做任何修改",
                          "{name}: the review project cannot be opened ({error}); nothing was changed"),
    "store.cannot_create": ("{name}：无法创建审阅项目（{reason}），未做任何修改",
                            "{name}: the review project cannot be made ({reason}); nothing was changed"),
    "store.not_a_project": ("{name}：不是审阅项目文件（文件内容不是审阅项目数据库），未做任何修改",
                            "{name}: not a review project file (its content is no project's database); "
                            "nothing was changed"),
    "store.other_database": ("{name}：不是审阅项目文件（是其他程序的数据库），未做任何修改",
                             "{name}: not a review project file (it is another program's database); "
                             "nothing was changed"),
    "store.newer": ("{name}：此项目由更新版本的审阅器创建（格式版本 {version}），请升级程序后再打开",
                    "{name}: this project was made by a newer version of the reviewer (format {version}); "
                    "update the program to open it"),
    "store.read_only_write": ("{name}：项目文件是只读的，无法保存审阅结果；请复制到可写的位置后再打开",
                              "{name}: the project file is read-only, so the review cannot be saved; copy it "
                              "somewhere writable and open it there"),
    "store.read_only_old": ("{name}：项目文件是只读的，而它的格式需要先升级（版本 {version}）；"
                            "请复制到可写的位置后再打开",
                            "{name}: the project file is read-only and its format must be upgraded first "
                            "(version {version}); copy it somewhere writable and open it there"),
    "store.save_failed": ("{name}：保存失败（{error}）", "{name}: saving failed ({error})"),
    "store.disk_full": ("{name}：磁盘空间已满（所在磁盘剩余 {kb} KB），无法写入审阅项目；"
                        "请删除不需要的文件腾出空间，再继续审阅",
                        "{name}: the disk is full ({kb} KB left), so the review project cannot be written; "
                        "delete files you do not need to make room, then go on"),
    # a file read without writing (a read-only project, last year's library): {why} says which
    "store.pending": ("{name}：{why}它最近的修改还在旁边的 {pending} 中，只读时无法读出；"
                      "请把 {name} 和 {pending} 一起复制到可写的位置后再打开",
                      "{name}{why}: its latest changes are still in {pending} beside it, which cannot be read "
                      "without writing; copy {name} and {pending} together somewhere writable and open it there"),
    "store.unreadable": ("{name}：{why}无法读取（{error}）；请复制到可写的位置后再打开",
                         "{name}{why}: cannot be read ({error}); copy it somewhere writable and open it there"),
    "store.why_read_only": ("项目文件是只读的，", " (a read-only project file)"),
    "store.why_library": ("往年报告库", " (last year's library)"),
    "store.why_none": ("", ""),
    # the team's server cannot be reached or logged in to (reviewer.server_errors)
    "server.no_password": ("无法登录审阅服务器 {where}：服务器要求密码，但没有提供"
                           "（可写在地址里，或用 PGPASSWORD 环境变量、~/.pgpass 文件）",
                           "Cannot log in to the review server {where}: it asks for a password and none was given "
                           "(put it in the address, or use the PGPASSWORD variable or a ~/.pgpass file)"),
    "server.bad_password": ("无法登录审阅服务器 {where}：用户名或密码不正确",
                            "Cannot log in to the review server {where}: wrong user name or password"),
    "server.no_database": ("审阅服务器 {server} 上没有数据库 {database}：请服务器管理员先建立它"
                           "（如 createdb {database}），再运行 reviewer server init",
                           "The review server {server} has no database {database}: ask the server's administrator "
                           "to make it (e.g. createdb {database}), then run reviewer server init"),
    "server.no_ssl": ("无法与审阅服务器 {where} 建立加密连接",
                      "Cannot make an encrypted connection to the review server {where}"),
    "server.unreachable": ("无法连接审阅服务器 {where}：{why}", "Cannot connect to the review server {where}: {why}"),
    "server.why_refused": ("服务器没有在这个地址和端口上运行，请核对地址和端口，或请管理员确认服务器已启动",
                           "no server is running at this address and port; check them, or ask the administrator "
                           "whether the server is up"),
    "server.why_unknown_host": ("找不到这个服务器地址，请核对地址拼写，或检查网络",
                                "this server address cannot be found; check its spelling, or the network"),
    "server.why_timeout": ("服务器没有回应，请检查网络连接（或防火墙设置）",
                           "the server does not answer; check the network connection (or the firewall)"),
    "server.why_no_route": ("网络不通，请检查网络连接", "the network cannot reach it; check the network connection"),
    "server.why_other": ("请检查网络和服务器地址，或把技术细节告诉管理员",
                         "check the network and the server's address, or give the technical details to the "
                         "administrator"),
    # only the server's administrator adds members (``server add-reviewer``): the lead cannot, so it is
    # not the lead who is to be asked (a helper session)
    "server.not_member": ("{user} 不是审阅项目 {database} 的成员：只有服务器管理员（运行 reviewer server init "
                          "建立这个项目的账号）才能添加审阅人，请把名字告诉服务器管理员",
                          "{user} is not a member of the review project {database}: only the server's "
                          "administrator (the login that ran reviewer server init for it) can add reviewers; "
                          "give them the name"),
    # a damaged project file; SQLite's own words (English, technical) last and labelled
    "store.corrupt": ("{name}：审阅项目文件已损坏。{advice}。损坏的文件不会被改动。\n技术信息：{detail}",
                      "{name}: the review project file is damaged. {advice}. The damaged file is not changed.\n"
                      "Technical details: {detail}"),
    "store.corrupt_backup": ("可以用自动备份恢复（{backup}，保存于 {when}，即上次正常打开时的状态）："
                             "在程序中选择“从备份恢复”，或关闭程序后把 {backup} 复制为 {name}",
                             "It can be restored from the automatic backup ({backup}, saved {when}, as it was when "
                             "last opened normally): choose “Restore the backup” in the program, or close the "
                             "program and copy {backup} to {name}"),
    "store.corrupt_no_backup": ("没有找到自动备份；请从其他备份恢复，或新建项目后重新打开报告",
                                "No automatic backup was found; restore it from another backup, or make a new "
                                "project and open the reports again"),
}
