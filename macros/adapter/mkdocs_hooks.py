"""The MkDocs side of the adapter: load the data once per build, and hand MkDocs the pages the data layer makes.

MkDocs loads this file by path (mkdocs.yml `hooks:`). What it adds is made by plain Python (macros/publish/), the same
code that writes the site-files folder any engine can build (`make site-files`). What only this file does, and why,
is listed in ARCHITECTURE.md ("What still needs the adapter").
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from macros.adapter import state
from macros.errors import DataError
from macros.pipeline import build_day
from macros.publish import config as engine_config
from macros.publish import files as made
from macros.publish import support
from macros.site import cards, previews, render
from macros.site.render import TEMPLATES


def on_config(config):
    notice = support.material_notice(build_day())
    if notice:
        print(notice, file=sys.stderr)  # a notice, never a warning: `mkdocs build --strict` must not fail on it
    data_dir = Path(config.config_file_path).parent / config.extra.get("data_dir", "data")
    try:
        site = state.start(data_dir.resolve())
    except DataError as error:
        raise PluginError("Lỗi dữ liệu, trang web không được dựng:\n" + error.report()) from None
    for key, value in engine_config.from_data(site, config).items():
        config[key] = value
    config.theme.dirs.append(str(TEMPLATES))  # overrides/main.html imports _social.html from there
    config.extra.update(engine_config.THEME_EXTRA)
    _start_preview_images(config)
    render.keep_compiled_templates(compiled_templates(config, "site"))
    return config


def cache_dir(config) -> Path:
    """What builds keep for later builds (extra.cache_dir, git-ignored, safe to delete)."""
    return made.PROJECT / config.extra.get("cache_dir", ".cache")


def preview_cache_dir(config) -> Path:
    return cache_dir(config) / "previews"


def _start_preview_images(config) -> None:
    """Drawn once per change and kept in .cache/previews/ between builds. The images the cache lacks are drawn by
    helper processes while MkDocs renders the pages; on_post_build waits for them."""
    problem = cards.missing_fonts_message()
    if problem:
        raise PluginError(problem)
    site = state.current()
    state.keep_images(*previews.cached_images(site, made.site_name(site), preview_cache_dir(config)))


def on_files(files, config):
    """Every page as the data layer makes it: a page of docs/ is replaced by its rendered self, generated pages and
    files are added. Finished HTML is set aside from Python-Markdown (restored in on_page_content). The preview images
    are drawing meanwhile: on_post_build puts them in."""
    docs_dir = Path(config.docs_dir)
    try:
        pages = made.made_files(
            state.current(), config, docs_dir, None, state.html_blocks().defer, images=False, kept=cache_dir(config)
        )
    except DataError as error:
        raise PluginError("Lỗi trong trang viết tay, trang web không được dựng:\n" + error.report()) from None
    made_here = {page.path: File.generated(config, page.path, content=page.content) for page in pages}
    kept = [made_here.pop(file.src_uri, file) for file in files]  # a page of docs/ keeps its place
    return Files(kept + list(made_here.values()))


def compiled_templates(config, environment: str) -> Path:
    """One folder per Jinja environment: the theme's and ours compile the same file (_social.html) differently."""
    folder = cache_dir(config) / "jinja" / environment
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def on_env(env, config, files):
    """The theme's templates too are kept compiled between builds (Jinja compiles a changed template again)."""
    env.bytecode_cache = FileSystemBytecodeCache(str(compiled_templates(config, "theme")))
    return env


def on_page_content(html, page, config, files):
    return state.html_blocks().restore(html)


def on_post_build(config):
    """The preview images go in last, so that their drawing has the whole build to run alongside. No page links to
    them (their addresses are in the pages' head tags), so MkDocs need not know them."""
    problem = state.drawing().wait()
    if problem:
        raise PluginError(problem)
    site = Path(config.site_dir)
    for path, cached in state.images().items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, site / path)
