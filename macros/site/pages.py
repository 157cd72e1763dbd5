"""Which pages and files the data produces, and their content. Pure: no MkDocs here.

Two ways make a page, each for its own case:
- A page with hand-written text (the home page, the targets index, the guide…) is a Markdown file in docs/ that calls a
  macro (named in MACROS of macros/publish/hand_written.py) for its data part; its address is its file's.
- A page that exists once per data record, or that is wholly made of data and has no fixed place in the navigation
  (plan sections, targets, agencies, period reports, the mid-term review), is a PageType below: one record that names
  the records, the address, the title, the template, the template's context and the data file that "Sửa trang này"
  opens.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from markupsafe import escape

from macros.domain import progress
from macros.domain.site_data import SiteData
from macros.files import VirtualFile
from macros.opendata import datapackage, export
from macros.site import previews, render, views
from macros.urls import TASK, Urls


@dataclass(frozen=True)
class PageType:
    """One kind of generated page."""

    name: str
    records: Callable[[SiteData], Iterable[Any]]  # one page per record
    path: Callable[[Any], str]  # the page's address (macros/urls.py)
    title: Callable[[Any], str]
    template: str
    context: Callable[[SiteData, Any], dict]  # the template's own context, on top of render.context()
    source: Callable[[SiteData, Any], str]  # the data file "Sửa trang này" opens
    searchable: bool = True  # a page that repeats others stays out of search, which should lead to those
    preview: Callable[[SiteData, Any], previews.Preview] | None = None  # what a shared link shows; None: the site's

    def files(self, site: SiteData) -> list[VirtualFile]:
        return [self.file(site, record) for record in self.records(site)]

    def body(self, site: SiteData, record) -> str:
        """The page's content: its template rendered with the shared context and its own."""
        page = render.context(site, self.path(record), **self.context(site, record))
        return render.html(self.template, **page)

    def file(self, site: SiteData, record) -> VirtualFile:
        shown = self.preview(site, record) if self.preview else None
        content = markdown_page(self.title(record), self.body(site, record), self.searchable, shown)
        return VirtualFile(Urls.markdown_source(self.path(record)), content, self.source(site, record))


def markdown_page(title: str, body: str, searchable: bool = True, preview: previews.Preview | None = None) -> str:
    # Data text is never rendered as a template: nothing runs Jinja over a generated page.
    # The theme prints page titles unescaped (header, <title>), so the title is escaped here. The description and
    # image stay plain text: overrides/main.html escapes them where it writes them (the head of every page).
    meta = {"title": str(escape(title))}
    if preview:
        meta |= {"description": preview.description, "image": preview.image}
    if not searchable:
        meta["search"] = {"exclude": True}
    return f"---\n{yaml.safe_dump(meta, allow_unicode=True, width=10**6)}---\n\n{body}"


def _data_file(name: str) -> Callable[[SiteData, Any], str]:
    return lambda site, record: f"data/{name}"


def _plan_page_title(page) -> str:
    unit = page.units[0]
    return f"{unit.citation}. {unit.title or unit.text}"


PLAN_SECTIONS = PageType(
    "ke-hoach",
    records=lambda site: site.plan.pages,
    path=lambda page: Urls.plan_page(page.id),
    title=_plan_page_title,
    template="plan_page.md",
    context=render.plan_page_context,
    source=_data_file("ke-hoach.yml"),
    preview=lambda site, page: previews.anchor_preview(site, page.units[0].id, _plan_page_title(page)),
)


def _record_pages(name: str, records: Callable, address: Callable[[str], str], data_file: str, **how) -> PageType:
    """One page per record with an id and a name (targets, agencies), titled with its name."""
    path, source = (lambda record: address(record.id)), _data_file(data_file)
    return PageType(name, records=records, path=path, title=lambda record: record.name, source=source, **how)


TARGETS = _record_pages(
    "chi-tieu", lambda site: site.plan.targets, Urls.target, "chi-tieu.yml",
    template="target.md", context=render.target_page_context,
    preview=lambda site, target: previews.target_preview(site, target.id),
)  # fmt: skip
AGENCIES = _record_pages(
    "don-vi", lambda site: site.plan.agencies, Urls.agency, "co-quan.yml",
    template="agency.md", context=render.agency_page_context,
    preview=lambda site, agency: previews.agency_preview(site, agency.id),
)  # fmt: skip
PERIODS = PageType(
    "bao-cao",
    records=lambda site: site.period_reports,
    path=lambda report: Urls.period(report.period),
    title=lambda report: render.period_title(report.period),
    template="bao_cao.md",
    context=views.period_page_context,
    source=lambda site, report: report.reports[0].file,
    searchable=False,
    preview=lambda site, report: previews.period_preview(render.period_title(report.period)),
)
MIDTERM = PageType(
    "giua-nhiem-ky",
    records=lambda site: tuple(filter(None, (progress.midterm(site.plan, site.today),))),
    path=lambda review: Urls.midterm(review.period.start.year),
    title=lambda review: "Đánh giá giữa nhiệm kỳ",
    template="bao_cao_giua_ky.md",
    context=views.midterm_page_context,
    source=_data_file("chi-tieu.yml"),
    searchable=False,
    preview=lambda site, review: previews.midterm_preview(),
)
PAGE_TYPES = (PLAN_SECTIONS, TARGETS, AGENCIES, PERIODS, MIDTERM)


def short_links(site: SiteData, site_url: str, site_name: str = "") -> list[VirtualFile]:
    """/muc/<id>/ for every unit and paragraph: a static page that lands on page#id. And a page at every address
    that was moved (chuyen_huong), so that nothing once cited ever stops resolving."""
    files = [
        VirtualFile(
            Urls.cite(anchor) + "index.html",
            render.redirect_page(site, Urls.cite(anchor)[:-1], site_url, site_name=site_name),
        )
        for anchor in sorted(site.plan.anchors)
    ]
    moved = [(old, new) for old, new in site.plan.redirects if not old.startswith(Urls.address(TASK, ""))]
    return files + [
        VirtualFile(f"{old}/index.html", render.redirect_page(site, old, site_url, new, site_name))
        for old, new in moved
    ]


def feed_files(site: SiteData, site_url: str) -> list[VirtualFile]:
    """The change feeds (Atom and RSS) and the open data package descriptor."""
    return [
        VirtualFile(Urls.atom, views.atom(site, site_url)),
        VirtualFile(Urls.rss, views.rss(site, site_url)),
        VirtualFile(Urls.data_file("datapackage.json"), datapackage.to_json(site.plan, site_url)),
    ]


def all_files(site: SiteData, site_url: str, site_name: str = "", cache_dir: Path | None = None) -> list[VirtualFile]:
    """Every file the data makes: the pages of every type in PAGE_TYPES (adding a type publishes its pages), the
    short links, the open data and the feeds. cache_dir keeps files that are slow to make (the report template)."""
    pages = [file for page_type in PAGE_TYPES for file in page_type.files(site)]
    return pages + short_links(site, site_url, site_name) + export.files(site, cache_dir) + feed_files(site, site_url)
