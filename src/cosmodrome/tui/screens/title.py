"""The title screen: the story's name and the main menu."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical
from textual.content import Content
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from cosmodrome.safetext import printable
from cosmodrome.story.model import Story
from cosmodrome.tui.cutting import cut_at_word
from cosmodrome.tui.screens.base import GameScreen
from cosmodrome.wording import slot_where, when

MENU_ACTIONS = {
    "new": "new_game",
    "continue": "continue_game",
    "load": "load",
    "settings": "settings",
    "help": "help",
    "quit": "quit",
}


ROCKET = "\n".join(["  ▲  ", " ▐█▌ ", " ▐█▌ ", "▟███▙", " ▝ ▘ "])


def spaced(title: str) -> str:
    """'THE CHECKPOINT' as 'T H E   C H E C K P O I N T' when it is short enough."""
    upper = title.upper()
    return "   ".join(" ".join(word) for word in upper.split()) if len(upper) <= 24 else upper


DETAIL_WIDTH = 58  # the menu's 64 columns (screens.tcss) less its padding and indent


class TitleMenu(OptionList):
    """The main menu; an option may carry a detail line, styled in the .tcss."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"title-menu--detail"}

    def two_lines(self, label: str, detail: str) -> Content:
        style = self.get_visual_style("title-menu--detail", partial=True)
        shown = cut_at_word(printable(detail), DETAIL_WIDTH)  # one line: the menu never wraps
        return Content.assemble(label, "\n", (f"  {shown}", style))


class TitleScreen(GameScreen):
    """New game, Continue (when there is an autosave), Load, Settings, Help, Quit."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "app.new_game", "New game", id="title.new"),
        Binding("c", "app.continue_game", "Continue", id="title.continue"),
        Binding("l", "app.load", "Load", id="title.load"),
        Binding("o", "app.settings", "Settings", id="title.settings"),
        Binding("q", "app.quit", "Quit", show=False, id="title.quit"),
    ]

    def compose(self) -> ComposeResult:
        story = self.game_app.story
        with Vertical(id="title-box"):
            with Center():
                yield Static(ROCKET, id="title-art", markup=False)
            yield Static(Content(printable(spaced(story.title))), id="title-name")
            author = Static(Content(printable(f"by {story.author}")), id="title-author")
            author.display = bool(story.author)
            yield author
            with Center(id="title-menu-box"):
                yield TitleMenu(id="title-menu")
        yield Footer()

    def show_story(self, story: Story) -> None:
        """Name `story` (a new version of it, reloaded under `play --watch`)."""
        self.query_one("#title-name", Static).update(Content(printable(spaced(story.title))))
        author = self.query_one("#title-author", Static)
        author.update(Content(printable(f"by {story.author}") if story.author else ""))
        author.display = bool(story.author)

    def on_screen_resume(self) -> None:
        # the save store is opened before the first frame, so Continue is right from the
        # start: never offered and then withdrawn
        self.refresh_menu()

    def _continue_option(self) -> Option | None:
        """Continue, naming the game it resumes (its autosave, where, when) on a second
        line: the game in progress, else the newest autosave that no other window plays;
        None when there is no game."""
        session = self.session
        menu = self.query_one(TitleMenu)
        playing = session.autosave_name if session.state is not None else None
        if playing is not None:
            slot = next((s for s in session.slots() if s.name == playing), None)
        else:
            slot = session.continue_slot()
        if slot is not None:
            saved = [] if slot.saved_at is None else [when(slot.saved_at, self.game_app.now())]
            where = slot_where(slot, session.story)
            detail = " · ".join([slot.name, where, *saved])
            if len(detail) > DETAIL_WIDTH and slot.era_label and slot.node_title:
                # the era goes first, then (in two_lines) the end of the line at a word
                detail = detail.replace(where, where.removeprefix(f"{slot.era_label} · "), 1)
            return Option(menu.two_lines("Continue", detail), id="continue")
        if session.state is not None:
            detail = f"{session.passage().title or 'the game in progress'} · not saved"
            return Option(menu.two_lines("Continue", detail), id="continue")
        return None

    def refresh_menu(self) -> None:
        """Rebuild the menu: Continue appears only when there is a game to continue."""
        menu = self.query_one(TitleMenu)
        options = [Option(Content("New game"), id="new")]
        resume = self._continue_option()
        if resume is not None:
            options.append(resume)
        options += [
            Option(Content("Load"), id="load"),
            Option(Content("Settings"), id="settings"),
            Option(Content("Help"), id="help"),
            Option(Content("Quit"), id="quit"),
        ]
        menu.set_options(options)
        menu.highlighted = 1 if resume is not None and not resume.disabled else 0
        menu.focus()
        self.refresh_bindings()  # the key bar's Continue follows the menu's

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        action = MENU_ACTIONS.get(event.option.id or "")
        if action is not None:
            await self.run_action(f"app.{action}")
