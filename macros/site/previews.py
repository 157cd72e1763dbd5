"""What a shared link shows: each page's description and preview image. Pure: no MkDocs here.

A section's description is the start of its own text; a target's is its promise and its current status. The images
are drawn by macros/site/cards.py; this module decides which image each page gets and what it says.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from macros import urls
from macros.domain import status
from macros.domain.model import Target, Unit
from macros.domain.site_data import SiteData
from macros.files import VirtualFile
from macros.site import bodies, cards
from macros.urls import Urls

DESCRIPTION_CHARS = 160  # what Zalo and Facebook show before they cut
SITE_IMAGE = Urls.site_preview
SITE_TAGLINE = "Toàn văn Kế hoạch, các chỉ tiêu xã cam kết và tiến độ thực hiện"


@dataclass(frozen=True)
class Preview:
    title: str
    description: str
    image: str  # path inside the site


def cut(text: str, limit: int = DESCRIPTION_CHARS) -> str:
    """The start of a text, cut at a word boundary, with "…" when something was left out."""
    words = " ".join(text.split())
    if len(words) <= limit:
        return words
    head = words[: limit - 1].rpartition(" ")[0] or words[: limit - 1]
    return head.rstrip(" ,;:–-") + "…"


def unit_text(unit: Unit) -> str:
    """A section's own words: the sentence after its number or its paragraphs; else the titles of its subsections."""
    own = " ".join([unit.text or "", *(block.text for block in unit.blocks)]).strip()
    if own:
        return own
    return "Gồm: " + "; ".join(f"{child.citation}. {child.title or child.text}" for child in unit.children) + "."


def unit_title(unit: Unit) -> str:
    return f"{unit.citation}. {unit.title or cut(unit.text or '', 90)}"


def anchor_description(site: SiteData, anchor: str) -> str:
    """A unit's own text, or the one paragraph a paragraph anchor points to."""
    unit = site.plan.units[site.plan.anchors[anchor]]
    block = next((block for block in unit.blocks if block.anchor == anchor), None)
    return cut(block.text if block else unit_text(unit))


def target_description(site: SiteData, target: Target) -> str:
    label = status.LABELS[site.assessments[target.id].status]
    tail = f" Tình trạng: {label}."
    return cut(f"Cam kết: “{target.wording}”", DESCRIPTION_CHARS - len(tail) - 1) + "." + tail


def agency_description(site: SiteData, agency_id: str) -> str:
    """The body's roles, in the words of its page (macros/site/bodies.py)."""
    return cut(bodies.description(site.plan, site.plan.agency_by_id[agency_id]))


def unit_image(unit_id: str) -> str:
    return Urls.preview(urls.CITE, unit_id)


def target_image(target_id: str) -> str:
    return Urls.preview(urls.TARGET, target_id)


def anchor_preview(site: SiteData, anchor: str, label: str) -> Preview:
    """label names the anchor ("Mục III.3.3, đoạn 2"); the title adds the section's heading when label lacks it."""
    unit = site.plan.units[site.plan.anchors[anchor]]
    heading = unit.title or cut(unit.text or "", 80)
    title = label if heading in label else f"{label}: {heading}"
    return Preview(title, anchor_description(site, anchor), unit_image(unit.id))


def target_preview(site: SiteData, target_id: str) -> Preview:
    target = site.plan.target_by_id[target_id]
    return Preview(target.name, target_description(site, target), target_image(target_id))


def agency_preview(site: SiteData, agency_id: str) -> Preview:
    return Preview(site.plan.agency_by_id[agency_id].name, agency_description(site, agency_id), SITE_IMAGE)


def period_preview(title: str) -> Preview:
    return Preview(title, f"{title}: tình trạng từng chỉ tiêu theo số liệu báo cáo của kỳ này.", SITE_IMAGE)


def midterm_preview() -> Preview:
    description = "Đánh giá giữa nhiệm kỳ: các chỉ tiêu đã đạt, đúng tiến độ, chậm tiến độ hay chưa có số liệu."
    return Preview("Đánh giá giữa nhiệm kỳ", description, SITE_IMAGE)


def address_preview(site: SiteData, address: str, label: str) -> Preview:
    """The preview of what a published address (muc/<id>, chi-tieu/<id>, don-vi/<id>) points to now."""
    kind, _, key = address.partition("/")
    if kind == urls.CITE:
        return anchor_preview(site, key, label)
    if kind == urls.TARGET:
        return target_preview(site, key)
    return agency_preview(site, key)


def cards_for(site: SiteData, site_name: str) -> list[cards.Card]:
    """One card per section of the plan, one per target, one for every other page."""
    found = [cards.Card(SITE_IMAGE, site_name, site.plan.document.kind.capitalize(), SITE_TAGLINE)]
    found += [
        cards.Card(unit_image(u.id), site_name, f"Mục {u.citation}", unit_title(u)) for u in site.plan.units.values()
    ]
    for target in site.plan.targets:
        key = site.assessments[target.id].status
        kicker = f"Chỉ tiêu · Mục {site.plan.units[target.unit_id].citation}"
        found.append(cards.Card(target_image(target.id), site_name, kicker, target.name, key, status.LABELS[key]))
    return found


def image_files(site: SiteData, site_name: str, cache_dir: Path | None) -> list[VirtualFile]:
    return [VirtualFile(card.path, cards.render(card, cache_dir)) for card in cards_for(site, site_name)]


def cached_images(site: SiteData, site_name: str, cache_dir: Path) -> tuple[dict[str, Path], cards.Drawing]:
    """Each image's path in the site and its file in the cache, with the drawing of those the cache lacks (under
    way in helper processes when there are many; `Drawing.wait` before reading them)."""
    all_cards = cards_for(site, site_name)
    return {card.path: cards.cached_path(card, cache_dir) for card in all_cards}, cards.start(all_cards, cache_dir)
