"""The hand-written pages of docs/, with their macros rendered: `{{ bang_chi_tieu() }}` becomes the targets table.

A page in docs/ is Markdown that calls the macros below for its data part. They are rendered here with plain Jinja,
as mkdocs-macros-plugin rendered them before (no autoescape: a macro returns finished Markdown and HTML, escaped where
it puts data in; undefined names fail), so the page that comes out is plain Markdown any engine renders.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache

from jinja2 import Environment, StrictUndefined, TemplateError, UndefinedError

from macros.domain.site_data import SiteData
from macros.errors import DataError, Problem
from macros.publish import front_matter
from macros.site import render, views
from macros.urls import Urls

# What a page in docs/ may call, by name: each takes the build's data and the page's address.
MACROS: dict[str, Callable] = {
    "van_ban_goc": render.document_page,
    "bang_chi_tieu": render.targets_page,
    "tong_quan": render.home_summary,
    "loi_vao": render.home_next,
    "danh_sach_don_vi": render.agencies_page,
    "muc_luc": render.plan_contents,
    "tom_tat_tien_do": render.summary_page,
    "bao_cao_theo_ky": views.period_index,
    "co_gi_moi": views.whats_new,
    "du_lieu_mo": views.open_data,
    "danh_sach_ap": views.hamlets,
    "xa": views.commune,
    "giua_ky": views.midterm,
    "chu_viet_tat": render.abbreviations_page,
}


def same(markdown: str) -> str:
    return markdown


@cache
def environment() -> Environment:
    return Environment(undefined=StrictUndefined)


def bound(site: SiteData, page_url: str, set_aside: Callable[[str], str]) -> dict[str, Callable]:
    """The macros of one page. `set_aside` receives every piece of Markdown a macro returns (the MkDocs adapter keeps
    the finished HTML away from Python-Markdown with it)."""

    def call(function):
        result = function(site, page_url)
        return set_aside(result) if isinstance(result, str) else result

    return {name: (lambda function=function: call(function)) for name, function in MACROS.items()}


def render_page(
    site: SiteData, source: str, text: str, config: Mapping, set_aside: Callable[[str], str] = same
) -> tuple[str, dict, str]:
    """One page of docs/ (`source` is its path there): its front matter as written, its values, and its Markdown with
    the macros rendered. `config` is what the page reads as {{ config.site_url }}, {{ config.repo_url }}."""
    written, meta, body = front_matter.split(text)
    macros = bound(site, Urls.of_markdown(source), set_aside)
    try:
        rendered = environment().from_string(body).render(config=config, **macros)
    except TemplateError as error:
        above = text[: len(text) - len(body)].count("\n")  # the front matter's lines, before the body's first
        raise DataError([template_problem(source, error, above)]) from None
    return written, meta, rendered


def template_problem(source: str, error: TemplateError, above: int) -> Problem:
    line = getattr(error, "lineno", None)
    if isinstance(error, UndefinedError):
        message = (
            f"trang gọi {error.message.removesuffix(' is undefined')}, nhưng không có lệnh hay giá trị nào tên như vậy"
        )
    else:
        message = f"lệnh trong trang viết sai (chi tiết: {error.message or error})"
    return Problem(
        f"docs/{source}",
        line + above if line else 0,
        "{{ … }}",
        message,
        "chỉ gọi các lệnh có trong macros/publish/hand_written.py (MACROS), viết đúng dạng {{ ten_lenh() }}",
    )
