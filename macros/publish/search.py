"""Vietnamese search for Material's search worker: the file the worker loads for `search: lang: vi`, with our folding.

Material's worker (search.<hash>.min.js) loads `assets/javascripts/lunr/min/lunr.<lang>.min.js` with importScripts()
for every `search: lang:` other than "en". No page script can reach the worker, so the theme's lunr.vi.min.js is
followed by overrides/assets/javascripts/lunr-vi-fold.js (diacritics and phrases; the comments there say why),
lunr-vi-query.js (abbreviations and citation numbers) and the abbreviations of data/tu-viet-tat.yml: they then run in
the worker right after lunr.vi is defined and before the index is built.

The MkDocs build appends them to the built file (macros/adapter/search_hooks.py); `make site-files` writes the whole
file as a theme override, so an engine that builds that folder with Material's lunr search ships it too.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from macros import slug
from macros.domain.site_data import SiteData

SCRIPTS = Path(__file__).resolve().parents[2] / "overrides/assets/javascripts"
SOURCE = SCRIPTS / "lunr-vi-fold.js"
QUERIES = SCRIPTS / "lunr-vi-query.js"  # abbreviations and citation numbers; wraps what lunr-vi-fold.js sets up
WORKER_LANGUAGE = "assets/javascripts/lunr/min/lunr.vi.min.js"  # in the built site, as Material ships it
MARKER = "/* lunr-vi-fold: appended by macros/adapter/search_hooks.py */"


def folded(shipped: str, site: SiteData) -> str:
    """The theme's lunr.vi.min.js followed by our folding, queries and abbreviations."""
    folding = SOURCE.read_text(encoding="utf-8")
    queries = QUERIES.read_text(encoding="utf-8")
    return f"{shipped.rstrip()}\n{MARKER}\n{folding}\n{queries}\n{abbreviations_script(site)}\n"


def abbreviations_script(site: SiteData) -> str:
    """data/tu-viet-tat.yml for the worker, keyed as typed: no diacritics, no hyphen, lower case ("kt-xh" → "ktxh").

    JSON with every non-ASCII character escaped is valid JavaScript and cannot close a comment or a string."""
    known = {slug.fold(item.short).lower().replace("-", ""): item.full for item in site.plan.abbreviations}
    return f"self.lunr.vi.abbreviations = {json.dumps(known, ensure_ascii=True, sort_keys=True)};"


def material_language_file() -> Path | None:
    """The lunr.vi.min.js of the installed Material theme (found, not imported); None without Material."""
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "templates" / WORKER_LANGUAGE
    return path if path.is_file() else None
