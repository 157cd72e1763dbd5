"""Size budgets for readers on cheap phones and slow rural networks (built HTML only, no browser).

Every page, with every stylesheet, script, image and icon it loads, is at most 100 KB once gzip-compressed
(as GitHub Pages serves it). The search index is fetched by Material's search worker, not by the page
itself, so it has a budget of its own. Sizes, not timings: speed is measured in benchmarks, not in tests.
"""

from __future__ import annotations

import gzip
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

PAGE_BUDGET = 100 * 1024  # bytes, gzip
SEARCH_INDEX_BUDGET = 100 * 1024
BASE = "http://site.invalid/"


@cache
def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def assets(html: Path, site: Path) -> tuple[list[Path], list[str]]:
    """Local files a page loads when it opens (stylesheets, scripts, images, icons), and any foreign URL."""
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml")
    page_url = urljoin(BASE, html.relative_to(site).as_posix())
    refs = [link.get("href") for link in soup.find_all("link") if {"stylesheet", "icon"} & set(link.get("rel") or [])]
    refs += [tag.get("src") for tag in soup.find_all(["script", "img"])]
    local, foreign = [], []
    for ref in filter(None, refs):
        if ref.startswith("data:"):
            continue
        url = urljoin(page_url, ref)
        if not url.startswith(BASE):
            foreign.append(url)
            continue
        target = site / urlsplit(url).path.removeprefix("/")
        if url.endswith("/"):
            target = target / "index.html"
        assert target.is_file(), f"{html.relative_to(site)} loads {ref}, which is not in the build"
        local.append(target)
    return local, foreign


def weights(site: Path) -> dict[str, int]:
    found = {}
    for html in sorted(site.rglob("*.html")):
        local, foreign = assets(html, site)
        assert not foreign, f"{html.relative_to(site)} loads files from other hosts: {foreign}"
        found[html.relative_to(site).as_posix()] = gzip_size(html) + sum(gzip_size(p) for p in set(local))
    return found


@pytest.mark.parametrize("build", ["real_site", "fixture_site"])
def test_every_page_with_what_it_loads_is_at_most_100_kb_gzip(request, build):
    site = request.getfixturevalue(build)
    found = weights(site)
    assert len(found) > 100, "the build looks incomplete"
    heavy = {page: size for page, size in found.items() if size > PAGE_BUDGET}
    assert not heavy, "pages over 100 KB gzip (with their CSS, JS and images): " + ", ".join(
        f"{page} {size / 1024:.1f} KB" for page, size in sorted(heavy.items(), key=lambda item: -item[1])
    )


def test_the_heaviest_page_counts_the_theme(real_site):
    """A guard on the measure itself: the theme's bundle and stylesheet must be counted."""
    local, _ = assets(real_site / "van-ban-goc" / "index.html", real_site)
    names = {p.name for p in local}
    assert any(n.startswith("bundle.") and n.endswith(".js") for n in names), names
    assert any(n.startswith("main.") and n.endswith(".css") for n in names), names
    assert {"kehoach.css", "kehoach.js"} <= names


def test_search_index_is_at_most_100_kb_gzip(real_site):
    index = real_site / "search" / "search_index.json"
    assert index.is_file()
    assert gzip_size(index) <= SEARCH_INDEX_BUDGET, f"search_index.json is {gzip_size(index) / 1024:.1f} KB gzip"
