"""Story Markdown as one styled `Content`, which the transcript wraps into lines.

The text is never parsed as markup: a `[` in a story is just a bracket. markdown-it parses
it (CommonMark); the rendering of each passage's text is cached.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from textual.content import Content, Span

from cosmodrome.safetext import is_printable, printable
from cosmodrome.story.markdown import story_markdown

if TYPE_CHECKING:
    from markdown_it.token import Token

BULLET = "• "
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
QUOTE_BAR = "▌ "
Block = tuple[str, list[Span], bool]  # text, spans, whether in a list
INLINE_STYLES = {"em": "italic", "strong": "bold", "s": "strike", "link": "underline"}


def link_style(url: str) -> str:
    """The style of a link to `url`: underlined, and opened by a click (the app's
    `open_link`) when it is a web or mail address; any other scheme is only text."""
    if urlsplit(url).scheme.lower() not in LINK_SCHEMES or not is_printable(url):
        return INLINE_STYLES["link"]
    return f"{INLINE_STYLES['link']} @click=app.open_link({url!r})"


class _Builder:
    """Collects the text and spans of the blocks, one block per paragraph."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []  # text, spans, in a list
        self.quote = 0  # blockquote depth
        self.lists: list[int | None] = []  # per open list: the next number, None for bullets
        self.heading = False
        self.prefix_pending = ""  # the bullet or number of a list item not yet written

    def prefix(self) -> str:
        indent = "  " * max(0, len(self.lists) - 1)
        return QUOTE_BAR * self.quote + indent + self.prefix_pending

    def inline(self, token: Token) -> None:
        text: list[str] = []
        spans: list[Span] = []
        opened: list[tuple[str, int]] = []
        lead = self.prefix()
        self.prefix_pending = ""
        text.append(lead)
        if self.quote:
            spans.append(Span(0, len(QUOTE_BAR) * self.quote, "dim"))
        length = len(lead)
        for child in token.children or ():
            kind = child.type
            if kind in ("text", "html_inline"):
                text.append(child.content)
                length += len(child.content)
            elif kind == "code_inline":
                spans.append(
                    Span(length, length + len(child.content), "$text-warning on $warning-muted")
                )
                text.append(child.content)
                length += len(child.content)
            elif kind == "softbreak":  # a line break in the source: the paragraph reflows
                text.append(" ")
                length += 1
            elif kind == "hardbreak":
                bar = QUOTE_BAR * self.quote
                if bar:
                    spans.append(Span(length + 1, length + 1 + len(bar), "dim"))
                text.append("\n" + bar)
                length += 1 + len(bar)
            elif kind == "link_open":
                opened.append((link_style(str(child.attrs.get("href") or "")), length))
            elif kind.endswith("_open") and kind[:-5] in INLINE_STYLES:
                opened.append((INLINE_STYLES[kind[:-5]], length))
            elif kind.endswith("_close") and kind[:-6] in INLINE_STYLES and opened:
                style, start = opened.pop()
                spans.append(Span(start, length, style))
        if self.heading:
            spans.insert(0, Span(len(lead), length, "bold"))
        self.blocks.append(("".join(text), spans, bool(self.lists)))

    def code(self, token: Token) -> None:
        body = token.content.rstrip("\n")
        self.blocks.append((body, [Span(0, len(body), "dim")], False))

    def rule(self) -> None:
        line = "─" * 20
        self.blocks.append((line, [Span(0, len(line), "dim")], False))

    def token(self, token: Token) -> None:
        kind = token.type
        if kind == "inline":
            self.inline(token)
        elif kind == "heading_open":
            self.heading = True
        elif kind == "heading_close":
            self.heading = False
        elif kind == "blockquote_open":
            self.quote += 1
        elif kind == "blockquote_close":
            self.quote -= 1
        elif kind == "bullet_list_open":
            self.lists.append(None)
        elif kind == "ordered_list_open":
            self.lists.append(int(token.attrs.get("start", 1) or 1))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
        elif kind == "list_item_open" and self.lists:
            number = self.lists[-1]
            if number is None:
                self.prefix_pending = BULLET
            else:
                self.prefix_pending = f"{number}. "
                self.lists[-1] = number + 1
        elif kind in ("fence", "code_block"):
            self.code(token)
        elif kind == "hr":
            self.rule()


def join_blocks(blocks: list[Block]) -> Content:
    """Blocks (text, spans, whether in a list) as one text: paragraphs apart by a blank
    line, the items of a list line by line."""
    text: list[str] = []
    spans: list[Span] = []
    offset = 0
    listed = False
    for block, block_spans, in_list in blocks:
        if text:
            gap = "\n" if listed and in_list else "\n\n"
            text.append(gap)
            offset += len(gap)
        listed = in_list
        text.append(block)
        spans.extend(Span(s.start + offset, s.end + offset, s.style) for s in block_spans)
        offset += len(block)
    return Content("".join(text), spans)


@lru_cache(maxsize=256)
def markdown_content(source: str) -> Content:
    """`source` (story Markdown, parsed by markdown-it) as styled text: paragraphs apart by
    a blank line, emphasis and headings as styles, quotes behind a bar, list items with a
    bullet. Terminal control characters in it are shown as `\\uXXXX` (`printable`), never
    sent. Cached: a passage's text is rendered once."""
    builder = _Builder()
    for token in story_markdown().parse(printable(source)):
        builder.token(token)
    return join_blocks(builder.blocks)
