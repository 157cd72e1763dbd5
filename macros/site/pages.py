"""Which pages and files the data produces, and their content. Pure: no MkDocs here."""

from __future__ import annotations

import yaml
from markupsafe import escape

from macros.opendata import export
from macros.site import previews, render
from macros.files import VirtualFile
from macros.pipeline import SiteData


def _markdown(title: str, body: str, searchable: bool = True, description: str = "", image: str = "") -> str:
    # Data text is never rendered as a template: render_macros is off for generated pages.
    # The theme prints page titles unescaped (header, <title>), so the title is escaped here. The description and
    # image stay plain text: overrides/main.html escapes them where it writes them (the head of every page).
    meta = {"title": str(escape(title)), "render_macros": False}
    meta |= {key: value for key, value in (("description", description), ("image", image)) if value}
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
        body = render.plan_page(site, page.id, _url(path))
        preview = previews.anchor_preview(site, unit.id, title)
        files.append(VirtualFile(path, _markdown(title, body, True, preview.description, preview.image), "data/ke-hoach.yml"))
    return files


def _record_pages(site: SiteData, records, folder: str, render_page, source: str, preview) -> list[VirtualFile]:
    """One page per record (target or agency) at <folder>/<id>/, titled with its name."""
    files = []
    for record in records:
        path = f"{folder}/{record.id}.md"
        body = render_page(site, record.id, _url(path))
        shown = preview(site, record.id)
        files.append(VirtualFile(path, _markdown(record.name, body, True, shown.description, shown.image), source))
    return files


def target_pages(site: SiteData) -> list[VirtualFile]:
    pages = site.plan.targets
    return _record_pages(site, pages, "chi-tieu", render.target_page, "data/chi-tieu.yml", previews.target_preview)


def agency_pages(site: SiteData) -> list[VirtualFile]:
    pages = site.plan.agencies
    return _record_pages(site, pages, "don-vi", render.agency_page, "data/co-quan.yml", previews.agency_preview)


def short_links(site: SiteData, site_url: str, site_name: str = "") -> list[VirtualFile]:
    """/muc/<id>/ for every unit and paragraph: a static page that lands on page#id. And a page at every address
    that was moved (chuyen_huong), so that nothing once cited ever stops resolving."""
    files = [
        VirtualFile(f"muc/{anchor}/index.html", render.redirect_page(site, f"muc/{anchor}", site_url, site_name=site_name))
        for anchor in sorted(site.plan.anchors)
    ]
    moved = [(old, new) for old, new in site.plan.redirects if not old.startswith("nhiem-vu/")]
    return files + [
        VirtualFile(f"{old}/index.html", render.redirect_page(site, old, site_url, new, site_name)) for old, new in moved
    ]


def report_pages(site: SiteData) -> list[VirtualFile]:
    """/bao-cao/<period>/ for every period that has reports, and the mid-term review page (always there)."""
    from macros.site import views

    files = []
    for report in site.period_reports:
        path = f"bao-cao/{report.period.slug}.md"
        body = views.period_page(site, report, _url(path))
        title = views.period_title(report.period)
        description = f"{title}: tình trạng từng chỉ tiêu theo số liệu báo cáo của kỳ này."
        files.append(VirtualFile(path, _markdown(title, body, False, description), report.reports[0].file))
    path = views.MIDTERM_PATH.rstrip("/") + ".md"
    body = views.midterm_page(site, _url(path))
    description = "Đánh giá giữa nhiệm kỳ 2028: các chỉ tiêu đã đạt, đúng tiến độ, chậm tiến độ hay chưa có số liệu."
    midterm = _markdown("Đánh giá giữa nhiệm kỳ", body, False, description)
    return [*files, VirtualFile(path, midterm, "data/chi-tieu.yml")]


def feed_files(site: SiteData, site_url: str) -> list[VirtualFile]:
    """The change feeds (Atom and RSS) and the open data package descriptor."""
    from macros.opendata import datapackage
    from macros.site import views

    return [
        VirtualFile("feed.xml", views.atom(site, site_url)),
        VirtualFile("rss.xml", views.rss(site, site_url)),
        VirtualFile("du-lieu/datapackage.json", datapackage.to_json(site.plan, site_url)),
    ]


def all_files(site: SiteData, site_url: str, site_name: str = "") -> list[VirtualFile]:
    return (
        plan_pages(site)
        + target_pages(site)
        + agency_pages(site)
        + short_links(site, site_url, site_name)
        + export.files(site)
        + report_pages(site)
        + feed_files(site, site_url)
    )
