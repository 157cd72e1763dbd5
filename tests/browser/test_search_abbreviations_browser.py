"""Search for abbreviations and citation numbers, typed key by key in headless Chromium on the real strict build.

overrides/assets/javascripts/lunr-vi-query.js (appended to the worker's lunr.vi file with the abbreviations of
data/tu-viet-tat.yml) searches an abbreviation as its full form too, and puts the section a citation number names
first. The typing helpers are those of tests/test_search_browser.py: Material searches on keyup.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import yaml
from support.paths import ROOT
from support.search import describe, top_results
from support.search import search as type_query

from macros import slug

# (as typed, what must be among the first TOP results, shown)
ABBREVIATIONS = [
    ("bhyt", ["chi-tieu/bao-hiem-y-te/", "ke-hoach/iii-3/#iii-3-3"]),
    ("BHYT", ["chi-tieu/bao-hiem-y-te/", "ke-hoach/iii-3/#iii-3-3"]),
    ("hdnd", ["ke-hoach/iii-8/", "don-vi/van-phong-hdnd-ubnd/"]),
    ("hđnd", ["ke-hoach/iii-8/", "don-vi/van-phong-hdnd-ubnd/"]),
    ("ntm", ["chi-tieu/duy-tri-nong-thon-moi/"]),
    ("pctn", ["ke-hoach/iii-5/"]),
    ("qp-an", ["ke-hoach/iii-4/"]),
    ("cchc", ["ke-hoach/iii-8/"]),
]

# (as typed, the result that must come first)
CITATIONS = [
    ("III.3.3", "ke-hoach/iii-3/#iii-3-3"),
    ("iii.3.3", "ke-hoach/iii-3/#iii-3-3"),
    ("mục III.3.3", "ke-hoach/iii-3/#iii-3-3"),
    ("muc 3.3", "ke-hoach/iii-3/#iii-3-3"),
    ("3.3", "ke-hoach/iii-3/#iii-3-3"),
    ("muc 2.4", "ke-hoach/iii-2/#iii-2-4"),
    ("III.2.1", "ke-hoach/iii-2/#iii-2-1"),
    ("III.5", "ke-hoach/iii-5/"),
    ("II.1", "ke-hoach/ii/#ii-1"),
    ("III", "ke-hoach/iii/"),
    ("v", "ke-hoach/v/"),
]


def search(page, query: str) -> None:
    """Type the query, then wait until the results have stayed the same for a whole second: a prefix typed on the
    way ("qp-a" searches every word starting with "a") can take the worker longer than the shared helper waits."""
    type_query(page, query)
    previous = page.inner_html(".md-search-result")
    for _ in range(20):
        page.wait_for_timeout(1000)
        current = page.inner_html(".md-search-result")
        if current == previous:
            return
        previous = current
    pytest.fail(f"the results for {query!r} never settled")


@pytest.fixture(scope="module")
def search_page(browser, site_url):
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    page.goto(site_url)
    yield page
    context.close()


def shown_links(page, site_url) -> tuple[list[list[dict]], set[str]]:
    groups = top_results(page, urlsplit(site_url).path)
    return groups, {link["href"] for group in groups for link in group if not link["hidden"]}


@pytest.mark.browser
@pytest.mark.parametrize(("query", "expected"), ABBREVIATIONS, ids=[q for q, _ in ABBREVIATIONS])
def test_an_abbreviation_finds_its_full_form(search_page, site_url, query, expected):
    search(search_page, query)
    groups, shown = shown_links(search_page, site_url)
    missing = [href for href in expected if href not in shown]
    assert not missing, f"{query!r}: {missing} not in the top results:\n{describe(groups)}"
    missing_words = search_page.locator(".md-search-result__item del").all_inner_texts()
    assert not missing_words, f"{query!r}: Material lists {missing_words} as missing"


@pytest.mark.browser
def test_an_abbreviation_marks_its_full_form_in_the_snippets(search_page):
    search(search_page, "hdnd")
    found = " ".join(search_page.eval_on_selector_all(".md-search-result mark", "els => els.map(e => e.textContent)"))
    assert "Hội" in found and "đồng" in found, found


@pytest.mark.browser
@pytest.mark.parametrize(("query", "first"), CITATIONS, ids=[q for q, _ in CITATIONS])
def test_a_citation_number_puts_its_section_first(search_page, site_url, query, first):
    search(search_page, query)
    groups, _ = shown_links(search_page, site_url)
    first_group = [link["href"] for link in groups[0] if not link["hidden"]]
    assert first in first_group[:2], f"{query!r}: {first} is not first:\n{describe(groups)}"
    if "#" in first:  # the section itself is shown right after its page, not folded away
        assert first_group[1] == first, describe(groups)


@pytest.mark.browser
def test_a_plain_number_is_not_a_citation(search_page, site_url):
    """ "2030" is a year: search treats it as a word, not as a section number."""
    search(search_page, "2030")
    groups, _ = shown_links(search_page, site_url)
    assert groups, "no results for 2030"


def test_the_worker_gets_every_abbreviation_of_the_data_file(real_site):
    shipped = (real_site / "assets/javascripts/lunr/min/lunr.vi.min.js").read_text(encoding="utf-8")
    source = (ROOT / "overrides/assets/javascripts/lunr-vi-query.js").read_text(encoding="utf-8")
    assert shipped.count(source) == 1
    line = next(line for line in shipped.splitlines() if line.startswith("self.lunr.vi.abbreviations = "))
    import json

    known = json.loads(line.removeprefix("self.lunr.vi.abbreviations = ").removesuffix(";"))
    listed = yaml.safe_load((ROOT / "data/tu-viet-tat.yml").read_text(encoding="utf-8"))["tu_viet_tat"]
    assert known == {slug.fold(item["viet_tat"]).lower().replace("-", ""): item["day_du"] for item in listed}
    assert known["hdnd"] == "Hội đồng nhân dân" and known["ktxh"] == "kinh tế - xã hội"


def test_the_abbreviations_page_lists_them(real_site):
    html = (real_site / "chu-viet-tat" / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="Hội đồng nhân dân">HĐND</abbr>' in html
    assert "<td>bảo hiểm y tế</td>" in html
