"""The MkDocs side of the adapter: load the data once per build, add the pages it produces.

MkDocs loads this file by path (mkdocs.yml `hooks:`). Everything it calls is plain Python
that knows nothing of MkDocs, so another static generator could call the same functions.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from macros import slug
from macros.adapter import state
from macros.errors import DataError
from macros.site import cards, pages, previews, render
from macros.site.render import TEMPLATES
from macros.urls import Urls


def on_config(config):
    data_dir = Path(config.config_file_path).parent / config.extra.get("data_dir", "data")
    try:
        state.start(data_dir.resolve())
    except DataError as error:
        raise PluginError("Lỗi dữ liệu, trang web không được dựng:\n" + error.report()) from None
    config.mdx_configs.setdefault("toc", {})["slugify"] = slug.slugify
    config.theme.dirs.append(str(TEMPLATES))  # overrides/main.html imports _social.html from there
    config.extra["preview_image"] = previews.SITE_IMAGE
    config.extra["urls"] = Urls.theme()
    _start_preview_images(config)
    render.keep_compiled_templates(compiled_templates(config, "site"))
    return config


PROJECT = Path(__file__).resolve().parents[2]  # one cache for every build of this checkout, whatever its mkdocs.yml


def _start_preview_images(config) -> None:
    """Drawn once per change and kept in .cache/previews/ (extra.cache_dir, git-ignored) between builds. The images
    the cache lacks are drawn by helper processes while MkDocs renders the pages; on_post_build waits for them."""
    problem = cards.missing_fonts_message()
    if problem:
        raise PluginError(problem)
    state.keep_images(*previews.cached_images(state.current(), config.site_name, preview_cache_dir(config)))


def cache_dir(config) -> Path:
    """What builds keep for later builds (extra.cache_dir, git-ignored, safe to delete)."""
    return PROJECT / config.extra.get("cache_dir", ".cache")


def preview_cache_dir(config) -> Path:
    return cache_dir(config) / "previews"


def on_files(files, config):
    made = pages.all_files(state.current(), config.site_url or "", config.site_name, cache_dir(config) / "data-files")
    for virtual in made:
        content = virtual.content
        if virtual.path.endswith(".md"):
            content = state.html_blocks().defer(content)
        generated = File.generated(config, virtual.path, content=content)
        generated.edit_uri = virtual.source
        files.append(generated)
    for file in files:
        if file.generated_by is None and file.is_documentation_page():
            file.edit_uri = "docs/" + file.src_uri
    return files


def compiled_templates(config, environment: str) -> Path:
    """One folder per Jinja environment: the theme's and ours compile the same file (_social.html) differently."""
    folder = cache_dir(config) / "jinja" / environment
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def on_env(env, config, files):
    """The theme's templates too are kept compiled between builds (Jinja compiles a changed template again)."""
    env.bytecode_cache = FileSystemBytecodeCache(str(compiled_templates(config, "theme")))
    return env


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


def on_page_content(html, page, config, files):
    return state.html_blocks().restore(html)


def on_page_context(context, page, config, nav):
    """A page built from data opens its YAML file in "Sửa trang này", not the Markdown stub."""
    source = page.meta.get("du_lieu")
    if source and config.repo_url:
        page.edit_url = config.repo_url.rstrip("/") + "/" + config.edit_uri.strip("/") + "/" + source
    return context
