"""The change feed (/feed.xml, /rss.xml and the page "Có gì mới"): new reports and status changes. Pure.

Every date comes from the data, never from Git: a report is dated by its `ngay` (the day its numbers stand at);
a status change by the day it happened, which is a report's `ngay` or, for a deadline or a year that ran out,
1 January of the next year. Entry ids never change once published: they name the target and the period
(report) or the day (status change), under a tag URI whose authority is the host of site_url.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from email.utils import format_datetime
from urllib.parse import urlsplit

from macros.domain import status
from macros.domain.model import Plan, Report, Target
from macros.domain.status import Assessment
from macros.settings import FEED_LIMIT, TIMEZONE


@dataclass(frozen=True)
class Entry:
    key: str  # the stable part of the id: bao-cao/<target>/<period> or trang-thai/<target>/<day>
    day: dt.date
    target: Target
    report: Report | None = None
    change: tuple[Assessment, Assessment] | None = None  # (before, after)

    @property
    def kind(self) -> str:
        return "bao-cao" if self.report else "trang-thai"


@dataclass(frozen=True)
class Feed:
    base: str  # the site's address, ending in "/" (empty when mkdocs.yml has no site_url)
    tag: str  # the prefix of every id: tag:<host>,<year>:<path of the site>
    updated: dt.date
    entries: tuple[Entry, ...]  # the most recent first


def tag_prefix(site_url: str, year: int) -> str:
    """tag:<host>,<year>: plus the site's path, so two sites on one host never share ids (RFC 4151)."""
    parts = urlsplit(site_url)
    path = parts.path.strip("/")
    return f"tag:{parts.hostname or 'localhost'},{year}:" + (f"{path}/" if path else "")


def report_entries(plan: Plan) -> list[Entry]:
    return [
        Entry(f"bao-cao/{r.target_id}/{r.period.slug}", r.as_of, plan.target_by_id[r.target_id], report=r)
        for r in plan.reports
    ]


def _days(reports: tuple[Report, ...], today: dt.date) -> list[dt.date]:
    """The days a status can change on: each report's date, and each 1 January since the first report."""
    days = {r.as_of for r in reports}
    first = min(days).year
    return sorted(days | {dt.date(year, 1, 1) for year in range(first + 1, today.year + 1)})


def change_entries(plan: Plan, target: Target, today: dt.date) -> list[Entry]:
    reports, scope = plan.reports_for(target.id), status.Scope.of(plan)
    if not reports:
        return []
    found, before = [], status.assess(target, (), today, scope)
    for day in _days(reports, today):
        known = tuple(r for r in reports if r.as_of <= day)
        after = status.assess(target, known, day, scope)
        if after.status != before.status:
            found.append(Entry(f"trang-thai/{target.id}/{day.isoformat()}", day, target, change=(before, after)))
        before = after
    return found


def entries(plan: Plan, today: dt.date) -> tuple[Entry, ...]:
    found = report_entries(plan) + [e for t in plan.targets for e in change_entries(plan, t, today)]
    found.sort(key=lambda entry: entry.key)
    return tuple(sorted(found, key=lambda entry: entry.day, reverse=True))


def feed(plan: Plan, today: dt.date, site_url: str, found: tuple[Entry, ...] | None = None) -> Feed:
    found = (entries(plan, today) if found is None else found)[:FEED_LIMIT]
    base = site_url.rstrip("/") + "/" if site_url else ""
    updated = found[0].day if found else today
    return Feed(base, tag_prefix(site_url, plan.document.period_start), updated, found)


def atom_date(day: dt.date) -> str:
    """RFC 3339, at the start of the day in Việt Nam: 2026-09-30T00:00:00+07:00."""
    return dt.datetime.combine(day, dt.time(), TIMEZONE).isoformat()


def rss_date(day: dt.date) -> str:
    """RFC 822, as RSS 2.0 wants: Wed, 30 Sep 2026 00:00:00 +0700."""
    return format_datetime(dt.datetime.combine(day, dt.time(), TIMEZONE))
