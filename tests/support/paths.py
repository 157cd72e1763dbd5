"""Where things are, and the day every test judges statuses on."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
BAD = FIXTURES / "hong"  # one deliberate mistake per file

TODAY = dt.date(2026, 11, 29)
# Builds judge statuses on TODAY, whatever the clock says, so tests give the same result every day.
BUILD_EPOCH = str(int(dt.datetime(TODAY.year, TODAY.month, TODAY.day, 12, tzinfo=dt.UTC).timestamp()))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# One page of each type the site has, for the browser, accessibility and speed checks.
PAGE_TYPES = {
    "home": "",
    "plan-section": "ke-hoach/iii-3/",
    "targets": "chi-tieu/",
    "target": "chi-tieu/bao-hiem-y-te/",
    "agency": "don-vi/phong-kinh-te/",
    "guide": "huong-dan-cap-nhat/",
    "document": "van-ban-goc/",
}
