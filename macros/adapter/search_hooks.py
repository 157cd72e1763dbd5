"""Vietnamese search: ship the diacritic folding into Material's search web worker (macros/publish/search.py says how).

After the build, the built lunr.vi.min.js gets our folding appended. The theme's own file is never touched, and an
upgrade of Material that moves that file, or a `lang:` other than exactly ["vi"] (lunr.multi would bypass lunr.vi),
fails the build instead of silently losing the folding. tests/browser/test_search_browser.py is the guard for the
lunr internals the script relies on.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from macros.adapter import state
from macros.publish import search


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
    target = Path(config.site_dir) / search.WORKER_LANGUAGE
    if not target.is_file():
        raise PluginError(
            f"macros/adapter/search_hooks.py: không thấy {search.WORKER_LANGUAGE} trong bản dựng; "
            "Material đã đổi cách nạp ngôn ngữ cho tìm kiếm, cần xem lại."
        )
    shipped = target.read_text(encoding="utf-8")
    if search.MARKER in shipped:
        return  # `mkdocs serve --dirty` may keep the file of the previous build
    target.write_text(search.folded(shipped, state.current()), encoding="utf-8")
