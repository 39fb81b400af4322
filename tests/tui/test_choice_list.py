"""The choice list on its own: keys skip locked choices, the highlight stays in view,
and only choices that can be taken are taken, by key or by mouse."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult

from cosmodrome.engine.game import Game
from cosmodrome.story.loader import load_story
from cosmodrome.tui.widgets.choices import ChoiceList, ChoicesBox
from tests.tui.harness import SAMPLE


class ListHost(App[None]):
    """The list in a box three lines high, showing the checkpoint's four choices."""

    CSS = "#box { height: auto; max-height: 3; }"
    chosen: ClassVar[list[str]] = []

    def compose(self) -> ComposeResult:
        with ChoicesBox(id="box"):
            yield ChoiceList(id="choices")

    def on_mount(self) -> None:
        game = Game(load_story(SAMPLE, use_cache=False))
        checkpoint = game.take(game.start(), "checkpoint.1")  # "Drive to the gate"
        choices = self.query_one(ChoiceList)
        choices.show_choices(game.choices(checkpoint))
        choices.focus()

    def on_choice_list_chosen(self, message: ChoiceList.Chosen) -> None:
        self.chosen.append(message.key)


async def test_keys_skip_the_locked_choice_and_keep_the_highlight_in_view() -> None:
    async with ListHost().run_test(size=(60, 12)) as pilot:
        choices = pilot.app.query_one(ChoiceList)
        box = pilot.app.query_one(ChoicesBox)
        assert [option.disabled for option in choices.options] == [True, False, False, False]
        assert choices.highlighted == 1  # the first choice that can be taken
        await pilot.press("end")
        await pilot.pause()
        assert choices.highlighted == 3
        assert box.scroll_y >= 1  # four lines in a box of three: scrolled to the last
        await pilot.press("home")
        await pilot.pause()
        assert choices.highlighted == 1
        await pilot.press("up")  # above it is only the locked one
        assert choices.highlighted == 1
        await pilot.press("down", "down")
        assert choices.highlighted == 3


async def test_enter_and_clicks_take_choices_but_never_a_locked_one() -> None:
    ListHost.chosen = []
    async with ListHost().run_test(size=(60, 12)) as pilot:
        choices = pilot.app.query_one(ChoiceList)
        await pilot.click(choices, offset=(4, 0))  # the locked choice
        await pilot.pause()
        assert ListHost.chosen == []
        await pilot.click(choices, offset=(4, 1))
        await pilot.press("down", "enter")
        await pilot.pause()
        keys = [option.id.removeprefix("choice:") for option in choices.options]
        assert ListHost.chosen == [keys[1], keys[2]]
