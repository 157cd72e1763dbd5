"""The "Chia sẻ" button next to "Sao chép liên kết": the phone's share sheet where the Web Share API exists (Zalo
appears there), the clipboard elsewhere. Headless Chromium has no share sheet, so one test stands one in with the
API's exact signature and records what the page asks it to share."""

from __future__ import annotations

import pytest

RECORD_SHARES = """
window.__shared = [];
Object.defineProperty(navigator, "share", {
  configurable: true,
  value: data => { window.__shared.push(data); return Promise.resolve(); },
});
"""
NO_SHARE = 'Object.defineProperty(Navigator.prototype, "share", {configurable: true, value: undefined});'


def share_button(page, unit_id: str):
    return page.locator(f'p.kh-cite:has(a[href$="muc/{unit_id}/"]) button.kh-share')


@pytest.mark.browser
def test_share_opens_the_share_sheet_with_the_permanent_link(browser, site_url):
    context = browser.new_context(locale="vi-VN")
    context.add_init_script(RECORD_SHARES)
    page = context.new_page()
    page.goto(site_url + "ke-hoach/iii-3/")
    button = share_button(page, "iii-3-3")
    assert button.is_visible() and button.inner_text() == "Chia sẻ"
    button.click()
    shared = page.evaluate("window.__shared")
    assert shared == [
        {
            "title": "Mục III.3.3: Nâng cao chất lượng công tác y tế, chăm sóc sức khỏe Nhân dân",
            "url": site_url + "muc/iii-3-3/",
        }
    ]
    context.close()


@pytest.mark.browser
def test_without_a_share_sheet_share_copies_the_link(browser, site_url):
    context = browser.new_context(locale="vi-VN")
    context.add_init_script(NO_SHARE)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    page.goto(site_url + "ke-hoach/iii-3/")
    assert page.evaluate("typeof navigator.share") == "undefined"
    button = share_button(page, "iii-3-3")
    button.click()
    page.wait_for_function("document.activeElement && document.activeElement.textContent === 'Đã sao chép'")
    assert page.evaluate("navigator.clipboard.readText()") == site_url + "muc/iii-3-3/"
    context.close()


@pytest.mark.browser
def test_share_stays_hidden_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "ke-hoach/iii-3/")
    assert share_button(page, "iii-3-3").count() == 1
    assert not share_button(page, "iii-3-3").is_visible()
    context.close()
