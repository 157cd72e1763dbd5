"""The data layer of the site, in stages: data (load, validate) → domain (model, status) → site (pages) → opendata.

mkdocs-macros-plugin imports this package (mkdocs.yml, `module_name: macros`) and calls define_env; the
registration itself lives with the rest of the MkDocs adapter in macros/adapter/.
"""

from __future__ import annotations


def define_env(env):
    from macros.adapter.macros_plugin import register

    register(env)
