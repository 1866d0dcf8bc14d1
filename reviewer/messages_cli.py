"""What the command line says besides its output, in Chinese and English (``--lang``): part of the one
catalogue (``reviewer.messages.CATALOGUE`` takes these in), kept apart so that file stays readable.

Help texts (``help.*``) are the options' words in ``reviewer -h``; argparse's own words (usage, errors)
are worded by ``reviewer.cli_parser``.
"""

from __future__ import annotations

CLI_WORDS: dict[str, tuple[str, str]] = {
    # help texts (reviewer -h, reviewer COMMAND -h)
    "help.help": ("显示本帮助并退出", "show this help and exit"),
    "help.version": ("显示版本号并退出", "show the version and exit"),
    "help.reviewer": ("法治政府建设年度报告审阅器", "Reviewer of annual reports on building rule-of-law government"),
    "help.paths": ("报告文件或文件夹", "report files or folders"),
    "help.checklist": ("核查清单文件 (TOML)，默认用内置清单", "checklist file (TOML); the built-in one by default"),
    "help.checklist_project": ("核查清单文件 (TOML)；默认用项目记录的清单或内置清单",
                               "checklist file (TOML); by default the project's checklist, or the built-in one"),
    "help.analyze": ("分析报告并输出结果", "analyse reports and print the results"),
    "help.analyze.json": ("输出 JSON (reviewer.analysis/2)", "print JSON (reviewer.analysis/2)"),
    "help.analyze.lang": ("摘要的语言（zh 中文 / en English）", "language of the summary (zh Chinese / en English)"),
    "help.analyze.previous": ("往年报告库：上一年度的审阅项目文件或报告文件夹，同一单位的报告与之对比",
                              "last year's reports: a review project file or a folder of last year's reports, "
                              "to compare each unit's report with"),
    "help.export": ("导出审阅结果为 Excel 工作簿", "export the review to an Excel workbook"),
    "help.export.paths": ("报告文件或文件夹（与 --project 同用时可省略：导出项目中的全部报告）",
                          "report files or folders (may be left out with --project: every report of the project "
                          "is exported)"),
    "help.export.output": ("输出的 .xlsx 文件", "the .xlsx file to write"),
    "help.export.project": ("审阅项目文件（含报告正文、审阅人的决定和意见）",
                            "review project file (with the reports' texts, the reviewer's decisions and comments)"),
    "help.export.lang": ("工作簿的语言", "language of the workbook"),
    "help.export.previous": ("往年报告库：上一年度的审阅项目文件或报告文件夹"
                             "（与 --project 同用时，项目还没有往年报告库则设为它的往年报告库，已有的不变）",
                             "last year's reports: a review project file or a folder of last year's reports (with "
                             "--project, it becomes the project's library when the project has none; a library "
                             "the project has stays)"),
    "help.annotate": ("生成退回单位的批注版报告（Word 批注）和审阅意见书",
                      "write annotated copies (Word comments) and review letters to send back to the units"),
    "help.annotate.paths": ("报告文件或文件夹（与 --project 同用时可省略：项目中的全部报告）",
                            "report files or folders (may be left out with --project: every report of the project)"),
    "help.annotate.output": ("保存到的文件夹（不存在时新建）", "the folder to write into (made if need be)"),
    "help.annotate.project": ("审阅项目文件（含审阅人的决定和意见）",
                              "review project file (with the reviewer's decisions and comments)"),
    "help.annotate.letter": ("同时生成每份报告的审阅意见书", "also write each report's review letter"),
    "help.annotate.template": ("审阅意见书模板 (.docx)；默认用内置模板",
                               "template of the letter (.docx); the built-in one by default"),
    "help.annotate.reviewer": ("审阅人姓名：批注的作者和意见书的署名；默认为项目中最后审阅该报告的人（都没有时须给出）",
                               "the reviewer's name: the comments' author and the letter's signature; by default "
                               "whoever last reviewed the report in the project (needed when nobody did)"),
    "help.annotate.office": ("审阅单位名称，填入意见书的 {{审阅单位}}", "the reviewing office's name, for the letter's "
                             "{{审阅单位}}"),
    "help.annotate.lang": ("批注和意见书的语言", "language of the comments and letters"),
    "help.annotate.unreviewed": ("也为尚未审阅（未审）的报告生成，只含程序的核查结果，意见书注明尚未审阅；"
                                 "默认跳过这些报告",
                                 "also write them for reports not reviewed yet, with the program's checks only "
                                 "(the letter says so); by default these reports are skipped"),
    "help.server": ("审阅服务器（PostgreSQL）的设置", "set up the team's review server (PostgreSQL)"),
    "help.server.url": ("postgresql://管理员@服务器:5432/数据库", "postgresql://administrator@server:5432/database"),
    "help.server.init": ("在服务器的数据库上建立（或升级）审阅项目", "create (or upgrade) the review project in the "
                         "server's database"),
    "help.server.add": ("为审阅人建立登录账号并加入项目", "give a reviewer a login and add them to the project"),
    "help.server.name": ("审阅人的名字（也是登录名）", "the reviewer's name (also their login)"),
    "help.server.lead": ("组长：可以分配报告、设定最终结论", "the team's lead: assigns reports, sets final verdicts"),
    "help.server.password_file": ("从文件读取新账号的密码（第一行）", "read the new login's password from a file "
                                  "(its first line)"),
    "help.server.lang": ("提示和输出的语言（zh 中文 / en English）",
                         "language of what the command says (zh Chinese / en English)"),
    "help.project": ("复制或分配审阅项目", "copy a review project, or assign its reports"),
    "help.project.copy": ("把整个审阅项目复制到另一处（项目文件或服务器）",
                          "copy a whole review project elsewhere (a project file or a server)"),
    "help.project.source": ("项目文件或 postgresql:// 地址", "a project file or a postgresql:// address"),
    "help.project.destination": ("项目文件或 postgresql:// 地址（必须还没有报告）",
                                 "a project file or a postgresql:// address (holding no report yet)"),
    "help.project.assign": ("把报告分配给审阅人（组长）", "assign reports to a reviewer (the lead)"),
    "help.project.unassign": ("收回分配给审阅人的报告（组长）", "take reports back from a reviewer (the lead)"),
    "help.project.location": ("postgresql:// 地址", "a postgresql:// address"),
    "help.project.reviewer": ("审阅人的名字", "the reviewer's name"),
    "help.project.reports": ("报告的文件名或内容哈希（sha256，可只写前 8 位以上）",
                             "the reports' file names or content hashes (sha256; the first 8 characters or more "
                             "will do)"),
    "cli.no_input": ("请给出报告文件或文件夹，或用 --project 指定审阅项目",
                     "Give report files or folders, or a review project with --project"),
    "cli.no_project": ("找不到审阅项目 {project}；请检查路径（要新建项目，请同时给出报告文件或文件夹）",
                       "The review project {project} was not found; check the path (to make a new project, give "
                       "report files or folders with it)"),
    "project.empty": ("审阅项目文件 {project} 是空的（0 字节），可能没有复制完整；请找到完整的项目文件",
                      "The review project file {project} is empty (0 bytes), probably a copy that did not finish; "
                      "find the whole project file"),
    "cli.not_xlsx": ("导出的是 Excel 工作簿（.xlsx），不能写成 {name}：请用以 .xlsx 结尾的文件名，如 -o {example}",
                     "The export is an Excel workbook (.xlsx) and cannot be written as {name}: give a name ending "
                     "in .xlsx, e.g. -o {example}"),
    "cli.scan_page": ("正在识别扫描件 {name}：第 {page}/{total} 页", "Reading the scan {name}: page {page}/{total}"),
    "cli.waiting": ("注意：本机还有 {n} 项审阅修改尚未写入 {project}（窗口保存时项目无法写入），"
                    "这次的结果不含这些修改；{what}",
                    "Note: {n:count:change:changes} to the review on this computer {n:form:is:are} not yet written "
                    "to {project} (the project could not be written when the window saved); this output does not "
                    "include {n:form:it:them}. {what}"),
    "cli.waiting_open": ("在窗口中打开这个项目即会写入，之后再运行一次",
                         "Opening the project in the window writes what is waiting; then run this again"),
    "cli.waiting_read_only": ("项目文件是只读的，它们写不进去；待项目文件可以写入时，在窗口中打开这个项目即会写入",
                              "The project file is read-only, so nothing can be written to it; once it can be, "
                              "opening the project in the window writes what is waiting"),
    # the review letter's template (--template, 设置 → 审阅意见书模板)
    "template.unreadable": ("无法读取审阅意见书模板 {name}：{reason}",
                            "Cannot read the letter template {name}: {reason}"),
    "template.not_docx": ("审阅意见书模板 {name} 不是有效的 Word 文档（.docx）",
                          "The letter template {name} is not a valid Word document (.docx)"),
    "template.no_fields": ("审阅意见书模板 {name} 中没有任何占位符（如 {{单位}}、{{标题}}），无法填写",
                           "The letter template {name} has no placeholder (such as {{单位}} or {{标题}}) to fill in"),
    "cli.need_reviewer": ("请用 --reviewer 给出审阅人姓名", "give the reviewer's name with --reviewer"),
    "cli.skipped_hint": ("如需按程序的核查结果为这 {n} 份报告生成，请加 --include-unreviewed（意见书将注明尚未审阅）",
                         "To write {n:form:it:them} from the program's checks, add --include-unreviewed (the letter "
                         "says {n:form:it was:they were} not reviewed)"),
    "cli.annotated": ("已生成 {n} 份批注版：{folder}", "Wrote {n:count:annotated copy:annotated copies}: {folder}"),
    "cli.annotated_letters": ("已生成 {n} 份批注版和 {n} 份审阅意见书：{folder}",
                              "Wrote {n:count:annotated copy:annotated copies} and {n:form:its letter:their letters}: "
                              "{folder}"),
    "cli.comments": ("{path}（批注 {n} 条）", "{path} ({n:count:comment:comments})"),
    "cli.workbook_name": ("审阅结果.xlsx", "review.xlsx"),
    "cli.into_folder": ("输出位置是一个文件夹，工作簿写在其中：{path}",
                        "The output is a folder; the workbook is written in it: {path}"),
    "cli.suffix_added": ("输出文件名没有扩展名，已加上 .xlsx：{path}",
                         "The output's name had no extension; .xlsx was added: {path}"),
    "cli.replaced": ("已覆盖原有文件 {path}", "Replaced the existing file {path}"),
    "cli.replaced_in": ("已覆盖 {folder} 中原有的 {n} 个文件：{names}",
                        "Replaced {n:count:existing file:existing files} in {folder}: {names}"),
    "cli.exported": ("已导出 {n} 份报告的审阅结果：{path}", "Exported the review of {n:count:report:reports}: {path}"),
    "cli.added_to_project": ("已把 {n} 份新报告加入审阅项目 {project}",
                             "Added {n:count:new report:new reports} to the project {project}"),
    "cli.previous_with_project": ("已忽略 --previous：审阅项目用它自己设定的往年报告库"
                                  "（在窗口的“工具 → 往年报告库”中更改）",
                                  "--previous ignored: the project uses its own library of last year's reports "
                                  "(changed in the window, Tools → Last year's reports)"),
    "cli.library_set": ("已把 {library} 设为审阅项目 {project} 的往年报告库",
                        "Set {library} as the library of last year's reports of the project {project}"),
    "cli.previous_missing": ("已忽略 --previous：找不到 {path}（往年报告库是上一年度的审阅项目文件或报告文件夹）",
                             "--previous ignored: {path} was not found (last year's library is a review project "
                             "file or a folder of last year's reports)"),
    "cli.previous_refused": ("已忽略 --previous：{reason}", "--previous ignored: {reason}"),
    # a project's report whose file changed since: the export keeps the project's version (cli_export)
    "cli.kept_as_it_was": ("{name}：源文件已更改；这里用的是项目保存的版本。要按新内容审阅，"
                           "请在窗口中选择“审阅 → 重新导入已更改的报告”",
                           "{name}: the file has changed; the project's version of it is used here. To review "
                           "the new content, choose Review → Re-import changed reports in the window"),
    "cli.interrupted": ("已取消（Ctrl+C）", "Cancelled (Ctrl+C)"),
    "cli.nothing_found": ("没有找到可以分析的报告文件（{paths}）", "No report file found ({paths})"),
    "cli.nothing_to_write": ("没有找到可以处理的报告文件（{paths}），未生成任何文件",
                             "No report file found ({paths}): nothing was written"),
    "cli.none_read": ("{n} 个文件都未能读取，没有可以处理的报告，未生成任何文件",
                      "None of the {n} files could be read: no report to work on, nothing was written"),
    "cli.one_not_read": ("这个文件未能读取，没有可以处理的报告，未生成任何文件",
                         "The file could not be read: no report to work on, nothing was written"),
}
