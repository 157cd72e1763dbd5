"""Rules that look across records: unique ids, references, verbatim quotes, values, periods, the id registry."""

from __future__ import annotations

from dataclasses import dataclass, field

from macros.data.load import Located, Source
from macros.errors import Problem
from macros.slug import fold

QUOTE_FIELDS = ("bien_phap", "thoi_gian", "tham_quyen", "san_pham")


@dataclass(frozen=True)
class Entry:
    """A record with the place it came from."""

    path: str
    record: Located


@dataclass
class Index:
    """Ids and texts gathered from all files, tolerant of malformed input."""

    units: dict[str, Entry] = field(default_factory=dict)
    anchors: dict[str, str] = field(default_factory=dict)
    anchor_unit: dict[str, str] = field(default_factory=dict)
    collections: dict[str, list[Entry]] = field(default_factory=dict)
    registry: list[Entry] = field(default_factory=list)
    period_span: tuple[int, int] = (2026, 2030)

    def ids(self, name: str) -> set[str]:
        if name == "unit":
            return set(self.units)
        return {entry.record.get("id") for entry in self.collections.get(name, [])}


def _records(source: Source, key: str) -> list[Entry]:
    root = source.root if isinstance(source.root, Located) else {}
    items = root.get(key) if isinstance(root.get(key), list) else []
    return [Entry(source.path, item) for item in items if isinstance(item, Located)]


def _walk_units(entries: list[Entry], index: Index, duplicates: list[Problem]) -> None:
    for entry in entries:
        unit_id = entry.record.get("id")
        if unit_id in index.units:
            duplicates.append(_duplicate(entry, "mục"))
        index.units[unit_id] = entry
        if isinstance(entry.record.get("van_ban"), str):
            index.anchors[unit_id] = entry.record["van_ban"]
            index.anchor_unit[unit_id] = unit_id
        for number, block in enumerate(_records(Source(entry.path, entry.record), "noi_dung"), start=1):
            anchor = f"{unit_id}-d{number}"
            index.anchors[anchor] = block.record.get("doan") or block.record.get("gach") or ""
            index.anchor_unit[anchor] = unit_id
        _walk_units(_records(Source(entry.path, entry.record), "muc"), index, duplicates)


COLLECTIONS = {
    "agencies": ("agency", "co_quan"),
    "targets": ("target", "chi_tieu"),
    "tasks": ("task", "nhiem_vu"),
    "hamlets": ("hamlet", "ap"),
    "reports": ("report", "bao_cao"),
    "abbreviations": ("abbreviation", "tu_viet_tat"),
}


def build_index(sources: dict[str, list[Source]]) -> tuple[Index, list[Problem]]:
    index, problems = Index(), []
    for source in sources.get("plan", []):
        _walk_units(_records(source, "muc"), index, problems)
        index.period_span = _period_span(source)
    for root, (name, key) in COLLECTIONS.items():
        index.collections[name] = [entry for source in sources.get(root, []) for entry in _records(source, key)]
    index.registry = [Entry(s.path, s.root) for s in sources.get("registry", []) if isinstance(s.root, Located)]
    return index, problems


def _period_span(source: Source) -> tuple[int, int]:
    document = source.root.get("van_ban") if isinstance(source.root, Located) else None
    span = document.get("giai_doan") if isinstance(document, Located) else None
    return (span.get("tu", 2026), span.get("den", 2030)) if isinstance(span, Located) else (2026, 2030)


def _duplicate(entry: Entry, what: str) -> Problem:
    value = entry.record.get("id")
    return Problem(
        entry.path,
        entry.record.line_of("id"),
        "id",
        f'mã {what} "{value}" bị trùng',
        "mỗi mã chỉ dùng một lần; đặt mã khác cho mục mới",
    )


def check_unique_ids(index: Index) -> list[Problem]:
    problems = []
    for entries in index.collections.values():
        seen = set()
        for entry in entries:
            value = entry.record.get("id")
            if value is not None and value in seen:
                problems.append(_duplicate(entry, "đã dùng"))
            seen.add(value)
    return problems


def check_unique_abbreviations(index: Index) -> list[Problem]:
    """Search looks an abbreviation up as typed, without diacritics or hyphens: "HĐND" and "HDND" are one entry."""
    problems, seen = [], set()
    for entry in index.collections.get("abbreviation", []):
        key = fold(str(entry.record.get("viet_tat"))).lower().replace("-", "")
        if key in seen:
            fix = "mỗi chữ viết tắt chỉ ghi một lần; xóa mục này hoặc gộp vào mục đã có"
            line = entry.record.line_of("viet_tat")
            problems.append(
                Problem(entry.path, line, "viet_tat", f'chữ viết tắt "{entry.record.get("viet_tat")}" bị trùng', fix)
            )
        seen.add(key)
    return problems


def _ref_problem(entry: Entry, key: str, value, what: str) -> Problem:
    return Problem(
        entry.path,
        entry.record.line_of(key),
        key,
        f'không có {what} nào mang mã "{value}"',
        f"kiểm tra lại chính tả, hoặc thêm {what} đó trước",
    )


REF_FIELDS = {
    "agency": [("nguon", "anchor")],
    "target": [
        ("muc", "unit"),
        ("doan", "anchor"),
        ("chu_tri", "agency"),
        ("phoi_hop", "agency"),
    ],
    "task": [
        ("doan", "anchor"),
        ("chu_tri", "agency"),
        ("phoi_hop", "agency"),
        ("chi_tieu", "target"),
    ],
    "hamlet": [("nguon", "anchor")],
    "report": [("chi_tieu", "target"), ("don_vi_bao_cao", "agency")],
}
WHAT = {
    "anchor": "đoạn kế hoạch",
    "unit": "mục kế hoạch",
    "agency": "đơn vị",
    "target": "chỉ tiêu",
}


def check_references(index: Index) -> list[Problem]:
    known = {name: index.ids(name) for name in ("unit", "agency", "target")}
    known["anchor"] = set(index.anchors) | set(index.units)
    problems = []
    for name, fields in REF_FIELDS.items():
        for entry in index.collections.get(name, []):
            for key, kind in fields:
                values = entry.record.get(key)
                for value in values if isinstance(values, list) else [values]:
                    if isinstance(value, str) and value not in known[kind]:
                        problems.append(_ref_problem(entry, key, value, WHAT[kind]))
    return problems


def check_quotes(index: Index) -> list[Problem]:
    """Quotes must be the plan's exact words: this is what keeps the site from inventing."""
    problems = []
    for name, keys in (("target", ("nguyen_van",)), ("task", QUOTE_FIELDS)):
        for entry in index.collections.get(name, []):
            text = index.anchors.get(entry.record.get("doan"))
            for key in keys:
                quote = entry.record.get(key)
                if text is not None and isinstance(quote, str) and quote not in text:
                    problems.append(
                        Problem(
                            entry.path,
                            entry.record.line_of(key),
                            key,
                            "câu trích không có nguyên văn trong đoạn kế hoạch đã ghi ở trường doan",
                            "chép đúng từng chữ, từng dấu từ văn bản gốc",
                        )
                    )
    return problems


def check_target_sections(index: Index) -> list[Problem]:
    problems = []
    for entry in index.collections.get("target", []):
        anchor, unit = entry.record.get("doan"), entry.record.get("muc")
        owner = index.anchor_unit.get(anchor)
        if owner and isinstance(unit, str) and owner != unit:
            problems.append(
                Problem(
                    entry.path,
                    entry.record.line_of("muc"),
                    "muc",
                    f'đoạn "{anchor}" thuộc mục "{owner}", không phải "{unit}"',
                    f"sửa thành muc: {owner}",
                )
            )
    return problems
