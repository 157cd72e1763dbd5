"""Write every page and file of the site, already made, into a folder any MkDocs-like engine can build.

Usage: python scripts/site_files.py DIR [--config mkdocs.yml]     (make site-files DIR=<dir>)

DIR/docs/ holds the hand-written pages with their macros rendered, every generated page (Markdown with front matter),
the open data, feeds, preview images and assets; DIR/overrides/ the theme's overrides; DIR/mkdocs.yml the same
theme, features, navigation, extensions and search settings, without hooks and without plugins of ours. Then
`mkdocs build -f DIR/mkdocs.yml` (or `properdocs build`, `zensical build`) builds the site from DIR alone.

DIR must be empty, absent, or a folder this command wrote before (it is then replaced). The data is read from the
folder mkdocs.yml names in `extra.data_dir` (DATA_DIR), and checked: a mistake stops here as it stops `make build`.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from macros import pipeline
from macros.errors import DataError
from macros.publish import config as engine_config
from macros.publish import files
from macros.site import cards

ROOT = Path(__file__).resolve().parent.parent


def prepared(out_dir: Path) -> str | None:
    """Empty `out_dir` if this command wrote it; why not, otherwise."""
    if not out_dir.exists() or not any(out_dir.iterdir()):
        return None
    settings = out_dir / "mkdocs.yml"
    if not settings.is_file() or not settings.read_text(encoding="utf-8").startswith(files.MARKER):
        return f"{out_dir} không trống và không phải thư mục do lệnh này tạo ra: chọn một thư mục trống."
    shutil.rmtree(out_dir)
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    args = parser.parse_args(argv)
    problem = prepared(args.out_dir) or cards.missing_fonts_message()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    config_path = args.config.resolve()
    config = engine_config.read(config_path)
    data_dir = config_path.parent / config.get("extra", {}).get("data_dir", "data")
    try:
        site = pipeline.load_site(data_dir.resolve(), data_dir.resolve().parent)
        cache_dir = files.PROJECT / config.get("extra", {}).get("cache_dir", ".cache") / "previews"
        count = files.write_tree(args.out_dir, config_path, site, cache_dir)
    except DataError as error:
        print("Lỗi dữ liệu, chưa ghi các trang:\n" + error.report(), file=sys.stderr)
        return 1
    print(f"Đã ghi {count} tệp vào {args.out_dir / 'docs'} và cấu hình {args.out_dir / 'mkdocs.yml'}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
