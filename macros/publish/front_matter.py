"""The YAML front matter of a Markdown page, read the way MkDocs reads it (mkdocs.utils.meta, same pattern)."""

from __future__ import annotations

import re

import yaml

FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def split(text: str) -> tuple[str, dict, str]:
    """(the front matter's YAML as written, its values, the Markdown after it). A page without front matter has
    "" and {}."""
    found = FRONT_MATTER.match(text)
    if not found:
        return "", {}, text
    meta = yaml.safe_load(found.group(1))
    if not isinstance(meta, dict):
        return "", {}, text
    return found.group(1), meta, text[found.end() :].lstrip("\n")


def join(written: str, body: str, **added) -> str:
    """A page again: its front matter as written (comments kept), the values `added` after it, then the body."""
    extra = yaml.safe_dump(added, allow_unicode=True, width=10**6, sort_keys=False) if added else ""
    return f"---\n{written}{extra}---\n\n{body}"
