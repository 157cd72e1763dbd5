"""Issue 11: the chart's value axis fits the data and the goal, with labelled ticks in the SVG itself (so it reads
without JavaScript and in print)."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from support.factories import make_report, make_target

from macros import pipeline
from macros.domain.model import Report, Target
from macros.site import chart


def _target(value, unit="%") -> Target:
    return make_target(value=value, unit=unit, comparison=">=")


def _report(period, value, day) -> Report:
    return make_report(period, value, day)


def test_close_values_are_spread_over_the_axis_not_squeezed():
    reports = (_report("2026-Q1", 89.6, dt.date(2026, 3, 31)), _report("2026-Q3", 92.4, dt.date(2026, 9, 30)))
    drawn = chart.build(_target(100), reports)
    assert [t.label for t in drawn.ticks] == ["85%", "90%", "95%", "100%"]
    assert abs(drawn.points[0].y - drawn.points[1].y) > 15  # was about 3 px on a fixed 0–100 scale
    assert drawn.ticks[-1].y == drawn.goal_y


def test_counts_start_at_zero_with_whole_ticks():
    reports = (_report("2026", 1, dt.date(2026, 12, 31)),)
    drawn = chart.build(_target(5, "sản phẩm"), reports)
    assert [t.label for t in drawn.ticks] == ["0", "2", "4", "6"] and drawn.axis_unit == "sản phẩm"


@pytest.fixture(scope="module")
def fixture_data(fixture_data_dir):
    return pipeline.load_site(fixture_data_dir, fixture_data_dir.parent, dt.date(2026, 11, 29))


def test_the_axis_is_in_the_page_html(fixture_data):
    from macros.site import pages

    target_id = next(t.id for t in fixture_data.plan.targets if chart.build(t, fixture_data.plan.reports_for(t.id)))
    page = BeautifulSoup(pages.TARGETS.body(fixture_data, fixture_data.plan.target_by_id[target_id]), "lxml")
    ticks = [t.get_text() for t in page.select("figure.kh-chart svg text.kh-chart__tick")]
    assert len(ticks) >= 3 and all(ticks)
    assert f"từ {ticks[0]} đến {ticks[-1]}" in page.select_one("figure.kh-chart figcaption").get_text()
