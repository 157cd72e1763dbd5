"""Measure what link previews and the lazy search index cost: drawing the preview images, and the bytes a first
visit downloads on the four main page types.

Usage: python scripts/bench_previews.py [--scales 1,10] [--before REF] [--no-write]

- Preview images: every card of the site (one per section, one per target, one for the rest), at each scale of the
  synthetic data of scripts/bench.py: drawn one after another in this process, with the drawing and the saving as PNG
  (cards.COMPRESS_LEVEL) timed apart; drawn into an empty cache the way a build does it (cards.start: helper
  processes, one per core); and read back from the filled cache (every later build).
- First view: the site built from this checkout, and with --before REF (a branch or commit, e.g. main before this
  change) the site built from that commit's files, served locally and opened in headless Chromium with an empty
  cache. Every response is counted at its file's size, raw and gzipped (level 6, about what GitHub Pages sends), on
  page load and again once the reader has focused the search box.

Results are printed as Markdown and written into BENCHMARKS.md between the bench:previews markers unless
--no-write. `make bench` runs this after scripts/bench.py.
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

import bench
from bench import BENCH_DIR, BUILD_DAY, ROOT, build_env, synthesize, write_benchmarks

from macros import pipeline
from macros.site import cards, identity, previews


def draw_all(data_dir: Path, cache_dir: Path) -> dict:
    """Seconds to draw and to save every card in turn, to draw the missing ones as a build does, to read them back."""
    site = pipeline.load_site(data_dir, data_dir.parent, BUILD_DAY)
    all_cards = previews.cards_for(site, identity.site_settings(site.plan)["site_name"])
    drawn, saved, sizes = 0.0, 0.0, []
    for card in all_cards:
        start = time.perf_counter()
        image = cards.picture(card)
        middle = time.perf_counter()
        sizes.append(len(cards.png(image)))
        drawn, saved = drawn + middle - start, saved + time.perf_counter() - middle
    start = time.perf_counter()
    problem = cards.start(all_cards, cache_dir).wait()
    helpers = time.perf_counter() - start
    if problem:
        raise SystemExit(problem)
    start = time.perf_counter()
    [cards.render(card, cache_dir) for card in all_cards]
    cached = time.perf_counter() - start
    return dict(count=len(all_cards), drawn=drawn, saved=saved, helpers=helpers, cached=cached, size=sum(sizes))


def preview_row(scale: int, r: dict) -> str:
    def each(seconds: float) -> str:
        return f"{1000 * seconds / r['count']:.1f} ms"

    return (
        f"| {scale}× | {r['count']:,} | {each(r['drawn'])} | **{each(r['saved'])}** "
        f"| {r['drawn'] + r['saved']:.2f} s | {r['helpers']:.2f} s | {r['cached']:.2f} s "
        f"| {bench.kib(r['size'])} | {bench.kib(r['size'] // r['count'])} |"
    )


def preview_rows(scales: list[int], work: Path) -> list[str]:
    rows = []
    for scale in scales:
        data_dir = synthesize(scale, work / f"x{scale}", scale_plan=False)
        rows.append(preview_row(scale, draw_all(data_dir, work / f"cache-{scale}")))
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
        views = view_rows("this checkout", bench.first_views(build_checkout(ROOT, work / "site", work / "cache")))
        if args.before:
            source = export_commit(args.before, work / "before")
            before = bench.first_views(build_checkout(source, work / "site-before", work / "cache"))
            views = view_rows(f"`{args.before}`", before) + views
    finally:
        shutil.rmtree(work, ignore_errors=True)
    info = bench.machine()
    section = "\n".join(
        [
            f"Measured {info['date']} on {info['nproc']} × {info['cpu']}, Python {info['python']}.",
            "",
            "| Scale | Images | Draw, per image | Save as PNG, per image | In turn, all | With helpers, as a build "
            "(empty cache) | From the cache | PNG total | PNG per image |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
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
