"""Macros for mkdocs-macros-plugin. This file only registers them: the work is in the stage modules."""

from __future__ import annotations


def define_env(env):
    from . import render, state

    def page_url() -> str:
        return env.page.url if env.page else ""

    macros = {
        "van_ban_goc": render.document_page,
        "bang_chi_tieu": render.targets_page,
        "tong_quan": render.home_summary,
        "danh_sach_don_vi": render.agencies_page,
        "muc_luc": render.plan_contents,
    }
    for name, function in macros.items():
        env.macro(lambda function=function: function(state.current(), page_url()), name)
