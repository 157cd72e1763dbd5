"""Lighthouse (node_modules/lighthouse, pinned in package-lock.json; `make node`) on the real build.

Mobile form factor and Lighthouse's default (simulated) throttling: a mid-range phone on a slow 4G link.
Performance must reach 0.95, accessibility, best practices and SEO must be perfect, on the seven kinds of
page. The /muc/<id>/ permanent links are left out: they are one-line redirects marked noindex on purpose
(the page they point to is the one to index), which Lighthouse's SEO category counts as a failure; their
accessibility is checked by axe-core in test_accessibility_browser.py.

The build is served as GitHub Pages serves it: gzip-compressed text and `Cache-Control: max-age=600`.
Lighthouse's performance score comes from timings measured on this machine's CPU, which other work can
slow down; a page that misses 0.95 is measured again, up to three times, and its best run counts (a busy
machine only ever makes a run slower). Accessibility, best practices and SEO do not depend on timing and
must be perfect in every run.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import subprocess
import threading
from pathlib import Path

import pytest
from support.pages import PAGE_TYPES

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"
    " --disable-sync --no-first-run"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
MIN_PERFORMANCE = 0.95
RUNS = 3

PAGES = PAGE_TYPES
COMPRESSED = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class PagesLikeHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with gzip and a short cache lifetime, like GitHub Pages."""

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        ctype = self.guess_type(str(path))
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and wants_gzip and ctype.startswith(COMPRESSED)):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


@pytest.fixture(scope="module")
def pages_url(real_site):
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(PagesLikeHandler, directory=str(real_site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def lighthouse(url: str, out: Path) -> dict:
    if not LIGHTHOUSE.exists():
        pytest.fail("Lighthouse is not installed: run `make node` (npm ci)")
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--max-wait-for-load=30000",
        "--disable-full-page-screenshot",
        "--quiet",
    ]
    result = subprocess.run(
        command, env=dict(os.environ, CHROME_PATH=CHROMIUM), capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8"))


def scores(lhr: dict) -> dict[str, float]:
    return {key: lhr["categories"][key]["score"] for key in CATEGORIES}


def failed_audits(lhr: dict, category: str) -> list[str]:
    found = []
    for ref in lhr["categories"][category]["auditRefs"]:
        audit = lhr["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            found.append(f"{audit['id']} ({audit['score']}): {audit['title']} {audit.get('displayValue', '')}")
    return found


@pytest.mark.browser
@pytest.mark.parametrize("name", list(PAGES))
def test_lighthouse_mobile(pages_url, tmp_path, name):
    url = pages_url + PAGES[name]
    runs = []
    for attempt in range(RUNS):
        lhr = lighthouse(url, tmp_path / f"{name}-{attempt}.json")
        if lhr.get("runtimeError"):
            pytest.fail(f"Lighthouse could not test {url}: {lhr['runtimeError']}")
        runs.append(lhr)
        for category in ("accessibility", "best-practices", "seo"):
            assert scores(lhr)[category] == 1, f"{url} {category}: {scores(lhr)}\n" + "\n".join(
                failed_audits(lhr, category)
            )
        if scores(lhr)["performance"] >= MIN_PERFORMANCE:
            break
    best = max(runs, key=lambda lhr: scores(lhr)["performance"])
    metrics = {
        key: best["audits"][key]["displayValue"]
        for key in (
            "first-contentful-paint",
            "largest-contentful-paint",
            "speed-index",
            "total-blocking-time",
            "cumulative-layout-shift",
        )
    }
    print(f"\nLighthouse {name} ({url}): {scores(best)} {metrics}; runs: {[scores(r)['performance'] for r in runs]}")
    assert scores(best)["performance"] >= MIN_PERFORMANCE, (
        f"{url} performance {[scores(r)['performance'] for r in runs]} in {len(runs)} runs; best {metrics}\n"
        + "\n".join(failed_audits(best, "performance"))
    )
