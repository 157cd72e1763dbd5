"""What the pages need, computed once per build: the plan, each target's status and the day they are judged on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from macros.domain import feed, model, progress, status


@dataclass(frozen=True)
class SiteData:
    """Everything the pages need, computed once."""

    plan: model.Plan
    assessments: dict[str, status.Assessment]
    today: dt.date

    @cached_property
    def period_reports(self) -> tuple[progress.PeriodReport, ...]:
        """Every period's report, computed once although several pages show them."""
        return progress.all_periods(self.plan, self.today)

    @cached_property
    def feed_entries(self) -> tuple[feed.Entry, ...]:
        return feed.entries(self.plan, self.today)
