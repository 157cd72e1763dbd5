"""The names a plan gives itself: its commune ("XÃ CÁT VÂN" in the header, "trên địa bàn xã Vĩnh Phong" in the
title), its province, and its issuer as written ("Ủy ban nhân dân xã").
"""

from __future__ import annotations

import re
from collections import Counter

# Capitals in a header are layout, not spelling: the words of a body's name as they are written in running text.
LOWER_WORDS = {
    "ỦY BAN NHÂN DÂN": "Ủy ban nhân dân",
    "UỶ BAN NHÂN DÂN": "Ủy ban nhân dân",
    "HỘI ĐỒNG NHÂN DÂN": "Hội đồng nhân dân",
    "ĐẢNG ỦY": "Đảng ủy",
    "ĐẢNG UỶ": "Đảng ủy",
    "ĐẢNG BỘ": "Đảng bộ",
    "BAN CHẤP HÀNH": "Ban Chấp hành",
    "THỊ TRẤN": "thị trấn",
    "PHƯỜNG": "phường",
    "HUYỆN": "huyện",
    "TỈNH": "tỉnh",
    "XÃ": "xã",
}
LEVELS = ("xã", "phường", "thị trấn", "huyện", "tỉnh")
WORD = re.compile(r"[^\W\d_][\w-]*")
ISSUERS = r"(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Đảng ủy|Đảng uỷ|Hội đồng nhân dân|HĐND)"


def proper_name_after(text: str, word: str) -> str | None:
    """The capitalised words right after `word`: "… xã Vĩnh Phong; …" -> "Vĩnh Phong"."""
    for found in re.finditer(rf"\b{word}\s+", text):
        taken = []
        for token in re.finditer(r"\S+", text[found.end() :]):
            name = token[0].rstrip(',.;:)”"')
            if not WORD.fullmatch(name) or not name[0].isupper():
                break
            taken.append(name)
            if name != token[0]:
                break
        if taken:
            return " ".join(taken)
    return None


def caps_to_text(caps: str) -> str | None:
    """ "ỦY BAN NHÂN DÂN XÃ CÁT VÂN" -> "Ủy ban nhân dân xã Cát Vân": the last level of a header that names two."""
    if not caps:
        return None
    start = max((caps.rfind(key) for key in ("ỦY BAN", "UỶ BAN", "UBND", "HỘI ĐỒNG", "ĐẢNG")), default=-1)
    caps = caps[max(start, 0) :]
    for upper, written in LOWER_WORDS.items():
        caps = re.sub(rf"\b{upper}\b", written, caps)
    return " ".join(word if not word.isupper() or word in ("UBND", "HĐND") else word.title() for word in caps.split())


def commune_in_header(caps: str) -> str | None:
    found = re.search(r"\b(?:XÃ)\s+(.+)$", caps or "")
    return found[1].title().strip() if found else None


def commune(header_caps: str, title: str, preamble: str) -> str | None:
    """From the header, else the title, else the preamble: "xã Cát Vân" -> "Cát Vân"."""
    return commune_in_header(header_caps) or proper_name_after(title, "xã") or proper_name_after(preamble, "xã")


def province(header_caps: str, text: str) -> str | None:
    """ "TỈNH NGHỆ AN" in the header, else the province the text names most ("UBND tỉnh An Giang")."""
    found = re.search(r"\bTỈNH\s+(.+?)(?:\s+(?:XÃ|HUYỆN)\b|$)", header_caps or "")
    if found:
        return found[1].title()
    named = Counter(
        name for match in re.finditer(r"\btỉnh\s+", text) if (name := proper_name_after(text[match.start() :], "tỉnh"))
    )
    return named.most_common(1)[0][0] if named else None


def issuer_in(preamble: str) -> str | None:
    """ "Ủy ban nhân dân xã xây dựng Kế hoạch…", "…, UBND xã Dân Lực ban hành Kế hoạch…": the body as written."""
    pattern = rf"({ISSUERS}(?:\s+(?:xã|phường|thị trấn))?(?:\s+[^\W\d_][\w-]*)*?)\s+(?:xây dựng|ban hành)\b"
    found = re.search(pattern, preamble)
    return found[1] if found else None
