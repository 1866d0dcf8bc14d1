"""User-facing names for core codes (groups, statuses, parts), translated at call time."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

GROUP_ORDER = ("required_part", "topic", "metric", "form")
REQUIRED_PARTS = ("measures", "shortcomings", "first_responsible", "next_year")
PART_ORDER = (*REQUIRED_PARTS, "other")
REPORT_STATUSES = ("未审", "审阅中", "通过", "需修改")


def _tr(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def group_name(group: str) -> str:
    names = {
        "required_part": _tr("必备部分"),
        "topic": _tr("重点领域"),
        "metric": _tr("关键数据"),
        "form": _tr("形式规范"),
    }
    return names.get(group, group)


def check_status_name(status: str) -> str:
    names = {
        "found": _tr("已找到"),
        "partial": _tr("不完整"),
        "missing": _tr("缺失"),
        "not_applicable": _tr("不适用"),
    }
    return names.get(status, status)


def part_name(part: str) -> str:
    names = {
        "measures": _tr("主要举措和成效"),
        "shortcomings": _tr("存在的不足和原因"),
        "first_responsible": _tr("第一责任人履职情况"),
        "next_year": _tr("下一年度主要安排"),
        "other": _tr("其他需要报告的情况"),
    }
    return names.get(part, part)


def decision_name(decision: str) -> str:
    names = {"符合": _tr("符合"), "不符合": _tr("不符合"), "不适用": _tr("不适用"), "未定": _tr("未定")}
    return names.get(decision, decision)


def verdict_name(verdict: str) -> str:
    names = {"通过": _tr("通过"), "需修改": _tr("需修改"), "未审": _tr("未审"), "审阅中": _tr("审阅中")}
    return names.get(verdict, verdict)


def severity_name(severity: str) -> str:
    names = {"error": _tr("错误"), "warning": _tr("警告"), "info": _tr("提示")}
    return names.get(severity, severity)


def level_name(level: str) -> str:
    names = {
        "province": _tr("省级"),
        "city": _tr("市级"),
        "county": _tr("县级"),
        "department": _tr("部门"),
        "town": _tr("乡镇"),
        "street": _tr("街道"),
        "other": _tr("其他"),
    }
    return names.get(level, level)


def finding_name(kind: str) -> str:
    """Chinese name of a finding kind from the core's catalogue (the one the export uses too)."""
    from reviewer.messages import finding_label

    return _tr(finding_label(kind))
