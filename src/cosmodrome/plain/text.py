"""Story Markdown as plain lines for the line-mode player: parsed by markdown-it (the
parser the Textual game uses), printed with no markers a screen reader would read
aloud (no `*`, `_` or `>`), quotes indented, list items bulleted, and every line
wrapped to the width with a hanging indent."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, NamedTuple

from cosmodrome.story.markdown import story_markdown

if TYPE_CHECKING:
    from markdown_it.token import Token

WIDTH = 78
QUOTE_INDENT = "    "
BULLET = "• "


class Block(NamedTuple):
    """A paragraph to print: its text (a newline where the author broke the line), the
    prefix of its first line and the indent of the lines after."""

    text: str
    first: str
    rest: str


def _inline_text(token: Token) -> str:
    """The words of an inline token, emphasis, code and link markers dropped."""
    parts: list[str] = []
    link: str | None = None
    for child in token.children or ():
        kind = child.type
        if kind in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif kind == "softbreak":
            parts.append(" ")
        elif kind == "hardbreak":
            parts.append("\n")
        elif kind == "image":
            parts.append(child.content)
        elif kind == "link_open":
            link = str(child.attrs.get("href", ""))
            parts.append("\0")  # where the link's words start
        elif kind == "link_close" and link is not None:
            start = max(i for i, p in enumerate(parts) if p == "\0")
            words = "".join(parts[start + 1 :])
            parts[start:] = [words if link in ("", words) else f"{words} ({link})"]
            link = None
    return "".join(parts).replace("\0", "")


def blocks(source: str) -> list[Block]:
    """The paragraphs of Markdown `source`, as plain text with their indents."""
    found: list[Block] = []
    quote = 0
    lists: list[int | None] = []  # per open list: the next number, None for bullets
    pending = ""  # the bullet or number of a list item not yet printed
    for token in story_markdown().parse(source):
        kind = token.type
        if kind == "blockquote_open":
            quote += 1
        elif kind == "blockquote_close":
            quote -= 1
        elif kind == "bullet_list_open":
            lists.append(None)
        elif kind == "ordered_list_open":
            lists.append(int(token.attrs.get("start", 1) or 1))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            number = lists[-1] if lists else None
            pending = BULLET if number is None else f"{number}. "
            if number is not None:
                lists[-1] = number + 1
        elif kind in ("inline", "code_block", "fence", "html_block"):
            text = _inline_text(token) if kind == "inline" else token.content.rstrip("\n")
            indent = QUOTE_INDENT * quote + "  " * max(0, len(lists) - 1)
            first = indent + pending
            found.append(Block(text, first, indent + " " * len(pending)))
            pending = ""
        elif kind == "hr":
            found.append(Block("— — —", "", ""))
    return found


def fill(text: str, first: str = "", rest: str | None = None, width: int = WIDTH) -> list[str]:
    """`text` wrapped to `width`: the first line after `first`, the others after `rest`
    (a hanging indent as wide as `first` by default); a newline in `text` starts a line."""
    rest = " " * len(first) if rest is None else rest
    lines: list[str] = []
    for number, line in enumerate(text.split("\n")):
        lead = first if number == 0 else rest
        wrapped = textwrap.wrap(
            " ".join(line.split()),
            width=max(width, len(lead) + 10),
            initial_indent=lead,
            subsequent_indent=rest,
            break_on_hyphens=False,
        )
        lines.extend(wrapped or [lead.rstrip()])
    return lines


def markdown_lines(source: str, width: int = WIDTH) -> list[str]:
    """Markdown `source` as wrapped plain lines, a blank line between paragraphs."""
    lines: list[str] = []
    for block in blocks(source):
        if lines:
            lines.append("")
        lines.extend(fill(block.text, block.first, block.rest, width))
    return lines


def one_stop(text: str) -> str:
    """`text` ending in a single full stop: none added after `.`, `!`, `?` or `…`, and a
    doubled one (`contact..`) made single; an ellipsis `...` is kept."""
    text = text.rstrip()
    while text.endswith("..") and not text.endswith("..."):
        text = text[:-1]
    return text if text.endswith((".", "!", "?", "…")) else text + "."
