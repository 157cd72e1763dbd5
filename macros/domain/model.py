"""Stage 3: typed, frozen records built from validated data, and the named queries pages need."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from macros import slug
from macros.data.load import Source
from macros.data.spec import AGENCY_ROLES, RECORDS
from macros.settings import SPLIT_PAGE_CHARS
from macros.vocabulary import corrections, kinds, periods


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
    short_title: str | None = None  # the site's label in the navigation, when the title is too long for it

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def size(self) -> int:
        own = len(self.text or "") + sum(len(block.text) for block in self.blocks)
        return own + sum(child.size for child in self.children)


class Signature(NamedTuple):
    """The signature block: its form ("TM. ỦY BAN NHÂN DÂN"), the position, and the signer if the source names one."""

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
    span: periods.Span

    @property
    def period_start(self) -> int:
        return self.span.first

    @property
    def period_end(self) -> int:
        return self.span.last

    @property
    def baseline_year(self) -> int:
        """The year before the plan's period whose reports are accepted as the starting point (2025)."""
        return self.span.baseline

    @property
    def midterm_year(self) -> int | None:
        """The year of the mid-term review the plan holds (V.5: 2028), None if it holds none."""
        return self.span.midterm


@dataclass(frozen=True)
class Agency:
    id: str
    name: str
    sources: tuple[str, ...]
    note: str | None
    roles: tuple[str, ...] = ()  # what the plan gives this body (spec.AGENCY_ROLES)


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
    comparison: str | None = None  # ">=" or ">" as the plan words it (kinds.COMPARISONS); None for yes/no kinds
    in_year: str | None = None  # yearly numbers: kinds.CUMULATIVE (adds up during the year) or kinds.RATE
    value_stated: bool = True  # False when the site infers the level; the reason is in `note`
    deadline_stated: bool = True  # False when the site infers the deadline; the reason is in `note`

    @property
    def inferred(self) -> bool:
        """Whether the site infers the deadline or the level (the reason is in `note`)."""
        return not (self.deadline_stated and self.value_stated)

    @property
    def goal(self) -> float | None:
        """The number that counts as met (the kind says which: a range is judged by its lower bound)."""
        return kinds.of(self).goal(self)


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
    requested: tuple[str, ...] = ()  # bodies the plan asks ("đề nghị") rather than assigns
    directed: tuple[str, ...] = ()  # bodies the plan directs ("chỉ đạo") to do it: not its lead


@dataclass(frozen=True)
class Duty:
    """The targets and tasks in which the plan gives a body one role (a vai_tro code: "duoc-giao", "phoi-hop"…)."""

    role: str
    targets: tuple[Target, ...]
    tasks: tuple[Task, ...]


# Record name -> (model attribute, role) of each field that names bodies in a role (spec.Field.role).
ROLE_FIELDS = {name: tuple((f.attr, f.role) for f in RECORDS[name].modelled if f.role) for name in ("target", "task")}


def named_bodies(name: str, record) -> tuple[tuple[str, str], ...]:
    """(body id, role) for every body a target or task ("target", "task") names, in the order of its fields."""
    found = []
    for attr, role in ROLE_FIELDS[name]:
        value = getattr(record, attr)
        found += [(body, role) for body in (value if isinstance(value, tuple) else (value,)) if body]
    return tuple(found)


def role_in(name: str, record, body: str) -> str | None:
    """The role a target or task gives a body, or None."""
    return next((role for named, role in named_bodies(name, record) if named == body), None)


@dataclass(frozen=True)
class Hamlet:
    """A hamlet (ấp) of the commune; `source` is the paragraph of the plan that names it, if any."""

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
    place: str = ""  # a workbook row: '<file>, trang tính "<sheet>", dòng <row>' (a YAML report is file:line)


@dataclass(frozen=True)
class Page:
    """One page of the plan: a whole part, or one subsection of a long part."""

    id: str
    units: tuple[Unit, ...]
    overview: bool = False  # the page of a split part, which lists its subsections


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
    def hamlet_ids(self) -> tuple[str, ...]:
        return tuple(hamlet.id for hamlet in self.hamlets)

    @cached_property
    def targets_by_area(self) -> tuple[tuple[Page, tuple[Target, ...]], ...]:
        """Targets grouped by area (the page of the plan that holds them), in the plan's order: the grouping of the
        targets table, the summaries and the period reports."""
        areas = _group(self.targets, lambda t: (self.page_of(t.anchor).id,))
        return tuple((page, areas[page.id]) for page in self.pages if page.id in areas)

    @cached_property
    def agency_by_id(self) -> dict[str, Agency]:
        return {agency.id: agency for agency in self.agencies}

    @cached_property
    def target_by_id(self) -> dict[str, Target]:
        return {target.id: target for target in self.targets}

    # The queries below are asked once per page or paragraph: each reads an index built once,
    # so a build stays linear in the data instead of scanning every record on every call.

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
        return _group(self.targets, lambda t: (body for body, _ in named_bodies("target", t)))

    @cached_property
    def _tasks_by_agency(self) -> dict[str, tuple[Task, ...]]:
        return _group(self.tasks, lambda t: (body for body, _ in named_bodies("task", t)))

    @cached_property
    def _by_body_and_role(self) -> dict[tuple[str, str], tuple]:
        """(body, role) -> the targets and the tasks, each tagged, that give the body that role."""
        tagged = [("target", t) for t in self.targets] + [("task", t) for t in self.tasks]
        return _group(tagged, lambda item: named_bodies(*item))

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

    def duties_of(self, agency_id: str) -> tuple[Duty, ...]:
        """The roles the targets and tasks give a body, in the order of spec.AGENCY_ROLES, each with its records."""
        found = []
        for role in AGENCY_ROLES:
            tagged = self._by_body_and_role.get((agency_id, role), ())
            targets = tuple(record for name, record in tagged if name == "target")
            tasks = tuple(record for name, record in tagged if name == "task")
            found += [Duty(role, targets, tasks)] if tagged else []
        return tuple(found)

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


# Field kind -> how a validated YAML value becomes the model's value. The keys and attributes come from the field
# declarations in macros/data/spec.py, so a record's fields are declared once.
MODEL_VALUES = {
    "refs": lambda value: tuple(value or ()),
    "texts": tuple,
    "anchors": tuple,
    "sources": tuple,
    "enums": tuple,
    "bool": bool,
    "deadline": lambda value: None if value == kinds.YEARLY else value,
    "period": periods.parse,
    "hamlet_values": lambda value: tuple(sorted((value or {}).items())),
}


def fields(record: str, raw) -> dict:
    """The model attributes of one validated YAML mapping, by the field declarations of its record."""
    return {field.attr: MODEL_VALUES.get(field.kind, _same)(raw.get(field.name)) for field in RECORDS[record].modelled}


def _same(value):
    return value


def _unit(raw, part_number: str | None, depth: int) -> Unit:
    number = str(raw["so"])
    blocks = tuple(
        Block(anchor=f"{raw['id']}-d{n}", kind=next(iter(block)), text=next(iter(block.values())))
        for n, block in enumerate(raw.get("noi_dung") or [], start=1)
    )
    top = number if part_number is None else part_number
    return Unit(
        **fields("unit", raw) | {"number": number},
        citation=number if part_number is None else f"{part_number}.{number}",
        blocks=blocks,
        children=tuple(_unit(child, top, depth + 1) for child in raw.get("muc") or []),
        depth=depth,
    )


def _document(raw) -> Document:
    return Document(
        **fields("document", raw),
        signature=Signature(**fields("signature", raw["chu_ky"])),
        span=periods.Span(**fields("span", raw["giai_doan"])),
    )


def _reports(source: Source) -> list[Report]:
    items = source.root.get("bao_cao") or []
    return [
        Report(**fields("report", raw), file=source.path, line=items.line_of(index), place=raw.place)
        for index, raw in enumerate(items)
    ]


def corrected(reports) -> tuple[Report, ...]:
    """One report per target and period: a correction (its note begins with "Sửa:", macros/vocabulary/corrections.py)
    replaces the report it corrects, and for a per-hamlet target only the hamlets it gives (the check has made sure
    there is at most one report and one correction of each)."""
    groups: dict[tuple, list[Report]] = {}
    for report in reports:
        groups.setdefault((report.target_id, report.period.code), []).append(report)
    return tuple(_replaced(group) for group in groups.values())


def _replaced(group: list[Report]) -> Report:
    fixes = [report for report in group if corrections.reason(report.note)]
    if len(group) < 2 or not fixes:
        return group[0]
    original = next((report for report in group if report not in fixes), group[0])
    hamlets = dict(original.hamlet_values) | dict(fixes[0].hamlet_values)
    return dataclasses.replace(fixes[0], hamlet_values=tuple(sorted(hamlets.items())))


def build(sources: dict[str, list[Source]]) -> Plan:
    """Build the plan from sources that passed validation."""
    plan, hamlets = sources["plan"][0].root, sources["hamlets"][0].root
    return Plan(
        document=_document(plan["van_ban"]),
        parts=tuple(_unit(part, None, 0) for part in plan["muc"]),
        agencies=tuple(Agency(**fields("agency", a)) for a in sources["agencies"][0].root["co_quan"]),
        targets=tuple(Target(**fields("target", t)) for t in sources["targets"][0].root["chi_tieu"]),
        tasks=tuple(Task(**fields("task", t)) for t in sources["tasks"][0].root["nhiem_vu"]),
        hamlets=tuple(Hamlet(**fields("hamlet", h)) for h in hamlets["ap"]),
        hamlets_complete=hamlets["day_du"],
        hamlets_note=hamlets.get("ghi_chu"),
        reports=corrected(report for source in sources.get("reports", []) for report in _reports(source)),
        commune=Commune(**fields("commune", sources["commune"][0].root)),
        redirects=_redirects(sources["registry"][0].root),
        abbreviations=_abbreviations(sources.get("abbreviations", [])),
    )


def _abbreviations(sources: list[Source]) -> tuple[Abbreviation, ...]:
    """In alphabetical order, whatever the order in the file."""
    found = (Abbreviation(**fields("abbreviation", raw)) for source in sources for raw in source.root["tu_viet_tat"])
    return tuple(sorted(found, key=lambda item: slug.fold(item.short)))


def _redirects(raw) -> tuple[tuple[str, str], ...]:
    """Moved addresses; the check makes sure each points at an address that exists now."""
    return tuple(sorted((raw.get("chuyen_huong") or {}).items()))
