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
# The browser Playwright drives in the page tests: Chromium's headless shell (Debian's chromium-headless-shell, the
# build Playwright itself uses for headless runs), the same Blink and V8 without the desktop browser's window
# machinery, so a page test costs about a third less CPU. Lighthouse keeps the full CHROMIUM: it measures a page
# as a phone's browser loads it. Where no shell is installed (a GitHub runner), HEADLESS_SHELL names the browser.
HEADLESS_SHELL = os.environ.get("HEADLESS_SHELL", "/usr/bin/chromium-headless-shell")
# What every Chromium of the tests starts with: no sandbox (tests run as root), no GPU, and nothing asked of Google's
# hosts in the background (the machine's closed network refuses them, many at a time).
CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
