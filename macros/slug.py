"""Heading slugs for Vietnamese: "đ" becomes "d" (the default slugify drops it: "Bảo đảm" -> "bao-am")."""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Vietnamese text without diacritics: "Bảo đảm" -> "Bao dam"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def slugify(value: str, separator: str = "-") -> str:
    words = re.findall(r"[a-z0-9]+", fold(value).lower())
    return separator.join(words)
