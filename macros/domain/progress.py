"""Following progress over time: each target's status at the end of each reporting period. Pure.

The status at the end of a period is the progress rule (status.assess) run on the reports of the periods that end
no later than it, judged on the period's last day (or on the build day, while the period is still running).
A period is compared with the previous period of the same kind: a month with the month before, a quarter with the
quarter before, a year with the year before. The mid-term review (2028-GK) has no previous period of its kind.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from macros import formats as fmt
from macros.domain import status
from macros.domain.model import Agency, Page, Plan, Report, Target
from macros.domain.status import Assessment
from macros.vocabulary import kinds, periods
from macros.vocabulary.periods import Period


class Change(NamedTuple):
    """A target whose status at the end of a period differs from its status at the end of the previous one."""

    target: Target
    before: Assessment
    after: Assessment


@dataclass(frozen=True)
class Group:
    """One row of a summary: the targets led by one agency (None: not assigned) or those of one area."""

    targets: tuple[Target, ...]
    reported: int
    counts: tuple[tuple[str, int], ...]
    agency: Agency | None = None
    page: Page | None = None


@dataclass(frozen=True)
class PeriodReport:
    period: Period
    day: dt.date  # the day the statuses are judged on
    previous: Period | None
    previous_day: dt.date | None
    reports: tuple[Report, ...]
    assessments: dict[str, Assessment]
    changes: tuple[Change, ...]
    silent: tuple[Target, ...]  # the targets no one reported in this period
    by_agency: tuple[Group, ...]
    by_area: tuple[Group, ...]

    @property
    def running(self) -> bool:
        return self.day < self.period.end


def judged_on(period: Period, today: dt.date) -> dt.date:
    return min(period.end, today)


def known_at(plan: Plan, target_id: str, period: Period) -> tuple[Report, ...]:
    """The reports of one target known at the end of a period: those of periods ending no later."""
    return tuple(r for r in plan.reports_for(target_id) if r.period.end <= period.end)


def assess_at(plan: Plan, period: Period, today: dt.date) -> dict[str, Assessment]:
    day, scope = judged_on(period, today), status.Scope.of(plan)
    return {t.id: status.assess(t, known_at(plan, t.id, period), day, scope) for t in plan.targets}


def previous(period: Period) -> Period | None:
    """The period of the same kind just before: 2026-01 -> 2025-12, 2026-Q1 -> 2025-Q4, 2026 -> 2025."""
    year, month = period.start.year, period.start.month
    codes = {
        periods.MONTH: f"{year - (month == 1)}-{(month - 2) % 12 + 1:02d}",
        periods.QUARTER: f"{year - (month == 1)}-Q{((month - 1) // 3 - 1) % 4 + 1}",
        periods.YEAR: str(year - 1),
    }
    return periods.parse(codes[period.kind]) if period.kind in codes else None


def changes(plan: Plan, before: dict[str, Assessment], after: dict[str, Assessment]) -> tuple[Change, ...]:
    return tuple(
        Change(target=t, before=before[t.id], after=after[t.id])
        for t in plan.targets
        if before[t.id].status != after[t.id].status
    )


def _group(targets: list[Target], reported: set[str], assessments, **where) -> Group:
    done = sum(t.id in reported for t in targets)
    return Group(tuple(targets), done, status.count_by_status(targets, assessments), **where)


def by_agency(plan: Plan, reported: set[str], assessments) -> tuple[Group, ...]:
    """One row per lead agency in the order of data/co-quan.yml, then the targets with no lead ("chưa phân công")."""
    led: dict[str | None, list[Target]] = {}
    for target in plan.targets:
        led.setdefault(target.lead, []).append(target)
    rows = [_group(led[a.id], reported, assessments, agency=a) for a in plan.agencies if a.id in led]
    unassigned = led.get(None, [])
    return tuple(rows + ([_group(unassigned, reported, assessments)] if unassigned else []))


def by_area(plan: Plan, reported: set[str], assessments) -> tuple[Group, ...]:
    """One row per page of the plan that holds targets (the grouping of the targets table), in the plan's order."""
    return tuple(_group(targets, reported, assessments, page=page) for page, targets in plan.targets_by_area)


def period_report(plan: Plan, period: Period, today: dt.date, judge=None) -> PeriodReport:
    judge = judge or (lambda when: assess_at(plan, when, today))
    after, before_period = judge(period), previous(period)
    before = judge(before_period) if before_period else after
    reports = tuple(sorted((r for r in plan.reports if r.period == period), key=lambda r: r.target_id))
    reported = {r.target_id for r in reports}
    return PeriodReport(
        period,
        judged_on(period, today),
        before_period,
        judged_on(before_period, today) if before_period else None,
        reports,
        after,
        changes(plan, before, after),
        tuple(t for t in plan.targets if t.id not in reported),
        by_agency(plan, reported, after),
        by_area(plan, reported, after),
    )


def all_periods(plan: Plan, today: dt.date) -> tuple[PeriodReport, ...]:
    """A report for every period that has data, the most recent first."""
    judged: dict[Period, dict[str, Assessment]] = {}

    def judge(period: Period) -> dict[str, Assessment]:
        # each period is judged for its own page and again as the previous period of the next one
        if period not in judged:
            judged[period] = assess_at(plan, period, today)
        return judged[period]

    return tuple(period_report(plan, period, today, judge) for period in reversed(plan.periods))


# The mid-term review: every target against its halfway point. The straight line, its start point and the value
# judged for a per-hamlet target come from the status module's public API, so the halfway point follows the same rule
# as the status.

REACHED, NOT_REACHED, NO_POINT = "dat-moc", "chua-dat-moc", "khong-co-moc"
VERDICTS = {
    REACHED: "Đạt mốc giữa nhiệm kỳ",
    NOT_REACHED: "Chưa đạt mốc giữa nhiệm kỳ",
    NO_POINT: "Không có mốc trung gian",
    status.NO_DATA: status.LABELS[status.NO_DATA],
}


@dataclass(frozen=True)
class Halfway:
    """One target at the mid-term review: its halfway point, the latest value and the verdict, with the reason."""

    target: Target
    verdict: str
    reason: str
    point: float | bool | None = None
    latest: Report | None = None
    value: float | bool | None = None

    @property
    def label(self) -> str:
        return VERDICTS[self.verdict]


@dataclass(frozen=True)
class Midterm:
    period: Period
    halfway_day: dt.date  # 30 June of the review year: the day the halfway point is read on the straight line
    day: dt.date  # the day the latest values are judged on
    has_report: bool  # a report for the period 2028-GK exists
    rows: tuple[Halfway, ...]

    @property
    def counts(self) -> tuple[tuple[str, int], ...]:
        return tuple((key, sum(row.verdict == key for row in self.rows)) for key in VERDICTS)


def halfway_day(period: Period) -> dt.date:
    return dt.date(period.start.year, 6, 30)


def _line_point(target: Target, usable: list[Report], day: dt.date) -> tuple[float | None, str]:
    """The straight line of status.py (start point -> goal at the deadline), read on the halfway day."""
    start = status.start_point(target, usable, usable[-1].as_of.year)
    end = (status.deadline_end(target.deadline), target.goal)
    if end[0] <= day:
        return target.goal, f"Hạn {fmt.date(end[0])} trước ngày giữa nhiệm kỳ: mốc là chính mục tiêu."
    if start[0] >= day:
        return None, f"Điểm đầu của đường thẳng (ngày {fmt.date(start[0])}) không trước ngày {fmt.date(day)}."
    point = status.line_value(start, end, day)
    return point, (
        f"Đường thẳng từ {fmt.quantity(start[1], target.unit)} ngày {fmt.date(start[0])} đến "
        f"{fmt.quantity(end[1], target.unit)} ngày {fmt.date(end[0])}, đọc tại ngày {fmt.date(day)}."
    )


def _point(target: Target, usable: list[Report], day: dt.date) -> tuple[float | bool | None, str]:
    yes_no, so_far = kinds.of(target).yes_no, status.year_to_date_level(target, usable[-1])
    if target.deadline is None and yes_no:
        return True, "Chuẩn phải giữ từng năm: mốc là đạt chuẩn."
    if so_far is not None:
        return so_far, (
            f"Số cộng dồn trong năm: mốc là phần của mục tiêu năm {fmt.quantity(target.goal, target.unit)} ứng với "
            f"phần năm đã qua đến ngày {fmt.date(usable[-1].as_of)}, tức {fmt.quantity(so_far, target.unit)}."
        )
    if target.deadline is None:
        return target.goal, "Chỉ tiêu xét từng năm: mốc là chính mục tiêu hằng năm."
    if yes_no:
        if status.deadline_end(target.deadline) <= day:
            return True, "Chỉ tiêu đạt/chưa đạt có hạn trước ngày giữa nhiệm kỳ: phải đạt."
        return None, f"Chỉ tiêu đạt/chưa đạt, hạn năm {target.deadline}: không có mức trung gian."
    return _line_point(target, usable, day)


def _reaches(target: Target, latest: Report, value, point) -> bool:
    """A yearly goal (and a yes/no point) is judged as the plan words it ("vượt": more than, "dưới": less than); a
    point on the line, or the share of the year a running total should stand at (the same level the status holds it
    to), is reached when the value is at it or on its good side."""
    partial = status.year_to_date_level(target, latest) is not None
    if point is True or (target.deadline is None and not partial):
        return status.is_met(target, value)
    return kinds.comparison_of(target).keeps_up(value, point)


def halfway(
    target: Target, reports: tuple[Report, ...], day: dt.date, scope: status.Scope = status.ANY_PLAN
) -> Halfway:
    usable = status.usable_reports(reports)
    if not usable:
        return Halfway(target, status.NO_DATA, status.NO_REPORT)
    latest = usable[-1]
    found = dict(latest=latest, value=status.current_value(target, usable, scope))
    if found["value"] is None:  # a bình quân target with no whole-year report yet
        return Halfway(target, status.NO_DATA, status.NO_YEAR_REPORT, **found)
    point, reason = _point(target, usable, day)
    if point is None:
        return Halfway(target, NO_POINT, reason, **found)
    every_hamlet = status.covers_every_hamlet(target, latest, scope.hamlets, scope.complete)
    reached = _reaches(target, latest, found["value"], point) and every_hamlet
    caveat = "" if every_hamlet else f" Chưa thể ghi nhận đạt mốc vì {status.HAMLET_CAVEAT}"
    return Halfway(target, REACHED if reached else NOT_REACHED, reason + caveat, point=point, **found)


def midterm(plan: Plan, today: dt.date) -> Midterm | None:
    """The mid-term review in the year the plan holds it; None when the plan holds none."""
    if plan.document.midterm_year is None:
        return None
    period = periods.parse(periods.midterm_code(plan.document.midterm_year))
    has_report = any(r.period == period for r in plan.reports)
    day, scope = halfway_day(period), status.Scope.of(plan)
    rows = tuple(halfway(t, known_at(plan, t.id, period), day, scope) for t in plan.targets)
    return Midterm(period, day, judged_on(period, today), has_report, rows if has_report else ())
