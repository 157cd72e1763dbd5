"""What a change to data/ does, for the reviewer of a pull request: each report added, changed or removed (a
correction old → new, with its reason), listed by file and sheet, each target whose status changes (old → new, with
the value), and the numbers worth a second look. Workbook rows count like YAML reports, so a binary .xlsx in a diff
is never merged blind.

Plain Python: two checked data sets in, Markdown out (the GitHub job summary).
"""

from __future__ import annotations

from dataclasses import dataclass

from macros import formats as fmt
from macros.domain import status
from macros.domain.model import Report, Target
from macros.domain.site_data import SiteData
from macros.vocabulary import corrections, kinds

NONE = "—"
NOTHING = "Thay đổi này không thêm, sửa hay xoá báo cáo nào và không đổi trạng thái chỉ tiêu nào."
FAR_OFF = 10  # a percentage more than ten times off its goal, on the wrong side, is worth a second look


@dataclass(frozen=True)
class Changes:
    added: list[Report]
    changed: list[tuple[Report, Report]]
    removed: list[Report]
    statuses: list[tuple[Target, str, str]]  # target, old "label (value)", new "label (value)"
    warnings: list[tuple[Report, str]] = ()  # a report added or changed, and why it is worth a second look

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed or self.statuses)


def _by_key(site: SiteData | None) -> dict[tuple[str, str], Report]:
    reports = site.plan.reports if site else ()
    return {(report.target_id, report.period.code): report for report in reports}


def _same(old: Report, new: Report) -> bool:
    fields = ("value", "hamlet_values", "as_of", "source", "agency_id", "note")
    return all(getattr(old, name) == getattr(new, name) for name in fields)


def compare(base: SiteData | None, head: SiteData) -> Changes:
    """`base` is None when the base branch had no readable data (a first import)."""
    old, new = _by_key(base), _by_key(head)
    added = _in_order([new[key] for key in new.keys() - old.keys()])
    removed = _in_order([old[key] for key in old.keys() - new.keys()])
    changed = [(old[key], new[key]) for key in sorted(old.keys() & new.keys()) if not _same(old[key], new[key])]
    statuses = []
    for target in head.plan.targets:
        before = _status(base, target) if base and target.id in base.assessments else NONE
        after = _status(head, target)
        if before != after:
            statuses.append((target, before, after))
    targets = head.plan.target_by_id
    warnings = [
        (report, warning)
        for report in [*added, *(new for _, new in changed)]
        for warning in implausible(targets[report.target_id], report)
    ]
    return Changes(added, changed, removed, statuses, warnings)


def _in_order(reports: list[Report]) -> list[Report]:
    """By file, then sheet and row (a workbook) or line (YAML): the order a reviewer finds them in."""
    return sorted(reports, key=lambda r: (r.file, r.line, r.target_id, r.period.code))


def implausible(target: Target, report: Report) -> list[str]:
    """Why a reported percentage looks far from anything the target can mean (0,935 for a coverage rate whose goal
    is 100%: a share written as a fraction). Never blocking: the reviewer decides."""
    goal = target.goal
    unit = target.unit or ""
    if not unit.startswith("%") or not isinstance(goal, (int, float)) or goal <= 0 or kinds.of(target).yes_no:
        return []
    values = [report.value] if not report.hamlet_values else [value for _, value in report.hamlet_values]
    lower = kinds.comparison_of(target).lower_is_better
    return [
        _far_off(target, value)
        for value in values
        if isinstance(value, (int, float)) and not isinstance(value, bool)
        if ((value > goal * FAR_OFF) if lower else (value < goal / FAR_OFF))
    ]


def _far_off(target: Target, value) -> str:
    said = f"{status.published(target, value)} khác xa mục tiêu {kinds.of(target).goal_text(target)}"
    if 0 < value <= 1:
        return f"{said}: có thể tỷ lệ đã được ghi dạng số thập phân ({fmt.number(value)} là {fmt.number(value * 100)}%)"
    return f"{said}: kiểm tra lại số và đơn vị"


def _status(site: SiteData, target: Target) -> str:
    assessment = site.assessments[target.id]
    if assessment.value is None:
        return assessment.label
    return f"{assessment.label} ({_value(target, assessment.value)})"


def _value(target: Target, value) -> str:
    if isinstance(value, bool):
        return "Đạt" if value else "Chưa đạt"
    return status.published(target, value) if value is not None else NONE


def _report_value(report: Report, target: Target) -> str:
    if report.hamlet_values:
        return "; ".join(f"{hamlet}: {_value(target, value)}" for hamlet, value in report.hamlet_values)
    return _value(target, report.value)


def _cell(text: str) -> str:
    """Data text inside a Markdown table cell: no line breaks, no column breaks, no markup."""
    escaped = text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace("`", "'")
    return " ".join(escaped.split())


def _place(report: Report) -> str:
    if report.place:
        file, _, where = report.place.partition(", ")
        return f"`{file}` {_cell(where)}"
    return f"`{report.file}:{report.line}`"


def markdown(changes: Changes, head: SiteData) -> str:
    targets = head.plan.target_by_id
    if changes.empty:
        return f"## Thay đổi số liệu\n\n{NOTHING}\n"
    lines = ["## Thay đổi số liệu", ""]
    lines += _warnings(changes.warnings)
    lines += _report_table("Báo cáo thêm mới", changes.added, targets)
    lines += _changed_table(changes.changed, targets)
    lines += _report_table("Báo cáo bị xoá", changes.removed, targets)
    if changes.statuses:
        lines += [f"### Chỉ tiêu đổi trạng thái ({len(changes.statuses)})", "", "| Chỉ tiêu | Trước | Sau |"]
        lines += ["| --- | --- | --- |"]
        lines += [f"| {_cell(t.name)} (`{t.id}`) | {before} | {after} |" for t, before, after in changes.statuses]
        lines.append("")
    return "\n".join(lines)


def _warnings(warnings) -> list[str]:
    if not warnings:
        return []
    lines = [
        f"### Cần xem lại ({len(warnings)})",
        "",
        "Không chặn việc gộp; người duyệt đối chiếu với văn bản nguồn.",
        "",
    ]
    lines += [f"- ⚠️ `{r.target_id}` {r.period.label} ({_place(r)}): {_cell(text)}" for r, text in warnings]
    return [*lines, ""]


def _group(report: Report) -> str:
    """The file (and sheet) a report is listed under."""
    if report.place:
        file, _, where = report.place.partition(", ")
        return f"`{file}`, {_cell(where.rsplit(', dòng', 1)[0])}"
    return f"`{report.file}`"


def _report_table(title: str, reports: list[Report], targets: dict) -> list[str]:
    if not reports:
        return []
    lines = [f"### {title} ({len(reports)})", ""]
    for group in dict.fromkeys(_group(r) for r in reports):
        members = [r for r in reports if _group(r) == group]
        lines += [f"#### {group} ({len(members)})", ""]
        lines += ["| Chỉ tiêu | Kỳ | Giá trị | Ngày số liệu | Nguồn | Đơn vị | Tệp |"]
        lines.append("| --- | --- | --- | --- | --- | --- | --- |")
        for r in members:
            value = _report_value(r, targets[r.target_id])
            row = (f"`{r.target_id}`", r.period.label, value, fmt.date(r.as_of), _cell(r.source), f"`{r.agency_id}`")
            lines.append("| " + " | ".join(row) + f" | {_place(r)} |")
        lines.append("")
    return lines


def _changed_table(pairs: list[tuple[Report, Report]], targets: dict) -> list[str]:
    if not pairs:
        return []
    lines = [
        f"### Báo cáo được sửa ({len(pairs)})",
        "",
        "| Chỉ tiêu | Kỳ | Trước | Sau | Lý do sửa | Tệp |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for old, new in pairs:
        target = targets[new.target_id]
        before = f"{_report_value(old, target)}, {fmt.date(old.as_of)}, {_cell(old.source)}"
        after = f"{_report_value(new, target)}, {fmt.date(new.as_of)}, {_cell(new.source)}"
        reason = corrections.reason(new.note)
        why = _cell(reason) if reason else NONE
        lines.append(f"| `{new.target_id}` | {new.period.label} | {before} → | {after} | {why} | {_place(new)} |")
    return [*lines, ""]
