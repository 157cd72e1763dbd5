"""Stage 5: turn the model into page content through Jinja templates (autoescaped; no HTML in Python).

html() renders a template; context() is what every template may use (the plan, the statuses, helpers); the functions
below give each page its own part of the context. Which pages exist is pages.py's business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from macros import formats as fmt
from macros import urls
from macros.data.spec import DOCUMENT_ANCHORS
from macros.domain import status
from macros.domain.model import Agency, Block, Page, Target, Unit
from macros.domain.site_data import SiteData
from macros.settings import HOME_NEWS
from macros.site import bodies, chart, previews
from macros.urls import Urls
from macros.vocabulary import kinds, periods

TEMPLATES = Path(__file__).parent / "templates"
MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")


def markdown_inline(value) -> Markup:
    """Escape text for a Markdown heading: HTML first, then Markdown's own punctuation."""
    return Markup(MARKDOWN_SPECIALS.sub(r"\\\1", str(escape(value))))


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(md=markdown_inline, number=fmt.number, date=fmt.date, quantity=fmt.quantity)
    env.globals.update(LABELS=status.LABELS, STATUSES=status.ORDER, MISSING=fmt.MISSING, url=Urls)
    return env


def keep_compiled_templates(folder: Path) -> None:
    """Compiling the templates is a good part of a small build: keep them compiled in `folder` between builds
    (Jinja checks each template's source, so a changed template is compiled again)."""
    environment().bytecode_cache = FileSystemBytecodeCache(str(folder))


def relative_root(page_url: str) -> str:
    """The prefix that leads from a page's URL back to the site root, so links work under any base path."""
    depth = len([part for part in page_url.split("/") if part])
    return "../" * depth if page_url.endswith("/") or not page_url else "../" * (depth - 1)


# A template line that stands for a blank line between Markdown blocks. It contains "<", which autoescaping turns
# into "&lt;" in any data text, so no data can ever produce it.
BREAK = "<!--break-->"


def html(template: str, **context) -> str:
    """Render, drop accidental blank lines so Markdown keeps each HTML block whole, keep the intended ones.

    A BREAK may end up glued to the line before it (a block tag eats its newline), so it is replaced wherever it is.
    """
    text = environment().get_template(template).render(**context)
    joined = "\n".join(line for line in text.splitlines() if line.strip()).replace(BREAK, "\n\n")
    return re.sub(r"\n\s*\n(\s*\n)+", "\n\n", joined).strip("\n") + "\n"


@dataclass(frozen=True)
class Segment:
    """A paragraph, or a run of bullets rendered as one list."""

    kind: str
    blocks: tuple[Block, ...]


def segments(unit: Unit) -> tuple[Segment, ...]:
    found: list[Segment] = []
    for block in unit.blocks:
        if block.kind == "gach" and found and found[-1].kind == "gach":
            found[-1] = Segment("gach", (*found[-1].blocks, block))
        else:
            found.append(Segment(block.kind, (block,)))
    return tuple(found)


@dataclass(frozen=True)
class UnitView:
    unit: Unit
    level: int
    segments: tuple[Segment, ...]
    children: tuple[UnitView, ...]


def unit_view(unit: Unit, level: int) -> UnitView:
    children = tuple(unit_view(child, level + 1) for child in unit.children)
    return UnitView(unit, level, segments(unit), children)


def goal_text(target: Target) -> str:
    return kinds.of(target).goal_text(target)


def current_text(target: Target, value) -> str:
    """The value a target stands at, as the tables show it: for a bình quân target the average of its whole years,
    said as such (it is no single report's number)."""
    shown = fmt.quantity(value, target.unit)
    return f"bình quân {shown}" if value is not None and kinds.of(target).average else shown


def deadline_text(target: Target) -> str:
    return "Hằng năm" if target.deadline is None else f"Năm {target.deadline}"


def inferred_parts(target: Target) -> str:
    """What the site infers of a target, in words ("thời hạn", "mức cần đạt", both), or "" when the plan states all."""
    parts = ((target.deadline_stated, "thời hạn"), (target.value_stated, "mức cần đạt"))
    return " và ".join(name for stated, name in parts if not stated)


def verdict_basis(target: Target, verdict: str) -> str:
    """What the site inferred that a verdict (a status, or a mid-term verdict) stands on, in words, or "": nothing
    for "no data"; not the deadline for a target already met, unless it is judged every year."""
    if verdict == status.NO_DATA:
        return ""
    deadline = target.deadline_stated or (verdict == status.ACHIEVED and target.deadline is not None)
    parts = ((deadline, "thời hạn"), (target.value_stated, "mức cần đạt"))
    return " và ".join(name for stated, name in parts if not stated)


HAMLET_VERDICTS = {None: "Chưa có số liệu", True: "Đạt", False: "Chưa đạt"}


def report_value(site: SiteData, target: Target, report) -> str:
    if report.hamlet_values:
        names = {hamlet.id: hamlet.name for hamlet in site.plan.hamlets}
        shown = (f"{names[key]}: {status.published(target, value)}" for key, value in report.hamlet_values)
        return "; ".join(shown)
    return status.published(target, report.value)


def context(site: SiteData, page_url: str, **extra) -> dict:
    """What every template may use, for the page at page_url."""
    plan = site.plan
    return dict(
        goal_text=goal_text,
        current_text=current_text,
        deadline_text=deadline_text,
        kind_label=lambda target: kinds.of(target).label,
        report_value=lambda target, report: report_value(site, target, report),
        hamlet_rows=lambda target: _hamlet_rows(site, target),
        anchor_label=lambda anchor: _anchor_label(site, anchor),
        source_link=lambda anchor: _source_link(site, anchor),
        role_lines=lambda agency: bodies.role_lines(plan, agency),
        inferred_parts=inferred_parts,
        verdict_basis=verdict_basis,
        comparison_of=kinds.comparison_of,
        in_year_text=kinds.IN_YEAR_MEASURES.get,
        before_plan=lambda report: status.before_plan(report, status.Scope.of(plan)),
        site=site,
        plan=plan,
        root=relative_root(page_url),
        assessments=site.assessments,
        targets_at=plan.targets_at,
        tasks_at=plan.tasks_at,
        agency=plan.agency_by_id.get,
        page_of=plan.page_of,
        period_title=period_title,
        period_kind=periods.KIND_NAMES.get,
        commune=plan.commune,
        **extra,
    )


def period_title(period) -> str:
    """ "Báo cáo quý 3/2026": the period's label, lower-cased after the first word."""
    return f"Báo cáo {period.label[:1].lower()}{period.label[1:]}"


def plan_page_context(site: SiteData, page: Page) -> dict:
    return dict(page=page, views=[unit_view(unit, 1) for unit in page.units])


def document_page(site: SiteData, page_url: str) -> str:
    views = [unit_view(part, 2) for part in site.plan.parts]
    return html("document.md", views=views, **context(site, page_url))


def _landing(site: SiteData, address: str) -> tuple[str, str]:
    """Where a published address (muc/<id>, chi-tieu/<id>, don-vi/<id>) lands now, and how to name it."""
    kind, _, key = address.partition("/")
    if kind == urls.CITE:
        return Urls.section(site.plan.page_of(key).id, key), "Mục " + _anchor_label(site, key)
    if kind == urls.TARGET:
        return Urls.target(key), "Chỉ tiêu: " + site.plan.target_by_id[key].name
    return Urls.agency(key), site.plan.agency_by_id[key].name


def redirect_page(
    site: SiteData, address: str, site_url: str, new_address: str | None = None, site_name: str = ""
) -> str:
    """The static page at /<address>/ that lands on where the address points now (meta refresh, canonical, a link).

    new_address is set for an address that was moved (data/id-da-cong-bo.yml, chuyen_huong). Link-preview crawlers
    do not follow the refresh, so the page carries the preview of what it points to, with its own address as og:url.
    """
    landing = new_address or address
    path, label = _landing(site, landing)
    base = site_url.rstrip("/")
    return (
        environment()
        .get_template("redirect.html")
        .render(
            label=label,
            target=f"../../{path}",
            canonical=f"{base}/{path}" if site_url else f"../../{path}",
            own_url=f"{base}/{address}/" if site_url else "",
            image_root=f"{base}/" if site_url else "../../",
            preview=previews.address_preview(site, landing, label),
            site_name=site_name,
            document=site.plan.document,
        )
    )


def status_counts(site: SiteData, targets=None) -> tuple[tuple[str, int], ...]:
    return status.count_by_status(site.plan.targets if targets is None else targets, site.assessments)


def targets_page(site: SiteData, page_url: str) -> str:
    groups, counts, inferred = site.plan.targets_by_area, status_counts(site), inferred_notes(site)
    return html("targets.html", groups=groups, counts=counts, inferred=inferred, **context(site, page_url))


def inferred_notes(site: SiteData) -> dict[str, int]:
    """Target id -> its note number under the targets table, for each target with a deadline or level the site
    infers, in the table's order."""
    found = [t.id for _, targets in site.plan.targets_by_area for t in targets if t.inferred]
    return {target_id: number for number, target_id in enumerate(found, start=1)}


def inferred_list(site: SiteData, page_url: str) -> str:
    """The targets whose deadline or level the site infers, each with the reason, in the targets table's order: the
    list of "Cách tính tiến độ", made from the records so that it says what the data says."""
    targets = [site.plan.target_by_id[target_id] for target_id in inferred_notes(site)]
    return html("inferred.html", inferred=targets, **context(site, page_url))


def target_page_context(site: SiteData, target: Target) -> dict:
    reports = site.plan.reports_for(target.id)
    return dict(target=target, reports=reports, chart=chart.build(target, reports))


def agency_page_context(site: SiteData, agency: Agency) -> dict:
    targets, tasks = site.plan.targets_of(agency.id), site.plan.tasks_of(agency.id)
    return dict(
        item=agency,
        targets=[(target, bodies.relation("target", target, agency.id)) for target in targets],
        tasks=[(task, bodies.relation("task", task, agency.id)) for task in tasks],
        no_targets=bodies.NO_TARGETS,
        no_tasks=bodies.NO_TASKS,
    )


def agencies_page(site: SiteData, page_url: str) -> str:
    return html("agencies.html", **context(site, page_url))


def home_summary(site: SiteData, page_url: str) -> str:
    areas = [(page, status_counts(site, targets)) for page, targets in site.plan.targets_by_area]
    return html(
        "home_summary.html",
        counts=status_counts(site),
        areas=areas,
        **context(site, page_url),
    )


def home_next(site: SiteData, page_url: str) -> str:
    """Below the overview: what a citizen most often wants next (the targets, the plan's sections, what is new)."""
    return html("home_next.html", entries=site.feed_entries[:HOME_NEWS], **context(site, page_url))


def abbreviations_page(site: SiteData, page_url: str) -> str:
    return html("abbreviations.html", **context(site, page_url))


def plan_contents(site: SiteData, page_url: str) -> str:
    return html("plan_contents.html", **context(site, page_url))


def summary_page(site: SiteData, page_url: str) -> str:
    """Tóm tắt tiến độ: counts by status and by area, and every target with its status, on one A4 page."""
    groups = site.plan.targets_by_area
    return html(
        "summary.html",
        groups=groups,
        areas=[(page, status_counts(site, targets)) for page, targets in groups],
        counts=status_counts(site),
        **context(site, page_url),
    )


def _anchor_label(site: SiteData, anchor: str) -> str:
    unit = site.plan.units[site.plan.anchors[anchor]]
    paragraph = anchor.rpartition("-d")[2] if anchor != unit.id else ""
    return unit.citation + (f", đoạn {paragraph}" if paragraph else "")


def _source_link(site: SiteData, anchor: str) -> tuple[str, str]:
    """Where a place the plan names a body is (path from the site root), and how to call it."""
    if anchor in DOCUMENT_ANCHORS:
        return f"{Urls.document}#{anchor}", f"phần {DOCUMENT_ANCHORS[anchor]} của văn bản"
    return Urls.cite(anchor), "mục " + _anchor_label(site, anchor)


def _hamlet_rows(site: SiteData, target: Target) -> list:
    """(hamlet, latest value, verdict) per hamlet: the verdict is the status module's (status.hamlet_results)."""
    reports = site.plan.reports_for(target.id)
    results = status.hamlet_results(target, reports[-1] if reports else None, site.plan.hamlet_ids)
    hamlets = {hamlet.id: hamlet for hamlet in site.plan.hamlets}
    return [(hamlets[key], value, HAMLET_VERDICTS[met if value is not None else None]) for key, value, met in results]
