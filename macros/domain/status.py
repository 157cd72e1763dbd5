"""Stage 4: the progress rule. Pure functions of a target, its reports and the day of the build.

The public functions below (usable_reports, judged_value, current_value, start_point, line_value, covers_every_hamlet,
hamlet_results, is_met, year_share, before_plan, count_by_status) are the rule's parts that other modules may use:
progress, feed and the pages ask them, so the rule is written once. How a number compares with its goal, and which
way is better, is the comparison's in the kinds registry (macros/vocabulary/kinds.py); which rule judges a target is
its kind's. The reported value and the goal are compared at the precision the plan writes the goal
(`at_plan_precision`).

The rule is written out for readers on the page "Cách tính tiến độ"; tests check it case by case.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass, field

from macros import formats as fmt
from macros.domain.model import Plan, Report, Target
from macros.vocabulary import kinds, periods

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
class Scope:
    """What the rule needs to know of the whole plan: its hamlets, whether their list is complete, and its years
    (None: no report is taken as before the plan, and no period is over)."""

    hamlets: tuple[str, ...] = ()
    complete: bool = True
    span: periods.Span | None = None

    @classmethod
    def of(cls, plan: Plan) -> Scope:
        return cls(plan.hamlet_ids, plan.hamlets_complete, plan.document.span)


ANY_PLAN = Scope()  # a target judged on its own, outside any plan (tests, one-off checks)


@dataclass(frozen=True)
class Assessment:
    """A status with the inputs behind it, so that a reader can redo the sum."""

    status: str
    reason: str
    latest: Report | None = None
    value: float | bool | None = None  # the value judged (per-hamlet: the furthest behind; bình quân: the average)
    expected: float | None = None  # where the straight line stands on the report's date
    start: tuple[dt.date, float] | None = None
    end: tuple[dt.date, float] | None = None
    averaged: tuple[Report, ...] = field(default=())  # bình quân: the yearly reports averaged

    @property
    def label(self) -> str:
        return LABELS[self.status]

    @property
    def progress(self) -> float | None:
        """Share of the way from start to goal, 0..1, for the progress bar (either direction)."""
        if self.start is None or self.end is None or not isinstance(self.value, (int, float)):
            return 1.0 if self.status == ACHIEVED else None
        span = self.end[1] - self.start[1]
        share = 1.0 if span == 0 else (self.value - self.start[1]) / span
        return max(0.0, min(1.0, share))


def deadline_end(year: int) -> dt.date:
    return dt.date(year, 12, 31)


def usable_reports(reports) -> list[Report]:
    """The reports that carry a value (a report may give only a note)."""
    return [r for r in reports if r.value is not None or r.hamlet_values]


def plan_precision(target: Target) -> int:
    """The decimals a reported number is judged (and shown) at: those the plan writes the goal with (81,82% has
    two), and never fewer than the site's own COMPUTED_DECIMALS. A whole goal ("100% dự toán", "5 sản phẩm") is an
    exact threshold, not a rounded measurement: reading 100,4% of the estimate as 100% would publish a number the
    clerk did not write and call it "chưa vượt"."""
    return precision_of(kinds.of(target).goal(target))


def precision_of(goal) -> int:
    """The decimals a number is judged and shown at, for a goal written as `goal` (plan_precision's rule; the
    report intake asks it with a target still in its data file)."""
    return max(fmt.decimals_of(goal), fmt.COMPUTED_DECIMALS)


def at_plan_precision(target: Target, value):
    """A reported number read at the plan's precision: 81.818182 (9 of 11 schools, =9/11*100) counts as the plan's
    81,82%. Yes/no values and targets without a numeric goal are left as they are."""
    if isinstance(value, bool) or value is None or kinds.of(target).yes_no:
        return value
    return fmt.round_half_up(value, plan_precision(target))


def is_met(target: Target, value) -> bool:
    """Whether a value reaches the target's goal, as the target's kind judges it (yes/no: reported true)."""
    return kinds.of(target).is_met(target, at_plan_precision(target, value))


def judged_value(target: Target, report: Report):
    """The value a report is judged on and published with, at the plan's precision: a per-hamlet target is only as
    far as its furthest-behind hamlet."""
    if not target.per_hamlet or kinds.of(target).yes_no:
        return at_plan_precision(target, report.value)
    values = (at_plan_precision(target, value) for _, value in report.hamlet_values)
    return kinds.comparison_of(target).furthest_behind(values)


def published(target: Target, value) -> str:
    """A reported value as every page, feed and summary publishes it: at the plan's precision, with its unit (the
    value as typed stays in the open data)."""
    return fmt.quantity(at_plan_precision(target, value), target.unit)


def yearly_reports(usable: list[Report], scope: Scope) -> tuple[Report, ...]:
    """The latest whole-year report of each year of the plan (for bình quân targets)."""
    found = {r.period.start.year: r for r in usable if r.period.kind == periods.YEAR and not before_plan(r, scope)}
    return tuple(found[year] for year in sorted(found))


def average(target: Target, reports: tuple[Report, ...]) -> float:
    """The average of yearly values, computed by the site: rounded once to COMPUTED_DECIMALS."""
    return round(statistics.fmean(judged_value(target, r) for r in reports), fmt.COMPUTED_DECIMALS)


def current_value(target: Target, usable: list[Report], scope: Scope):
    """The value a target stands at: the average of its years for a bình quân target, else its latest report's."""
    if kinds.of(target).average:
        found = yearly_reports(usable, scope)
        return average(target, found) if found else None
    return judged_value(target, usable[-1])


def covers_every_hamlet(target: Target, report: Report, hamlets: tuple[str, ...], complete: bool) -> bool:
    """A per-hamlet target counts as met only when the hamlet list is complete and every hamlet reported."""
    reported = dict(report.hamlet_values)
    return not target.per_hamlet or (complete and all(h in reported for h in hamlets))


def hamlet_results(target: Target, report: Report | None, hamlets: tuple[str, ...]) -> list[tuple[str, object, bool]]:
    """(hamlet id, latest value or None, whether it meets the goal) for every hamlet, in the plan's order."""
    latest = dict(report.hamlet_values) if report else {}
    values = {hamlet: at_plan_precision(target, value) for hamlet, value in latest.items()}
    return [(h, values.get(h), values.get(h) is not None and is_met(target, values[h])) for h in hamlets]


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


def year_share(day: dt.date) -> float:
    """The share of its year gone by at the end of a day: 30/09 of a common year is 273/365."""
    first, last = dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    return ((day - first).days + 1) / ((last - first).days + 1)


def before_plan(report: Report, scope: Scope) -> bool:
    """A report of the baseline year (2025, before the plan's 2026–2030): a starting point, never judged alone."""
    return scope.span is not None and report.period.start.year < scope.span.first


def assess(target: Target, reports: tuple[Report, ...], today: dt.date, scope: Scope = ANY_PLAN) -> Assessment:
    """The status of one target. Reports must be sorted by period, then as-of date."""
    usable = usable_reports(reports)
    if not usable:
        return Assessment(NO_DATA, NO_REPORT)
    if before_plan(usable[-1], scope):
        return _baseline_only(target, usable[-1])
    return RULES[kinds.of(target).rule(target)](target, usable, today, scope)


NO_REPORT = "Chưa có báo cáo nào cho chỉ tiêu này."
HAMLET_CAVEAT = "danh sách ấp chưa đủ hoặc có ấp chưa báo cáo."
NO_YEAR_REPORT = "Chỉ tiêu bình quân được xét trên số cả năm; chưa có báo cáo cả năm nào."


def _baseline_only(target: Target, latest: Report) -> Assessment:
    shown = _shown(target, judged_value(target, latest))
    reason = (
        f"Mới có số của năm gốc {latest.period.start.year}, trước khi kế hoạch bắt đầu ({latest.period.label}: "
        f"{shown}). Số này là điểm xuất phát, chưa dùng để đánh giá."
    )
    return Assessment(NO_DATA, reason, latest=latest, value=judged_value(target, latest))


def _shown(target: Target, value) -> str:
    """A value in a sentence: "đạt" / "chưa đạt" for yes/no, the number with its unit otherwise."""
    return ("đạt" if value else "chưa đạt") if isinstance(value, bool) else fmt.quantity(value, target.unit)


def _assess_yes_no(target: Target, usable: list[Report], today: dt.date, scope: Scope) -> Assessment:
    latest, due = usable[-1], deadline_end(target.deadline)
    if is_met(target, latest.value):
        reason = f"Báo cáo mới nhất ({latest.period.label}) ghi: đạt."
        return Assessment(ACHIEVED, reason, latest=latest, value=True)
    if today > due:
        reason = f"Đã qua hạn {fmt.date(due)} mà báo cáo mới nhất ({latest.period.label}) ghi: chưa đạt."
        return Assessment(MISSED, reason, latest=latest, value=False)
    reason = f"Báo cáo mới nhất ({latest.period.label}) ghi: chưa đạt; còn hạn đến {fmt.date(due)}."
    return Assessment(ON_TRACK, reason, latest=latest, value=False)


def _assess_yearly(target: Target, usable: list[Report], today: dt.date, scope: Scope) -> Assessment:
    """A target for every year is judged on the year of its latest report, if that is this year or the last."""
    latest = usable[-1]
    year, found = latest.period.start.year, dict(latest=latest, value=judged_value(target, latest))
    if year < today.year - 1:
        reason = f"Chưa có báo cáo cho năm {today.year - 1}; báo cáo mới nhất là của năm {year}."
        return Assessment(NO_DATA, reason, **found)
    if kinds.of(target).yes_no:
        return _yearly_yes_no(target, latest, year, today, found)
    if _cumulative_in_year(target, latest) and year == today.year and _still_open(target, found["value"]):
        return _year_to_date(target, latest)
    return _yearly_number(target, latest, year, today, found)


def _yearly_yes_no(target: Target, latest: Report, year: int, today: dt.date, found: dict) -> Assessment:
    said = f"báo cáo mới nhất ({latest.period.label}) ghi: {'đạt' if latest.value else 'chưa đạt'}."
    if is_met(target, latest.value):
        return Assessment(ACHIEVED, f"Năm {year}: {said}", **found)
    if year < today.year:
        return Assessment(MISSED, f"Năm {year} đã kết thúc; {said}", **found)
    return Assessment(BEHIND, f"Năm {year} chưa kết thúc; {said}", **found)


def _yearly_number(target: Target, latest: Report, year: int, today: dt.date, found: dict) -> Assessment:
    compare, goal = kinds.comparison_of(target), fmt.quantity(target.goal, target.unit)
    shown = fmt.quantity(found["value"], target.unit)
    if is_met(target, found["value"]):
        return Assessment(ACHIEVED, f"Năm {year}: {shown}, {compare.meets(goal)}.", **found)
    if year < today.year:
        reason = f"Năm {year} đã kết thúc; số mới nhất ({latest.period.label}) là {shown}, {compare.falls_short(goal)}."
        return Assessment(MISSED, reason, **found)
    reason = (
        f"Năm {year} chưa kết thúc; báo cáo mới nhất ({latest.period.label}) là {shown}, {compare.falls_short(goal)}."
    )
    return Assessment(BEHIND, reason, **found)


def _cumulative_in_year(target: Target, report: Report) -> bool:
    """A number that adds up over the year, reported before the year is over."""
    return target.in_year == kinds.CUMULATIVE and report.period.kind != periods.YEAR


def year_to_date_level(target: Target, report: Report) -> float | None:
    """The level an in-year report of a yearly number that adds up over the year should stand at: the goal times the
    share of the year gone by on its day, rounded as shown (a value shown equal to it is equal). None for any other
    report, which is held to the whole goal."""
    if target.deadline is not None or not _cumulative_in_year(target, report):
        return None
    return round(target.goal * year_share(report.as_of), fmt.COMPUTED_DECIMALS)


def _still_open(target: Target, value) -> bool:
    """Whether a number that adds up over the year can still change its verdict before the year ends: one short of a
    floor may yet reach it, one under a ceiling may yet pass it."""
    return is_met(target, value) == kinds.comparison_of(target).lower_is_better


def _year_to_date(target: Target, latest: Report) -> Assessment:
    """An in-year report of a number that adds up over the year is held to the share of the year gone by."""
    share, compare, value = year_share(latest.as_of), kinds.comparison_of(target), judged_value(target, latest)
    expected = year_to_date_level(target, latest)
    shown, unit = fmt.quantity(value, target.unit), target.unit
    keeps_up = compare.keeps_up(value, expected)
    reason = (
        f"Năm {latest.period.start.year} chưa kết thúc; số cộng dồn đến ngày {fmt.date(latest.as_of)} "
        f"({latest.period.label}) là {shown}. Đến ngày đó đã qua {fmt.number(round(share * 100, 2))}% thời gian "
        f"của năm, nên mức cần có là {fmt.quantity(expected, unit)} "
        f"({fmt.number(round(share * 100, 2))}% của mục tiêu {fmt.quantity(target.goal, unit)}); "
        f"số báo cáo {compare.level_verdict(keeps_up)} mức này."
    )
    status = ON_TRACK if keeps_up else BEHIND
    return Assessment(status, reason, latest=latest, value=value, expected=expected)


def _assess_line(target: Target, usable: list[Report], today: dt.date, scope: Scope) -> Assessment:
    latest = usable[-1]
    value = judged_value(target, latest)
    end = (deadline_end(target.deadline), target.goal)
    line = dict(latest=latest, value=value, start=start_point(target, usable, latest.as_of.year), end=end)
    every_hamlet = covers_every_hamlet(target, latest, scope.hamlets, scope.complete)
    compare, shown = kinds.comparison_of(target), fmt.quantity(value, target.unit)
    ranged = target.per_hamlet and kinds.of(target).range_goal  # "từ 01 tổ hợp tác trở lên" in each hamlet
    goal = kinds.of(target).goal_text(target) if ranged else fmt.quantity(target.goal, target.unit)
    latest_is = f"Số mới nhất ở ấp {compare.furthest_word} là" if target.per_hamlet else "Số mới nhất là"
    met, caveat = is_met(target, value), "" if every_hamlet else f" Chưa thể ghi nhận đạt vì {HAMLET_CAVEAT}"
    if met and every_hamlet:
        return Assessment(ACHIEVED, f"{latest_is} {shown}, {compare.meets(goal)}.", **line)
    if today > end[0]:  # a per-hamlet value may meet the goal while a hamlet is missing: the reason says both
        verdict = compare.meets(goal) if met else compare.falls_short(goal)
        reason = f"Đã qua hạn {fmt.date(end[0])}; {latest_is[0].lower()}{latest_is[1:]} {shown}, {verdict}."
        return Assessment(MISSED, reason + caveat, **line)
    expected = line_value(line["start"], end, latest.as_of)
    status = ON_TRACK if compare.keeps_up(value, expected) else BEHIND
    reason = _line_reason(target, line["start"], end, latest, shown, expected)
    return Assessment(status, reason + caveat, expected=expected, **line)


def _line_reason(target, start, end, latest, shown, expected) -> str:
    unit = target.unit
    return (
        f"Đường thẳng từ {fmt.quantity(start[1], unit)} ngày {fmt.date(start[0])} đến "
        f"{fmt.quantity(end[1], unit)} ngày {fmt.date(end[0])} cho mức cần có ngày {fmt.date(latest.as_of)} là "
        f"{fmt.quantity(round(expected, 2), unit)}; số báo cáo là {shown}."
    )


def _assess_average(target: Target, usable: list[Report], today: dt.date, scope: Scope) -> Assessment:
    """A bình quân target: the average of the whole-year reports of the plan's years against the goal; final once the
    plan's last year is over, on track or behind until then."""
    years = yearly_reports(usable, scope)
    if not years:
        return Assessment(NO_DATA, f"{NO_YEAR_REPORT} Báo cáo mới nhất: {usable[-1].period.label}.", latest=usable[-1])
    value, compare = average(target, years), kinds.comparison_of(target)
    final = scope.span is not None and today > deadline_end(scope.span.last)
    met = is_met(target, value)
    status = (ACHIEVED if met else MISSED) if final else (ON_TRACK if met else BEHIND)
    goal = fmt.quantity(target.goal, target.unit)
    verdict = compare.meets(f"bình quân {goal}") if met else compare.falls_short(f"bình quân {goal}")
    listed = "; ".join(f"năm {r.period.start.year}: {published(target, judged_value(target, r))}" for r in years)
    reason = f"Bình quân {len(years)} năm đã có số cả năm ({listed}) là {fmt.quantity(value, target.unit)}, {verdict}."
    if not final and scope.span is not None:
        reason += f" Kết quả cuối cùng tính khi hết năm {scope.span.last}."
    return Assessment(status, reason, latest=years[-1], value=value, averaged=years)


RULES = {
    kinds.LINE: _assess_line,
    kinds.EVERY_YEAR: _assess_yearly,
    kinds.YES_NO: _assess_yes_no,
    kinds.AVERAGE: _assess_average,
}


def assess_all(plan: Plan, today: dt.date) -> dict[str, Assessment]:
    scope = Scope.of(plan)
    return {target.id: assess(target, plan.reports_for(target.id), today, scope) for target in plan.targets}
