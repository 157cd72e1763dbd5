"""Shared fixtures: the real data, builds of the whole site, a local web server and headless Chromium."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

from macros import pipeline

TODAY = dt.date(2026, 11, 29)
# Builds judge statuses on TODAY, whatever the clock says, so tests give the same result every day.
BUILD_EPOCH = str(int(dt.datetime(TODAY.year, TODAY.month, TODAY.day, 12, tzinfo=dt.UTC).timestamp()))
FIXTURES = ROOT / "tests" / "fixtures"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# One page of each type the site has, for the browser, accessibility and speed checks.
PAGE_TYPES = {
    "home": "",
    "plan-section": "ke-hoach/iii-3/",
    "targets": "chi-tieu/",
    "target": "chi-tieu/bao-hiem-y-te/",
    "agency": "don-vi/phong-kinh-te/",
    "guide": "huong-dan-cap-nhat/",
    "document": "van-ban-goc/",
}


@pytest.fixture(scope="session")
def real_site_data():
    return pipeline.load_site(ROOT / "data", ROOT, TODAY)


def build_site(out_dir: Path, data_dir: Path | None = None, config: Path | None = None) -> Path:
    """Run the real strict build, as `make build` does, into out_dir."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=BUILD_EPOCH)
    if data_dir is not None:
        env["DATA_DIR"] = str(data_dir)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out_dir)]
    if config is not None:
        command += ["-f", str(config)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return out_dir


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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path):
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


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
