"""The Textual app: a thin shell over the game session and the save store.

Screens call the app's actions; the app asks the `Session` (engine and save
store) and tells the screens what to show. No rule of play lives here.
"""

from __future__ import annotations

import contextlib
import signal
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, ClassVar, Literal

from textual.binding import Binding, BindingType
from textual.command import Provider

from cosmodrome.settings import Settings
from cosmodrome.story.model import Story
from cosmodrome.tui.commands import CosmodromeCommands
from cosmodrome.tui.live import WATCH_INTERVAL, LiveShell
from cosmodrome.tui.session import AUTOSAVE, QUICKSAVE, Loaded
from cosmodrome.tui.text import sentence

if TYPE_CHECKING:  # the save store is imported once the title is drawn
    from cosmodrome.saves.store import LoadedGame, SaveStore

Start = Literal["title", "new"]
GAME_ACTIONS = frozenset(
    {"save", "quicksave", "undo", "archive", "map", "timeline", "ending", "export"}
)


class CosmodromeApp(LiveShell):
    """The game. It opens on `resume` (a game read from a slot) when given, else on the
    title screen or, with `start="new"`, a new game. With `watch`, the story is reloaded
    from that folder whenever it is edited, and the inspector is available."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [
        "styles/app.tcss",
        "styles/play.tcss",
        "styles/screens.tcss",
    ]
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {CosmodromeCommands}
    COMMAND_PALETTE_DISPLAY = "ctrl+p"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True, id="app.quit"),
        Binding("ctrl+c", "quit", "Quit", show=False, id="app.interrupt"),
        Binding("f1,question_mark", "help", "Help", key_display="?", id="app.help"),
    ]

    def __init__(
        self,
        story: Story,
        store: SaveStore | Callable[[], SaveStore],
        *,
        settings: Settings | None = None,
        settings_file: Path | None = None,
        settings_problems: tuple[str, ...] = (),
        start: Start = "title",
        resume: tuple[str, LoadedGame] | None = None,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = datetime.now,
        export_dir: Path | None = None,
        watch: Path | None = None,
        watch_interval: float = WATCH_INTERVAL,
    ) -> None:
        super().__init__(
            story,
            store,
            settings=settings,
            settings_file=settings_file,
            settings_problems=settings_problems,
            clock=clock,
            now=now,
            export_dir=export_dir,
        )
        self.start_at: Start = start
        self.resume = resume
        if watch is not None:
            self.watch_story(watch, watch_interval)

    # -- start and stop ----------------------------------------------------------

    def on_mount(self) -> None:
        for problem in self._settings_problems:
            self.say(problem, "warning")
        with contextlib.suppress(NotImplementedError, RuntimeError, AttributeError):
            import asyncio

            asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, self._hang_up)
        if self.resume is not None:
            name, loaded = self.resume
            self._show_loaded(self.session.adopt(name, loaded))
        elif self.start_at == "new":
            self.start_new_game()
        self._check_size(self.size.width, self.size.height)
        self.start_watching()

    async def action_quit(self) -> None:
        if self.settings.confirm_quit and not self._too_small():
            from cosmodrome.tui.dialogs.confirm import ConfirmDialog

            def quit_if(answer: bool | None) -> None:
                if answer:
                    self._leave()

            if not isinstance(self.screen, ConfirmDialog):
                question = "Quit Cosmodrome? Your progress is saved automatically."
                self.push_screen(ConfirmDialog(question, yes="Quit", no="Stay"), quit_if)
            return
        self._leave()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "quit":
            return True
        if self._too_small():
            return False
        if action == "toggle_inspector":
            return self.watching and self.session.playing
        if action == "continue_game":
            # before the store is opened, Continue is offered and finds out when chosen
            session = self.session
            return session.playing or not session.store_open or session.store.exists(AUTOSAVE)
        if action in GAME_ACTIONS:
            return self.session.playing
        return True

    # -- moves ----------------------------------------------------------------------

    def take_choice(self, key: str) -> None:
        from cosmodrome.engine.game import GameError

        try:
            self.session.take(key)
        except GameError as exc:
            self.say(sentence(str(exc)), "warning")
            return
        self._report_saving()
        self.show_play(fresh=True)

    def take_number(self, number: int) -> None:
        if not self.session.playing or self.session.require().ended:
            return
        from cosmodrome.engine.game import GameError

        try:
            self.session.take_number(number)
        except GameError as exc:
            self.say(sentence(str(exc)), "warning")
            return
        self._report_saving()
        self.show_play(fresh=True)

    def start_new_game(self) -> None:
        self.session.new_game()
        self._report_saving()
        self.show_play(fresh=True)

    def load_from(self, name: str) -> bool:
        """Load slot `name` and show it; a refusal is one line for the player."""
        from cosmodrome.saves.errors import SaveError

        try:
            loaded = self.session.load(name)
        except SaveError as exc:
            self.say(sentence(str(exc)), "error")
            return False
        self._show_loaded(loaded)
        return True

    def _show_loaded(self, loaded: Loaded) -> None:
        for note in loaded.notes:
            self.say(note, "warning")
        self._report_saving()
        if loaded.slot != AUTOSAVE:
            self.say(f"Loaded '{loaded.slot}'.")
        self.show_play()

    def save_to(self, name: str) -> bool:
        from cosmodrome.saves.errors import SaveError

        try:
            self.session.save(name)
        except SaveError as exc:
            self.say(sentence(str(exc)), "error")
            return False
        self.say(f"Saved as '{name}'.")
        return True

    def delete_slot(self, name: str) -> bool:
        from cosmodrome.saves.errors import SaveError

        try:
            self.session.store.delete(name)
        except (SaveError, OSError) as exc:
            self.say(sentence(str(exc)), "error")
            return False
        self.say(f"Deleted '{name}'.")
        return True

    # -- actions (keys, menus and the command palette) ---------------------------------

    def action_new_game(self) -> None:
        state = self.session.state
        if state is None or state.ended or state.steps == 0:
            self.start_new_game()
            return
        from cosmodrome.tui.dialogs.confirm import ConfirmDialog

        def start_if(answer: bool | None) -> None:
            if answer:
                self.start_new_game()

        question = "Start a new game? The game in progress stays only in the saves you made."
        self.push_screen(ConfirmDialog(question, yes="New game", no="Cancel"), start_if)

    def action_continue_game(self) -> None:
        if self.session.playing:
            self.show_play()
        elif self.session.store.exists(AUTOSAVE):
            self.load_from(AUTOSAVE)
        else:
            self.say("There is no game to continue yet.")

    def action_title(self) -> None:
        self.show_title()

    def action_undo(self) -> None:
        if not self.session.playing:
            return
        if not self.session.undo():
            self.say("Nothing to undo: this is the beginning.")
            return
        self._report_saving()
        self.show_play()

    def action_save(self) -> None:
        from cosmodrome.tui.screens.saves import SavesScreen

        self.open_over_play(SavesScreen("save"))

    def action_load(self) -> None:
        from cosmodrome.tui.screens.saves import SavesScreen

        if self.session.playing:
            self.open_over_play(SavesScreen("load"))
        else:
            self.push_screen(SavesScreen("load"))

    def action_quicksave(self) -> None:
        if self.session.playing:
            self.save_to(QUICKSAVE)

    def action_quickload(self) -> None:
        if not self.session.store.exists(QUICKSAVE):
            self.say("There is no quicksave yet (F5 makes one).")
            return
        self.load_from(QUICKSAVE)

    def action_archive(self) -> None:
        from cosmodrome.tui.screens.archive import ArchiveScreen

        self.open_over_play(ArchiveScreen())

    def action_map(self) -> None:
        from cosmodrome.tui.screens.map import MapScreen

        self.open_over_play(MapScreen())

    def action_timeline(self) -> None:
        from cosmodrome.tui.screens.timeline import TimelineScreen

        self.open_over_play(TimelineScreen())

    def action_ending(self) -> None:
        from cosmodrome.tui.screens.ending import EndingScreen

        state = self.session.state
        if state is not None and state.ended:
            self.open_over_play(EndingScreen())

    def action_settings(self) -> None:
        from cosmodrome.tui.screens.settings import SettingsScreen

        self.push_screen(SettingsScreen())

    def action_help(self) -> None:
        from cosmodrome.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_export(self) -> None:
        from cosmodrome.tui.export import ask_and_export

        if self.session.playing:
            ask_and_export(self)
