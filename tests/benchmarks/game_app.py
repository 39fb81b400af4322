"""The one place the benchmarks reach into the game's Textual app: how it is built for
Pilot, how it is started from the command line, and which key makes the next move.
After a change to the app's constructor or session, fix this file only."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.pilot import Pilot

if TYPE_CHECKING:  # the start-up benchmark runs this module before the game imports it
    from cosmodrome.story.model import Story


def build_app(story: Story, saves: Path) -> App[Any]:
    """The game on a new game of `story`, passages shown at once (no typewriter), quitting
    without asking, saves in `saves`."""
    from cosmodrome.saves.store import SaveStore
    from cosmodrome.settings import Settings
    from cosmodrome.tui.app import CosmodromeApp

    settings = Settings(text_reveal="instant", confirm_quit=False)
    return CosmodromeApp(story, SaveStore(saves), settings=settings, start="new")


def command_line(story: Path) -> list[str]:
    """The arguments of `cosmodrome` that open the game on `story` at its title screen."""
    return ["play", "--story", str(story)]


async def next_key(pilot: Pilot[Any]) -> str | None:
    """The key that takes the middle one of the choices shown; at an ending (or before a
    game) a new game is started instead and None returned, with no key to time."""
    app: Any = pilot.app
    state = app.session.state
    if state is None or state.ended:
        app.start_new_game()
        await pilot.pause()
        return None
    shown = [view for view in app.session.game.passage(state).available if view.number <= 9]
    return str(shown[len(shown) // 2].number)
