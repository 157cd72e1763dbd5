"""Printing on A4: a plan section, the targets table, a target page and the one-page summary.

Under print media the navigation, header, sidebars, search and footer are gone, the 06-rõ boxes are open,
badges are black on white, links out of the site show where they go, and Chromium makes an A4 PDF.
"Tóm tắt tiến độ" fits one sheet with the real data.
"""

from __future__ import annotations

import re

import pytest

A4_POINTS = (595, 842)  # A4 in PDF points, portrait (rounded)
HIDDEN = [
    ".md-header",
    ".md-tabs",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-search",
    ".md-footer",
    ".md-top",
    ".md-content__button",
    ".kh-filter",
    ".kh-copy",
]
PAGES = [
    ("real", "ke-hoach/iii-3/"),
    ("real", "chi-tieu/"),
    ("fixture", "chi-tieu/"),
    ("fixture", "chi-tieu/bao-hiem-y-te/"),
    ("real", "tom-tat-tien-do/"),
]


def pdf_pages(pdf: bytes) -> list[tuple[float, float]]:
    """Width and height of every page of a PDF that Chromium wrote (its page objects are not compressed)."""
    pages = re.findall(rb"/Type\s*/Page\b(?!s)(.*?)endobj", pdf, flags=re.S)
    sizes = []
    for page in pages:
        box = re.search(rb"/MediaBox\s*\[\s*([\d.\s]+)\]", page)
        assert box, "a page without a MediaBox"
        x0, y0, x1, y1 = (float(n) for n in box.group(1).split())
        sizes.append((x1 - x0, y1 - y0))
    return sizes


def open_for_print(request, page, build: str, path: str) -> None:
    base = request.getfixturevalue("site_url" if build == "real" else "fixture_site_url")
    page.goto(base + path)
    page.emulate_media(media="print")


@pytest.mark.browser
@pytest.mark.parametrize(("build", "path"), PAGES)
def test_prints_on_a4_without_navigation(request, page, tmp_path, build, path):
    open_for_print(request, page, build, path)
    shown = page.evaluate(
        """(selectors) => selectors.flatMap(s => [...document.querySelectorAll(s)]
              .filter(e => getComputedStyle(e).display !== "none").map(e => s))""",
        HIDDEN,
    )
    assert not shown, f"visible in print: {shown}"
    assert page.locator("article.md-content__inner h1").is_visible()

    badges = page.eval_on_selector_all(
        ".md-content .kh-badge", "bs => bs.map(b => [getComputedStyle(b).color, getComputedStyle(b).backgroundColor])"
    )
    assert badges, "the page should show status badges"
    assert all(color == "rgb(0, 0, 0)" and bg == "rgb(255, 255, 255)" for color, bg in badges), badges

    pdf = page.pdf(format="A4", print_background=False)
    (tmp_path / "page.pdf").write_bytes(pdf)
    assert pdf.startswith(b"%PDF-")
    sizes = pdf_pages(pdf)
    assert sizes, "the PDF has no page"
    assert all(abs(w - A4_POINTS[0]) < 2 and abs(h - A4_POINTS[1]) < 2 for w, h in sizes), sizes
    if path == "tom-tat-tien-do/":
        assert len(sizes) == 1, f"Tóm tắt tiến độ should print on one A4 sheet, not {len(sizes)}"


@pytest.mark.browser
def test_six_clear_boxes_print_open(site_url, page):
    page.goto(site_url + "ke-hoach/iii-3/")
    boxes = page.locator("details.kh-task")
    assert boxes.count() > 0
    assert not page.locator("details.kh-task table.kh-six").first.is_visible(), "closed on screen"
    page.emulate_media(media="print")
    heights = page.eval_on_selector_all(
        "details.kh-task table.kh-six", "ts => ts.map(t => t.getBoundingClientRect().height)"
    )
    assert len(heights) == boxes.count()
    assert all(h > 0 for h in heights), "a 06-rõ box stays closed in print"


@pytest.mark.browser
def test_links_out_of_the_site_print_their_address(site_url, page):
    page.goto(site_url + "tuyen-bo-tiep-can/")
    page.evaluate(
        """() => {
            const a = document.createElement("a");
            a.href = "https://example.org/van-ban"; a.textContent = "một văn bản"; a.id = "kiem-thu-in";
            document.querySelector("article.md-content__inner p").append(" ", a);
        }"""
    )
    page.emulate_media(media="print")
    after = page.evaluate("getComputedStyle(document.getElementById('kiem-thu-in'), '::after').content")
    assert "https://example.org/van-ban" in after
    # A link whose text is already its address is not printed twice.
    issues = page.locator("a.kh-url")
    assert issues.count() == 1
    assert issues.evaluate("a => getComputedStyle(a, '::after').content") in ("none", "normal")
    assert issues.text_content().strip().endswith("/issues")


@pytest.mark.browser
def test_summary_lists_every_target_with_its_status(site_url, page, real_site_data):
    page.goto(site_url + "tom-tat-tien-do/")
    targets = real_site_data.plan.targets
    rows = page.locator("table.kh-sum tbody tr:not(.kh-group)")
    assert rows.count() == len(targets) == 40
    names = rows.locator("td:first-child").all_text_contents()
    assert names == [t.name for group in _groups(real_site_data) for t in group]
    total = page.locator("table.kh-sum-areas tfoot td").last.text_content()
    assert total.strip() == str(len(targets))
    counts = page.locator(".kh-counts .kh-count__n").all_text_contents()
    assert sum(int(n) for n in counts) == len(targets)


def _groups(site):
    return [targets for _, targets in site.plan.targets_by_area]
