<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../ui/compare/chart.py" line="53" />
        <source>选择一个指标主题进行比较</source>
        <translation>Choose a metric topic to compare</translation>
    </message>
    <message>
        <location filename="../../ui/compare/chart.py" line="77" />
        <source>未报告</source>
        <translation>not reported</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../ui/checklist/model.py" line="118" />
        <source>程序判断</source>
        <translation>Program's finding</translation>
    </message>
    <message>
        <location filename="../../ui/checklist/model.py" line="170" />
        <source>（未保存）</source>
        <translation> (not saved)</translation>
    </message>
    <message>
        <location filename="../../ui/checklist/model.py" line="181" />
        <source>审阅意见：{c}</source>
        <translation>Comment: {c}</translation>
    </message>
    <message>
        <location filename="../../ui/checklist/model.py" line="183" />
        <source>这项修改尚未写入审阅项目（已暂存在本机，会自动重试）</source>
        <translation>This change is not in the project yet (kept on this computer; retrying)</translation>
    </message>
    <message>
        <location filename="../../ui/checklist/model.py" line="186" />
        <source>此判断针对报告的旧版本，请复核</source>
        <translation>This decision was made on an earlier version of the report; please recheck</translation>
    </message>
<message><source>核查项</source><translation>Checklist item</translation></message><message><source>审阅</source><translation>Review</translation></message></context>
<context>
    <name>ComparePanel</name>
    <message>
        <location filename="../../ui/compare/view.py" line="52" />
        <source>按单位或文件名筛选</source>
        <translation>Filter by unit or file name</translation>
    </message>
    <message>
        <location filename="../../ui/compare/view.py" line="55" />
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/compare/view.py" line="61" />
        <source>只看最多和最少的 {n} 个</source>
        <translation>Only the {n} largest and smallest</translation>
    </message>
    <message>
        <location filename="../../ui/compare/view.py" line="99" />
        <source>指标：</source>
        <translation>Metric:</translation>
    </message>
    <message>
        <location filename="../../ui/compare/view.py" line="172" />
        <source>{figure}　每份报告取其中最大的一个数</source>
        <translation>{figure} — each report's largest figure</translation>
    </message>
    <message>
        <location filename="../../ui/compare/view.py" line="91" />
        <source>（双击查看）</source>
        <translation> (double-click to open)</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../ui/connect_dialog.py" line="42" />
        <source>连接审阅服务器</source>
        <translation>Connect to the review server</translation>
    </message>
    <message>
        <location filename="../../ui/connect_dialog.py" line="51" />
        <source>组长为您建立的登录名</source>
        <translation>the login your team lead created for you</translation>
    </message>
    <message>
        <location filename="../../ui/connect_dialog.py" line="54" />
        <source>在系统钥匙串中记住密码</source>
        <translation>Remember the password in the system keychain</translation>
    </message>
    <message>
        <location filename="../../ui/connect_dialog.py" line="95" />
        <location filename="../../ui/connect_dialog.py" line="220" />
        <source>技术细节…</source>
        <translation>Technical details…</translation>
    </message>
    <message>
        <location filename="../../ui/connect_dialog.py" line="64" />
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../ui/connect_dialog.py" line="65" />
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/connect_dialog.py" line="66" />
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/connect_dialog.py" line="69" />
        <source>地址、用户名和密码由项目组长提供。断网时修改先保存在本机，联网后自动同步。</source>
        <translation>Your team lead gives you the address, user name and password. Without a network, changes are kept on this computer and sent when the server is back.</translation>
    </message>
    <message>
        <location filename="../../ui/connect_dialog.py" line="73" />
        <source>连接</source>
        <translation>Connect</translation>
    </message>
    <message>
        <location filename="../../ui/connect_dialog.py" line="116" />
        <source>{why}，无法记住密码：每次连接时需输入密码。</source>
        <translation>{why}: the password cannot be remembered and is asked at each connection.</translation>
    </message>
    <message>
        <location filename="../../ui/connect_dialog.py" line="127" />
        <source>请填写用户名</source>
        <translation>Please enter the user name</translation>
    </message>
    <message>
        <location filename="../../ui/connect_dialog.py" line="151" />
        <source>正在连接审阅服务器…</source>
        <translation>Connecting to the review server…</translation>
    </message>
    <message>
        <location filename="../../ui/connect_dialog.py" line="220" />
        <source>隐藏技术细节</source>
        <translation>Hide technical details</translation>
    </message>
</context>
<context>
    <name>ExportScopeDialog</name>
    <message>
        <location filename="../../ui/export_dialog.py" line="31" />
        <source>导出Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="33" />
        <source>项目中的全部报告（{n} 份）</source>
        <translation>All reports in the project ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="34" />
        <source>报告列表中筛选出的报告（{n} 份）</source>
        <translation>The reports the list's filter shows ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="35" />
        <source>当前报告：{name}</source>
        <translation>The current report: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="35" />
        <source>（未选择）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="39" />
        <source>导出哪些报告的审阅结果？</source>
        <translation>Export the review of which reports?</translation>
    </message>
</context>
<context>
    <name>FiguresModel</name>
    <message>
        <location filename="../../ui/lastyear/models.py" line="56" />
        <source>{n} 个百分点</source>
        <translation>{n} pp</translation>
    </message>
    <message>
        <location filename="../../ui/lastyear/models.py" line="82" />
        <source>上一年度：{prev}
本年度：{cur}</source>
        <translation>Last year: {prev}
This year: {cur}</translation>
    </message>
    <message>
        <location filename="../../ui/lastyear/models.py" line="84" />
        <source>变化异常，报告未说明原因
</source>
        <translation>A jump the report does not explain
</translation>
    </message>
<message><source>主题</source><translation>Topic</translation></message><message><source>计量单位</source><translation>Measure</translation></message><message><source>上一年度</source><translation>Last year</translation></message><message><source>本年度</source><translation>This year</translation></message><message><source>变化</source><translation>Change</translation></message><message><source>变化率</source><translation>Change %</translation></message></context>
<context>
    <name>FilteredOut</name>
    <message>
        <location filename="../../ui/reports/empty.py" line="20" />
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reports/empty.py" line="35" />
        <source>没有符合筛选条件的报告（项目中共 {n} 份）</source>
        <translation><numerusform>No report matches the filters (the project holds {n} report)</numerusform><numerusform>No report matches the filters (the project holds {n} reports)</numerusform></translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../ui/text/view.py" line="75" />
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../ui/text/view.py" line="79" />
        <source>上一个</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../ui/text/view.py" line="81" />
        <source>下一个</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../ui/text/view.py" line="84" />
        <source>关闭查找栏 (Esc)</source>
        <translation>Close find bar (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/text/view.py" line="87" />
        <source>查找：</source>
        <translation>Find:</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../ui/metrics/findings.py" line="129" />
        <source>按问题描述筛选</source>
        <translation>Filter by description</translation>
    </message>
</context>
<context>
    <name>FindingsTreeModel</name>
    <message>
        <location filename="../../ui/metrics/findings.py" line="96" />
        <source>{kind}（{n}）</source>
        <translation>{kind} ({n})</translation>
    </message>
<message><source>问题</source><translation>Findings</translation></message><message><source>级别</source><translation>Severity</translation></message></context>
<context>
    <name>GridModel</name>
    <message>
        <location filename="../../ui/compare/model.py" line="112" />
        <source>报告</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../ui/compare/model.py" line="112" />
        <source>审阅状态</source>
        <translation>Review status</translation>
    </message>
    <message>
        <location filename="../../ui/compare/model.py" line="112" />
        <source>缺失或部分具备的核查项数</source>
        <translation>Checklist items missing or partial</translation>
    </message>
    <message>
        <location filename="../../ui/compare/model.py" line="138" />
        <source>无此项</source>
        <translation>not in checklist</translation>
    </message>
<message><source>状态</source><translation>Status</translation></message><message><source>缺</source><translation>Gaps</translation></message></context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../ui/help.py" line="153" />
        <source>审阅指南</source>
        <translation>Reviewing guide</translation>
    </message>
</context>
<context>
    <name>ItemDetail</name>
    <message>
        <location filename="../../ui/checklist/detail.py" line="92" />
        <source>{d}（在核查清单中按 {k}）</source>
        <translation>{d} (key {k} in the checklist)</translation>
    </message>
    <message>
        <location filename="../../ui/checklist/detail.py" line="55" />
        <source>审阅意见（自动保存）</source>
        <translation>Comment (saved automatically)</translation>
    </message>
    <message>
        <location filename="../../ui/checklist/detail.py" line="117" />
        <source>选择一个核查项，查看程序发现的依据并作出判断。</source>
        <translation>Choose a checklist item to see the evidence and decide.</translation>
    </message>
    <message>
        <location filename="../../ui/checklist/detail.py" line="145" />
        <source>此项的判断来自报告的旧版本，待复核：请先确认或改判，再修改意见</source>
        <translation>This decision was made on an earlier version of the report and is to be re-checked: confirm or change it before editing the comment</translation>
    </message>
    <message>
        <location filename="../../ui/checklist/detail.py" line="151" />
        <source>待复核：确认或改判之前，此项不写入批注版和审阅意见书</source>
        <translation>To be re-checked: until confirmed or changed, this item is not in the annotated copy or the letter</translation>
    </message>
    <message>
        <location filename="../../ui/checklist/detail.py" line="153" />
        <source>意见写入批注版和审阅意见书，发给单位</source>
        <translation>The comment goes to the unit, in the annotated copy and the letter</translation>
    </message>
    <message>
        <location filename="../../ui/checklist/detail.py" line="154" />
        <source>符合、不适用项的意见只记在项目和工作簿中，不发给单位</source>
        <translation>A comment on a met or not-applicable item stays in the project and the workbook; it is not sent to the unit</translation>
    </message>
</context>
<context>
    <name>LastYearPanel</name>
    <message>
        <location filename="../../ui/lastyear/panel.py" line="73" />
        <source>与哪一份上一年度报告对比：默认按报告单位和年度自动配对，可在此更正</source>
        <translation>Which report of last year to compare with: paired by unit and year unless you choose here</translation>
    </message>
    <message>
        <location filename="../../ui/lastyear/panel.py" line="75" />
        <source>往年报告库…</source>
        <translation>Last year's reports…</translation>
    </message>
    <message>
        <location filename="../../ui/lastyear/panel.py" line="76" />
        <location filename="../../ui/lastyear/panel.py" line="148" />
        <source>指定去年的审阅项目或报告文件夹，作为往年报告的来源</source>
        <translation>Choose last year's project or folder of reports to compare with</translation>
    </message>
    <message>
        <location filename="../../ui/lastyear/panel.py" line="87" />
        <source>上年安排</source>
        <translation>Last year's plans</translation>
    </message>
    <message>
        <location filename="../../ui/lastyear/panel.py" line="88" />
        <source>数据变化</source>
        <translation>Figures</translation>
    </message>
    <message>
        <location filename="../../ui/lastyear/panel.py" line="99" />
        <source>上一年度报告：</source>
        <translation>Last year's report:</translation>
    </message>
    <message>
        <location filename="../../ui/lastyear/panel.py" line="102" />
        <source>紫色文字：与上年重复</source>
        <translation>Purple text: repeats last year</translation>
    </message>
    <message>
        <location filename="../../ui/lastyear/panel.py" line="103" />
        <source>正文中紫色的段落和句子与上一年度报告相同或高度相似</source>
        <translation>Purple paragraphs and sentences of the text are the same as, or close to, last year's report</translation>
    </message>
    <message>
        <location filename="../../ui/lastyear/panel.py" line="135" />
        <source>上年安排 ({k}/{n} 已报告)</source>
        <translation>Last year's plans ({k}/{n} reported)</translation>
    </message>
    <message>
        <location filename="../../ui/lastyear/panel.py" line="137" />
        <source>数据变化 ({n}，异常 {j})</source>
        <translation>Figures ({n}; jumps: {j})</translation>
    </message>
    <message>
        <location filename="../../ui/lastyear/panel.py" line="159" />
        <source>往年对比</source>
        <translation>Last year</translation>
    </message>
    <message>
        <location filename="../../ui/lastyear/panel.py" line="160" />
        <source>往年对比 ({p})</source>
        <translation>Last year ({p})</translation>
    </message>
    <message>
        <location filename="../../ui/lastyear/panel.py" line="164" />
        <source>未选择报告</source>
        <translation>No report selected</translation>
    </message>
    <message>
        <location filename="../../ui/lastyear/panel.py" line="168" />
        <source>{y} 年度</source>
        <translation>{y}</translation>
    </message>
    <message>
        <location filename="../../ui/lastyear/panel.py" line="168" />
        <source>前一年度</source>
        <translation>the year before</translation>
    </message>
    <message>
        <location filename="../../ui/lastyear/panel.py" line="169" />
        <source>未与往年报告对比：没有找到同一单位 {want}的报告。可在上方选择，或在“往年报告库”中指定去年的审阅项目或报告文件夹。</source>
        <translation>Not compared with last year: no report of the same unit for {want}. Choose one above, or choose last year's project or folder in Last year's reports.</translation>
    </message>
    <message>
        <location filename="../../ui/lastyear/panel.py" line="174" />
        <source>与上年重复 {all}（{parts}）</source>
        <translation>Repeats last year: {all} ({parts})</translation>
    </message>
    <message>
        <location filename="../../ui/lastyear/panel.py" line="177" />
        <source>注意：所选的上一年度报告是另一单位的（{unit}）</source>
        <translation>Note: the report chosen as last year's is another unit's ({unit})</translation>
    </message>
    <message>
        <location filename="../../ui/lastyear/panel.py" line="197" />
        <source>自动配对：{r}</source>
        <translation>Automatic: {r}</translation>
    </message>
    <message>
        <location filename="../../ui/lastyear/panel.py" line="197" />
        <location filename="../../ui/lastyear/panel.py" line="209" />
        <source>未找到</source>
        <translation>Not found</translation>
    </message>
    <message>
        <location filename="../../ui/lastyear/panel.py" line="198" />
        <source>不与往年对比</source>
        <translation>Do not compare</translation>
    </message>
    <message>
        <location filename="../../ui/lastyear/panel.py" line="202" />
        <source>（往年报告库）</source>
        <translation> (last year's reports)</translation>
    </message>
    <message>
        <location filename="../../ui/lastyear/panel.py" line="208" />
        <source>所选的报告已不在项目或往年报告库中，按自动配对：{r}</source>
        <translation>The report chosen is no longer in the project or the library; paired automatically: {r}</translation>
    </message>
<message><source>举措</source><translation>measures</translation></message><message><source>不足</source><translation>shortcomings</translation></message><message><source>第一责任人</source><translation>first responsible</translation></message><message><source>下一年度安排</source><translation>plans</translation></message><message><source>其他</source><translation>other</translation></message></context>
<context>
    <name>LibraryDialog</name>
    <message>
        <location filename="../../ui/lastyear/library.py" line="33" />
        <source>往年报告库</source>
        <translation>Last year's reports</translation>
    </message>
    <message>
        <location filename="../../ui/lastyear/library.py" line="35" />
        <source>同一单位上一年度的报告从这里找：可以是去年的审阅项目文件，也可以是存放去年报告的文件夹。本项目中的报告也会自动与项目内上一年度的报告配对。
往年报告库只读取，不会被修改。</source>
        <translation>Each unit's report of the year before is looked for here: last year's review project, or a folder of last year's reports. Reports of this project are also paired with the project's own reports of the year before.
Last year's reports are only read, never changed.</translation>
    </message>
    <message>
        <location filename="../../ui/lastyear/library.py" line="40" />
        <source>未指定（只在本项目内配对）</source>
        <translation>none (pair within this project only)</translation>
    </message>
    <message>
        <location filename="../../ui/lastyear/library.py" line="42" />
        <source>选择项目文件…</source>
        <translation>Choose project…</translation>
    </message>
    <message>
        <location filename="../../ui/lastyear/library.py" line="44" />
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../ui/lastyear/library.py" line="64" />
        <source>选择去年的审阅项目</source>
        <translation>Choose last year's project</translation>
    </message>
    <message>
        <location filename="../../ui/lastyear/library.py" line="65" />
        <source>审阅项目 (*{s})</source>
        <translation>Review project (*{s})</translation>
    </message>
    <message>
        <location filename="../../ui/lastyear/library.py" line="70" />
        <source>选择存放去年报告的文件夹</source>
        <translation>Choose the folder of last year's reports</translation>
    </message>
</context>
<context>
    <name>LoadErrorsDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="105" />
        <source>文件未重复打开</source>
        <translation>Files not opened twice</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="106" />
        <source>以下文件与已打开的报告相同，未重复打开：</source>
        <translation>These files hold reports already open, and were not opened again:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="108" />
        <source>部分文件未打开</source>
        <translation>Some files were not opened</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="109" />
        <source>以下文件未打开（不影响审阅）：</source>
        <translation>These files were not opened (nothing is missing from the review):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="111" />
        <source>部分文件未能打开</source>
        <translation>Some files could not be opened</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs.py" line="112" />
        <source>已打开 {ok} 份报告，</source>
        <translation><numerusform>Opened {ok} report; </numerusform><numerusform>Opened {ok} reports; </numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs.py" line="113" />
        <source>以下 {bad} 个文件未能打开：</source>
        <translation><numerusform>this file could not be opened:</numerusform><numerusform>these {bad} files could not be opened:</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="115" />
        <source>文件未能打开</source>
        <translation>Files could not be opened</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="116" />
        <source>以下文件未能打开：</source>
        <translation>These files could not be opened:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="117" />
        <source>以下 {bad} 个文件都未能打开：</source>
        <translation>None of these {bad} files could be opened:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs.py" line="119" />
        <source>另有 {n} 个文件未打开，不影响审阅（已打开报告的副本，或不是报告），列在最后。</source>
        <translation><numerusform>{n} more file was not opened, which does not affect the review (a copy of a report opened, or not a report); it is listed last.</numerusform><numerusform>{n} more files were not opened, which does not affect the review (copies of reports opened, or not reports); they are listed last.</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="83" />
        <source>数据指标</source>
        <translation>Metrics</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="84" />
        <source>问题</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181" />
        <source>数据指标 ({n})</source>
        <translation>Metrics ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="182" />
        <source>问题 ({n})</source>
        <translation>Findings ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="175" />
        <source>审阅人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="176" />
        <source>请输入您的姓名，它会写入每一条审阅记录（以后可在“设置”中修改）：</source>
        <translation>Your name, recorded with every decision (you can change it in Settings):</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="32" />
        <source>新建审阅项目</source>
        <translation>New review project</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="33" />
        <location filename="../../ui/opening.py" line="65" />
        <source>审阅项目 (*{s})</source>
        <translation>Review project (*{s})</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="48" />
        <source>审阅项目已存在</source>
        <translation>Project already exists</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="49" />
        <source>“{name}”已是一个审阅项目，其中的报告和审阅记录不会被清除。

要打开这个已有的项目，还是为新项目另取一个名称？</source>
        <translation>“{name}” is already a review project; its reports and review records will not be cleared.

Open the existing project, or choose another name for the new one?</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="53" />
        <source>打开已有项目</source>
        <translation>Open existing project</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="54" />
        <source>另取名称…</source>
        <translation>Choose another name…</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="64" />
        <source>打开审阅项目</source>
        <translation>Open review project</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="82" />
        <source>密码未能记住</source>
        <translation>Password not remembered</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="83" />
        <source>已连接审阅服务器，但密码未能保存到系统钥匙串：{why}。
下次连接时需重新输入密码。</source>
        <translation>Connected to the review server, but the password could not be saved in the system keychain: {why}.
It will be asked again at the next connection.</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="112" />
        <source>无法打开审阅项目</source>
        <translation>Cannot open the review project</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="104" />
        <source>{why}。

在连上之前，窗口中是一个空的临时项目，在其中所做的审阅不会保留。</source>
        <translation>{why}.

Until then the window holds an empty, temporary project: nothing reviewed in it is kept.</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="106" />
        <source>暂时连不上审阅服务器</source>
        <translation>The review server cannot be reached for now</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="109" />
        <source>{why}

本次审阅只保存在内存中，关闭程序后不会保留。请用“文件 → 打开审阅项目”或“新建审阅项目”选择一个项目后再审阅。</source>
        <translation>{why}

This review is kept in memory only and is lost when the program closes. Choose a project with File → Open review project or New review project before reviewing.</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="114" />
        <source>只读的审阅项目</source>
        <translation>Read-only review project</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="124" />
        <source>项目已在别处打开</source>
        <translation>Project open elsewhere</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="91" />
        <source>（服务器）</source>
        <translation> (server)</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="97" />
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="120" />
        <source>“{name}”已在另一个窗口中打开（{holder}）。两处的修改都会保存，但彼此不会即时显示：一个核查项的判断连同意见、一份报告的结论连同总体意见，以最后保存的为准（只改结论也会换掉另一窗口写的意见）。建议只在一个窗口中审阅这个项目。</source>
        <translation>“{name}” is already open in another window ({holder}). Both save their changes, but neither shows the other's: an item's decision with its comment, and a report's verdict with its overall comment, are as last saved (changing only the verdict replaces the comment written in the other window). Review this project in one window only.</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="131" />
        <source>审阅服务器拒绝了连接</source>
        <translation>The review server refused the connection</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="130" />
        <source>{why}

请用“文件 → 连接审阅服务器”重新输入姓名和密码。</source>
        <translation>{why}

Please connect again with File → Connect to review server, with your name and password.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/opening.py" line="154" />
        <source>已重新读入 {n} 份报告，原有判断标为待复核</source>
        <translation><numerusform>Read {n} report again; its decisions are marked to re-check</numerusform><numerusform>Read {n} reports again; their decisions are marked to re-check</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/opening.py" line="157" />
        <source>；另打开 {n} 份报告</source>
        <translation><numerusform>; opened {n} more</numerusform><numerusform>; opened {n} more</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/opening.py" line="159" />
        <source>已打开 {n} 份报告</source>
        <translation><numerusform>Opened {n} report</numerusform><numerusform>Opened {n} reports</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/opening.py" line="161" />
        <source>，另有 {k} 份原已在项目中</source>
        <translation><numerusform>; {k} more was in the project already</numerusform><numerusform>; {k} more were in the project already</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/opening.py" line="163" />
        <source>{k} 份报告原已在项目中，没有新的报告</source>
        <translation><numerusform>{k} report was in the project already; it is not new</numerusform><numerusform>{k} reports were in the project already; none is new</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/opening.py" line="168" />
        <source>项目中有 {n} 份报告</source>
        <translation><numerusform>{n} report in the project</numerusform><numerusform>{n} reports in the project</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="170" />
        <source>（已取消其余文件）</source>
        <translation> (the rest was cancelled)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/opening.py" line="172" />
        <source>；{n} 份报告的源文件已更改，可在“审阅”菜单中重新导入</source>
        <translation><numerusform>; {n} source file has changed (Review → Re-import changed reports)</numerusform><numerusform>; {n} source files have changed (Review → Re-import changed reports)</numerusform></translation>
    </message>
<message><source>从共享项目中移除 {n} 份报告？
{names}

审阅记录仍保存在审阅服务器上；组长重新打开这些文件即可恢复。</source><translation>Remove {n} report(s) from the shared project?
{names}

Their review stays on the review server; the lead opening the files again brings them back.</translation></message><message><source>从项目中移除 {n} 份报告？
{names}

审阅记录仍保存在项目文件中；重新打开这些文件即可恢复。</source><translation>Remove {n} report(s) from the project?
{names}

Their review stays in the project file; opening the files again brings them back.</translation></message><message><source>移除报告</source><translation>Remove reports</translation></message><message><source>移除</source><translation>Remove</translation></message><message><source>取消</source><translation>Cancel</translation></message><message><source>“{item}”的意见是在“{old}”时写的备注，只记在项目中：

{note}

改为“{new}”后，这条意见会写入批注版和审阅意见书，发给单位。</source><translation>The comment on “{item}” was written as a note under “{old}”, kept in the project only:

{note}

As “{new}”, this comment goes to the unit, in the annotated copy and the review letter.</translation></message><message><source>意见将发给单位</source><translation>The comment would go to the unit</translation></message><message><source>发给单位</source><translation>Send to the unit</translation></message><message><source>清空意见</source><translation>Clear the comment</translation></message><message><source>放大文字</source><translation>Larger text</translation></message><message><source>新建审阅项目…</source><translation>New review project…</translation></message><message><source>打开审阅项目…</source><translation>Open review project…</translation></message><message><source>连接审阅服务器…</source><translation>Connect to the review server…</translation></message><message><source>打开团队在审阅服务器上共享的项目</source><translation>Open the project your team shares on the review server</translation></message><message><source>打开文件…</source><translation>Open files…</translation></message><message><source>打开一份或多份报告 (Ctrl+O)</source><translation>Open one or more reports (Ctrl+O)</translation></message><message><source>打开文件夹…</source><translation>Open folder…</translation></message><message><source>打开文件夹中的全部报告 (Ctrl+Shift+O)</source><translation>Open every report in a folder (Ctrl+Shift+O)</translation></message><message><source>导出Excel…</source><translation>Export to Excel…</translation></message><message><source>把审阅结果导出为 Excel 工作簿 (Ctrl+E)</source><translation>Export the review to an Excel workbook (Ctrl+E)</translation></message><message><source>退回单位（批注版）…</source><translation>Send back to the unit (annotated)…</translation></message><message><source>把审阅意见写成 Word 批注，生成退回单位的批注版报告和审阅意见书</source><translation>Write the review as Word comments: annotated reports and review letters for the units</translation></message><message><source>上一份</source><translation>Previous</translation></message><message><source>上一份报告 (Alt+↑)</source><translation>Previous report (Alt+Up)</translation></message><message><source>下一份</source><translation>Next</translation></message><message><source>下一份报告 (Alt+↓)</source><translation>Next report (Alt+Down)</translation></message><message><source>重新分析</source><translation>Re-analyse</translation></message><message><source>用当前核查清单重新分析项目中的报告 (F5)</source><translation>Re-analyse the project's reports with the current checklist (F5)</translation></message><message><source>从项目中移除…</source><translation>Remove from project…</translation></message><message><source>把选中的报告移出项目 (Delete)</source><translation>Remove the selected reports from the project (Delete)</translation></message><message><source>重新导入已更改的报告</source><translation>Re-import changed reports</translation></message><message><source>源文件已更改的报告：重新读入，原有判断标为待复核</source><translation>Read again the reports whose source file changed; earlier decisions are marked for re-check</translation></message><message><source>打开示例项目</source><translation>Open the sample project</translation></message><message><source>设置…</source><translation>Settings…</translation></message><message><source>快捷键…</source><translation>Keyboard shortcuts…</translation></message><message><source>审阅指南…</source><translation>Reviewing guide…</translation></message><message><source>关于</source><translation>About</translation></message><message><source>查找…</source><translation>Find…</translation></message><message><source>缩小文字</source><translation>Smaller text</translation></message><message><source>退出</source><translation>Quit</translation></message><message><source>审阅</source><translation>Review</translation></message><message><source>逐份审阅：报告、正文和核查清单 (Ctrl+1)</source><translation>Review one report: its text and checklist (Ctrl+1)</translation></message><message><source>对比</source><translation>Compare</translation></message><message><source>全部报告对比：核查矩阵和指标图 (Ctrl+2)</source><translation>Compare all reports: the matrix and a figure across units (Ctrl+2)</translation></message><message><source>最近的审阅项目</source><translation>Recent projects</translation></message><message><source>审阅意见书模板无法使用</source><translation>Letter template cannot be used</translation></message><message><source>{e}

仍使用原来的模板。</source><translation>{e}

The previous template stays in use.</translation></message><message><source>退回单位（批注版）</source><translation>Send back to the unit (annotated)</translation></message><message><source>打开所在文件夹</source><translation>Open folder</translation></message><message><source>核查清单无法使用</source><translation>Checklist cannot be used</translation></message><message><source>{e}

本次使用内置核查清单。</source><translation>{e}

The built-in checklist is used this time.</translation></message><message><source>关于法治年报审阅器</source><translation>About Rule-of-Law Report Reviewer</translation></message><message><source>法治年报审阅器 0.1

帮助审阅法治政府建设年度报告：检查必备部分、关键数据和形式规范，记录审阅意见并导出 Excel。

报告内容只作为数据处理，不会执行或联网。</source><translation>Rule-of-Law Report Reviewer 0.1

Helps review annual reports on building rule-of-law government: required parts, key figures and form, with comments and an Excel export.

Report content is treated as data only; nothing is executed or sent over the network.</translation></message><message><source>导出完成</source><translation>Export done</translation></message><message><source>审阅结果已导出到：
{p}</source><translation>The review was exported to:
{p}</translation></message><message><source>打开文件</source><translation>Open file</translation></message><message><source>文件夹</source><translation>folder</translation></message><message><source>文件</source><translation>file</translation></message><message><source>无法打开{what}：
{p}

本机没有可以打开它的程序，或系统拒绝打开。请在文件管理器中找到它，用合适的程序打开。</source><translation>Cannot open the {what}:
{p}

No program on this computer opens it, or the system refused. Find it in your file manager and open it with a suitable program.</translation></message><message><source>无法打开</source><translation>Cannot open</translation></message><message><source>审阅项目已损坏</source><translation>Project file damaged</translation></message><message><source>从备份恢复</source><translation>Restore the backup</translation></message><message><source>正在生成批注版 {done}/{total}</source><translation>Writing the annotated reports {done}/{total}</translation></message><message><source>导出Excel</source><translation>Export to Excel</translation></message><message><source>Excel 工作簿 (*.xlsx)</source><translation>Excel workbook (*.xlsx)</translation></message><message><source>正在导出…</source><translation>Exporting…</translation></message><message><source>审阅结果.xlsx</source><translation>review.xlsx</translation></message><message><source>{project}_审阅结果.xlsx</source><translation>{project}_review.xlsx</translation></message><message><source>已导出到 {p}</source><translation>Exported to {p}</translation></message><message><source>导出失败</source><translation>Export failed</translation></message><message><source>界面语言将在重新启动后生效</source><translation>The interface language changes after a restart</translation></message><message><source>{e}

仍使用原来的核查清单。</source><translation>{e}

The previous checklist stays in use.</translation></message><message><source>正在打开其他文件，请稍候或先取消</source><translation>Still opening other files; wait or cancel first</translation></message><message><source>报告</source><translation>Reports</translation></message><message><source>所有文件</source><translation>All files</translation></message><message><source>打开报告</source><translation>Open reports</translation></message><message><source>打开报告文件夹</source><translation>Open folder of reports</translation></message><message><source>正在打开报告，请稍候再移除</source><translation>Reports are still opening; remove them when that is done</translation></message><message><source>打开报告时出错：
{m}</source><translation>Error while opening reports:
{m}</translation></message><message><source>打开失败</source><translation>Open failed</translation></message><message><source>{why}

仍在审阅当前项目“{name}”。</source><translation>{why}

You are still in the project “{name}”.</translation></message><message><source>{p} — 法治年报审阅器</source><translation>{p} — Rule-of-Law Report Reviewer</translation></message><message><source>已重新连上审阅服务器</source><translation>Connected to the review server again</translation></message><message><source>同时生成审阅意见书（模板可在“设置”中更换）</source><translation>Also write the review letters (the template is chosen in Settings)</translation></message><message><source>也为尚未审阅（未审）的报告生成（只含程序的核查结果，意见书注明尚未审阅）</source><translation>Also for reports not reviewed yet (the program's checks only; the letter says they were not reviewed)</translation></message><message><source>为哪些报告生成退回单位的批注版？</source><translation>Which reports should be annotated for their units?</translation></message><message><source>保存批注版到文件夹</source><translation>Save the annotated reports in a folder</translation></message><message><source>正在生成批注版…</source><translation>Writing the annotated reports…</translation></message><message numerus="yes"><source>所选的 {n} 份报告都尚未审阅（未审）。仍为它们生成批注版吗？（只含程序的核查结果，意见书注明尚未审阅）</source><translation><numerusform>The report chosen has not been reviewed yet. Write its annotated copy anyway? (The program's checks only; the letter says it was not reviewed.)</numerusform><numerusform>The {n} reports chosen have not been reviewed yet. Write their annotated copies anyway? (The program's checks only; the letters say they were not reviewed.)</numerusform></translation></message><message><source>仍然生成</source><translation>Write anyway</translation></message><message><source>批注和审阅意见书要署审阅人的姓名。请输入您的姓名（会保存到“设置”中）：</source><translation>The comments and letters are signed with the reviewer's name. Your name (kept in Settings):</translation></message><message><source>生成批注版失败</source><translation>Annotated reports not written</translation></message><message><source>已为 {n} 份报告生成 {files} 个文件：
{p}</source><translation>{files} files written for {n} reports:
{p}</translation></message><message><source>{why}。如需生成，请在对话框中勾选“也为尚未审阅（未审）的报告生成”。</source><translation>{why}. To write them too, tick “Also for reports not reviewed yet” in the dialog.</translation></message><message><source>往年报告库…</source><translation>Last year's reports…</translation></message><message><source>指定去年的审阅项目或报告文件夹，与同一单位上一年度的报告对比</source><translation>Choose last year's project or folder of reports to compare each report with its unit's report of the year before</translation></message><message><source>往年报告库</source><translation>Last year's reports</translation></message><message><source>文件(&amp;F)</source><translation>&amp;File</translation></message><message><source>审阅(&amp;R)</source><translation>&amp;Review</translation></message><message><source>导出(&amp;X)</source><translation>E&amp;xport</translation></message><message><source>视图(&amp;V)</source><translation>&amp;View</translation></message><message><source>工具(&amp;T)</source><translation>&amp;Tools</translation></message><message><source>帮助(&amp;H)</source><translation>&amp;Help</translation></message><message><source>工具栏</source><translation>Toolbar</translation></message></context>
<context>
    <name>MetricsPanel</name>
    <message>
        <location filename="../../ui/metrics/view.py" line="61" />
        <source>按主题、单位或原文筛选</source>
        <translation>Filter by topic, unit or text</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <location filename="../../ui/lastyear/models.py" line="153" />
        <source>审阅人确认这一项已经落实</source>
        <translation>You confirm this item was carried out</translation>
    </message>
    <message>
        <location filename="../../ui/lastyear/models.py" line="155" />
        <source>{passage}

找到：{words}</source>
        <translation>{passage}

Found: {words}</translation>
    </message>
    <message>
        <location filename="../../ui/lastyear/models.py" line="157" />
        <source>要点：{words}</source>
        <translation>Key words: {words}</translation>
    </message>
<message><source>已落实</source><translation>Kept</translation></message><message><source>上一年度工作安排</source><translation>Last year's plan</translation></message><message><source>本年度报告</source><translation>This year's report</translation></message><message><source>相关内容</source><translation>Passage</translation></message></context>
<context>
    <name>ReportEditor</name>
    <message>
        <location filename="../../ui/text/view.py" line="51" />
        <source>把报告文件或文件夹拖到窗口中，或按 Ctrl+O 打开文件、Ctrl+Shift+O 打开文件夹。</source>
        <translation>Drop report files or folders here, or press Ctrl+O to open files, Ctrl+Shift+O to open a folder.</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <location filename="../../ui/text/view.py" line="241" />
        <source>未找到</source>
        <translation>Not found</translation>
    </message>
</context>
<context>
    <name>ReportsModel</name>
    <message>
        <location filename="../../ui/reports/model.py" line="274" />
        <source>报告</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../ui/reports/model.py" line="301" />
        <source>（{file}）</source>
        <translation> ({file})</translation>
    </message>
    <message>
        <location filename="../../ui/reports/model.py" line="302" />
        <source>（已更改）</source>
        <translation> (changed)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/model.py" line="304" />
        <source>（识别中 {done}/{total} 页）</source>
        <translation> (reading scan {done}/{total} pages)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/model.py" line="318" />
        <source>{name}
状态：{status}　已核 {done}/{total}　必备部分 {parts}
{gaps}；问题 {findings} 处</source>
        <translation>{name}
Status: {status}  checked {done}/{total}  required parts {parts}
{gaps}; findings: {findings}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/model.py" line="323" />
        <source>
源文件已更改：可用“审阅 → 重新导入已更改的报告”读入新版本</source>
        <translation>
The source file has changed: Review → Re-import changed reports reads the new version</translation>
    </message>
    <message>
        <location filename="../../ui/reports/model.py" line="325" />
        <source>
分配给：{names}</source>
        <translation>
Assigned to: {names}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/model.py" line="345" />
        <source>{part}（审阅认定{decision}）</source>
        <translation>{part} (reviewer: {decision})</translation>
    </message>
    <message>
        <location filename="../../ui/reports/model.py" line="347" />
        <source>不符合：{part}</source>
        <translation>Fails: {part}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/model.py" line="348" />
        <source>部分具备：{part}</source>
        <translation>Partial: {part}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/model.py" line="369" />
        <source>{heading}
部分具备：{note}</source>
        <translation>{heading}
Partial: {note}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/model.py" line="371" />
        <source>{heading}
审阅认定不符合</source>
        <translation>{heading}
reviewer: fails</translation>
    </message>
    <message>
        <location filename="../../ui/reports/model.py" line="348" />
        <source>缺：{part}</source>
        <translation>Missing: {part}</translation>
    </message>
</context>
<context>
    <name>ReportsPanel</name>
    <message>
        <location filename="../../ui/reports/view.py" line="145" />
        <source>按单位或文件名筛选</source>
        <translation>Filter by unit or file name</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="148" />
        <source>全部报告</source>
        <translation>All reports</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="149" />
        <source>我的报告</source>
        <translation>My reports</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="150" />
        <source>只看分配给我的报告，或看项目中的全部报告（分配给我的排在前面）</source>
        <translation>Only the reports assigned to me, or all of the project's reports (mine first)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="154" />
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="161" />
        <source>从项目中移除…</source>
        <translation>Remove from project…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="172" />
        <source>缺：程序判断缺失或部分具备的核查项
问：问题（见“问题”页）</source>
        <translation>G: checklist items the program found missing or partial
F: findings (Findings tab)</translation>
    </message>
</context>
<context>
    <name>ReviewHeader</name>
    <message>
        <location filename="../../ui/checklist/header.py" line="54" />
        <source>总体意见（自动保存）</source>
        <translation>Overall comment (saved automatically)</translation>
    </message>
    <message>
        <location filename="../../ui/checklist/header.py" line="76" />
        <source>结论：</source>
        <translation>Verdict:</translation>
    </message>
    <message>
        <location filename="../../ui/checklist/header.py" line="91" />
        <source>未选择报告</source>
        <translation>No report selected</translation>
    </message>
    <message>
        <location filename="../../ui/checklist/header.py" line="100" />
        <source>正在识别扫描件（已读 {done}/{total} 页），全部读完后再下结论</source>
        <translation>Reading the scan ({done}/{total} pages read); decide once every page is read</translation>
    </message>
    <message>
        <location filename="../../ui/checklist/header.py" line="107" />
        <source>{done}/{total} 已核</source>
        <translation>{done}/{total} checked</translation>
    </message>
    <message>
        <location filename="../../ui/checklist/header.py" line="108" />
        <source>，{n} 项待复核</source>
        <translation>, {n} to re-check</translation>
    </message>
    <message>
        <location filename="../../ui/checklist/header.py" line="109" />
        <source>　结论未保存</source>
        <translation>  verdict not saved</translation>
    </message>
    <message>
        <location filename="../../ui/checklist/header.py" line="155" />
        <source>{n}/{total} 项尚未审阅：{names}</source>
        <translation>Not reviewed ({n} of {total} items): {names}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/checklist/header.py" line="160" />
        <source>{n} 项程序判断为缺失，没有审阅意见：{names}</source>
        <translation><numerusform>{n} item found missing, with no word from you: {names}</numerusform><numerusform>{n} items found missing, with no word from you: {names}</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/checklist/header.py" line="164" />
        <source>{n} 项已判定为不符合，审阅意见书仍会列出：{names}</source>
        <translation><numerusform>{n} item was found failing; the review letter will still list it: {names}</numerusform><numerusform>{n} items were found failing; the review letter will still list them: {names}</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/checklist/header.py" line="165" />
        <source>确认结论为“通过”？</source>
        <translation>Accept this report?</translation>
    </message>
    <message>
        <location filename="../../ui/checklist/header.py" line="166" />
        <source>仍然把这份报告的结论设为“通过”吗？</source>
        <translation>Set the verdict to Accepted anyway?</translation>
    </message>
</context>
<context>
    <name>SaveBar</name>
    <message>
        <location filename="../../ui/savebar.py" line="24" />
        <source>立即重试</source>
        <translation>Retry now</translation>
    </message>
    <message>
        <location filename="../../ui/savebar.py" line="33" />
        <source>已暂存在本机，恢复后自动写入；关闭程序也不会丢失。</source>
        <translation>They are kept on this computer and written when possible; closing loses nothing. </translation>
    </message>
    <message>
        <location filename="../../ui/savebar.py" line="34" />
        <source>本机也无法暂存，只保存在内存中：请先不要关闭程序。</source>
        <translation>They could not be kept on this computer either, only in memory: do not close the program yet. </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/savebar.py" line="35" />
        <source>无法保存到审阅项目：{m}
{n} 项修改尚未写入项目，{kept}正在自动重试。</source>
        <translation><numerusform>Cannot save to the project: {m}
{n} change is not in the project yet. {kept}Retrying.</numerusform><numerusform>Cannot save to the project: {m}
{n} changes are not in the project yet. {kept}Retrying.</numerusform></translation>
    </message>
</context>
<context>
    <name>SaveWatch</name>
    <message>
        <location filename="../../ui/savebar.py" line="68" />
        <source>全部修改已写入审阅项目</source>
        <translation>Every change is saved in the project</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/savebar.py" line="82" />
        <source>{n} 项修改还没能写入审阅项目，已暂存在本机；下次打开这个项目时会自动写入。</source>
        <translation><numerusform>{n} change could not be written to the project yet; it is kept on this computer and written the next time the project is opened.</numerusform><numerusform>{n} changes could not be written to the project yet; they are kept on this computer and written the next time it is opened.</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/savebar.py" line="83" />
        <source>修改尚未写入项目</source>
        <translation>Changes not saved yet</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/savebar.py" line="85" />
        <source>{n} 项修改既没能写入审阅项目，也没能暂存在本机。关闭程序会丢失它们。</source>
        <translation><numerusform>{n} change could be neither saved in the project nor kept on this computer. Closing now loses it.</numerusform><numerusform>{n} changes could be neither saved in the project nor kept on this computer. Closing now loses them.</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/savebar.py" line="86" />
        <source>修改会丢失</source>
        <translation>Changes would be lost</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="37" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="39" />
        <source>写入每条审阅记录</source>
        <translation>recorded with every decision</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="41" />
        <source>留空使用内置核查清单</source>
        <translation>empty: built-in checklist</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="42" />
        <location filename="../../ui/dialogs.py" line="49" />
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="48" />
        <source>留空使用内置模板</source>
        <translation>empty: built-in template</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="59" />
        <source>审阅人：</source>
        <translation>Reviewer:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="60" />
        <source>核查清单：</source>
        <translation>Checklist:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="61" />
        <source>审阅意见书模板：</source>
        <translation>Letter template:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="62" />
        <source>界面语言：</source>
        <translation>Language:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="63" />
        <source>更改语言或核查清单后，重新启动或“重新分析”生效。</source>
        <translation>Language and checklist changes apply after a restart or Re-analyse.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="75" />
        <source>选择核查清单</source>
        <translation>Choose checklist</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="75" />
        <source>核查清单 (*.toml)</source>
        <translation>Checklist (*.toml)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="80" />
        <source>选择审阅意见书模板</source>
        <translation>Choose the letter template</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="80" />
        <source>Word 文档 (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/help.py" line="55" />
        <source>快捷键</source>
        <extracomment>Keys that act inside one pane rather than through a menu action.</extracomment>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="58" />
        <source>按键</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="58" />
        <source>作用</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../ui/statusbar.py" line="73" />
        <location filename="../../ui/statusbar.py" line="157" />
        <source>正在打开 %v/%m</source>
        <translation>Opening %v/%m</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="74" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="127" />
        <source>仅内存，未保存</source>
        <translation>memory only, not saved</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="126" />
        <source>随时保存</source>
        <translation>saved as you go</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="126" />
        <source>随时保存，网络位置</source>
        <translation>saved as you go, on a network drive</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="127" />
        <source>审阅服务器</source>
        <translation>review server</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="128" />
        <source>只读，修改不会保存</source>
        <translation>read-only, changes are not saved</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="130" />
        <source>只读，有修改未能写入</source>
        <translation>read-only, changes could not be written</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="132" />
        <source>有修改尚未写入</source>
        <translation>changes not yet written</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="133" />
        <source>项目：{name}（{mode}）</source>
        <translation>Project: {name} ({mode})</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="139" />
        <source>已审结 {done}/{total} 份</source>
        <translation>Reviews finished: {done}/{total}</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="168" />
        <source>正在识别扫描件 {name}：第 {page}/{total} 页</source>
        <translation>Reading scan {name}: page {page}/{total}</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="171" />
        <source>识别扫描件 %v/%m 页</source>
        <translation>Scan page %v/%m</translation>
    </message>
</context>
<context>
    <name>TeamLink</name>
    <message>
        <location filename="../../ui/team.py" line="255" />
        <source>已连接服务器 · {me}{role}</source>
        <translation>Connected to the server · {me}{role}</translation>
    </message>
    <message>
        <location filename="../../ui/team.py" line="256" />
        <source>（组长）</source>
        <translation> (lead)</translation>
    </message>
</context>
<context>
    <name>badges</name>
    <message>
        <location filename="../../ui/reports/view.py" line="39" />
        <source>缺{n}</source>
        <translation>G{n}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="41" />
        <source>问{n}</source>
        <translation>F{n}</translation>
    </message>
</context>
<context>
    <name>compare</name>
    <message>
        <location filename="../../ui/compare/model.py" line="48" />
        <source>程序判断：{auto}　　审阅决定：{decided}　{recheck}</source>
        <translation>Program: {auto}    Reviewer: {decided}  {recheck}</translation>
    </message>
</context>
<context><name>MetricsModel</name><message><source>主题</source><translation>Topic</translation></message><message><source>数值</source><translation>Value</translation></message><message><source>计量单位</source><translation>Measure</translation></message><message><source>原文</source><translation>Text</translation></message><message><source>所在章节</source><translation>Section</translation></message></context><context><name>FindingsModel</name><message><source>级别</source><translation>Severity</translation></message><message><source>问题</source><translation>Findings</translation></message><message><source>类型</source><translation>Kind</translation></message></context></TS>