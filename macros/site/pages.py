"""Which pages and files the data produces, and their content. Pure: no MkDocs here."""

from __future__ import annotations

import yaml
from markupsafe import escape

from macros.opendata import export
from macros.site import render
from macros.files import VirtualFile
from macros.pipeline import SiteData


def _markdown(title: str, body: str, searchable: bool = True) -> str:
    # Data text is never rendered as a template: render_macros is off for generated pages.
    # The theme prints page titles unescaped (header, <title>), so the title is escaped here.
    meta = {"title": str(escape(title)), "render_macros": False}
    if not searchable:
        meta["search"] = {"exclude": True}  # summaries repeat the target pages; search should lead to those
    return f"---\n{yaml.safe_dump(meta, allow_unicode=True, width=10**6)}---\n\n{body}"


def _url(path: str) -> str:
    return path[: -len(".md")] + "/" if path.endswith(".md") else path


def plan_pages(site: SiteData) -> list[VirtualFile]:
    files = []
    for page in site.plan.pages:
        path = f"ke-hoach/{page.id}.md"
        unit = page.units[0]
        title = f"{unit.citation}. {unit.title or unit.text}"
        files.append(
            VirtualFile(
                path,
                _markdown(title, render.plan_page(site, page.id, _url(path))),
                "data/ke-hoach.yml",
            )
        )
    return files


def _record_pages(site: SiteData, records, folder: str, render_page, source: str) -> list[VirtualFile]:
    """One page per record (target or agency) at <folder>/<id>/, titled with its name."""
    files = []
    for record in records:
        path = f"{folder}/{record.id}.md"
        body = render_page(site, record.id, _url(path))
        files.append(VirtualFile(path, _markdown(record.name, body), source))
    return files


def target_pages(site: SiteData) -> list[VirtualFile]:
    return _record_pages(site, site.plan.targets, "chi-tieu", render.target_page, "data/chi-tieu.yml")


def agency_pages(site: SiteData) -> list[VirtualFile]:
    return _record_pages(site, site.plan.agencies, "don-vi", render.agency_page, "data/co-quan.yml")


def short_links(site: SiteData, site_url: str) -> list[VirtualFile]:
    """/muc/<id>/ for every unit and paragraph: a static page that lands on page#id. And a page at every address
    that was moved (chuyen_huong), so that nothing once cited ever stops resolving."""
    files = [
        VirtualFile(f"muc/{anchor}/index.html", render.redirect_page(site, f"muc/{anchor}", site_url))
        for anchor in sorted(site.plan.anchors)
    ]
    moved = [(old, new) for old, new in site.plan.redirects if not old.startswith("nhiem-vu/")]
    return files + [
        VirtualFile(f"{old}/index.html", render.redirect_page(site, old, site_url, new)) for old, new in moved
    ]


def report_pages(site: SiteData) -> list[VirtualFile]:
    """/bao-cao/<period>/ for every period that has reports, and the mid-term review page (always there)."""
    from macros.site import views

    files = []
    for report in site.period_reports:
        path = f"bao-cao/{report.period.slug}.md"
        body = views.period_page(site, report, _url(path))
        title = views.period_title(report.period)
        files.append(VirtualFile(path, _markdown(title, body, searchable=False), report.reports[0].file))
    path = views.MIDTERM_PATH.rstrip("/") + ".md"
    body = views.midterm_page(site, _url(path))
    return [*files, VirtualFile(path, _markdown("Đánh giá giữa nhiệm kỳ", body, searchable=False), "data/chi-tieu.yml")]


def feed_files(site: SiteData, site_url: str) -> list[VirtualFile]:
    """The change feeds (Atom and RSS) and the open data package descriptor."""
    from macros.opendata import datapackage
    from macros.site import views

    return [
        VirtualFile("feed.xml", views.atom(site, site_url)),
        VirtualFile("rss.xml", views.rss(site, site_url)),
        VirtualFile("du-lieu/datapackage.json", datapackage.to_json(site.plan, site_url)),
    ]


def all_files(site: SiteData, site_url: str) -> list[VirtualFile]:
    return (
        plan_pages(site)
        + target_pages(site)
        + agency_pages(site)
        + short_links(site, site_url)
        + export.files(site)
        + report_pages(site)
        + feed_files(site, site_url)
    )
