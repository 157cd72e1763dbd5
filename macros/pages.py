"""Which pages and files the data produces, and their content. Pure: no MkDocs here."""

from __future__ import annotations

import yaml
from markupsafe import escape

from . import export, render
from .export import VirtualFile
from .pipeline import SiteData


def _markdown(title: str, body: str) -> str:
    # Data text is never rendered as a template: render_macros is off for generated pages.
    # The theme prints page titles unescaped (header, <title>), so the title is escaped here.
    meta = yaml.safe_dump(
        {"title": str(escape(title)), "render_macros": False}, allow_unicode=True, width=10**6
    )
    return f"---\n{meta}---\n\n{body}"


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


def target_pages(site: SiteData) -> list[VirtualFile]:
    files = []
    for target in site.plan.targets:
        path = f"chi-tieu/{target.id}.md"
        body = render.target_page(site, target.id, _url(path))
        files.append(
            VirtualFile(path, _markdown(target.name, body), "data/chi-tieu.yml")
        )
    return files


def agency_pages(site: SiteData) -> list[VirtualFile]:
    files = []
    for agency in site.plan.agencies:
        path = f"don-vi/{agency.id}.md"
        body = render.agency_page(site, agency.id, _url(path))
        files.append(
            VirtualFile(path, _markdown(agency.name, body), "data/co-quan.yml")
        )
    return files


def short_links(site: SiteData, site_url: str) -> list[VirtualFile]:
    """/muc/<id>/ for every unit and paragraph: a static page that lands on page#id."""
    return [
        VirtualFile(
            f"muc/{anchor}/index.html", render.redirect_page(site, anchor, site_url)
        )
        for anchor in sorted(site.plan.anchors)
    ]


def all_files(site: SiteData, site_url: str) -> list[VirtualFile]:
    return (
        plan_pages(site)
        + target_pages(site)
        + agency_pages(site)
        + short_links(site, site_url)
        + export.files(site)
    )
