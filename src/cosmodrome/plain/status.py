"""The line-mode status line: where the game is and the variables the author shows the
player (those with a `label`), which is what choices are judged on."""

from __future__ import annotations

from cosmodrome.engine.progress import current_era, current_place, visible_variables
from cosmodrome.engine.state import GameState
from cosmodrome.plain.text import fill
from cosmodrome.story.model import Story
from cosmodrome.wording import era_name, packed, place_name, value_text

PREFIX = "Status: "


def _parts(story: Story, state: GameState) -> list[str]:
    era = current_era(story, state)
    place = current_place(story, state)
    parts = [era_name(era) if era else "", place_name(place) if place else ""]
    parts += [f"{label}: {value_text(value)}" for label, value in visible_variables(story, state)]
    return [part for part in parts if part]


def status_lines(story: Story, state: GameState, width: int) -> list[str]:
    """The status line wrapped to `width` under its 'Status: ' label, never breaking a
    part ('Hours left: 12' stays on one line); [] when there is nothing to show."""
    indent = " " * len(PREFIX)
    rows = packed(_parts(story, state), " · ", max(width - len(PREFIX) - 2, 20))
    lines: list[str] = []
    for number, row in enumerate(rows):
        text = row if number == len(rows) - 1 else row + " ·"  # the line goes on below
        lines += fill(text, PREFIX if number == 0 else indent, indent, width=width)
    return lines
