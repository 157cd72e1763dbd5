"""The page registry is the registry: a PageType added to PAGE_TYPES publishes its pages, with no other change."""

from __future__ import annotations

from macros.site import pages
from macros.urls import Urls


def test_a_new_page_type_publishes_its_pages(real_site_data, monkeypatch):
    hamlet_pages = pages.PageType(
        "thu-nghiem",
        records=lambda site: site.plan.hamlets,
        path=lambda hamlet: f"{Urls.hamlets}{hamlet.id}/",
        title=lambda hamlet: hamlet.name,
        template="target.md",
        context=lambda site, hamlet: {"target": site.plan.targets[0], "reports": (), "chart": None},
        source=lambda site, hamlet: "data/ap.yml",
    )
    before = {file.path for file in pages.all_files(real_site_data, "https://example.org/")}
    monkeypatch.setattr(pages, "PAGE_TYPES", (*pages.PAGE_TYPES, hamlet_pages))
    made = {file.path: file for file in pages.all_files(real_site_data, "https://example.org/")}
    added = {path for path in made if path not in before}
    assert added == {Urls.markdown_source(f"{Urls.hamlets}{h.id}/") for h in real_site_data.plan.hamlets}
    assert all(made[path].source == "data/ap.yml" for path in added)


def test_no_two_generated_files_share_an_address(real_site_data):
    names = [page_type.name for page_type in pages.PAGE_TYPES]
    paths = [file.path for file in pages.all_files(real_site_data, "https://example.org/")]
    assert len(names) == len(set(names)) and len(paths) == len(set(paths))
