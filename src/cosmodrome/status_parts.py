"""The parts of a status line, as both players word them: where the game is (era, place)
and each variable the author shows ("Credibility: 1")."""

from __future__ import annotations

from cosmodrome.engine.progress import current_era, current_place, visible_variables
from cosmodrome.engine.state import GameState
from cosmodrome.story.model import Story
from cosmodrome.wording import era_name, place_name, value_text


def where_parts(story: Story, state: GameState) -> list[str]:
    """The era and the place a status line names (either may be missing)."""
    parts: list[str] = []
    era = current_era(story, state)
    if era is not None:
        parts.append(era_name(era))
    place = current_place(story, state)
    if place is not None:
        parts.append(place_name(place))
    return parts


def variable_parts(story: Story, state: GameState) -> list[str]:
    """'Credibility: 1' for each variable the author shows the player."""
    return [f"{label}: {value_text(value)}" for label, value in visible_variables(story, state)]
