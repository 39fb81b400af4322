"""The one way a save becomes a game: its bytes decoded and checked (`files.decode_save`),
then fitted to the story as it is now (`compat.adapt`). A save of the story exactly as
it is fits with no notes; one of an edited story is adapted, with a note per change."""

from __future__ import annotations

from cosmodrome.saves.compat import Adapted, adapt
from cosmodrome.saves.errors import SaveError
from cosmodrome.saves.files import SavedGame, decode_save
from cosmodrome.story.collector import collector_paused
from cosmodrome.story.model import Story


def game_from_save(saved: SavedGame, story: Story) -> Adapted:
    """The checked save as a playable game of `story`, with its undo history and one
    note per adaptation; raises `SaveError` for a save of another story, or one with
    no place left in this one ("incompatible: ...")."""
    story_id = saved.header.story_id
    if story_id != story.id:
        raise SaveError(f"it is a save of another story ('{story_id}'), not of '{story.id}'")
    with collector_paused():  # a state per move, none in a cycle
        return adapt(story, saved.states)


def game_from_bytes(data: bytes, story: Story) -> Adapted:
    """A save file's bytes as a playable game of `story` (see `game_from_save`);
    raises `SaveError` with the reason, never anything else."""
    return game_from_save(decode_save(data), story)
