"""data/ke-hoach.yml from a parsed document: the document's fields and its units, every paragraph verbatim."""

from __future__ import annotations

from macros.importer import document, names
from macros.importer.document import Parsed


def signature(parsed: Parsed) -> dict | None:
    found = parsed.signature
    if not found:
        return None
    return {"the_thuc": found.get("the_thuc"), "chuc_vu": found.get("chuc_vu"), "nguoi_ky": found.get("nguoi_ky")}


def body_text(parsed: Parsed) -> str:
    return "\n".join(text for _, text in places({"van_ban": {}, "muc": [p.as_yaml() for p in parsed.parts]}))


def span_field(parsed: Parsed, given: tuple[int, int] | None = None) -> tuple[dict | None, str]:
    """giai_doan (and giua_ky when the plan sets a mid-term review), and where its years were read."""
    body = body_text(parsed)
    found = (given, "GIAI_DOAN") if given else document.period(body, parsed.title)
    if not found:
        return None, ""
    (first, last), where = found
    midterm = document.midterm(body, (first, last))
    return {"tu": first, "den": last} | ({"giua_ky": midterm} if midterm else {}), where


def document_fields(parsed: Parsed, given_span: tuple[int, int] | None = None) -> dict:
    number, issued = document.number_and_date(parsed.header)
    span, _ = span_field(parsed, given_span)
    return {
        "loai": parsed.kind,
        "trich_yeu": parsed.title,
        "so_hieu": number,
        "ngay_ban_hanh": issued,
        "co_quan_ban_hanh": document.issuer(parsed),
        "giai_doan": span,
        "can_cu": "\n".join(parsed.basis) or None,
        "loi_dan": parsed.preamble,
        "ket_luan": parsed.closing,
        "noi_nhan": parsed.recipients or None,
        "chu_ky": signature(parsed),
    }


def plan(parsed: Parsed, given_span: tuple[int, int] | None = None) -> dict:
    fields = {key: value for key, value in document_fields(parsed, given_span).items() if value is not None}
    fields = {"so_hieu": None, "ngay_ban_hanh": None} | fields  # the two a published plan may lack: kept, empty
    ordered = {key: fields.get(key) for key in KEY_ORDER if key in fields}
    return {"van_ban": ordered, "muc": [part.as_yaml() for part in parsed.parts]}


KEY_ORDER = (
    "loai", "trich_yeu", "so_hieu", "ngay_ban_hanh", "co_quan_ban_hanh", "giai_doan",
    "can_cu", "loi_dan", "ket_luan", "noi_nhan", "chu_ky",
)  # fmt: skip


def commune_names(parsed: Parsed, full_text: str) -> tuple[str | None, str | None]:
    caps = document.issuer_lines(parsed.header)
    commune = names.commune(caps, parsed.title, parsed.preamble or "")
    return commune, names.province(caps, full_text)


def unit_places(unit: dict) -> list[tuple[str, str]]:
    own = [(unit["id"], text) for text in (unit.get("tieu_de"), unit.get("van_ban")) if text]
    blocks = [(f"{unit['id']}-d{n}", next(iter(b.values()))) for n, b in enumerate(unit.get("noi_dung") or [], 1)]
    return own + blocks + [place for child in unit.get("muc") or [] for place in unit_places(child)]


def places(plan_data: dict) -> list[tuple[str, str]]:
    """(anchor, text) for every text of the plan that can name a body, in reading order, with the document's own
    parts under the anchors the site gives them (can-cu, loi-dan, ket-luan, noi-nhan)."""
    document = plan_data["van_ban"]
    head = [("can-cu", document.get("can_cu")), ("loi-dan", document.get("loi_dan"))]
    tail = [("ket-luan", document.get("ket_luan")), ("noi-nhan", "\n".join(document.get("noi_nhan") or []))]
    body = [place for part in plan_data["muc"] for place in unit_places(part)]
    return [(anchor, text) for anchor, text in head + body + tail if text]
