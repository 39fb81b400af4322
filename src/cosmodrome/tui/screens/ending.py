"""The ending screen: which ending, and a summary of the run."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from cosmodrome.engine.progress import ending_nodes
from cosmodrome.safetext import printable
from cosmodrome.tui.screens.base import GameScreen
from cosmodrome.tui.widgets.transcript import CONTEXT_ROWS
from cosmodrome.wording import duration, plural

MENU_ACTIONS = {"new": "new_game", "load": "load", "quit": "quit"}


def path_table(steps: list[str]) -> Table:
    """The choices of the run, numbered, each wrapped under its own text."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(ratio=1)
    for number, text in enumerate(steps, 1):
        grid.add_row(f"{number}.", Text(printable(text)))
    return grid


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
        # the path is read whatever has focus (the menu would take the page keys)
        Binding("pageup", "page(-1)", "Scroll up", show=False, priority=True, id="ending.pageup"),
        Binding(
            "pagedown,space", "page(1)", "Read on", show=False, priority=True, id="ending.pagedown"
        ),
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
                    yield Static(path_table([step.text for step in steps]), id="ending-path")
            yield OptionList(
                Option(Content("New game"), id="new"),
                Option(Content("Load a save"), id="load"),
                Option(Content("Quit"), id="quit"),
                id="ending-menu",
            )
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#ending-menu", OptionList).focus()

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        action = MENU_ACTIONS.get(event.option.id or "")
        if action is not None:
            await self.run_action(f"app.{action}")

    def action_page(self, direction: int) -> None:
        summary = self.query_one("#ending-summary", VerticalScroll)
        rows = max(1, summary.scrollable_content_region.height - CONTEXT_ROWS)
        summary.scroll_to(y=summary.scroll_y + direction * rows, animate=False, immediate=True)

    def action_step_back(self) -> None:
        self.game_app.action_undo()
