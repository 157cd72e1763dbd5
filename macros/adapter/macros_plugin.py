"""Macros for mkdocs-macros-plugin. This file only registers them: the work is in the stage modules."""

from __future__ import annotations

from macros.adapter import state
from macros.site import render, views


def register(env) -> None:

    def page_url() -> str:
        return env.page.url if env.page else ""

    macros = {
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
        "giua_ky": views.midterm_year,
        "chu_viet_tat": render.abbreviations_page,
    }

    def call(function):
        result = function(state.current(), page_url())
        return state.html_blocks().defer(result) if isinstance(result, str) else result

    for name, function in macros.items():
        env.macro(lambda function=function: call(function), name)
