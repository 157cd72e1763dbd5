"""Small and large screens: no page scrolls sideways at 360 px (a cheap phone) or 1280 px (a desktop).

Screenshots of each page go to a temporary folder (printed on failure) for a person to look at.
"""

from __future__ import annotations

import pytest

WIDTHS = (360, 1280)
PAGES = [
    ("real", ""),
    ("real", "chi-tieu/"),
    ("fixture", "chi-tieu/"),
    ("real", "ke-hoach/iii-3/"),
    ("real", "ke-hoach/iii-2/"),
    ("real", "van-ban-goc/"),
    ("fixture", "chi-tieu/bao-hiem-y-te/"),
    ("fixture", "chi-tieu/to-hop-tac-tung-ap/"),
    ("real", "don-vi/phong-kinh-te/"),
    ("real", "tom-tat-tien-do/"),
]


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    return tmp_path_factory.mktemp("screens")


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("build", "path"), PAGES)
def test_no_horizontal_scroll(request, browser, shots, build, path, width):
    base = request.getfixturevalue("site_url" if build == "real" else "fixture_site_url")
    context = browser.new_context(locale="vi-VN", viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        page.goto(base + path)
        shot = shots / f"{build}-{path.strip('/').replace('/', '_') or 'trang-chu'}-{width}.png"
        page.screenshot(path=str(shot), full_page=True)
        scroll_width, inner_width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        # Content wider than the column (a table, a long word) would scroll inside the column instead.
        too_wide = page.evaluate(
            """() => [...document.querySelectorAll("article.md-content__inner *")]
                .filter(e => e.getClientRects().length && e.getBoundingClientRect().right > window.innerWidth + 1)
                .slice(0, 5).map(e => e.tagName + "." + e.className)"""
        )
    finally:
        context.close()
    assert scroll_width <= inner_width, f"{path or '/'} scrolls sideways at {width} px ({scroll_width}); see {shot}"
    assert not too_wide, f"{path or '/'} at {width} px: content wider than the screen: {too_wide}; see {shot}"
