"""Turn the bytes of a data file into text the parser can read, without changing what a clerk wrote.

UTF-8 with or without a byte-order mark and Windows (CRLF) line endings are read as they are. Any other encoding
is refused with one message, because guessing would publish garbled Vietnamese. (The parser then normalises
the text to NFC, so that the same word typed on two keyboards is the same word.)
"""

from __future__ import annotations

import re
import unicodedata

from macros.errors import Problem

WHOLE_FILE = 0  # Problem.line for a problem with the file as a whole

ENCODING_MESSAGE = "tệp không được lưu theo bảng mã UTF-8 (có thể là UTF-16 hoặc Windows-1258) nên không đọc được"
ENCODING_FIX = (
    "mở tệp bằng Notepad, chọn File > Save As (Lưu thành), ở ô Encoding (Mã hóa) chọn UTF-8 rồi lưu lại; "
    "hoặc chép nội dung vào trình sửa tệp trên trang GitHub"
)

# Characters that look like nothing (or like a plain space) but make an id or a value differ from what it shows.
INVISIBLE_NAMES = {
    "\u00a0": "dấu cách không ngắt (NBSP)",
    "\u00ad": "gạch nối mềm (soft hyphen)",
    "\u180e": "dấu cách Mông Cổ",
    "\u200b": "dấu cách độ rộng 0 (zero-width space)",
    "\u200c": "ký tự không nối độ rộng 0 (ZWNJ)",
    "\u200d": "ký tự nối độ rộng 0 (ZWJ)",
    "\u200e": "dấu chiều viết trái-phải (LRM)",
    "\u200f": "dấu chiều viết phải-trái (RLM)",
    "\u2028": "ký tự xuống dòng Unicode (LS)",
    "\u2029": "ký tự sang đoạn Unicode (PS)",
    "\u202f": "dấu cách hẹp không ngắt",
    "\u2060": "ký tự nối từ (word joiner)",
    "\u3000": "dấu cách rộng",
    "\ufeff": "dấu thứ tự byte (BOM) giữa văn bản",
}
INVISIBLE = re.compile(r"[\u00a0\u00ad\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u2066-\u2069\u3000\ufeff]")


def decode(raw: bytes, display_path: str) -> tuple[str | None, Problem | None]:
    """The file's text (NFC, LF line endings), or the one problem that says how to save it as UTF-8."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw:
        return None, encoding_problem(display_path)  # UTF-16 (Notepad's "Unicode") has a NUL in every ASCII letter
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, encoding_problem(display_path)
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def encoding_problem(display_path: str) -> Problem:
    return Problem(display_path, WHOLE_FILE, "mã hóa ký tự", ENCODING_MESSAGE, ENCODING_FIX)


def invisible_name(char: str) -> str:
    known = INVISIBLE_NAMES.get(char)
    if known:
        return f"{known}, U+{ord(char):04X}"
    return f"{unicodedata.name(char, 'ký tự vô hình')}, U+{ord(char):04X}"


def invisible_label(char: str) -> str:
    """A character that does not show, named for a clerk: its Vietnamese name and code point, "dấu cách độ rộng 0
    (U+200B)" (the English gloss of INVISIBLE_NAMES left out); a character without a Vietnamese name by its
    Unicode name."""
    known = INVISIBLE_NAMES.get(char)
    name = re.sub(r" \([^()]*\)$", "", known) if known else _unicode_name(char)
    return f"{name} (U+{ord(char):04X})"


def _unicode_name(char: str) -> str:
    if unicodedata.category(char) == "Cc":
        return "ký tự điều khiển"
    return unicodedata.name(char, "ký tự vô hình").lower()
