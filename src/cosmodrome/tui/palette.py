"""The command palette (ctrl+p): every action of the game, by name."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, NamedTuple, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from cosmodrome.tui.app import CosmodromeApp


class PaletteCommand(NamedTuple):
    name: str
    help: str
    action: str  # an action of the app, without the `action_` prefix


def palette_commands(app: CosmodromeApp) -> list[PaletteCommand]:
    """The commands that make sense now: game commands only while a game is in progress."""
    state = app.session.state
    commands = [PaletteCommand("New game", "Start the story from the beginning", "new_game")]
    if state is not None or app.session.may_continue():
        commands.append(PaletteCommand("Continue", "Resume the game in progress", "continue_game"))
    if state is not None:
        commands += [
            PaletteCommand("Save game", "Save to a new or existing slot", "save"),
            PaletteCommand("Quicksave", "Save to the quicksave slot (F5)", "quicksave"),
        ]
    commands += [
        PaletteCommand("Load game", "Load a saved game", "load"),
        PaletteCommand("Quickload", "Load the quicksave (F9)", "quickload"),
    ]
    if state is not None:
        commands += [
            PaletteCommand("Undo", "Take back the last choice", "undo"),
            PaletteCommand("Archive", "The facts you have found, by year", "archive"),
            PaletteCommand("Map", "Where the story's places are", "map"),
            PaletteCommand("Timeline", "The story's eras and where you are", "timeline"),
            PaletteCommand("Export transcript", "Write the run so far to a file", "export"),
        ]
    if state is not None and app.story_reload.watching:
        commands.append(
            PaletteCommand(
                "Inspector",
                "Variables, visits, facts, and why each choice shows (F12)",
                "toggle_inspector",
            )
        )
    commands += [
        PaletteCommand("Title menu", "Back to the title screen", "title"),
        PaletteCommand("Settings", "Theme, text reveal, quit confirmation", "settings"),
        PaletteCommand("Help", "Every key binding", "help"),
        PaletteCommand("Quit", "Leave the game (progress is saved)", "quit"),
    ]
    return commands


class CosmodromeCommands(Provider):
    """Offers `palette_commands` to the command palette."""

    def _commands(self) -> list[tuple[PaletteCommand, Callable[[], object]]]:
        app = cast("CosmodromeApp", self.app)
        return [(c, partial(app.run_action, c.action)) for c in palette_commands(app)]

    async def discover(self) -> Hits:
        for command, run in self._commands():
            yield DiscoveryHit(command.name, run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command, run in self._commands():
            score = matcher.match(command.name)
            if score > 0:
                yield Hit(score, matcher.highlight(command.name), run, help=command.help)
