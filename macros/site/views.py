"""Stage 5, continued: the data parts of the hand-written pages about progress over time, the change feeds, the open
data page and the hamlets; and what every hand-written page says of the commune and of its plan (`commune`,
`plan_names`, `examples`), so that no page of docs/ writes a fact of one commune's plan. Where a plan's text says its
years is read with the patterns `make import` reads `giai_doan` with (macros/importer/document.py).

Same rules as render.py, whose template environment and page context these functions share: every piece of
HTML or XML is written in a Jinja template (autoescaped); Python only chooses what goes in.
"""

from __future__ import annotations

import itertools
import posixpath
import re
from dataclasses import dataclass

from macros.domain import feed, progress
from macros.domain.site_data import SiteData
from macros.importer import numbering
from macros.importer.document import MIDTERM, SPAN, TERM
from macros.opendata import columns, datapackage
from macros.settings import PAGE_LIMIT
from macros.site import identity, render
from macros.site.render import context, html
from macros.slug import fold
from macros.urls import Urls
from macros.vocabulary import kinds, periods

RECEIVES_REPORTS = "nhan-bao-cao"  # the role of a body the plan has progress reported to (spec.AGENCY_ROLES)


def period_page_context(site: SiteData, report: progress.PeriodReport) -> dict:
    return dict(r=report)


def midterm_page_context(site: SiteData, review: progress.Midterm) -> dict:
    return dict(m=review, VERDICTS=progress.VERDICTS)


def midterm_year(site: SiteData, page_url: str) -> int | None:
    """The year of the plan's mid-term review (data/ke-hoach.yml, giai_doan.giua_ky); None when it holds none."""
    return site.plan.document.midterm_year


def period_index(site: SiteData, page_url: str) -> str:
    return html("bao_cao_index.html", reports=site.period_reports, **context(site, page_url))


def _feed(site: SiteData, template: str, site_url: str) -> str:
    found = feed.feed(site.plan, site.today, site_url, site.feed_entries)
    extra = dict(feed=found, atom_date=feed.atom_date, rss_date=feed.rss_date)
    return render.environment().get_template(template).render(**context(site, "", **extra))


def atom(site: SiteData, site_url: str) -> str:
    return _feed(site, "feed.xml", site_url)


def rss(site: SiteData, site_url: str) -> str:
    return _feed(site, "rss.xml", site_url)


def whats_new(site: SiteData, page_url: str) -> str:
    entries = site.feed_entries[:PAGE_LIMIT]
    return html("co_gi_moi.html", entries=entries, **context(site, page_url))


def open_data(site: SiteData, page_url: str) -> str:
    return html("du_lieu.md", datasets=columns.DATASETS, **context(site, page_url))


def hamlets(site: SiteData, page_url: str) -> str:
    targets = [t for t in site.plan.targets if t.per_hamlet]
    return html("ap.md", per_hamlet=targets, **context(site, page_url))


@dataclass(frozen=True)
class CommuneNames:
    """The commune of data/xa.yml under Vietnamese names, for Markdown pages: {{ xa().ten }}, {{ xa().tinh }}."""

    ten: str
    tinh: str
    giay_phep: str  # the licence's name, e.g. "CC BY 4.0"
    giay_phep_url: str


def commune(site: SiteData, page_url: str) -> CommuneNames:
    """Escaped for Markdown and HTML: the hand-written pages insert these strings as they are."""
    plan = site.plan
    url = datapackage.licence(plan)["path"]
    ten, tinh, giay_phep = (
        str(render.markdown_inline(name))
        for name in (plan.commune.name, plan.commune.province, datapackage.licence_name(plan))
    )
    return CommuneNames(ten=ten, tinh=tinh, giay_phep=giay_phep, giay_phep_url=url)


@dataclass(frozen=True)
class MidtermNames:
    """The plan's mid-term review for the period index page: {{ giua_ky().nam }}, and its Markdown file relative to
    that page, for a link MkDocs checks ({{ giua_ky().trang }})."""

    nam: int
    trang: str


def midterm(site: SiteData, page_url: str) -> MidtermNames | None:
    """None when the plan holds no mid-term review: the page then says nothing of one."""
    year = site.plan.document.midterm_year
    if year is None:
        return None
    return MidtermNames(nam=year, trang=posixpath.relpath(Urls.markdown_source(Urls.midterm(year)), Urls.periods))


# ------------------------------------------------------------------ the plan's own facts, for the hand-written pages


@dataclass(frozen=True)
class Link:
    """Words and the Markdown file they lead to, from the docs root: [{{ link.ten }}]({{ goc }}{{ link.trang }}) (a
    hand-written page gets `goc`, its way back to the docs root, from macros/publish/hand_written.py), so that the
    engine checks the link."""

    ten: str
    trang: str


@dataclass(frozen=True)
class Gap:
    """Numbers the plan's parts skip ("I, II, III, V"): the page says there is no part IV, so V follows III."""

    thieu: str  # "IV", or "IV, VI" when several in a row are missing
    truoc: str
    sau: str


@dataclass(frozen=True)
class PlanNames:
    """What the hand-written pages say of the plan, from data/ke-hoach.yml and the records (never a fact of one
    commune's plan written into docs/): {{ ke_hoach().giai_doan }}, {{ ke_hoach().giua_ky }}… Text is escaped for
    Markdown; every year comes from `giai_doan`."""

    loai: str  # "Kế hoạch", "Kế hoạch hành động"
    trich_yeu: str
    ban_hanh: str  # "Ủy ban nhân dân xã Vĩnh Phong"
    tu: int  # the plan's period: its first and last year
    den: int
    nam_goc: int  # the year before the period, whose reports are the starting point
    giua_ky: int | None  # the year of the mid-term review, None when the plan holds none
    trang_giua_ky: str | None  # its page's Markdown file, from the docs root (see Link)
    nhiem_ky: str  # "2025–2030": the baseline year to the last
    giai_doan: str  # "2026–2030", or "2019" for a plan of one year
    cac_nam: str  # "các năm 2026 đến 2030", or "năm 2019"
    ten_neu_nhiem_ky: bool  # the plan's title names that term ("nhiệm kỳ 2025 – 2030")
    muc_giai_doan: tuple[str, ...]  # the sections whose text names the period ("giai đoạn 2026-2030"): "V.1"
    muc_giua_ky: tuple[str, ...]  # the sections whose text sets the mid-term review in its year
    gia_tri_goc: int  # how many targets have a baseline the plan states
    phan_thieu: tuple[Gap, ...]
    nhan_bao_cao: tuple[Link, ...]  # the bodies the plan has progress reported to (role "nhan-bao-cao")


def plan_names(site: SiteData, page_url: str) -> PlanNames:
    plan, span = site.plan, site.plan.document.span
    return PlanNames(
        **_document_words(plan),
        **_years(span),
        trang_giua_ky=Urls.markdown_source(Urls.midterm(span.midterm)) if span.midterm else None,
        ten_neu_nhiem_ky=_names_span(plan.document.title, TERM, span.baseline, span.last),
        muc_giai_doan=_sections_saying(plan, lambda text: _names_span(text, SPAN, span.first, span.last)),
        muc_giua_ky=_sections_saying(plan, lambda text: _sets_midterm(text, span.midterm)),
        gia_tri_goc=sum(1 for target in plan.targets if target.baseline is not None),
        phan_thieu=part_gaps(plan),
        nhan_bao_cao=tuple(
            Link(str(render.markdown_inline(agency.name)), Urls.markdown_source(Urls.agency(agency.id)))
            for agency in plan.agencies
            if RECEIVES_REPORTS in agency.roles
        ),
    )


def _document_words(plan) -> dict[str, str]:
    words = {"loai": identity.kind(plan), "trich_yeu": plan.document.title, "ban_hanh": identity.issuer(plan)}
    return {key: str(render.markdown_inline(value)) for key, value in words.items()}


def _years(span: periods.Span) -> dict:
    one_year = span.first == span.last
    return dict(
        tu=span.first,
        den=span.last,
        nam_goc=span.baseline,
        giua_ky=span.midterm,
        nhiem_ky=span.term,
        giai_doan=str(span.first) if one_year else f"{span.first}–{span.last}",
        cac_nam=f"năm {span.first}" if one_year else f"các năm {span.first} đến {span.last}",
    )


def _names_span(text: str, pattern: re.Pattern, first: int, last: int) -> bool:
    """Whether `text` writes these years the way `pattern` reads a plan's years ("giai đoạn 2026-2030")."""
    return any((int(a), int(b)) == (first, last) for a, b in pattern.findall(text))


def _sets_midterm(text: str, year: int | None) -> bool:
    return year is not None and any(int(found) == year for found in MIDTERM.findall(text))


def _sections_saying(plan, says) -> tuple[str, ...]:
    """The citations ("V.1") of the sections whose own words (title, text, paragraphs) satisfy `says`, in the plan's
    order."""
    found = []
    for unit in plan.units.values():
        words = [unit.title or "", unit.text or "", *(block.text for block in unit.blocks)]
        if any(says(text) for text in words):
            found.append(unit.citation)
    return tuple(found)


def part_gaps(plan) -> tuple[Gap, ...]:
    """The numbers the plan's parts skip, when they are numbered I, II, III… or 1, 2, 3…; none otherwise."""
    numbered = [(part_value(part.number), part.number) for part in plan.parts]
    values = [value for value, _ in numbered]
    if None in values or values != sorted(set(values)):
        return ()
    write = numbering.roman if numbered[0][1].isalpha() else str
    gaps = []
    for (low, before), (high, after) in itertools.pairwise(numbered):
        if high > low + 1:
            gaps.append(Gap(", ".join(write(n) for n in range(low + 1, high)), before, after))
    return tuple(gaps)


def part_value(number: str) -> int | None:
    """ "IV" -> 4, "4" -> 4; None for a part numbered another way ("Phần thứ nhất", "A")."""
    return int(number) if number.isdigit() else numbering.roman_value(number)


@dataclass(frozen=True)
class Examples:
    """The examples of the clerks' guide, from the commune's own data ({{ vi_du().chi_tieu }}), so that what a clerk
    copies names a record that exists and a year the plan reports. Where the data has no record of the sort an
    example needs, a placeholder says what to write. The names are for code spans (`…`): not escaped."""

    nam: int  # the plan's first year
    nam_sau: int  # the year after it (the first year again for a plan of one year)
    chi_tieu: str  # a target reported as a percentage
    dat_chuan: str  # a target reported as đạt / chưa đạt
    theo_ap: str  # a target judged hamlet by hamlet
    ap: str  # a hamlet: its id, its name, and its name without "ấp"
    ten_ap: str
    ten_ap_ngan: str
    don_vi: str  # a body that reports: its id and name
    ten_don_vi: str
    muc: str  # a citation id ("iii-2-1")


def examples(site: SiteData, page_url: str) -> Examples:
    plan, span = site.plan, site.plan.document.span
    hamlet = plan.hamlets[0] if plan.hamlets else None
    body = _reporting_body(plan)
    return Examples(
        nam=span.first,
        nam_sau=min(span.first + 1, span.last),
        chi_tieu=_first_id((t for t in plan.targets if t.unit == "%" and not kinds.of(t).yes_no), "ma-chi-tieu"),
        dat_chuan=_first_id((t for t in plan.targets if kinds.of(t).yes_no), "ma-chi-tieu-dat-chuan"),
        theo_ap=_first_id((t for t in plan.targets if t.per_hamlet), "ma-chi-tieu-theo-ap"),
        ap=hamlet.id if hamlet else "ma-ap",
        ten_ap=_code(hamlet.name) if hamlet else "Tên ấp",
        ten_ap_ngan=_code(_without_ap(hamlet.name)) if hamlet else "Tên ấp",
        don_vi=body.id if body else "ma-don-vi",
        ten_don_vi=_code(body.name) if body else "Tên đơn vị",
        muc=_example_section(plan),
    )


def _first_id(records, placeholder: str) -> str:
    return next((record.id for record in records), placeholder)


def _code(text: str) -> str:
    """Text for a Markdown code span, which shows every character as it is but a backtick."""
    return text.replace("`", "'")


def _without_ap(name: str) -> str:
    """ "ấp Vĩnh Thạnh" -> "Vĩnh Thạnh": the name clerks may write without the word "ấp"."""
    first, _, rest = name.partition(" ")
    return rest if rest and fold(first).lower() == "ap" else name


def _reporting_body(plan):
    """A body that reports progress: one the plan has reports go to, else one it gives work to, not the issuer."""
    for role in (RECEIVES_REPORTS, "duoc-giao"):
        found = [a for a in plan.agencies if role in a.roles and "ban-hanh" not in a.roles]
        if found:
            return found[0]
    return None


def _example_section(plan) -> str:
    """A citation id to show the form of a permanent link: the first section three levels down, or the deepest."""
    units = list(plan.units.values())
    depth = min(3, max(unit.depth for unit in units))
    return next(unit.id for unit in units if unit.depth == depth)
