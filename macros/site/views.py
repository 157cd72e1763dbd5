"""Stage 5, continued: pages that follow progress over time, the change feeds, the open data page and the hamlets.

Same rules as render.py, whose template environment and page context these functions share: every piece of
HTML or XML is written in a Jinja template (autoescaped); Python only chooses what goes in.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.opendata import columns, datapackage
from macros.domain import feed, progress
from macros.site import render
from macros.domain.periods import Period
from macros.pipeline import SiteData
from macros.settings import PAGE_LIMIT

KIND_LABELS = {"thang": "Tháng", "quy": "Quý", "nam": "Năm", "giua-ky": "Giữa nhiệm kỳ"}
MIDTERM_PATH = "bao-cao/giua-nhiem-ky-2028/"


def period_title(period: Period) -> str:
    """ "Báo cáo quý 3/2026": the period's label, lower-cased after the first word."""
    return f"Báo cáo {period.label[:1].lower()}{period.label[1:]}"


def _context(site: SiteData, page_url: str, **extra) -> dict:
    return render._context(
        site,
        page_url,
        period_title=period_title,
        period_kind=KIND_LABELS.get,
        midterm_path=MIDTERM_PATH,
        commune=site.plan.commune,
        **extra,
    )


def period_page(site: SiteData, report: progress.PeriodReport, page_url: str) -> str:
    return render._html("bao_cao.md", r=report, **_context(site, page_url))


def period_index(site: SiteData, page_url: str) -> str:
    reports = site.period_reports
    return render._html("bao_cao_index.html", reports=reports, **_context(site, page_url))


def midterm_page(site: SiteData, page_url: str) -> str:
    review = progress.midterm(site.plan, site.today)
    return render._html("bao_cao_giua_ky.md", m=review, VERDICTS=progress.VERDICTS, **_context(site, page_url))


def _feed_context(site: SiteData, site_url: str) -> dict:
    return _context(
        site,
        "",
        feed=feed.feed(site.plan, site.today, site_url, site.feed_entries),
        atom_date=feed.atom_date,
        rss_date=feed.rss_date,
    )


def atom(site: SiteData, site_url: str) -> str:
    return render.environment().get_template("feed.xml").render(**_feed_context(site, site_url))


def rss(site: SiteData, site_url: str) -> str:
    return render.environment().get_template("rss.xml").render(**_feed_context(site, site_url))


def whats_new(site: SiteData, page_url: str) -> str:
    entries = site.feed_entries[: PAGE_LIMIT]
    return render._html("co_gi_moi.html", entries=entries, **_context(site, page_url))


def open_data(site: SiteData, page_url: str) -> str:
    return render._html("du_lieu.md", datasets=columns.DATASETS, **_context(site, page_url))


def hamlets(site: SiteData, page_url: str) -> str:
    targets = [t for t in site.plan.targets if t.per_hamlet]
    return render._html("ap.md", per_hamlet=targets, **_context(site, page_url))


@dataclass(frozen=True)
class CommuneNames:
    """The commune of data/xa.yml under Vietnamese names, for Markdown pages: {{ xa().ten }}, {{ xa().tinh }}."""

    ten: str
    tinh: str
    giay_phep: str  # the licence's name, e.g. "CC BY 4.0"
    giay_phep_url: str


def commune(site: SiteData, page_url: str) -> CommuneNames:
    """Escaped for Markdown and HTML: mkdocs-macros inserts these strings into pages as they are."""
    plan = site.plan
    url = datapackage.licence(plan)["path"]
    names = (plan.commune.name, plan.commune.province, datapackage.licence_name(plan))
    return CommuneNames(*(str(render.markdown_inline(name)) for name in names), url)
