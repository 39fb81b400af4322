"""The ending screen: which ending, and a summary of the run."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from cosmodrome.engine.progress import ending_nodes
from cosmodrome.safetext import printable
from cosmodrome.tui.screens.base import GameScreen
from cosmodrome.tui.widgets.keybar import KeyBar
from cosmodrome.wording import duration, plural

MENU_ACTIONS = {"new": "new_game", "load": "load", "quit": "quit"}


def run_summary(
    choices: int,
    seconds: float,
    *,
    facts: tuple[int, int],
    endings: tuple[int, int],
) -> list[str]:
    """The lines of the run's summary, as the player reads them."""
    return [
        f"You made {plural(choices, 'choice')} in {duration(seconds)}.",
        f"Facts found: {facts[0]} of {facts[1]}.",
        f"Endings found across all your runs: {endings[0]} of {endings[1]}.",
    ]


class EndingScreen(GameScreen):
    """The ending's title, the run in numbers, the path taken; New game, Load or Quit."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "app.new_game", "New game", id="ending.new"),
        Binding("l", "app.load", "Load", id="ending.load"),
        Binding("u", "step_back", "Undo", id="ending.undo"),
        Binding("escape", "app.pop_screen", "Back", id="ending.back"),
        Binding("q", "app.quit", "Quit", show=False, id="ending.quit"),
    ]

    def compose(self) -> ComposeResult:
        session = self.session
        state = session.require()
        story = session.story
        passage = session.game.passage(state)
        found = [f for f in state.facts if f in story.facts]
        summary = run_summary(
            state.steps,
            session.play_seconds,
            facts=(len(found), len(story.facts)),
            endings=(len(session.endings_found()), len(ending_nodes(story))),
        )
        with Vertical(id="ending-box"):
            yield Static("T H E   E N D", id="ending-mark")
            yield Static(Content(printable(passage.ending or "")), id="ending-title")
            with VerticalScroll(id="ending-summary"):
                yield Static(Content("\n".join(summary)), id="ending-numbers")
                steps = state.steps_taken()
                if steps:
                    yield Static("Your path", classes="section-title")
                    lines = [f"{n:>2}. {step.text}" for n, step in enumerate(steps, 1)]
                    yield Static(Content(printable("\n".join(lines))), id="ending-path")
            yield OptionList(
                Option(Content("New game"), id="new"),
                Option(Content("Load a save"), id="load"),
                Option(Content("Quit"), id="quit"),
                id="ending-menu",
            )
        yield KeyBar(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#ending-menu", OptionList).focus()

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        action = MENU_ACTIONS.get(event.option.id or "")
        if action is not None:
            await self.run_action(f"app.{action}")

    def action_step_back(self) -> None:
        self.game_app.action_undo()
