"""The Textual app: a thin shell over the game session and the save store.

Screens call the app's actions; the app asks the `Session` (engine and save store)
and tells the screens what to show. No rule of play lives here. Its helpers:
`Navigation` (which screen shows), `SlotActions` (saving and loading), `StoryReload`
(`play --watch`), `Appearance` (settings and themes).
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, ClassVar, Literal

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.notifications import SeverityLevel
from textual.screen import Screen

from cosmodrome.safetext import printable
from cosmodrome.session import Session
from cosmodrome.settings import Settings
from cosmodrome.story.model import Story
from cosmodrome.tui.appearance import Appearance
from cosmodrome.tui.navigation import Navigation
from cosmodrome.tui.palette import CosmodromeCommands
from cosmodrome.tui.slot_actions import SlotActions
from cosmodrome.tui.story_reload import WATCH_INTERVAL, StoryChanged, StoryReload
from cosmodrome.wording import sentence

if TYPE_CHECKING:  # the save store is imported once the title is drawn
    from cosmodrome.saves.store import LoadedGame, SaveStore

Start = Literal["title", "new"]
GAME_ACTIONS = frozenset(
    {"save", "quicksave", "undo", "archive", "map", "timeline", "ending", "export"}
)


STALLED_EXIT_SECONDS = 3.0


def end_process_after(seconds: float) -> None:
    """End this process in `seconds` unless it has ended by then (a daemon timer)."""
    timer = threading.Timer(seconds, os._exit, args=(0,))
    timer.daemon = True
    timer.start()


class CosmodromeApp(App[None]):
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
        super().__init__()
        self.session = Session(story, store, clock)
        self.session.defer = self._autosave_after_frame  # a move's frame first, then its save
        self.now = now
        self.export_dir = export_dir  # None: the player's downloads folder
        self.start_at: Start = start
        self.resume = resume
        self.end_stalled_exit = False  # set by the command; a test's process is not ours
        self.title = printable(story.title)
        # before the first screen is styled, so no screen is drawn in the wrong colours
        self.appearance = Appearance(self, settings or Settings(), settings_file, settings_problems)
        self.save_slots = SlotActions(self)
        self.story_reload = StoryReload(self, watch, watch_interval)
        self.navigation = Navigation(self)

    @property
    def story(self) -> Story:
        """The story being played (an edit under `play --watch` replaces it)."""
        return self.session.story

    @property
    def settings(self) -> Settings:
        """The player's settings, as last applied."""
        return self.appearance.settings

    def get_default_screen(self) -> Screen[None]:
        return self.navigation.title

    # -- start and stop ----------------------------------------------------------

    def on_mount(self) -> None:
        for problem in self.appearance.problems:
            self.say(problem, "warning")
        with contextlib.suppress(NotImplementedError, RuntimeError, AttributeError):
            import asyncio

            loop = asyncio.get_running_loop()
            loop.add_signal_handler(signal.SIGHUP, self.hang_up)
            loop.add_signal_handler(signal.SIGTERM, self.hang_up)
        if self.resume is not None:
            self.save_slots.show_loaded(self.session.adopt(*self.resume))
        elif self.start_at == "new":
            self.start_new_game()
        self.navigation.fit(self.size.width, self.size.height)
        self.story_reload.start()

    def on_unmount(self) -> None:
        self.session.flush()  # however the app stops, the last move is saved
        self.session.release()  # and its autosave is free for another window to continue

    def on_resize(self, event: events.Resize) -> None:
        self.navigation.fit(event.size.width, event.size.height)

    def on_story_changed(self, message: StoryChanged) -> None:
        self.story_reload.finished(message.reload)

    def _autosave_after_frame(self, flush: Callable[[], object]) -> None:
        # on the event loop, as every other write of the store: two saves never overlap
        def write() -> None:
            flush()
            self.report_saving()

        self.call_after_refresh(write)

    def leave(self) -> None:
        """Write the autosave (with the play time of the last stretch) and stop."""
        self.session.close()
        self.exit()

    def hang_up(self) -> None:
        """The terminal went away (SIGHUP) or the game was told to stop (SIGTERM): leave as
        on quit, which restores a terminal that is still there. With `end_stalled_exit`
        set (the real command), a stop that stalls (Textual's output waiting on a terminal
        that is gone) ends the process a moment later: the autosave is already on disk."""
        self.leave()
        if self.end_stalled_exit:
            end_process_after(STALLED_EXIT_SECONDS)

    async def action_quit(self) -> None:
        if self.settings.confirm_quit and self.navigation.game_on_screen:
            from cosmodrome.tui.dialogs.confirm import ConfirmDialog

            def quit_if(answer: bool | None) -> None:
                if answer:
                    self.leave()

            if not isinstance(self.screen, ConfirmDialog):
                question = "Quit Cosmodrome? Your progress is saved automatically."
                self.push_screen(ConfirmDialog(question, yes="Quit", no="Stay"), quit_if)
            return
        self.leave()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "quit":
            return True
        if self.navigation.too_small:
            return False
        session = self.session
        if action == "toggle_inspector":
            return self.story_reload.watching and session.playing
        if action == "continue_game":
            return session.playing or session.may_continue()
        if action in GAME_ACTIONS:
            return session.playing
        return True

    # -- talking to the player ------------------------------------------------------

    def say(self, message: str, severity: SeverityLevel = "information") -> None:
        """Tell the player `message`: on the play screen's message line when it is the
        screen shown (under the choices, never over them), else as a notification. Story text in
        it is never parsed as markup, nor sent raw."""
        play = self.navigation.made_play
        if play is not None and self.screen is play:
            play.say(message, severity)
            return
        self.notify(printable(message), severity=severity, markup=False)
        if play is not None and play in self.screen_stack:
            play.say_on_return(message, severity)  # moved to its line when it is back

    def report_saving(self) -> None:
        """Warn, once, when the autosave has stopped being written."""
        problem = self.session.take_saving_problem()
        if problem:
            self.say(f"Saving is off: {problem}", "warning")

    # -- moves ----------------------------------------------------------------------

    def take_choice(self, key: str) -> None:
        """Take the choice with stable `key`; a refusal is said, not raised."""
        self._move(lambda: self.session.take(key))

    def take_number(self, number: int) -> None:
        """Take the `number`-th shown choice, while a game is in progress."""
        if self.session.playing and not self.session.require().ended:
            self._move(lambda: self.session.take_number(number))

    def _move(self, take: Callable[[], object]) -> None:
        from cosmodrome.engine.game import GameError

        try:
            take()
        except GameError as exc:
            self.say(sentence(str(exc)), "warning")
            return
        self.report_saving()
        self.navigation.show_play(fresh=True)

    def start_new_game(self) -> None:
        self.session.new_game()
        self.report_saving()
        self.navigation.show_play(fresh=True)

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

        question = "Start a new game? The game in progress stays in its autosave."
        self.push_screen(ConfirmDialog(question, yes="New game", no="Cancel"), start_if)

    def action_continue_game(self) -> None:
        self.save_slots.continue_game()

    def action_title(self) -> None:
        self.navigation.show_title()

    def action_undo(self) -> None:
        if not self.session.playing:
            return
        if not self.session.undo():
            self.say("Nothing to undo: this is the beginning.")
            return
        self.report_saving()
        self.navigation.show_play()

    def action_quicksave(self) -> None:
        self.save_slots.quicksave()

    def action_quickload(self) -> None:
        self.save_slots.quickload()

    def action_toggle_inspector(self) -> None:
        self.story_reload.toggle_inspector()

    def action_save(self) -> None:
        from cosmodrome.tui.screens.saves import SavesScreen

        self.navigation.open_over_play(SavesScreen("save"))

    def action_load(self) -> None:
        from cosmodrome.tui.screens.saves import SavesScreen

        if self.session.playing:
            self.navigation.open_over_play(SavesScreen("load"))
        else:
            self.push_screen(SavesScreen("load"))

    def action_archive(self) -> None:
        from cosmodrome.tui.screens.archive import ArchiveScreen

        self.navigation.open_over_play(ArchiveScreen())

    def action_map(self) -> None:
        from cosmodrome.tui.screens.map import MapScreen

        self.navigation.open_over_play(MapScreen())

    def action_timeline(self) -> None:
        from cosmodrome.tui.screens.timeline import TimelineScreen

        self.navigation.open_over_play(TimelineScreen())

    def action_ending(self) -> None:
        from cosmodrome.tui.screens.ending import EndingScreen

        state = self.session.state
        if state is not None and state.ended:
            self.navigation.open_over_play(EndingScreen())

    def action_settings(self) -> None:
        from cosmodrome.tui.screens.settings import SettingsScreen

        self.push_screen(SettingsScreen())

    def action_help(self) -> None:
        from cosmodrome.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_open_link(self, url: str) -> None:
        """A link in the story, clicked: in a browser (`cosmodrome serve`) it opens in a
        new tab; a terminal cannot be trusted to start a browser (it may start a text
        one inside the game's terminal), so there the address is copied instead."""
        if self.is_web:
            self.open_url(url)
        else:
            self.copy_to_clipboard(url)
            self.say(f"Link copied: {url}")

    def action_export(self) -> None:
        from cosmodrome.tui.export import export

        if self.session.playing:
            export(self)

    def on_delivery_complete(self, event: events.DeliveryComplete) -> None:
        from cosmodrome.tui.export import delivered

        delivered(self, event)

    def on_delivery_failed(self, event: events.DeliveryFailed) -> None:
        from cosmodrome.tui.export import DELIVERY, failed

        if event.name == DELIVERY:
            failed(self, event.exception)
