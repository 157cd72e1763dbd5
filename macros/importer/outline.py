"""The plan's parts and units from its numbering, with the citation ids the site publishes (`/muc/iii-2-1/`).

A unit's id is its parent's id and its own key ("iii" + "1" -> "iii-1"); a decimal number carries its whole path
("2.1" under "III" -> "iii-2-1"), so it hangs from the nearest unit that is not decimal. The text after a number is
the unit's title when it reads as one (short, one phrase, or in capitals), else the unit's own paragraph
(`van_ban`). Paragraphs and bullets ("-") under a unit are its blocks (`noi_dung`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from macros.importer.commitments import paragraph_commitments
from macros.importer.numbering import Marker, marker

TWO_SENTENCES = re.compile(r"[.!?]\s+\S")
HEADING_CHARS = 200  # a title longer than this is a paragraph


def shouting(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return bool(letters) and all(char.isupper() for char in letters)


def is_heading(text: str) -> bool:
    """ "Nhiệm vụ trọng tâm", "MỤC ĐÍCH, YÊU CẦU", "Mục đích.": a title; a sentence or two is a paragraph, and so is
    a short sentence that states a commitment ("a) Tỷ lệ hộ nghèo còn dưới 2%."): a title would never be suggested."""
    if shouting(text):
        return True
    if len(text) > HEADING_CHARS or TWO_SENTENCES.search(text):
        return False
    if text.endswith((".", ";")) and paragraph_commitments(text):
        return False
    return not (text.endswith((".", ";")) and len(text) > 40)


@dataclass
class Node:
    id: str
    number: str
    rank: float
    decimal: bool
    title: str | None = None
    text: str | None = None
    blocks: list[dict] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    awaiting_title: bool = False

    @property
    def bare(self) -> bool:
        """A title and nothing under it yet."""
        return not (self.text or self.blocks or self.children)

    def as_yaml(self) -> dict:
        found = {"id": self.id, "so": self.number}
        found |= {"tieu_de": self.title} if self.title else {}
        found |= {"van_ban": self.text} if self.text else {}
        found |= {"noi_dung": self.blocks} if self.blocks else {}
        return found | ({"muc": [child.as_yaml() for child in self.children]} if self.children else {})


class Outline:
    """Units built paragraph by paragraph, in the document's order."""

    def __init__(self) -> None:
        self.parts: list[Node] = []
        self.stack: list[Node] = []
        self.ids: set[str] = set()

    def add(self, paragraph: str) -> None:
        found = marker(paragraph)
        if found and found.kind != "gach":
            self.open(found)
        elif self.stack and self.stack[-1].awaiting_title and not found and is_heading(paragraph):
            self.stack[-1].title, self.stack[-1].awaiting_title = paragraph, False
        elif self.stack:
            self.stack[-1].awaiting_title = False
            self.stack[-1].blocks.append({"gach": found.rest} if found else {"doan": paragraph})

    def siblings(self) -> list[Node]:
        return self.stack[-1].children if self.stack else self.parts

    def open(self, found: Marker) -> None:
        while self.stack and self.stack[-1].rank >= found.rank:
            self.stack.pop()
        node = Node(self.unit_id(found), found.number, found.rank, found.decimal)
        previous = self.siblings()[-1] if self.siblings() else None
        if node.id in self.ids and previous is not None and previous.bare:
            self.stack.append(previous)  # "1. Mục đích." then "1. Làm cho…": a list under a bare title
            node.id, node.rank = f"{previous.id}-{found.key}", found.rank + 0.5
        node.id = self.unique(node.id)
        self.fill(node, found.rest)
        self.siblings().append(node)
        self.stack.append(node)
        self.ids.add(node.id)

    def unit_id(self, found: Marker) -> str:
        anchors = [node for node in self.stack if not (found.decimal and node.decimal)]
        return f"{anchors[-1].id}-{found.key}" if anchors else found.key

    def unique(self, base: str) -> str:
        """A number the document repeats at one level keeps a citation of its own: iii-2, iii-2-2."""
        candidate, count = base, 1
        while candidate in self.ids:
            count += 1
            candidate = f"{base}-{count}"
        return candidate

    @staticmethod
    def fill(node: Node, rest: str) -> None:
        if not rest:
            node.awaiting_title = True
        elif is_heading(rest):
            node.title = rest
        else:
            node.text = rest


def units(paragraphs: list[str]) -> list[Node]:
    outline = Outline()
    for paragraph in paragraphs:
        outline.add(paragraph)
    return outline.parts
