<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../ui/compare/chart.py" line="47" />
        <source>选择一个指标主题进行比较</source>
        <translation>Choose a metric topic to compare</translation>
    </message>
    <message>
        <location filename="../../ui/compare/chart.py" line="71" />
        <source>未报告</source>
        <translation>not reported</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../ui/checklist/model.py" line="162" />
        <source>（旧版）</source>
        <translation> (old version)</translation>
    </message>
    <message>
        <location filename="../../ui/checklist/model.py" line="171" />
        <source>审阅意见：{c}</source>
        <translation>Comment: {c}</translation>
    </message>
    <message>
        <location filename="../../ui/checklist/model.py" line="174" />
        <source>此判断针对报告的旧版本，请复核</source>
        <translation>This decision was made on an earlier version of the report; please recheck</translation>
    </message>
<message><source>项目</source><translation>Item</translation></message><message><source>自动</source><translation>Found</translation></message><message><source>审阅</source><translation>Review</translation></message></context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <location filename="../../ui/checklist/view.py" line="56" />
        <source>（旧版）</source>
        <translation> (old version)</translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <location filename="../../ui/compare/view.py" line="53" />
        <source>指标：</source>
        <translation>Metric:</translation>
    </message>
    <message>
        <location filename="../../ui/compare/view.py" line="61" />
        <source>（双击查看）</source>
        <translation> (double-click to open)</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../ui/text/view.py" line="71" />
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../ui/text/view.py" line="75" />
        <source>上一个</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../ui/text/view.py" line="77" />
        <source>下一个</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../ui/text/view.py" line="80" />
        <source>关闭查找栏 (Esc)</source>
        <translation>Close find bar (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/text/view.py" line="83" />
        <source>查找：</source>
        <translation>Find:</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../ui/metrics/view.py" line="68" />
        <source>按问题描述筛选</source>
        <translation>Filter by description</translation>
    </message>
</context>
<context>
    <name>GridModel</name>
    <message>
        <location filename="../../ui/compare/model.py" line="93" />
        <source>无此项</source>
        <translation>not in checklist</translation>
    </message>
</context>
<context>
    <name>ItemDetail</name>
    <message>
        <location filename="../../ui/checklist/detail.py" line="62" />
        <source>审阅意见（自动保存）</source>
        <translation>Comment (saved automatically)</translation>
    </message>
    <message>
        <location filename="../../ui/checklist/detail.py" line="86" />
        <source>选择一个核查项，查看程序发现的依据并作出判断。</source>
        <translation>Choose a checklist item to see the evidence and decide.</translation>
    </message>
</context>
<context>
    <name>LoadErrorsDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="77" />
        <source>部分文件未能打开</source>
        <translation>Some files could not be opened</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="80" />
        <source>已打开 {ok} 份报告，以下 {bad} 个文件未能打开：</source>
        <translation>Opened {ok} reports; these {bad} files could not be opened:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="58" />
        <source>数据指标</source>
        <translation>Metrics</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="59" />
        <source>问题</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="60" />
        <source>对比</source>
        <translation>Compare</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="120" />
        <source>数据指标 ({n})</source>
        <translation>Metrics ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121" />
        <source>问题 ({n})</source>
        <translation>Findings ({n})</translation>
    </message>
<message><source>放大文字</source><translation>Larger text</translation></message><message><source>新建审阅项目…</source><translation>New review project…</translation></message><message><source>打开审阅项目…</source><translation>Open review project…</translation></message><message><source>打开文件…</source><translation>Open files…</translation></message><message><source>打开一份或多份报告 (Ctrl+O)</source><translation>Open one or more reports (Ctrl+O)</translation></message><message><source>打开文件夹…</source><translation>Open folder…</translation></message><message><source>打开文件夹中的全部报告 (Ctrl+Shift+O)</source><translation>Open every report in a folder (Ctrl+Shift+O)</translation></message><message><source>导出Excel…</source><translation>Export to Excel…</translation></message><message><source>把审阅结果导出为 Excel 工作簿 (Ctrl+E)</source><translation>Export the review to an Excel workbook (Ctrl+E)</translation></message><message><source>上一份</source><translation>Previous</translation></message><message><source>上一份报告 (Alt+↑)</source><translation>Previous report (Alt+Up)</translation></message><message><source>下一份</source><translation>Next</translation></message><message><source>下一份报告 (Alt+↓)</source><translation>Next report (Alt+Down)</translation></message><message><source>重新分析</source><translation>Re-analyse</translation></message><message><source>用当前核查清单重新分析项目中的报告 (F5)</source><translation>Re-analyse the project's reports with the current checklist (F5)</translation></message><message><source>从项目中移除…</source><translation>Remove from project…</translation></message><message><source>把选中的报告移出项目 (Delete)</source><translation>Remove the selected reports from the project (Delete)</translation></message><message><source>重新导入已更改的报告</source><translation>Re-import changed reports</translation></message><message><source>源文件已更改的报告：重新读入，原有判断标为待复核</source><translation>Read again the reports whose source file changed; earlier decisions are marked for re-check</translation></message><message><source>打开示例项目</source><translation>Open the sample project</translation></message><message><source>设置…</source><translation>Settings…</translation></message><message><source>关于</source><translation>About</translation></message><message><source>查找…</source><translation>Find…</translation></message><message><source>缩小文字</source><translation>Smaller text</translation></message><message><source>退出</source><translation>Quit</translation></message><message><source>最近的审阅项目</source><translation>Recent projects</translation></message><message><source>核查清单无法使用</source><translation>Checklist cannot be used</translation></message><message><source>{e}

本次使用内置核查清单。</source><translation>{e}

The built-in checklist is used this time.</translation></message><message><source>关于法治年报审阅器</source><translation>About Rule-of-Law Report Reviewer</translation></message><message><source>法治年报审阅器 0.1

帮助审阅法治政府建设年度报告：检查必备部分、关键数据和形式规范，记录审阅意见并导出 Excel。

报告内容只作为数据处理，不会执行或联网。</source><translation>Rule-of-Law Report Reviewer 0.1

Helps review annual reports on building rule-of-law government: required parts, key figures and form, with comments and an Excel export.

Report content is treated as data only; nothing is executed or sent over the network.</translation></message><message><source>导出Excel</source><translation>Export to Excel</translation></message><message><source>Excel 工作簿 (*.xlsx)</source><translation>Excel workbook (*.xlsx)</translation></message><message><source>正在导出…</source><translation>Exporting…</translation></message><message><source>已导出到 {p}</source><translation>Exported to {p}</translation></message><message><source>导出失败</source><translation>Export failed</translation></message><message><source>界面语言将在重新启动后生效</source><translation>The interface language changes after a restart</translation></message><message><source>{e}

仍使用原来的核查清单。</source><translation>{e}

The previous checklist stays in use.</translation></message><message><source>正在打开其他文件，请稍候或先取消</source><translation>Still opening other files; wait or cancel first</translation></message><message><source>打开报告</source><translation>Open reports</translation></message><message><source>打开报告文件夹</source><translation>Open folder of reports</translation></message><message><source>正在打开报告，请稍候再移除</source><translation>Reports are still opening; remove them when that is done</translation></message><message><source>从项目中移除 {n} 份报告？
{names}

审阅记录仍保存在项目文件中；重新打开这些文件即可恢复。</source><translation>Remove {n} report(s) from the project?
{names}

Their review stays in the project file; opening the files again brings them back.</translation></message><message><source>移除报告</source><translation>Remove reports</translation></message><message><source>已打开 {n} 份报告</source><translation>Opened {n} reports</translation></message><message><source>项目中有 {n} 份报告</source><translation>{n} reports in the project</translation></message><message><source>（已取消其余文件）</source><translation> (the rest was cancelled)</translation></message><message><source>；{n} 份报告的源文件已更改，可在“审阅”菜单中重新导入</source><translation>; {n} source files have changed (Review → Re-import changed reports)</translation></message><message><source>打开报告时出错：
{m}</source><translation>Error while opening reports:
{m}</translation></message><message><source>打开失败</source><translation>Open failed</translation></message><message><source>新建审阅项目</source><translation>New review project</translation></message><message><source>审阅项目 (*{s})</source><translation>Review project (*{s})</translation></message><message><source>打开审阅项目</source><translation>Open review project</translation></message><message><source>{p} — 法治年报审阅器</source><translation>{p} — Rule-of-Law Report Reviewer</translation></message><message><source>（无）</source><translation>(none)</translation></message><message><source>文件(&amp;F)</source><translation>&amp;File</translation></message><message><source>审阅(&amp;R)</source><translation>&amp;Review</translation></message><message><source>视图(&amp;V)</source><translation>&amp;View</translation></message><message><source>工具(&amp;T)</source><translation>&amp;Tools</translation></message><message><source>帮助(&amp;H)</source><translation>&amp;Help</translation></message><message><source>工具栏</source><translation>Toolbar</translation></message><message><source>报告 (*.txt *.docx *.pdf *.html *.htm);;所有文件 (*)</source><translation>Reports (*.txt *.docx *.pdf *.html *.htm);;All files (*)</translation></message></context>
<context>
    <name>MetricsPanel</name>
    <message>
        <location filename="../../ui/metrics/view.py" line="58" />
        <source>按主题、单位或原文筛选</source>
        <translation>Filter by topic, unit or text</translation>
    </message>
</context>
<context>
    <name>ReportEditor</name>
    <message>
        <location filename="../../ui/text/view.py" line="48" />
        <source>把报告文件或文件夹拖到窗口中，或按 Ctrl+O 打开文件、Ctrl+Shift+O 打开文件夹。</source>
        <translation>Drop report files or folders here, or press Ctrl+O to open files, Ctrl+Shift+O to open a folder.</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <location filename="../../ui/text/view.py" line="205" />
        <source>未找到</source>
        <translation>Not found</translation>
    </message>
</context>
<context>
    <name>ReportsModel</name>
    <message>
        <location filename="../../ui/reports/model.py" line="124" />
        <source>报告</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../ui/reports/model.py" line="149" />
        <source>（源文件已更改）</source>
        <translation> (source changed)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/model.py" line="160" />
        <source>{name}
状态：{status}　已核 {done}/{total}
缺失 {missing} 项，部分具备 {partial} 项；问题 {findings} 处</source>
        <translation>{name}
Status: {status}  decided {done}/{total}
{missing} missing, {partial} partial; {findings} findings</translation>
    </message>
    <message>
        <location filename="../../ui/reports/model.py" line="165" />
        <source>
源文件已更改：可用“审阅 → 重新导入已更改的报告”读入新版本</source>
        <translation>
The source file has changed: Review → Re-import changed reports reads the new version</translation>
    </message>
    <message>
        <location filename="../../ui/reports/model.py" line="179" />
        <source>部分具备：{part}</source>
        <translation>Partial: {part}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/model.py" line="201" />
        <source>{heading}
部分具备：{note}</source>
        <translation>{heading}
Partial: {note}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/model.py" line="179" />
        <source>缺：{part}</source>
        <translation>Missing: {part}</translation>
    </message>
</context>
<context>
    <name>ReportsPanel</name>
    <message>
        <location filename="../../ui/reports/view.py" line="80" />
        <source>按单位或文件名筛选</source>
        <translation>Filter by unit or file name</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="83" />
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="90" />
        <source>从项目中移除…</source>
        <translation>Remove from project…</translation>
    </message>
</context>
<context>
    <name>ReviewHeader</name>
    <message>
        <location filename="../../ui/checklist/header.py" line="36" />
        <source>总体意见（自动保存）</source>
        <translation>Overall comment (saved automatically)</translation>
    </message>
    <message>
        <location filename="../../ui/checklist/header.py" line="52" />
        <source>结论：</source>
        <translation>Verdict:</translation>
    </message>
    <message>
        <location filename="../../ui/checklist/header.py" line="64" />
        <source>未选择报告</source>
        <translation>No report selected</translation>
    </message>
    <message>
        <location filename="../../ui/checklist/header.py" line="73" />
        <source>{done}/{total} 已核</source>
        <translation>{done}/{total} checked</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="32" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="34" />
        <source>写入每条审阅记录</source>
        <translation>recorded with every decision</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="36" />
        <source>留空使用内置核查清单</source>
        <translation>empty: built-in checklist</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="37" />
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="47" />
        <source>审阅人：</source>
        <translation>Reviewer:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="48" />
        <source>核查清单：</source>
        <translation>Checklist:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="49" />
        <source>界面语言：</source>
        <translation>Language:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="50" />
        <source>更改语言或核查清单后，重新启动或“重新分析”生效。</source>
        <translation>Language and checklist changes apply after a restart or Re-analyse.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="62" />
        <source>选择核查清单</source>
        <translation>Choose checklist</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="62" />
        <source>核查清单 (*.toml)</source>
        <translation>Checklist (*.toml)</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../ui/statusbar.py" line="21" />
        <source>正在打开 %v/%m</source>
        <translation>Opening %v/%m</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="22" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="33" />
        <source>WAL 日志</source>
        <translation>WAL journal</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="33" />
        <source>普通日志</source>
        <translation>rollback journal</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="33" />
        <source>仅内存，未保存</source>
        <translation>memory only, not saved</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="34" />
        <source>项目：{name}（{mode}）</source>
        <translation>Project: {name} ({mode})</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="37" />
        <source>已审结 {done}/{total} 份</source>
        <translation>{done}/{total} reports decided</translation>
    </message>
</context>
<context>
    <name>compare</name>
    <message>
        <location filename="../../ui/compare/model.py" line="28" />
        <source>程序判断：{auto}　　审阅决定：{decided}</source>
        <translation>Program: {auto}    Reviewer: {decided}</translation>
    </message>
</context>
<context><name>MetricsModel</name><message><source>主题</source><translation>Topic</translation></message><message><source>数值</source><translation>Value</translation></message><message><source>计量单位</source><translation>Measure</translation></message><message><source>原文</source><translation>Text</translation></message><message><source>所在章节</source><translation>Section</translation></message></context><context><name>FindingsModel</name><message><source>级别</source><translation>Severity</translation></message><message><source>问题</source><translation>Findings</translation></message><message><source>类型</source><translation>Kind</translation></message></context></TS>