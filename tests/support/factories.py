"""Model records for tests, built with keyword arguments: give only what the test is about."""

from __future__ import annotations

import dataclasses
import datetime as dt

from macros import pipeline
from macros.domain import periods, status
from macros.domain.model import Report, Target


def make_target(**fields) -> Target:
    """A numeric target (tich-luy, 100% by 2030) unless the test says otherwise."""
    defaults = dict(
        id="t",
        unit_id="iii-3-3",
        anchor="iii-3-3-d1",
        wording="nguyên văn",
        name="Tên",
        kind="tich-luy",
        value=None,
        low=None,
        high=None,
        unit="%",
        deadline=2030,
        baseline=None,
        baseline_year=None,
        lead=None,
        partners=(),
        per_hamlet=False,
        note=None,
    )
    return Target(**defaults | fields)


def make_report(period: str = "2026-Q3", value=None, as_of: dt.date | None = None, **fields) -> Report:
    """A report of target "t" for a period given by its code; as_of defaults to the period's last day."""
    parsed = periods.parse(period)
    defaults = dict(
        target_id="t",
        period=parsed,
        value=value,
        hamlet_values=(),
        as_of=as_of or parsed.end,
        source="nguồn",
        agency_id="phong-kinh-te",
        note=None,
        file="f",
        line=1,
    )
    return Report(**defaults | fields)


def site_with_reports(site: pipeline.SiteData, reports, today: dt.date | None = None) -> pipeline.SiteData:
    """The same plan with these reports instead of its own, judged on `today` (default: the site's day)."""
    plan = dataclasses.replace(site.plan, reports=tuple(reports))
    day = today or site.today
    return pipeline.SiteData(plan, status.assess_all(plan, day), day)
