"""Measure what link previews and the lazy search index cost: drawing the preview images, and the bytes a first
visit downloads on the four main page types.

Usage: python scripts/bench_previews.py [--scales 1,10] [--before REF] [--no-write]

- Preview images: every card of the site (one per section, one per target, one for the rest) drawn into an empty
  cache (a first build, or a build after the drawing changed), then read back from the filled cache (every later
  build), at each scale of the synthetic data of scripts/bench.py.
- First view: the site built from this checkout, and with --before REF (a branch or commit, e.g. main before this
  change) the site built from that commit's files, served locally and opened in headless Chromium with an empty
  cache. Every response is counted at its file's size, raw and gzipped (level 6, about what GitHub Pages sends), on
  page load and again once the reader has focused the search box.

Results are printed as Markdown and written into BENCHMARKS.md between the bench:previews markers unless
--no-write. `make bench` runs this after scripts/bench.py.
"""

from __future__ import annotations

import argparse
import gzip
import io
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import bench
from bench import BENCH_DIR, BUILD_DAY, ROOT, build_env, synthesize, write_benchmarks

from macros import pipeline
from macros.site import cards, identity, previews

PAGES = {"Home": "", "Plan section": "ke-hoach/iii-3/", "Targets": "chi-tieu/", "Target": "chi-tieu/bao-hiem-y-te/"}
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def draw_all(data_dir: Path, cache_dir: Path) -> tuple[int, float, int]:
    """(images, seconds, total PNG bytes) for every preview card of the site, through the cache at cache_dir."""
    site = pipeline.load_site(data_dir, data_dir.parent, BUILD_DAY)
    all_cards = previews.cards_for(site, identity.site_settings(site.plan)["site_name"])
    start = time.perf_counter()
    sizes = [len(cards.render(card, cache_dir)) for card in all_cards]
    return len(all_cards), time.perf_counter() - start, sum(sizes)


def preview_rows(scales: list[int], work: Path) -> list[str]:
    rows = []
    for scale in scales:
        data_dir = synthesize(scale, work / f"x{scale}", scale_plan=False)
        cache_dir = work / f"cache-{scale}"
        count, cold, size = draw_all(data_dir, cache_dir)
        _, warm, _ = draw_all(data_dir, cache_dir)
        rows.append(
            f"| {scale}× | {count:,} | {cold:.2f} s | {1000 * cold / count:.0f} ms | {warm:.2f} s "
            f"| {bench.kib(size)} | {bench.kib(size // count)} |"
        )
    return rows


def build_checkout(source: Path, out: Path, cache_dir: Path) -> Path:
    """The real data's site, built from the files under `source` (this checkout, or an exported commit)."""
    env = dict(build_env(None), CACHE_DIR=str(cache_dir))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)]
    result = subprocess.run(command, cwd=source, env=env, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"build of {source} failed:\n{result.stderr[-2000:]}")
    return out


def export_commit(ref: str, dest: Path) -> Path:
    """The files of a commit, without touching any worktree (git archive)."""
    archive = subprocess.run(["git", "archive", ref], cwd=ROOT, capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(dest, filter="data")
    return dest


def sizes(site: Path, urls: list[str]) -> tuple[int, int, int]:
    """(requests, raw bytes, gzip bytes) of the site's files behind these URLs."""
    raw = packed = 0
    for url in urls:
        path = site / urlsplit(url).path.lstrip("/")
        body = (path / "index.html" if path.is_dir() else path).read_bytes()
        raw, packed = raw + len(body), packed + len(gzip.compress(body, compresslevel=6))
    return len(urls), raw, packed


def first_views(site: Path) -> dict[str, tuple[tuple[int, int, int], tuple[int, int, int]]]:
    """Per page type: what loading it downloads, and what focusing the search box downloads on top."""
    from playwright.sync_api import sync_playwright

    server = bench_server(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    found = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for name, path in PAGES.items():
            context = browser.new_context()  # an empty cache: a first visit
            page, seen = context.new_page(), []
            page.on("requestfinished", lambda request, seen=seen: seen.append(request.url))
            page.goto(base + path, wait_until="networkidle")
            loaded = list(seen)
            page.keyboard.press("/")
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(1000)
            found[name] = (sizes(site, loaded), sizes(site, seen[len(loaded) :]))
            context.close()
        browser.close()
    server.shutdown()
    return found


def bench_server(site: Path):
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def view_rows(label: str, views: dict) -> list[str]:
    rows = []
    for name, ((n, raw, packed), (more_n, more_raw, more_packed)) in views.items():
        rows.append(
            f"| {label} | {name} | {n} | {bench.kib(raw)} | **{bench.kib(packed)}** "
            f"| {more_n} | {bench.kib(more_raw)} | {bench.kib(more_packed)} |"
        )
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", default="1,10", help="scales of the synthetic data for drawing the images")
    parser.add_argument("--before", help="a git ref to measure the first view of, for comparison (e.g. main)")
    parser.add_argument("--no-write", action="store_true", help="do not update BENCHMARKS.md")
    args = parser.parse_args(argv)
    BENCH_DIR.mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="previews-", dir=BENCH_DIR))
    try:
        drawn = preview_rows([int(s) for s in args.scales.split(",")], work)
        views = view_rows("this checkout", first_views(build_checkout(ROOT, work / "site", work / "cache")))
        if args.before:
            source = export_commit(args.before, work / "before")
            before = first_views(build_checkout(source, work / "site-before", work / "cache"))
            views = view_rows(f"`{args.before}`", before) + views
    finally:
        shutil.rmtree(work, ignore_errors=True)
    info = bench.machine()
    section = "\n".join(
        [
            f"Measured {info['date']} on {info['nproc']} × {info['cpu']}, Python {info['python']}.",
            "",
            "| Scale | Images | Drawn (empty cache) | Per image | From the cache | PNG total | PNG per image |",
            "|---|---:|---:|---:|---:|---:|---:|",
            *drawn,
            "",
            "| Site | Page | Requests on load | Raw | Gzip | Requests on first search focus | Raw | Gzip |",
            "|---|---|---:|---:|---:|---:|---:|---:|",
            *views,
        ]
    )
    print(section)
    if not args.no_write:
        written = write_benchmarks(section, "previews")
        print(f"\n{'Updated' if written else 'Did not update'} {bench.BENCHMARKS.name} (section bench:previews).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
