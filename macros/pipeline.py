"""Run the stages once per build: load -> validate -> model -> status. Knows nothing of MkDocs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from . import model, status, validate
from .errors import DataError
from .load import load_all


@dataclass(frozen=True)
class SiteData:
    """Everything the pages need, computed once."""

    plan: model.Plan
    assessments: dict[str, status.Assessment]
    today: dt.date


def check(data_dir: Path, root_dir: Path, today: dt.date) -> list:
    sources, problems = load_all(data_dir, root_dir)
    return problems + validate.validate(sources, today)


def load_site(data_dir: Path, root_dir: Path, today: dt.date | None = None) -> SiteData:
    """Load and check all data; raise DataError listing every problem, so nothing half-built is published."""
    today = today or dt.date.today()
    sources, problems = load_all(data_dir, root_dir)
    problems += validate.validate(sources, today)
    if problems:
        raise DataError(problems)
    plan = model.build(sources)
    return SiteData(plan, status.assess_all(plan, today), today)
