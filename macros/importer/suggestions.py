"""data/chi-tieu-de-xuat.yml: each commitment the plan makes, with the fields of a target.

The kind follows the words: a number held each year is `ty-le-hang-nam` (a rate) or `so-luong-hang-nam` (a count),
a yearly average rate ("bình quân hằng năm", "%/năm") is `binh-quan-hang-nam`, a range is `khoang`, any other
number `tich-luy` (a ceiling too, with "<=" or "<"); a standard kept or a thing repeated is `dat-chuan`, a one-off
deliverable `moc`. Whatever is not in the words (a deadline, a level) is marked as inferred with the reason.
"""

from __future__ import annotations

import re

from macros.data.spec import RECORDS
from macros.importer import commitments, numbers
from macros.importer.commitments import AVERAGE, TERM_END, YEARLY, Found, time_point
from macros.slug import fold, slugify
from macros.vocabulary import kinds, periods, units

SINCE_LAST_YEAR = re.compile(r"\bso (?:với )?năm trước\b", re.IGNORECASE)
RATE_OF_QUOTA = re.compile(r"^% (?:chỉ tiêu|dự toán|kế hoạch)")
NAME_NOISE = re.compile(
    rf"^(?:{commitments.PHAN_DAU.pattern}|(?:hằng|hàng|mỗi) năm|định kỳ|trong nhiệm kỳ|có|và|trong đó)[\s,]*",
    re.IGNORECASE,
)
TIME_NOISE = re.compile(r"\s*(?:,\s*)?(?:đến|vào|trong|trước)\s+(?:cuối\s+)?năm\s+20\d{2}\s*,?\s*", re.IGNORECASE)


def numeric_kind(found: Found) -> str:
    value, words = found.value, found.shared + " " + found.context
    yearly = YEARLY.search(words) or (value.per_year and not time_point(words))
    percent = (value.unit or "").startswith("%")
    growth = percent and re.search(r"\b(?:tăng|giảm)\b", words, re.IGNORECASE)
    if AVERAGE.search(words) or (growth and (yearly or SINCE_LAST_YEAR.search(words))):
        return "binh-quan-hang-nam"
    if yearly:
        return "ty-le-hang-nam" if (value.unit or "").startswith("%") else "so-luong-hang-nam"
    return "khoang" if value.high is not None else "tich-luy"


def in_year(kind: str, unit: str | None) -> str | None:
    """What a yearly number is during the year: a share of a yearly quota or a count adds up (`cong-don`), a rate
    is compared as it is (`ty-le`); a yearly average and a yes/no kind have no such measure."""
    registered = kinds.KINDS[kind]
    if registered.yes_no or registered.average:
        return None
    percent = (unit or "").startswith("%") and not RATE_OF_QUOTA.match(unit or "")
    return kinds.RATE if percent else kinds.CUMULATIVE


def deadline(found: Found, sentence: str, last_year: int) -> tuple[object, bool, str]:
    """(han, han_theo_ke_hoach, the reason when inferred)."""
    if found.kind == "lap-lai" or (found.kind == "so" and numeric_kind(found).endswith("hang-nam")):
        return "hang-nam", True, ""
    if found.kind == "vuot" and YEARLY.search(found.context):
        return "hang-nam", True, ""
    if found.kind in ("giu", "vuot"):
        why = "Cam kết phải giữ suốt nhiệm kỳ và Kế hoạch không nêu năm: đề xuất xét từng năm."
        return "hang-nam", bool(YEARLY.search(found.context)), "" if YEARLY.search(found.context) else why
    own = time_point(found.context)
    if own:
        return own, True, ""
    if TERM_END.search(found.context) or "cuối nhiệm kỳ" in found.context:
        return last_year, False, f"Kế hoạch ghi theo nhiệm kỳ, không ghi năm; đề xuất hạn là năm cuối ({last_year})."
    shared = time_point(sentence)
    if shared:
        return shared, False, f"Vế này không có năm riêng; đề xuất lấy năm {shared} mà cùng câu nêu."
    return last_year, False, f"Kế hoạch không nêu năm; đề xuất hạn là năm cuối của giai đoạn kế hoạch ({last_year})."


def value_fields(found: Found, kind: str) -> dict:
    value = found.value
    if value is None:
        return {}
    compared = ">" if found.kind == "vuot" else numbers.comparison(found.before_value(), found.after_value())
    per_year = value.per_year and not (value.unit or "").startswith("%") and kind == "tich-luy"
    unit = f"{value.unit}/năm" if per_year else value.unit
    fields = {"don_vi": unit if units.known(unit) else None, "so_sanh": compared}
    if kind == "khoang":
        up = re.match(r"^\s*trở lên", found.after_value())
        return fields | {"gia_tri_tu": value.low, "gia_tri_den": None if up else value.high, "so_sanh": ">="}
    return fields | {"gia_tri": value.low}


def format_number(value: float) -> str:
    """ "01-02" reads 1–2, "1,41" reads 1,41: the way a note quotes a number."""
    return str(value).replace(".", ",")


def kind_of(found: Found) -> str:
    if found.kind == "so":
        return numeric_kind(found)
    if found.kind == "vuot":
        return "ty-le-hang-nam" if YEARLY.search(found.context) else "tich-luy"
    return "moc" if found.kind == "moc" else "dat-chuan"


def name_of(quote: str) -> str:
    """A short name for staff to edit: the quote without "phấn đấu", the year, "hằng năm"."""
    name = quote
    for _ in range(3):
        name = TIME_NOISE.sub(" ", NAME_NOISE.sub("", name.strip())).strip(" ,")
    name = name or quote
    return (name[:1].upper() + name[1:])[:120].rstrip()


def record(found: Found, sentence: str, unit_id: str, anchor: str, span: periods.Span) -> dict | None:
    kind = kind_of(found)
    han, stated, why = deadline(found, sentence, span.last)
    if han != "hang-nam" and not span.in_term(han):
        return None  # a year outside the plan's term: not a deadline the site can track
    if kind == "dat-chuan" and found.kind == "moc":
        kind = "moc"
    if kind in ("moc", "tich-luy", "khoang") and han == "hang-nam":
        han, stated = span.last, False
    fields = value_fields(found, kind)
    notes = [why] if why else []
    if found.kind == "vuot":
        notes.append("“Vượt” nghĩa là trên 100% (chính mức được giao là chưa vượt).")
    if found.value and found.value.unit and fields.get("don_vi") is None:
        notes.append(f"Đơn vị “{found.value.unit}” chưa có trong danh mục đơn vị (macros/vocabulary/units.py): "
                     "ghi don_vi khi chép sang chi-tieu.yml, sau khi thêm đơn vị vào danh mục.")  # fmt: skip
    if found.value and found.value.out_of is not None:
        notes.append(f"Kế hoạch ghi {format_number(found.value.low)}/{format_number(found.value.out_of)}: "
                     f"đề xuất đếm số đạt, trên tổng số {format_number(found.value.out_of)}.")  # fmt: skip
    if found.value and found.value.high is not None and kind != "khoang":
        low, high = format_number(found.value.low), format_number(found.value.high)
        notes.append(f"Kế hoạch nêu khoảng {low}–{high}; đề xuất xét theo cận dưới {low}.")
    target = {
        "id": "",
        "muc": unit_id,
        "doan": anchor,
        "ten": name_of(found.quote),
        "nguyen_van": found.quote,
        "loai": kind,
        **fields,
        "han": han,
        "han_theo_ke_hoach": stated,
        "gia_tri_theo_ke_hoach": True,
    }
    in_the_year = in_year(kind, fields.get("don_vi")) if han == "hang-nam" else None
    if in_the_year:
        target["trong_nam"] = in_the_year
        notes.append(f"trong_nam: {in_the_year} là đề xuất theo đơn vị tính, cán bộ xem lại.")
    if notes:
        target["ghi_chu"] = " ".join(notes)
    return {field.name: target[field.name] for field in RECORDS["target"].fields if field.name in target}


def words_of(quote: str) -> str:
    return " ".join(fold(quote).lower().split())


def drop_repeats(records: list[dict], alone: list[bool]) -> list[dict]:
    """A commitment the plan says twice is suggested once: where it is said in full ("giữ vững trật tự an toàn xã
    hội" in II.1 is said again, longer, in III.4), else where it stands as a clause of its own ("; duy trì mức sinh
    hợp lý;" in III.3.3 đoạn 3, not inside a list in đoạn 1), else where it is said first."""
    return [item for index, item in enumerate(records) if not said_elsewhere(records, alone, index)]


def said_elsewhere(records: list[dict], alone: list[bool], index: int) -> bool:
    item = records[index]
    words = core_words(item["nguyen_van"])
    if item["loai"] not in ("dat-chuan", "moc") or not words:
        return False
    for other_index, other in enumerate(records):
        rank = (len(other["nguyen_van"]), alone[other_index], -other_index)
        fuller = rank > (len(item["nguyen_van"]), alone[index], -index)
        same = other_index != index and other["loai"] == item["loai"]
        if same and fuller and words in core_words(other["nguyen_van"]):
            return True
    return False


def core_words(quote: str) -> str:
    words = words_of(quote)
    return re.sub(r"^(?:giu vung|duy tri|khong de|phan dau|phan dau)\s+", "", words)


def short_slug(name: str, limit: int = 40) -> str:
    """ "Duy trì xã đạt chuẩn nông thôn mới" -> "duy-tri-xa-dat-chuan-nong-thon-moi": whole words, up to `limit`."""
    kept: list[str] = []
    for word in slugify(name).split("-"):
        if kept and len("-".join([*kept, word])) > limit:
            break
        kept.append(word)
    return "-".join(kept) or "chi-tieu"


def with_ids(records: list[dict]) -> list[dict]:
    used: set[str] = set()
    for item in records:
        base = short_slug(item["ten"])
        candidate, count = base, 1
        while candidate in used:
            count += 1
            candidate = f"{base}-{count}"
        item["id"] = candidate
        used.add(candidate)
    return records


def suggest(places: list[tuple[str, str, str]], span: periods.Span) -> tuple[list[dict], int]:
    """(suggestions, how many commitments were left out because their year is outside the term) for the plan's
    paragraphs, given as (anchor, unit id, text)."""
    found, alone, skipped = [], [], 0
    for anchor, unit_id, text in places:
        for segment, item in commitments.paragraph_commitments(text):
            made = record(item, segment.sentence, unit_id, anchor, span)
            skipped += made is None
            found += [made] if made else []
            alone += [item.quote == segment.text.strip(" .;")] if made else []
    return with_ids(drop_repeats(found, alone)), skipped
