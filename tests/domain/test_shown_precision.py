"""A value shown next to a status never contradicts it: typed numbers are shown with every decimal typed, and the
straight line is judged at the precision it is shown with (issue 10)."""

from __future__ import annotations

import datetime as dt

from support.data import copy_data

from macros import formats as fmt
from macros import pipeline
from macros.domain import status

REPORT = """bao_cao:
  - chi_tieu: {target}
    ky: {period}
    gia_tri: {value}
    ngay: {day}
    nguon: "Báo cáo mẫu (kiểm thử)"
    don_vi_bao_cao: phong-kinh-te
"""


def site_with(tmp_path, today, *reports):
    data = copy_data(tmp_path)
    text = "bao_cao:\n" + "".join(REPORT.format(**report).removeprefix("bao_cao:\n") for report in reports)
    (data / "cap-nhat" / "2026.yml").write_text(text, encoding="utf-8")
    return pipeline.load_site(data, data.parent, today)


def test_typed_decimals_are_all_shown():
    assert fmt.quantity(74.999, "%") == "74,999%"
    assert fmt.quantity(75, "%") == "75%"
    assert fmt.number(81.82) == "81,82" and fmt.number(1234567) == "1.234.567"


def test_just_below_the_goal_at_the_plans_precision_is_short_of_it(tmp_path):
    report = dict(target="kham-pha-an", period="2026", value="74.99", day="2026-12-31")
    site = site_with(tmp_path, dt.date(2027, 1, 5), report)
    judged = site.assessments["kham-pha-an"]
    assert judged.status == status.MISSED
    assert judged.reason == "Năm 2026 đã kết thúc; số mới nhất (Năm 2026) là 74,99%, chưa đạt mục tiêu 75%."


def first_day_rounding_down(start, end):
    """A report day on which the straight line's exact level is above its value to two decimals."""
    for offset in range(1, 300):
        day = start[0] + dt.timedelta(days=offset)
        share = (day - start[0]).days / (end[0] - start[0]).days
        exact = start[1] + (end[1] - start[1]) * share
        if round(exact, 2) < exact - 1e-9:
            return day, exact
    raise AssertionError("no day found")


def test_a_value_equal_to_the_shown_level_is_on_track(tmp_path):
    start, end = (dt.date(2026, 3, 31), 60.0), (dt.date(2030, 12, 31), 81.82)
    day, exact = first_day_rounding_down(start, end)
    shown_level = round(exact, 2)
    first = dict(target="truong-dat-chuan-quoc-gia", period="2026-Q1", value="60", day="2026-03-31")
    latest = dict(target="truong-dat-chuan-quoc-gia", period="2026", value=repr(shown_level), day=day.isoformat())
    judged = site_with(tmp_path, dt.date(2026, 12, 31), first, latest).assessments["truong-dat-chuan-quoc-gia"]
    assert judged.expected == shown_level < exact  # judged at the precision shown, not above it
    assert judged.status == status.ON_TRACK
    level = fmt.quantity(shown_level, "%")
    assert judged.reason.endswith(f"là {level}; số báo cáo là {level}.")


def test_the_straight_line_is_read_to_the_decimals_shown():
    third = status.line_value((dt.date(2026, 1, 1), 0.0), (dt.date(2026, 1, 4), 1.0), dt.date(2026, 1, 2))
    assert third == 0.33
