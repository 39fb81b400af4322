"""The status line of the play screen: era, place and the variables the author shows."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from cosmodrome.engine.state import GameState
from cosmodrome.safetext import printable
from cosmodrome.status_parts import variable_parts, where_parts
from cosmodrome.story.model import Story
from cosmodrome.tui.cutting import cut_at_word
from cosmodrome.wording import packed

SEPARATOR = "  │  "


def status_lines(where: list[str], variables: list[str], width: int) -> list[str]:
    """One line when everything fits in `width` columns, else where on the first line
    (cut at a word, with an ellipsis, if it must be) and the variables below it, each
    whole, on as many lines as they need: a gauge the player judges by is never cut off."""
    first = SEPARATOR.join(where)
    together = SEPARATOR.join(p for p in (first, "   ".join(variables)) if p)
    if _cells(together) <= width or not variables:
        return [cut_at_word(together, width)]
    shown = packed(variables, "   ", width, _cells)
    return [cut_at_word(line, width) for line in ([first] if first else []) + shown]


def _cells(text: str) -> int:
    return Content(text).cell_length


class StatusLine(Widget):
    """The top of the play screen: one line, or two when a narrow terminal needs them."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._where: list[str] = []
        self._variables: list[str] = []

    @property
    def text(self) -> str:
        """Everything the status line says, on one line."""
        return SEPARATOR.join(status_lines(self._where, self._variables, 10_000))

    def show_state(self, story: Story, state: GameState) -> None:
        width = self.content_size.width
        before = len(status_lines(self._where, self._variables, width))
        # made printable before they are measured: places, eras and values are the story's
        self._where = [printable(part) for part in where_parts(story, state)]
        self._variables = [printable(part) for part in variable_parts(story, state)]
        after = len(status_lines(self._where, self._variables, width))
        # a new layout of the screen only when the line count changes (or is not known yet)
        self.refresh(layout=not width or after != before)

    def render(self) -> Content:
        width = self.content_size.width
        return Content("\n".join(status_lines(self._where, self._variables, width)))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(status_lines(self._where, self._variables, width))
