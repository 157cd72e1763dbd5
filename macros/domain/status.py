"""Stage 4: the progress rule. Pure functions of a target, its reports and the day of the build.

The rule is written out for readers on the page "Cách tính tiến độ"; tests check it case by case.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from macros import formats as fmt
from macros.data.spec import YES_NO_KINDS as YES_NO
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


def assess(
    target: Target,
    reports: tuple[Report, ...],
    today: dt.date,
    hamlets=(),
    complete=True,
) -> Assessment:
    """The status of one target. Reports must be sorted by period, then as-of date."""
    usable = [r for r in reports if r.value is not None or r.hamlet_values]
    if not usable:
        return Assessment(NO_DATA, "Chưa có báo cáo nào cho chỉ tiêu này.")
    if target.deadline is None:
        return _assess_yearly(target, usable, today)
    if target.kind in YES_NO:
        return _assess_yes_no(target, usable[-1], today)
    return _assess_line(target, usable, today, hamlets, complete)


def _assess_yes_no(target: Target, latest: Report, today: dt.date) -> Assessment:
    due = deadline_end(target.deadline)
    if latest.value is True:
        return Assessment(
            ACHIEVED,
            f"Báo cáo mới nhất ({latest.period.label}) ghi: đạt.",
            latest,
            True,
        )
    if today > due:
        reason = f"Đã qua hạn {fmt.date(due)} mà báo cáo mới nhất ({latest.period.label}) ghi: chưa đạt."
        return Assessment(MISSED, reason, latest, False)
    reason = f"Báo cáo mới nhất ({latest.period.label}) ghi: chưa đạt; còn hạn đến {fmt.date(due)}."
    return Assessment(ON_TRACK, reason, latest, False)


def _met(target: Target, value) -> bool:
    return value is True if target.kind in YES_NO else value >= target.goal


def _assess_yearly(target: Target, reports: list[Report], today: dt.date) -> Assessment:
    """A target for every year is judged on the year of its latest report, if that is this year or the last."""
    latest = reports[-1]
    year = latest.period.start.year
    if year < today.year - 1:
        reason = f"Chưa có báo cáo cho năm {today.year - 1}; báo cáo mới nhất là của năm {year}."
        return Assessment(NO_DATA, reason, latest, latest.value)
    shown = fmt.quantity(latest.value, target.unit)
    goal = "đạt" if target.kind in YES_NO else f"mục tiêu {fmt.quantity(target.goal, target.unit)}"
    if _met(target, latest.value):
        return Assessment(ACHIEVED, f"Năm {year}: {shown}, đúng {goal}.", latest, latest.value)
    if year < today.year:
        reason = f"Năm {year} đã kết thúc với {shown}, chưa {goal}."
        return Assessment(MISSED, reason, latest, latest.value)
    reason = f"Năm {year} chưa kết thúc; báo cáo mới nhất ({latest.period.label}) là {shown}, chưa {goal}."
    return Assessment(BEHIND, reason, latest, latest.value)


def _judged_value(target: Target, report: Report) -> float:
    """A per-hamlet target is only as far as its furthest-behind hamlet."""
    if not target.per_hamlet:
        return report.value
    return min(value for _, value in report.hamlet_values)


def _start_point(target: Target, reports: list[Report], start_year: int) -> tuple[dt.date, float]:
    if target.baseline is not None:
        return dt.date(target.baseline_year or start_year, 1, 1), target.baseline
    first = reports[0]
    return first.as_of, first.value if not target.per_hamlet else min(v for _, v in first.hamlet_values)


def _assess_line(target: Target, reports: list[Report], today: dt.date, hamlets, complete: bool) -> Assessment:
    latest = reports[-1]
    value = _judged_value(target, latest)
    end = (deadline_end(target.deadline), target.goal)
    start = _start_point(target, reports, latest.as_of.year)
    every_hamlet = not target.per_hamlet or (complete and all(h in dict(latest.hamlet_values) for h in hamlets))
    shown, goal = (
        fmt.quantity(value, target.unit),
        fmt.quantity(target.goal, target.unit),
    )
    if value >= target.goal and every_hamlet:
        return Assessment(
            ACHIEVED,
            f"Đạt {shown}, không thấp hơn mục tiêu {goal}.",
            latest,
            value,
            None,
            start,
            end,
        )
    if today > end[0]:
        reason = f"Đã qua hạn {fmt.date(end[0])}; số mới nhất là {shown}, mục tiêu {goal}."
        return Assessment(MISSED, reason, latest, value, None, start, end)
    expected = _line_value(start, end, latest.as_of)
    status = ON_TRACK if value >= expected else BEHIND
    reason = _line_reason(target, start, end, latest, shown, expected) + _hamlet_caveat(target, every_hamlet)
    return Assessment(status, reason, latest, value, expected, start, end)


def _line_value(start: tuple[dt.date, float], end: tuple[dt.date, float], day: dt.date) -> float:
    total = (end[0] - start[0]).days
    share = 1.0 if total <= 0 else max(0.0, min(1.0, (day - start[0]).days / total))
    return start[1] + (end[1] - start[1]) * share


def _line_reason(target, start, end, latest, shown, expected) -> str:
    unit = target.unit
    return (
        f"Đường thẳng từ {fmt.quantity(start[1], unit)} ngày {fmt.date(start[0])} đến "
        f"{fmt.quantity(end[1], unit)} ngày {fmt.date(end[0])} cho mức cần có ngày {fmt.date(latest.as_of)} là "
        f"{fmt.quantity(round(expected, 2), unit)}; số báo cáo là {shown}."
    )


def _hamlet_caveat(target: Target, every_hamlet: bool) -> str:
    if not target.per_hamlet or every_hamlet:
        return ""
    return " Chưa thể ghi nhận đạt vì danh sách ấp chưa đủ hoặc có ấp chưa báo cáo."


def assess_all(plan: Plan, today: dt.date) -> dict[str, Assessment]:
    hamlets = tuple(h.id for h in plan.hamlets)
    return {
        target.id: assess(target, plan.reports_for(target.id), today, hamlets, plan.hamlets_complete)
        for target in plan.targets
    }
