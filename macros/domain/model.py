"""Stage 3: typed, frozen records built from validated data, and the named queries pages need."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from macros import slug
from macros.data.load import Source
from macros.domain import periods

SPLIT_PAGE_CHARS = 12000  # a part longer than this gets one page per subsection, so phones get pages of readable length


@dataclass(frozen=True)
class Block:
    anchor: str
    kind: str  # "doan" (paragraph) or "gach" (bullet)
    text: str


@dataclass(frozen=True)
class Unit:
    id: str
    number: str
    citation: str
    title: str | None
    text: str | None
    blocks: tuple[Block, ...]
    children: tuple[Unit, ...]
    depth: int

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def size(self) -> int:
        own = len(self.text or "") + sum(len(block.text) for block in self.blocks)
        return own + sum(child.size for child in self.children)


@dataclass(frozen=True)
class Signature:
    form: str
    position: str
    signer: str | None


@dataclass(frozen=True)
class Document:
    kind: str
    title: str
    number: str | None
    issued: dt.date | None
    issuer: str | None
    basis: str
    preamble: str
    closing: str
    recipients: tuple[str, ...]
    signature: Signature
    period_start: int
    period_end: int


@dataclass(frozen=True)
class Agency:
    id: str
    name: str
    sources: tuple[str, ...]
    note: str | None


@dataclass(frozen=True)
class Target:
    id: str
    unit_id: str
    anchor: str
    wording: str
    name: str
    kind: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    deadline: int | None  # None means judged every year
    baseline: float | None
    baseline_year: int | None
    lead: str | None
    partners: tuple[str, ...]
    per_hamlet: bool
    note: str | None

    @property
    def goal(self) -> float | None:
        """The number that counts as met: a range is judged by its lower bound."""
        return self.low if self.kind == "khoang" else self.value


@dataclass(frozen=True)
class Task:
    id: str
    anchor: str
    what: str
    lead: str | None
    partners: tuple[str, ...]
    means: str | None
    timing: str | None
    authority: str | None
    product: str | None
    target_ids: tuple[str, ...]


@dataclass(frozen=True)
class Hamlet:
    id: str
    name: str
    source: str | None


@dataclass(frozen=True)
class Commune:
    """The commune the plan belongs to (data/xa.yml): the only place its name is written for the pages."""

    name: str
    province: str
    licence: str


@dataclass(frozen=True)
class Abbreviation:
    """An abbreviation of commune administration (data/tu-viet-tat.yml) and its full form."""

    short: str
    full: str


@dataclass(frozen=True)
class Report:
    target_id: str
    period: periods.Period
    value: float | bool | None
    hamlet_values: tuple[tuple[str, float], ...]
    as_of: dt.date
    source: str
    agency_id: str
    note: str | None
    file: str
    line: int


@dataclass(frozen=True)
class Page:
    """One page of the plan: a whole part, or one subsection of a long part."""

    id: str
    units: tuple[Unit, ...]
    overview: bool = False  # the page of a split part, which lists its subsections

    @property
    def path(self) -> str:
        return f"ke-hoach/{self.id}/"


@dataclass(frozen=True)
class Plan:
    document: Document
    parts: tuple[Unit, ...]
    agencies: tuple[Agency, ...]
    targets: tuple[Target, ...]
    tasks: tuple[Task, ...]
    hamlets: tuple[Hamlet, ...]
    hamlets_complete: bool
    hamlets_note: str | None
    reports: tuple[Report, ...]
    commune: Commune | None = None
    redirects: tuple[tuple[str, str], ...] = ()  # published address -> where it lives now (data/id-da-cong-bo.yml)
    abbreviations: tuple[Abbreviation, ...] = ()

    @cached_property
    def units(self) -> dict[str, Unit]:
        return {unit.id: unit for part in self.parts for unit in part.walk()}

    @cached_property
    def anchors(self) -> dict[str, str]:
        """Paragraph anchor (or unit id) -> the unit id that holds it."""
        found = {unit.id: unit.id for unit in self.units.values()}
        return found | {block.anchor: unit.id for unit in self.units.values() for block in unit.blocks}

    @cached_property
    def pages(self) -> tuple[Page, ...]:
        pages = []
        for part in self.parts:
            if part.size > SPLIT_PAGE_CHARS and part.children:
                pages.append(Page(part.id, (part,), overview=True))
                pages += [Page(child.id, (child,)) for child in part.children]
            else:
                pages.append(Page(part.id, (part,)))
        return tuple(pages)

    @cached_property
    def page_of_unit(self) -> dict[str, Page]:
        found = {}
        for page in self.pages:
            units = page.units if page.overview else [u for top in page.units for u in top.walk()]
            found |= {unit.id: page for unit in units}
        return found

    def page_of(self, anchor: str) -> Page:
        return self.page_of_unit[self.anchors[anchor]]

    @cached_property
    def agency_by_id(self) -> dict[str, Agency]:
        return {agency.id: agency for agency in self.agencies}

    @cached_property
    def target_by_id(self) -> dict[str, Target]:
        return {target.id: target for target in self.targets}

    # The queries below are asked once per page or paragraph: each reads an index built once,
    # so a build stays linear in the data instead of scanning every record on every call.

    @cached_property
    def _targets_by_unit(self) -> dict[str, tuple[Target, ...]]:
        return _group(self.targets, lambda t: (t.unit_id,))

    @cached_property
    def _targets_by_anchor(self) -> dict[str, tuple[Target, ...]]:
        return _group(self.targets, lambda t: (t.anchor,))

    @cached_property
    def _tasks_by_anchor(self) -> dict[str, tuple[Task, ...]]:
        return _group(self.tasks, lambda t: (t.anchor,))

    @cached_property
    def _reports_by_target(self) -> dict[str, tuple[Report, ...]]:
        return {
            key: tuple(sorted(found, key=lambda r: (r.period, r.as_of)))
            for key, found in _group(self.reports, lambda r: (r.target_id,)).items()
        }

    @cached_property
    def _targets_by_agency(self) -> dict[str, tuple[Target, ...]]:
        return _group(self.targets, lambda t: (t.lead, *t.partners))

    @cached_property
    def _tasks_by_agency(self) -> dict[str, tuple[Task, ...]]:
        return _group(self.tasks, lambda t: (t.lead, *t.partners))

    def targets_in(self, unit_id: str) -> tuple[Target, ...]:
        return self._targets_by_unit.get(unit_id, ())

    def targets_at(self, anchor: str) -> tuple[Target, ...]:
        return self._targets_by_anchor.get(anchor, ())

    def tasks_at(self, anchor: str) -> tuple[Task, ...]:
        return self._tasks_by_anchor.get(anchor, ())

    def reports_for(self, target_id: str) -> tuple[Report, ...]:
        """Sorted by period, then as-of date."""
        return self._reports_by_target.get(target_id, ())

    def targets_of(self, agency_id: str) -> tuple[Target, ...]:
        return self._targets_by_agency.get(agency_id, ())

    def tasks_of(self, agency_id: str) -> tuple[Task, ...]:
        return self._tasks_by_agency.get(agency_id, ())

    def part_of(self, unit_id: str) -> Unit:
        return next(part for part in self.parts if unit_id in {u.id for u in part.walk()})

    @cached_property
    def periods(self) -> tuple[periods.Period, ...]:
        return tuple(sorted({report.period for report in self.reports}))


def _group(records, keys) -> dict:
    """Records under each distinct key that keys(record) gives, in the records' order."""
    found: dict = {}
    for record in records:
        for key in dict.fromkeys(keys(record)):
            found.setdefault(key, []).append(record)
    return {key: tuple(items) for key, items in found.items()}


def _unit(raw, part_number: str | None, depth: int) -> Unit:
    number = str(raw["so"])
    citation = number if part_number is None else f"{part_number}.{number}"
    blocks = tuple(
        Block(
            f"{raw['id']}-d{n}",
            "gach" if "gach" in block else "doan",
            block.get("gach") or block.get("doan"),
        )
        for n, block in enumerate(raw.get("noi_dung") or [], start=1)
    )
    top = number if part_number is None else part_number
    children = tuple(_unit(child, top, depth + 1) for child in raw.get("muc") or [])
    return Unit(
        raw["id"],
        number,
        citation,
        raw.get("tieu_de"),
        raw.get("van_ban"),
        blocks,
        children,
        depth,
    )


def _document(raw) -> Document:
    sign = raw["chu_ky"]
    span = raw.get("giai_doan") or {}
    return Document(
        raw["loai"],
        raw["trich_yeu"],
        raw.get("so_hieu"),
        raw.get("ngay_ban_hanh"),
        raw.get("co_quan_ban_hanh"),
        raw["can_cu"],
        raw["loi_dan"],
        raw["ket_luan"],
        tuple(raw["noi_nhan"]),
        Signature(sign["the_thuc"], sign["chuc_vu"], sign.get("nguoi_ky")),
        span.get("tu", 2026),
        span.get("den", 2030),
    )


def _target(raw) -> Target:
    deadline = raw["han"]
    return Target(
        raw["id"],
        raw["muc"],
        raw["doan"],
        raw["nguyen_van"],
        raw["ten"],
        raw["loai"],
        raw.get("gia_tri"),
        raw.get("gia_tri_tu"),
        raw.get("gia_tri_den"),
        raw.get("don_vi"),
        None if deadline == "hang-nam" else deadline,
        raw.get("co_so"),
        raw.get("nam_co_so"),
        raw.get("chu_tri"),
        tuple(raw.get("phoi_hop") or ()),
        bool(raw.get("theo_ap")),
        raw.get("ghi_chu"),
    )


def _task(raw) -> Task:
    return Task(
        raw["id"],
        raw["doan"],
        raw["ro_viec"],
        raw.get("chu_tri"),
        tuple(raw.get("phoi_hop") or ()),
        raw.get("bien_phap"),
        raw.get("thoi_gian"),
        raw.get("tham_quyen"),
        raw.get("san_pham"),
        tuple(raw.get("chi_tieu") or ()),
    )


def _reports(source: Source) -> list[Report]:
    items = source.root.get("bao_cao") or []
    return [
        Report(
            raw["chi_tieu"],
            periods.parse(raw["ky"]),
            raw.get("gia_tri"),
            tuple(sorted((raw.get("theo_ap") or {}).items())),
            raw["ngay"],
            raw["nguon"],
            raw["don_vi_bao_cao"],
            raw.get("ghi_chu"),
            source.path,
            items.line_of(index),
        )
        for index, raw in enumerate(items)
    ]


def build(sources: dict[str, list[Source]]) -> Plan:
    """Build the plan from sources that passed validation."""
    plan = sources["plan"][0].root
    hamlets = sources["hamlets"][0].root
    return Plan(
        _document(plan["van_ban"]),
        tuple(_unit(part, None, 0) for part in plan["muc"]),
        tuple(
            Agency(a["id"], a["ten"], tuple(a["nguon"]), a.get("ghi_chu"))
            for a in sources["agencies"][0].root["co_quan"]
        ),
        tuple(_target(t) for t in sources["targets"][0].root["chi_tieu"]),
        tuple(_task(t) for t in sources["tasks"][0].root["nhiem_vu"]),
        tuple(Hamlet(h["id"], h["ten"], h.get("nguon")) for h in hamlets["ap"]),
        hamlets["day_du"],
        hamlets.get("ghi_chu"),
        tuple(report for source in sources.get("reports", []) for report in _reports(source)),
        _commune(sources["commune"][0].root),
        _redirects(sources["registry"][0].root),
        abbreviations=_abbreviations(sources.get("abbreviations", [])),
    )


def _abbreviations(sources: list[Source]) -> tuple[Abbreviation, ...]:
    """In alphabetical order, whatever the order in the file."""
    found = (Abbreviation(raw["viet_tat"], raw["day_du"]) for source in sources for raw in source.root["tu_viet_tat"])
    return tuple(sorted(found, key=lambda item: slug.fold(item.short)))


def _redirects(raw) -> tuple[tuple[str, str], ...]:
    """Moved addresses; the check makes sure each points at an address that exists now."""
    return tuple(sorted((raw.get("chuyen_huong") or {}).items()))


def _commune(raw) -> Commune:
    return Commune(raw["ten"], raw["tinh"], raw["giay_phep"])
