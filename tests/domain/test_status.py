"""The progress rule, case by case: every kind of target and every status (page "Cách tính tiến độ")."""

from __future__ import annotations

import datetime as dt

import pytest
from support.factories import make_report, make_scope, make_target

from macros.domain import status
from macros.domain.model import Report, Target
from macros.vocabulary import periods

TODAY = dt.date(2026, 11, 29)
D = dt.date


def judge(t: Target, *reports: Report, today=TODAY, hamlets=(), complete=True) -> status.Assessment:
    return status.assess(t, tuple(reports), today, status.Scope(tuple(hamlets), complete))


CASES = [
    # cumulative count / level reached by a deadline, line from the first report (no baseline in the plan)
    ("tich-luy: no report", make_target(value=100), [], status.NO_DATA),
    ("tich-luy: reached", make_target(value=100), [make_report("2026-Q3", 100, D(2026, 9, 30))], status.ACHIEVED),
    (
        "tich-luy: above the line",
        make_target(value=100),
        [make_report("2026-Q1", 90, D(2026, 3, 31)), make_report("2026-Q3", 92, D(2026, 9, 30))],
        status.ON_TRACK,
    ),
    (
        "tich-luy: below the line",
        make_target(value=100),
        [make_report("2026-Q1", 90, D(2026, 3, 31)), make_report("2026-Q3", 90.5, D(2026, 9, 30))],
        status.BEHIND,
    ),
    (
        "tich-luy: deadline passed",
        make_target(value=100, deadline=2026),
        [make_report("2026-Q1", 90, D(2026, 3, 31))],
        status.MISSED,
        D(2027, 1, 1),
    ),
    (
        "tich-luy: baseline from the plan",
        make_target(value=10, unit="sản phẩm", baseline=0, baseline_year=2026),
        [make_report("2026-Q4", 1, D(2026, 11, 1))],
        status.BEHIND,
    ),
    (
        "tich-luy: baseline, ahead",
        make_target(value=10, unit="sản phẩm", baseline=0, baseline_year=2026),
        [make_report("2026-Q4", 3, D(2026, 11, 1))],
        status.ON_TRACK,
    ),
    # range: judged by its lower bound
    (
        "khoang: lower bound met",
        make_target(kind="khoang", low=1, high=2, unit="hợp tác xã"),
        [make_report("2026", 1, D(2026, 6, 30))],
        status.ACHIEVED,
    ),
    (
        "khoang: not met, deadline passed",
        make_target(kind="khoang", low=2, high=3, unit="khách sạn", deadline=2026),
        [make_report("2026", 1, D(2026, 12, 31))],
        status.MISSED,
        D(2027, 2, 1),
    ),
    (
        "khoang: on the line",
        make_target(kind="khoang", low=2, high=3, unit="khách sạn"),
        [make_report("2026-Q1", 0, D(2026, 3, 31)), make_report("2026-Q3", 1, D(2026, 9, 30))],
        status.ON_TRACK,
    ),
    # yearly rate: judged on the year of the latest report
    (
        "ty-le-hang-nam: met this year",
        make_target(kind="ty-le-hang-nam", value=75, deadline=None),
        [make_report("2026-Q3", 80, D(2026, 9, 30))],
        status.ACHIEVED,
    ),
    (
        "ty-le-hang-nam: year running, below",
        make_target(kind="ty-le-hang-nam", value=75, deadline=None),
        [make_report("2026-Q3", 70, D(2026, 9, 30))],
        status.BEHIND,
    ),
    (
        "ty-le-hang-nam: year over, below",
        make_target(kind="ty-le-hang-nam", value=75, deadline=None),
        [make_report("2026", 70, D(2026, 12, 31))],
        status.MISSED,
        D(2027, 1, 15),
    ),
    (
        "ty-le-hang-nam: last year's miss does not stick",
        make_target(kind="ty-le-hang-nam", value=75, deadline=None),
        [make_report("2026", 70, D(2026, 12, 31)), make_report("2027-Q1", 76, D(2027, 3, 31))],
        status.ACHIEVED,
        D(2027, 4, 2),
    ),
    # yes/no standard and milestone: judged on the latest report
    (
        "dat-chuan: yes",
        make_target(kind="dat-chuan", unit=None),
        [make_report("2026-11", True, D(2026, 11, 15))],
        status.ACHIEVED,
    ),
    (
        "dat-chuan: no, time left",
        make_target(kind="dat-chuan", unit=None),
        [make_report("2026-11", False, D(2026, 11, 15))],
        status.ON_TRACK,
    ),
    (
        "dat-chuan: no, deadline passed",
        make_target(kind="dat-chuan", unit=None, deadline=2026),
        [make_report("2026", False, D(2026, 12, 31))],
        status.MISSED,
        D(2027, 1, 1),
    ),
    (
        "dat-chuan: lost after reaching it",
        make_target(kind="dat-chuan", unit=None, deadline=2026),
        [make_report("2026-Q1", True, D(2026, 3, 31)), make_report("2026", False, D(2026, 12, 31))],
        status.MISSED,
        D(2027, 1, 1),
    ),
    (
        "moc: done",
        make_target(kind="moc", unit=None, deadline=2026),
        [make_report("2026-Q2", True, D(2026, 5, 31))],
        status.ACHIEVED,
    ),
    (
        "moc: not yet, not due",
        make_target(kind="moc", unit=None, deadline=2028),
        [make_report("2026-Q2", False, D(2026, 5, 31))],
        status.ON_TRACK,
    ),
    ("moc: no data", make_target(kind="moc", unit=None, deadline=2028), [], status.NO_DATA),
    # a yearly rate whose last report is older than last year says so instead of keeping an old verdict
    (
        "ty-le-hang-nam: stale",
        make_target(kind="ty-le-hang-nam", value=75, deadline=None),
        [make_report("2026", 80, D(2026, 12, 31))],
        status.NO_DATA,
        D(2028, 3, 1),
    ),
    (
        "ty-le-hang-nam: last year still counts",
        make_target(kind="ty-le-hang-nam", value=75, deadline=None),
        [make_report("2026", 80, D(2026, 12, 31))],
        status.ACHIEVED,
        D(2027, 3, 1),
    ),
    # a standard to keep every year (han: hang-nam)
    (
        "dat-chuan hang-nam: kept",
        make_target(kind="dat-chuan", unit=None, deadline=None),
        [make_report("2026", True, D(2026, 12, 31))],
        status.ACHIEVED,
    ),
    (
        "dat-chuan hang-nam: lost, year running",
        make_target(kind="dat-chuan", unit=None, deadline=None),
        [make_report("2026-Q3", False, D(2026, 9, 30))],
        status.BEHIND,
    ),
    (
        "dat-chuan hang-nam: lost, year over",
        make_target(kind="dat-chuan", unit=None, deadline=None),
        [make_report("2026", False, D(2026, 12, 31))],
        status.MISSED,
        D(2027, 2, 1),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case[0] for case in CASES])
def test_status_rule(case):
    _, t, reports, expected, *today = case
    assert judge(t, *reports, today=today[0] if today else TODAY).status == expected


def test_every_kind_and_every_status_is_covered():
    kinds = {case[1].kind for case in CASES}
    statuses = {case[3] for case in CASES}
    assert kinds == {"tich-luy", "ty-le-hang-nam", "dat-chuan", "khoang", "moc"}
    assert statuses == set(status.ORDER)


def test_line_inputs_are_shown_so_a_reader_can_redo_the_sum():
    a = judge(
        make_target(value=100), make_report("2026-Q1", 90, D(2026, 3, 31)), make_report("2026-Q3", 91.5, D(2026, 9, 30))
    )
    assert a.start == (D(2026, 3, 31), 90) and a.end == (D(2030, 12, 31), 100)
    share = (D(2026, 9, 30) - D(2026, 3, 31)).days / (D(2030, 12, 31) - D(2026, 3, 31)).days
    assert a.expected == round(90 + 10 * share, 2)  # read to the decimals the page shows
    assert "91,5%" in a.reason and "31/03/2026" in a.reason and "31/12/2030" in a.reason


def test_per_hamlet_target_holds_only_when_every_hamlet_meets_it():
    t = make_target(kind="khoang", low=1, high=2, unit="tổ hợp tác", per_hamlet=True)
    both = make_report("2026-Q3", None, D(2026, 9, 30), hamlet_values=(("a", 2), ("b", 1)))
    one_short = make_report("2026-Q3", None, D(2026, 9, 30), hamlet_values=(("a", 2), ("b", 0)))
    one_missing = make_report("2026-Q3", None, D(2026, 9, 30), hamlet_values=(("a", 2),))
    assert judge(t, both, hamlets=("a", "b")).status == status.ACHIEVED
    assert judge(t, one_short, hamlets=("a", "b")).status != status.ACHIEVED
    assert judge(t, one_missing, hamlets=("a", "b")).status != status.ACHIEVED
    assert judge(t, both, hamlets=("a", "b"), complete=False).status != status.ACHIEVED


def test_a_per_hamlet_target_past_its_deadline_says_why_it_is_not_achieved():
    """Every hamlet reported meets the goal but the list of hamlets is not complete: the reason must not say the
    value (2 cooperatives) falls short of the goal (1)."""
    t = make_target(value=1, unit="tổ hợp tác", per_hamlet=True, deadline=2026)
    report = make_report("2026", None, D(2026, 12, 31), hamlet_values=(("a", 2), ("b", 3)))
    judged = judge(t, report, today=D(2027, 2, 1), hamlets=("a", "b"), complete=False)
    assert judged.status == status.MISSED
    assert judged.reason == (
        "Đã qua hạn 31/12/2026; số mới nhất ở ấp thấp nhất là 2 tổ hợp tác, đạt mục tiêu 1 tổ hợp tác. "
        f"Chưa thể ghi nhận đạt vì {status.HAMLET_CAVEAT}"
    )


def test_a_per_hamlet_average_lists_the_value_judged_for_each_year():
    t = make_target(kind="binh-quan-hang-nam", value=8, unit="%/năm", deadline=None, per_hamlet=True)
    report = make_report("2026", None, D(2026, 12, 31), hamlet_values=(("a", 9), ("b", 7)))
    judged = status.assess(t, (report,), D(2027, 3, 1), make_scope(hamlets=("a", "b")))
    assert "(năm 2026: 7%/năm)" in judged.reason and "chưa cập nhật" not in judged.reason


def test_progress_share_for_the_bar():
    a = judge(
        make_target(value=100), make_report("2026-Q1", 90, D(2026, 3, 31)), make_report("2026-Q3", 95, D(2026, 9, 30))
    )
    assert a.progress == pytest.approx(0.5)
    assert judge(make_target(value=100)).progress is None
    yearly_miss = judge(
        make_target(kind="ty-le-hang-nam", value=75, deadline=None), make_report("2026-Q3", 70, D(2026, 9, 30))
    )
    assert yearly_miss.status == status.BEHIND and yearly_miss.progress is None


def test_a_year_report_supersedes_the_quarter_and_month_ending_with_it():
    ordered = sorted(periods.parse(code) for code in ["2026", "2026-12", "2026-Q4", "2026-Q3", "2026-11"])
    assert [p.code for p in ordered] == ["2026-Q3", "2026-11", "2026-12", "2026-Q4", "2026"]
    t = make_target(kind="ty-le-hang-nam", value=75, deadline=None)
    month, year = make_report("2026-12", 80, D(2026, 12, 31)), make_report("2026", 70, D(2026, 12, 31))
    assert (
        judge(t, *sorted([year, month], key=lambda r: (r.period, r.as_of)), today=D(2027, 1, 10)).status
        == status.MISSED
    )


def test_midterm_halfway_point_for_every_kind_of_deadline():
    from macros.domain import progress

    day = D(2028, 6, 30)
    yearly_standard = progress.halfway(
        make_target(kind="dat-chuan", unit=None, deadline=None), (make_report("2028-Q1", True, D(2028, 3, 31)),), day
    )
    yearly_rate = progress.halfway(
        make_target(kind="ty-le-hang-nam", value=75, deadline=None), (make_report("2028-Q1", 70, D(2028, 3, 31)),), day
    )
    standard_2030 = progress.halfway(
        make_target(kind="dat-chuan", unit=None, deadline=2030), (make_report("2028-Q1", False, D(2028, 3, 31)),), day
    )
    assert (yearly_standard.verdict, yearly_standard.point) == (progress.REACHED, True)
    assert (yearly_rate.verdict, yearly_rate.point) == (progress.NOT_REACHED, 75)
    assert standard_2030.verdict == progress.NO_POINT


# --- which way is better is the comparison's: ceilings ("giảm còn", "dưới") are judged lower-is-better ----------

CEILING = dict(value=2, unit="%", comparison="<", baseline=5, baseline_year=2025)


def test_a_ceiling_below_its_line_is_on_track_and_above_it_behind():
    # the line from 5% (01/01/2025) to 2% (31/12/2030) stands at 4,13% on 30/09/2026
    assert judge(make_target(**CEILING), make_report("2026-Q3", 4.1, D(2026, 9, 30))).status == status.ON_TRACK
    behind = judge(make_target(**CEILING), make_report("2026-Q3", 4.2, D(2026, 9, 30)))
    assert behind.status == status.BEHIND and behind.expected == 4.13


def test_a_strict_ceiling_is_met_below_the_goal_only():
    assert judge(make_target(**CEILING), make_report("2026-Q3", 1.99, D(2026, 9, 30))).status == status.ACHIEVED
    at_goal = judge(make_target(**CEILING), make_report("2026-Q3", 2, D(2026, 9, 30)))
    assert at_goal.status != status.ACHIEVED
    at_most = make_target(**CEILING | {"comparison": "<="})
    assert judge(at_most, make_report("2026-Q3", 2, D(2026, 9, 30))).status == status.ACHIEVED


def test_a_per_hamlet_ceiling_is_as_far_as_its_highest_hamlet():
    target = make_target(**CEILING | {"per_hamlet": True})
    report = make_report("2026-Q3", None, D(2026, 9, 30), hamlet_values=(("a", 1.5), ("b", 3)))
    judged = judge(target, report, hamlets=("a", "b"))
    assert (judged.value, judged.status) == (3, status.ON_TRACK)  # 3% is under the line's 4,13%
    assert status.hamlet_results(target, report, ("a", "b")) == [("a", 1.5, True), ("b", 3, False)]
    both = make_report("2026-Q3", None, D(2026, 9, 30), hamlet_values=(("a", 1.5), ("b", 1.8)))
    assert judge(target, both, hamlets=("a", "b")).reason == "Số mới nhất ở ấp cao nhất là 1,8%, thấp hơn mục tiêu 2%."


def test_a_yearly_ceiling_that_adds_up_is_held_to_the_share_of_the_year():
    cap = make_target(kind="ty-le-hang-nam", value=10, unit="vụ", deadline=None, comparison="<=", in_year="cong-don")
    under = judge(cap, make_report("2026-06", 4, D(2026, 6, 30)))
    assert under.status == status.ON_TRACK and "số báo cáo không cao hơn mức này" in under.reason
    over_share = judge(cap, make_report("2026-06", 6, D(2026, 6, 30)))
    assert over_share.status == status.BEHIND and "số báo cáo cao hơn mức này" in over_share.reason
    over_cap = judge(cap, make_report("2026-06", 11, D(2026, 6, 30)))
    assert over_cap.status == status.BEHIND and "cao hơn mục tiêu 10 vụ" in over_cap.reason


def test_a_sum_that_adds_up_is_judged_against_its_share_as_shown():
    """3 January is 0,82% of the year: 0,82% of the estimate collected by then is on track, not "lower than 0,82%"
    (the unrounded share, 0,8219…, made the page say so)."""
    revenue = make_target(kind="ty-le-hang-nam", value=100, unit="% dự toán", deadline=None, in_year="cong-don")
    judged = judge(revenue, make_report("2026-01", 0.82, D(2026, 1, 3)))
    assert judged.status == status.ON_TRACK and judged.expected == 0.82
    assert "mức cần có là 0,82% dự toán" in judged.reason and "không thấp hơn mức này" in judged.reason


def test_the_progress_bar_runs_towards_a_ceiling():
    judged = judge(make_target(**CEILING), make_report("2026-Q3", 3.5, D(2026, 9, 30)))
    assert judged.progress == pytest.approx(0.5)


# --- a yearly average is judged on the whole-year reports of the plan's years ----------------------------------

AVERAGE = dict(kind="binh-quan-hang-nam", value=8, unit="%/năm", deadline=None, comparison=">=")


def average_of(*values, today=TODAY, span=(2026, 2027, None)):
    reports = [make_report(str(2026 + n), value, D(2026 + n, 12, 31)) for n, value in enumerate(values)]
    return status.assess(make_target(**AVERAGE), tuple(reports), today, make_scope(span=span))


def test_an_average_is_on_track_or_behind_until_the_plans_last_year_is_over():
    assert average_of(9).status == status.ON_TRACK
    assert average_of(7).status == status.BEHIND
    assert average_of(9, 7.5, today=D(2027, 12, 31)).status == status.ON_TRACK


def test_an_average_is_final_once_the_plans_last_year_is_over():
    met = average_of(9, 7.5, today=D(2028, 1, 5))
    assert met.status == status.ACHIEVED and met.value == 8.25
    assert met.reason == (
        "Bình quân 2 năm đã có số cả năm (năm 2026: 9%/năm; năm 2027: 7,5%/năm) là 8,25%/năm, "
        "đạt mục tiêu bình quân 8%/năm."
    )
    assert average_of(8, 7.5, today=D(2028, 1, 5)).status == status.MISSED


def test_an_average_counts_only_whole_year_reports():
    quarter = make_report("2026-Q3", 12, D(2026, 9, 30))
    judged = status.assess(make_target(**AVERAGE), (quarter,), TODAY, make_scope(span=(2026, 2027, None)))
    assert judged.status == status.NO_DATA and status.NO_YEAR_REPORT in judged.reason


# --- a number is judged at the precision the plan writes its goal (never coarser than two decimals) -------------


def test_a_computed_share_is_read_at_the_plans_precision():
    schools = make_target(value=81.82, comparison=">=")
    assert status.is_met(schools, 9 / 11 * 100) and not status.is_met(schools, 81.814)
    assert status.at_plan_precision(schools, 9 / 11 * 100) == 81.82


def test_a_whole_goal_is_an_exact_threshold():
    revenue = make_target(value=100, unit="% dự toán", comparison=">")
    assert status.is_met(revenue, 100.4) and not status.is_met(revenue, 100.004)
