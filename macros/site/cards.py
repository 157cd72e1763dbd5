"""Preview images (1200×630 PNG) for link previews in Zalo and Facebook, drawn offline with Pillow.

Set in DejaVu Sans (Debian fonts-dejavu-core, installed by `make fonts`): it has every Vietnamese letter as a
precomposed glyph, so text is normalised to NFC and laid out with Pillow's basic engine, which gives the same
pixels on every machine (raqm would depend on the system's fribidi and harfbuzz). Drawing is the slow part of
a build, so each image is kept in a cache folder under a hash of everything that goes into it.
"""

from __future__ import annotations

import hashlib
import io
import json
import unicodedata
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

import PIL
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
MARGIN = 72
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {"regular": FONT_DIR / "DejaVuSans.ttf", "bold": FONT_DIR / "DejaVuSans-Bold.ttf"}
DESIGN = 1  # bump when the drawing below changes, so cached images are redrawn
INK, BRAND, MUTED, PAPER = "#1a1a1a", "#283593", "#424242", "#ffffff"
# Status colours of the site (docs/assets/kehoach.css); the status is always written out in words as well.
STATUS_INK = {
    "da-dat": "#1b5e20",
    "dung-tien-do": "#0d47a1",
    "cham-tien-do": "#8a4b00",
    "khong-dat": "#b71c1c",
    "chua-co-so-lieu": "#424242",
}


@dataclass(frozen=True)
class Card:
    """What one preview image shows. `path` is where it is published in the site."""

    path: str
    site_name: str
    kicker: str  # "Mục III.3.3", "Chỉ tiêu · Mục III.3.3"
    title: str
    status: str | None = None  # a status key, for targets
    status_label: str | None = None


def missing_fonts_message() -> str | None:
    """Why preview images cannot be drawn on this machine, in the words a clerk can act on; None when they can."""
    missing = [str(path) for path in FONTS.values() if not path.is_file()]
    if not missing:
        return None
    return (
        f"Không có phông chữ {', '.join(missing)} để vẽ ảnh xem trước. "
        "Chạy `make fonts` (cài gói Debian fonts-dejavu-core) rồi dựng lại."
    )


@cache
def font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS[weight]), size, layout_engine=ImageFont.Layout.BASIC)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int, max_lines: int) -> list[str]:
    """Greedy word wrap; the last line ends with "…" when the text is longer than max_lines."""
    lines: list[str] = []
    for word in nfc(text).split():
        if lines and face.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    if len(lines) <= max_lines:
        return lines
    last = lines[max_lines - 1]
    while last and face.getlength(last + " …") > width:
        last = last.rpartition(" ")[0]
    return [*lines[: max_lines - 1], f"{last} …"]


def _status(draw: ImageDraw.ImageDraw, card: Card, top: int) -> None:
    """A framed label: the word carries the meaning, the frame's colour only repeats it."""
    face = font("bold", 40)
    text = f"Tình trạng: {nfc(card.status_label or '')}"
    box = draw.textbbox((MARGIN + 28, top + 18), text, font=face)
    draw.rounded_rectangle((MARGIN, top, box[2] + 28, box[3] + 22), radius=18, outline=STATUS_INK[card.status], width=6)
    draw.text((MARGIN + 28, top + 18), text, font=face, fill=STATUS_INK[card.status])


def draw(card: Card) -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, 24, HEIGHT), fill=BRAND)
    pen.text((MARGIN, 56), nfc(card.site_name), font=font("bold", 34), fill=BRAND)
    pen.text((MARGIN, 120), nfc(card.kicker), font=font("regular", 40), fill=MUTED)
    title_face = font("bold", 58)
    lines = wrap(card.title, title_face, WIDTH - 2 * MARGIN, 4 if card.status is None else 3)
    for number, line in enumerate(lines):
        pen.text((MARGIN, 200 + number * 76), line, font=title_face, fill=INK)
    if card.status:
        _status(pen, card, HEIGHT - 150)
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=9)
    return out.getvalue()


@cache
def _fonts_digest() -> str:
    digest = hashlib.sha256()
    for path in FONTS.values():
        digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key(card: Card) -> str:
    inputs = {"card": asdict(card), "design": DESIGN, "pillow": PIL.__version__, "fonts": _fonts_digest()}
    return hashlib.sha256(json.dumps(inputs, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def render(card: Card, cache_dir: Path | None) -> bytes:
    """The PNG of a card, drawn only when the cache has no image for exactly these inputs."""
    if cache_dir is None:
        return draw(card)
    cached = cache_dir / f"{cache_key(card)}.png"
    if cached.is_file():
        return cached.read_bytes()
    png = draw(card)
    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(".tmp")
    partial.write_bytes(png)
    partial.replace(cached)  # two builds at once never read half a file
    return png
