"""Commitments a plan makes, suggested as targets by the README's rule ("Quy tắc: cam kết nào thành chỉ tiêu").

A commitment is checkable when it states a level or a count ("đạt 86,4 triệu đồng", "05 sản phẩm OCOP"), a named
standard ("đạt chuẩn Quốc gia", "về mức cân bằng tự nhiên", "đảm bảo theo kế hoạch"), a time ("vào năm 2028"),
or something repeated or kept ("hằng năm", "định kỳ", "giữ vững", "duy trì … đạt chuẩn", "không để … xảy ra").
Orientation ("tăng cường", "nâng cao", "khuyến khích"), requests to other bodies ("Đề nghị …"), the names and
periods of other programmes ("Quy hoạch … đến năm 2030") and sums of every target ("hoàn thành các chỉ tiêu") give
none. Each suggestion quotes the plan's exact words and says why, when it infers a deadline or a level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from macros.importer import numbers
from macros.importer.clauses import Segment, orientation_led, segments, without_purpose

PHAN_DAU = re.compile(r"\bph[aấâầ]n đ[aấầâ]u\b", re.IGNORECASE)  # "phấn đấu", and "Phân đầu", "Phần đầu"
YEARLY = re.compile(r"\b(?:hằng|hàng|mỗi) (?:năm|quý|tháng)\b|\bđịnh kỳ\b", re.IGNORECASE)
AVERAGE = re.compile(r"bình quân\s*(?:/\s*năm|(?:hằng|hàng|mỗi) năm|giai đoạn)", re.IGNORECASE)
TIME_POINT = re.compile(
    r"\b(?:đến|vào|trong|trước|cuối|hết)\s+(?:cuối\s+)?năm\s+(20\d{2})\b|\bđến\s+(20\d{2})\b"
    r"|\bgiai đoạn\s+20\d{2}\s*[-–]\s*(20\d{2})\b",
    re.IGNORECASE,
)
TERM_END = re.compile(r"\b(?:trong|cuối|hết) nhiệm kỳ\b|\bnhiệm kỳ này\b", re.IGNORECASE)
NAME_BEFORE = re.compile(r"\b(?:Quy hoạch|tầm nhìn|Chiến lược|Đề án|Chương trình|Kế hoạch)\b[^,;]{0,90}$")
VALUE_CUE = re.compile(
    r"(?:đạt|trên|dưới|vượt|còn|từ|ít nhất|tối thiểu|tối đa|không quá|có|thêm|mới|công nhận|thành lập|kết nạp"
    r"|tăng|giảm|cho|khoảng|bình quân|năm|xây dựng|đào tạo|tuyển|hỗ trợ|là|:)\s*$",
    re.IGNORECASE,
)
KEEP = re.compile(
    r"\bgiữ vững\b|\bduy trì\b(?=[^,;]*\b(?:đạt|chuẩn|danh hiệu|mức)\b)|\bkhông để\b(?=[^,;]*\b(?:xảy ra|phát sinh)\b)",
    re.IGNORECASE,
)
NAMED_LEVEL = re.compile(
    r"\bđạt (?:tiêu )?chuẩn\b|\bđạt (?:và vượt )?kế hoạch\b|\bđảm bảo theo kế hoạch\b|\bbảo đảm theo kế hoạch\b"
    r"|\bđạt danh hiệu\b|\b(?:về|đạt) mức\b|\btrở thành\b|\bđạt:? (?!và |các |mục tiêu|chỉ tiêu)(?=[^\W\d_])",
    re.IGNORECASE,
)
MILESTONE = re.compile(
    r"\bhoàn thành\b|\bđưa vào sử dụng\b|\btổng kết\b|\bkhánh thành\b|\bkhởi công\b"
    r"|\bxây dựng kế hoạch\b|\bban hành (?:kế hoạch|quy chế|quy định|đề án)\b",  # a document the plan says must exist
    re.IGNORECASE,
)
NOT_MILESTONE = re.compile(
    r"\bhoàn thành (?:thắng lợi |tốt |toàn diện )?(?:các |những |toàn bộ )?(?:chỉ tiêu|mục tiêu|nhiệm vụ|kế hoạch)"
    r"|thời gian hoàn thành|\bhoàn thành tốt nhiệm vụ",
    re.IGNORECASE,
)
NOT_REPEATED = re.compile(r"khám sức khỏe định kỳ|bình quân (?:hằng|hàng) năm", re.IGNORECASE)
BEYOND_BUDGET = re.compile(r"(?<!đạt và )\bvượt (dự toán|kế hoạch)\b", re.IGNORECASE)
KEPT_MARK = r"^\s*(?:(?:[+*]|\(\d{1,2}\))\s*)?"  # "+ …", "* …", "(1) …": a sub-item keeps its mark in the text
REQUEST = re.compile(KEPT_MARK + r"Đề nghị\b")
ENCOURAGED = re.compile(KEPT_MARK + r"Khuyến khích\b", re.IGNORECASE)  # what the commune encourages, not promises
LEAD_IN = re.compile(rf"{PHAN_DAU.pattern}|{TIME_POINT.pattern}|^\s*(?:hằng|hàng|mỗi) năm\b", re.IGNORECASE)
NEEDS_LEAD = re.compile(
    r"trở thành|về mức|đạt (?!(?:tiêu )?chuẩn|kế hoạch|danh hiệu|mức)", re.IGNORECASE
)  # a named level only with "phấn đấu" or a year
DELIVER = re.compile(r"\b(?:có|tổ chức|ban hành|xây dựng|đưa|hoàn thành)\b", re.IGNORECASE)
YEAR_ONLY = re.compile(r"\b(?:đến|vào|trong|trước|cuối|hết)\s+(?:cuối\s+)?năm\s+(20\d{2})\b", re.IGNORECASE)
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


@dataclass(frozen=True)
class Found:
    """One commitment in one segment: the exact words, and what the words say about it."""

    quote: str
    kind: str  # "so" (a number), "vuot" (beyond a budget), "lap-lai", "giu", "muc", "moc"
    value: numbers.Value | None = None
    context: str = ""  # the words the deadline and comparison are read from
    offset: int = 0  # where `context` starts in its segment (a value remembers its place in the segment)
    shared: str = ""  # words of the segment this one goes on from ("…hằng năm đạt 75%, trong đó án rất nghiêm trọng…")

    @property
    def end(self) -> int:
        return self.offset + len(self.context)

    def before_value(self) -> str:
        return self.context[: self.value.start - self.offset] if self.value else ""

    def after_value(self) -> str:
        return self.context[self.value.end - self.offset :] if self.value else ""


def number_found(segment: Segment) -> list[Found]:
    """Numbers with a commitment's cue, each with the comma parts that lead into it."""
    text, found, used_until, shared = segment.text, [], 0, ""
    candidates = main_values([v for v in numbers.values(text) if is_commitment_value(text, v)], text)
    for index, value in enumerate(candidates):
        start = quote_start(segment, value.start, used_until)
        end = quote_end(segment, value, candidates[index + 1 :])
        quote = without_purpose(text[start:end])
        shared = found[-1].context if found and text[start:].lower().startswith("trong đó") else shared
        found.append(Found(quote, "so", value, text[start:end], start, shared))
        used_until = end
    return found


def is_commitment_value(text: str, value: numbers.Value) -> bool:
    before = text[: value.start]
    if inside_brackets(text, value.start):
        return False
    if value.unit and value.unit.startswith("%"):
        return True
    return bool(VALUE_CUE.search(before) or re.match(r"^\s*trở lên", text[value.end :]))


def main_values(candidates: list[numbers.Value], text: str) -> list[numbers.Value]:
    """One value per clause: "05 sản phẩm OCOP từ 3 sao trở lên" counts products (the stars qualify them); "Tỷ lệ
    trẻ em dưới 5 tuổi … không quá 10%" is a rate (the age qualifies the children)."""
    kept: list[numbers.Value] = []
    for value in candidates:
        if kept and same_clause(text, kept[-1], value):
            rate = re.search(r"\b(?:tỷ lệ|tốc độ)\b", text[: value.start], re.IGNORECASE)
            if rate and (value.unit or "").startswith("%") and not (kept[-1].unit or "").startswith("%"):
                kept[-1] = value
            continue
        kept.append(value)
    return kept


def inside_brackets(text: str, position: int) -> bool:
    return text[:position].count("(") > text[:position].count(")")


def same_clause(text: str, previous: numbers.Value, value: numbers.Value) -> bool:
    between = text[previous.end : value.start]
    return " và " not in f" {between} " and "," not in between


def quote_start(segment: Segment, position: int, used_until: int) -> int:
    """Where a number's words begin: at the last "phấn đấu" before it, or after the previous commitment (" và "
    joins two in one part), past any part that only orients ("Củng cố và nâng cao …, phấn đấu …")."""
    text, index = segment.text, segment.part_at(position)
    leads = list(PHAN_DAU.finditer(text, used_until, position))
    if leads:
        return leads[-1].start()
    if used_until and segment.part_at(used_until) == index:
        joiner = text.rfind(" và ", used_until, position)
        return joiner + 4 if joiner >= 0 else used_until
    start = next((a for a, _ in segment.parts if a >= used_until), used_until) if used_until else 0
    for earlier in range(segment.part_at(start), index):
        if orientation_led(segment.part(earlier)):
            start = segment.parts[earlier + 1][0]
    return start


def quote_end(segment: Segment, value: numbers.Value, later: list[numbers.Value]) -> int:
    text = segment.text
    end = segment.parts[segment.part_at(value.start)][1]
    nxt = next((v for v in later if v.start < end), None)
    if nxt is not None:
        joiner = text.rfind(" và ", value.end, nxt.start)
        end = joiner if joiner >= 0 else end
    return max(end, value.end)


def beyond_budget(segment: Segment, taken: list[Found]) -> list[Found]:
    """ "thu vượt dự toán cấp trên giao hằng năm": above 100% of the budget."""
    match = BEYOND_BUDGET.search(segment.text)
    if not match or any(f.kind == "so" and f.context and match.start() >= 0 and match[0] in f.context for f in taken):
        return []
    start = phrase_start(segment, match.start())
    end = segment.parts[segment.part_at(match.start())][1]
    value = numbers.Value(100, None, "% " + match[1].lower(), False, match.start(), match.end())
    return [Found(without_purpose(segment.text[start:end]), "vuot", value, segment.text[start:end], start)]


def phrase_start(segment: Segment, position: int) -> int:
    """Where a commitment's words begin: at "phấn đấu" or after " và " in its part, or at the part, taking in the
    parts that lead into it."""
    index = segment.part_at(position)
    start = segment.parts[index][0]
    lead = PHAN_DAU.search(segment.text, start, position)
    joiner = segment.text.rfind(" và ", start, position)
    start = lead.start() if lead else (joiner + 4 if joiner >= 0 else start)
    while index > 0 and LEAD_IN.search(segment.part(index - 1)):
        index -= 1
        start = segment.parts[index][0]
    return start


def list_end(segment: Segment, index: int) -> int:
    """A part goes on over the short list items after it: "an ninh chính trị, an ninh kinh tế, tư tưởng"."""
    end = segment.parts[index][1]
    for following in range(index + 1, len(segment.parts)):
        part = segment.part(following)
        kept = without_purpose(part)
        if len(kept.split()) > 6 or orientation_led(kept) or YEARLY.search(kept):
            break
        end = segment.parts[following][0] + len(kept)
        if kept != part.rstrip(" ,;."):
            break  # "…, năm để Ủy ban nhân dân xã …": the list ends where its purpose begins
    return end


def cue_found(segment: Segment, index: int) -> list[Found]:
    """The commitments without a number in one comma part: repeated, kept, a named level, a milestone; two when
    " và " joins them ("sơ kết hằng năm và tổng kết giữa, cuối nhiệm kỳ")."""
    part = segment.part(index)
    if orientation_led(part) or not part.strip():
        return []
    for kind, finder in (("lap-lai", repeated), ("giu", kept), ("muc", named_level), ("moc", milestone)):
        span = finder(segment, index)
        if span:
            found = [made(segment, kind, span)]
            return [f for f in found + joined_after(segment, index, span[1]) if f.quote]
    return []


def made(segment: Segment, kind: str, span: tuple[int, int]) -> Found:
    words = segment.text[span[0] : span[1]]
    return Found(without_purpose(words), kind, None, words, span[0])


def joined_after(segment: Segment, index: int, position: int) -> list[Found]:
    """ "… hằng năm và tổng kết giữa, cuối nhiệm kỳ": the milestone after " và "."""
    rest = segment.text[position : segment.parts[index][1]]
    if not rest.startswith(" và ") or not MILESTONE.search(rest):
        return []
    start = position + 4
    end = list_end(segment, index)
    words = segment.text[start:end]
    return [Found(without_purpose(words), "moc", None, words, start)] if not NOT_MILESTONE.search(words) else []


def repeated(segment: Segment, index: int) -> tuple[int, int] | None:
    part, (start, end) = segment.part(index), segment.parts[index]
    match = YEARLY.search(part)
    if not match or NOT_REPEATED.search(part):
        return None
    rest = part[match.end() :]
    if not rest.strip() and part[: match.start()].strip() in ("", "Định kỳ", "định kỳ"):
        return start, segment.parts[-1][1]  # "Hằng năm, xây dựng kế hoạch …": the whole segment
    if rest.startswith(" và "):
        return phrase_start(segment, start + match.start()), start + match.end()  # "sơ kết hằng năm và tổng kết"
    if rest.strip() and not NAMED_LEVEL.search(rest):
        return start + match.start(), list_end(segment, index)  # "định kỳ thực hiện báo cáo tháng, quý, năm"
    return phrase_start(segment, start + match.start()), end


def kept(segment: Segment, index: int) -> tuple[int, int] | None:
    match = KEEP.search(segment.part(index))
    return (segment.parts[index][0] + match.start(), list_end(segment, index)) if match else None


def named_level(segment: Segment, index: int) -> tuple[int, int] | None:
    match = NAMED_LEVEL.search(segment.part(index))
    if not match or orientation_led(segment.part(0)):
        return None
    if NEEDS_LEAD.match(match[0]) and not (PHAN_DAU.search(segment.text) or time_point(segment.text)):
        return None  # "xây dựng ý thức … trở thành nếp sống": a wish, not a level
    return phrase_start(segment, segment.parts[index][0] + match.start()), segment.parts[index][1]


def milestone(segment: Segment, index: int) -> tuple[int, int] | None:
    part, start = segment.part(index), segment.parts[index][0]
    match = MILESTONE.search(part)
    timed = YEAR_ONLY.search(part) or TERM_END.search(part)
    if NOT_MILESTONE.search(part) or not (match or timed):
        return None
    if match:
        lead = PHAN_DAU.search(part, 0, match.start()) or YEAR_ONLY.search(part, 0, match.start())
        return start + (lead.start() if lead else match.start()), segment.parts[index][1]
    verbs = [v for v in DELIVER.finditer(part, 0, timed.start())]
    if not verbs or NAME_BEFORE.search(QUOTED.sub("", part[: timed.start()])):
        return None
    joiner = part.rfind(" và ", 0, verbs[-1].start())
    return start + max(verbs[-1].start(), joiner + 4 if joiner >= 0 else 0), segment.parts[index][1]


def time_point(text: str) -> int | None:
    """The year a phrase sets ("đến năm 2030", "vào năm 2028"), unless it is the horizon of another programme."""
    for match in TIME_POINT.finditer(text):
        if not NAME_BEFORE.search(QUOTED.sub("", text[: match.start()])):
            return int(next(group for group in match.groups() if group))
    return None


def segment_commitments(segment: Segment) -> list[Found]:
    """Numbers first; then, in the parts no number took, the commitments without one."""
    if REQUEST.match(segment.sentence) or ENCOURAGED.match(segment.sentence):
        return []
    found = number_found(segment)
    found += beyond_budget(segment, found)
    taken = {i for f in found for i in range(segment.part_at(f.offset), segment.part_at(f.end - 1) + 1)}
    for index in range(len(segment.parts)):
        if index not in taken:
            cues = cue_found(segment, index)
            found += [c for c in cues if not any(c.quote in f.quote or f.quote in c.quote for f in found)]
    return found


def paragraph_commitments(text: str) -> list[tuple[Segment, Found]]:
    return [(segment, found) for segment in segments(text) for found in segment_commitments(segment)]
