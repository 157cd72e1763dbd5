"""A same-text twin of the site, for the benchmark to compare our build with (scripts/bench.py).

Usage: python scripts/bench_twin.py DEST      (DATA_DIR and CACHE_DIR as for any build)

Runs one real build of this checkout and keeps, for every page, its final Markdown: what Python-Markdown receives once
the macros have run and the HTML our hooks set aside is back in place, with the page's front matter (title,
description, search exclusion). Every other file the build makes (open data, feeds, the /muc/ redirect pages, the
preview images) and every file of docs/ is kept as a plain file. DEST/mkdocs.yml is our mkdocs.yml without the hooks,
the macros plugin, the theme's custom_dir and the data settings: the same theme, features, search, Markdown
extensions, extra CSS and JavaScript and navigation. `mkdocs build -f DEST/mkdocs.yml` then builds the same pages
with the same text by plain MkDocs + Material: what our data layer costs is the difference.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from macros.adapter import state
from macros.publish import config as engine_config

ROOT = Path(__file__).resolve().parent.parent
OURS_ONLY = {"data_dir", "cache_dir"}  # extra settings only our hooks read


def capture(out: Path) -> tuple[dict[str, str], dict[str, bytes], list]:
    """Build the site into `out`, keeping every page's final Markdown and every generated file that is not a page."""
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(out))
    pages: dict[str, str] = {}
    generated: dict[str, bytes] = {}

    def on_page_markdown(markdown, page, config, files):  # registered last: after the macros and our hooks
        front = yaml.safe_dump(dict(page.meta), allow_unicode=True, width=10**6) if page.meta else ""
        pages[page.file.src_uri] = f"---\n{front}---\n\n{state.html_blocks().copy(markdown)}"
        return markdown

    def on_env(env, config, files):
        for file in files:
            if file.generated_by and not file.is_documentation_page():
                generated[file.src_uri] = file.content_bytes
        return env

    config.plugins.events["page_markdown"].append(on_page_markdown)
    config.plugins.events["env"].append(on_env)
    build(config)
    return pages, generated, config.nav


def twin_config(nav: list) -> dict:
    config = engine_config.read(ROOT / "mkdocs.yml")
    for key in ("hooks", "watch"):
        config.pop(key, None)
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "macros" in p)]
    config["theme"] = {key: value for key, value in config["theme"].items() if key != "custom_dir"}
    config["extra"] = {key: value for key, value in config.get("extra", {}).items() if key not in OURS_ONLY}
    return config | {"docs_dir": "docs", "nav": nav}


def write_twin(dest: Path) -> Path:
    pages, generated, nav = capture(dest / "site-ours")
    docs = dest / "docs"
    shutil.copytree(ROOT / "docs", docs)
    for path, content in [*pages.items(), *generated.items()]:
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_bytes(content.encode() if isinstance(content, str) else content)
    shutil.copytree(dest / "site-ours" / "assets" / "previews", docs / "assets" / "previews", dirs_exist_ok=True)
    shutil.rmtree(dest / "site-ours")
    config = dest / "mkdocs.yml"
    config.write_text(engine_config.dump(twin_config(nav)), encoding="utf-8")
    return config


if __name__ == "__main__":
    print(write_twin(Path(sys.argv[1]).resolve()))
