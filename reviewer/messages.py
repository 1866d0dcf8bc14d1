"""Messages the analysis says about a report, kept as an id and parameters and rendered on demand.

A finding, a part's note and a checklist note are ``Message`` values: the numbers, names and
quotes they cite are parameters, and ``render(lang)`` words them in Chinese or English from the
one catalogue below. So a report analysed once reads in the interface's language everywhere.

Template fields may name a vocabulary (``{part:part}`` renders a part code through
``vocab.PART``); a tuple parameter renders as a list (``、`` in Chinese, ``, `` in English), its
items being plain values or nested messages.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from typing import Any, Union

from reviewer.fastpickle import fast_record
from reviewer.messages_checklist import CHECKLIST_WORDS
from reviewer.messages_cli import CLI_WORDS
from reviewer.messages_server import SERVER_WORDS
from reviewer.messages_store import STORE_WORDS
from reviewer.vocab import LIST_SEP, VOCABULARIES, Lang

Param = Union[str, int, float, tuple["Param", ...], "Message"]

CATALOGUE: dict[str, tuple[str, str]] = {
    # free text given by a checklist file (``missing_note``): its own words in both languages
    "custom": ("{zh}", "{en}"),
    "seq": ("{items:seq}", "{items:seq}"),
    # findings: repeated text
    "dup.within": (
        "本段与第 {line} 行的段落“{snippet}”重复",
        "This paragraph repeats the one at line {line} (“{snippet}”)",
    ),
    "dup.within_similar": (
        "本段与第 {line} 行的段落“{snippet}”高度相似（{percent}%）",
        "This paragraph is {percent}% similar to the one at line {line} (“{snippet}”)",
    ),
    "dup.across": (
        "本段与 {files} 中的段落相同或高度相似",
        "This paragraph is the same as, or very close to, one in {files}",
    ),
    # The same findings in words for the unit the review goes back to: other units' files and the
    # program's line numbers mean nothing to it (and other units' submissions are not its business).
    "unit.dup_across": (
        "本段与其他单位报告中的段落相同或高度相似",
        "This paragraph is the same as, or very close to, one in another unit's report",
    ),
    "unit.dup_own_few": (
        "本段与本单位其他报告中的段落相同或高度相似",
        "This paragraph is the same as, or very close to, one in other reports of your unit",
    ),
    "unit.dup_own": (
        "本段与本单位另一份报告中的段落相同或高度相似",
        "This paragraph is the same as, or very close to, one in another report of your unit",
    ),
    "unit.dup_within": ("本段与前文段落“{snippet}”重复", "This paragraph repeats an earlier one (“{snippet}”)"),
    "unit.dup_within_similar": (
        "本段与前文段落“{snippet}”高度相似（{percent}%）",
        "This paragraph is {percent}% similar to an earlier one (“{snippet}”)",
    ),
    "dup.across_run": ("连续 {n} 段：{message}", "{n} paragraphs in a row: {message}"),
    # Every other report holding the paragraph is the same unit's (a resubmission, an older year):
    # no copying from another unit, which the unit's letter must not say.
    "dup.across_own": (
        "本段与本单位的另一份报告 {files} 中的段落相同或高度相似",
        "This paragraph is the same as, or very close to, one in another report of the same unit ({files})",
    ),
    "dup.across_own_few": (
        "本段与本单位的其他报告 {files} 中的段落相同或高度相似",
        "This paragraph is the same as, or very close to, one in other reports of the same unit ({files})",
    ),
    "dup.across_own_many": (
        "本段与本单位的 {files} 等 {n} 份报告中的段落相同或高度相似",
        "This paragraph is the same as, or very close to, one in {n} other reports of the same unit ({files}, …)",
    ),
    # Two reports of one unit and year: versions of one report (a draft and the final, a .docx and a
    # scan of another state), whose shared paragraphs are not findings.
    "dup.other_version": (
        "本单位同一年度还有 {n} 份报告 {files}，可能是同一报告的其他版本：请确认以哪一份为准",
        "The same unit has {n} more report(s) for this year ({files}), perhaps versions of this one:"
        " please confirm which is to be reviewed",
    ),
    "unit.other_version": (
        "本单位同一年度报送了不止一份报告，请确认以哪一份为准",
        "More than one report of your unit for this year was received; please confirm which one stands",
    ),
    "dup.across_many": (
        "本段与 {files} 等 {n} 份报告中的段落相同或高度相似",
        "This paragraph is the same as, or very close to, one in {files} and others ({n} reports in all)",
    ),
    # findings: form
    "issuer.mismatch": (
        "落款单位“{signed}”与标题中的单位“{named}”不一致",
        "The signing unit “{signed}” differs from the unit in the title, “{named}”",
    ),
    "year.plan": (
        "下一年度安排写的是 {years} 年，报告年度为 {year} 年，应为 {expected} 年",
        "The plan is for {years}, but the report is on {year}: it should be for {expected}",
    ),
    "year.body": (
        "标题年度为 {year} 年，正文却主要写 {other} 年（{n} 处），未提到 {year} 年",
        "The title says {year}, but the text speaks mostly of {other} ({n:count:time:times}) and never of {year}",
    ),
    "ocr.uncertain_figure": (
        "“{figure}”中有文字识别（OCR）不确定的字（置信度 {p}%），请对照原件核对这个数字",
        "“{figure}” has characters OCR was unsure of (confidence {p}%); check the figure against the original",
    ),
    "undecodable": (
        "文件中有 {n} 处字节无法按 {encoding} 解码，以 � 显示；请与原文件核对",
        "{n:count:byte:bytes} of the file {n:form:is:are} not valid {encoding} and {n:form:shows:show} as �; "
        "check against the original",
    ),
    "signature.none": ("文末没有找到落款单位", "No signing unit at the end of the report"),
    "signature.date_only": ("落款只有日期，没有落款单位", "The signature has a date but no unit"),
    "date.missing": ("没有找到成文日期", "No date of writing found"),
    "late": ("发布于 {published}，晚于 {due} 的公开期限", "Published on {published}, after the deadline of {due}"),
    "garbled.range": ("年份区间“{text}”缺少连接号，应为“{a}—{b}”", "The year range “{text}” lost its dash: {a}–{b}"),
    "garbled.no_month": ("日期“年{digits}日”缺少“月”", "The date “年{digits}日” lost its month (月)"),
    "garbled.no_month_guess": (
        "日期“年{digits}日”缺少“月”（可能是“{month}月{day}日”）",
        "The date “年{digits}日” lost its month (月); perhaps “{month}月{day}日”",
    ),
    "garbled.docno_close": (
        "文号“{text}”缺少“〕”，可能是“〔{year}〕{n}号”",
        "The document number “{text}” lost its “〕”; perhaps “〔{year}〕{n}号”",
    ),
    "garbled.docno_open": ("文号“{text}”缺少“〔”", "The document number “{text}” lost its “〔”"),
    "garbled.impossible": ("日期“{text}”不存在", "The date “{text}” does not exist"),
    "garbled.signature": (
        "落款日期“{date}”缺少年月日等字样，疑为{year}年{month}月{day}日",
        "The signature date “{date}” lost its 年/月/日; probably {year}-{month}-{day}",
    ),
    "rate.percent": (
        "“{text}”：比率的增减应写作“个百分点”",
        "“{text}”: a change in a rate is given in percentage points (个百分点)",
    ),
    "misquoted": (
        "引用的《{cited}》与规范名称《{canonical}》不一致",
        "《{cited}》 is cited; the official title is 《{canonical}》",
    ),
    "heading.no_number": ("标题缺少序号，按顺序应为“{expected}”", "The heading has no number; “{expected}” comes next"),
    "heading.repeated": ("标题序号重复：“{number}”出现了两次", "The heading number “{number}” appears twice"),
    "heading.gap": ("标题序号不连续：缺少{missing}", "Heading numbers skip {missing}"),
    "heading.out_of_order": ("标题序号“{number}”与前文不连续", "The heading number “{number}” does not follow on"),
    # the review sent back to the unit: Word comments (批注) on its report, and the review letter
    "annot.finding": ("【{kind:finding_kind}】{message}。\n{advice}", "[{kind:finding_kind}] {message}.\n{advice}"),
    "annot.failed": ("【审阅意见：不符合】{name}", "[Reviewer: fails] {name}"),
    "annot.comment": ("意见：{comment}", "Comment: {comment}"),
    "annot.remark": ("【审阅意见】{name}", "[Reviewer's comment] {name}"),
    "annot.required": ("要求：{description}", "Required: {description}"),
    "annot.source": ("依据：{source}", "Source: {source}"),
    "annot.missing_part": (
        "【缺少必备部分】报告中没有“{part:part}”部分，请补充。",
        "[Missing part] The report has no part “{part:part}”; please add it.",
    ),
    "annot.part_required": (
        "要求：年度报告应当包括“{description}”。",
        "Required: the annual report covers “{description}”.",
    ),
    "annot.part_source": (
        "《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）第二十五条",
        "Art. 25 of the Provisions on Supervision of Rule-of-Law Government Building (厅字〔2019〕28号)",
    ),
    "annot.header": (
        "审阅批注版　{unit}　审阅人：{reviewer}　{date}",
        "Annotated for review   {unit}   Reviewer: {reviewer}   {date}",
    ),
    "advice.duplicate_paragraph": (
        "请删除重复的段落，或按实际情况改写。",
        "Please remove the repetition or rewrite it.",
    ),
    "advice.duplicate_across_reports": (
        "请核实是否照搬了其他单位的报告内容，并按本单位实际情况撰写。",
        "Please check whether this was copied from another unit's report and write about your own work.",
    ),
    "advice.other_version": (
        "请告知以哪一份报告为准；如两份都已公开，请撤下另一份。",
        "Please say which report stands; if both were published, please withdraw the other.",
    ),
    "advice.duplicate_own_report": (
        "请核实是否沿用了本单位其他报告的内容，并按本年度实际情况撰写。",
        "Please check whether this was carried over from another report of your unit and write about this year's work.",
    ),
    "advice.heading_numbering": ("请按顺序调整标题序号。", "Please number the headings in order."),
    "advice.garbled_date": (
        "请核对原稿，改正日期、年份或文号。",
        "Please check the draft and correct the date, year or number.",
    ),
    "advice.misquoted_regulation": ("请按规范名称改正引用。", "Please cite the official title."),
    "advice.issuer_mismatch": (
        "请统一落款单位与标题中的单位名称。",
        "Please make the signing unit and the title's unit the same.",
    ),
    "advice.year_mismatch": (
        "请核对报告年度，使标题与正文一致。",
        "Please check the year so that the title and the text agree.",
    ),
    "advice.late_publication": (
        "年度报告应于每年4月1日前向社会公开，请说明原因并按时公开。",
        "The report is due to be published by 1 April; please explain the delay.",
    ),
    "advice.missing_signature": ("请在文末补充落款单位。", "Please add the signing unit at the end."),
    "advice.missing_date": ("请在文末补充成文日期。", "Please add the date of writing at the end."),
    "advice.rate_change_in_percent": (
        "请将比率的增减改写为“个百分点”。",
        "Please give the change in percentage points.",
    ),
    "advice.undecodable_characters": (
        "请与原文件核对乱码字符。",
        "Please check the garbled characters against the original.",
    ),
    "advice.figure_jump": (
        "请核对该数据与上一年度相比的大幅变化，并说明原因。",
        "Please check this figure's large change from last year and explain it.",
    ),
    "advice.copied_from_last_year": (
        "请按本年度的实际情况重新撰写，不要照搬上一年度报告。",
        "Please write about this year's work rather than repeat last year's report.",
    ),
    "advice.uncertain_figure": ("请核对该数字。", "Please check this figure."),
    "advice.other": ("请核对并修改。", "Please check and correct."),
    "annotate.skipped": (
        "{n} 份报告尚未审阅（状态为“{status:review_status}”：还没有任何判断或意见），未为其生成批注版和审阅意见书",
        "{n:count:report has:reports have} not been reviewed yet (“{status:review_status}”: no decision or comment "
        "yet): no annotated copy or letter was written for {n:form:it:them}",
    ),
    "annotate.no_reviewer": (
        "没有审阅人的姓名，{n} 份报告的批注和审阅意见书无法署名",
        "No reviewer's name: the comments and letters of {n:count:report:reports} cannot be signed",
    ),
    "annot.header_unreviewed": (
        "程序核查批注版（尚未审阅）　{unit}　{date}",
        "Annotated by the program's checks (not reviewed yet)   {unit}   {date}",
    ),
    # the review letter: what stands in it about one report (``reviewer.letter``)
    "letter.item": ("{group:group}·{name}", "{group:group} – {name}"),
    "letter.gap": ("{status:check_status}：{name}", "{status:check_status}: {name}"),
    "letter.gap_comment": ("{status:check_status}：{name}（{comment}）", "{status:check_status}: {name} ({comment})"),
    "letter.failed": ("{name}：{comment}", "{name}: {comment}"),
    "letter.failed_plain": ("{name}", "{name}"),
    "letter.remark": ("{name}：{comment}", "{name}: {comment}"),
    "letter.findings": ("{kind:finding_kind}（{n} 处），如：{message}", "{kind:finding_kind} (×{n}), e.g. {message}"),
    "letter.finding": ("{kind:finding_kind}：{message}", "{kind:finding_kind}: {message}"),
    "letter.year": ("{year}年度", "{year}"),
    "letter.parts": (
        "应有 {required} 项，{found_status:check_status} {found} 项",
        "{required} required; {found_status:check_status}: {found}",
    ),
    # The required parts in the letter: whole, in part, lacking (never "已具备 4 项" beside 部分具备 lines).
    "letter.parts_partial": (
        "，{partial_status:check_status} {partial} 项", "; {partial_status:check_status}: {partial}",
    ),
    # The same count where it is short (the window, the workbook, the command line): a part present only in
    # part is counted as there, and said so (a 3/4 beside the letter's 已具备 1 项，部分具备 2 项 read as two
    # counts: found by a helper session).
    "review.parts_count": ("{found}/{required}", "{found}/{required}"),
    # the program's gaps in one report, as the list's tooltip and the command line say them
    "review.gap_counts": (
        "程序判断{missing_status:check_status} {missing} 项，{partial_status:check_status} {partial} 项",
        "Program found: {missing_status:check_status} {missing}, {partial_status:check_status} {partial}",
    ),
    "review.parts_count_partial": (
        "{found}/{required}（其中{partial_status:check_status} {partial}）",
        "{found}/{required} ({partial_status:check_status}: {partial})",
    ),
    "letter.parts_missing": ("；{missing_status:check_status}：{parts}", "; {missing_status:check_status}: {parts}"),
    "letter.parts_failed": ("；{decision:decision}：{parts}", "; {decision:decision}: {parts}"),
    "letter.part": ("{part:part}", "{part:part}"),
    # a gap of the workbook's summary row, once the reviewer decided its item
    "export.gap_decided": ("{found}；审阅认定{decision:decision}", "{found}; reviewer: {decision:decision}"),
    "letter.report": ("《{title}》", "“{title}”"),
    "letter.report_untitled": ("年度报告", "annual report"),
    # the letter's opening says where the review stands (vocab.REVIEW_STATUS); it never claims a review
    # that did not happen
    "letter.opening.需修改": (
        "你单位报送的{report}已经审阅。现将审阅意见反馈如下，请对照修改完善；"
        "需修改之处已在随附的批注版（{annotated}）中逐处标注。",
        "We have reviewed your {report}. Our comments follow; please revise the report accordingly. "
        "Each point is marked in the enclosed annotated copy ({annotated}).",
    ),
    "letter.opening.通过": (
        "你单位报送的{report}已经审阅，审阅结论为通过。现将审阅意见反馈如下，供今后改进参考；"
        "相关之处已在随附的批注版（{annotated}）中标注。",
        "We have reviewed your {report} and accepted it. Our comments follow, for your future reports; "
        "each point is marked in the enclosed annotated copy ({annotated}).",
    ),
    "letter.opening.审阅中": (
        "你单位报送的{report}正在审阅，审阅尚未完成。现将目前的审阅意见反馈如下，供修改参考；"
        "相关之处已在随附的批注版（{annotated}）中标注，审阅结论另行告知。",
        "Your {report} is being reviewed and the review is not finished. Our comments so far follow, for your "
        "revision; each point is marked in the enclosed annotated copy ({annotated}). The conclusion will follow.",
    ),
    "letter.opening.未审": (
        "你单位报送的{report}尚未经审阅人审阅。以下是程序自动核查发现的情况，仅供参考，不是审阅结论；"
        "相关之处已在随附的批注版（{annotated}）中标注。",
        "Your {report} has not been reviewed yet. What follows is what the program's automatic checks found, "
        "for reference only and not a review conclusion; each point is marked in the enclosed annotated copy "
        "({annotated}).",
    ),
    # the built-in letter template's fixed text (``reviewer.letter_template``); {单位} … are placeholders
    "letter.t.heading": ("法治政府建设年度报告审阅意见书", "Review of the Annual Report on Rule-of-Law Government"),
    "letter.t.unit": ("报告单位", "Reporting unit"),
    "letter.t.title_row": ("报告标题", "Report title"),
    "letter.t.year": ("报告年度", "Year reported on"),
    "letter.t.file": ("报送文件", "File sent"),
    "letter.t.published": ("发布日期", "Published on"),
    "letter.t.parts": ("必备部分", "Required parts"),
    "letter.t.status": ("审阅状态", "Review status"),
    "letter.t.salutation": ("{单位}：", "To {单位}:"),
    "letter.t.overall": ("一、总体意见", "1. Overall comments"),
    "letter.t.gaps": ("二、需补充完善的核查项", "2. Checklist items to complete"),
    "letter.t.failed": ("三、审阅认定不符合的事项", "3. Items found not to meet the requirements"),
    "letter.t.problems": ("四、文字和形式问题", "4. Wording and form"),
    "letter.t.office": ("审阅单位：{审阅单位}（盖章）", "Reviewing office: {审阅单位} (seal)"),
    "letter.t.reviewer": ("审阅人：{审阅人}", "Reviewer: {审阅人}"),
    "letter.t.date": ("日期：{审阅日期}", "Date: {审阅日期}"),
    "letter.none": ("无", "None"),
    # What the program could not find is a blank the reviewer fills in on the printed letter: a unit is
    # never addressed as “未识别”.
    "letter.unknown": ("＿＿＿＿＿＿＿＿", "＿＿＿＿＿＿＿＿"),
    # files the program writes (reviewer.outfiles): the window shows them in its language
    "export.building": ("正在生成工作簿…", "Writing the workbook…"),
    "out.no_folder": ("{name}：保存位置不存在（{folder}）", "{name}: the folder does not exist ({folder})"),
    "out.no_permission": ("{name}：没有写入该文件夹的权限，请换一个保存位置",
                          "{name}: no permission to write in that folder; please choose another"),
    "out.cannot_write": ("{name}：无法在保存位置写入（{reason}）", "{name}: cannot write there ({reason})"),
    "out.in_use": ("{name}：无法写入，文件可能正在 {app} 中打开；请关闭后重试",
                   "{name}: cannot write it; it may be open in {app}. Please close it and try again"),
    "out.failed": ("{name}：导出失败（{reason}）", "{name}: could not be written ({reason})"),
    "out.no_folder_made": ("无法创建文件夹 {folder}：{reason}", "Cannot create the folder {folder}: {reason}"),
    "os.read_only": ("只读位置，不能写入", "read-only location"),
    "os.no_space": ("磁盘空间不足", "the disk is full"),
    "os.no_permission": ("没有权限", "permission denied"),
    "os.name_too_long": ("文件名或路径太长", "file name or path too long"),
    "os.not_found": ("文件或文件夹不存在", "no such file or folder"),
    "os.exists": ("已有同名的文件", "a file of that name is already there"),
    "os.not_a_folder": ("路径中有一处不是文件夹", "part of the path is not a folder"),
    "os.is_a_folder": ("这是一个文件夹", "it is a folder"),
    # findings: this year beside last year (reviewer.lastyear)
    "lastyear.copied_part": (
        "“{part:part}”部分照搬上一年度报告 {file}：{percent}% 的文字与之相同或高度相似",
        "The part “{part:part}” is copied from last year's report {file}: "
        "{percent}% of its text is the same or nearly so",
    ),
    "unit.copied_part": (
        "“{part:part}”部分照搬本单位上一年度报告：{percent}% 的文字与之相同或高度相似",
        "The part “{part:part}” is copied from your report of last year: "
        "{percent}% of its text is the same or nearly so",
    ),
    "lastyear.jump_up": (
        "“{text}”是上一年度（{previous}）的 {factor} 倍，报告未说明原因",
        "“{text}” is {factor} times last year's figure ({previous}); the report does not say why",
    ),
    "lastyear.jump_down": (
        "“{text}”只有上一年度（{previous}）的约 1/{factor}，报告未说明原因",
        "“{text}” is about 1/{factor} of last year's figure ({previous}); the report does not say why",
    ),
    "lastyear.over_100": (
        "比率“{text}”超过 100%（上一年度为 {previous}）",
        "The rate “{text}” is over 100% (last year: {previous})",
    ),
    # parts
    "part.heading": ("以标题“{title}”单列", "Under its own heading “{title}”"),
    "part.subheading": ("以小标题“{title}”单列", "Under its own sub-heading “{title}”"),
    "part.nested_under": (
        "未单列标题，见于“{parent}”下小标题“{title}”",
        "No heading of its own; found under the sub-heading “{title}” of “{parent}”",
    ),
    "part.nested_in": ("未单列标题，相关内容写在“{title}”中", "No heading of its own; written inside “{title}”"),
    "part.closing_text": (
        "未单列标题，仅在结尾段落中以文字述及",
        "No heading of its own; only mentioned in the closing paragraphs",
    ),
    "part.measures_one": (
        "未以标题点明，第{first}部分为工作举措",
        "Not named by a heading; part {first} describes the measures",
    ),
    "part.measures_range": (
        "未以标题点明，第{first}至第{last}部分均为工作举措",
        "Not named by a heading; parts {first} to {last} describe the measures",
    ),
    "part.measures_unheaded": (
        "无标题结构，正文涉及多项法治政府建设工作",
        "No headings; the text covers several areas of rule-of-law work",
    ),
    "part.no_causes": ("列举了问题但未分析原因", "lists problems but gives no causes"),
    "part.no_year": ("未写明安排所针对的年度", "does not say which year the plans are for"),
    "part.other_missing": (
        "未见“其他需要报告的情况”（该部分可选）",
        "No “other matters to report” (this part is optional)",
    ),
    "part.missing": ("未找到“{part:part}”部分", "No part “{part:part}” found"),
    # checklist notes
    "check.part_optional": ("可选部分，报告未单列", "Optional part, not given separately"),
    "check.part_not_found": ("报告中未找到这一部分", "This part is not in the report"),
    "check.part_found": ("已找到（{how:part_how}）", "Found ({how:part_how})"),
    "check.part_found_plain": ("已找到", "Found"),
    "check.no_scope": ("报告中没有可供核查的相应部分", "The report has no part to check this in"),
    "check.keywords_found": ("提到 {words}", "Mentions {words}"),
    "check.keywords_partial": (
        "仅提到 {words}（至少需要 {need} 个不同要点）",
        "Mentions only {words} (at least {need} distinct points needed)",
    ),
    "check.keywords_missing_part": ("该部分中未提到相关内容", "Not mentioned in that part"),
    "check.keywords_missing_text": ("正文中未提到相关内容", "Not mentioned in the text"),
    "check.absent_ok": ("未发现", "None found"),
    "check.absent_found": ("发现 {words}", "Found {words}"),
    "check.metrics_none": ("未找到相关数据", "No figures on this"),
    "check.metrics_found": ("找到 {n} 处相关数据，如“{example}”", "{n:count:figure:figures} on this, e.g. “{example}”"),
    "check.findings_ok": ("未发现此类问题", "No such problem found"),
    "check.findings_found": ("发现{counts}", "Found: {counts}"),
    "count.finding": ("{kind:finding_kind} {n} 处", "{kind:finding_kind} ×{n}"),
    "check.meta_ok": ("齐全", "Complete"),
    "check.meta_lacking": ("缺少或不符：{fields}", "Missing or wrong: {fields}"),
    "meta.field": ("{field:meta_field}", "{field:meta_field}"),
    "meta.title_has": ("标题含“{pattern}”", "title contains “{pattern}”"),
    "check.deadline_unknown": (
        "未能识别报告年度或发布日期，无法判断",
        "Report year or publication date not recognised; cannot judge",
    ),
    "check.deadline_ok": ("发布于 {published}，不晚于 {due}", "Published on {published}, by {due}"),
    "check.deadline_late": ("发布于 {published}，晚于期限 {due}", "Published on {published}, after the deadline {due}"),
    "check.density": (
        "共 {n} 项数据（要求至少 {min} 项），举措部分 {inside} 项（按篇幅应有 {want} 项）",
        "{n:count:figure:figures} in all (at least {min} required); {inside} in the measures part ({want} expected "
        "for its length)",
    ),
    "check.length_short": ("正文约 {n} 字，少于 {min} 字", "About {n} characters, fewer than {min}"),
    "check.length_long": ("正文约 {n} 字，多于 {max} 字", "About {n} characters, more than {max}"),
    "check.length_ok": ("正文约 {n} 字", "About {n} characters"),
    "check.years_na": ("仅适用于 {first}—{last} 年度的报告", "Applies only to reports on {first}–{last}"),
    "check.years_na_from": ("仅适用于 {first} 年度及以后的报告", "Applies only to reports on {first} or later"),
    # the review shared on the team's server
    "project.read_only": ("项目文件 {name} 是只读的：可以查看和导出其中的审阅，但所做的修改不会写入。"
                          "如需继续审阅，请把它复制到可写的位置后再打开。",
                          "The project file {name} is read-only: its review can be read and exported, but no change "
                          "is written. To go on reviewing, copy it somewhere writable and open the copy."),
    "session.read_only": ("项目文件是只读的，不能修改：请把它复制到可写的位置后再打开",
                          "The project file is read-only and cannot be changed: copy it somewhere writable first"),
    "review.by": ("{reviewer} 于 {time} 判定", "Decided by {reviewer} at {time}"),
    "review.by_comment": ("{reviewer} 于 {time} 写了意见，尚未判定", "Commented by {reviewer} at {time}, not decided"),
    "review.to_recheck": ("（待复核）", " (to re-check)"),
    "review.recheck_legend": ("蓝底：待复核（对旧版本的判断）", "blue: to re-check (decided on an earlier version)"),
    "review.by_stale": ("{reviewer} 于 {time} 对旧版本判定，请复核",
                        "Decided by {reviewer} at {time} on an earlier version: please re-check"),
    # Which report too: several are open, and the note stands in the status bar, far from it.
    "sync.superseded": ("{reviewer} 已于 {time} 把“{report}”的“{item}”改为 {decision:decision}",
                        "{reviewer} changed “{item}” of “{report}” to {decision:decision} at {time}"),
    "sync.verdict": ("{reviewer} 已于 {time} 把“{report}”的审阅结论改为 {verdict:verdict}",
                     "{reviewer} changed the verdict on “{report}” to {verdict:verdict} at {time}"),
    "sync.offline": ("离线，{n} 项待同步", "Offline, {n:count:change:changes} waiting to sync"),
    "sync.offline_none": ("离线：审阅服务器暂时无法连接，修改会先保存在本机",
                          "Offline: the review server cannot be reached; changes are kept on this computer"),
    "sync.back": ("已重新连接审阅服务器，待同步的修改已全部发送",
                  "Reconnected to the review server; every waiting change was sent"),
    "sync.removed_report": ("组长已把这份报告移出项目，只有组长可以把它放回项目",
                            "The lead removed this report from the project; only the lead can put it back"),
    "sync.reconnected": ("已重新连接审阅服务器", "Reconnected to the review server"),
    "sync.removed_by_lead": ("组长已把 {n} 份报告移出项目：{names}",
                             "The lead removed {n:count:report:reports} from the project: {names}"),
    "session.changed_while_asked": (
        "这一项刚被另一位审阅人修改，您的改动未保存；请查看新的判断后再决定",
        "Another reviewer changed this item meanwhile; your change was not saved. Look at their decision first",
    ),
    "sync.lead_only": ("只有组长可以设定报告的最终审阅结论", "Only the team lead sets a report's final verdict"),
    # what only the lead may do, said by the window before it is tried and by the server when it refuses
    "sync.not_mine_lastyear": ("该报告已分配给 {names}，您不能改变它的往年配对和上年安排的落实情况",
                               "This report is assigned to {names}: you cannot change its pairing with last year's "
                               "or its ticks on last year's plan"),
    "sync.library_by_lead": ("组长更换了往年报告库，已与新的往年报告库重新对比",
                             "The lead chose another library of last year's reports; compared with it again"),
    "sync.lead_only_library": ("只有组长可以设置往年报告库（它为全组的报告配对上一年度的报告）",
                               "Only the team lead sets last year's library (it pairs the whole team's reports)"),
    "sync.lead_only_remove": ("只有组长可以把报告移出共享项目", "Only the team lead removes reports from the project"),
    "sync.lead_only_assign": ("只有组长可以分配报告", "Only the team lead assigns reports"),
    "sync.lead_only_unassign": ("只有组长可以收回分配的报告", "Only the team lead takes back an assignment"),
    # a change of the reviewer's the server will never take, said where it stays (a dialog): the status bar's
    # word was replaced within a second and the comment lost for good (found by a helper session)
    "sync.refused_change": ("{report}·{item}：{decision:decision}{comment}——{reason}",
                            "{report} · {item}: {decision:decision}{comment} — {reason}"),
    "sync.refused_comment": ("（意见：{comment}）", " (comment: {comment})"),
    "sync.refused_title": ("服务器拒绝了修改", "The server refused changes"),
    "sync.refused_list": ("以下修改未能保存，窗口中已恢复为服务器上的记录；如仍需要，请复制其中的意见：\n\n{changes}",
                          "These changes were not saved; the window shows the server's record again. Copy "
                          "the comments if you still need them:\n\n{changes}"),
    "sync.refused": ("服务器拒绝了这项修改：{reason}。已恢复为服务器上的记录。",
                     "The server refused this change: {reason}. The server's record is shown again."),
    **CLI_WORDS,  # what the command line says (reviewer.messages_cli)
    **CHECKLIST_WORDS,  # why a checklist file cannot be used (reviewer.messages_checklist)
    **STORE_WORDS,  # why a project file cannot be opened or written (reviewer.messages_store)
    **SERVER_WORDS,  # the team server's commands and refusals (reviewer.messages_server)
}
_SEQ_SEP = {"zh": "；", "en": "; "}


@fast_record
@dataclass(frozen=True, slots=True)
class Message:
    """A catalogue id and its parameters, as (name, value) pairs so the value stays hashable."""

    id: str
    params: tuple[tuple[str, Param], ...] = ()

    def render(self, lang: Lang = "zh") -> str:
        zh, en = CATALOGUE.get(self.id, (self.id, self.id))
        return (en if lang == "en" else zh).format_map({k: _Field(v, lang) for k, v in self.params})

    def param(self, name: str) -> Param | None:
        return dict(self.params).get(name)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "params": {k: _param_json(v) for k, v in self.params}}


class MessageError(Exception):
    """An error worded by the catalogue: ``str()`` is Chinese (the command line, logs); a window
    shows ``message.render(lang)`` in its own language."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render())
        self.message = message


def os_reason(exc: OSError) -> Message:
    """Why the system refused, in words for the reviewer where the error is a common one."""
    known = {errno.EROFS: "os.read_only", errno.ENOSPC: "os.no_space", errno.EACCES: "os.no_permission",
             errno.EPERM: "os.no_permission", errno.ENAMETOOLONG: "os.name_too_long", errno.ENOENT: "os.not_found",
             errno.EEXIST: "os.exists", errno.ENOTDIR: "os.not_a_folder", errno.EISDIR: "os.is_a_folder"}
    which = known.get(exc.errno or 0)
    return msg(which) if which else custom(str(exc.strerror or exc))


def msg(id: str, **params: Param) -> Message:
    """A message of the catalogue (the id is checked by the tests, not at run time)."""
    return Message(id, tuple(params.items()))


def custom(zh: str, en: str = "") -> Message:
    """Words given by a checklist file rather than the catalogue."""
    return msg("custom", zh=zh, en=en or zh)


def seq(*items: Message) -> Message:
    """Several messages read as one (a part's note and what it lacks)."""
    return msg("seq", items=tuple(items))


def message_from_json(d: dict[str, Any]) -> Message:
    return Message(str(d["id"]), tuple((k, _param_from_json(v)) for k, v in d.get("params", {}).items()))


def _param_json(v: Param) -> Any:
    if isinstance(v, Message):
        return v.to_json()
    if isinstance(v, tuple):
        return [_param_json(x) for x in v]
    return v


def _param_from_json(v: Any) -> Param:
    if isinstance(v, dict):
        return message_from_json(v)
    if isinstance(v, list):
        return tuple(_param_from_json(x) for x in v)
    return v  # type: ignore[no-any-return]


class _Field:
    """A parameter as ``str.format`` sees it: its ``__format__`` words vocabulary codes, nested
    messages and lists in the message's language (``string.Formatter`` did this five times slower)."""

    __slots__ = ("lang", "value")

    def __init__(self, value: Param, lang: Lang) -> None:
        self.value, self.lang = value, lang

    def __format__(self, spec: str) -> str:
        return _field(self.value, spec, self.lang)


def _field(value: Any, spec: str, lang: Lang) -> str:
    if spec.startswith(("count:", "form:")):  # {n:count:figure:figures} "1 figure"; {n:form:is:are} "is"
        kind, one, many = spec.split(":", 2)
        word = one if value == 1 else many
        return f"{value} {word}" if kind == "count" else word
    if spec in VOCABULARIES:
        return VOCABULARIES[spec].label(str(value), lang)
    if isinstance(value, Message):
        return value.render(lang)
    if isinstance(value, tuple):
        sep = _SEQ_SEP[lang] if spec == "seq" else LIST_SEP[lang]
        return sep.join(_field(v, "", lang) for v in value)
    return format(value, spec)
