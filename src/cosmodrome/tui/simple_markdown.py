"""The simple Markdown most story text is written in: paragraphs, `*emphasis*`,
`**strong**`, `> quotes`, and a paragraph that opens with a year ("2016. The first
launch", a list of one item to CommonMark), rendered without markdown-it exactly as
markdown-it renders it.

Importing markdown-it costs memory the game's budget cannot spare, and the story rarely
needs more than this. Text using anything else is left to markdown-it.
"""

from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass

from textual.content import Content, Span

QUOTE_BAR = "▌ "
_STYLES = {"em": "italic", "strong": "bold"}
_MAX_QUOTE_DEPTH = 8  # markdown-it stops nesting at 20 levels: stay well below that

# Syntax this module leaves to markdown-it (links, code, HTML, entities, escapes, `_`
# emphasis, strikethrough), NUL, and all whitespace `str.isspace` knows but space and
# newline: CommonMark expands tabs, normalises `\r` and trims others by rules of its own.
_UNHANDLED = re.compile(
    r"[_`\[\]<&\\~\0"
    r"\t\v\f\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
)
# Lines that start a block other than a paragraph: a bullet list item, a heading, a setext
# underline or a thematic break (any line of nothing but `-`, `*`, `=` and spaces: simpler)
_OTHER_BLOCK = re.compile(r"[-+*](?: |\Z)|#{1,6}(?: |\Z)|[-*= ]+\Z")
_ORDERED_MARKER = re.compile(r"([0-9]{1,9})[.)](?: |\Z)")
# an ordered list item as this module renders it: a plain number, one space, text
_SIMPLE_ITEM = re.compile(r"([1-9][0-9]{0,8})[.)] (?=[^ ])")
_STARS = re.compile(r"\*+")
_ASCII_PUNCTUATION = frozenset(string.punctuation)

Block = tuple[str, list[Span], bool]  # text, spans, in a list


def simple_markdown_content(source: str) -> Content | None:
    """`source` as markdown-it renders it (see `markdown_text`), or None when it uses
    Markdown this module does not render: then only markdown-it knows the answer."""
    if _UNHANDLED.search(source):
        return None
    blocks = _blocks(source.split("\n"), 0)
    return None if blocks is None else join_blocks(blocks)


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


def _blocks(lines: list[str], depth: int) -> list[Block] | None:
    """The paragraphs of `lines`, inside `depth` quotes; None if they hold other blocks."""
    blocks: list[Block] = []
    count = len(lines)
    i = 0
    while i < count:
        line = lines[i].lstrip(" ")
        if not line:
            i += 1
            continue
        if len(lines[i]) - len(line) > 3:  # indented code
            return None
        if line.startswith(">"):
            quoted: list[str] = []
            while i < count and lines[i].strip(" "):
                line = lines[i].lstrip(" ")
                # a line without `>` ends the quote only after a blank one: lazy continuation
                if len(lines[i]) - len(line) > 3 or not line.startswith(">"):
                    return None
                quoted.append(line[2:] if line.startswith("> ") else line[1:])
                i += 1
            inner = _blocks(quoted, depth + 1) if depth < _MAX_QUOTE_DEPTH else None
            if inner is None:
                return None
            blocks += inner
            continue
        marker = ""
        item = _SIMPLE_ITEM.match(line)
        if item:  # a list of one item: markdown_text numbers it "N. "
            marker = f"{item.group(1)}. "
            line = line[item.end() :]
        if line.startswith(">") or _OTHER_BLOCK.match(line) or _ORDERED_MARKER.match(line):
            return None
        end = _paragraph_end(lines, i + 1, bool(marker))
        if end is None or (marker and not _list_ends(lines[end:])):
            return None
        block = _paragraph([line, *(rest.lstrip(" ") for rest in lines[i + 1 : end])])
        if block is None:
            return None
        lead = QUOTE_BAR * depth + marker
        bar = [Span(0, len(QUOTE_BAR) * depth, "dim")] if depth else []
        text, spans = block
        shifted = [Span(s.start + len(lead), s.end + len(lead), s.style) for s in spans]
        blocks.append((lead + text, bar + shifted, bool(marker)))
        i = end
    return blocks


def _paragraph_end(lines: list[str], start: int, in_item: bool) -> int | None:
    """Where the paragraph continued from line `start` ends; None if a line of it may
    start some other block or, in a list item, may not continue the paragraph."""
    end = start
    while end < len(lines):
        line = lines[end].lstrip(" ")
        if not line:
            break
        if line.startswith(">"):  # a quote interrupts a paragraph
            return None if in_item else end
        ordered = _ORDERED_MARKER.match(line)
        if (
            len(lines[end]) - len(line) > 3
            or _OTHER_BLOCK.match(line)
            or (ordered and (in_item or _interrupts(ordered, line)))
        ):
            return None
        end += 1
    return end


def _interrupts(ordered: re.Match[str], line: str) -> bool:
    """Whether the ordered list marker `ordered` at the start of `line` ends a paragraph:
    only a list that starts at 1 with an item that is not empty does."""
    return int(ordered.group(1)) == 1 and bool(line[ordered.end() :].strip(" "))


def _list_ends(rest: list[str]) -> bool:
    """Whether a list item ends a list when `rest` (from a blank line) follows it: unless
    an indented line continues the item or a number starts another one."""
    for line in rest:
        if line.strip(" "):
            return not line.startswith(" ") and not _ORDERED_MARKER.match(line)
    return True


def _paragraph(lines: list[str]) -> tuple[str, list[Span]] | None:
    """One paragraph (lines without their indent) as text and emphasis spans."""
    for line in lines[:-1]:
        if line.endswith("  "):  # a hard line break
            return None
    # a line break becomes one space, dropping those around it (markdown-it's soft break);
    # to emphasis, a space and a line break are alike: whitespace, not punctuation
    src = " ".join([line.rstrip(" ") for line in lines])
    if "*" not in src:
        return src, []
    tokens, delimiters = _tokens(src)
    _balance(delimiters)
    _emphasise(tokens, delimiters)
    text: list[str] = []
    spans: list[Span] = []
    opened: list[tuple[str, int]] = []
    length = 0
    for token in tokens:
        if token.kind == "text":
            text.append(token.content)
            length += len(token.content)
        elif token.kind.endswith("_open"):
            opened.append((_STYLES[token.kind[:-5]], length))
        else:
            style, start = opened.pop()
            spans.append(Span(start, length, style))
    return "".join(text), spans


@dataclass(slots=True)
class _Token:
    kind: str  # text, em_open, em_close, strong_open, strong_close
    content: str


@dataclass(slots=True)
class _Delimiter:
    """One `*`, as markdown-it's emphasis rule records it."""

    token: int  # its index in the tokens
    length: int  # the length of the run of stars it is part of
    open: bool
    close: bool
    end: int = -1  # the index of the closing delimiter it was matched with


def _punctuation(char: str) -> bool:
    # CommonMark's punctuation, tested as markdown-it tests it
    return char in _ASCII_PUNCTUATION or unicodedata.category(char).startswith(("P", "S"))


def _tokens(src: str) -> tuple[list[_Token], list[_Delimiter]]:
    """markdown-it's inline tokens of `src`, text and one text token per star (its soft
    breaks are text here); and the delimiters, each star with whether its run can open or
    close emphasis."""
    tokens: list[_Token] = []
    delimiters: list[_Delimiter] = []
    pos = 0
    for match in _STARS.finditer(src):
        start, end = match.span()
        if start > pos:
            tokens.append(_Token("text", src[pos:start]))
        pos = end
        # the start and end of the text count as whitespace; spaces are the only whitespace
        # that reaches here
        before = src[start - 1] if start else " "
        after = src[end] if end < len(src) else " "
        space_before, space_after = before == " ", after == " "
        punct_before, punct_after = _punctuation(before), _punctuation(after)
        left_flanking = not (space_after or (punct_after and not (space_before or punct_before)))
        right_flanking = not (space_before or (punct_before and not (space_after or punct_after)))
        for _ in range(end - start):  # `*` may split a word: flanking decides alone
            tokens.append(_Token("text", "*"))
            delimiters.append(
                _Delimiter(len(tokens) - 1, end - start, left_flanking, right_flanking)
            )
    if pos < len(src):
        tokens.append(_Token("text", src[pos:]))
    return tokens, delimiters


def _balance(delimiters: list[_Delimiter]) -> None:
    """Match closing delimiters with openers: markdown-it's `balance_pairs` for `*`,
    with the rule of 3 and its jumps over runs that failed."""
    openers_bottom = [-1] * 6  # per (closer can open, length % 3): no opener at or below
    header = 0  # the first delimiter of the closer's run
    last_token = -2
    jumps: list[int] = []
    for closer_index, closer in enumerate(delimiters):
        jumps.append(0)
        if last_token != closer.token - 1:
            header = closer_index
        last_token = closer.token
        if not closer.close:
            continue
        bottom_key = (3 if closer.open else 0) + closer.length % 3
        minimum = openers_bottom[bottom_key]
        opener_index = header - jumps[header] - 1
        new_minimum = opener_index
        while opener_index > minimum:
            opener = delimiters[opener_index]
            if opener.open and opener.end < 0:
                odd_match = (
                    (opener.close or closer.open)
                    and (opener.length + closer.length) % 3 == 0
                    and (opener.length % 3 != 0 or closer.length % 3 != 0)
                )
                if not odd_match:
                    before = opener_index - 1
                    last_jump = (
                        jumps[before] + 1 if before >= 0 and not delimiters[before].open else 0
                    )
                    jumps[closer_index] = closer_index - opener_index + last_jump
                    jumps[opener_index] = last_jump
                    closer.open = False
                    opener.end = closer_index
                    opener.close = False
                    new_minimum = -1
                    last_token = -2  # the next star starts a run of its own
                    break
            opener_index -= jumps[opener_index] + 1
        if new_minimum != -1:
            openers_bottom[bottom_key] = new_minimum


def _emphasise(tokens: list[_Token], delimiters: list[_Delimiter]) -> None:
    """Turn matched stars into emphasis tokens, two adjacent pairs into strong:
    markdown-it's emphasis post-processing."""
    i = len(delimiters) - 1
    while i >= 0:
        start = delimiters[i]
        if start.end == -1:
            i -= 1
            continue
        end = delimiters[start.end]
        strong = (
            i > 0
            and delimiters[i - 1].end == start.end + 1
            and delimiters[i - 1].token == start.token - 1
            and delimiters[start.end + 1].token == end.token + 1
        )
        kind = "strong" if strong else "em"
        tokens[start.token] = _Token(f"{kind}_open", "")
        tokens[end.token] = _Token(f"{kind}_close", "")
        if strong:
            tokens[delimiters[i - 1].token].content = ""
            tokens[delimiters[start.end + 1].token].content = ""
            i -= 1
        i -= 1
