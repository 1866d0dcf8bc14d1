"""Why a project file cannot be opened or written (``StoreError``), in Chinese and English: part of the
one catalogue (``reviewer.messages.CATALOGUE`` takes these in). The command line says them in the
language of ``--lang``; they stayed Chinese under ``--lang en`` (a helper session). The team's
server's words (``reviewer.server_errors``) are Chinese only.
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
