"""The shell of the game's app: its session, settings, notifications and screen stack.

`CosmodromeApp` adds the keys and actions; this class knows which screen shows
what, and keeps the player informed. No rule of play lives here.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App
from textual.notifications import SeverityLevel
from textual.screen import Screen

from cosmodrome.settings import HIGH_CONTRAST_THEME, Settings, save_settings
from cosmodrome.story.model import Story
from cosmodrome.tui.screens.title import TitleScreen
from cosmodrome.tui.session import Session
from cosmodrome.tui.themes import HIGH_CONTRAST

if TYPE_CHECKING:
    from cosmodrome.saves import SaveStore
    from cosmodrome.tui.screens.play import PlayScreen

MIN_WIDTH = 80
MIN_HEIGHT = 24


class GameShell(App[None]):
    """The session, the settings and the screens, for the actions of `CosmodromeApp`."""

    def __init__(
        self,
        story: Story,
        store: SaveStore | Callable[[], SaveStore],
        *,
        settings: Settings | None = None,
        settings_file: Path | None = None,
        settings_problems: tuple[str, ...] = (),
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = datetime.now,
        export_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.story = story
        self.session = Session(story, store, clock)
        self.session.defer = self._autosave_after_frame  # a move's frame first, then its save
        self.settings = settings or Settings()
        self.settings_file = settings_file
        self._settings_problems = settings_problems
        self.now = now
        self.export_dir = export_dir or Path.cwd()
        self.title = story.title
        self.register_theme(HIGH_CONTRAST)
        # before the first screen is styled, so no screen is drawn in the wrong colours
        self._apply_theme(self.settings.theme)
        self._play: PlayScreen | None = None
        self._title_screen = TitleScreen()

    def get_default_screen(self) -> Screen[None]:
        return self._title_screen

    def _autosave_after_frame(self, flush: Callable[[], object]) -> None:
        # on the event loop, as every other write of the store: two saves never overlap
        def write() -> None:
            flush()
            self._report_saving()

        self.call_after_refresh(write)

    async def _on_exit_app(self) -> None:
        self.session.flush()  # however the app stops, the last move is saved
        await super()._on_exit_app()

    def _hang_up(self) -> None:
        """The terminal went away: write the autosave (with the play time) and stop."""
        self.session.autosave()
        self.exit()

    def _leave(self) -> None:
        self.session.autosave()  # records the play time of the last stretch
        self.exit()

    # -- talking to the player ------------------------------------------------------

    def say(self, message: str, severity: SeverityLevel = "information") -> None:
        """A notification; story text in it is never parsed as markup."""
        self.notify(message, severity=severity, markup=False)

    def _report_saving(self) -> None:
        problem = self.session.take_saving_problem()
        if problem:
            self.say(f"Saving is off: {problem}", "warning")

    # -- screens -------------------------------------------------------------------

    @property
    def play_screen(self) -> PlayScreen:
        if self._play is None:
            from cosmodrome.tui.screens.play import PlayScreen

            self._play = PlayScreen()
            self.install_screen(self._play, "play")
        return self._play

    def _pop_to(self, screen: Screen[Any]) -> None:
        while self.screen is not screen and len(self.screen_stack) > 1:
            self.pop_screen()

    def show_title(self) -> None:
        """Back to the title screen (the game stays in memory and in the autosave)."""
        self._pop_to(self._title_screen)
        self._title_screen.refresh_menu()

    def show_play(self, *, fresh: bool = False) -> None:
        """Make the play screen current and draw the session's state on it."""
        play = self.play_screen
        if play in self.screen_stack:
            self._pop_to(play)
        else:
            self._pop_to(self._title_screen)
            self.push_screen(play)
        play.show_state(self.session, typewriter=fresh and self.settings.text_reveal != "instant")

    def open_over_play(self, screen: Screen[Any]) -> None:
        """Show `screen` above the play screen (closing any other screen above it)."""
        if not self.session.playing:
            self.say("Start or continue a game first.")
            return
        self.show_play()
        self.push_screen(screen)

    def _too_small(self) -> bool:
        from cosmodrome.tui.screens.too_small import TooSmallScreen

        return isinstance(self.screen, TooSmallScreen)

    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int, height: int) -> None:
        from cosmodrome.tui.screens.too_small import TooSmallScreen

        small = width < MIN_WIDTH or height < MIN_HEIGHT
        if small and not self._too_small():
            self.push_screen(TooSmallScreen(MIN_WIDTH, MIN_HEIGHT))
        elif small and isinstance(self.screen, TooSmallScreen):
            self.screen.show_size(width, height)
        elif not small and isinstance(self.screen, TooSmallScreen):
            self.pop_screen()

    # -- settings ------------------------------------------------------------------

    def _apply_theme(self, name: str) -> None:
        if name not in self.available_themes:
            problem = f"Unknown theme '{name}'; using the default."
            self._settings_problems = (*self._settings_problems, problem)
            name = Settings().theme
        self.theme = name

    def apply_settings(self, settings: Settings) -> None:
        """Use `settings` now and keep them in the settings file."""
        if settings.theme != self.settings.theme:
            self._apply_theme(settings.theme)
            settings = replace(settings, theme=self.theme)
        self.settings = settings
        if self.settings_file is None:
            return
        try:
            save_settings(self.settings_file, settings)
        except OSError as exc:
            self.say(f"Settings are not saved: {exc.strerror or exc}", "warning")

    def theme_choices(self) -> list[str]:
        """Every theme the player can pick, the high-contrast one first."""
        names = sorted(n for n in self.available_themes if n != HIGH_CONTRAST_THEME)
        return [HIGH_CONTRAST_THEME, *names]
