"""Model records for tests, built with keyword arguments: give only what the test is about."""

from __future__ import annotations

import dataclasses
import datetime as dt

from macros.domain import status
from macros.domain.model import Report, Target
from macros.domain.site_data import SiteData
from macros.vocabulary import periods


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


def make_scope(hamlets=(), complete=True, span=(2026, 2030, 2028)) -> status.Scope:
    """What the status rule knows of the plan: by default a plan of 2026–2030 with its review in 2028."""
    return status.Scope(tuple(hamlets), complete, periods.Span(*span) if span else None)


def site_with_reports(site: SiteData, reports, today: dt.date | None = None) -> SiteData:
    """The same plan with these reports instead of its own, judged on `today` (default: the site's day)."""
    plan = dataclasses.replace(site.plan, reports=tuple(reports))
    day = today or site.today
    return SiteData(plan, status.assess_all(plan, day), day)
