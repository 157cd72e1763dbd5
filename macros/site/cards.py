"""Preview images (1200×630 PNG) for link previews in Zalo and Facebook, drawn offline with Pillow.

Set in DejaVu Sans (Debian fonts-dejavu-core, installed by `make fonts`): it has every Vietnamese letter as a
precomposed glyph, so text is normalised to NFC and laid out with Pillow's basic engine, which gives the same
pixels on every machine (raqm would depend on the system's fribidi and harfbuzz). Drawing is the slow part of
a build, so each image is kept in a cache folder under a hash of everything that goes into it, and the images the
cache lacks are drawn by helper processes while the build goes on (`start`, then `Drawing.wait`).

Pillow is imported only where an image is drawn: a build whose images are all in the cache never loads it.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
import unicodedata
from dataclasses import asdict, dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path

WIDTH, HEIGHT = 1200, 630
MARGIN = 72
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {"regular": FONT_DIR / "DejaVuSans.ttf", "bold": FONT_DIR / "DejaVuSans-Bold.ttf"}
DESIGN = 3  # bump when the drawing below changes, so cached images are redrawn
# The PNGs are saved with a palette (`png`): one byte a pixel, no filtering to choose, so level 6 quantizes and saves
# an image in about 7 ms (an RGB PNG took 50 ms at level 9, 10 ms at level 3) into about 17 KiB instead of 37 KiB.
COMPRESS_LEVEL = 6
SHADES = 31  # anti-aliasing steps from each ink to the paper; (1 + len(STATUS_INK) + 2) inks × 31 ≤ 256 colours
# Fewer missing images than this are drawn in the build's own process: starting a helper costs more than it saves.
HELPERS_FROM = 8
MAX_HELPERS = 4
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
def font(weight: str, size: int):
    from PIL import ImageFont

    return ImageFont.truetype(str(FONTS[weight]), size, layout_engine=ImageFont.Layout.BASIC)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def wrap(text: str, face, width: int, max_lines: int) -> list[str]:
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


def _status(draw, card: Card, top: int) -> None:
    """A framed label: the word carries the meaning, the frame's colour only repeats it."""
    face = font("bold", 40)
    text = f"Tình trạng: {nfc(card.status_label or '')}"
    box = draw.textbbox((MARGIN + 28, top + 18), text, font=face)
    draw.rounded_rectangle((MARGIN, top, box[2] + 28, box[3] + 22), radius=18, outline=STATUS_INK[card.status], width=6)
    draw.text((MARGIN + 28, top + 18), text, font=face, fill=STATUS_INK[card.status])


def draw(card: Card) -> bytes:
    return png(picture(card))


def picture(card: Card):
    """The card as a Pillow image."""
    from PIL import Image, ImageDraw

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
    return image


def png(image) -> bytes:
    """The picture as a palette PNG: every pixel is an ink, the paper, or one of SHADES steps between them (all the
    anti-aliased edges there are, since no ink is drawn over another), at most 7/255 from the drawn colour."""
    from PIL import Image

    small = image.quantize(palette=_palette(), dither=Image.Dither.NONE)
    out = io.BytesIO()
    small.save(out, format="PNG", compress_level=COMPRESS_LEVEL)
    return out.getvalue()


@cache
def _palette():
    from PIL import Image, ImageColor

    colours = []
    for ink in (INK, BRAND, MUTED, *STATUS_INK.values()):
        red, green, blue = ImageColor.getrgb(ink)
        for step in range(SHADES):
            share = step / (SHADES - 1)  # 0: the ink itself, 1: the paper
            colours += [round(channel + (255 - channel) * share) for channel in (red, green, blue)]
    palette = Image.new("P", (1, 1))
    palette.putpalette(colours + [255, 255, 255] * (256 - len(colours) // 3))
    return palette


@cache
def _fonts_digest() -> str:
    digest = hashlib.sha256()
    for path in FONTS.values():
        digest.update(path.read_bytes())
    return digest.hexdigest()


@cache
def _pillow_version() -> str:
    return version("Pillow")


def cache_key(card: Card) -> str:
    inputs = {"card": asdict(card), "design": DESIGN, "pillow": _pillow_version(), "fonts": _fonts_digest()}
    return hashlib.sha256(json.dumps(inputs, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def cached_path(card: Card, cache_dir: Path) -> Path:
    return cache_dir / f"{cache_key(card)}.png"


def store(png: bytes, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    partial.write_bytes(png)
    partial.replace(path)  # two builds or helpers at once never read half a file


def render(card: Card, cache_dir: Path | None) -> bytes:
    """The PNG of a card, drawn only when the cache has no image for exactly these inputs."""
    if cache_dir is None:
        return draw(card)
    cached = cached_path(card, cache_dir)
    if cached.is_file():
        return cached.read_bytes()
    png = draw(card)
    store(png, cached)
    return png


@dataclass(frozen=True)
class Drawing:
    """Images being drawn into the cache: `wait` returns once every one of them is there."""

    missing: tuple[tuple[Card, Path], ...]
    helpers: tuple[subprocess.Popen, ...] = ()

    def wait(self) -> str | None:
        """None when every image is drawn; else why not, in words for whoever runs the build."""
        errors = [helper.stderr.read() for helper in self.helpers]
        if any([helper.wait() for helper in self.helpers]):  # a list: every helper is waited for
            return "Không vẽ được ảnh xem trước:\n" + "\n".join(error for error in errors if error)
        if not self.helpers:
            for card, path in self.missing:
                store(draw(card), path)
        lost = [str(path) for _, path in self.missing if not path.is_file()]
        return f"Ảnh xem trước không được ghi vào bộ nhớ đệm: {', '.join(lost)}" if lost else None


def start(all_cards: list[Card], cache_dir: Path) -> Drawing:
    """Start drawing the images the cache lacks. Many are shared out among helper processes (one per core, up to
    MAX_HELPERS) that draw while the build goes on; a few are drawn by `wait`, in this process. Each image is drawn
    on its own from its card, so its bytes are the same whichever process draws it."""
    missing = tuple((card, path) for card in all_cards if not (path := cached_path(card, cache_dir)).is_file())
    if len(missing) < HELPERS_FROM:
        return Drawing(missing)
    count = min(os.cpu_count() or 1, MAX_HELPERS)
    return Drawing(missing, tuple(_helper(missing[number::count]) for number in range(count)))


def _helper(share: tuple[tuple[Card, Path], ...]) -> subprocess.Popen:
    """A fresh Python process (not a fork of the build, which may run threads) drawing the cards it reads as JSON
    lines on its standard input."""
    helper = subprocess.Popen(
        [sys.executable, "-m", "macros.site.cards"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    for card, path in share:
        helper.stdin.write(json.dumps({"card": asdict(card), "path": str(path)}, ensure_ascii=False) + "\n")
    helper.stdin.close()  # the helper reads everything before it draws, so these writes never wait for drawing
    return helper


def draw_requested(text: str) -> None:
    """What a helper does: one JSON line per image, {"card": {...}, "path": "..."}; each is drawn and stored."""
    for line in text.splitlines():
        request = json.loads(line)
        store(draw(Card(**request["card"])), Path(request["path"]))


if __name__ == "__main__":
    draw_requested(sys.stdin.read())
