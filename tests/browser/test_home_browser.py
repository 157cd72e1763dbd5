"""The home page reads in five seconds: the overview (one stacked bar for all targets, one per area, counts in text)
fits the first screen of a 360 px phone, reads in greyscale, without JavaScript and in print."""

from __future__ import annotations

import io
import itertools

import pytest
from PIL import Image, ImageChops, ImageStat

from macros.domain import status
from macros.site import render

PHONE = {"width": 360, "height": 740}  # a common small Android screen


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="vi-VN", viewport=PHONE, device_scale_factor=1)
    yield context.new_page()
    context.close()


def overview_bottom(page) -> float:
    return page.evaluate("document.querySelector('.kh-overview').getBoundingClientRect().bottom")


@pytest.mark.browser
@pytest.mark.parametrize("which", ["real", "fixture"])
def test_the_overview_fits_the_first_screen_of_a_phone(phone, site_url, fixture_site_url, which, tmp_path):
    phone.goto(site_url if which == "real" else fixture_site_url)
    phone.screenshot(path=tmp_path / "home-360.png")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "the page scrolls sideways"
    assert overview_bottom(phone) <= PHONE["height"], f"the overview ends at {overview_bottom(phone)} px"
    legend = phone.locator(".kh-legend").inner_text()
    for label in status.LABELS.values():
        assert label in legend


@pytest.mark.browser
def test_the_status_patterns_differ_in_greyscale(phone, fixture_site_url):
    """Each status's swatch, seen without colour (greyscale), differs clearly from every other."""
    phone.goto(fixture_site_url)
    swatches = phone.locator(".kh-legend .kh-swatch")
    assert swatches.count() == len(status.ORDER)
    grey = [Image.open(io.BytesIO(swatches.nth(i).screenshot())).convert("L") for i in range(swatches.count())]
    for (i, a), (j, b) in itertools.combinations(enumerate(grey), 2):
        b = b.resize(a.size)
        difference = ImageStat.Stat(ImageChops.difference(a, b)).mean[0]
        assert difference > 20, f"{status.ORDER[i]} and {status.ORDER[j]} look alike in greyscale ({difference:.0f})"


@pytest.mark.browser
def test_the_bars_match_the_counts(page, fixture_site_url):
    page.goto(fixture_site_url)
    total = page.locator(".kh-overview > .kh-stack .kh-seg")
    counts = {key: int(page.locator(f".kh-legend__item--{key} .kh-legend__n").inner_text()) for key in status.ORDER}
    assert total.count() == sum(1 for n in counts.values() if n)
    widths = total.evaluate_all("segs => segs.map(s => s.getBoundingClientRect().width)")
    shares = [n / sum(counts.values()) for n in counts.values() if n]
    full = sum(widths)
    assert all(abs(w / full - share) < 0.03 for w, share in zip(widths, shares, strict=True)), (widths, shares)


@pytest.mark.browser
def test_the_overview_reads_without_javascript(browser, site_url, real_site_data):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(site_url)
    text = page.locator(".kh-overview").inner_text()
    assert f"{len(real_site_data.plan.targets)} Chưa có số liệu" in " ".join(text.split())
    assert page.locator(".kh-area").count() == len(real_site_data.plan.targets_by_area)
    assert overview_bottom(page) <= PHONE["height"]
    context.close()


@pytest.mark.browser
def test_the_bars_print(page, fixture_site_url):
    page.goto(fixture_site_url)
    page.emulate_media(media="print")
    bar = page.locator(".kh-overview > .kh-stack")
    assert bar.is_visible()
    adjust = bar.locator(".kh-seg").first.evaluate("s => getComputedStyle(s).printColorAdjust")
    assert adjust == "exact"


def test_the_home_page_then_offers_targets_sections_and_news(real_site_data):
    from bs4 import BeautifulSoup

    page = BeautifulSoup(render.home_next(real_site_data, ""), "lxml")
    headings = [h.get_text() for h in page.select("h2")]
    assert headings == ["Các chỉ tiêu", "Nội dung Kế hoạch", "Có gì mới"]
    assert len(page.select("table.kh-home-targets tbody tr")) == len(real_site_data.plan.targets)
    assert len(page.select("ul.kh-home-plan li")) == len(real_site_data.plan.pages)
