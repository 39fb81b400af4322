"""The choice list on its own: keys skip locked choices, only choices that can be taken
are taken, wrapped choices and reasons hang under their text, and every choice has a key
that no other key of the play screen uses."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList

from cosmodrome.engine.game import Game
from cosmodrome.story.loader import load_story
from cosmodrome.tui.screens.ending import EndingScreen
from cosmodrome.tui.screens.play import PlayScreen
from cosmodrome.tui.widgets.choices import CHOICE_KEYS, ChoiceList, choice_key
from tests.tui.harness import SAMPLE


class ListHost(App[None]):
    """The list, showing the checkpoint's four choices (the first locked)."""

    CSS = "ChoiceList { width: 30; }"
    chosen: ClassVar[list[str | None]] = []

    def compose(self) -> ComposeResult:
        yield ChoiceList(id="choices", compact=True)

    def on_mount(self) -> None:
        game = Game(load_story(SAMPLE, use_cache=False))
        checkpoint = game.take(game.start(), "checkpoint.1")  # "Drive to the gate"
        choices = self.query_one(ChoiceList)
        choices.show_choices(game.choices(checkpoint))
        choices.focus()

    def on_option_list_option_selected(self, message: OptionList.OptionSelected) -> None:
        self.chosen.append(self.query_one(ChoiceList).chosen_key(message.option))


def lines_of(choices: ChoiceList) -> list[str]:
    return [strip.text.rstrip() for strip in choices.render_lines(choices.size.region)]


async def test_keys_skip_the_locked_choice() -> None:
    async with ListHost().run_test(size=(60, 20)) as pilot:
        choices = pilot.app.query_one(ChoiceList)
        assert [option.disabled for option in choices.options] == [True, False, False, False]
        assert choices.highlighted == 1  # the first choice that can be taken
        await pilot.press("end")
        assert choices.highlighted == 3
        await pilot.press("home")
        assert choices.highlighted == 1
        await pilot.press("up")  # above it is only the locked one: round to the last
        assert choices.highlighted == 3
        await pilot.press("down")  # and round again, past the locked one
        assert choices.highlighted == 1


async def test_wrapped_choices_and_reasons_hang_under_their_text() -> None:
    async with ListHost().run_test(size=(60, 20)) as pilot:
        choices = pilot.app.query_one(ChoiceList)
        await pilot.pause()
        lines = [line for line in lines_of(choices) if line]
        assert lines[0].startswith("1. ")
        numbered = [i for i, line in enumerate(lines) if line[:1].isdigit()]
        assert len(numbered) == 4 and len(lines) > 4  # 30 columns: some lines wrap
        for index, line in enumerate(lines):
            if index not in numbered:  # a wrapped line or a reason starts under the text
                assert line.startswith("   ") and not line[3].isspace(), lines
        assert any("locked:" in line for line in lines)


async def test_enter_and_clicks_take_choices_but_never_a_locked_one() -> None:
    ListHost.chosen = []
    async with ListHost().run_test(size=(60, 20)) as pilot:
        choices = pilot.app.query_one(ChoiceList)
        await pilot.click(choices, offset=(4, 0))  # the locked choice
        await pilot.pause()
        assert ListHost.chosen == []
        await pilot.press("down", "enter")
        await pilot.pause()
        assert ListHost.chosen == [choices.chosen_key(choices.options[2])]


def test_the_tenth_choice_is_zero_and_later_ones_are_letters() -> None:
    assert [choice_key(n) for n in (1, 9, 10, 11, 12)] == ["1", "9", "0", "b", "c"]
    assert choice_key(len(CHOICE_KEYS) + 1) is None
    assert len(set(CHOICE_KEYS)) == len(CHOICE_KEYS)


def test_no_choice_key_is_a_key_of_the_play_or_ending_screen() -> None:
    def keys(bindings: Sequence[object], *, choosing: bool) -> set[str]:
        return {
            key.strip()
            for b in bindings
            if isinstance(b, Binding) and b.action.startswith("choose(") == choosing
            for key in b.key.split(",")
        }

    others = keys(PlayScreen.BINDINGS, choosing=False) | keys(EndingScreen.BINDINGS, choosing=False)
    assert keys(PlayScreen.BINDINGS, choosing=True) == set(CHOICE_KEYS)
    assert not others & set(CHOICE_KEYS)
