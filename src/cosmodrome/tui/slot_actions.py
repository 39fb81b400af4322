"""Saving, loading and deleting slots in the Textual game, each outcome said to the
player in one notification. The rules (what a save holds, what loading replaces) are
the `Session`'s; this helper of the app only turns their errors into sentences."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cosmodrome.saves.slots import QUICKSAVE, is_autosave
from cosmodrome.session import Loaded
from cosmodrome.wording import sentence

if TYPE_CHECKING:
    from cosmodrome.tui.app import CosmodromeApp


class SlotActions:
    """The app's save slots: `save`, `load`, `delete`, quick ones and Continue."""

    def __init__(self, app: CosmodromeApp) -> None:
        self.app = app

    def load(self, name: str) -> bool:
        """Load slot `name` and show it; a refusal is one line for the player."""
        from cosmodrome.saves.errors import SaveError

        try:
            loaded = self.app.session.load(name)
        except SaveError as exc:
            self.app.say(sentence(str(exc)), "error")
            return False
        self.show_loaded(loaded)
        return True

    def show_loaded(self, loaded: Loaded) -> None:
        """Play the game just loaded, after telling what loading it changed."""
        app = self.app
        for note in loaded.notes:
            app.say(note, "warning")
        app.report_saving()
        if not is_autosave(loaded.slot):
            app.say(f"Loaded '{loaded.slot}'.")
        app.navigation.show_play()

    def save(self, name: str) -> bool:
        """Save the game in progress to slot `name`; False (and said why) when refused."""
        from cosmodrome.saves.errors import SaveError

        try:
            self.app.session.save(name)
        except SaveError as exc:
            self.app.say(sentence(str(exc)), "error")
            return False
        self.app.say(f"Saved as '{name}'.")
        return True

    def delete(self, name: str) -> bool:
        """Delete slot `name`; False (and said why) when it cannot be."""
        from cosmodrome.saves.errors import SaveError

        try:
            self.app.session.store.delete(name)
        except (SaveError, OSError) as exc:
            self.app.say(sentence(str(exc)), "error")
            return False
        self.app.say(f"Deleted '{name}'.")
        return True

    def quicksave(self) -> None:
        """Save to the quicksave slot, when a game is in progress."""
        if self.app.session.playing:
            self.save(QUICKSAVE)

    def quickload(self) -> None:
        """Load the quicksave, or say there is none yet."""
        if not self.app.session.store.exists(QUICKSAVE):
            self.app.say("There is no quicksave yet (F5 makes one).")
            return
        self.load(QUICKSAVE)

    def continue_game(self) -> None:
        """Back to the game in progress, else the newest autosave that no other window
        plays, else say there is none."""
        from cosmodrome.saves.errors import SaveError

        if self.app.session.playing:
            self.app.navigation.show_play()
            return
        try:
            loaded = self.app.session.resume()
        except SaveError as exc:
            self.app.say(sentence(str(exc)), "error")
            return
        if loaded is None:
            self.app.say("There is no game to continue yet.")
        else:
            self.show_loaded(loaded)
