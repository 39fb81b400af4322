"""The Markdown that story text is written in, one definition for every player."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


@lru_cache(maxsize=1)
def story_markdown() -> MarkdownIt:
    """The parser for story text: CommonMark and ~~strikethrough~~; not "gfm-like", whose
    linkify loads a large set of patterns for bare web addresses, which stories do not
    need. Built on first use: its modules and tables cost start-up."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("strikethrough")
