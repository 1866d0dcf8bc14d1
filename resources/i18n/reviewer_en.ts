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
    <name>ComparePanel</name>
    <message>
        <location filename="../../ui/compare/view.py" line="52" />
        <source>指标：</source>
        <translation>Metric:</translation>
    </message>
    <message>
        <location filename="../../ui/compare/view.py" line="60" />
        <source>● 已找到　◐ 不完整　○ 缺失　— 不适用　✓ 审阅符合　✗ 审阅不符合（双击查看）</source>
        <translation>● found  ◐ partial  ○ missing  — N/A  ✓ passed  ✗ failed (double-click to open)</translation>
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
        <location filename="../../ui/metrics/view.py" line="67" />
        <source>按问题描述筛选</source>
        <translation>Filter by description</translation>
    </message>
</context>
<context>
    <name>GridModel</name>
    <message>
        <location filename="../../ui/compare/model.py" line="107" />
        <source>无此项</source>
        <translation>not in checklist</translation>
    </message>
    <message>
        <location filename="../../ui/compare/model.py" line="108" />
        <source>
审阅：{d}</source>
        <translation>
Review: {d}</translation>
    </message>
</context>
<context>
    <name>ItemDetail</name>
    <message>
        <location filename="../../ui/checklist/detail.py" line="51" />
        <source>审阅意见（自动保存）</source>
        <translation>Comment (saved automatically)</translation>
    </message>
    <message>
        <location filename="../../ui/checklist/detail.py" line="74" />
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
        <location filename="../../ui/main_window.py" line="55" />
        <source>数据指标</source>
        <translation>Metrics</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="56" />
        <source>问题</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="57" />
        <source>对比</source>
        <translation>Compare</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="112" />
        <source>数据指标 ({n})</source>
        <translation>Metrics ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="113" />
        <source>问题 ({n})</source>
        <translation>Findings ({n})</translation>
    </message>
<message><source>放大文字</source><translation>Larger text</translation></message><message><source>新建审阅项目…</source><translation>New review project…</translation></message><message><source>打开审阅项目…</source><translation>Open review project…</translation></message><message><source>打开文件…</source><translation>Open files…</translation></message><message><source>打开一份或多份报告 (Ctrl+O)</source><translation>Open one or more reports (Ctrl+O)</translation></message><message><source>打开文件夹…</source><translation>Open folder…</translation></message><message><source>打开文件夹中的全部报告 (Ctrl+Shift+O)</source><translation>Open every report in a folder (Ctrl+Shift+O)</translation></message><message><source>导出Excel…</source><translation>Export to Excel…</translation></message><message><source>把审阅结果导出为 Excel 工作簿 (Ctrl+E)</source><translation>Export the review to an Excel workbook (Ctrl+E)</translation></message><message><source>上一份</source><translation>Previous</translation></message><message><source>上一份报告 (Alt+↑)</source><translation>Previous report (Alt+Up)</translation></message><message><source>下一份</source><translation>Next</translation></message><message><source>下一份报告 (Alt+↓)</source><translation>Next report (Alt+Down)</translation></message><message><source>重新分析</source><translation>Re-analyse</translation></message><message><source>用当前核查清单重新分析已打开的报告 (F5)</source><translation>Re-analyse the open reports with the current checklist (F5)</translation></message><message><source>设置…</source><translation>Settings…</translation></message><message><source>关于</source><translation>About</translation></message><message><source>查找…</source><translation>Find…</translation></message><message><source>缩小文字</source><translation>Smaller text</translation></message><message><source>退出</source><translation>Quit</translation></message><message><source>最近的审阅项目</source><translation>Recent projects</translation></message><message><source>关于法治年报审阅器</source><translation>About Rule-of-Law Report Reviewer</translation></message><message><source>法治年报审阅器 0.1

帮助审阅法治政府建设年度报告：检查必备部分、关键数据和形式规范，记录审阅意见并导出 Excel。

报告内容只作为数据处理，不会执行或联网。</source><translation>Rule-of-Law Report Reviewer 0.1

Helps review annual reports on building rule-of-law government: required parts, key figures and form, with comments and an Excel export.

Report content is treated as data only; nothing is executed or sent over the network.</translation></message><message><source>正在打开其他文件，请稍候或先取消</source><translation>Still opening other files; wait or cancel first</translation></message><message><source>打开报告</source><translation>Open reports</translation></message><message><source>打开报告文件夹</source><translation>Open folder of reports</translation></message><message><source>已打开 {n} 份报告</source><translation>Opened {n} reports</translation></message><message><source>（已取消其余文件）</source><translation> (the rest was cancelled)</translation></message><message><source>打开失败</source><translation>Open failed</translation></message><message><source>打开报告时出错：
{m}</source><translation>Error while opening reports:
{m}</translation></message><message><source>新建审阅项目</source><translation>New review project</translation></message><message><source>审阅项目 (*{s})</source><translation>Review project (*{s})</translation></message><message><source>打开审阅项目</source><translation>Open review project</translation></message><message><source>法治年报审阅器 — {p}</source><translation>Rule-of-Law Report Reviewer — {p}</translation></message><message><source>（无）</source><translation>(none)</translation></message><message><source>导出Excel</source><translation>Export to Excel</translation></message><message><source>Excel 工作簿 (*.xlsx)</source><translation>Excel workbook (*.xlsx)</translation></message><message><source>正在导出…</source><translation>Exporting…</translation></message><message><source>导出失败</source><translation>Export failed</translation></message><message><source>已导出到 {p}</source><translation>Exported to {p}</translation></message><message><source>界面语言将在重新启动后生效</source><translation>The interface language changes after a restart</translation></message><message><source>文件(&amp;F)</source><translation>&amp;File</translation></message><message><source>审阅(&amp;R)</source><translation>&amp;Review</translation></message><message><source>视图(&amp;V)</source><translation>&amp;View</translation></message><message><source>工具(&amp;T)</source><translation>&amp;Tools</translation></message><message><source>帮助(&amp;H)</source><translation>&amp;Help</translation></message><message><source>工具栏</source><translation>Toolbar</translation></message><message><source>报告 (*.txt *.docx *.pdf *.html *.htm);;所有文件 (*)</source><translation>Reports (*.txt *.docx *.pdf *.html *.htm);;All files (*)</translation></message></context>
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
        <location filename="../../ui/reports/model.py" line="104" />
        <source>报告</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../ui/reports/model.py" line="138" />
        <source>{name}
状态：{status}　已核 {done}/{total}　缺项 {gaps}</source>
        <translation>{name}
Status: {status}  checked {done}/{total}  gaps {gaps}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/model.py" line="154" />
        <source>缺：{part}</source>
        <translation>Missing: {part}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/model.py" line="154" />
        <source>不完整：{part}</source>
        <translation>Partial: {part}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/model.py" line="176" />
        <source>{heading}
不完整：{note}</source>
        <translation>{heading}
Partial: {note}</translation>
    </message>
</context>
<context>
    <name>ReportsPanel</name>
    <message>
        <location filename="../../ui/reports/view.py" line="64" />
        <source>按单位或文件名筛选</source>
        <translation>Filter by unit or file name</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="67" />
        <source>全部状态</source>
        <translation>All statuses</translation>
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
<context><name>MetricsModel</name><message><source>主题</source><translation>Topic</translation></message><message><source>数值</source><translation>Value</translation></message><message><source>单位</source><translation>Unit</translation></message><message><source>原文</source><translation>Text</translation></message><message><source>所在章节</source><translation>Section</translation></message></context><context><name>FindingsModel</name><message><source>级别</source><translation>Severity</translation></message><message><source>问题</source><translation>Findings</translation></message><message><source>类型</source><translation>Kind</translation></message></context><context><name>labels</name><message><source>必备部分</source><translation>Required parts</translation></message><message><source>重点领域</source><translation>Key areas</translation></message><message><source>关键数据</source><translation>Key figures</translation></message><message><source>形式规范</source><translation>Form</translation></message><message><source>已找到</source><translation>found</translation></message><message><source>不完整</source><translation>partial</translation></message><message><source>缺失</source><translation>missing</translation></message><message><source>不适用</source><translation>N/A</translation></message><message><source>主要举措和成效</source><translation>Measures and results</translation></message><message><source>存在的不足和原因</source><translation>Shortcomings and causes</translation></message><message><source>第一责任人履职情况</source><translation>Leaders' first responsibility</translation></message><message><source>下一年度主要安排</source><translation>Plans for next year</translation></message><message><source>其他需要报告的情况</source><translation>Other matters</translation></message><message><source>符合</source><translation>Pass</translation></message><message><source>不符合</source><translation>Fail</translation></message><message><source>未定</source><translation>Undecided</translation></message><message><source>通过</source><translation>Approved</translation></message><message><source>需修改</source><translation>Needs changes</translation></message><message><source>未审</source><translation>Not reviewed</translation></message><message><source>审阅中</source><translation>In review</translation></message><message><source>错误</source><translation>Error</translation></message><message><source>警告</source><translation>Warning</translation></message><message><source>提示</source><translation>Info</translation></message><message><source>省级</source><translation>province</translation></message><message><source>市级</source><translation>city</translation></message><message><source>县级</source><translation>county</translation></message><message><source>部门</source><translation>department</translation></message><message><source>乡镇</source><translation>town</translation></message><message><source>街道</source><translation>street</translation></message><message><source>其他</source><translation>other</translation></message></context></TS>