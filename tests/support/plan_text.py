"""The plan's published text: the source as received, its sentences, and the ids the site has published."""

from __future__ import annotations

import re

from support.paths import ROOT

SOURCE = ROOT / "data" / "nguon" / "ke-hoach-vinh-phong-2025-2030.txt"
PUBLISHED_IDS = [
    "i",
    "i-1",
    "i-2",
    "i-3",
    "ii",
    "ii-1",
    "ii-2",
    "iii",
    "iii-1",
    "iii-2",
    "iii-2-1",
    "iii-2-2",
    "iii-2-3",
    "iii-2-4",
    "iii-2-5",
    "iii-2-6",
    "iii-2-7",
    "iii-3",
    "iii-3-1",
    "iii-3-2",
    "iii-3-3",
    "iii-3-4",
    "iii-3-5",
    "iii-3-6",
    "iii-4",
    "iii-5",
    "iii-6",
    "iii-7",
    "iii-8",
    "v",
    "v-1",
    "v-2",
    "v-3",
    "v-4",
    "v-5",
    "v-6",
]
LOWER_START = re.compile(r"^[a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]")


def source_paragraphs() -> list[str]:
    """Paragraphs of the official text, with the 9 page-break splits joined back together."""
    paragraphs: list[str] = []
    joined = 0
    for line in SOURCE.read_text(encoding="utf-8").replace("**", "").splitlines():
        line = line.strip()
        if not line:
            continue
        if paragraphs and LOWER_START.match(line) and not paragraphs[-1].endswith((".", ":", ";")):
            paragraphs[-1] += " " + line
            joined += 1
        else:
            paragraphs.append(line)
    assert joined == 9, "the source has exactly 9 paragraphs split by a page break"
    return paragraphs


def sentences() -> list[str]:
    found = []
    for paragraph in source_paragraphs():
        text = paragraph.removeprefix("- ")
        found += [s for s in re.split(r"(?<=[.;:!?])\s+", text) if s.strip()]
    return found


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
