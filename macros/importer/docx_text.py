"""The lines of a Word file in reading order: body paragraphs, and the paragraphs of each table cell (the header
and the signature block of an administrative document are borderless tables).

Word keeps the number of an automatically numbered paragraph ("I.", "1.", "a)", a bullet) outside its text; the
number is worked out here from the document's numbering definitions, so that "1." reads the same whether it was
typed or made by Word.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from macros.importer.numbering import roman


def letter(number: int) -> str:
    return "abcdefghijklmnopqrstuvwxyz"[(number - 1) % 26]


FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "upperRoman": roman,
    "lowerRoman": lambda n: roman(n).lower(),
    "upperLetter": lambda n: letter(n).upper(),
    "lowerLetter": letter,
}


def _val(element, tag: str, default=None):
    found = element.find(qn(tag)) if element is not None else None
    return found.get(qn("w:val")) if found is not None else default


class Numbering:
    """Word's list numbering: the label each numbered paragraph shows, counted in document order."""

    def __init__(self, document):
        part = getattr(document.part, "numbering_part", None) if _has_numbering(document) else None
        root = part.element if part is not None else None
        self.abstract = {a.get(qn("w:abstractNumId")): a for a in _all(root, "w:abstractNum")}
        self.nums = {n.get(qn("w:numId")): _val(n, "w:abstractNumId") for n in _all(root, "w:num")}
        self.counters: dict[str, list[int]] = {}

    def level(self, num_id: str, ilvl: int):
        abstract = self.abstract.get(self.nums.get(num_id))
        return next((lvl for lvl in _all(abstract, "w:lvl") if lvl.get(qn("w:ilvl")) == str(ilvl)), None)

    def label(self, num_id: str, ilvl: int) -> str:
        """ "I.", "1.1.", "a)", or "-" for a bullet; "" when the list is unknown."""
        lvl = self.level(num_id, ilvl)
        if lvl is None:
            return ""
        counts = self.counters.setdefault(num_id, [0] * 9)
        start = int(_val(lvl, "w:start", "1"))
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else start
        counts[ilvl + 1 :] = [0] * (8 - ilvl)
        if _val(lvl, "w:numFmt") == "bullet":
            return "-"
        text = _val(lvl, "w:lvlText", "")
        for depth in range(9):
            shown = FORMATS.get(_val(self.level(num_id, depth), "w:numFmt"), str)(counts[depth] or 1)
            text = text.replace(f"%{depth + 1}", shown)
        return text


def _has_numbering(document) -> bool:
    try:
        return document.part.numbering_part is not None
    except (KeyError, NotImplementedError):
        return False


def _all(element, tag: str) -> list:
    return [] if element is None else element.findall(qn(tag))


def _num_pr(element, paragraph: Paragraph):
    """The paragraph's own list properties, else those of its style."""
    own = element.pPr.numPr if element.pPr is not None else None
    style = paragraph.style.element if paragraph.style is not None else None
    inherited = style.pPr.numPr if style is not None and style.pPr is not None else None
    return own if own is not None else inherited


def paragraph_lines(element, document, numbering: Numbering) -> list[str]:
    """The paragraph's text, with its Word number in front; a line break (Shift+Enter) starts a new line."""
    paragraph = Paragraph(element, document)
    text = paragraph.text.replace("\t", " ")
    num_pr = _num_pr(element, paragraph)
    num_id = _val(num_pr, "w:numId")
    if num_id and num_id != "0" and text.strip():
        label = numbering.label(num_id, int(_val(num_pr, "w:ilvl", "0")))
        text = f"{label} {text}" if label else text
    return text.split("\n")


def blocks(document) -> Iterator:
    """Every paragraph element (w:p) in reading order, table cells row by row, each cell once; None after a cell."""
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            yield child
        elif child.tag == qn("w:tbl"):
            for cell in child.iter(qn("w:tc")):
                yield from cell.iterchildren(qn("w:p"))
                yield None  # the end of a cell ends its last paragraph


def lines(path: Path) -> list[str]:
    document = docx.Document(str(path))
    numbering = Numbering(document)
    found: list[str] = []
    for element in blocks(document):
        found += [""] if element is None else [*paragraph_lines(element, document, numbering), ""]
    return found
