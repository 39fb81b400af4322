"""What a session reports: a game loaded from a slot, a story reloaded under it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Loaded:
    """A game restored from a slot, with anything the player should be told about it."""

    slot: str
    notes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Reloaded:
    """What an edit of the story did to the session, for a player to tell."""

    summary: str  # how the reload went, and how the game was fitted, in one line
    problems: tuple[str, ...]  # the broken edit's errors (path:line:col); () when it loaded
    changed: bool  # the game now plays in the new story
    news: bool  # something not yet told: a new story, or errors other than the last
    adapted: bool = False  # the game in progress had to be fitted (a warning, not news)


def save_errors() -> tuple[type[Exception], ...]:
    """The errors of a store that cannot read or write: `SaveError` and `OSError`."""
    from cosmodrome.saves.errors import SaveError

    return (SaveError, OSError)
