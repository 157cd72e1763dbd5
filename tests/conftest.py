"""Shared fixtures: the real data, builds of the whole site, a local web server and headless Chromium.

The builds are made once per test run, also when pytest-xdist spreads the tests over several processes
(`support.build.shared`). Tests that look at the real data without a browser are marked `data_change` here
(`make test-data`: what a change to data/ alone must pass).

Plain helpers and factories live in tests/support/ (importable as `support`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support.build import build_site, serve, shared
from support.data import imported_data
from support.paths import CHROMIUM_FLAGS, FIXTURES, HEADLESS_SHELL, ROOT, TODAY, XA_MAU
from support.plan_text import SOURCE

from macros import pipeline


@pytest.fixture(scope="session")
def real_site_data():
    return pipeline.load_site(ROOT / "data", ROOT, TODAY)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    return shared(tmp_path_factory, "site-real", build_site)


def fixture_data(data: Path) -> None:
    shutil.copytree(ROOT / "data", data)
    shutil.rmtree(data / "cap-nhat")
    shutil.copytree(FIXTURES / "cap-nhat", data / "cap-nhat")


@pytest.fixture(scope="session")
def fixture_data_dir(tmp_path_factory) -> Path:
    """The real plan with the fixture progress reports of tests/fixtures/cap-nhat/ (never published)."""
    return shared(tmp_path_factory, "data-fixture", lambda folder: fixture_data(folder / "data")) / "data"


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory, fixture_data_dir) -> Path:
    return shared(tmp_path_factory, "site-fixture", lambda out: build_site(out, data_dir=fixture_data_dir))


@pytest.fixture(scope="session")
def imported_data_dir(tmp_path_factory) -> Path:
    """The real plan imported from its source text in data/nguon/."""
    return imported_data(tmp_path_factory.mktemp("data-imported"), ROOT / "data" / "nguon" / SOURCE.name)


@pytest.fixture(scope="session")
def imported_site_data(imported_data_dir):
    return pipeline.load_site(imported_data_dir, imported_data_dir.parent, TODAY)


@pytest.fixture(scope="session")
def imported_site(tmp_path_factory, imported_data_dir) -> Path:
    return shared(tmp_path_factory, "site-imported", lambda out: build_site(out, data_dir=imported_data_dir))


@pytest.fixture(scope="session")
def xa_mau_site(tmp_path_factory) -> Path:
    """The fictional second commune of tests/fixtures/xa-mau/, built from its own data and mkdocs.yml."""
    return shared(tmp_path_factory, "site-xa-mau", lambda out: build_site(out, config=XA_MAU / "mkdocs.yml"))


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
            executable_path=HEADLESS_SHELL,
            args=[*CHROMIUM_FLAGS, "--disable-quic"],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    yield page
    context.close()


# Fixtures that hold the real data or a build of it: a test that uses one, and needs no browser, checks the data.
REAL_DATA_FIXTURES = {"real_site_data", "real_site", "site_url"}


def uses_real_data(item) -> bool:
    """A test that asks for a real-data fixture, directly or through a parameter that names it ("real_site_data", or
    "real" for a fixture that builds "<param>_site")."""
    params = getattr(getattr(item, "callspec", None), "params", {})
    named = {value for value in params.values() if isinstance(value, str)}
    named |= {f"{value}_site" for value in named}
    return bool(REAL_DATA_FIXTURES & (set(item.fixturenames) | named))


def pytest_collection_modifyitems(config, items):
    for item in items:
        if uses_real_data(item) and not item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.data_change)
