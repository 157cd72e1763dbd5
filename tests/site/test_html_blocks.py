"""Finished HTML set aside from Python-Markdown comes back whole, once, and is not kept after it is back."""

from __future__ import annotations

import markdown
import pytest

from macros.site.html_blocks import HtmlBlocks

PAGE = '## Mục I\n\n<table class="kh"><tr><td data-label="Giá trị">81,82%</td></tr></table>\n\nĐoạn *Markdown*.'


def test_a_block_comes_back_as_it_was_written_and_markdown_still_runs_around_it():
    blocks = HtmlBlocks()
    html = blocks.restore(markdown.markdown(blocks.defer(PAGE)))
    assert '<table class="kh"><tr><td data-label="Giá trị">81,82%</td></tr></table>' in html
    assert "<h2>Mục I</h2>" in html and "<em>Markdown</em>" in html
    assert "kh-html" not in html


def test_a_block_is_let_go_once_it_is_back():
    blocks = HtmlBlocks()
    deferred = blocks.defer(PAGE)
    blocks.restore(deferred)
    with pytest.raises(RuntimeError, match="put back twice"):
        blocks.restore(deferred)


def test_a_copy_of_the_page_keeps_the_blocks_for_the_page_itself():
    blocks = HtmlBlocks()
    deferred = blocks.defer(PAGE)
    assert blocks.copy(deferred) == PAGE
    assert '<table class="kh">' in blocks.restore(markdown.markdown(deferred))
