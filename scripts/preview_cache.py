"""The preview images kept between CI runs (.cache/previews/, actions/cache): the cache's key, and its pruning.

Usage: python scripts/preview_cache.py key [--output FILE]
       python scripts/preview_cache.py prune

`key` appends to FILE ($GITHUB_OUTPUT) `key=previews-d<DESIGN>-<hash>`, where the hash covers every image this build
needs (each image's own cache name already hashes its text, status, fonts, Pillow's version and cards.DESIGN), and
`prefix=previews-d<DESIGN>-`, to restore the latest images of the same design when the key is new: only the images
that changed are then drawn. `prune` removes from the cache folder every image this build does not use, so the cache
saved after the build stays the size of one site.

Both read mkdocs.yml and data/ as the build does (DATA_DIR and CACHE_DIR are honoured).
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

from mkdocs.config import load_config

from macros import pipeline
from macros.adapter import mkdocs_hooks
from macros.publish import files as made
from macros.site import cards, previews

ROOT = Path(__file__).resolve().parent.parent


def needed() -> tuple[Path, list[Path]]:
    """The cache folder and the cached file of every image the build of this checkout uses."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    data_dir = (ROOT / config.extra.get("data_dir", "data")).resolve()
    site = pipeline.load_site(data_dir, data_dir.parent)
    cache_dir = mkdocs_hooks.preview_cache_dir(config)
    return cache_dir, [cards.cached_path(card, cache_dir) for card in previews.cards_for(site, made.site_name(site))]


def key(files: list[Path]) -> str:
    digest = hashlib.sha256("\n".join(sorted(path.name for path in files)).encode()).hexdigest()
    return f"previews-d{cards.DESIGN}-{digest}"


def prune(cache_dir: Path, files: list[Path]) -> int:
    keep = {path.name for path in files}
    stale = [path for path in cache_dir.glob("*") if path.is_file() and path.name not in keep]
    for path in stale:
        path.unlink()
    return len(stale)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("key", "prune"))
    parser.add_argument("--output", type=Path, help="ghi key=… và prefix=… vào tệp này ($GITHUB_OUTPUT)")
    args = parser.parse_args(argv)
    cache_dir, files = needed()
    if args.command == "prune":
        print(f"Đã bỏ {prune(cache_dir, files)} ảnh không dùng; giữ {len(files)} ảnh trong {cache_dir}.")
        return 0
    lines = f"key={key(files)}\nprefix=previews-d{cards.DESIGN}-\n"
    print(lines, end="")
    if args.output:
        with args.output.open("a", encoding="utf-8") as handle:
            handle.write(lines)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
