"""The line-mode status line: where the game is and the variables the author shows the
player (those with a `label`), which is what choices are judged on."""

from __future__ import annotations

from cosmodrome.engine.progress import current_era, current_place, visible_variables
from cosmodrome.engine.state import GameState
from cosmodrome.plain.text import joined
from cosmodrome.story.model import Story
from cosmodrome.wording import era_name, place_name, value_text

PREFIX = "Status: "


def status_line(story: Story, state: GameState) -> str:
    """'Status: Summit · Vostochny · Credibility: 1 · Pass: no'; '' when the story
    shows neither an era, a place nor a variable."""
    era = current_era(story, state)
    place = current_place(story, state)
    parts = [era_name(era) if era else "", place_name(place) if place else ""]
    parts += [f"{label}: {value_text(value)}" for label, value in visible_variables(story, state)]
    line = joined(parts)
    return f"{PREFIX}{line}" if line else ""
