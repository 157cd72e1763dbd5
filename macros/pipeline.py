"""Run the stages once per build: load -> validate -> model -> status. Knows nothing of MkDocs.

The one place that knows every reader of data files: YAML is the data stage's, a filled report workbook the report
intake's (a later stage, so the data stage is handed it rather than importing it).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from macros import settings
from macros.data import load, validate
from macros.data.load import Source
from macros.domain import model, status
from macros.domain.site_data import SiteData
from macros.errors import DataError, Problem
from macros.intake import workbook

READERS: load.Readers = {
    "yaml": load.load_file,
    "xlsx": workbook.read_workbook,
    "ods": workbook.read_workbook,
    "refused": workbook.refuse_format,
}


def build_day() -> dt.date:
    """The day statuses are judged on: the date in Việt Nam, whatever the build machine's clock zone (GitHub runs
    in UTC, seven hours behind). SOURCE_DATE_EPOCH makes a build reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return moment.astimezone(settings.TIMEZONE).date()


def read_sources(data_dir: Path, root_dir: Path) -> tuple[dict[str, list[Source]], list[Problem]]:
    """Every data file read by its reader, and the problems found while reading. A workbook reader knows the
    hamlets (from data/ap.yml, read once more if a workbook is read), so that a clerk may name a hamlet by name."""
    spreadsheet = workbook.reader(lambda: _hamlets(data_dir, root_dir))
    return load.load_all(data_dir, root_dir, {**READERS, "xlsx": spreadsheet, "ods": spreadsheet})


def _hamlets(data_dir: Path, root_dir: Path) -> dict[str, str]:
    """{id: name} of the hamlets in data/ap.yml; empty when the file cannot be read (its own problem says so)."""
    path = data_dir / "ap.yml"
    if not path.is_file():
        return {}
    source, _ = load.load_file(path, root_dir)
    items = source.root.get("ap") if isinstance(source.root, dict) else None
    return {
        item.get("id"): str(item.get("ten") or "")
        for item in items or []
        if isinstance(item, dict) and isinstance(item.get("id"), str)
    }


def checked_sources(data_dir: Path, root_dir: Path, today: dt.date) -> tuple[dict[str, list[Source]], list[Problem]]:
    """Every data file read and checked; problems in a workbook are named by its row and column."""
    sources, problems = read_sources(data_dir, root_dir)
    problems += validate.validate(sources, today)
    return sources, workbook.review(problems, sources)


def check(data_dir: Path, root_dir: Path, today: dt.date) -> list[Problem]:
    return checked_sources(data_dir, root_dir, today)[1]


def load_site(data_dir: Path, root_dir: Path, today: dt.date | None = None) -> SiteData:
    """Load and check all data; raise DataError listing every problem, so nothing half-built is published."""
    today = today or build_day()
    sources, problems = checked_sources(data_dir, root_dir, today)
    if problems:
        raise DataError(problems)
    plan = model.build(sources)
    return SiteData(plan, status.assess_all(plan, today), today)
