"""Reading flow on the play screen: passages and choices in one column, a new passage
shown from its top, a cue while more is below, the page keys and Space scrolling the
story whatever has focus, every choice reachable by a key, and one measure for text and
choices at every width."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual.content import Content
from textual.widgets import OptionList

from cosmodrome.settings import Settings
from cosmodrome.tui.dialogs.confirm import ConfirmDialog
from cosmodrome.tui.screens.ending import EndingScreen
from cosmodrome.tui.screens.play import PlayScreen
from cosmodrome.tui.screens.title import TitleScreen
from cosmodrome.tui.widgets.notes import NoteLine
from cosmodrome.tui.widgets.transcript import Transcript
from tests.tui.harness import FIXTURES, JOURNEY, app_of, make_app, settle, told

MANY = FIXTURES / "many-choices"
SIZES = [(80, 24), (120, 40)]


def play_screen(pilot: Any) -> PlayScreen:
    screen = pilot.app.screen
    assert isinstance(screen, PlayScreen)
    return screen


def footer_keys(pilot: Any) -> list[str]:
    """The words of the key bar, as drawn (its key widgets are private to Textual)."""
    drawn = [key.render() for key in pilot.app.screen.query("Footer *")]
    words = [str(text) for text in drawn if isinstance(text, (Content, Text))]
    return " ".join(words).split()


async def test_a_new_passage_opens_at_its_top(tmp_path: Path) -> None:
    async with make_app(tmp_path, JOURNEY).run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        for key in ("1", "1", "2", "2"):
            await pilot.press(key)
            await settle(pilot)
            transcript = play_screen(pilot).transcript
            newest = transcript.newest
            assert newest is not None
            assert transcript.scroll_y == min(newest.virtual_region.y, transcript.max_scroll_y)


@pytest.mark.parametrize("size", SIZES)
async def test_the_cue_shows_while_more_is_below_and_space_reads_on(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    async with make_app(tmp_path, MANY).run_test(size=size) as pilot:
        await pilot.press("n")
        await settle(pilot)
        screen = play_screen(pilot)
        transcript = screen.transcript
        cue = screen.query_one("#note-more")
        assert transcript.choices.has_focus
        if transcript.max_scroll_y == 0:  # all of it fits (120×40): no cue
            assert not cue.display
            return
        assert transcript.scroll_y == 0 and cue.display
        await pilot.press("space")
        await pilot.pause()
        assert transcript.scroll_y > 0
        await pilot.press("pagedown", "pagedown", "pagedown")
        await pilot.pause()
        assert transcript.scroll_y == transcript.max_scroll_y
        assert not cue.display
        await pilot.press("pageup")
        await pilot.pause()
        assert transcript.scroll_y < transcript.max_scroll_y and cue.display
        assert app_of(pilot).session.require().steps == 0  # no key took a choice


async def test_a_page_down_skips_no_line(tmp_path: Path) -> None:
    async with make_app(tmp_path, MANY).run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        transcript = play_screen(pilot).transcript
        height = transcript.scrollable_content_region.height
        before = transcript.scroll_y
        await pilot.press("pagedown")
        await pilot.pause()
        assert 0 < transcript.scroll_y - before < height  # the last lines read stay in view


async def test_the_twelfth_choice_is_taken_by_its_key(tmp_path: Path) -> None:
    async with make_app(tmp_path, MANY).run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        prompts = play_screen(pilot).transcript.choices.prompts
        assert prompts[9].startswith("0. Take the tenth road")
        assert prompts[11].startswith("c. Take the twelfth road")
        await pilot.press("c")
        await settle(pilot)
        assert app_of(pilot).session.require().node == "road-12"


async def test_the_key_bar_shows_the_keys_for_the_choices_there_are(tmp_path: Path) -> None:
    async with make_app(tmp_path, MANY).run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await pilot.pause()
        shown = footer_keys(pilot)
        assert shown[:4] == ["1-9", "0", "b…", "Choose"]
    async with make_app(tmp_path / "two").run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await pilot.pause()
        shown = footer_keys(pilot)
        assert shown[:2] == ["1-9", "Choose"] and "0" not in shown and "b…" not in shown


@pytest.mark.parametrize("size", SIZES)
async def test_text_and_choices_share_one_measure_centred_when_wide(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    async with make_app(tmp_path, JOURNEY).run_test(size=size) as pilot:
        await pilot.press("n")
        await settle(pilot)
        transcript = play_screen(pilot).transcript
        passage, choices = transcript.newest, transcript.choices
        assert passage is not None
        assert passage.region.x == choices.region.x
        assert passage.region.width == choices.region.width
        left = passage.region.x - transcript.region.x
        right = transcript.region.right - passage.region.right
        assert left >= 2 and right >= 2 and abs(left - right) <= 2  # centred, with a margin
        assert passage.region.width <= 76


async def test_messages_go_under_the_choices_never_over_them(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("f5")  # quicksave: "Saved as 'quicksave'."
        await settle(pilot)
        screen = play_screen(pilot)
        note = screen.query_one(NoteLine)
        assert "Saved as 'quicksave'." in note.message
        assert not screen.query("Toast")
        assert not note.region.overlaps(screen.transcript.region)
        assert "Saved as 'quicksave'." in told(app_of(pilot))


async def test_the_ending_path_scrolls_by_page_keys_while_the_menu_has_focus(
    tmp_path: Path,
) -> None:
    async with make_app(tmp_path, FIXTURES / "engine").run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        app = app_of(pilot)
        for _ in range(20):  # swap a and b, and back: a long path
            await pilot.press("1")
            await settle(pilot)
        leave = play_screen(pilot).transcript.choices.prompts[-1]
        assert leave.endswith("Leave")
        await pilot.press(leave[0])
        await settle(pilot)
        assert app.session.require().ended
        await pilot.press("enter")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, EndingScreen)
        assert screen.query_one("#ending-menu", OptionList).has_focus
        summary = screen.query_one("#ending-summary")
        assert summary.max_scroll_y > 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert summary.scroll_y > 0
        await pilot.press("pageup")
        await pilot.pause()
        assert summary.scroll_y == 0


async def test_quit_on_the_title_asks_nothing_but_in_a_game_it_asks(tmp_path: Path) -> None:
    app = make_app(tmp_path, settings=Settings(confirm_quit=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("n", "escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, TitleScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_the_title_menu_does_not_move_with_the_continue_line(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        menu = pilot.app.screen.query_one("#title-menu")
        before = menu.region.x, menu.region.width
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("2", "escape")  # a game to continue: a long Continue line
        await settle(pilot)
        menu = pilot.app.screen.query_one("#title-menu")
        assert (menu.region.x, menu.region.width) == before


def test_the_transcript_is_one_scrolling_column() -> None:
    assert issubclass(Transcript, __import__("textual.containers").containers.VerticalScroll)


async def test_a_message_said_over_another_screen_moves_to_the_line_on_return(
    tmp_path: Path,
) -> None:
    async with make_app(tmp_path).run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("a")  # the archive, over the play screen
        await settle(pilot)
        app_of(pilot).say("Saved as 'kit'.")  # as the saves screen says it
        await pilot.pause()
        assert pilot.app.screen.query("Toast")  # seen where it was said
        await pilot.press("escape")
        await settle(pilot)
        screen = play_screen(pilot)
        assert "Saved as 'kit'." in screen.query_one(NoteLine).message
        await pilot.pause()
        assert not screen.query("Toast")  # and not over the choices
