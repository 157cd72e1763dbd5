"""The progress rule, case by case: every kind of target and every status (page "Cách tính tiến độ")."""

from __future__ import annotations

import datetime as dt

import pytest
from support.factories import make_report, make_target

from macros.domain import periods, status
from macros.domain.model import Report, Target

TODAY = dt.date(2026, 11, 29)
D = dt.date


def judge(t: Target, *reports: Report, today=TODAY, hamlets=(), complete=True) -> status.Assessment:
    return status.assess(t, tuple(reports), today, hamlets, complete)


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
