"""Search as citizens type it, in headless Chromium on the real strict build.

Readers type without diacritics ("bao hiem y te"), with "d" for "đ", with diacritics, or in decomposed
Unicode (NFD) from some keyboards. overrides/assets/javascripts/lunr-vi-fold.js, which
macros/adapter/search_hooks.py appends to the lunr.vi file Material's search worker loads, makes all of them find
the plan section, target or agency they name in the top five results, and keeps highlighting on the
words as written. docs/assets/search-highlight-vi.js does the same for the highlighting on the page.

Queries are typed key by key: Material searches on keyup, so `fill()` would never search. Playwright
types characters that are not on a US keyboard ("ả", combining marks) without any key event, so every
query ends with an End key press, as the last key a reader's keyboard sends.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from support.search import TOP, describe, search, top_results

ROOT = Path(__file__).resolve().parents[2]


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# (as typed, what must be among the first TOP results, shown, not folded away under "more on this page")
QUERIES = [
    # without diacritics
    ("bao hiem y te", ["chi-tieu/bao-hiem-y-te/", "ke-hoach/iii-3/#iii-3-3"]),
    ("ma tuy", ["chi-tieu/xa-khong-ma-tuy/", "ke-hoach/iii-4/"]),
    ("hop tac xa", ["ke-hoach/iii-2/#iii-2-5", "chi-tieu/hop-tac-xa-moi/"]),
    ("chuyen doi so", ["ke-hoach/iii-3/#iii-3-5"]),
    ("dan quan tu ve", ["don-vi/dan-quan-tu-ve/"]),
    ("phong kinh te", ["don-vi/phong-kinh-te/"]),
    ("OCOP", ["chi-tieu/san-pham-ocop-3-sao/", "ke-hoach/iii-2/#iii-2-1"]),
    ("truong dat chuan quoc gia", ["chi-tieu/truong-dat-chuan-quoc-gia/", "ke-hoach/iii-3/#iii-3-1"]),
    ("nong thon moi", ["chi-tieu/duy-tri-nong-thon-moi/", "ke-hoach/ii/#ii-1"]),
    ("cai cach hanh chinh", ["ke-hoach/iii-8/"]),
    ("tu phap", ["ke-hoach/iii-6/"]),
    ("ho tich", ["ke-hoach/iii-6/"]),
    ("tham nhung", ["ke-hoach/iii-5/"]),
    ("tiep dan", ["ke-hoach/iii-5/"]),
    ("du lich", ["chi-tieu/diem-du-lich/", "ke-hoach/iii-2/#iii-2-2"]),
    ("thue", ["don-vi/co-quan-thue/", "ke-hoach/iii-2/#iii-2-3"]),
    ("bau cu", ["chi-tieu/bau-cu-nhiem-ky-2026-2031/", "ke-hoach/iii-8/"]),
    ("ngan sach", ["chi-tieu/thu-ngan-sach-vuot-du-toan/", "ke-hoach/iii-2/#iii-2-3"]),
    ("bien doi khi hau", ["ke-hoach/iii-2/#iii-2-4"]),
    ("ton giao", ["ke-hoach/iii-3/#iii-3-6"]),
    ("giam ngheo", ["ke-hoach/iii-3/#iii-3-4"]),
    ("hoi nhap quoc te", ["ke-hoach/iii-7/"]),
    ("tuyen quan", ["chi-tieu/tuyen-quan/", "ke-hoach/iii-4/"]),
    ("mat tran to quoc", ["don-vi/ubmttq/"]),
    ("kinh te tap the", ["ke-hoach/iii-2/#iii-2-5"]),
    # "d" typed for "đ"
    ("doi ngoai", ["ke-hoach/iii-7/"]),
    ("doi moi sang tao", ["ke-hoach/iii-3/#iii-3-5"]),
    ("dau tu ha tang", ["ke-hoach/iii-2/#iii-2-6"]),
    ("diem du lich", ["chi-tieu/diem-du-lich/"]),
    # with diacritics, and half with them
    ("bảo hiểm y tế", ["chi-tieu/bao-hiem-y-te/", "ke-hoach/iii-3/#iii-3-3"]),
    ("ma túy", ["chi-tieu/xa-khong-ma-tuy/", "ke-hoach/iii-4/"]),
    ("hợp tác xã", ["ke-hoach/iii-2/#iii-2-5", "chi-tieu/hop-tac-xa-moi/"]),
    ("Cải cách hành chính", ["ke-hoach/iii-8/"]),
    ("dân quân tu ve", ["don-vi/dan-quan-tu-ve/"]),
    # decomposed Unicode (NFD)
    (nfd("bảo hiểm y tế"), ["chi-tieu/bao-hiem-y-te/", "ke-hoach/iii-3/#iii-3-3"]),
    (nfd("chuyển đổi số"), ["ke-hoach/iii-3/#iii-3-5"]),
    (nfd("hộ tịch"), ["ke-hoach/iii-6/"]),
    (nfd("tham nhũng"), ["ke-hoach/iii-5/"]),
]


@pytest.fixture(scope="module")
def search_page(browser, site_url):
    """One home page for all the searches: the worker builds its index once."""
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    page.goto(site_url)
    yield page
    context.close()


def marks(page, selector: str = ".md-search-result mark") -> list[str]:
    return page.eval_on_selector_all(selector, "els => els.map(el => el.textContent)")


@pytest.mark.browser
@pytest.mark.parametrize(("query", "expected"), QUERIES, ids=[q for q, _ in QUERIES])
def test_query_finds_its_topic_in_the_top_results(search_page, site_url, query, expected):
    search(search_page, query)
    groups = top_results(search_page, urlsplit(site_url).path)
    shown = {link["href"] for group in groups for link in group if not link["hidden"]}
    missing = [href for href in expected if href not in shown]
    assert not missing, f"{query!r}: {missing} not in the top {TOP} results:\n{describe(groups)}"


@pytest.mark.browser
def test_nfd_and_nfc_queries_give_the_same_results(search_page, site_url):
    base = urlsplit(site_url).path
    search(search_page, "bảo hiểm y tế")
    composed = top_results(search_page, base)
    search(search_page, nfd("bảo hiểm y tế"))
    assert top_results(search_page, base) == composed


@pytest.mark.browser
def test_the_same_query_twice_gives_the_same_results(search_page, site_url):
    """Highlighting must not eat into the index: the second search used to lose positions."""
    base = urlsplit(site_url).path
    search(search_page, "hop tac xa")
    first, first_marks = top_results(search_page, base), marks(search_page)
    search(search_page, "ma tuy")
    search(search_page, "hop tac xa")
    assert top_results(search_page, base) == first
    assert marks(search_page) == first_marks


@pytest.mark.browser
def test_snippets_mark_the_words_as_written(search_page):
    search(search_page, "bao hiem y te")
    found = marks(search_page)
    for word in ("bảo", "hiểm", "tế"):
        assert any(mark.lower().startswith(word) for mark in found), (word, found)
    assert search_page.locator(".md-search-result mark mark").count() == 0
    assert not any("<" in mark or ">" in mark for mark in found), found


@pytest.mark.browser
def test_a_query_with_diacritics_matches_exactly(search_page):
    """ "túy" finds "ma túy" only; "tuy" also finds "tùy", "tuy", "tụy"."""
    search(search_page, "túy")
    exact = search_page.locator(".md-search-result__meta").inner_text()
    found = marks(search_page)
    assert found, exact
    assert all(unicodedata.normalize("NFC", mark).lower().startswith("túy") for mark in found), found
    search(search_page, "tuy")
    folded = search_page.locator(".md-search-result__meta").inner_text()
    assert int(exact.split()[0]) < int(folded.split()[0]), (exact, folded)
    assert any(mark.lower().startswith(("tùy", "tuy")) for mark in marks(search_page))


@pytest.mark.browser
def test_a_quoted_word_is_not_stemmed(search_page, site_url):
    """lunr's English stemmer used to search "túy" as "túi", and find nothing."""
    search(search_page, '"túy"')
    shown = {link["href"] for group in top_results(search_page, urlsplit(site_url).path) for link in group}
    assert {"chi-tieu/xa-khong-ma-tuy/", "ke-hoach/iii-4/"} <= shown, shown
    found = marks(search_page)
    assert found and all(mark.lower().startswith("túy") for mark in found), found


@pytest.mark.browser
def test_the_page_opened_from_a_result_marks_the_words_as_written(page, site_url):
    page.goto(site_url)
    search(page, "bao hiem y te")
    page.locator(".md-search-result__link", has_text="bảo hiểm y tế").first.click()
    page.wait_for_url("**/chi-tieu/bao-hiem-y-te/**")
    page.wait_for_selector("[data-md-component=content] mark")
    on_page = " ".join(marks(page, "[data-md-component=content] mark")).lower()
    assert "bảo hiểm y tế" in on_page, on_page


def test_targets_and_agencies_are_in_the_search_index(real_site):
    index = json.loads((real_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    targets = yaml.safe_load((ROOT / "data" / "chi-tieu.yml").read_text(encoding="utf-8"))["chi_tieu"]
    agencies = yaml.safe_load((ROOT / "data" / "co-quan.yml").read_text(encoding="utf-8"))["co_quan"]
    expected = {f"chi-tieu/{t['id']}/" for t in targets} | {f"don-vi/{a['id']}/" for a in agencies}
    assert expected <= locations, sorted(expected - locations)


def test_the_folding_ships_inside_the_worker_language_file(real_site):
    shipped = (real_site / "assets/javascripts/lunr/min/lunr.vi.min.js").read_text(encoding="utf-8")
    source = (ROOT / "overrides/assets/javascripts/lunr-vi-fold.js").read_text(encoding="utf-8")
    assert shipped.startswith("!function") and shipped.count(source) == 1
