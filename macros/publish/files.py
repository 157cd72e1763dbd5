"""Every page and file the site makes, as files any engine renders, and the folder `make site-files` writes.

`made_files` is what the MkDocs adapter adds to a build (on_files) and what the site-files folder holds in docs/: the
hand-written pages with their macros rendered, every generated page (macros/site/pages.py), the open data, feeds and
preview images. Each page names in its front matter the address of "Sửa trang này" (`edit_url`), which the theme
override overrides/partials/actions.html shows: the data file the page is made from, or the page's own Markdown.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping
from pathlib import Path

from macros.domain.site_data import SiteData
from macros.files import VirtualFile
from macros.publish import config as engine_config
from macros.publish import front_matter, hand_written, search
from macros.site import identity, pages, previews
from macros.site.render import TEMPLATES

PROJECT = Path(__file__).resolve().parents[2]  # the repository: edit links and the preview cache are relative to it
MARKER = "# Made by `make site-files` (scripts/site_files.py) from the data and docs/: do not edit by hand.\n"


def edit_url(config: Mapping, source: str | None) -> str | None:
    """The page that edits `source` (a path in the repository) on the repository's site: repo_url/edit_uri/source."""
    repo_url, edit_uri = config.get("repo_url"), config.get("edit_uri")
    if not (source and repo_url and edit_uri):
        return None
    return f"{repo_url.rstrip('/')}/{edit_uri.strip('/')}/{source}"


def in_repository(path: Path) -> str:
    """A folder's path in the repository ("docs"), or its own name when it lies outside."""
    try:
        return path.resolve().relative_to(PROJECT).as_posix()
    except ValueError:
        return path.name


def hand_written_pages(
    site: SiteData, config: Mapping, docs_dir: Path, set_aside: Callable[[str], str]
) -> list[VirtualFile]:
    """Every Markdown page of docs/, macros rendered. "Sửa trang này" opens the data file the page names in `du_lieu`,
    else the page itself."""
    made = []
    for path in sorted(docs_dir.rglob("*.md")):
        source = path.relative_to(docs_dir).as_posix()
        text = path.read_text(encoding="utf-8-sig")
        written, meta, body = hand_written.render_page(site, source, text, config, set_aside)
        edits = meta.get("du_lieu") or f"{in_repository(docs_dir)}/{source}"
        made.append(VirtualFile(source, with_edit_link(written, body, config, edits), edits))
    return made


def with_edit_link(written: str, body: str, config: Mapping, source: str | None) -> str:
    link = edit_url(config, source)
    return front_matter.join(written, body, **({"edit_url": link} if link else {}))


def generated_pages(
    site: SiteData, config: Mapping, set_aside: Callable[[str], str], kept: Path | None = None
) -> list[VirtualFile]:
    """The pages and files made from data alone (macros/site/pages.py), Markdown pages with their edit link. `kept`:
    a cache folder for files slow to make (the report template, under data-files/)."""
    made = []
    files_cache = kept / "data-files" if kept else None
    for file in pages.all_files(site, config.get("site_url") or "", site_name(site), files_cache):
        if file.path.endswith(".md"):
            written, _, body = front_matter.split(file.content)
            file = VirtualFile(file.path, set_aside(with_edit_link(written, body, config, file.source)), file.source)
        made.append(file)
    return made


def site_name(site: SiteData) -> str:
    """The site's name as text, from data (the engine's config holds it escaped for the theme)."""
    return identity.site_settings(site.plan)["site_name"]


def made_files(
    site: SiteData,
    config: Mapping,
    docs_dir: Path,
    cache_dir: Path | None,
    set_aside: Callable[[str], str] = hand_written.same,
    *,
    images: bool = True,
    kept: Path | None = None,
) -> list[VirtualFile]:
    """Every page and file of the site that is not copied as it is from docs/ or the theme. `images=False` leaves out
    the preview images (the MkDocs adapter has them drawn alongside the build, macros/adapter/mkdocs_hooks.py)."""
    drawn = previews.image_files(site, site_name(site), cache_dir) if images else []
    made = hand_written_pages(site, config, docs_dir, set_aside) + generated_pages(site, config, set_aside, kept)
    return made + drawn


def write_tree(out_dir: Path, config_path: Path, site: SiteData, cache_dir: Path | None) -> int:
    """<out_dir>/docs (every page and file), <out_dir>/overrides (the theme's overrides, the templates they import
    and the search worker's Vietnamese file) and <out_dir>/mkdocs.yml. Returns the number of files in docs/."""
    config = engine_config.read(config_path)
    docs_dir = config_path.parent / config.get("docs_dir", "docs")
    written = 0
    for file in made_files(site, config, docs_dir, cache_dir):
        written += write(out_dir / "docs" / file.path, file.content)
    for path in sorted(p for p in docs_dir.rglob("*") if p.is_file() and p.suffix != ".md" and not hidden(p, docs_dir)):
        written += write(out_dir / "docs" / path.relative_to(docs_dir), path.read_bytes())
    overrides = out_dir / "overrides"
    copy_overrides(config_path.parent / config.get("theme", {}).get("custom_dir", "overrides"), overrides)
    shipped = search.material_language_file()
    if shipped:  # the theme's search worker language file, with the Vietnamese folding, in place of the theme's own
        write(overrides / search.WORKER_LANGUAGE, search.folded(shipped.read_text(encoding="utf-8"), site))
    settings = engine_config.dump(engine_config.site_files_config(config, site))
    (out_dir / "mkdocs.yml").write_text(MARKER + settings, encoding="utf-8")
    return written


def hidden(path: Path, root: Path) -> bool:
    """A dot file or folder, which MkDocs leaves out of a build."""
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def write(path: Path, content: str | bytes) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return 1


def copy_overrides(custom_dir: Path, out: Path) -> None:
    """The theme's overrides, and the shared head tags (_social.html) that the adapter puts on the theme's path."""
    shutil.copytree(custom_dir, out)
    shutil.copy2(TEMPLATES / "_social.html", out / "_social.html")
