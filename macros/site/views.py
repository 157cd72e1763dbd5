"""Stage 5, continued: the data parts of the hand-written pages about progress over time, the change feeds, the open
data page and the hamlets.

Same rules as render.py, whose template environment and page context these functions share: every piece of
HTML or XML is written in a Jinja template (autoescaped); Python only chooses what goes in.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from macros.domain import feed, progress
from macros.domain.site_data import SiteData
from macros.opendata import columns, datapackage
from macros.settings import PAGE_LIMIT
from macros.site import render
from macros.site.render import context, html
from macros.urls import Urls


def period_page_context(site: SiteData, report: progress.PeriodReport) -> dict:
    return dict(r=report)


def midterm_page_context(site: SiteData, review: progress.Midterm) -> dict:
    return dict(m=review, VERDICTS=progress.VERDICTS)


def period_index(site: SiteData, page_url: str) -> str:
    return html("bao_cao_index.html", reports=site.period_reports, **context(site, page_url))


def _feed(site: SiteData, template: str, site_url: str) -> str:
    found = feed.feed(site.plan, site.today, site_url, site.feed_entries)
    extra = dict(feed=found, atom_date=feed.atom_date, rss_date=feed.rss_date)
    return render.environment().get_template(template).render(**context(site, "", **extra))


def atom(site: SiteData, site_url: str) -> str:
    return _feed(site, "feed.xml", site_url)


def rss(site: SiteData, site_url: str) -> str:
    return _feed(site, "rss.xml", site_url)


def whats_new(site: SiteData, page_url: str) -> str:
    entries = site.feed_entries[:PAGE_LIMIT]
    return html("co_gi_moi.html", entries=entries, **context(site, page_url))


def open_data(site: SiteData, page_url: str) -> str:
    return html("du_lieu.md", datasets=columns.DATASETS, **context(site, page_url))


def hamlets(site: SiteData, page_url: str) -> str:
    targets = [t for t in site.plan.targets if t.per_hamlet]
    return html("ap.md", per_hamlet=targets, **context(site, page_url))


@dataclass(frozen=True)
class CommuneNames:
    """The commune of data/xa.yml under Vietnamese names, for Markdown pages: {{ xa().ten }}, {{ xa().tinh }}."""

    ten: str
    tinh: str
    giay_phep: str  # the licence's name, e.g. "CC BY 4.0"
    giay_phep_url: str


def commune(site: SiteData, page_url: str) -> CommuneNames:
    """Escaped for Markdown and HTML: the hand-written pages insert these strings as they are."""
    plan = site.plan
    url = datapackage.licence(plan)["path"]
    ten, tinh, giay_phep = (
        str(render.markdown_inline(name))
        for name in (plan.commune.name, plan.commune.province, datapackage.licence_name(plan))
    )
    return CommuneNames(ten=ten, tinh=tinh, giay_phep=giay_phep, giay_phep_url=url)


@dataclass(frozen=True)
class MidtermNames:
    """The plan's mid-term review for the period index page: {{ giua_ky().nam }}, and its Markdown file relative to
    that page, for a link MkDocs checks ({{ giua_ky().trang }})."""

    nam: int
    trang: str


def midterm(site: SiteData, page_url: str) -> MidtermNames | None:
    """None when the plan holds no mid-term review: the page then says nothing of one."""
    year = site.plan.document.midterm_year
    if year is None:
        return None
    return MidtermNames(nam=year, trang=posixpath.relpath(Urls.markdown_source(Urls.midterm(year)), Urls.periods))
