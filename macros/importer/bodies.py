"""The bodies a plan names, found with a maintained list of the bodies of a commune and above it, and the usual
ways plans write them ("Ủy ban nhân dân xã", "UBND xã"; "Ủy ban MTTQ Việt Nam", "Mặt trận Tổ quốc").

Each body found keeps the paragraphs that name it (`nguon`). What the plan gives it (`vai_tro`) is left for staff:
the importer writes `chua-xet`. A longer name wins over a shorter one inside it ("Văn phòng HĐND và UBND xã" is
not also "UBND xã"). An entry without an id would be a phrase that names no body, hiding the words in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from macros.slug import slugify

UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
NAME = rf"(?-i:(?: [{UPPER}][^\W\d_]*)*)"  # a place name after a level: " Vĩnh Phong", " An Giang"
UBND, HDND = r"(?:UBND|Ủy ban nhân dân)", r"(?:HĐND|Hội đồng nhân dân)"
DEPARTMENTS = (
    "Tài chính", "Nội vụ", "Tư pháp", "Xây dựng", "Công Thương", "Y tế", "Giáo dục và Đào tạo",
    "Văn hóa, Thể thao và Du lịch", "Khoa học và Công nghệ", "Nông nghiệp và Môi trường", "Dân tộc và Tôn giáo",
    "Ngoại vụ", "Kế hoạch và Đầu tư", "Lao động - Thương binh và Xã hội", "Tài nguyên và Môi trường",
    "Nông nghiệp và Phát triển nông thôn", "Giao thông vận tải", "Thông tin và Truyền thông", "Quốc phòng",
    "Công an",
)  # fmt: skip
DEPARTMENT = "(?:" + "|".join(re.escape(name) for name in DEPARTMENTS) + ")"


@dataclass(frozen=True)
class Body:
    id: str  # "" for a phrase that names no body; "so-"/"bo-" bodies take the rest of their id from the name
    patterns: tuple[str, ...]


def body(id_: str, *patterns: str) -> Body:
    return Body(id_, patterns)


CATALOGUE = (
    body("van-phong-hdnd-ubnd", rf"Văn phòng {HDND} ?(?:và|-|–) ?{UBND} xã", rf"Văn phòng {UBND} xã"),
    body("lanh-dao-ubnd-xa", rf"Lãnh đạo {UBND} xã", rf"Chủ tịch,? (?:các )?(?:PCT|Phó Chủ tịch)\.? ?{UBND} xã",
         rf"(?:Phó )?Chủ tịch {UBND} xã"),
    body("uy-vien-ubnd", rf"(?:các )?Ủy viên {UBND} xã"),
    body("thuong-truc-hdnd", rf"(?:Thường trực|TT\.?) ?{HDND} xã"),
    body("dai-bieu-hdnd", rf"(?:các )?đại biểu {HDND} xã"),
    body("ubnd-tinh", rf"{UBND} tỉnh{NAME}"),
    body("hdnd-tinh", rf"{HDND} tỉnh{NAME}"),
    body("ubnd-huyen", rf"{UBND} huyện{NAME}"),
    body("hdnd-huyen", rf"{HDND} huyện{NAME}"),
    body("ubnd-xa", rf"{UBND} xã{NAME}", r"Ủy ban nhân dân(?! (?:tỉnh|huyện|thành phố))"),
    body("hdnd-xa", rf"{HDND} xã{NAME}", r"Hội đồng nhân dân(?! (?:tỉnh|huyện|thành phố))"),
    body("dai-hoi-dang-bo-xa", r"Đại hội (?:đại biểu )?Đảng bộ xã"),
    body("dai-hoi-dang-bo-tinh", r"Đại hội (?:đại biểu )?Đảng bộ tỉnh"),
    body("dai-hoi-dang-bo-huyen", r"Đại hội (?:đại biểu )?Đảng bộ huyện"),
    body("bch-dang-bo-tinh", r"Ban Chấp hành Đảng bộ tỉnh", r"(?:Ban Thường vụ )?Tỉnh ủy"),
    body("huyen-uy", r"Ban Chấp hành Đảng bộ huyện", r"(?:Ban Thường vụ )?Huyện ủy"),
    body("thuong-truc-dang-uy", r"(?:Ban Thường vụ|Thường trực|TT\.?) ?Đảng ủy(?: xã)?"),
    body("dang-uy-xa", r"Ban Chấp hành Đảng bộ xã", r"Đảng ủy(?: xã)?", r"(?<!các )cấp ủy(?: xã)?(?! (?:các|cơ sở))"),
    body("ubmttq", r"(?:Ủy ban |UB)(?:Mặt trận Tổ quốc|MTTQ)(?: Việt Nam| VN)?(?: xã)?",
         r"(?:Mặt trận Tổ quốc|MTTQ)(?: Việt Nam| VN)?(?: xã)?"),
    body("to-chuc-chinh-tri-xa-hoi", r"(?:các )?(?:tổ chức|đoàn thể) chính trị(?: ?[-–] ?| )xã hội(?: xã)?"),
    body("hoi-doan-the", r"(?:các )?hội,? đoàn thể(?: trong ấp| ở ấp| xã)?"),
    body("ban-nganh-doan-the", r"(?:các )?ban,? ngành,? đoàn thể(?: xã)?"),
    body("hoi-nong-dan", r"Hội Nông dân(?: xã)?"),
    body("hoi-lien-hiep-phu-nu", r"Hội (?:Liên hiệp )?Phụ nữ(?: xã)?"),
    body("hoi-cuu-chien-binh", r"Hội Cựu chiến binh(?: xã)?"),
    body("doan-thanh-nien", r"Đoàn (?:Thanh niên|TNCS)(?: Cộng sản)?(?: Hồ Chí Minh)?(?: xã)?"),
    body("hoi-chu-thap-do", r"Hội Chữ thập đỏ(?: xã)?"),
    body("hoi-nguoi-cao-tuoi", r"Hội Người cao tuổi(?: xã)?"),
    body("hoi-khuyen-hoc", r"Hội Khuyến học(?: xã)?"),
    body("cong-an-xa", r"Công an xã"),
    body("ban-chqs-xa", r"Ban (?:Chỉ huy [Qq]uân sự|CHQS)(?: xã)?"),
    body("dan-quan-tu-ve", r"(?:lực lượng )?dân quân tự vệ"),
    body("tram-y-te", r"(?:các )?Trạm [Yy] tế(?: xã)?"),
    body("truong-hoc", r"(?:các )?đơn vị trường học", r"(?:các )?nhà trường",
         rf"Trường (?:Mầm non|Tiểu học|Trung học cơ sở|THCS|Trung học phổ thông|THPT){NAME}"),
    body("phong-kinh-te", r"Phòng Kinh tế(?: xã)?"),
    body("phong-van-hoa-xa-hoi", r"Phòng Văn hóa(?: ?[-–] ?| và )Xã hội(?: xã)?"),
    body("trung-tam-phuc-vu-hanh-chinh-cong", r"Trung tâm [Pp]hục vụ hành chính công(?: xã)?"),
    body("trung-tam-dich-vu-nong-nghiep", r"[Tt]rung tâm dịch vụ nông nghiệp"),
    body("co-quan-thue", r"cơ quan [Tt]huế", rf"Thuế cơ sở(?: \d+)?{NAME}", rf"Chi cục Thuế{NAME}"),
    body("thong-ke-co-so", rf"Thống kê cơ sở{NAME}", rf"Chi cục Thống kê{NAME}"),
    body("ngan-hang-chinh-sach-xa-hoi", rf"(?-i:Ngân hàng Chính sách xã hội){NAME}"),
    body("bao-hiem-xa-hoi", rf"(?-i:Bảo hiểm xã hội) (?:huyện|tỉnh|cơ sở){NAME}"),
    body("truong-ap", r"Trưởng (?:các )?(?:ấp|thôn|bản|khu phố|tổ dân phố)", r"Trường áp"),
    body("co-quan-chuyen-mon", rf"(?:Thủ trưởng )?(?:các )?cơ quan chuyên môn(?: thuộc {UBND} xã)?",
         r"(?:các )?ngành chuyên môn", r"Thủ trưởng các phòng,? (?:ban,? )?cơ quan"),
    body("bo-chinh-tri", r"(?-i:Bộ Chính trị)"),
    body("ban-bi-thu", r"(?-i:Ban Bí thư)"),
    body("bch-trung-uong", r"(?-i:Ban Chấp hành Trung ương)(?: Đảng)?"),
    body("thu-tuong-chinh-phu", r"(?-i:Thủ tướng Chính phủ)"),
    body("quoc-hoi", r"(?-i:Quốc hội)"),
    body("truong-giao-duong-co-so-giao-duc-bat-buoc", r"trường giáo dưỡng(?:, cơ sở giáo dục bắt buộc)?"),
    body("chinh-phu", r"(?-i:Chính phủ)"),
    body("so-", rf"(?-i:Sở {DEPARTMENT})"),
    body("bo-", rf"(?-i:Bộ {DEPARTMENT})"),
)  # fmt: skip


def matching_text(text: str) -> str:
    """The same length as `text`, with the old placement of a tone mark ("Uỷ ban") read as the new one."""
    return text.replace("uỷ", "ủy").replace("Uỷ", "Ủy").replace("UỶ", "ỦY")


COMPILED = tuple((entry, re.compile(p, re.IGNORECASE)) for entry in CATALOGUE for p in entry.patterns)


def mentions(text: str) -> list[tuple[str, str]]:
    """(body id, words as written) for each body named in a text; a longer name wins over one inside it."""
    searched = matching_text(text)
    found = [(m.start(), -len(m[0]), entry, m) for entry, pattern in COMPILED for m in pattern.finditer(searched)]
    taken, end = [], -1
    for start, _, entry, match in sorted(found, key=lambda item: (item[0], item[1])):
        if start >= end:
            taken.append((entry, text[match.start() : match.end()].rstrip(" ,.;")))
            end = match.end()
    return [(_id(entry, words), words) for entry, words in taken if entry.id]


def _id(entry: Body, words: str) -> str:
    if entry.id.endswith("-"):  # a department or ministry: "Sở Tài chính" -> so-tai-chinh
        return entry.id + slugify(words.split(" ", 1)[1])
    return entry.id


def agencies(places: list[tuple[str, str]]) -> list[dict]:
    """co-quan.yml records: each body once, in the order the plan first names it, with every place that names it.
    Its name is the longest way the plan writes it; its roles are for staff to fill in."""
    found: dict[str, dict] = {}
    written: dict[str, list[tuple[bool, int, str]]] = {}
    for anchor, text in places:
        for body_id, words in mentions(text):
            record = found.setdefault(body_id, {"id": body_id, "ten": "", "nguon": [], "vai_tro": ["chua-xet"]})
            record["nguon"] += [anchor] if anchor not in record["nguon"] else []
            written.setdefault(body_id, []).append((anchor != "noi-nhan", len(words), words[:1].upper() + words[1:]))
    for body_id, record in found.items():
        record["ten"] = max(written[body_id])[2]  # the longest name in the text; the recipients' short forms last
    return list(found.values())
