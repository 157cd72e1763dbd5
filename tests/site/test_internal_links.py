"""No internal link leads nowhere: every href, src, meta refresh and own absolute address of every page, feed and
sitemap of three real builds (the real data, the fixture reports, the fictional second commune) resolves, #anchors
included."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support.links import broken_links
from support.paths import ROOT, XA_MAU

from macros.publish import config as engine_config


def site_url(config: Path) -> str:
    """The address the build used: mkdocs.yml read with the same environment (SITE_URL in CI)."""
    return engine_config.read(config)["site_url"]


@pytest.mark.parametrize("build", ["real_site", "fixture_site", "xa_mau_site"])
def test_every_internal_link_resolves(request, build):
    site = request.getfixturevalue(build)
    config = XA_MAU / "mkdocs.yml" if build == "xa_mau_site" else ROOT / "mkdocs.yml"
    assert broken_links(site, site_url(config)) == []


def test_the_walk_sees_the_links_of_every_kind_of_page(real_site):
    """A target page that loses its file, and a section that loses its id, break the links to them: from the index
    and the plan's pages, the sitemap, and the short link /muc/<id>/ that lands on the section."""
    copy = real_site.parent / "site-real-broken"
    shutil.copytree(real_site, copy, dirs_exist_ok=True)
    (copy / "chi-tieu" / "bao-hiem-y-te" / "index.html").unlink()
    section = copy / "ke-hoach" / "iii-3" / "index.html"
    section.write_text(section.read_text(encoding="utf-8").replace('id="iii-3-3"', 'id="mat"'), encoding="utf-8")
    broken = broken_links(copy, site_url(ROOT / "mkdocs.yml"))
    assert "chi-tieu/index.html: ../chi-tieu/bao-hiem-y-te/ (không có tệp)" in broken
    assert "ke-hoach/iii-3/index.html: ../../chi-tieu/bao-hiem-y-te/ (không có tệp)" in broken
    assert any(
        line.startswith("sitemap.xml: ") and line.endswith("/chi-tieu/bao-hiem-y-te/ (không có tệp)") for line in broken
    )
    assert "muc/iii-3-3/index.html: ../../ke-hoach/iii-3/#iii-3-3 (không có #iii-3-3 trên trang đó)" in broken


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_the_link_check_can_fail(tmp_path):
    """Missing files, folders without a page, anchors that are not on the page, a refresh and an og:url of our own
    that lead nowhere; links to other sites, mail and scripts are not ours to check."""
    write(tmp_path / "a" / "index.html", '<h2 id="co">Có</h2><a name="ten"></a>')
    (tmp_path / "rong").mkdir()
    write(
        tmp_path / "index.html",
        '<meta http-equiv="refresh" content="0; url=khong-co/">'
        '<meta property="og:url" content="https://vi.example/goc/mat/">'
        '<a href="a/">ok</a><a href="a/#co">ok</a><a href="a/#ten">ok</a><a href="/goc/a/index.html">ok</a>'
        '<a href="a/#khong">x</a><a href="rong/">x</a><img src="anh.png"><a href="/khac/">khác</a>'
        '<a href="https://khac.example/">khác</a><a href="mailto:x@y.z">thư</a><a href="#">đầu</a>',
    )
    assert broken_links(tmp_path, "https://vi.example/goc/") == [
        "index.html: khong-co/ (không có tệp)",
        "index.html: https://vi.example/goc/mat/ (không có tệp)",
        "index.html: a/#khong (không có #khong trên trang đó)",
        "index.html: rong/ (không có tệp)",
        "index.html: anh.png (không có tệp)",
    ]
