"""What the site calls itself, from data/xa.yml and data/ke-hoach.yml: its name, description and licence line
(mkdocs.yml's site_name, site_description, copyright), and the plan's pages in the navigation.

Public and plain Python: the MkDocs adapter fills the build's configuration with it, and a generator of site files
can write the same values into a mkdocs.yml.
"""

from __future__ import annotations

import re

from macros.domain.model import Plan, Unit
from macros.opendata import datapackage
from macros.slug import fold
from macros.urls import Urls

PLAN_INDEX = "ke-hoach/index.md"
MIDTERM_PAGE = "bao-cao/giua-nhiem-ky-"


def kind(plan: Plan) -> str:
    """ "KẾ HOẠCH" -> "Kế hoạch"."""
    return plan.document.kind.capitalize()


def issuer(plan: Plan) -> str:
    """The issuer with the commune's name: "Ủy ban nhân dân xã" -> "Ủy ban nhân dân xã Vĩnh Phong"."""
    name, written = plan.commune.name, plan.document.issuer
    if not written:
        return f"xã {name}"
    if fold(name).lower() in fold(written).lower():
        return written
    return f"{written} {name}" if written.endswith(("xã", "phường")) else written


def site_settings(plan: Plan) -> dict[str, str]:
    """site_name, site_description and copyright, as mkdocs.yml names them."""
    term = plan.document.span.term
    return {
        "site_name": f"{kind(plan)} {term} xã {plan.commune.name}",
        "site_description": f"Toàn văn {kind(plan)} {term} của {issuer(plan)} ({plan.commune.province}), "
        "các chỉ tiêu, ai chịu trách nhiệm và tiến độ thực hiện.",
        "copyright": f"Nội dung {kind(plan)} là văn bản của {issuer(plan)}. "
        f"Dữ liệu mở theo giấy phép {datapackage.licence_name(plan)}.",
    }


def sentence_case(text: str) -> str:
    """ "MỤC ĐÍCH, YÊU CẦU" -> "Mục đích, yêu cầu"; a title already in running case stays as written."""
    letters = [char for char in text if char.isalpha()]
    return text.capitalize() if letters and all(char.isupper() for char in letters) else text


def words(text: str) -> set[str]:
    return {word for word in re.findall(r"\w+", fold(text).lower()) if len(word) > 2}


def label(unit: Unit, given: str | None) -> str:
    """The page's label: mkdocs.yml may shorten the unit's title ("III.1. Chỉ đạo, điều hành" for "Công tác chỉ
    đạo, điều hành"), but a label that is not this unit's is replaced by the title from the data."""
    title = sentence_case(unit.title or unit.text or "")
    own = f"{unit.citation}. "
    if given and given.startswith(own) and words(given[len(own) :]) <= words(title):
        return given
    return own + title


def page_path(page_id: str) -> str:
    return Urls.markdown_source(Urls.plan_page(page_id))


def given_labels(entries: list) -> dict[str, str]:
    """Path -> label of every plan page a nav section names (nested sections included)."""
    found = {}
    for entry in entries:
        for name, value in entry.items() if isinstance(entry, dict) else [(None, entry)]:
            if isinstance(value, list):
                found |= given_labels(value)
                found |= {value[0]: name} if value and isinstance(value[0], str) and name else {}
            elif isinstance(value, str) and name:
                found[value] = name
    return found


def plan_nav(plan: Plan, given: dict[str, str] | None = None) -> list:
    """The plan's pages in the order of the plan: a part on one page, or a long part's overview and its sections."""
    given, entries, pages = given or {}, [], list(plan.pages)
    for page in pages:
        unit = page.units[0]
        if page.overview:
            children = [p for p in pages if p.id in {child.id for child in unit.children}]
            nested = [{label(p.units[0], given.get(page_path(p.id))): page_path(p.id)} for p in children]
            entries.append({label(unit, given.get(page_path(page.id))): [page_path(page.id), *nested]})
        elif not any(page.id in {c.id for c in p.units[0].children} for p in pages if p.overview):
            entries.append({label(unit, given.get(page_path(page.id))): page_path(page.id)})
    return entries


def is_plan_page(entry) -> bool:
    """A nav entry that names a page of the plan (not its index), itself or in a section under it."""
    values = entry.values() if isinstance(entry, dict) else [entry]
    pages = [v for v in values if isinstance(v, str) and v.startswith("ke-hoach/") and v != PLAN_INDEX]
    return bool(pages) or any(isinstance(v, list) and any(map(is_plan_page, v)) for v in values)


def with_midterm_page(entries: list, plan: Plan) -> list:
    """A nav section's entry for the mid-term review names the year the plan holds it, or goes when it holds none."""
    year, found = plan.document.midterm_year, []
    for entry in entries:
        value = next(iter(entry.values())) if isinstance(entry, dict) and len(entry) == 1 else entry
        if isinstance(value, str) and value.startswith(MIDTERM_PAGE):
            entry = {f"Đánh giá giữa nhiệm kỳ {year}": Urls.markdown_source(Urls.midterm(year))} if year else None
        elif isinstance(value, list):
            entry = {next(iter(entry)): with_midterm_page(value, plan)}
        found += [entry] if entry else []
    return found


def with_plan_pages(nav: list, plan: Plan) -> list:
    """The navigation with the plan's own pages in the section that holds the plan's index page."""
    found = []
    for entry in nav:
        section = next(iter(entry.values())) if isinstance(entry, dict) and len(entry) == 1 else None
        if isinstance(section, list) and PLAN_INDEX in section:
            others = [e for e in section if e != PLAN_INDEX and not is_plan_page(e)]
            entry = {next(iter(entry)): [PLAN_INDEX, *plan_nav(plan, given_labels(section)), *others]}
        found.append(entry)
    return found
