"""What the command line says besides its output, in Chinese and English (``--lang``): part of the one
catalogue (``reviewer.messages.CATALOGUE`` takes these in), kept apart so that file stays readable.

Help texts (``help.*``) are the options' words in ``reviewer -h``; argparse's own words (usage, errors)
are worded by ``reviewer.cli_parser``.
"""

from __future__ import annotations

CLI_WORDS: dict[str, tuple[str, str]] = {
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
    "cli.interrupted": ("已取消（Ctrl+C）", "Cancelled (Ctrl+C)"),
    "cli.nothing_found": ("没有找到可以分析的报告文件（{paths}）", "No report file found ({paths})"),
    "cli.nothing_to_write": ("没有找到可以处理的报告文件（{paths}），未生成任何文件",
                             "No report file found ({paths}): nothing was written"),
    "cli.none_read": ("{n} 个文件都未能读取，没有可以处理的报告，未生成任何文件",
                      "None of the {n} files could be read: no report to work on, nothing was written"),
    "cli.one_not_read": ("这个文件未能读取，没有可以处理的报告，未生成任何文件",
                         "The file could not be read: no report to work on, nothing was written"),
}
