"""Searching the built site as a reader does: open search with "/", type key by key, read the top results."""

from __future__ import annotations

import pytest

TOP = 5

# The top TOP result groups: each link (page or section) relative to the site, and whether it is
# folded away under "N more on this page".
TOP_RESULTS = """(top) => [...document.querySelectorAll(".md-search-result__item")].slice(0, top).map(item =>
    [...item.querySelectorAll(".md-search-result__link")].map(a => {
        const url = new URL(a.href);
        return {href: url.pathname + url.hash, hidden: !!a.closest("details")};
    }))"""


def search(page, query: str) -> None:
    """Open search with "/" as a reader would, type the query key by key, wait for its results."""
    if not page.locator(".md-search__input").evaluate("el => el === document.activeElement"):
        page.keyboard.press("/")
        page.wait_for_function("document.activeElement?.classList.contains('md-search__input')")
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.keyboard.type(query, delay=15)
    page.keyboard.press("End")
    assert page.input_value(".md-search__input") == query
    page.wait_for_selector(".md-search-result__item")
    # Every keystroke searched; wait until the last answer is on the screen and stays.
    previous = None
    for _ in range(40):
        current = page.inner_html(".md-search-result")
        if current == previous:
            return
        previous = current
        page.wait_for_timeout(150)
    pytest.fail(f"the results for {query!r} never settled")


def top_results(page, base_path: str, top: int = TOP) -> list[list[dict]]:
    groups = page.evaluate(TOP_RESULTS, top)
    return [[{**link, "href": link["href"].removeprefix(base_path)} for link in group] for group in groups]


def describe(groups: list[list[dict]]) -> str:
    return "\n".join(
        "  " + "  ".join(("(more) " if link["hidden"] else "") + link["href"] for link in group) for group in groups
    )
