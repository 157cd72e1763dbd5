"""`make site-files DIR=<dir>`: every page already made, which plain MkDocs + Material builds with no hooks and no
plugin of ours into the same pages, with the same text, as the real build (the real commune and the fictional one)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support.paths import BUILD_EPOCH, ROOT, XA_MAU

from macros.publish import config as engine_config
from macros.publish import files

CONFIGS = {"real_site": ROOT / "mkdocs.yml", "xa_mau_site": XA_MAU / "mkdocs.yml"}
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=BUILD_EPOCH)


def site_files(out_dir: Path, config: Path = ROOT / "mkdocs.yml") -> subprocess.CompletedProcess:
    command = [sys.executable, "scripts/site_files.py", str(out_dir), "--config", str(config)]
    return subprocess.run(command, cwd=ROOT, env=ENV, capture_output=True, text=True)


@pytest.fixture(scope="module", params=sorted(CONFIGS))
def twins(request, tmp_path_factory) -> tuple[Path, Path, Path, Path]:
    """(the real build, the site-files folder, that folder built by plain MkDocs, the mkdocs.yml of both)."""
    tree = tmp_path_factory.mktemp("site-files") / "tree"
    made = site_files(tree, CONFIGS[request.param])
    assert made.returncode == 0, made.stderr
    built = tree.parent / "built"
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", "mkdocs.yml", "-d", str(built)]
    plain = subprocess.run(command, cwd=tree, env=ENV, capture_output=True, text=True)
    assert plain.returncode == 0, plain.stdout + plain.stderr
    return request.getfixturevalue(request.param), tree, built, CONFIGS[request.param]


def visible_text(path: Path) -> str:
    page = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
    content = page.select_one("article") or page.select_one("main") or page
    return " ".join(content.get_text(" ").split())


def edit_link(path: Path) -> str | None:
    found = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").find("a", rel="edit")
    return found["href"] if found else None


def pages(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*.html")}


def test_plain_mkdocs_builds_the_same_pages_with_the_same_text(twins):
    real, _, built, _ = twins
    assert pages(built) == pages(real) and len(pages(real)) > 30
    differ = [page for page in sorted(pages(real)) if visible_text(real / page) != visible_text(built / page)]
    assert differ == []


def test_the_same_edit_links_and_files(twins):
    """ "Sửa trang này" comes from front matter; open data, feeds, preview images and the search worker's Vietnamese
    file (with the folding) are the same bytes."""
    real, _, built, _ = twins
    assert {page: edit_link(real / page) for page in pages(real)} == {
        page: edit_link(built / page) for page in pages(built)
    }
    others = {p.relative_to(real).as_posix() for p in real.rglob("*") if p.is_file() and p.suffix != ".html"}
    same_bytes = {
        name
        for name in others
        if name.startswith(("du-lieu/", "assets/previews/", "assets/javascripts/lunr/"))
        or name in ("feed.xml", "rss.xml")
    }
    assert len(same_bytes) > 20
    assert [name for name in sorted(same_bytes) if (real / name).read_bytes() != (built / name).read_bytes()] == []


def test_the_folder_holds_every_page_and_file_already_made(twins):
    _, tree, _, _ = twins
    docs = tree / "docs"
    hand_written = [p for p in docs.rglob("*.md") if (ROOT / "docs" / p.relative_to(docs)).is_file()]
    assert len(hand_written) == len(list((ROOT / "docs").rglob("*.md")))
    assert not [p for p in hand_written if "{{" in p.read_text(encoding="utf-8")], "macros are rendered"
    assert (docs / "ke-hoach" / "i.md").read_text(encoding="utf-8").startswith("---\n")
    assert {"feed.xml", "rss.xml"} <= {p.name for p in docs.iterdir()}
    assert (docs / "du-lieu" / "chi-tieu.csv").is_file() and (docs / "assets" / "previews" / "trang.png").is_file()
    assert (docs / "assets" / "kehoach.css").is_file() and (tree / "overrides" / "_social.html").is_file()


def test_its_configuration_has_no_hooks_and_no_plugin_of_ours(twins):
    _, tree, _, config = twins
    written = (tree / "mkdocs.yml").read_text(encoding="utf-8")
    made, source = engine_config.read(tree / "mkdocs.yml"), engine_config.read(config)
    assert written.startswith(files.MARKER)
    assert "hooks" not in made and made["plugins"] == source["plugins"] == [{"search": {"lang": "vi"}}]
    for key in ("theme", "markdown_extensions", "validation", "extra_css", "extra_javascript"):
        expected = source[key] if key != "theme" else source[key] | {"custom_dir": "overrides"}
        assert made[key] == expected, key
    assert any("ke-hoach/i.md" in str(entry) for entry in made["nav"]), "the plan's pages are in the navigation"


def test_it_replaces_only_a_folder_it_wrote(tmp_path):
    (tmp_path / "ghi-chu.txt").write_text("của người khác", encoding="utf-8")
    result = site_files(tmp_path)
    assert result.returncode == 1 and "không trống" in result.stderr
    assert (tmp_path / "ghi-chu.txt").is_file()
