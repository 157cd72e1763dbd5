"""Join back the lines of one paragraph that a page break or a window split, the way the published data has them.

A paragraph split by a page break goes on, after the break, with a lower-case word ("hiệu / quả", "người / xã Vĩnh
Phong") while its first half ends without a full stop, colon or semicolon: the two halves are one paragraph joined
by a space. Text copied from a PDF viewer breaks every line at the page width: a full line that does not end a
sentence goes on in the next line unless that line starts something new (a number, a bullet, "Căn cứ"…).
"""

from __future__ import annotations

import re

from macros.importer.numbering import marker

ENDS = (".", ":", ";", "!", "?")
LOWER_START = re.compile(r"^[a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]")
# Words that open a paragraph of their own in an administrative document.
OPENERS = re.compile(r"^(Căn cứ|Thực hiện|Theo đề nghị|Xét|Nơi nhận|Trên đây|TM\.|KT\.|TL\.|Q\.|TUQ\.)")
FULL_LINE = 50  # characters: a line this long that ends mid-sentence was broken at the page width


def starts_anew(line: str) -> bool:
    letters = [char for char in line if char.isalpha()]
    shouting = bool(letters) and all(char.isupper() for char in letters)
    return bool(marker(line) or OPENERS.match(line) or shouting)


def goes_on(paragraph: str, last_line: str, line: str, wrapped_here: bool) -> bool:
    """Whether `line` continues the paragraph whose last physical line was `last_line`."""
    if paragraph.endswith(ENDS):
        return False
    if LOWER_START.match(line):
        return not marker(line)  # "a) Tỷ lệ …" under a heading "2. Về xã hội" starts an item, it does not go on
    return wrapped_here and len(last_line) >= FULL_LINE and not starts_anew(line)


def join_lines(lines: tuple[str, ...], hard_wrapped: bool = False) -> list[str]:
    """Paragraphs from lines: blank lines separate paragraphs, except where a page break split one."""
    paragraphs: list[str] = []
    last_line, gap = "", True
    for line in lines:
        if not line:
            gap = True
            continue
        if paragraphs and goes_on(paragraphs[-1], last_line, line, hard_wrapped and not gap):
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
        last_line, gap = line, False
    return paragraphs
