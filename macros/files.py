"""A file of the built site made from data, whatever stage makes it (pages, open data, feeds)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class VirtualFile:
    """A file of the built site made from data. `source` is the data file that "Sửa trang này" opens."""

    path: str
    content: str | bytes
    source: str | None = None
