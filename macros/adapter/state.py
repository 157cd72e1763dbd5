"""The data of the build in progress, loaded once per build and shared by the hooks and the macros."""

from __future__ import annotations

from pathlib import Path

from macros.domain.site_data import SiteData
from macros.pipeline import build_day, load_site
from macros.site.cards import Drawing
from macros.site.html_blocks import HtmlBlocks

_current: dict = {}


def start(data_dir: Path) -> SiteData:
    """Parse the YAML once for this build (not once per page)."""
    return use(load_site(data_dir, data_dir.parent, build_day()))


def use(site: SiteData) -> SiteData:
    """Make `site` the data of the build in progress (a benchmark or a test may bring its own)."""
    _current["site"] = site
    _current["blocks"] = HtmlBlocks()
    return site


def current() -> SiteData:
    return _current["site"]


def html_blocks() -> HtmlBlocks:
    """The HTML set aside from Markdown during this build."""
    return _current.setdefault("blocks", HtmlBlocks())


def keep_images(images: dict[str, Path], drawing: Drawing) -> None:
    """The preview images of this build (address in the site → file in the cache) and their drawing under way."""
    _current["images"], _current["drawing"] = images, drawing


def images() -> dict[str, Path]:
    return _current["images"]


def drawing() -> Drawing:
    return _current["drawing"]
