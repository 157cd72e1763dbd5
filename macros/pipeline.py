"""Run the stages once per build: load -> validate -> model -> status. Knows nothing of MkDocs."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from macros import settings
from macros.data import validate
from macros.data.load import load_all
from macros.domain import feed, model, progress, status
from macros.errors import DataError


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


def build_day() -> dt.date:
    """The day statuses are judged on: the date in Việt Nam, whatever the build machine's clock zone (GitHub runs
    in UTC, seven hours behind). SOURCE_DATE_EPOCH makes a build reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return moment.astimezone(settings.TIMEZONE).date()


def check(data_dir: Path, root_dir: Path, today: dt.date) -> list:
    sources, problems = load_all(data_dir, root_dir)
    return problems + validate.validate(sources, today)


def load_site(data_dir: Path, root_dir: Path, today: dt.date | None = None) -> SiteData:
    """Load and check all data; raise DataError listing every problem, so nothing half-built is published."""
    today = today or build_day()
    sources, problems = load_all(data_dir, root_dir)
    problems += validate.validate(sources, today)
    if problems:
        raise DataError(problems)
    plan = model.build(sources)
    return SiteData(plan, status.assess_all(plan, today), today)
