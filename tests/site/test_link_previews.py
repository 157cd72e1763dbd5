"""Link previews as Zalo and Facebook read them: the tags in the head of every built page, and the images they name.

The crawlers fetch one address and read its <head>; they do not run scripts and often do not follow a meta refresh,
so the /muc/<id>/ pages are checked as files, exactly as served.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image
from support.build import build_site
from support.data import copy_data, patch
from support.paths import BUILD_EPOCH, ROOT

from macros.site import cards, previews

SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000/")
REQUIRED = (
    "og:title",
    "og:description",
    "og:url",
    "og:type",
    "og:locale",
    "og:site_name",
    "og:image",
    "og:image:width",
    "og:image:height",
)
VIETNAMESE = "Ệ ỗ ự đ"


def head_tags(path: Path) -> dict[str, str]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
    found = {}
    for meta in soup.head.find_all("meta"):
        key = meta.get("property") or meta.get("name")
        if key:
            assert key not in found, f"{path}: {key} twice"
            found[key] = meta.get("content", "")
    return found


def html_pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html") if "assets" not in path.relative_to(site).parts)


@pytest.fixture(scope="module")
def heads(real_site) -> dict[str, dict[str, str]]:
    return {str(path.relative_to(real_site)): head_tags(path) for path in html_pages(real_site)}


def test_every_page_has_its_preview_tags(heads):
    assert len(heads) > 100
    for page, tags in heads.items():
        missing = [key for key in (*REQUIRED, "description", "twitter:card") if not tags.get(key)]
        assert not missing, f"{page}: no {missing}"
        assert tags["og:locale"] == "vi_VN" and tags["twitter:card"] == "summary_large_image", page
        assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630"), page
        assert tags["og:description"] == tags["description"], page


def test_every_preview_image_is_a_1200_by_630_png(real_site, heads):
    for page, tags in heads.items():
        image = tags["og:image"]
        assert image.startswith(SITE_URL), (page, image)
        path = real_site / image.removeprefix(SITE_URL)
        assert path.is_file(), f"{page}: {image} was not built"
        with Image.open(path) as png:
            assert (png.format, png.size) == ("PNG", (1200, 630)), (page, image)


def test_og_url_is_the_address_of_the_page_itself(heads):
    for page, tags in heads.items():
        if page == "404.html":
            continue
        own = SITE_URL + page.removesuffix("index.html")
        assert tags["og:url"] == own, (page, tags["og:url"])


def test_section_descriptions_are_their_own_text_and_differ(real_site_data, heads):
    sections = {page: tags["description"] for page, tags in heads.items() if page.startswith("ke-hoach/")}
    assert len(sections) >= 12
    assert len(set(sections.values())) == len(sections), sections
    plan = real_site_data.plan
    described = heads["ke-hoach/iii-4/index.html"]["description"].removesuffix("…")
    assert plan.units["iii-4"].blocks[0].text.startswith(described)
    assert len(described) <= previews.DESCRIPTION_CHARS


def test_a_muc_page_previews_the_section_it_points_to(real_site_data, heads):
    """Facebook re-reads og:url: pointing it at /ke-hoach/iii-3/#iii-3-3 would preview III.3, not III.3.3."""
    tags = heads["muc/iii-3-3/index.html"]
    unit = real_site_data.plan.units["iii-3-3"]
    assert tags["og:url"] == SITE_URL + "muc/iii-3-3/"
    assert "III.3.3" in tags["og:title"] and unit.title in tags["og:title"]
    assert unit.blocks[0].text.startswith(tags["description"].removesuffix("…"))
    assert tags["og:image"] == SITE_URL + "assets/previews/muc/iii-3-3.png"
    paragraph = heads["muc/iii-3-3-d2/index.html"]
    assert unit.blocks[1].text.startswith(paragraph["description"].removesuffix("…"))
    assert paragraph["description"] != tags["description"]


def test_a_target_page_gives_its_promise_and_status(real_site_data, heads):
    tags = heads["chi-tieu/bao-hiem-y-te/index.html"]
    target = real_site_data.plan.target_by_id["bao-hiem-y-te"]
    assert target.wording[:40] in tags["description"]
    assert tags["description"].endswith("Tình trạng: Chưa có số liệu.")
    assert tags["og:image"].endswith("assets/previews/chi-tieu/bao-hiem-y-te.png")


def test_descriptions_from_data_are_escaped():
    """Quotes and angle brackets in the plan's text never break out of the content attribute."""
    from macros.site.render import environment

    macro = environment().get_template("_social.html").module.tags
    html = str(macro('Mục "1" <b>', 'a "b" <script>', "https://x/", "https://x/a.png", "S&S"))
    assert "<script>" not in html and "<b>" not in html
    tags = BeautifulSoup(html, "lxml").find_all("meta")
    assert {t.get("property") or t.get("name"): t["content"] for t in tags}["og:description"] == 'a "b" <script>'


def test_the_cut_stops_at_a_word_boundary():
    text = "Tăng cường lãnh đạo, chỉ đạo công tác quốc phòng, an ninh"
    assert previews.cut(text, 30) == "Tăng cường lãnh đạo, chỉ đạo…"
    assert previews.cut(text, 200) == text


# --- the images themselves -------------------------------------------------------------------------------------


def glyph(text: str, size: int = 64) -> bytes:
    face = cards.font("bold", size)
    image = Image.new("L", (size * 4, size * 2), 0)
    from PIL import ImageDraw

    ImageDraw.Draw(image).text((8, 8), text, font=face, fill=255)
    return image.tobytes()


@pytest.mark.parametrize("letter", VIETNAMESE.split())
def test_the_font_draws_every_vietnamese_letter(letter):
    """A letter the font lacks comes out as the same empty box as any unassigned code point."""
    missing = glyph("\U0010fffd")
    assert glyph(letter) != missing, f"{letter} is drawn as a missing glyph"
    assert any(glyph(letter)), letter


def test_diacritics_are_drawn_not_dropped():
    """ "Ệ" must differ from "E" and from "Ê" (both marks drawn), "đ" from "d"."""
    assert len({glyph("E"), glyph("Ê"), glyph("Ẹ"), glyph("Ệ")}) == 4
    assert glyph("đ") != glyph("d") and glyph("ự") != glyph("ư") != glyph("u")


def test_decomposed_text_draws_like_composed_text():
    card = cards.Card("x.png", "Xã", "Mục I", unicodedata.normalize("NFD", VIETNAMESE))
    composed = cards.Card("x.png", "Xã", "Mục I", VIETNAMESE)
    assert cards.draw(card) == cards.draw(composed)


def test_images_are_cached_and_deterministic(tmp_path):
    card = cards.Card("x.png", "Kế hoạch", "Mục III.3.3", VIETNAMESE, "chua-co-so-lieu", "Chưa có số liệu")
    first = cards.render(card, tmp_path)
    cached = list(tmp_path.iterdir())
    assert len(cached) == 1 and cached[0].read_bytes() == first
    cached[0].write_bytes(b"sentinel")  # a second render must read the cache, not draw again
    assert cards.render(card, tmp_path) == b"sentinel"
    assert cards.draw(card) == first
    other = cards.Card("x.png", "Kế hoạch", "Mục III.3.3", VIETNAMESE, "da-dat", "Đã đạt")
    assert cards.cache_key(other) != cards.cache_key(card)


def test_builds_from_an_empty_and_a_full_cache_are_byte_identical(real_site, tmp_path):
    """The first build draws every image, writes the report template and compiles every template into an empty
    cache; the second reads them all back. Both must be the site, byte for byte, as the session's build made it."""
    cache = tmp_path / "cache"
    first = build_site(tmp_path / "first", cache_dir=cache)
    assert len(list((cache / "previews").glob("*.png"))) > 50
    assert list((cache / "data-files").glob("*.xlsx")) and list((cache / "jinja").rglob("*.cache"))
    second = build_site(tmp_path / "second", cache_dir=cache)

    def digests(site):
        return {
            str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest() for p in site.rglob("*") if p.is_file()
        }

    assert digests(first) == digests(second) == digests(real_site)
    # The theme and our pages compile the same file (_social.html) with different settings: one folder each.
    site, theme = ({p.name: p.read_bytes() for p in (cache / "jinja" / name).iterdir()} for name in ("site", "theme"))
    shared = site.keys() & theme.keys()
    assert shared and all(site[name] != theme[name] for name in shared)
    with Image.open(io.BytesIO((real_site / previews.SITE_IMAGE).read_bytes())) as png:
        assert png.size == (1200, 630)


def many_cards(count: int) -> list[cards.Card]:
    statuses = list(cards.STATUS_INK)
    return [
        cards.Card(f"x{n}.png", "Kế hoạch", f"Mục III.{n}", f"{VIETNAMESE} số {n}", statuses[n % 5], f"Tình trạng {n}")
        for n in range(count)
    ]


def test_images_drawn_by_helper_processes_are_the_ones_drawn_here(tmp_path):
    """Many missing images are shared out among helper processes; each comes out byte for byte as drawn in-process."""
    wanted = many_cards(cards.HELPERS_FROM + 3)
    drawing = cards.start(wanted, tmp_path)
    assert drawing.helpers, "this many images are drawn by helpers"
    assert drawing.wait() is None
    for card in wanted:
        assert cards.cached_path(card, tmp_path).read_bytes() == cards.draw(card), card.title
    assert sorted(path.suffix for path in tmp_path.iterdir()) == [".png"] * len(wanted)  # no half-written file left
    assert not cards.start(wanted, tmp_path).missing  # all in the cache now: nothing to draw


def test_a_few_images_are_drawn_in_the_build_itself(tmp_path):
    wanted = many_cards(cards.HELPERS_FROM - 1)
    drawing = cards.start(wanted, tmp_path)
    assert drawing.helpers == () and len(drawing.missing) == len(wanted)
    assert drawing.wait() is None
    assert all(cards.cached_path(card, tmp_path).is_file() for card in wanted)


def test_a_helper_that_fails_is_reported(tmp_path):
    broken = [dataclasses.replace(card, status="khong-co-trang-thai-nay") for card in many_cards(cards.HELPERS_FROM)]
    problem = cards.start(broken, tmp_path).wait()
    assert problem is not None and problem.startswith("Không vẽ được ảnh xem trước:")
    assert "khong-co-trang-thai-nay" in problem  # the helper's own error, for whoever runs the build


REPORT = """bao_cao:
  - chi_tieu: bao-hiem-y-te
    ky: 2026-Q3
    gia_tri: 95
    ngay: 2026-09-30
    nguon: "Báo cáo mẫu (kiểm thử)"
    don_vi_bao_cao: thong-ke-co-so"""


def run_cache_script(*args: str, data: Path, cache: Path) -> str:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=BUILD_EPOCH)
    env |= {"DATA_DIR": str(data), "CACHE_DIR": str(cache)}
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "preview_cache.py"), *args], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_ci_cache_key_follows_the_images_the_build_needs(tmp_path):
    """scripts/preview_cache.py: the key of .cache/previews/ in CI changes when an image would, and only then."""
    data = copy_data(tmp_path)
    first = run_cache_script("key", data=data, cache=tmp_path / "cache")
    assert first.startswith(f"key=previews-d{cards.DESIGN}-") and f"\nprefix=previews-d{cards.DESIGN}-\n" in first
    patch(data, "co-quan.yml", "co_quan:", "co_quan:  # một ghi chú, không đổi ảnh nào")
    assert run_cache_script("key", data=data, cache=tmp_path / "cache") == first
    patch(data, "cap-nhat/2026.yml", "bao_cao: []", REPORT)  # bao-hiem-y-te gets a status, so a new image
    assert run_cache_script("key", data=data, cache=tmp_path / "cache") != first


def test_pruning_keeps_exactly_the_images_of_this_build(tmp_path):
    data, cache = copy_data(tmp_path), tmp_path / "cache"
    build_site(tmp_path / "site", data_dir=data, cache_dir=cache)
    used = sorted(path.name for path in (cache / "previews").iterdir())
    (cache / "previews" / f"{'0' * 64}.png").write_bytes(b"an image of an older build")
    printed = run_cache_script("prune", data=data, cache=cache)
    assert sorted(path.name for path in (cache / "previews").iterdir()) == used
    assert f"Đã bỏ 1 ảnh không dùng; giữ {len(used)} ảnh" in printed


LOADED = """
import sys
from mkdocs.__main__ import cli
cli.main(args=["build", "--strict", "--quiet", "-d", sys.argv[1]], standalone_mode=False)
print(" ".join(name for name in ("PIL.Image", "openpyxl", "macros.site.cards") if name in sys.modules))
"""


def test_a_build_with_everything_cached_loads_neither_pillow_nor_openpyxl(tmp_path):
    """Pillow draws missing images and openpyxl writes a changed report template: a build that has both in its cache
    (the second of two) needs neither. The first, with an empty cache, uses both."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=BUILD_EPOCH, CACHE_DIR=str(tmp_path / "cache"))

    def loaded(out: str) -> str:
        result = subprocess.run([sys.executable, "-c", LOADED, str(tmp_path / out)], cwd=ROOT, env=env, **TEXT)
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    assert "openpyxl" in loaded("first").split()  # which loads PIL.Image too; images are drawn by helper processes
    assert loaded("second") == "macros.site.cards"


TEXT = {"capture_output": True, "text": True}


@pytest.mark.parametrize("status", [None, *cards.STATUS_INK])
def test_the_palette_png_shows_the_card_as_drawn(status):
    """Saved with a palette of the inks and their anti-aliasing shades: every pixel within 8/255 of the drawing."""
    from PIL import ImageChops

    card = cards.Card("x.png", "Kế hoạch", "Mục III.3.3", VIETNAMESE, status, status and f"Tình trạng {status}")
    drawn = cards.picture(card)
    with Image.open(io.BytesIO(cards.draw(card))) as saved:
        assert saved.mode == "P"
        difference = ImageChops.difference(drawn, saved.convert("RGB"))
    assert max(high for _, high in difference.getextrema()) <= 8
