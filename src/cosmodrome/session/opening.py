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
    """The game to open, read from `store` as (slot name, game): slot `load`, else when
    `resume` the newest autosave of `story` that no other process is playing; None for
    a new game (`warn` is told when `resume` finds no autosave). An autosave opened is
    held in `store` for this process's game. Raises `SaveError` when the slot cannot be
    read, or is an autosave another process is playing."""
    from cosmodrome.saves.autosaves import in_use_message
    from cosmodrome.saves.errors import SaveError
    from cosmodrome.saves.slots import check_slot_name, is_autosave

    if load is None and not resume:
        return None
    if load is not None:
        name = check_slot_name(load)
        if is_autosave(name) and not store.autosaves.hold(name):
            raise SaveError(in_use_message(name))
        return name, store.load(name, story)
    newest = next((s for s in store.autosaves.listed() if not store.autosaves.busy(s.name)), None)
    if newest is not None and newest.status != "ok":  # the player asked for that game
        raise SaveError(f"cannot load '{newest.name}': {newest.problem}")
    first: SaveError | None = None
    for slot in store.autosaves.resumable(story.id):
        if not store.autosaves.hold(slot.name):
            continue  # another process took it since it was listed
        try:
            return slot.name, store.load(slot.name, story)
        except SaveError as exc:
            store.autosaves.release(slot.name)
            first = first or exc
    if first is not None:
        raise first
    store.slots()  # a folder that cannot be searched is the real cause: raises
    warn(NO_AUTOSAVE)
    return None
