"""One passage of the transcript as styled text: title, story text, ending, and the choice
taken there; and the points where the typewriter pauses."""

from __future__ import annotations

import re
from dataclasses import dataclass

from textual.content import Content
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget

from cosmodrome.safetext import printable
from cosmodrome.tui.markdown_text import markdown_content

MEASURE = 88  # long lines are hard to read: a book-like measure, centred on wide terminals
TYPE_DELAY = 0.035  # seconds per word: a brisk typewriter
_WORD = re.compile(r"\S+\s*|\s+")


def reveal_points(text: str, start: int = 0) -> list[int]:
    """The offsets in `text` where the typewriter pauses: after each word from `start` on."""
    points = [match.end() for match in _WORD.finditer(text, start)]
    return points or [len(text)]


@dataclass(frozen=True, slots=True)
class ShownPassage:
    """A passage as the player read it. Story text is Markdown, never Rich markup."""

    title: str | None
    text: str
    ending: str | None
    chosen: str | None = None  # the choice taken after it (None: not yet)

    @property
    def read(self) -> bool:
        """Whether the player has moved on from it (it is then drawn dimmed)."""
        return self.chosen is not None

    def body(self) -> Content:
        """Title, text and ending; read passages are dimmed."""
        parts: list[Content] = []
        if self.title:
            parts.append(
                Content(printable(self.title)).stylize("bold" if self.read else "bold $accent")
            )
        parts.append(markdown_content(self.text))
        if self.ending is not None:
            parts.append(
                Content(printable(f"The end: {self.ending}")).stylize("bold italic $accent")
            )
        body = Content("\n\n").join(parts)
        return body.stylize_before("$foreground-muted") if self.read else body

    def body_start(self) -> int:
        """Where the story text starts in `body()`: the title is shown at once."""
        return len(printable(self.title)) + 2 if self.title else 0

    def chosen_line(self) -> Content | None:
        """The line below the passage that says what the player chose there."""
        if self.chosen is None:
            return None
        return Content(printable(f"› {self.chosen}")).stylize("italic $text-primary")


def chosen_rows(widget: Widget, passage: ShownPassage, width: int) -> int:
    """How many of the lines `passage_lines` makes are the choice taken there."""
    chosen = passage.chosen_line()
    if chosen is None:
        return 0
    measure = min(MEASURE, width)
    return len(Visual.to_strips(widget, chosen, measure, None, widget.visual_style))


def passage_lines(
    widget: Widget, passage: ShownPassage, shown: int | None, width: int
) -> list[Strip]:
    """`passage` as `widget` draws it, `width` cells wide: a blank line, the body (its first `shown`
    characters while it is typed out), a blank line, and the choice taken there."""
    measure = min(MEASURE, width)
    indent = (width - measure) // 2
    style = widget.visual_style
    blank = Strip.blank(measure, style.rich_style)
    body = passage.body()
    if shown is not None:
        body = body[:shown]
    lines = [blank, *Visual.to_strips(widget, body, measure, None, style), blank]
    chosen = passage.chosen_line()
    if chosen is not None:
        lines += Visual.to_strips(widget, chosen, measure, None, style)
    rich_style = style.rich_style
    if indent:
        margin = Strip.blank(indent, rich_style)
        lines = [Strip.join([margin, line]) for line in lines]
    return [line.extend_cell_length(width, rich_style) for line in lines]
