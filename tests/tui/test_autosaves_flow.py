"""Pilot tests of every game's own autosave: the title's Continue names the game it
resumes and skips one another window plays; the load screen lists every autosave and
refuses one being played; quickload and a new game keep the game before."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from cosmodrome.engine.game import Game
from cosmodrome.session import Session
from cosmodrome.story.loader import load_story
from cosmodrome.tui.screens.play import PlayScreen
from cosmodrome.tui.screens.saves import SavesScreen, name_problem
from cosmodrome.tui.screens.title import TitleMenu
from tests.tui.harness import SAMPLE, app_of, make_app, settle, told
from tests.unit.session.session_helpers import FakeClock, make_store


def another_window(saves: Path, keys: list[str]) -> Session:
    """A game played in another window (its own store: its own locks), still open."""
    session = Session(load_story(SAMPLE), make_store(saves), FakeClock())
    session.new_game()
    for key in keys:
        session.take(key)
    return session


def menu_text(pilot: object) -> str:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    menu = pilot.app.screen.query_one(TitleMenu)
    return "\n".join(str(option.prompt) for option in menu.options)


async def test_continue_names_the_newest_autosave_no_other_window_plays(tmp_path: Path) -> None:
    left = another_window(tmp_path, ["checkpoint.1"])  # auto-1, at the checkpoint
    left.close()
    playing = another_window(tmp_path, ["take-pass"])  # auto-2, newer, still played
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = menu_text(pilot)
        assert "auto-1 · " in text and "auto-2" not in text
        await pilot.press("c")
        await settle(pilot)
        app = app_of(pilot)
        assert isinstance(pilot.app.screen, PlayScreen)
        assert (app.session.autosave_name, app.session.require().node) == ("auto-1", "checkpoint")
    playing.close()


async def test_the_load_screen_refuses_an_autosave_another_window_plays(tmp_path: Path) -> None:
    playing = another_window(tmp_path, ["take-pass"])
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, SavesScreen)
        listing = screen.query_one("#slots", OptionList)
        assert "being played in another window" in str(listing.get_option("slot:auto-1").prompt)
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.screen is screen  # not loaded
        assert any("being played in another window" in line for line in told(app_of(pilot)))
        await pilot.press("d", "y")  # nor deleted
        await settle(pilot)
        assert make_store(tmp_path).exists("auto-1")
    playing.close()


async def test_quickload_and_new_game_keep_the_game_before(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("f5", "2")  # quicksave at the start, then to the checkpoint
        await settle(pilot)
        await pilot.press("f9")  # quickload: a new autosave, auto-1 stays at the checkpoint
        await settle(pilot)
        app = app_of(pilot)
        assert app.session.autosave_name == "auto-2"
        await pilot.press("1", "escape", "n", "y")  # a move, then a new game
        await settle(pilot)
        assert app.session.autosave_name == "auto-3"
    store, story = make_store(tmp_path), load_story(SAMPLE)
    assert store.load("auto-1", story).state.node == "checkpoint"
    assert store.load("auto-2", story).state.steps == 1
    assert store.load("auto-3", story).state == Game(story).start()


def test_no_save_may_take_an_autosaves_name() -> None:
    assert name_problem("auto-7") == "'auto-7' is kept for a game's autosave; choose another name."
    assert name_problem("autosave") is not None
    assert name_problem("auto-mobile") is None
