"""Pilot tests of saving and loading: slots, overwrite and delete confirmations, quick keys,
damaged and incompatible slots, and the whole run from a new game to a later continue."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList

from cosmodrome.saves.slots import QUICKSAVE
from cosmodrome.tui.dialogs.confirm import ConfirmDialog
from cosmodrome.tui.dialogs.name_prompt import NamePrompt
from cosmodrome.tui.screens.ending import EndingScreen
from cosmodrome.tui.screens.play import PlayScreen
from cosmodrome.tui.screens.saves import SavesScreen
from cosmodrome.tui.screens.title import TitleScreen
from cosmodrome.tui.widgets.transcript import Transcript
from tests.tui.harness import JOURNEY, app_of, make_app, settle, told
from tests.unit.session.session_helpers import make_store


def slot_ids(screen: SavesScreen) -> list[str | None]:
    return [option.id for option in screen.query_one("#slots", OptionList).options]


async def start(pilot: object) -> None:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.press("n")
    await settle(pilot)


async def test_saving_to_a_new_slot_asks_for_a_name(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await pilot.press("2", "s")
        await settle(pilot)
        assert isinstance(pilot.app.screen, SavesScreen)
        await pilot.press("enter")  # "+ New save…" is first
        await settle(pilot)
        assert isinstance(pilot.app.screen, NamePrompt)
        await pilot.press(*"At the Gate", "enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, PlayScreen)
        loaded = make_store(tmp_path).load("at the gate", app_of(pilot).story)
        assert loaded.state.node == "checkpoint"


async def test_a_bad_slot_name_is_refused_in_the_dialog(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await pilot.press("s", "n")
        await settle(pilot)
        prompt = pilot.app.screen
        assert isinstance(prompt, NamePrompt)
        await pilot.press(*"../etc", "enter")
        await settle(pilot)
        assert pilot.app.screen is prompt
        problem = str(prompt.query_one("#problem").content)  # type: ignore[attr-defined]
        assert "a save name is 1 to 40 letters" in problem.lower()
        prompt.query_one(Input).value = "autosave"
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.screen is prompt
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, SavesScreen)


async def test_overwriting_a_slot_needs_confirmation(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        await start(pilot)
        app = app_of(pilot)
        app.session.save("mine")  # at the start
        await pilot.press("2", "s")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, SavesScreen)
        assert slot_ids(screen) == ["+new", "slot:mine"]  # never the autosave
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(pilot)
        store = make_store(tmp_path)
        assert store.load("mine", app.story).state.node == "prologue"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert store.load("mine", app.story).state.node == "checkpoint"
        assert isinstance(pilot.app.screen, PlayScreen)


async def test_deleting_a_slot_needs_confirmation(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        await start(pilot)
        app = app_of(pilot)
        app.session.save("old")
        await pilot.press("l")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, SavesScreen)
        assert slot_ids(screen) == ["slot:auto-1", "slot:old"]
        await pilot.press("down", "d")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(pilot)
        assert app.session.store.exists("old")
        await pilot.press("d", "y")
        await settle(pilot)
        assert not app.session.store.exists("old")
        assert slot_ids(screen) == ["slot:auto-1"]


async def test_loading_a_slot_restores_its_game(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        await start(pilot)
        app = app_of(pilot)
        await pilot.press("2")
        await settle(pilot)
        app.session.save("gate")
        await pilot.press("u")
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, PlayScreen)
        assert app.session.require().node == "checkpoint"
        assert app.session.require().steps == 1


async def test_a_damaged_slot_is_listed_with_its_reason_and_cannot_crash(tmp_path: Path) -> None:
    (tmp_path / "broken.save.json").write_text("{ not json", encoding="utf-8")
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, SavesScreen)
        listing = screen.query_one("#slots", OptionList)
        prompt = str(listing.get_option("slot:broken").prompt)
        assert "cannot be loaded" in prompt
        await pilot.press("enter")
        await settle(pilot)
        app = app_of(pilot)
        assert pilot.app.screen is screen
        assert not app.session.playing
        assert any("'broken' cannot be loaded" in m for m in told(app))


async def test_a_save_of_another_story_says_why_it_cannot_be_loaded(tmp_path: Path) -> None:
    async with make_app(tmp_path, JOURNEY).run_test(size=(80, 24)) as pilot:
        await start(pilot)
        app_of(pilot).session.save("eastward")
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, SavesScreen)
        await screen.workers.wait_for_complete()
        await settle(pilot)
        listing = screen.query_one("#slots", OptionList)
        prompt = str(listing.get_option("slot:eastward").prompt)
        assert "another story" in prompt
        index = listing.get_option_index("slot:eastward")
        listing.highlighted = index
        await pilot.press("enter")
        await settle(pilot)
        app = app_of(pilot)
        assert not app.session.playing
        assert any("another story" in m for m in told(app))


async def test_quicksave_and_quickload_keys(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        await start(pilot)
        app = app_of(pilot)
        await pilot.press("f9")
        await settle(pilot)
        assert any("no quicksave yet" in m for m in told(app))
        await pilot.press("2", "f5")
        await settle(pilot)
        assert app.session.store.exists(QUICKSAVE)
        await pilot.press("3")  # turn back: an ending
        await settle(pilot)
        assert app.session.require().ended
        await pilot.press("f9")
        await settle(pilot)
        assert app.session.require().node == "checkpoint"


async def test_new_game_choices_undo_save_quit_continue_load_and_ending(tmp_path: Path) -> None:
    """The whole journey a player makes across two sessions of the game."""
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await pilot.press("1", "1", "u", "u")  # take the pass, drive on, undo both
        await settle(pilot)
        await pilot.press("1", "1")  # take the pass, drive to the gate
        await settle(pilot)
        await pilot.press("s", "enter", *"gate", "enter")
        await settle(pilot)
        await pilot.press("ctrl+q")
        await settle(pilot)
    assert make_store(tmp_path).exists("gate")

    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        menu = pilot.app.screen.query_one("#title-menu", OptionList)
        assert menu.highlighted == menu.get_option_index("continue")
        await pilot.press("enter")  # Continue
        await settle(pilot)
        app = app_of(pilot)
        assert app.session.require().node == "checkpoint"
        assert app.session.require().steps == 2
        await pilot.press("3")  # turn back: the road home
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, SavesScreen)
        listing = screen.query_one("#slots", OptionList)
        listing.highlighted = listing.get_option_index("slot:gate")
        await pilot.press("enter")
        await settle(pilot)
        assert app.session.require().node == "checkpoint"
        await pilot.press("1")  # show the press pass: the apron
        await settle(pilot)
        await pilot.press("enter")  # see how the story ended
        await settle(pilot)
        assert isinstance(pilot.app.screen, EndingScreen)
        assert app.session.store.endings_found("sample") == frozenset({"road-end", "apron"})


async def test_continue_after_quitting_from_the_title(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await pilot.press("2", "escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, TitleScreen)
    store = make_store(tmp_path)
    assert store.exists("auto-1")  # the first game's own autosave
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await settle(pilot)
        assert app_of(pilot).session.require().node == "checkpoint"


async def test_opening_on_a_save_shows_its_newest_passage_in_view(tmp_path: Path) -> None:
    async with make_app(tmp_path, JOURNEY).run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await pilot.press("1", "1", "2", "2", "1")  # notes, train, harbour, site
        await settle(pilot)
    app = make_app(tmp_path, JOURNEY, resume="auto-1")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, PlayScreen)
        transcript = screen.query_one(Transcript)
        newest = transcript.current
        assert newest is not None and newest.title == "The construction site"
        assert transcript.max_scroll_y > 0
        widget = transcript.newest
        assert widget is not None  # its top at the top of the view, as near as the end allows
        assert transcript.scroll_y == min(widget.virtual_region.y, transcript.max_scroll_y)
