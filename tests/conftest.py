"""Shared fixtures: the real data, builds of the whole site, a local web server and headless Chromium.

Plain helpers and factories live in tests/support/ (importable as `support`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support.build import build_site, serve
from support.data import imported_data
from support.paths import CHROMIUM, FIXTURES, ROOT, TODAY, XA_MAU
from support.plan_text import SOURCE

from macros import pipeline


@pytest.fixture(scope="session")
def real_site_data():
    return pipeline.load_site(ROOT / "data", ROOT, TODAY)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    return build_site(tmp_path_factory.mktemp("site-real"))


@pytest.fixture(scope="session")
def fixture_data_dir(tmp_path_factory) -> Path:
    """The real plan with the fixture progress reports of tests/fixtures/cap-nhat/ (never published)."""
    data = tmp_path_factory.mktemp("data-fixture") / "data"
    shutil.copytree(ROOT / "data", data)
    shutil.rmtree(data / "cap-nhat")
    shutil.copytree(FIXTURES / "cap-nhat", data / "cap-nhat")
    return data


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory, fixture_data_dir) -> Path:
    return build_site(tmp_path_factory.mktemp("site-fixture"), data_dir=fixture_data_dir)


@pytest.fixture(scope="session")
def imported_data_dir(tmp_path_factory) -> Path:
    """The real plan imported from its source text in data/nguon/."""
    return imported_data(tmp_path_factory.mktemp("data-imported"), ROOT / "data" / "nguon" / SOURCE.name)


@pytest.fixture(scope="session")
def imported_site_data(imported_data_dir):
    return pipeline.load_site(imported_data_dir, imported_data_dir.parent, TODAY)


@pytest.fixture(scope="session")
def imported_site(tmp_path_factory, imported_data_dir) -> Path:
    return build_site(tmp_path_factory.mktemp("site-imported"), data_dir=imported_data_dir)


@pytest.fixture(scope="session")
def xa_mau_site(tmp_path_factory) -> Path:
    """The fictional second commune of tests/fixtures/xa-mau/, built from its own data and mkdocs.yml."""
    return build_site(tmp_path_factory.mktemp("site-xa-mau"), config=XA_MAU / "mkdocs.yml")


@pytest.fixture(scope="session")
def site_url(real_site):
    server = serve(real_site)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def fixture_site_url(fixture_site):
    server = serve(fixture_site)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    yield page
    context.close()
