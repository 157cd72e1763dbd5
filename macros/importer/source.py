"""Read a plan as a commune has it: a Word file (.docx) or text pasted from a portal (UTF-8).

Old Word files (.doc) and PDF are refused with how to save the plan as .docx: guessing at their text would publish
a plan with words missing or out of order.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from macros.data.text_source import decode
from macros.errors import DataError, Problem

SAVE_AS_DOCX = (
    "mở tệp bằng Microsoft Word, LibreOffice Writer hoặc WPS Writer, chọn File > Save As (Lưu thành), ở ô kiểu "
    "tệp chọn Word Document (*.docx) rồi nhập lại tệp .docx đó"
)
REFUSED = {
    ".doc": ("tệp Word cũ (.doc) không đọc được", SAVE_AS_DOCX),
    ".pdf": (
        "tệp PDF không giữ được đoạn văn và số mục nên không đọc được",
        "dùng bản Word gốc của Kế hoạch nếu có; nếu chỉ có PDF: "
        + SAVE_AS_DOCX.replace("mở tệp", "mở tệp PDF", 1)
        + ", rồi so lại từng câu với bản PDF",
    ),
}
# What the first bytes of a file say it is, whatever its name.
SIGNATURES = ((b"%PDF", ".pdf"), (b"\xd0\xcf\x11\xe0", ".doc"), (b"PK\x03\x04", ".docx"))
SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]")  # look like a space: become one
HIDDEN = re.compile(r"[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]")  # show nothing: dropped
BOLD_MARKS = re.compile(r"\*\*")  # Markdown bold pasted with the text: formatting, not words


@dataclass(frozen=True)
class RawPlan:
    """The plan's lines as read, and whether they were broken at a fixed width (text copied from a PDF viewer)."""

    name: str
    lines: tuple[str, ...]
    hard_wrapped: bool = False


def problem(name: str, message: str, fix: str) -> DataError:
    return DataError([Problem(name, 0, "tệp", message, fix)])


def kind_of(path: Path) -> str:
    """.docx, .txt, .doc or .pdf: by the file's first bytes, else by its name."""
    head = path.read_bytes()[:8]
    found = next((kind for magic, kind in SIGNATURES if head.startswith(magic)), None)
    return found or path.suffix.lower()


def read(path: Path) -> RawPlan:
    name = path.name
    if not path.is_file():
        raise problem(name, "không tìm thấy tệp", "kiểm tra lại đường dẫn PLAN=<tệp>")
    kind = kind_of(path)
    if kind in REFUSED:
        raise problem(name, *REFUSED[kind])
    if kind == ".docx":
        from macros.importer import docx_text  # python-docx is only needed for Word files

        return RawPlan(name, tuple(clean(line) for line in docx_text.lines(path)))
    if kind in (".txt", ".text", ".md", ""):
        return text_plan(name, path.read_bytes())
    raise problem(name, f"không đọc được tệp {kind}", "lưu Kế hoạch thành .docx hoặc văn bản .txt (UTF-8)")


def text_plan(name: str, raw: bytes) -> RawPlan:
    text, failure = decode(raw, name)
    if failure:
        raise DataError([failure])
    lines = tuple(clean(line) for line in text.split("\n"))
    return RawPlan(name, lines, hard_wrapped(lines))


def clean(line: str) -> str:
    """The words of a line as they read: NFC, space-like characters as spaces, invisible ones dropped."""
    line = HIDDEN.sub("", SPACES.sub(" ", unicodedata.normalize("NFC", line)))
    return re.sub(r" {2,}", " ", BOLD_MARKS.sub("", line)).strip()


def hard_wrapped(lines: tuple[str, ...]) -> bool:
    """Text copied from a PDF viewer breaks every line at the page width with no blank line between paragraphs;
    text from a portal or a word processor leaves a blank line between paragraphs."""
    filled = [i for i, line in enumerate(lines) if line]
    followed = sum(1 for i in filled if i + 1 < len(lines) and lines[i + 1])
    return bool(filled) and followed > len(filled) / 2
