"""The navigation: what mkdocs.yml lists for every commune, with the pages only the data knows put in their place.

mkdocs.yml's `nav` names the pages every commune has. The plan's own pages (its parts, and the sections of a part long
enough to be split) follow the plan's index page, in the plan's order; the mid-term review, when the plan holds one,
follows the period index. Both come from the page registry (macros/site/pages.py), so the navigation lists exactly
the pages that are published. The MkDocs adapter sets it during the build, and `make site-files` writes it into the
mkdocs.yml it makes.
"""

from __future__ import annotations

from macros.domain.model import Page, Unit
from macros.domain.site_data import SiteData
from macros.site import pages
from macros.urls import Urls

Entry = str | dict  # a nav entry as mkdocs.yml writes it: "page.md", {"Label": "page.md"} or {"Label": [entries]}


def sentence_case(text: str) -> str:
    """ "MỤC ĐÍCH, YÊU CẦU" -> "Mục đích, yêu cầu"; a title not written in capitals stays as written."""
    letters = [char for char in text if char.isalpha()]
    return text.capitalize() if letters and all(char.isupper() for char in letters) else text


def label(unit: Unit) -> str:
    """ "III.2. Kinh tế, khoa học công nghệ, môi trường": the number as cited and the short title (`ten_ngan` in
    data/ke-hoach.yml), else the title."""
    return f"{unit.citation}. {unit.short_title or sentence_case(unit.title or unit.text or '')}"


def source(page: Page) -> str:
    return Urls.markdown_source(pages.PLAN_SECTIONS.path(page))


def plan_entries(site: SiteData) -> list[Entry]:
    """The plan's pages in its order: a part on one page, or a split part as a section of its overview page and the
    pages of its sections."""
    published = site.plan.pages
    sections = {child.id: page for page in published if page.overview for child in page.units[0].children}
    entries: list[Entry] = []
    for page in published:
        if page.overview:
            inside = [{label(other.units[0]): source(other)} for other in published if sections.get(other.id) is page]
            entries.append({label(page.units[0]): [source(page), *inside]})
        elif page.id not in sections:
            entries.append({label(page.units[0]): source(page)})
    return entries


def midterm_entries(site: SiteData) -> list[Entry]:
    return [
        {f"Đánh giá giữa nhiệm kỳ {review.period.start.year}": Urls.markdown_source(pages.MIDTERM.path(review))}
        for review in pages.MIDTERM.records(site)
    ]


def nav(site: SiteData, common: list[Entry]) -> list[Entry]:
    """`common` (mkdocs.yml's nav) with the plan's pages after the plan's index page and the mid-term review after
    the period index, wherever those index pages are listed."""
    after = {
        Urls.index_source(Urls.plan): plan_entries(site),
        Urls.index_source(Urls.periods): midterm_entries(site),
    }
    return placed(common, after)


def placed(entries: list[Entry], after: dict[str, list[Entry]]) -> list[Entry]:
    found: list[Entry] = []
    for entry in entries:
        if isinstance(entry, dict):
            entry = {name: placed(value, after) if isinstance(value, list) else value for name, value in entry.items()}
        found.append(entry)
        if isinstance(entry, str):
            found += after.get(entry, [])
    return found
