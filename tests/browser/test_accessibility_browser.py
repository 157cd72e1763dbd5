"""Accessibility in headless Chromium: axe-core on every kind of page, keyboard filters, chart alternatives.

axe-core (node_modules/axe-core, pinned in package-lock.json; `make node`) runs with the WCAG 2.0 and 2.1
level A and AA rules, on the real build and on the fixture build (progress reports, so badges, progress bars,
charts and history tables appear), on a phone and a desktop screen. Any violation fails, with its rule,
the elements and axe's explanation.

Also here: no page asks anything of another host (no web fonts, CDNs or GitHub API calls), the target
filters work with the keyboard alone, charts have their numbers in a table, and the accessibility statement
names the tool versions that really run.
"""

from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from support.pages import PAGE_TYPES

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
VIEWPORTS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}

PAGES = {
    **PAGE_TYPES,
    "summary": "tom-tat-tien-do/",
    "statement": "tuyen-bo-tiep-can/",
}
REDIRECT = "muc/iii-2-1/"  # a permanent link: a tiny page that meta-refreshes to ke-hoach/iii-2/#iii-2-1
BUILDS = ["real", "fixture"]


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail("axe-core is not installed: run `make node` (npm ci)")
    return AXE.read_text(encoding="utf-8")


def base_url(request, build: str) -> str:
    return request.getfixturevalue("site_url" if build == "real" else "fixture_site_url")


def run_axe(page, axe_source: str) -> list[dict]:
    page.add_script_tag(content=axe_source)
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary})),
            }));
        }""",
        WCAG_TAGS,
    )


def report(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']}")
        lines += [f"    {n['target']}\n      {n['summary']}".replace("\n", "\n      ") for n in v["nodes"][:5]]
    return "\n".join(lines)


def new_page(browser, viewport: str, **options):
    context = browser.new_context(locale="vi-VN", viewport=VIEWPORTS[viewport], **options)
    return context, context.new_page()


# ---------------------------------------------------------------- axe-core on every kind of page


@pytest.mark.browser
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("name", list(PAGES))
@pytest.mark.parametrize("build", BUILDS)
def test_page_has_no_wcag_violations(request, browser, axe_source, build, name, viewport):
    context, page = new_page(browser, viewport)
    try:
        page.goto(base_url(request, build) + PAGES[name])
        violations = run_axe(page, axe_source)
    finally:
        context.close()
    assert not violations, f"{build} build, {PAGES[name] or '/'} at {viewport} width:\n{report(violations)}"


@pytest.mark.browser
@pytest.mark.parametrize("build", BUILDS)
def test_permanent_link_page_itself_has_no_wcag_violations(request, browser, axe_source, build):
    """The /muc/ page leaves at once (meta refresh), so axe looks at it as served minus the refresh element:
    everything else of the page (title, language, heading, the visible link) is what a reader gets.
    tests/site/test_site.py checks where the refresh leads."""
    base = base_url(request, build)
    served = urllib.request.urlopen(base + REDIRECT).read().decode("utf-8")
    refresh = re.compile(r'<meta http-equiv="refresh"[^>]*>')
    assert refresh.search(served), "the permanent link page redirects"
    context, page = new_page(browser, "phone")
    try:
        page.route(
            base + REDIRECT,
            lambda route: route.fulfill(body=refresh.sub("", served), content_type="text/html; charset=utf-8"),
        )
        page.goto(base + REDIRECT)
        assert page.title().startswith("Mục III.2.1")
        violations = run_axe(page, axe_source)
    finally:
        context.close()
    assert not violations, f"{build} build, /{REDIRECT}:\n{report(violations)}"


def open_search(page, viewport: str, query: str) -> None:
    if viewport == "phone":
        page.click('label.md-header__button[for="__search"]')
    else:
        page.click(".md-search__input")
    page.locator(".md-search__input").press_sequentially(query)  # Material reads the query on keyup
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    assert page.is_checked("#__search"), "the search dialog did not open"


@pytest.mark.browser
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("build", BUILDS)
def test_open_search_dialog_has_no_wcag_violations(request, browser, axe_source, build, viewport):
    context, page = new_page(browser, viewport)
    try:
        page.goto(base_url(request, build) + "chi-tieu/")
        open_search(page, viewport, "bảo hiểm")
        name = page.get_attribute(".md-search[role=dialog]", "aria-label")
        violations = run_axe(page, axe_source)
    finally:
        context.close()
    assert name, "the search dialog has no accessible name"
    assert not violations, f"{build} build, search dialog at {viewport} width:\n{report(violations)}"


# ---------------------------------------------------------------- nothing from other hosts


@pytest.mark.browser
@pytest.mark.parametrize("name", [*PAGES, "redirect", "search"])
def test_every_request_stays_on_the_site(browser, site_url, name):
    """No web fonts, CDNs, analytics or GitHub API calls: a reader's phone talks to our host only."""
    context, page = new_page(browser, "desktop")
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    try:
        if name == "redirect":
            page.goto(site_url + REDIRECT, wait_until="networkidle")
            page.wait_for_url(re.compile(r".*/ke-hoach/iii-2/.*"))
        elif name == "search":
            page.goto(site_url, wait_until="networkidle")
            open_search(page, "desktop", "bảo hiểm")
        else:
            page.goto(site_url + PAGES[name], wait_until="networkidle")
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    host = urlsplit(site_url).netloc
    elsewhere = [url for url in requests if not url.startswith("data:") and urlsplit(url).netloc != host]
    assert requests, "no request was recorded"
    assert not elsewhere, f"requests that leave {host}: {elsewhere}"
    assert all(urlsplit(url).hostname == "127.0.0.1" for url in requests if not url.startswith("data:"))


# ---------------------------------------------------------------- keyboard


def focused(page) -> dict:
    return page.evaluate(
        """() => {
            const e = document.activeElement;
            const all = [...document.querySelectorAll("*")];
            const box = e.getBoundingClientRect();
            return {tag: e.tagName, id: e.id, cls: e.className && String(e.className), order: all.indexOf(e),
                    text: (e.textContent || "").trim().slice(0, 60), visible: box.width > 0 && box.height > 0};
        }"""
    )


def visible_rows(page) -> list[str]:
    return page.eval_on_selector_all(
        "table.kh-targets tr[data-status]",
        "rows => rows.filter(r => r.getClientRects().length > 0).map(r => r.dataset.status)",
    )


@pytest.mark.browser
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_target_filters_work_from_the_keyboard(browser, fixture_site_url, viewport):
    context, page = new_page(browser, viewport)
    try:
        page.goto(fixture_site_url + "chi-tieu/")
        statuses = page.eval_on_selector_all(
            "table.kh-targets tr[data-status]", "rows => rows.map(r => r.dataset.status)"
        )
        assert len(set(statuses)) >= 3, "the fixture reports should give several statuses"
        assert visible_rows(page) == statuses

        # Tab from the top of the page: the skip link comes first, the order follows the page, nothing invisible.
        path = []
        for _ in range(150):
            page.keyboard.press("Tab")
            path.append(focused(page))
            if path[-1]["id"] == "loc-trang-thai":
                break
        else:
            pytest.fail(f"Tab never reached the status filter; it went through {[p['text'] for p in path]}")
        assert "md-skip" in path[0]["cls"], f"the first Tab should reach the skip link, not {path[0]}"
        orders = [p["order"] for p in path]
        assert orders == sorted(orders), "the focus order does not follow the page"
        assert all(p["visible"] for p in path), [p for p in path if not p["visible"]]
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none", "no focus ring"

        # Choose with the arrow keys: the first choice after "Tất cả" is "Đã đạt", then "Đúng tiến độ".
        for wanted in ("da-dat", "dung-tien-do"):
            page.keyboard.press("ArrowDown")
            assert page.input_value("#loc-trang-thai") == wanted
            expected = [s for s in statuses if s == wanted]
            assert expected, f"the fixture has no target with status {wanted}"
            assert visible_rows(page) == expected
            assert page.text_content(".kh-filter__result").strip() == f"Đang hiển thị {len(expected)} chỉ tiêu."
            hidden_groups = page.eval_on_selector_all(
                "table.kh-targets tbody",
                "groups => groups.filter(g => !g.querySelector('tr[data-status]:not([hidden])')).map(g => g.hidden)",
            )
            assert all(hidden_groups), "an area with no matching target still shows its heading"

        # Tab goes on to the agency filter; "Tất cả" (Home key) shows every target again.
        page.keyboard.press("Home")
        assert page.input_value("#loc-trang-thai") == ""
        assert visible_rows(page) == statuses
        page.keyboard.press("Tab")
        assert focused(page)["id"] == "loc-don-vi"
        page.keyboard.press("ArrowDown")  # "Chưa phân công"
        unassigned = page.eval_on_selector_all(
            "table.kh-targets tr[data-status]",
            "rows => rows.filter(r => r.dataset.agency.split(' ').includes('chua-phan-cong')).length",
        )
        assert len(visible_rows(page)) == unassigned > 0
    finally:
        context.close()


@pytest.mark.browser
def test_filter_form_is_labelled_and_announced(page, fixture_site_url):
    page.goto(fixture_site_url + "chi-tieu/")
    for select in ("loc-trang-thai", "loc-don-vi"):
        assert page.locator(f'label[for="{select}"]').count() == 1
    assert page.get_attribute(".kh-filter__result", "role") == "status"
    assert page.get_attribute(".kh-filter__result", "aria-live") == "polite"


# ---------------------------------------------------------------- charts


@pytest.mark.browser
def test_chart_has_a_name_and_its_numbers_are_in_a_table(page, fixture_site_url):
    page.goto(fixture_site_url + "chi-tieu/bao-hiem-y-te/")
    svg = page.locator("figure.kh-chart svg")
    assert svg.count() == 1
    assert svg.get_attribute("role") == "img"
    title_id = svg.get_attribute("aria-labelledby")
    name = page.text_content(f"#{title_id}").strip()
    assert "mục tiêu 100%" in name.lower() and "bảng" in name, name
    assert page.text_content("figure.kh-chart figcaption").strip()
    points = page.eval_on_selector_all("figure.kh-chart circle title", "ts => ts.map(t => t.textContent)")
    assert len(points) == 2
    table = page.text_content("table.kh-history")
    for point in points:
        period, _, value = point.partition(": ")
        assert period in table and value in table, f"{point!r} is not in the history table"


@pytest.mark.browser
def test_progress_bars_have_text_alternatives(page, fixture_site_url):
    page.goto(fixture_site_url + "chi-tieu/")
    labels = page.eval_on_selector_all(
        ".kh-bar", "bars => bars.map(b => [b.getAttribute('role'), b.getAttribute('aria-label')])"
    )
    assert labels
    assert all(role == "img" and label for role, label in labels)


# ---------------------------------------------------------------- the statement says what really runs


def test_statement_names_the_tools_that_really_run():
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    statement = (ROOT / "docs" / "tuyen-bo-tiep-can.md").read_text(encoding="utf-8")
    for package, label in (("axe-core", "axe-core"), ("lighthouse", "Lighthouse")):
        version = lock[f"node_modules/{package}"]["version"]
        assert f"{label} {version}" in statement, f"the statement should name {label} {version}"
    assert "WCAG" in statement and "2.1" in statement and "AA" in statement
    assert "{{ config.repo_url }}/issues" in statement, "problems are reported through the repository's issues"
