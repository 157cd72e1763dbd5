"""Every internal link of a built site, and the ones that lead nowhere.

A link is internal when it is relative, or absolute under the site's own address (canonical, og:url, og:image, feed
and sitemap entries). It resolves when its file exists (a folder with an index.html counts as the page), and its
#anchor, if any, is an id (or a name) on the page it leads to. Read with the standard library's HTML parser: the
walk covers every page of three builds, so it has to be quick.
"""

from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

LINK_ATTRIBUTES = {"href", "src", "data-href", "poster"}
NOT_PAGES = ("mailto:", "tel:", "javascript:", "data:")
REFRESH = re.compile(r"^\s*\d+\s*;\s*url=(.+)$", re.IGNORECASE)
XML_LINKS = re.compile(r"<(?:loc|link|id|guid)[^>]*>\s*([^<\s]+)\s*<|<link[^>]*\bhref=\"([^\"]+)\"")


class Page(HTMLParser):
    """The links of one HTML page (as written) and the ids it holds."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        self.ids |= {values[key] for key in ("id", "name") if values.get(key)}
        self.links += [value for key, value in attrs if key in LINK_ATTRIBUTES and value]
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            found = REFRESH.match(values.get("content") or "")
            self.links += [found.group(1).strip()] if found else []
        elif tag == "meta" and (values.get("content") or "").startswith(("http://", "https://")):
            self.links.append(values["content"])  # og:url, og:image, twitter:image: checked when they are ours


@cache
def read(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def links_of(path: Path) -> list[str]:
    if path.suffix == ".html":
        return read(path).links
    text = path.read_text(encoding="utf-8")
    return [first or second for first, second in XML_LINKS.findall(text)]


def target_file(site: Path, path: str) -> Path | None:
    """The file a URL path of the site is served from: the file itself, or a folder's index.html."""
    candidate = site / unquote(path).lstrip("/")
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def broken_links(site: Path, site_url: str) -> list[str]:
    """ "page: link (why)" for every internal link of every page, feed and sitemap that does not resolve."""
    base, found = urlsplit(site_url), []
    files = sorted([*site.rglob("*.html"), *(site / name for name in ("sitemap.xml", "feed.xml", "rss.xml"))])
    for path in (p for p in files if p.is_file()):
        page_url = urljoin(site_url, path.relative_to(site).as_posix())
        for link in links_of(path):
            problem = check(site, base, page_url, link)
            if problem:
                found.append(f"{path.relative_to(site)}: {link} ({problem})")
    return found


def check(site: Path, base, page_url: str, link: str) -> str | None:
    if link.startswith(NOT_PAGES) or link == "#":
        return None
    target = urlsplit(urljoin(page_url, link))
    if (target.scheme, target.netloc) != (base.scheme, base.netloc) or not target.path.startswith(base.path):
        return None  # another site
    found = target_file(site, target.path[len(base.path) :])
    if found is None:
        return "không có tệp"
    if target.fragment and (found.suffix != ".html" or unquote(target.fragment) not in read(found).ids):
        return f"không có #{target.fragment} trên trang đó"
    return None
