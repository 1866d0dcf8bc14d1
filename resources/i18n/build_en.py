# ruff: noqa: E501  (the translation table reads best one pair per line)
"""Regenerate reviewer_en.ts/.qm: lupdate over ui/, English for every known string, lrelease.

Usage (from the repository root): python resources/i18n/build_en.py
The names of statuses, parts, findings and the like are not here: they come from the core's
vocabulary (``reviewer/vocab.py``, ``reviewer/messages.py``) in both languages.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TS = HERE / "reviewer_en.ts"
BIN = Path(sys.executable).parent

EN: dict[str, str | tuple[str, str]] = {
    "Excel 工作簿 (*.xlsx)": "Excel workbook (*.xlsx)", "随时保存": "saved as you go",
    "{why}。\n\n在连上之前，窗口中是一个空的临时项目，在其中所做的审阅不会保留。": "{why}.\n\nUntil then the window holds an empty, temporary project: nothing reviewed in it is kept.",
    "暂时连不上审阅服务器": "The review server cannot be reached for now", "审阅服务器拒绝了连接": "The review server refused the connection",
    "{why}\n\n请用“文件 → 连接审阅服务器”重新输入姓名和密码。": "{why}\n\nPlease connect again with File → Connect to review server, with your name and password.", "已重新连上审阅服务器": "Connected to the review server again", "{figure}　每份报告取其中最大的一个数": "{figure} — each report's largest figure",
    "注意：所选的上一年度报告是另一单位的（{unit}）": "Note: the report chosen as last year's is another unit's ({unit})", "{done}/{total} 已核": "{done}/{total} checked",
    "待复核：确认或改判之前，此项不写入批注版和审阅意见书": "To be re-checked: until confirmed or changed, this item is not in the annotated copy or the letter",
    "意见写入批注版和审阅意见书，发给单位": "The comment goes to the unit, in the annotated copy and the letter",
    "符合、不适用项的意见只记在项目和工作簿中，不发给单位": "A comment on a met or not-applicable item stays in the project and the workbook; it is not sent to the unit",
    "“{item}”的意见是在“{old}”时写的备注，只记在项目中：\n\n{note}\n\n改为“{new}”后，这条意见会写入批注版和审阅意见书，发给单位。": "The comment on “{item}” was written as a note under “{old}”, kept in the project only:\n\n{note}\n\nAs “{new}”, this comment goes to the unit, in the annotated copy and the review letter.",
    "意见将发给单位": "The comment would go to the unit", "发给单位": "Send to the unit", "清空意见": "Clear the comment",
    "正在连接审阅服务器…": "Connecting to the review server…",
    "从共享项目中移除 {n} 份报告？\n{names}\n\n审阅记录仍保存在审阅服务器上；组长重新打开这些文件即可恢复。": "Remove {n} report(s) from the shared project?\n{names}\n\nTheir review stays on the review server; the lead opening the files again brings them back.",
    "审阅结果.xlsx": "review.xlsx", "{project}_审阅结果.xlsx": "{project}_review.xlsx",
    "上一个": "Previous", "上一份": "Previous", "上一份报告 (Alt+↑)": "Previous report (Alt+Up)", "下一个": "Next",
    "下一份": "Next", "下一份报告 (Alt+↓)": "Next report (Alt+Down)", "不完整：{part}": "Partial: {part}",
    "仅内存，未保存": "memory only, not saved", "只读，修改不会保存": "read-only, changes are not saved",
    "只读的审阅项目": "Read-only review project", "（{file}）": " ({file})", "不符合：{part}": "Fails: {part}", "{heading}\n审阅认定不符合": "{heading}\nreviewer: fails", "此项的判断来自报告的旧版本，待复核：请先确认或改判，再修改意见": "This decision was made on an earlier version of the report and is to be re-checked: confirm or change it before editing the comment", "另有 {n} 个文件未打开，不影响审阅（已打开报告的副本，或不是报告），列在最后。": ("{n} more file was not opened, which does not affect the review (a copy of a report opened, or not a report); it is listed last.", "{n} more files were not opened, which does not affect the review (copies of reports opened, or not reports); they are listed last."), "{n} 项已判定为不符合，审阅意见书仍会列出：{names}": ("{n} item was found failing; the review letter will still list it: {names}", "{n} items were found failing; the review letter will still list them: {names}"), "{part}（审阅认定{decision}）": "{part} (reviewer: {decision})", "只读，有修改未能写入": "read-only, changes could not be written", "全部状态": "All statuses", "关于": "About",
    "关于法治年报审阅器": "About Rule-of-Law Report Reviewer", "关闭查找栏 (Esc)": "Close find bar (Esc)",
    "写入每条审阅记录": "recorded with every decision", "取消": "Cancel", "审阅(&R)": "&Review", "审阅人：": "Reviewer:",
    "审阅意见（自动保存）": "Comment (saved automatically)", "审阅意见：{c}": "Comment: {c}",
    "审阅项目 (*{s})": "Review project (*{s})", "对比": "Compare", "导出Excel": "Export to Excel",
    "导出Excel…": "Export to Excel…", "导出失败": "Export failed", "工具(&T)": "&Tools", "工具栏": "Toolbar",
    "已审结 {done}/{total} 份": "Reviews finished: {done}/{total}", "已导出到 {p}": "Exported to {p}",
    "已打开 {n} 份报告": ("Opened {n} report", "Opened {n} reports"),
    "已打开 {ok} 份报告，": ("Opened {ok} report; ", "Opened {ok} reports; "),
    "以下 {bad} 个文件未能打开：": ("this file could not be opened:", "these {bad} files could not be opened:"),
    "帮助(&H)": "&Help", "总体意见（自动保存）": "Overall comment (saved automatically)",
    "打开一份或多份报告 (Ctrl+O)": "Open one or more reports (Ctrl+O)", "打开失败": "Open failed",
    "打开审阅项目": "Open review project", "打开审阅项目…": "Open review project…", "打开报告": "Open reports",
    "打开报告文件夹": "Open folder of reports", "打开报告时出错：\n{m}": "Error while opening reports:\n{m}",
    "打开文件…": "Open files…", "打开文件夹…": "Open folder…",
    "打开文件夹中的全部报告 (Ctrl+Shift+O)": "Open every report in a folder (Ctrl+Shift+O)",
    "把审阅结果导出为 Excel 工作簿 (Ctrl+E)": "Export the review to an Excel workbook (Ctrl+E)", "报告": "Reports",
    "指标：": "Metric:", "按主题、单位或原文筛选": "Filter by topic, unit or text", "按单位或文件名筛选": "Filter by unit or file name",
    "清除筛选": "Clear filters", "没有符合筛选条件的报告（项目中共 {n} 份）": ("No report matches the filters (the project holds {n} report)", "No report matches the filters (the project holds {n} reports)"),
    "按问题描述筛选": "Filter by description", "放大文字": "Larger text", "数据指标": "Metrics", "数据指标 ({n})": "Metrics ({n})",
    "文件(&F)": "&File", "新建审阅项目": "New review project", "新建审阅项目…": "New review project…", "无此项": "not in checklist",
    "无法写入 {p}：{e}": "Cannot write {p}: {e}", "随时保存，网络位置": "saved as you go, on a network drive",
    "更改语言或核查清单后，重新启动或“重新分析”生效。": "Language and checklist changes apply after a restart or Re-analyse.",
    "最近的审阅项目": "Recent projects", "未找到": "Not found", "未报告": "not reported", "未选择报告": "No report selected",
    "查找": "Find", "查找…": "Find…", "查找：": "Find:", "核查清单 (*.toml)": "Checklist (*.toml)", "核查清单：": "Checklist:",
    "正在打开 %v/%m": "Opening %v/%m", "已重新读入 {n} 份报告，原有判断标为待复核": ("Read {n} report again; its decisions are marked to re-check", "Read {n} reports again; their decisions are marked to re-check"), "；另打开 {n} 份报告": ("; opened {n} more", "; opened {n} more"), "部分文件未打开": "Some files were not opened", "以下文件未打开（不影响审阅）：": "These files were not opened (nothing is missing from the review):", "有修改尚未写入": "changes not yet written", "，另有 {k} 份原已在项目中": ("; {k} more was in the project already", "; {k} more were in the project already"), "{k} 份报告原已在项目中，没有新的报告": ("{k} report was in the project already; it is not new", "{k} reports were in the project already; none is new"), "，{n} 项待复核": ", {n} to re-check", "文件未重复打开": "Files not opened twice", "以下文件与已打开的报告相同，未重复打开：": "These files hold reports already open, and were not opened again:", "识别扫描件 %v/%m 页": "Scan page %v/%m", "正在打开其他文件，请稍候或先取消": "Still opening other files; wait or cancel first",
    "法治年报审阅器 — {p}": "Rule-of-Law Report Reviewer — {p}", "浏览…": "Browse…",
    "用当前核查清单重新分析已打开的报告 (F5)": "Re-analyse the open reports with the current checklist (F5)",
    "界面语言将在重新启动后生效": "The interface language changes after a restart", "界面语言：": "Language:",
    "留空使用内置核查清单": "empty: built-in checklist", "结论：": "Verdict:", "缩小文字": "Smaller text", "缺：{part}": "Missing: {part}",
    "视图(&V)": "&View", "设置": "Settings", "设置…": "Settings…", "退出": "Quit",
    "选择一个指标主题进行比较": "Choose a metric topic to compare",
    "选择一个核查项，查看程序发现的依据并作出判断。": "Choose a checklist item to see the evidence and decide.",
    "选择核查清单": "Choose checklist", "部分文件未能打开": "Some files could not be opened", "重新分析": "Re-analyse",
    "问题": "Findings", "问题 ({n})": "Findings ({n})", "项目：{name}（{mode}）": "Project: {name} ({mode})",
    "（已取消其余文件）": " (the rest was cancelled)", "（无）": "(none)", "{name}\n状态：{status}　已核 {done}/{total}　缺项 {gaps}":
    "{name}\nStatus: {status}  checked {done}/{total}  gaps {gaps}", "{heading}\n不完整：{note}": "{heading}\nPartial: {note}",
    "必备部分": "Required parts", "重点领域": "Key areas", "关键数据": "Key figures", "形式规范": "Form",
    "已找到": "found", "不完整": "partial", "缺失": "missing", "不适用": "N/A", "符合": "Pass", "不符合": "Fail",
    "未定": "Undecided", "通过": "Approved", "需修改": "Needs changes", "未审": "Not reviewed", "审阅中": "In review",
    "错误": "Error", "警告": "Warning", "提示": "Info", "主要举措和成效": "Measures and results",
    "存在的不足和原因": "Shortcomings and causes", "第一责任人履职情况": "Leaders' first responsibility",
    "下一年度主要安排": "Plans for next year", "其他需要报告的情况": "Other matters",
    "省级": "province", "市级": "city", "县级": "county", "部门": "department", "乡镇": "town", "街道": "street", "其他": "other",
    "（旧版）": " (old version)", "此判断针对报告的旧版本，请复核": "This decision was made on an earlier version of the report; please recheck",
    "● 已找到　◐ 不完整　○ 缺失　— 不适用　✓ 审阅符合　✗ 审阅不符合（双击查看）": "● found  ◐ partial  ○ missing  — N/A  ✓ passed  ✗ failed (double-click to open)",
    "\n审阅：{d}": "\nReview: {d}", "正在导出…": "Exporting…",
    "把报告文件或文件夹拖到窗口中，或按 Ctrl+O 打开文件、Ctrl+Shift+O 打开文件夹。": "Drop report files or folders here, or press Ctrl+O to open files, Ctrl+Shift+O to open a folder.",
    "法治年报审阅器 0.1\n\n帮助审阅法治政府建设年度报告：检查必备部分、关键数据和形式规范，记录审阅意见并导出 Excel。\n\n报告内容只作为数据处理，不会执行或联网。": "Rule-of-Law Report Reviewer 0.1\n\nHelps review annual reports on building rule-of-law government: required parts, key figures and form, with comments and an Excel export.\n\nReport content is treated as data only; nothing is executed or sent over the network.",
}


# Strings passed to tr() through a variable: lupdate cannot see them, so they are listed here.
NON_LITERAL = {
    "ChecklistModel": ("核查项", "审阅"),
    "GridModel": ("报告", "状态", "缺"),
    "MetricsModel": ("主题", "数值", "计量单位", "原文", "所在章节"),
    "FindingsModel": ("级别", "问题", "类型"),
    "FindingsTreeModel": ("问题", "级别"),
}
# lupdate names a context after the receiver it sees (``w.tr``, ``self.w.tr``); at run time
# PySide uses the class of that object, which is always the main window.
ALIASES = {"", "w", "self.w", "parent"}
EN.update({
    "程序判断": "Program's finding", "所有文件": "All files", "（未保存）": " (not saved)",
    "这项修改尚未写入审阅项目（已暂存在本机，会自动重试）": "This change is not in the project yet (kept on this computer; retrying)",
    "只看最多和最少的 {n} 个": "Only the {n} largest and smallest", "项目中的全部报告（{n} 份）": "All reports in the project ({n})",
    "报告列表中筛选出的报告（{n} 份）": "The reports the list's filter shows ({n})", "当前报告：{name}": "The current report: {name}",
    "（未选择）": "(none)", "导出哪些报告的审阅结果？": "Export the review of which reports?", "{kind}（{n}）": "{kind} ({n})",
    "审阅状态": "Review status", "缺失或部分具备的核查项数": "Checklist items missing or partial", "审阅指南": "Reviewing guide",
    "{d}（在核查清单中按 {k}）": "{d} (key {k} in the checklist)", "快捷键…": "Keyboard shortcuts…", "审阅指南…": "Reviewing guide…",
    "逐份审阅：报告、正文和核查清单 (Ctrl+1)": "Review one report: its text and checklist (Ctrl+1)",
    "全部报告对比：核查矩阵和指标图 (Ctrl+2)": "Compare all reports: the matrix and a figure across units (Ctrl+2)",
    "导出完成": "Export done", "审阅结果已导出到：\n{p}": "The review was exported to:\n{p}", "打开文件": "Open file",
    "打开所在文件夹": "Open folder", "审阅项目已损坏": "Project file damaged", "从备份恢复": "Restore the backup",
    "缺：程序判断缺失或部分具备的核查项\n问：问题（见“问题”页）": "G: checklist items the program found missing or partial\nF: findings (Findings tab)",
    "　结论未保存": "  verdict not saved", "{n}/{total} 项尚未审阅：{names}": "Not reviewed ({n} of {total} items): {names}",
    "{n} 项程序判断为缺失，没有审阅意见：{names}": ("{n} item found missing, with no word from you: {names}", "{n} items found missing, with no word from you: {names}"),
    "确认结论为“通过”？": "Accept this report?", "仍然把这份报告的结论设为“通过”吗？": "Set the verdict to Accepted anyway?",
    "立即重试": "Retry now", "已暂存在本机，恢复后自动写入；关闭程序也不会丢失。": "They are kept on this computer and written when possible; closing loses nothing. ",
    "本机也无法暂存，只保存在内存中：请先不要关闭程序。": "They could not be kept on this computer either, only in memory: do not close the program yet. ",
    "无法保存到审阅项目：{m}\n{n} 项修改尚未写入项目，{kept}正在自动重试。": ("Cannot save to the project: {m}\n{n} change is not in the project yet. {kept}Retrying.", "Cannot save to the project: {m}\n{n} changes are not in the project yet. {kept}Retrying."),
    "全部修改已写入审阅项目": "Every change is saved in the project",
    "{n} 项修改还没能写入审阅项目，已暂存在本机；下次打开这个项目时会自动写入。": ("{n} change could not be written to the project yet; it is kept on this computer and written the next time the project is opened.", "{n} changes could not be written to the project yet; they are kept on this computer and written the next time it is opened."),
    "修改尚未写入项目": "Changes not saved yet", "{n} 项修改既没能写入审阅项目，也没能暂存在本机。关闭程序会丢失它们。": ("{n} change could be neither saved in the project nor kept on this computer. Closing now loses it.", "{n} changes could be neither saved in the project nor kept on this computer. Closing now loses them."),
    "修改会丢失": "Changes would be lost", "快捷键": "Keyboard shortcuts", "按键": "Keys", "作用": "Action",
    "正在识别扫描件 {name}：第 {page}/{total} 页": "Reading scan {name}: page {page}/{total}", "缺{n}": "G{n}", "问{n}": "F{n}",
    "审阅人": "Reviewer", "请输入您的姓名，它会写入每一条审阅记录（以后可在“设置”中修改）：": "Your name, recorded with every decision (you can change it in Settings):",
    "（双击查看）": " (double-click to open)",
    "用当前核查清单重新分析项目中的报告 (F5)": "Re-analyse the project's reports with the current checklist (F5)",
    "从项目中移除…": "Remove from project…", "把选中的报告移出项目 (Delete)": "Remove the selected reports from the project (Delete)",
    "重新导入已更改的报告": "Re-import changed reports",
    "源文件已更改的报告：重新读入，原有判断标为待复核": "Read again the reports whose source file changed; earlier decisions are marked for re-check",
    "打开示例项目": "Open the sample project", "核查清单无法使用": "Checklist cannot be used",
    "{e}\n\n本次使用内置核查清单。": "{e}\n\nThe built-in checklist is used this time.",
    "{e}\n\n仍使用原来的核查清单。": "{e}\n\nThe previous checklist stays in use.",
    "正在打开报告，请稍候再移除": "Reports are still opening; remove them when that is done",
    "从项目中移除 {n} 份报告？\n{names}\n\n审阅记录仍保存在项目文件中；重新打开这些文件即可恢复。": "Remove {n} report(s) from the project?\n{names}\n\nTheir review stays in the project file; opening the files again brings them back.",
    "移除报告": "Remove reports", "项目中有 {n} 份报告": ("{n} report in the project", "{n} reports in the project"),
    "；{n} 份报告的源文件已更改，可在“审阅”菜单中重新导入": ("; {n} source file has changed (Review → Re-import changed reports)", "; {n} source files have changed (Review → Re-import changed reports)"),
    "{p} — 法治年报审阅器": "{p} — Rule-of-Law Report Reviewer", "（已更改）": " (changed)",
    "{name}\n状态：{status}　已核 {done}/{total}　必备部分 {parts}\n{gaps}；问题 {findings} 处": "{name}\nStatus: {status}  checked {done}/{total}  required parts {parts}\n{gaps}; findings: {findings}",
    "\n源文件已更改：可用“审阅 → 重新导入已更改的报告”读入新版本": "\nThe source file has changed: Review → Re-import changed reports reads the new version",
    "部分具备：{part}": "Partial: {part}", "{heading}\n部分具备：{note}": "{heading}\nPartial: {note}",
    "程序判断：{auto}　　审阅决定：{decided}　{recheck}": "Program: {auto}    Reviewer: {decided}  {recheck}",
    "项目": "Item", "自动": "Found", "审阅": "Review", "主题": "Topic", "数值": "Value", "计量单位": "Measure",
    "原文": "Text", "所在章节": "Section", "级别": "Severity", "类型": "Kind",
    "报告 (*.txt *.docx *.pdf *.html *.htm);;所有文件 (*)": "Reports (*.txt *.docx *.pdf *.html *.htm);;All files (*)",
    "（识别中 {done}/{total} 页）": " (reading scan {done}/{total} pages)",
    "正在识别扫描件（已读 {done}/{total} 页），全部读完后再下结论": "Reading the scan ({done}/{total} pages read); decide once every page is read",
    "缺": "Gaps",
    "核查项": "Checklist item", "状态": "Status", "无法打开审阅项目": "Cannot open the review project",
    "{why}\n\n仍在审阅当前项目“{name}”。": "{why}\n\nYou are still in the project “{name}”.",
    "{why}\n\n本次审阅只保存在内存中，关闭程序后不会保留。请用“文件 → 打开审阅项目”或“新建审阅项目”选择一个项目后再审阅。":
        "{why}\n\nThis review is kept in memory only and is lost when the program closes. Choose a project with "
        "File → Open review project or New review project before reviewing.",
    "“{name}”已在另一个窗口中打开（{holder}）。两处的修改都会保存，但彼此不会即时显示：一个核查项的判断连同意见、一份报告的结论连同总体意见，以最后保存的为准（只改结论也会换掉另一窗口写的意见）。建议只在一个窗口中审阅这个项目。":
        "“{name}” is already open in another window ({holder}). Both save their changes, but neither shows the "
        "other's: an item's decision with its comment, and a report's verdict with its overall comment, are as "
        "last saved (changing only the verdict replaces the comment written in the other window). Review this "
        "project in one window only.",
    "项目已在别处打开": "Project open elsewhere",
    "技术细节…": "Technical details…", "隐藏技术细节": "Hide technical details",
    "{why}，无法记住密码：每次连接时需输入密码。": "{why}: the password cannot be remembered and is asked at each connection.",
    "文件未能打开": "Files could not be opened", "以下文件未能打开：": "These files could not be opened:",
    "以下 {bad} 个文件都未能打开：": "None of these {bad} files could be opened:", "移除": "Remove",
    "密码未能记住": "Password not remembered",
    "审阅项目已存在": "Project already exists",
    "“{name}”已是一个审阅项目，其中的报告和审阅记录不会被清除。\n\n要打开这个已有的项目，还是为新项目另取一个名称？":
        "“{name}” is already a review project; its reports and review records will not be cleared.\n\n"
        "Open the existing project, or choose another name for the new one?",
    "打开已有项目": "Open existing project", "另取名称…": "Choose another name…",
    "已连接审阅服务器，但密码未能保存到系统钥匙串：{why}。\n下次连接时需重新输入密码。":
        "Connected to the review server, but the password could not be saved in the system keychain: {why}.\n"
        "It will be asked again at the next connection.",
})

# The 往年对比 tab (ui/lastyear): its own block, so that it merges beside other additions.
EN.update({
    "往年对比": "Last year", "往年对比 ({p})": "Last year ({p})", "上一年度报告：": "Last year's report:",
    "与哪一份上一年度报告对比：默认按报告单位和年度自动配对，可在此更正": "Which report of last year to compare with: paired by unit and year unless you choose here",
    "往年报告库…": "Last year's reports…", "往年报告库": "Last year's reports",
    "指定去年的审阅项目或报告文件夹，作为往年报告的来源": "Choose last year's project or folder of reports to compare with",
    "指定去年的审阅项目或报告文件夹，与同一单位上一年度的报告对比": "Choose last year's project or folder of reports to compare each report with its unit's report of the year before",
    "上年安排": "Last year's plans", "数据变化": "Figures", "上年安排 ({k}/{n} 已报告)": "Last year's plans ({k}/{n} reported)",
    "数据变化 ({n}，异常 {j})": "Figures ({n}; jumps: {j})", "紫色文字：与上年重复": "Purple text: repeats last year",
    "正文中紫色的段落和句子与上一年度报告相同或高度相似": "Purple paragraphs and sentences of the text are the same as, or close to, last year's report",
    "{y} 年度": "{y}", "前一年度": "the year before",
    "未与往年报告对比：没有找到同一单位 {want}的报告。可在上方选择，或在“往年报告库”中指定去年的审阅项目或报告文件夹。": "Not compared with last year: no report of the same unit for {want}. Choose one above, or choose last year's project or folder in Last year's reports.",
    "与上年重复 {all}（{parts}）": "Repeats last year: {all} ({parts})",
    "\n数据 {n} 项可对比，异常变化 {j} 项；上年安排 {m} 项，本年报告了 {k} 项": "\n{n} figures compared, {j} jumps; {m} plan items last year, {k} reported this year",
    "自动配对：{r}": "Automatic: {r}", "不与往年对比": "Do not compare", "（往年报告库）": " (last year's reports)",
    "{n} 个百分点": "{n} pp", "上一年度：{prev}\n本年度：{cur}": "Last year: {prev}\nThis year: {cur}",
    "变化异常，报告未说明原因\n": "A jump the report does not explain\n", "审阅人确认这一项已经落实": "You confirm this item was carried out",
    "{passage}\n\n找到：{words}": "{passage}\n\nFound: {words}", "要点：{words}": "Key words: {words}",
    "同一单位上一年度的报告从这里找：可以是去年的审阅项目文件，也可以是存放去年报告的文件夹。本项目中的报告也会自动与项目内上一年度的报告配对。\n往年报告库只读取，不会被修改。": "Each unit's report of the year before is looked for here: last year's review project, or a folder of last year's reports. Reports of this project are also paired with the project's own reports of the year before.\nLast year's reports are only read, never changed.",
    "未指定（只在本项目内配对）": "none (pair within this project only)", "选择项目文件…": "Choose project…", "选择文件夹…": "Choose folder…",
    "选择去年的审阅项目": "Choose last year's project", "选择存放去年报告的文件夹": "Choose the folder of last year's reports",
    "已落实": "Kept", "上一年度工作安排": "Last year's plan", "本年度报告": "This year's report", "相关内容": "Passage",
    "举措": "measures", "不足": "shortcomings", "第一责任人": "first responsible", "下一年度安排": "plans", "其他": "other",
    "上一年度": "Last year", "本年度": "This year", "变化": "Change", "变化率": "Change %", "本年原文": "This year's sentence",
})
NON_LITERAL.update({
    "FiguresModel": ("主题", "计量单位", "上一年度", "本年度", "变化", "变化率"),
    "PlanModel": ("已落实", "上一年度工作安排", "本年度报告", "相关内容"),
    "LastYearPanel": ("举措", "不足", "第一责任人", "下一年度安排", "其他"),
})


# 导出 → 退回单位（批注版）… (issue 18)
EN.update({
    "导出(&X)": "E&xport", "退回单位（批注版）…": "Send back to the unit (annotated)…",
    "把审阅意见写成 Word 批注，生成退回单位的批注版报告和审阅意见书": "Write the review as Word comments: annotated reports and review letters for the units",
    "退回单位（批注版）": "Send back to the unit (annotated)", "为哪些报告生成退回单位的批注版？": "Which reports should be annotated for their units?",
    "同时生成审阅意见书（模板可在“设置”中更换）": "Also write the review letters (the template is chosen in Settings)",
    "保存批注版到文件夹": "Save the annotated reports in a folder", "正在生成批注版…": "Writing the annotated reports…",
    "正在生成批注版 {done}/{total}": "Writing the annotated reports {done}/{total}", "生成批注版失败": "Annotated reports not written",
    "已为 {n} 份报告生成 {files} 个文件：\n{p}": "{files} files written for {n} reports:\n{p}",
    "打开所在文件夹": "Open folder", "审阅意见书模板无法使用": "Letter template cannot be used",
    "{e}\n\n仍使用原来的模板。": "{e}\n\nThe previous template stays in use.", "审阅意见书模板：": "Letter template:",
    "留空使用内置模板": "empty: built-in template", "选择审阅意见书模板": "Choose the letter template",
    "Word 文档 (*.docx)": "Word document (*.docx)",
    "也为尚未审阅（未审）的报告生成（只含程序的核查结果，意见书注明尚未审阅）":
        "Also for reports not reviewed yet (the program's checks only; the letter says they were not reviewed)",
    "{why}。如需生成，请在对话框中勾选“也为尚未审阅（未审）的报告生成”。":
        "{why}. To write them too, tick “Also for reports not reviewed yet” in the dialog.",
    "所选的 {n} 份报告都尚未审阅（未审）。仍为它们生成批注版吗？（只含程序的核查结果，意见书注明尚未审阅）": (
        "The report chosen has not been reviewed yet. Write its annotated copy anyway? (The program's checks"
        " only; the letter says it was not reviewed.)",
        "The {n} reports chosen have not been reviewed yet. Write their annotated copies anyway? (The program's"
        " checks only; the letters say they were not reviewed.)"),
    "仍然生成": "Write anyway",
    "批注和审阅意见书要署审阅人的姓名。请输入您的姓名（会保存到“设置”中）：":
        "The comments and letters are signed with the reviewer's name. Your name (kept in Settings):",
    "无法打开": "Cannot open", "文件": "file", "文件夹": "folder",
    "无法打开{what}：\n{p}\n\n本机没有可以打开它的程序，或系统拒绝打开。请在文件管理器中找到它，用合适的程序打开。":
        "Cannot open the {what}:\n{p}\n\nNo program on this computer opens it, or the system refused. "
        "Find it in your file manager and open it with a suitable program.",
})


# 文件 → 连接审阅服务器, the shared project on the team's server (issue 15)
EN.update({
    "连接审阅服务器": "Connect to the review server", "连接审阅服务器…": "Connect to the review server…",
    "组长为您建立的登录名": "the login your team lead created for you",
    "在系统钥匙串中记住密码": "Remember the password in the system keychain", "服务器地址": "Server address",
    "用户名": "User name", "密码": "Password", "连接": "Connect", "请填写用户名": "Please enter the user name",
    "地址、用户名和密码由项目组长提供。断网时修改先保存在本机，联网后自动同步。":
        "Your team lead gives you the address, user name and password. Without a network, changes are kept "
        "on this computer and sent when the server is back.",
    "打开团队在审阅服务器上共享的项目": "Open the project your team shares on the review server",
    "这台电脑没有可用的系统钥匙串，密码未保存：下次连接时需重新输入":
        "This computer has no usable keychain: the password was not kept and is asked again next time",
    "（服务器）": " (server)", "\n分配给：{names}": "\nAssigned to: {names}", "全部报告": "All reports",
    "我的报告": "My reports",
    "只看分配给我的报告，或看项目中的全部报告（分配给我的排在前面）":
        "Only the reports assigned to me, or all of the project's reports (mine first)",
    "所选的报告已不在项目或往年报告库中，按自动配对：{r}": "The report chosen is no longer in the project or the library; paired automatically: {r}",
    "审阅服务器": "review server", "已连接服务器 · {me}{role}": "Connected to the server · {me}{role}",
    "（组长）": " (lead)",
})

def _context(root: ET.Element, name: str) -> ET.Element:
    for ctx in root.findall("context"):
        if (ctx.findtext("name") or "") == name:
            return ctx
    ctx = ET.SubElement(root, "context")
    ET.SubElement(ctx, "name").text = name
    return ctx


def _add(ctx: ET.Element, source: str, numerus: bool = False) -> None:
    if any(m.findtext("source") == source for m in ctx.findall("message")):
        return
    msg = ET.SubElement(ctx, "message", {"numerus": "yes"} if numerus else {})
    ET.SubElement(msg, "source").text = source
    ET.SubElement(msg, "translation")


def _fix_contexts(root: ET.Element) -> None:
    main = _context(root, "MainWindow")
    for ctx in list(root.findall("context")):
        if (ctx.findtext("name") or "") in ALIASES:
            for msg in ctx.findall("message"):
                _add(main, msg.findtext("source") or "", msg.get("numerus") == "yes")
            root.remove(ctx)
    for name, sources in NON_LITERAL.items():
        for src in sources:
            _add(_context(root, name), src)


def _translate(msg: ET.Element, tr: ET.Element, english: str | tuple[str, str]) -> None:
    """A string counted with ``tr(text, "", n)`` (numerus) takes English's singular and plural forms."""
    tr.attrib.pop("type", None)
    if isinstance(english, tuple):  # lupdate marks self.tr(text, "", n), not QCoreApplication.translate(…, n)
        msg.set("numerus", "yes")
    if msg.get("numerus") != "yes":
        assert isinstance(english, str), msg.findtext("source")
        tr.text = english
        return
    one, many = (english, english) if isinstance(english, str) else english
    for child in list(tr):
        tr.remove(child)
    tr.text = None
    for form in (one, many):
        ET.SubElement(tr, "numerusform").text = form


def main() -> int:
    files = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), *files, "-ts", str(TS), "-no-obsolete"], check=True)
    tree = ET.parse(TS)
    root = tree.getroot()
    _fix_contexts(root)
    missing = []
    for msg in root.iter("message"):
        src = msg.findtext("source") or ""
        tr = msg.find("translation")
        assert tr is not None
        if src in EN:
            _translate(msg, tr, EN[src])
        else:
            missing.append(src)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)
    print(f"untranslated: {len(missing)}", *missing, sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
