"""Word files of a plan, laid out the way a commune's office makes them in Word: the header (issuer and number on
the left, the national motto and date on the right) and the recipients beside the signature are borderless
two-column tables; the kind and the title are centred and bold; bullets are Word's own list bullets, so their "-"
is not in the text; numbered headings are typed and bold."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập")


@dataclass
class Layout:
    """A plan split the way Word holds it."""

    header: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)  # kind, title, basis, preamble, units, closing
    recipients: list[str] = field(default_factory=list)  # "Nơi nhận:" and its lines
    signature: list[str] = field(default_factory=list)


def layout(paragraphs: list[str]) -> Layout:
    """Header before the kind ("KẾ HOẠCH…"), the body, then "Nơi nhận:" and the signature block."""
    found = Layout()
    kind = next(i for i, p in enumerate(paragraphs) if p.startswith(("KẾ HOẠCH", "CHƯƠNG TRÌNH")))
    found.header = paragraphs[:kind]
    rest = paragraphs[kind:]
    end = next((i for i, p in enumerate(rest) if p.startswith("Nơi nhận")), len(rest))
    found.body = rest[:end]
    tail = rest[end:]
    sign = next((i for i, p in enumerate(tail) if p.startswith(("TM.", "KT."))), len(tail))
    found.recipients, found.signature = tail[:sign], tail[sign:]
    return found


def two_columns(document, left: list[str], right: list[str]) -> None:
    table = document.add_table(rows=1, cols=2)
    for cell, lines in zip(table.rows[0].cells, (left, right), strict=True):
        cell.paragraphs[0].text = lines[0] if lines else ""
        for line in lines[1:]:
            cell.add_paragraph(line)


def bold_centred(document, text: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(text).bold = True


def body_paragraph(document, text: str, page_break_at: str | None) -> None:
    if text.startswith("- "):
        document.add_paragraph(text[2:], style="List Bullet")  # Word's bullet: the "-" is not in the text
        return
    paragraph = document.add_paragraph()
    if page_break_at and page_break_at in text:
        before, after = text.split(page_break_at, 1)
        paragraph.add_run(before + page_break_at).add_break(WD_BREAK.PAGE)  # a page ends inside the paragraph
        paragraph.add_run(after)
        return
    paragraph.add_run(text)


def write(path: Path, paragraphs: list[str], page_break_at: str | None = None) -> Path:
    """The plan's paragraphs (as read from text) as a .docx."""
    parts = layout(paragraphs)
    document = docx.Document()
    if parts.header:
        motto = [line for line in parts.header if line.startswith(MOTTO) or ", ngày " in line]
        two_columns(document, [line for line in parts.header if line not in motto], motto)
    bold_centred(document, parts.body[0])
    bold_centred(document, parts.body[1])
    for text in parts.body[2:]:
        body_paragraph(document, text, page_break_at)
    if parts.recipients or parts.signature:
        two_columns(document, parts.recipients, parts.signature)
    document.save(str(path))
    return path
