"""What a change to data/ does, for the reviewer of a pull request: each report added, changed or removed, and each
target whose status changes (old → new, with the value). Workbook rows count like YAML reports, so a binary .xlsx in
a diff is never merged blind.

Plain Python: two checked data sets in, Markdown out (the GitHub job summary).
"""

from __future__ import annotations

from dataclasses import dataclass

from macros import formats as fmt
from macros.domain.model import Report, Target
from macros.domain.site_data import SiteData

NONE = "—"
NOTHING = "Thay đổi này không thêm, sửa hay xoá báo cáo nào và không đổi trạng thái chỉ tiêu nào."


@dataclass(frozen=True)
class Changes:
    added: list[Report]
    changed: list[tuple[Report, Report]]
    removed: list[Report]
    statuses: list[tuple[Target, str, str]]  # target, old "label (value)", new "label (value)"

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
    added = [new[key] for key in sorted(new.keys() - old.keys())]
    removed = [old[key] for key in sorted(old.keys() - new.keys())]
    changed = [(old[key], new[key]) for key in sorted(old.keys() & new.keys()) if not _same(old[key], new[key])]
    statuses = []
    for target in head.plan.targets:
        before = _status(base, target) if base and target.id in base.assessments else NONE
        after = _status(head, target)
        if before != after:
            statuses.append((target, before, after))
    return Changes(added, changed, removed, statuses)


def _status(site: SiteData, target: Target) -> str:
    assessment = site.assessments[target.id]
    if assessment.value is None:
        return assessment.label
    return f"{assessment.label} ({_value(assessment.value, target.unit)})"


def _value(value, unit: str | None) -> str:
    if isinstance(value, bool):
        return "Đạt" if value else "Chưa đạt"
    return fmt.quantity(value, unit) if value is not None else NONE


def _report_value(report: Report, unit: str | None) -> str:
    if report.hamlet_values:
        return "; ".join(f"{hamlet}: {_value(value, unit)}" for hamlet, value in report.hamlet_values)
    return _value(report.value, unit)


def _cell(text: str) -> str:
    """Data text inside a Markdown table cell: no line breaks, no column breaks, no markup."""
    escaped = text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace("`", "'")
    return " ".join(escaped.split())


def _place(report: Report) -> str:
    if report.file.endswith(".xlsx"):
        return f"`{report.file}` dòng {report.line}"
    return f"`{report.file}:{report.line}`"


def markdown(changes: Changes, head: SiteData) -> str:
    units = {target.id: target.unit for target in head.plan.targets}
    if changes.empty:
        return f"## Thay đổi số liệu\n\n{NOTHING}\n"
    lines = ["## Thay đổi số liệu", ""]
    lines += _report_table("Báo cáo thêm mới", changes.added, units)
    lines += _changed_table(changes.changed, units)
    lines += _report_table("Báo cáo bị xoá", changes.removed, units)
    if changes.statuses:
        lines += [f"### Chỉ tiêu đổi trạng thái ({len(changes.statuses)})", "", "| Chỉ tiêu | Trước | Sau |"]
        lines += ["| --- | --- | --- |"]
        lines += [f"| {_cell(t.name)} (`{t.id}`) | {before} | {after} |" for t, before, after in changes.statuses]
        lines.append("")
    return "\n".join(lines)


def _report_table(title: str, reports: list[Report], units: dict) -> list[str]:
    if not reports:
        return []
    lines = [f"### {title} ({len(reports)})", "", "| Chỉ tiêu | Kỳ | Giá trị | Ngày số liệu | Nguồn | Đơn vị | Tệp |"]
    lines.append("| --- | --- | --- | --- | --- | --- | --- |")
    for r in reports:
        value = _report_value(r, units.get(r.target_id))
        row = (f"`{r.target_id}`", r.period.label, value, fmt.date(r.as_of), _cell(r.source), f"`{r.agency_id}`")
        lines.append("| " + " | ".join(row) + f" | {_place(r)} |")
    return [*lines, ""]


def _changed_table(pairs: list[tuple[Report, Report]], units: dict) -> list[str]:
    if not pairs:
        return []
    lines = [
        f"### Báo cáo được sửa ({len(pairs)})",
        "",
        "| Chỉ tiêu | Kỳ | Trước | Sau | Tệp |",
        "| --- | --- | --- | --- | --- |",
    ]
    for old, new in pairs:
        unit = units.get(new.target_id)
        before = f"{_report_value(old, unit)}, {fmt.date(old.as_of)}, {_cell(old.source)}"
        after = f"{_report_value(new, unit)}, {fmt.date(new.as_of)}, {_cell(new.source)}"
        lines.append(f"| `{new.target_id}` | {new.period.label} | {before} | {after} | {_place(new)} |")
    return [*lines, ""]
