"""The line-mode status line: where the game is and the variables the author shows the
player (those with a `label`), which is what choices are judged on."""

from __future__ import annotations

from cosmodrome.engine.state import GameState
from cosmodrome.plain.text import fill
from cosmodrome.status_parts import variable_parts, where_parts
from cosmodrome.story.model import Story
from cosmodrome.wording import packed

PREFIX = "Status: "


def status_lines(story: Story, state: GameState, width: int) -> list[str]:
    """The status line wrapped to `width` under its 'Status: ' label, never breaking a
    part ('Hours left: 12' stays on one line); [] when there is nothing to show."""
    indent = " " * len(PREFIX)
    parts = where_parts(story, state) + variable_parts(story, state)
    rows = packed(parts, " · ", max(width - len(PREFIX) - 2, 20))  # 2: room for " ·"
    lines: list[str] = []
    for number, row in enumerate(rows):
        text = row if number == len(rows) - 1 else row + " ·"  # the line goes on below
        lines += fill(text, PREFIX if number == 0 else indent, indent, width=width)
    return lines
