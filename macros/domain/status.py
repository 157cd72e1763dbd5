"""Stage 4: the progress rule. Pure functions of a target, its reports and the day of the build.

The public functions below (usable_reports, judged_value, start_point, line_value, covers_every_hamlet, is_met,
count_by_status) are the rule's parts that other modules may use: progress, feed and the pages ask them, so the rule
is written once.

The rule is written out for readers on the page "Cách tính tiến độ"; tests check it case by case.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from macros import formats as fmt
from macros.domain import kinds
from macros.domain.model import Plan, Report, Target

ACHIEVED, ON_TRACK, BEHIND, MISSED, NO_DATA = (
    "da-dat",
    "dung-tien-do",
    "cham-tien-do",
    "khong-dat",
    "chua-co-so-lieu",
)
ORDER = (ACHIEVED, ON_TRACK, BEHIND, MISSED, NO_DATA)
LABELS = {
    ACHIEVED: "Đã đạt",
    ON_TRACK: "Đúng tiến độ",
    BEHIND: "Chậm tiến độ",
    MISSED: "Không đạt",
    NO_DATA: "Chưa có số liệu",
}


@dataclass(frozen=True)
class Assessment:
    """A status with the inputs behind it, so that a reader can redo the sum."""

    status: str
    reason: str
    latest: Report | None = None
    value: float | bool | None = None  # the value judged (for per-hamlet targets: the smallest)
    expected: float | None = None  # where the straight line stands on the report's date
    start: tuple[dt.date, float] | None = None
    end: tuple[dt.date, float] | None = None

    @property
    def label(self) -> str:
        return LABELS[self.status]

    @property
    def progress(self) -> float | None:
        """Share of the way from start to goal, 0..1, for the progress bar."""
        if self.start is None or self.end is None or not isinstance(self.value, (int, float)):
            return 1.0 if self.status == ACHIEVED else None
        span = self.end[1] - self.start[1]
        share = 1.0 if span <= 0 else (self.value - self.start[1]) / span
        return max(0.0, min(1.0, share))


def deadline_end(year: int) -> dt.date:
    return dt.date(year, 12, 31)


def usable_reports(reports) -> list[Report]:
    """The reports that carry a value (a report may give only a note)."""
    return [r for r in reports if r.value is not None or r.hamlet_values]


def is_met(target: Target, value) -> bool:
    """Whether a value reaches the target's goal, as the target's kind judges it."""
    return kinds.of(target).is_met(target, value)


def judged_value(target: Target, report: Report):
    """The value a report is judged on: a per-hamlet target is only as far as its furthest-behind hamlet."""
    if not target.per_hamlet or kinds.of(target).yes_no:
        return report.value
    return min(value for _, value in report.hamlet_values)


def covers_every_hamlet(target: Target, report: Report, hamlets: tuple[str, ...], complete: bool) -> bool:
    """A per-hamlet target counts as met only when the hamlet list is complete and every hamlet reported."""
    reported = dict(report.hamlet_values)
    return not target.per_hamlet or (complete and all(h in reported for h in hamlets))


def start_point(target: Target, usable: list[Report], start_year: int) -> tuple[dt.date, float]:
    """Where the straight line starts: the plan's baseline if it gives one, otherwise the first report."""
    if target.baseline is not None:
        return dt.date(target.baseline_year or start_year, 1, 1), target.baseline
    return usable[0].as_of, judged_value(target, usable[0])


def line_value(start: tuple[dt.date, float], end: tuple[dt.date, float], day: dt.date) -> float:
    """Where the straight line from start to end stands on a day (flat before the start and after the end).

    Read to the decimals the site shows it with, so that a value shown equal to it is judged equal to it."""
    total = (end[0] - start[0]).days
    share = 1.0 if total <= 0 else max(0.0, min(1.0, (day - start[0]).days / total))
    return round(start[1] + (end[1] - start[1]) * share, fmt.COMPUTED_DECIMALS)


def count_by_status(targets, assessments: dict[str, Assessment]) -> tuple[tuple[str, int], ...]:
    """(status, number of targets) for every status, in the order of ORDER."""
    found = [assessments[target.id].status for target in targets]
    return tuple((key, found.count(key)) for key in ORDER)


def assess(
    target: Target,
    reports: tuple[Report, ...],
    today: dt.date,
    hamlets=(),
    complete=True,
) -> Assessment:
    """The status of one target. Reports must be sorted by period, then as-of date."""
    usable = usable_reports(reports)
    if not usable:
        return Assessment(NO_DATA, NO_REPORT)
    if target.deadline is None:
        return _assess_yearly(target, usable, today)
    if kinds.of(target).yes_no:
        return _assess_yes_no(target, usable[-1], today)
    return _assess_line(target, usable, today, hamlets, complete)


NO_REPORT = "Chưa có báo cáo nào cho chỉ tiêu này."
HAMLET_CAVEAT = "danh sách ấp chưa đủ hoặc có ấp chưa báo cáo."


def _assess_yes_no(target: Target, latest: Report, today: dt.date) -> Assessment:
    due = deadline_end(target.deadline)
    if latest.value is True:
        reason = f"Báo cáo mới nhất ({latest.period.label}) ghi: đạt."
        return Assessment(ACHIEVED, reason, latest=latest, value=True)
    if today > due:
        reason = f"Đã qua hạn {fmt.date(due)} mà báo cáo mới nhất ({latest.period.label}) ghi: chưa đạt."
        return Assessment(MISSED, reason, latest=latest, value=False)
    reason = f"Báo cáo mới nhất ({latest.period.label}) ghi: chưa đạt; còn hạn đến {fmt.date(due)}."
    return Assessment(ON_TRACK, reason, latest=latest, value=False)


def _assess_yearly(target: Target, reports: list[Report], today: dt.date) -> Assessment:
    """A target for every year is judged on the year of its latest report, if that is this year or the last."""
    latest = reports[-1]
    year, found = latest.period.start.year, dict(latest=latest, value=latest.value)
    if year < today.year - 1:
        reason = f"Chưa có báo cáo cho năm {today.year - 1}; báo cáo mới nhất là của năm {year}."
        return Assessment(NO_DATA, reason, **found)
    shown = fmt.quantity(latest.value, target.unit)
    goal = "đạt" if kinds.of(target).yes_no else f"mục tiêu {fmt.quantity(target.goal, target.unit)}"
    if is_met(target, latest.value):
        return Assessment(ACHIEVED, f"Năm {year}: {shown}, đúng {goal}.", **found)
    if year < today.year:
        return Assessment(MISSED, f"Năm {year} đã kết thúc với {shown}, chưa {goal}.", **found)
    reason = f"Năm {year} chưa kết thúc; báo cáo mới nhất ({latest.period.label}) là {shown}, chưa {goal}."
    return Assessment(BEHIND, reason, **found)


def _assess_line(target: Target, reports: list[Report], today: dt.date, hamlets, complete: bool) -> Assessment:
    latest = reports[-1]
    value = judged_value(target, latest)
    end = (deadline_end(target.deadline), target.goal)
    line = dict(latest=latest, value=value, start=start_point(target, reports, latest.as_of.year), end=end)
    every_hamlet = covers_every_hamlet(target, latest, hamlets, complete)
    shown, goal = fmt.quantity(value, target.unit), fmt.quantity(target.goal, target.unit)
    if is_met(target, value) and every_hamlet:
        return Assessment(ACHIEVED, f"Đạt {shown}, không thấp hơn mục tiêu {goal}.", **line)
    if today > end[0]:
        reason = f"Đã qua hạn {fmt.date(end[0])}; số mới nhất là {shown}, mục tiêu {goal}."
        return Assessment(MISSED, reason, **line)
    expected = line_value(line["start"], end, latest.as_of)
    status = ON_TRACK if value >= expected else BEHIND
    reason = _line_reason(target, line["start"], end, latest, shown, expected)
    caveat = "" if every_hamlet else f" Chưa thể ghi nhận đạt vì {HAMLET_CAVEAT}"
    return Assessment(status, reason + caveat, expected=expected, **line)


def _line_reason(target, start, end, latest, shown, expected) -> str:
    unit = target.unit
    return (
        f"Đường thẳng từ {fmt.quantity(start[1], unit)} ngày {fmt.date(start[0])} đến "
        f"{fmt.quantity(end[1], unit)} ngày {fmt.date(end[0])} cho mức cần có ngày {fmt.date(latest.as_of)} là "
        f"{fmt.quantity(round(expected, 2), unit)}; số báo cáo là {shown}."
    )


def assess_all(plan: Plan, today: dt.date) -> dict[str, Assessment]:
    return {
        target.id: assess(target, plan.reports_for(target.id), today, plan.hamlet_ids, plan.hamlets_complete)
        for target in plan.targets
    }
