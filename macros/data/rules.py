"""Rules that look across records: unique ids, references, verbatim quotes, values, periods, the id registry."""

from __future__ import annotations

from dataclasses import dataclass, field

from macros.data.load import Located, Source
from macros.data.spec import DOCUMENT_ANCHORS, RECORDS
from macros.errors import Problem
from macros.slug import fold
from macros.vocabulary import periods

QUOTE_FIELDS = ("bien_phap", "thoi_gian", "tham_quyen", "san_pham")


@dataclass(frozen=True)
class Entry:
    """A record with the place it came from."""

    path: str
    record: Located


@dataclass
class Index:
    """What the rules across records read: the well-formed records of every file, and the ids of all of them.

    A record with a structural problem (already reported) is left out of `collections`, so no rule trips over it; its
    id still counts in `known`, so that records referring to it are not blamed for its mistake."""

    units: dict[str, Entry] = field(default_factory=dict)
    anchors: dict[str, str | None] = field(default_factory=dict)  # anchor -> its text (None when malformed)
    anchor_unit: dict[str, str] = field(default_factory=dict)
    document_anchors: set[str] = field(default_factory=set)  # basis, preamble, closing, recipients (spec)
    collections: dict[str, list[Entry]] = field(default_factory=dict)
    known: dict[str, set[str]] = field(default_factory=dict)
    # Collections whose file could not be read at all (syntax, encoding): references to them are not checked, since
    # every one would look broken; the problem already reported is the one to fix first.
    unreadable: set[str] = field(default_factory=set)
    registry: list[Entry] = field(default_factory=list)
    span: periods.Span | None = None  # the plan's years; None when they could not be read

    def ids(self, name: str) -> set[str]:
        if name == "unit":
            return set(self.units)
        if name == "anchor":
            return set(self.anchors)
        return self.known.get(name, set())


def _items(source: Source, key: str) -> list[Entry]:
    """Every mapping listed under `key`, well-formed or not."""
    root = source.root if isinstance(source.root, Located) else {}
    items = root.get(key) if isinstance(root.get(key), list) else []
    return [Entry(source.path, item) for item in items if isinstance(item, Located)]


def _walk_units(entries: list[Entry], index: Index, duplicates: list[Problem], malformed: set[int]) -> None:
    for entry in entries:
        unit_id = entry.record.get("id")
        if not isinstance(unit_id, str):
            continue
        if unit_id in index.units:
            duplicates.append(_duplicate(entry, "mục"))
        index.units[unit_id] = entry
        if isinstance(entry.record.get("van_ban"), str):
            index.anchors[unit_id], index.anchor_unit[unit_id] = entry.record["van_ban"], unit_id
        for number, block in enumerate(_items(Source(entry.path, entry.record), "noi_dung"), start=1):
            anchor = f"{unit_id}-d{number}"
            text = None if id(block.record) in malformed else next(iter(block.record.values()), None)
            index.anchors[anchor], index.anchor_unit[anchor] = text, unit_id
        _walk_units(_items(Source(entry.path, entry.record), "muc"), index, duplicates, malformed)


COLLECTIONS = {
    "agencies": ("agency", "co_quan"),
    "targets": ("target", "chi_tieu"),
    "tasks": ("task", "nhiem_vu"),
    "hamlets": ("hamlet", "ap"),
    "reports": ("report", "bao_cao"),
    "abbreviations": ("abbreviation", "tu_viet_tat"),
}


READABLE_AS = {"plan": "unit", "agencies": "agency", "targets": "target", "tasks": "task", "hamlets": "hamlet"}


def build_index(sources: dict[str, list[Source]], malformed: set[int]) -> tuple[Index, list[Problem]]:
    """The index of every file's records; `malformed` holds the ids (id()) of the mappings with their own problem."""
    index, problems = Index(), []
    index.unreadable = {
        name for root, name in READABLE_AS.items() if not all(s.readable for s in sources.get(root, []))
    }
    sources = {root: [source for source in files if source.readable] for root, files in sources.items()}
    for source in sources.get("plan", []):
        _walk_units(_items(source, "muc"), index, problems, malformed)
        index.span = _span(source)
        index.document_anchors = set(DOCUMENT_ANCHORS)
    for root, (name, key) in COLLECTIONS.items():
        entries = [entry for source in sources.get(root, []) for entry in _items(source, key)]
        index.known[name] = {e.record.get("id") for e in entries if isinstance(e.record.get("id"), str)}
        index.collections[name] = [entry for entry in entries if id(entry.record) not in malformed]
    registry = [Entry(s.path, s.root) for s in sources.get("registry", []) if isinstance(s.root, Located)]
    index.registry = [entry for entry in registry if id(entry.record) not in malformed]
    return index, problems


def _span(source: Source) -> periods.Span | None:
    document = source.root.get("van_ban") if isinstance(source.root, Located) else None
    span = document.get("giai_doan") if isinstance(document, Located) else None
    years = [span.get(key) for key in ("tu", "den", "giua_ky")] if isinstance(span, Located) else []
    if not years or not all(isinstance(year, int) and not isinstance(year, bool) for year in years[:2]):
        return None
    midterm = years[2] if isinstance(years[2], int) and not isinstance(years[2], bool) else None
    return periods.Span(years[0], years[1], midterm)


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


WHAT = {
    "anchor": "đoạn kế hoạch",
    "unit": "mục kế hoạch",
    "agency": "đơn vị",
    "target": "chỉ tiêu",
    "source": "đoạn kế hoạch (hay phần can-cu, loi-dan, ket-luan, noi-nhan)",
}


def check_references(index: Index) -> list[Problem]:
    """Every field the spec declares as naming another record (ref=…, or an anchor kind) must name one that exists."""
    anchors = index.ids("anchor") | index.ids("unit")
    known = {name: index.ids(name) for name in WHAT} | {"anchor": anchors, "source": anchors | index.document_anchors}
    problems = []
    for name, entries in index.collections.items():
        for reference in (r for r in RECORDS[name].references if _readable(index, r.refers_to)):
            problems += [
                _ref_problem(e, reference.name, value, WHAT[reference.refers_to])
                for e in entries
                for value in _named(e, reference.name)
                if value not in known[reference.refers_to]
            ]
    return problems


def _readable(index: Index, collection: str) -> bool:
    """Whether the file of a collection was read (paragraphs and sections are in the plan's file)."""
    return ("unit" if collection == "anchor" else collection) not in index.unreadable


def _named(entry: Entry, key: str) -> list[str]:
    """The ids a reference field names: one, or a list."""
    values = entry.record.get(key)
    return [value for value in (values if isinstance(values, list) else [values]) if isinstance(value, str)]


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
