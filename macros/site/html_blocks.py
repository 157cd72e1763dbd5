"""Keep finished HTML out of Python-Markdown's way.

Everything our templates produce is final HTML except the Markdown headings (kept so that MkDocs builds the
table of contents). Python-Markdown re-parses raw HTML blocks with an HTML parser, which made most of a large
build's time; so each HTML block is set aside behind a comment and put back after Markdown has run.
"""

from __future__ import annotations

import re

PLACEHOLDER = re.compile(r"<!--kh-html:(\d+)-->")


class HtmlBlocks:
    def __init__(self) -> None:
        self._blocks: list[str] = []

    def defer(self, markdown: str) -> str:
        """Replace every block that starts with a tag by a placeholder comment; leave Markdown blocks as they are."""
        return "\n\n".join(self._set_aside(block) for block in markdown.split("\n\n"))

    def _set_aside(self, block: str) -> str:
        if not block.lstrip().startswith("<") or block.lstrip().startswith("<!--"):
            return block
        self._blocks.append(block)
        return f"<!--kh-html:{len(self._blocks) - 1}-->"

    def restore(self, html: str) -> str:
        return PLACEHOLDER.sub(lambda match: self._blocks[int(match.group(1))], html)
