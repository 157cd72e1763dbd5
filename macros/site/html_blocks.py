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
        self._blocks: list[str | None] = []

    def defer(self, markdown: str) -> str:
        """Replace every block that starts with a tag by a placeholder comment; leave Markdown blocks as they are."""
        return "\n\n".join(self._set_aside(block) for block in markdown.split("\n\n"))

    def _set_aside(self, block: str) -> str:
        if not block.lstrip().startswith("<") or block.lstrip().startswith("<!--"):
            return block
        self._blocks.append(block)
        return f"<!--kh-html:{len(self._blocks) - 1}-->"

    def restore(self, html: str) -> str:
        """Put each block back, and let go of it: a page is rendered once per build, and a large build's set-aside
        HTML would otherwise stay in memory beside the pages made of it until the build ends."""
        return PLACEHOLDER.sub(self._take, html)

    def copy(self, html: str) -> str:
        """The same text with every block in place, keeping the blocks for the page's own restore (the benchmark's
        twin copies each page's final Markdown before MkDocs renders it)."""
        return PLACEHOLDER.sub(lambda match: self._blocks[int(match.group(1))], html)

    def _take(self, match: re.Match) -> str:
        index = int(match.group(1))
        block, self._blocks[index] = self._blocks[index], None
        if block is None:
            raise RuntimeError(f"HTML block {index} was put back twice: a page was rendered twice in one build")
        return block
