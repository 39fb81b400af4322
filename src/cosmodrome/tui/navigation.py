"""Which screen the game shows: the title, the play screen, a screen over it, or the
cover that says the terminal is too small. A helper the app owns; no rule of play."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from cosmodrome.tui.screens.title import TitleScreen

if TYPE_CHECKING:
    from cosmodrome.tui.app import CosmodromeApp
    from cosmodrome.tui.screens.play import PlayScreen

MIN_WIDTH = 80
MIN_HEIGHT = 24


class Navigation:
    """The app's screens: the title (the default screen) and the play screen, made when
    the first game is shown."""

    def __init__(self, app: CosmodromeApp) -> None:
        self.app = app
        self.title = TitleScreen()
        self.made_play: PlayScreen | None = None  # None until a game is first shown

    @property
    def play(self) -> PlayScreen:
        """The play screen (made now if this is the first time it is needed)."""
        if self.made_play is None:
            from cosmodrome.tui.screens.play import PlayScreen

            self.made_play = PlayScreen()
            self.app.install_screen(self.made_play, "play")
        return self.made_play

    def _pop_to(self, screen: Screen[Any]) -> None:
        app = self.app
        while app.screen is not screen and len(app.screen_stack) > 1:
            app.pop_screen()

    def show_title(self) -> None:
        """Back to the title screen (the game stays in memory and in the autosave)."""
        self._pop_to(self.title)
        self.title.refresh_menu()

    def show_play(self, *, fresh: bool = False) -> None:
        """Make the play screen current and draw the session's state on it; `fresh` types
        a new passage out (when the settings say so)."""
        app, play = self.app, self.play
        if play in app.screen_stack:
            self._pop_to(play)
        else:
            self._pop_to(self.title)
            app.push_screen(play)
        typewriter = fresh and app.settings.text_reveal != "instant"
        play.show_state(app.session, typewriter=typewriter)

    def open_over_play(self, screen: Screen[Any]) -> None:
        """Show `screen` above the play screen (closing any other screen above it)."""
        if not self.app.session.playing:
            self.app.say("Start or continue a game first.")
            return
        self.show_play()
        self.app.push_screen(screen)

    @property
    def game_on_screen(self) -> bool:
        """Whether a game is being played on screen (the play screen, or a screen over
        it): quitting then asks first when the settings say so."""
        play = self.made_play
        return play is not None and play in self.app.screen_stack and not self.too_small

    @property
    def too_small(self) -> bool:
        """Whether the too-small cover is showing (the game's keys are off)."""
        from cosmodrome.tui.screens.too_small import TooSmallScreen

        return isinstance(self.app.screen, TooSmallScreen)

    def fit(self, width: int, height: int) -> None:
        """Cover the game while the terminal is smaller than 80×24; uncover it after."""
        from cosmodrome.tui.screens.too_small import TooSmallScreen

        app = self.app
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        top = app.screen if isinstance(app.screen, TooSmallScreen) else None
        if small and top is not None:
            top.show_size(width, height)
            return
        # a cover under another screen (a game started over it) is not the one to keep
        for buried in app.screen_stack:
            if isinstance(buried, TooSmallScreen) and buried is not top:
                buried.stale = True
        if small:
            app.push_screen(TooSmallScreen(MIN_WIDTH, MIN_HEIGHT))
        elif top is not None:
            app.pop_screen()
