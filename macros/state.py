"""The data of the build in progress, loaded once per build and shared by the hooks and the macros."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from .html_blocks import HtmlBlocks
from .pipeline import SiteData, load_site

_current: dict = {}


def build_day() -> dt.date:
    """The day statuses are judged on. SOURCE_DATE_EPOCH makes a build reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date() if epoch else dt.date.today()


def start(data_dir: Path) -> SiteData:
    """Parse the YAML once for this build (not once per page)."""
    _current["site"] = load_site(data_dir, data_dir.parent, build_day())
    _current["blocks"] = HtmlBlocks()
    return _current["site"]


def current() -> SiteData:
    return _current["site"]


def html_blocks() -> HtmlBlocks:
    """The HTML set aside from Markdown during this build."""
    return _current.setdefault("blocks", HtmlBlocks())
