"""One page of each type the site has, for the browser, accessibility and speed checks.

The generated page types are read from the registry (macros/site/pages.py, PAGE_TYPES): a new type is checked as soon
as it publishes a page. Hand-written pages (Markdown in docs/) are named here.
"""

from __future__ import annotations

from functools import cache

from macros import pipeline
from macros.site import pages
from support.paths import ROOT, TODAY

HAND_WRITTEN = {"home": "", "targets": "chi-tieu/", "guide": "huong-dan-cap-nhat/", "document": "van-ban-goc/"}
# The record of a generated type with the most on it to check (a long section, a target with every part, an agency
# with targets and tasks); a type not named here is checked on its first page.
RICHEST = {"ke-hoach": "ke-hoach/iii-3/", "chi-tieu": "chi-tieu/bao-hiem-y-te/", "don-vi": "don-vi/phong-kinh-te/"}


@cache
def generated_samples() -> dict[str, str]:
    """Page type name -> the address of one of its pages in the real build (types with no page yet are left out)."""
    site = pipeline.load_site(ROOT / "data", ROOT, TODAY)
    found = {}
    for page_type in pages.PAGE_TYPES:
        paths = [page_type.path(record) for record in page_type.records(site)]
        if paths:
            found[page_type.name] = RICHEST.get(page_type.name) if RICHEST.get(page_type.name) in paths else paths[0]
    return found


PAGE_TYPES = HAND_WRITTEN | generated_samples()
