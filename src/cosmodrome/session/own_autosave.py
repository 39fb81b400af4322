"""The autosave of the game a session plays: which one it is, whether it holds anything
new, and its lock, held for as long as the game is played."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from cosmodrome.saves.slots import is_autosave

if TYPE_CHECKING:  # the store's modules are imported when first used: after the title
    from cosmodrome.saves.store import SaveStore


def _refusal(name: str) -> Exception:
    """The `SaveError` for an autosave that a game in another process plays."""
    from cosmodrome.saves.autosaves import in_use_message
    from cosmodrome.saves.errors import SaveError

    return SaveError(in_use_message(name))


def check_free(store: SaveStore, name: str) -> None:
    """Raises `SaveError` when `name` is an autosave a game in another process plays."""
    if is_autosave(name) and store.autosaves.busy(name):
        raise _refusal(name)


class OwnAutosave:
    """A game's own autosave: `name` once it has one (`auto-<number>`, or an existing
    autosave the game was resumed from), and whether it is `spare`: holding nothing
    beyond the story's start or the slot the game was loaded from, so the next game
    may have it."""

    def __init__(self, store: Callable[[], SaveStore]) -> None:
        self._store = store  # called when first needed: the store may open late
        self.name: str | None = None
        self.spare = False

    def slot(self) -> str:
        """The autosave's name, held for the game (a new autosave when there is none
        yet); raises `SaveError` when it cannot be made or held."""
        autosaves = self._store().autosaves
        if self.name is None:
            self.name = autosaves.new()
        elif not autosaves.hold(self.name):
            raise _refusal(self.name)
        return self.name

    def become(self, name: str, *, at_start: bool) -> None:
        """Make the existing autosave `name` this game's, held from now on, and let the
        one before go (see `leave`); raises `SaveError` when another process plays it."""
        if name == self.name:
            return
        store = self._store()
        check_free(store, name)
        if not store.autosaves.hold(name):
            raise _refusal(name)
        self.leave(reuse=False, at_start=at_start)
        self.name = name

    def leave(self, *, reuse: bool, at_start: bool) -> None:
        """Before another game is played: keep the autosave for it when it is spare and
        `reuse` is set, else let it go; a spare one whose game is `at_start` (it holds
        nothing) is removed."""
        name = self.name
        if name is None or (reuse and self.spare):
            return
        store = self._store()
        self.name = None
        store.autosaves.release(name)
        if self.spare and at_start:
            from cosmodrome.saves.errors import SaveError

            # never written, or taken by another game meanwhile: then it stays
            with contextlib.suppress(SaveError, OSError):
                store.delete(name)
        self.spare = False

    def release(self) -> None:
        """Let another process continue the game (a later `slot` holds it again)."""
        if self.name is not None:
            self._store().autosaves.release(self.name)
