"""What `cosmodrome play --load NAME` and `--continue` open, for either player."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from cosmodrome.story.model import Story

if TYPE_CHECKING:
    from cosmodrome.saves.store import LoadedGame, SaveStore

NO_AUTOSAVE = "no autosave to continue; starting a new game"


def saved_opening(
    store: SaveStore, story: Story, load: str | None, resume: bool, warn: Callable[[str], None]
) -> tuple[str, LoadedGame] | None:
    """The game to open: slot `load`, else the autosave when `resume`, read from `store`
    as (slot name, game); None for a new game (`warn` is told when `resume` finds no
    autosave). Raises `SaveError` when the slot cannot be read."""
    from cosmodrome.saves.slots import AUTOSAVE, check_slot_name

    if load is None and not resume:
        return None
    if load is None and not store.exists(AUTOSAVE):
        store.slots()  # a folder that cannot be searched is the real cause: raises
        warn(NO_AUTOSAVE)
        return None
    name = check_slot_name(load if load is not None else AUTOSAVE)
    return name, store.load(name, story)
