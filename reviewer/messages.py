"""Chinese labels for finding kinds, severities and checklist statuses (shared by CLI, UI and export)."""

from __future__ import annotations

FINDING_LABELS: dict[str, str] = {
    "duplicate_paragraph": "重复段落",
    "duplicate_across_reports": "与其他报告雷同的段落",
    "heading_numbering": "标题序号错误",
    "garbled_date": "日期或数字缺损",
    "misquoted_regulation": "法规文件名称引用有误",
    "issuer_mismatch": "落款单位与标题不一致",
    "year_mismatch": "年度不一致",
    "late_publication": "公开时间晚于期限",
    "missing_signature": "缺少落款单位",
    "missing_date": "缺少成文日期",
    "rate_change_in_percent": "比率变化应以“个百分点”表述",
}

GROUP_LABELS: dict[str, str] = {
    "required_part": "必备部分",
    "topic": "重点任务",
    "metric": "关键数据",
    "form": "形式规范",
}

SEVERITY_LABELS: dict[str, str] = {"info": "提示", "warning": "警告", "error": "错误"}

STATUS_LABELS: dict[str, str] = {
    "found": "已具备",
    "partial": "部分具备",
    "missing": "缺失",
    "not_applicable": "不适用",
}


def finding_label(kind: str) -> str:
    """Chinese name of a finding kind; unknown kinds (from newer stages) show as written."""
    return FINDING_LABELS.get(kind, kind)
