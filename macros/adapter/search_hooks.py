"""Vietnamese search: ship the diacritic folding into Material's search web worker.

Material's worker (search.<hash>.min.js) loads `assets/javascripts/lunr/min/lunr.<lang>.min.js`
with importScripts() for every `search: lang:` other than "en". No page script can reach the
worker, so after the build this hook appends overrides/assets/javascripts/lunr-vi-fold.js (the
documented source; the comments there say why) to the built lunr.vi.min.js: it then runs in the
worker right after lunr.vi is defined and before the index is built. lunr-vi-query.js (abbreviations
and citation numbers) and the abbreviations of data/tu-viet-tat.yml follow it. The theme's own file is
never touched, and an upgrade of Material that moves that file, or a `lang:` other than exactly
["vi"] (lunr.multi would bypass lunr.vi), fails the build instead of silently losing the folding.
tests/browser/test_search_browser.py is the guard for the lunr internals the script relies on.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.exceptions import PluginError

from macros import slug
from macros.adapter import state

SCRIPTS = Path(__file__).resolve().parents[2] / "overrides/assets/javascripts"
SOURCE = SCRIPTS / "lunr-vi-fold.js"
QUERIES = SCRIPTS / "lunr-vi-query.js"  # abbreviations and citation numbers; wraps what lunr-vi-fold.js sets up
TARGET = "assets/javascripts/lunr/min/lunr.vi.min.js"
MARKER = "/* lunr-vi-fold: appended by macros/adapter/search_hooks.py */"


def _search_languages(config) -> list[str] | None:
    for name in ("material/search", "search"):
        plugin = config.plugins.get(name)
        if plugin is not None:
            return list(plugin.config.get("lang") or [])
    return None


def on_post_build(config):
    languages = _search_languages(config)
    if languages is None:
        return  # search disabled: nothing to fold
    if languages != ["vi"]:
        raise PluginError(
            "macros/adapter/search_hooks.py: tìm kiếm không dấu chỉ hoạt động với `search: lang: vi`, "
            f"hiện là {languages}."
        )
    target = Path(config.site_dir) / TARGET
    if not target.is_file():
        raise PluginError(
            f"macros/adapter/search_hooks.py: không thấy {TARGET} trong bản dựng; "
            "Material đã đổi cách nạp ngôn ngữ cho tìm kiếm, cần xem lại."
        )
    shipped = target.read_text(encoding="utf-8")
    if MARKER in shipped:
        return  # `mkdocs serve --dirty` may keep the file of the previous build
    folding = SOURCE.read_text(encoding="utf-8")
    queries = QUERIES.read_text(encoding="utf-8")
    target.write_text(
        f"{shipped.rstrip()}\n{MARKER}\n{folding}\n{queries}\n{abbreviations_script()}\n", encoding="utf-8"
    )


def abbreviations_script() -> str:
    """data/tu-viet-tat.yml for the worker, keyed as typed: no diacritics, no hyphen, lower case ("kt-xh" → "ktxh").

    JSON with every non-ASCII character escaped is valid JavaScript and cannot close a comment or a string."""
    known = {slug.fold(item.short).lower().replace("-", ""): item.full for item in state.current().plan.abbreviations}
    return f"self.lunr.vi.abbreviations = {json.dumps(known, ensure_ascii=True, sort_keys=True)};"
