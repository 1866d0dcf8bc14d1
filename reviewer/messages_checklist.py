"""Why a checklist file cannot be used, in Chinese and English: part of the one catalogue
(``reviewer.messages.CATALOGUE`` takes these in). The command line says them in the language of
``--lang``, the window in its own; they stayed Chinese under ``--lang en`` (a helper session).
"""

from __future__ import annotations

CHECKLIST_WORDS: dict[str, tuple[str, str]] = {
    "checklist.unreadable": ("无法读取核查清单 {name}：{reason}", "Cannot read the checklist {name}: {reason}"),
    "checklist.not_utf8": ("核查清单 {name} 不是 UTF-8 编码的文本", "The checklist {name} is not text in UTF-8"),
    "checklist.toml": ("核查清单 {name} 格式错误（TOML）：{error}", "The checklist {name} is not valid TOML: {error}"),
    "checklist.no_items": ("核查清单 {name} 中没有任何 [[item]] 条目", "The checklist {name} has no [[item]] entry"),
    "checklist.duplicate_id": ("核查清单 {name} 第 {line} 行：编号 “{item}” 重复",
                               "The checklist {name}, line {line}: the id “{item}” is used twice"),
    "checklist.part_twice": ("核查清单 {name} 第 {line} 行：部分 “{part}” 已有一个核查项（rule = \"part\"），"
                             "每个部分只能有一项",
                             "The checklist {name}, line {line}: the part “{part}” has an item already (rule = "
                             "\"part\"); a part can have only one"),
    "checklist.not_table": ("核查清单 {name} 第 {index} 项不是表格（[[item]]）",
                            "The checklist {name}: item {index} is not a table ([[item]])"),
    # where in the file: the item, and the line of the field where it is known
    "checklist.where": ("核查清单 {name} 第 {index} 项（{item}）", "The checklist {name}, item {index} ({item})"),
    "checklist.where_line": ("核查清单 {name} 第 {line} 行，第 {index} 项（{item}）",
                             "The checklist {name}, line {line}, item {index} ({item})"),
    "checklist.no_id": ("无编号", "no id"),
    "checklist.field": ("{where} 字段 “{key}” {problem}", "{where}: the field “{key}” {problem}"),
    "checklist.unknown_key": ("{where} 有未知的字段 “{key}”", "{where}: unknown field “{key}”"),
    "checklist.unknown_key_hint": ("{where} 有未知的字段 “{key}”；是否应为 {hint}？",
                                   "{where}: unknown field “{key}”; did you mean {hint}?"),
    # what is wrong with a field (``checklist.field``'s {problem})
    "checklist.unknown": ("中的{what} “{name}” 不存在", "names an unknown {what} “{name}”"),
    "checklist.unknown_hint": ("中的{what} “{name}” 不存在；可用的{what}：{hint}",
                               "names an unknown {what} “{name}”; valid: {hint}"),
    "checklist.missing": ("缺失", "is missing"),
    "checklist.not_text": ("应为非空文字", "must be text, not empty"),
    "checklist.not_list": ("应为文字列表", "must be a list of texts"),
    "checklist.not_count": ("应为非负整数", "must be a whole number, 0 or more"),
    "checklist.bad_regex": ("中的正则表达式 “{pattern}” 无效：{error}",
                            "holds an invalid regular expression “{pattern}”: {error}"),
    "checklist.bad_years": ("应为 [起始年, 截止年] 两个整数", "must be two whole numbers: [first year, last year]"),
    "checklist.needs_part": ('缺失（rule = "part" 需要指明部分编号）', 'is missing (rule = "part" needs a part id)'),
    "checklist.needs_keywords": ('缺失（rule = "keywords" 需要关键词列表）',
                                 'is missing (rule = "keywords" needs a list of keywords)'),
    "checklist.needs_patterns": ('缺失（rule = "absent" 需要不应出现的写法列表）',
                                 'is missing (rule = "absent" needs a list of wordings that must not appear)'),
    "checklist.needs_topics": ('缺失（rule = "metrics" 需要 topics 或 patterns）',
                               'is missing (rule = "metrics" needs topics or patterns)'),
    "checklist.needs_kinds": ('缺失（rule = "findings_absent" 需要问题类型列表）',
                              'is missing (rule = "findings_absent" needs a list of finding kinds)'),
    "checklist.needs_fields": ('缺失（rule = "meta" 需要 {fields} 中的一项或多项）',
                               'is missing (rule = "meta" needs one or more of {fields})'),
    "checklist.bad_deadline": ("“{deadline}” 不是 MM-DD 格式的日期", "“{deadline}” is not a date in MM-DD form"),
    # the kinds of names a field holds (``checklist.unknown``'s {what})
    "checklist.what.rule": ("规则", "rule"),
    "checklist.what.part": ("部分编号", "part id"),
    "checklist.what.group": ("分组", "group"),
    "checklist.what.severity": ("严重程度", "severity"),
    "checklist.what.topic": ("指标主题", "figure topic"),
    "checklist.what.kind": ("问题类型", "finding kind"),
    "checklist.what.field": ("字段", "field"),
}
