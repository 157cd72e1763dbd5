"""Where things are, and the day every test judges statuses on."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
BAD = FIXTURES / "hong"  # one deliberate mistake per file
XA_MAU = FIXTURES / "xa-mau"  # a fictional second commune: its own data/ and mkdocs.yml

TODAY = dt.date(2026, 11, 29)
# Builds judge statuses on TODAY, whatever the clock says, so tests give the same result every day.
BUILD_EPOCH = str(int(dt.datetime(TODAY.year, TODAY.month, TODAY.day, 12, tzinfo=dt.UTC).timestamp()))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
