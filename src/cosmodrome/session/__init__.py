"""A player's session, shared by the Textual game and the line-mode player: the game in
progress and its undo, the play clock, the autosave, endings, the save store, and the
game carried on into an edited story. Imports no UI (a test proves it)."""

from cosmodrome.session.clock import PlayClock
from cosmodrome.session.opening import saved_opening
from cosmodrome.session.outcomes import Loaded, Reloaded
from cosmodrome.session.session import Session

__all__ = ["Loaded", "PlayClock", "Reloaded", "Session", "saved_opening"]
