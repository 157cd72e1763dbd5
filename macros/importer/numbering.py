"""The numbering of Vietnamese administrative documents, read from the start of a paragraph.

Units: "Phần thứ nhất" / "PHẦN I", "A.", "I.", "1.", "1.1.", "2.3.1.", "a)". Blocks: "-" (a bullet); "+", "*"
and "(1)" lines stay paragraphs with their mark. Each unit has a rank (a part holds letters, a letter holds roman
numerals, and so on down to a) items) and the key its citation id is made from ("iii", "2-1", "a", "phan-1").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ORDINALS = {"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}
ORDINALS["mười"] = 10
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
ROMAN = re.compile(r"^(X{0,3})(IX|IV|V?I{0,3})$")

PART = re.compile(r"^(phần\s+(?:thứ\s+)?(\S+?))\s*[.:\-–]?(?:\s+(.*))?$", re.IGNORECASE)
UPPER = re.compile(r"^([A-HJ-UW-Z])\s*[.\-–)]\s*(\S.*)$")  # I, V, X are roman numerals
ROMAN_LINE = re.compile(r"^([IVXL]+)\s*[.\-–/]\s*(\S.*)?$")
DOTTED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\.?\s*(\S.*)$")
NUMBER = re.compile(r"^(\d{1,2})\s*[.)\-–]\s*(\S.*)$")
LOWER = re.compile(r"^([a-zđ])\s*[).]\s*(\S.*)$")
BULLET = re.compile(r"^[-–—−•·]\s*(\S.*)$")
KEEP_MARK = re.compile(r"^(\+|\*|\(\d{1,2}\))\s*\S")  # sub-bullets and (1) items: paragraphs, mark kept
STARTS_WORD = re.compile(r"^([^\W\d_]|[“\"'(])")  # what follows a number is a word, not "%" or another digit

PART_RANK, UPPER_RANK, ROMAN_RANK, DECIMAL_RANK, LETTER_RANK = 0, 1, 2, 3, 10


@dataclass(frozen=True)
class Marker:
    kind: str  # "phan", "chu-hoa", "la-ma", "so", "chu" (units); "gach" (a bullet)
    number: str  # as the document writes it, without its delimiter: "Phần thứ nhất", "I", "2.1", "a"
    key: str  # the part of the citation id it gives: "phan-1", "i", "2-1", "a"
    rest: str  # the text after the number
    rank: float

    @property
    def decimal(self) -> bool:
        return self.kind == "so"


ROMAN_LETTERS = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                 (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip


def roman(number: int) -> str:
    """4 -> "IV": a number as a document writes it in roman numerals."""
    found = ""
    for value, letters in ROMAN_LETTERS:
        while number >= value:
            found, number = found + letters, number - value
    return found


def roman_value(text: str) -> int | None:
    if not text or not ROMAN.match(text):
        return None
    values = [ROMAN_VALUES[char] for char in text]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def part_number(word: str) -> int | None:
    word = word.lower().rstrip(".:")
    if word.isdigit():
        return int(word)
    return ORDINALS.get(word) or roman_value(word.upper())


def _part(text: str) -> Marker | None:
    found = PART.match(text)
    value = part_number(found[2]) if found else None
    if value is None:
        return None
    return Marker("phan", found[1], f"phan-{value}", (found[3] or "").strip(), PART_RANK)


def _roman(text: str) -> Marker | None:
    found = ROMAN_LINE.match(text)
    if not found or roman_value(found[1]) is None:
        return None
    return Marker("la-ma", found[1], found[1].lower(), (found[2] or "").strip(), ROMAN_RANK)


def _decimal(text: str) -> Marker | None:
    found = DOTTED.match(text) or NUMBER.match(text)
    if not found or not STARTS_WORD.match(found[2]):
        return None
    depth = found[1].count(".")
    return Marker("so", found[1], found[1].replace(".", "-"), found[2].strip(), DECIMAL_RANK + depth)


def _letter(text: str) -> Marker | None:
    found = LOWER.match(text)
    if not found or not STARTS_WORD.match(found[2]):
        return None
    key = "dd" if found[1] == "đ" else found[1]
    return Marker("chu", found[1], key, found[2].strip(), LETTER_RANK)


def _upper(text: str) -> Marker | None:
    found = UPPER.match(text)
    if not found or not STARTS_WORD.match(found[2]):
        return None
    return Marker("chu-hoa", found[1], found[1].lower(), found[2].strip(), UPPER_RANK)


def _bullet(text: str) -> Marker | None:
    found = BULLET.match(text)
    return Marker("gach", "-", "", found[1].strip(), 99) if found else None


READERS = (_part, _roman, _decimal, _letter, _upper, _bullet)


def marker(text: str) -> Marker | None:
    """The numbering a paragraph starts with, if any. Paragraphs that keep their mark ("+ …", "(1) …") have none."""
    if KEEP_MARK.match(text):
        return None
    return next((found for read in READERS if (found := read(text))), None)
