"""Search costs nothing until it is used (overrides/partials/lazy-search.html): a page load does not download the
search index; focusing the search box does, and search then works at once, and offline."""

from __future__ import annotations

import pytest
from support.pages import PAGE_TYPES
from support.search import search, top_results

INDEX = "search/search_index.json"


def index_requests(page) -> list[str]:
    found: list[str] = []
    page.on("request", lambda request: found.append(request.url) if request.url.endswith(INDEX) else None)
    return found


@pytest.fixture
def fresh(browser):
    context = browser.new_context(locale="vi-VN")
    yield context
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("kind", ["home", "ke-hoach", "chi-tieu", "targets"])
def test_a_page_load_requests_no_search_index(fresh, site_url, kind):
    page = fresh.new_page()
    requested = index_requests(page)
    page.goto(site_url + PAGE_TYPES[kind], wait_until="networkidle")
    page.wait_for_timeout(500)
    assert requested == []


@pytest.mark.browser
@pytest.mark.parametrize("how", ["click", "shortcut"])
def test_focusing_the_search_box_fetches_the_index_and_search_works(fresh, site_url, how):
    page = fresh.new_page()
    requested = index_requests(page)
    page.goto(site_url, wait_until="networkidle")
    assert requested == []
    with page.expect_request_finished(lambda request: request.url.endswith(INDEX)):
        if how == "click":
            page.locator(".md-search__input").click()
        else:
            page.keyboard.press("/")
    page.wait_for_function("document.activeElement?.classList.contains('md-search__input')")
    assert requested == [site_url + INDEX]
    search(page, "bao hiem y te")
    assert any("chi-tieu/bao-hiem-y-te/" in link["href"] for group in top_results(page, "/") for link in group)


@pytest.mark.browser
def test_once_loaded_search_works_offline(fresh, site_url):
    page = fresh.new_page()
    page.goto(site_url, wait_until="networkidle")
    search(page, "ho tich")
    fresh.set_offline(True)
    search(page, "tham nhung")
    hrefs = [link["href"] for group in top_results(page, "/") for link in group]
    assert "ke-hoach/iii-5/" in hrefs, hrefs
    fresh.set_offline(False)


@pytest.mark.browser
def test_a_page_opened_from_a_result_still_highlights(fresh, site_url):
    """?h= asks Material to mark the words, which needs the index's settings: then the index loads at once."""
    page = fresh.new_page()
    requested = index_requests(page)
    page.goto(site_url + "chi-tieu/bao-hiem-y-te/?h=bảo+hiểm")
    page.wait_for_selector("[data-md-component=content] mark")
    assert requested == [site_url + INDEX]
